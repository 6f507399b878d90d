"""suppression.unused: a suppression comment in the copy that silences nothing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from checker.models import Finding, Severity
from checker.rules.base import PythonRule

if TYPE_CHECKING:
    from checker.analysis import Analysis


class UnusedSuppression(PythonRule):
    """A suppression comment that silences nothing.

    ## What it checks
    Every `<!-- factcheck: ignore RULE -->` comment or `[factcheck: ignore RULE]` line that
    covers no finding: the rule id is misspelt, the rule was not selected, or the copy was fixed
    and the comment stayed behind.

    ## Why it matters
    A misspelt suppression silences nothing and hides that from the editor; a stale one will
    silence the next real finding in that paragraph.

    ## Example
    "[factcheck: ignore style.redundnacy]"

    ## Suggested fix
    Correct the rule id (`factcheck rules` lists them) or delete the comment.
    """

    id = "suppression.unused"
    severity = Severity.info

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        # The findings are made by `suppress.apply`, the one place that sees what each
        # suppression silenced, after every other rule has run.
        return ()
