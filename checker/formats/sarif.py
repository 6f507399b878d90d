"""SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, GitLab).

One run; `tool.driver.rules` lists the selected rules (summary, docs, default level, and a
`helpUri` to the rule's page when the configuration sets `docs-url`); one result
per finding with its region (1-based lines and columns in the source file, the end column
exclusive, counted in Unicode code points), related locations, a fix where the finding has
one, and the finding's fingerprint as `partialFingerprints["factcheck/v1"]`. A finding a marker
in the copy silenced is a result too, with `suppressions: [{"kind": "inSource", ...}]` naming
the marker, so code scanning shows it as suppressed rather than losing it. Input errors become
tool execution notifications. Results are written as they come.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from checker.formats.base import TOOL_NAME, RuleInfo, Totals, Writer
from checker.models import DocumentReport, Finding, Severity, Span

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factcheck/v1"  # a new key, not new values, if the fingerprint ever changes
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a report path: relative paths stay relative (what upload-sarif wants)."""
    posix = path.replace(os.sep, "/")
    if PurePath(path).is_absolute():
        return "file://" + quote(posix if posix.startswith("/") else "/" + posix)
    return quote(posix)


def region(span: Span) -> dict[str, Any]:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "snippet": {"text": span.text},
    }


def location(uri: str, span: Span) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region(span)}}


def rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.docs},
        "help": {"text": rule.docs, "markdown": rule.docs},
    }
    if rule.help_uri:  # only with a docs-url: no link beats a wrong one
        out["helpUri"] = rule.help_uri
    out["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    return out


def result(finding: Finding, uri: str, rule_index: int | None) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": finding.rule_id}
    if rule_index is not None:
        out["ruleIndex"] = rule_index
    out["level"] = LEVELS[finding.severity]
    out["message"] = {"text": finding.message}
    out["locations"] = [location(uri, finding.span)]
    if finding.fingerprint:  # code scanning matches alerts across runs by it, not by line
        out["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.related:
        out["relatedLocations"] = [
            {"id": i, **location(uri, span), "message": {"text": span.text}}
            for i, span in enumerate(finding.related)
        ]
    if finding.fixes:
        changes = [
            {"deletedRegion": region(fix.span), "insertedContent": {"text": fix.replacement}}
            for fix in finding.fixes
        ]
        out["fixes"] = [
            {
                "description": {"text": finding.suggestion or "Apply the suggested edit"},
                "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": changes}],
            }
        ]
    if finding.suggestion:
        out["properties"] = {"suggestion": finding.suggestion}
    return out


class SarifWriter(Writer):
    def start(self) -> None:
        self.index = {rule.id: i for i, rule in enumerate(self.info.rules)}
        driver = {
            "name": TOOL_NAME,
            "version": self.info.version or "0",
            "rules": [rule_descriptor(rule) for rule in self.info.rules],
        }
        head = json.dumps({"version": "2.1.0", "$schema": SCHEMA_URI}, indent=2)[:-2]
        tool = json.dumps({"driver": driver}, indent=2).replace("\n", "\n      ")
        self.out.write(
            f'{head},\n  "runs": [\n    {{\n      "tool": {tool},\n'
            '      "columnKind": "unicodeCodePoints",\n      "results": ['
        )
        self.count = 0

    def document(self, doc: DocumentReport) -> None:
        uri = artifact_uri(doc.path)
        found = [(f, None) for f in doc.findings] + [(s.finding, s) for s in doc.suppressed]
        if doc.suppressed:  # in the report's order, findings by where they start
            found.sort(key=lambda pair: (pair[0].span.start, -pair[0].severity.rank))
        for finding, silenced in found:
            item = result(finding, uri, self.index.get(finding.rule_id))
            if silenced is not None:
                why = {"kind": "inSource", "justification": silenced.justification}
                item["suppressions"] = [why]
            self.out.write(
                ("," if self.count else "") + "\n        " + json.dumps(item, ensure_ascii=False)
            )
            self.count += 1

    def finish(self, totals: Totals) -> None:
        notes = [
            {
                "level": "error",
                "message": {"text": f"{err.path}: {err.message}"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(err.path)}}}
                ],
            }
            for err in self.errors
        ]
        invocation = {"executionSuccessful": not self.errors, "toolExecutionNotifications": notes}
        tail = json.dumps([invocation], indent=2, ensure_ascii=False).replace("\n", "\n      ")
        self.out.write(
            ("\n      ]," if self.count else "],")
            + f'\n      "invocations": {tail}\n    }}\n  ]\n}}\n'
        )
