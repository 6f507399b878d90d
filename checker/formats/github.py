"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

`::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::message` (warning for
warnings, notice for info), escaped as GitHub's actions toolkit does: in the message `%`, CR and
LF; in properties also `:` and `,`. The suggestion follows the message on a second line.
"""

from __future__ import annotations

from checker.formats.base import Writer, with_suggestion
from checker.models import DocumentReport, Finding, InputError, Severity

COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}\n"


def annotation(path: str, finding: Finding) -> str:
    span = finding.span
    properties = {
        "file": path,
        "line": span.line,
        "col": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "title": finding.rule_id,
    }
    return command(COMMANDS[finding.severity], properties, with_suggestion(finding))


class GithubWriter(Writer):
    def document(self, doc: DocumentReport) -> None:
        for finding in doc.findings:
            self.out.write(annotation(doc.path, finding))

    def error(self, err: InputError) -> None:
        self.out.write(
            command("error", {"file": err.path, "title": "factcheck input error"}, err.message)
        )
