"""GitLab Code Quality and reviewdog rdjsonl: the fields each consumer reads, one per finding."""

from __future__ import annotations

import json

import jsonschema

from checker.formats import render
from checker.formats.base import RuleInfo, RunInfo
from checker.formats.gitlab import INPUT_ERROR
from checker.models import DocumentReport, Finding, Fix, Report, Severity, Span

from .test_formats import INFO, SCHEMAS, all_findings, tricky_report

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


RDJSON_SCHEMA = json.loads((SCHEMAS / "rdjson.schema.json").read_text(encoding="utf-8"))
RD_SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def rdjsonl(report: Report, info: RunInfo | None = INFO) -> list[dict]:
    lines = render(report, "rdjsonl", info).splitlines()
    for line in lines:
        jsonschema.Draft7Validator(RDJSON_SCHEMA).validate(json.loads(line))
    return [json.loads(line) for line in lines]


def test_rdjsonl_is_one_valid_diagnostic_a_line_per_finding(seed_report):
    assert len(rdjsonl(seed_report, None)) == len(seed_report.findings) > 0
    report = tricky_report()
    diagnostics = rdjsonl(report)
    found = all_findings(report)
    assert len(diagnostics) == len(found) + len(report.errors)
    for d, (path, f) in zip(diagnostics, found):
        assert d["message"].startswith(f.message) and d["severity"] == RD_SEVERITY[f.severity.value]
        assert d["code"]["value"] == f.rule_id and d["source"] == {"name": "factcheck"}
        assert d["location"] == {"path": path, "range": {
            "start": {"line": f.span.line, "column": f.span.column},
            "end": {"line": f.span.end_line, "column": f.span.end_column}}}  # fmt: skip
        assert len(d.get("suggestions", [])) == len(f.fixes)
    assert diagnostics[0]["suggestions"][0]["text"] == "Kyiv"
    assert (
        diagnostics[-1]["location"] == {"path": "bad.txt"} and "UTF-8" in diagnostics[-1]["message"]
    )


def test_rdjsonl_links_rules_with_a_docs_url_and_counts_columns_in_utf8_bytes(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("x\nCafé Kiev.\n", encoding="utf-8")
    kiev = Span(start=7, end=11, text="Kiev", line=2, column=6, end_line=2, end_column=10)
    f = Finding(rule_id="style.kyiv", severity=Severity.warning, span=kiev, message="Kyiv",
                fixes=[Fix(span=kiev, replacement="Kyiv")])  # fmt: skip
    info = RunInfo(rules=[RuleInfo("style.kyiv", Severity.warning, "s", "d", "https://x/k.md")])
    [d] = rdjsonl(Report(documents=[DocumentReport(path=str(source), findings=[f])]), info)
    assert d["code"] == {"value": "style.kyiv", "url": "https://x/k.md"}
    where = {"start": {"line": 2, "column": 7}, "end": {"line": 2, "column": 11}}  # é: 2 bytes
    assert d["location"]["range"] == where and d["suggestions"][0]["range"] == where
    [d] = rdjsonl(Report(documents=[DocumentReport(path="stdin.txt", findings=[f])]), None)
    assert "url" not in d["code"] and d["location"]["range"]["start"]["column"] == 6
