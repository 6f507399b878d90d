"""factcheck: claim-checking and consistency validation for news copy.

    from checker import Checker, check_text
    report = check_text(open("article.txt").read(), date="2022-02-02")
    for finding in report.findings:
        print(finding.span.where, finding.rule_id, finding.message)
    checker = Checker().warm_up()  # an editor's tool keeps one and calls checker.check_text(...)

The names in `__all__` are the stable, typed API (the package ships `py.typed`); everything
returned is a pydantic model from `checker.models`, the same `Report` that `--format json`
prints. Other modules are internal and may change between releases.
"""

from checker.config import Config
from checker.document import Document
from checker.engine import Checker, check_paths, check_text
from checker.models import (
    Attribution,
    CheckError,
    Claim,
    Constraint,
    DocumentReport,
    Finding,
    Fix,
    InputError,
    Quantity,
    Report,
    Severity,
    Source,
    SourceKind,
    Span,
    Verdict,
)

__all__ = [
    "Attribution", "CheckError", "Checker", "Claim", "Config", "Constraint", "Document",
    "DocumentReport", "Finding", "Fix", "InputError", "Quantity", "Report", "Severity", "Source",
    "SourceKind", "Span", "Verdict", "check_paths", "check_text",
]  # fmt: skip
__version__ = "0.1.0"
