"""Markdown for a pull-request or merge-request comment (GitHub, GitLab, Gitea).

A findings table per document that has findings (clean documents are only counted), then the
input errors and a summary line. Text from the article is escaped so it can never turn into
markup, links or HTML in the comment; newlines become `<br>`. A comment stays under GitHub's size
limit: past `MAX_ROWS` findings the rest are only counted.
"""

from __future__ import annotations

import re

from checker.formats.base import Totals, Writer
from checker.formats.text import summary_of
from checker.models import DocumentReport, Finding

MAX_ROWS = 500
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~$])")
HEADER = "| Line | Severity | Rule | Message |\n|---:|---|---|---|\n"


def escape(text: str) -> str:
    """Backslash-escape Markdown punctuation; line breaks become `<br>`."""
    text = _SPECIAL.sub(r"\\\1", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\n", "<br>")


def unescape(text: str) -> str:
    """The inverse of `escape` (for tests and tools that read the comment back)."""
    return re.sub(r"\\(.)|<br>", lambda m: m.group(1) if m.group(1) is not None else "\n", text)


def row(finding: Finding) -> str:
    message = escape(finding.message)
    if finding.suggestion:
        message += f"<br>*Suggested fix:* {escape(finding.suggestion)}"
    where = f"{finding.span.line}:{finding.span.column}"
    return f"| {where} | {finding.severity.value} | `{finding.rule_id}` | {message} |\n"


class MarkdownWriter(Writer):
    def start(self) -> None:
        self.out.write("### factcheck report\n")
        self.rows = 0
        self.hidden = 0

    def document(self, doc: DocumentReport) -> None:
        if not doc.findings:
            return
        self.out.write(f"\n#### {escape(doc.path)}\n\n{HEADER}")
        for finding in doc.findings:
            if self.rows >= MAX_ROWS:
                self.hidden += 1
                continue
            self.out.write(row(finding))
            self.rows += 1

    def finish(self, totals: Totals) -> None:
        if self.hidden:
            self.out.write(f"\n*{self.hidden} more findings not shown; see the full report.*\n")
        if self.errors:
            self.out.write("\n#### Not checked\n\n")
            for err in self.errors:
                self.out.write(f"- {escape(err.path)}: {escape(err.message)}\n")
        verdict = "fails" if self.info.gate_fails(totals) else "passes"
        self.out.write(
            f"\n**{summary_of(totals)}** (the gate {verdict} at `--fail-on {self.info.fail_on}`)\n"
        )
