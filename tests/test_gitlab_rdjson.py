"""GitLab Code Quality and reviewdog rdjsonl: the fields each consumer reads, one per finding."""

from __future__ import annotations

import json

from checker.formats import render
from checker.formats.gitlab import INPUT_ERROR

from .test_formats import INFO, all_findings, tricky_report

GITLAB_SEVERITY = {"error": "critical", "warning": "major", "info": "info"}


def test_gitlab_has_one_issue_per_finding_with_the_fields_gitlab_reads():
    report = tricky_report()
    for doc in report.documents:
        for f in doc.findings:
            f.fingerprint = "same"  # two findings sharing one must still be told apart
    issues = json.loads(render(report, "gitlab", INFO))
    found = all_findings(report)
    assert len(issues) == len(found) + len(report.errors)
    for issue, (path, f) in zip(issues, found):
        assert issue["description"].startswith(f.message) and issue["check_name"] == f.rule_id
        assert issue["severity"] == GITLAB_SEVERITY[f.severity.value]
        assert issue["location"] == {"path": path, "lines": {"begin": f.span.line}}
    assert [i["fingerprint"] for i in issues[:3]] == ["same", "same-1", "same-2"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert issues[-1]["check_name"] == INPUT_ERROR and issues[-1]["location"]["path"] == "bad.txt"
    assert render(report, "gitlab", INFO) == render(report, "gitlab", INFO)  # deterministic


def test_gitlab_fingerprints_are_the_findings_own(seed_report):
    issues = json.loads(render(seed_report, "gitlab"))
    assert [i["fingerprint"] for i in issues] == [
        f.fingerprint for _, f in all_findings(seed_report)
    ] and issues
