"""JSON: the `Report` model itself, so `Report.model_validate_json` reads it back.

`JsonWriter` prints the same text as `render`, one document at a time.
"""

from __future__ import annotations

import json

from checker.formats.base import Totals, Writer
from checker.models import SCHEMA_VERSION, DocumentReport, Report

# findings silenced in the copy are shown by SARIF only; the JSON report stays as it was
_HIDDEN = {"suppressed"}


def render(report: Report) -> str:
    return report.model_dump_json(indent=2, exclude={"documents": {"__all__": _HIDDEN}}) + "\n"


def _nested(model_json: str) -> str:
    """A model's indented JSON re-indented to sit inside the report's list."""
    return "\n".join("    " + line for line in model_json.splitlines())


class JsonWriter(Writer):
    def start(self) -> None:
        self.out.write(
            '{\n  "schema_version": ' + json.dumps(SCHEMA_VERSION) + ',\n  "documents": ['
        )
        self.count = 0

    def document(self, doc: DocumentReport) -> None:
        self.out.write(
            ("," if self.count else "")
            + "\n"
            + _nested(doc.model_dump_json(indent=2, exclude=_HIDDEN))
        )
        self.count += 1

    def finish(self, totals: Totals) -> None:
        self.out.write("\n  ]," if self.count else "],")
        if self.errors:
            body = ",\n".join(_nested(e.model_dump_json(indent=2)) for e in self.errors)
            self.out.write('\n  "errors": [\n' + body + "\n  ]\n}\n")
        else:
            self.out.write('\n  "errors": []\n}\n')
