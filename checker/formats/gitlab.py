"""GitLab Code Quality: a JSON array of issues for `artifacts:reports:codequality`, which GitLab
shows in the merge request widget and on the diff.

Each issue has the fields GitLab reads: `description`, `check_name` (the rule id),
`fingerprint`, `severity` (error critical, warning major, info info) and `location` (`path`,
`lines.begin`). GitLab keys issues by fingerprint, so a fingerprint seen before in the run gets
`-N` appended (N: its occurrence) and stays unique and stable. Input errors are critical issues
on line 1. Issues are written as they come.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from checker.formats.base import Totals, Writer, with_suggestion
from checker.models import DocumentReport, InputError, Severity

SEVERITIES = {Severity.error: "critical", Severity.warning: "major", Severity.info: "info"}
INPUT_ERROR = "factcheck.input-error"


def _hash(*parts: object) -> str:
    return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()


class GitlabWriter(Writer):
    def start(self) -> None:
        self.out.write("[")
        self.seen: set[str] = set()

    def _issue(self, path: str, check: str, text: str, severity: str, line: int, fp: str) -> None:
        unique, n = fp, 1
        while unique in self.seen:
            unique, n = f"{fp}-{n}", n + 1
        self.seen.add(unique)
        issue: dict[str, Any] = {
            "description": text,
            "check_name": check,
            "fingerprint": unique,
            "severity": severity,
            "location": {"path": path.replace(os.sep, "/"), "lines": {"begin": line}},
        }
        sep = ",\n  " if len(self.seen) > 1 else "\n  "
        self.out.write(sep + json.dumps(issue, ensure_ascii=False))

    def document(self, doc: DocumentReport) -> None:
        for f in doc.findings:
            fp = f.fingerprint or _hash(doc.path, f.rule_id, f.span.line, f.span.column)
            severity = SEVERITIES[f.severity]
            self._issue(doc.path, f.rule_id, with_suggestion(f), severity, f.span.line, fp)

    def error(self, err: InputError) -> None:
        fp = _hash(err.path, INPUT_ERROR)
        self._issue(err.path, INPUT_ERROR, err.message, "critical", 1, fp)

    def finish(self, totals: Totals) -> None:
        self.out.write("\n]\n" if self.seen else "]\n")
