"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

`::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::message` (warning for
warnings, notice for info), escaped as GitHub's actions toolkit does: in the message `%`, CR and
LF; in properties also `:` and `,`. The suggestion follows the message on a second line.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per job;
actions/toolkit docs/problem-matchers.md), dropping the rest without a word. So at most
`PER_STEP` of each kind are written as annotations (9 notices: the last notice is kept for the
summary); each finding past the cap is a plain log line, and a closing notice says how many
were left out and where the full list is (the log, and the SARIF upload when there is one).
"""

from __future__ import annotations

from collections import Counter

from checker.formats.base import Totals, Writer, with_suggestion
from checker.formats.text import finding_line
from checker.models import DocumentReport, Finding, InputError, Severity

COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}
PER_STEP = {"error": 10, "warning": 10, "notice": 9}  # GitHub's per-step caps, one notice kept


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
    def start(self) -> None:
        self.shown: Counter[str] = Counter()
        self.left: Counter[str] = Counter()

    def _room(self, kind: str) -> bool:
        if self.shown[kind] < PER_STEP[kind]:
            self.shown[kind] += 1
            return True
        self.left[kind] += 1
        return False

    def document(self, doc: DocumentReport) -> None:
        for finding in doc.findings:
            if self._room(COMMANDS[finding.severity]):
                self.out.write(annotation(doc.path, finding))
            else:  # in the log, where GitHub would not show it as an annotation
                self.out.write(finding_line(doc.path, finding) + "\n")

    def error(self, err: InputError) -> None:
        if self._room("error"):
            self.out.write(
                command("error", {"file": err.path, "title": "factcheck input error"}, err.message)
            )
        else:
            self.out.write(f"{err.path}: error: {err.message}\n")

    def finish(self, totals: Totals) -> None:
        if not self.left:
            return
        counts = ", ".join(f"{n} {kind}s" for kind, n in self.left.items())
        message = (
            f"{sum(self.left.values())} more findings not annotated ({counts}): GitHub shows at"
            " most 10 errors, 10 warnings and 10 notices per step. The full list is in this"
            " step's log and in the SARIF report (code scanning), if the workflow uploads it."
        )
        self.out.write(command("notice", {"title": "factcheck: annotations capped"}, message))
