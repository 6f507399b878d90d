"""reviewdog Diagnostic Format, JSON Lines (`reviewdog -f=rdjsonl`): one `Diagnostic` a line.

`message` (with the suggestion), `location` (`path`, `range` with start and exclusive end),
`severity` ERROR/WARNING/INFO, `code` (rule id, and `url` with a `docs-url`), `source`, and
`suggestions` that replace a range with a fix's text. reviewdog counts columns in UTF-8 bytes:
columns are converted from code points with the source line when the file can be read, and
stay code points when it cannot (stdin), which differ only on lines with non-ASCII text before
the finding. Input errors are ERROR diagnostics without a range.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.formats.base import TOOL_NAME, Writer, with_suggestion
from checker.models import DocumentReport, Finding, InputError, Severity, Span

SEVERITIES = {Severity.error: "ERROR", Severity.warning: "WARNING", Severity.info: "INFO"}
SOURCE = {"name": TOOL_NAME}


def source_lines(path: str) -> list[str] | None:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").split("\n")
    except (OSError, ValueError):
        return None


def byte_column(lines: list[str] | None, line: int, column: int) -> int:
    if not lines or not 1 <= line <= len(lines):
        return column
    return len(lines[line - 1][: column - 1].encode("utf-8")) + 1


def rd_range(span: Span, lines: list[str] | None) -> dict[str, Any]:
    return {
        "start": {"line": span.line, "column": byte_column(lines, span.line, span.column)},
        "end": {
            "line": span.end_line,
            "column": byte_column(lines, span.end_line, span.end_column),
        },
    }


class RdjsonlWriter(Writer):
    def start(self) -> None:
        self.urls = {rule.id: rule.help_uri for rule in self.info.rules if rule.help_uri}

    def diagnostic(self, f: Finding, path: str, lines: list[str] | None) -> dict[str, Any]:
        code = {"value": f.rule_id}
        if f.rule_id in self.urls:
            code["url"] = self.urls[f.rule_id]
        out: dict[str, Any] = {
            "message": with_suggestion(f),
            "location": {"path": path, "range": rd_range(f.span, lines)},
            "severity": SEVERITIES[f.severity],
            "source": SOURCE,
            "code": code,
        }
        if f.fixes:
            out["suggestions"] = [
                {"range": rd_range(fix.span, lines), "text": fix.replacement} for fix in f.fixes
            ]
        return out

    def write(self, item: dict[str, Any]) -> None:
        self.out.write(json.dumps(item, ensure_ascii=False) + "\n")

    def document(self, doc: DocumentReport) -> None:
        lines = source_lines(doc.path) if doc.findings else None
        for f in doc.findings:
            self.write(self.diagnostic(f, doc.path, lines))

    def error(self, err: InputError) -> None:
        message = f"could not be checked: {err.message}"
        self.write({"message": message, "location": {"path": err.path}, "severity": "ERROR",
                    "source": SOURCE, "code": {"value": "factcheck.input-error"}})  # fmt: skip
