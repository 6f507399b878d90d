"""Every output format: valid against its published schema, and it reads back into the Report."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
import xmlschema
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.formats import FORMATS, render, text
from checker.formats.base import RuleInfo, RunInfo
from checker.formats.github import escape_data, escape_property
from checker.formats.markdown import unescape as md_unescape
from checker.formats.sarif import LEVELS
from checker.models import DocumentReport, Finding, Fix, InputError, Report, Severity, Span

SCHEMAS = Path(__file__).parent / "schemas"
SARIF_SCHEMA = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
JUNIT_XSD = xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd")


def span(start: int, end: int, text_: str, line: int = 1, column: int | None = None) -> Span:
    column = column or start + 1
    return Span(
        start=start,
        end=end,
        text=text_,
        line=line,
        column=column,
        end_line=line,
        end_column=column + end - start,
    )


def finding(rule: str, severity: str, message: str, **extra: object) -> Finding:
    return Finding(
        rule_id=rule,
        severity=Severity(severity),
        span=span(4, 9, "Kiev", 2, 5),
        message=message,
        **extra,
    )


def tricky_report() -> Report:
    """Messages with every character a format must escape, fixes, related spans, input errors."""
    kiev = span(4, 8, "Kiev", 2, 5)
    docs = [
        DocumentReport(
            path="news/a, b:c.md",
            words=120,
            findings=[
                finding("style.kyiv", "warning", "Spell it Kyiv | not *Kiev*", suggestion="Kyiv",
                        fixes=[Fix(span=kiev, replacement="Kyiv")]),
                finding("numbers.sum", "error", "100% of 3,000: 1,700 + 300 = 2,000\nstated at 4:1",
                        related=[span(40, 45, "2,000", 4, 1)]),
                finding("sourcing.outlet", "info", "according to <The Hill> & [others] `quoted` \\ _x_"),
            ],
        ),
        DocumentReport(path="clean.txt", words=3),
        DocumentReport(path="Ünïcødé/naïve article.txt", words=9,
                       findings=[finding("entity.name-role", "error", "Juan Kirby → John Kirby, café")]),
    ]  # fmt: skip
    errors = [
        InputError(path="bad.txt", message="not valid UTF-8 at byte 3; re-save the file as UTF-8")
    ]
    return Report(documents=docs, errors=errors)


INFO = RunInfo(
    rules=[
        RuleInfo(
            "style.kyiv", Severity.warning, "Use Kyiv.", "Use Kyiv.\n\n## What it checks\n..."
        ),
        RuleInfo("numbers.sum", Severity.error, "Parts must add up.", "Parts must add up."),
        RuleInfo("entity.name-role", Severity.error, "Names and roles.", "Names and roles."),
    ],
    fail_on="warning",
    version="0.1.0",
)


def all_findings(report: Report) -> list[tuple[str, Finding]]:
    return [(d.path, f) for d in report.documents for f in d.findings]


# --- SARIF --------------------------------------------------------------------------------------


@pytest.mark.parametrize("report_name", ["tricky", "seed", "empty"])
def test_sarif_is_valid_against_the_sarif_2_1_0_schema(report_name, seed_report):
    report = {"tricky": tricky_report(), "seed": seed_report, "empty": Report()}[report_name]
    log = json.loads(render(report, "sarif", INFO if report_name == "tricky" else None))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert log["version"] == "2.1.0"


def test_sarif_round_trips_every_finding():
    report = tricky_report()
    run = json.loads(render(report, "sarif", INFO))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in INFO.rules]
    assert (
        rules[0]["shortDescription"]["text"] == "Use Kyiv."
        and rules[0]["defaultConfiguration"]["level"] == "warning"
    )
    assert "## What it checks" in rules[0]["fullDescription"]["text"]
    results = run["results"]
    assert len(results) == len(report.findings)
    for result, (path, f) in zip(results, all_findings(report)):
        assert result["ruleId"] == f.rule_id and result["level"] == LEVELS[f.severity]
        assert result["message"]["text"] == f.message
        location = result["locations"][0]["physicalLocation"]
        assert unquote(location["artifactLocation"]["uri"]) == path
        region = location["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            f.span.line, f.span.column, f.span.end_line, f.span.end_column)  # fmt: skip
        if "ruleIndex" in result:
            assert rules[result["ruleIndex"]]["id"] == f.rule_id
        assert len(result.get("fixes", [])) == (1 if f.fixes else 0)
        assert len(result.get("relatedLocations", [])) == len(f.related)
    fix = results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "Kyiv" and fix["deletedRegion"]["startColumn"] == 5
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert (
        run["invocations"][0]["executionSuccessful"] is False
        and "bad.txt" in notes[0]["message"]["text"]
    )


def test_sarif_relative_paths_stay_relative():
    run = json.loads(render(tricky_report(), "sarif", INFO))["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "news/a%2C%20b%3Ac.md"


# --- JUnit --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fail_on", ["error", "warning", "info", "never"])
def test_junit_is_valid_and_fails_exactly_the_findings_at_the_fail_level(fail_on):
    report = tricky_report()
    info = RunInfo(rules=INFO.rules, fail_on=fail_on)
    xml = render(report, "junit", info)
    JUNIT_XSD.validate(xml)
    root = ET.fromstring(xml)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [d.path for d in report.documents] + ["bad.txt"]
    for suite, doc in zip(suites, report.documents):
        failing = [f for f in doc.findings if info.fails(f)]
        failures = [
            case.find("failure")
            for case in suite.findall("testcase")
            if case.find("failure") is not None
        ]
        assert int(suite.get("failures")) == len(failing) == len(failures)
        assert [(x.get("type"), x.get("message")) for x in failures] == [
            (f.rule_id, f.message) for f in failing
        ]
        below = [f for f in doc.findings if not info.fails(f)]
        out = suite.find("system-out")
        assert (out.text.count("\n") + 1 if out is not None else 0) == len(below)
    error = suites[-1].find("testcase/error")
    assert error is not None and error.get("message") == report.errors[0].message


def test_junit_survives_control_characters():
    report = Report(
        documents=[
            DocumentReport(path="x.txt", findings=[finding("a.b", "error", "bell\x07 and \x00")])
        ]
    )
    JUNIT_XSD.validate(render(report, "junit", INFO))


# --- GitHub -------------------------------------------------------------------------------------

_COMMAND = re.compile(r"^::(\w+) (.*?)::(.*)$")


def unescape_github(text: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: bytes.fromhex(m.group(1)).decode(), text)


def parse_github(output: str) -> list[tuple[str, dict[str, str], str]]:
    commands = []
    for line in output.split("\n")[:-1]:
        match = _COMMAND.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match.group(2).split(","))
        commands.append(
            (
                match.group(1),
                {k: unescape_github(v) for k, v in props.items()},
                unescape_github(match.group(3)),
            )
        )
    return commands


def test_github_commands_round_trip():
    report = tricky_report()
    commands = parse_github(render(report, "github", INFO))
    assert len(commands) == len(report.findings) + len(report.errors)
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    for (name, props, message), (path, f) in zip(commands, all_findings(report)):
        assert (
            name == levels[f.severity.value]
            and props["title"] == f.rule_id
            and props["file"] == path
        )
        assert (int(props["line"]), int(props["col"]), int(props["endLine"]), int(props["endColumn"])) == (
            f.span.line, f.span.column, f.span.end_line, f.span.end_column)  # fmt: skip
        assert message == f.message + (f"\n{f.suggestion}" if f.suggestion else "")
    assert commands[-1][0] == "error" and commands[-1][1]["file"] == "bad.txt"


@given(st.text())
def test_github_escaping_is_reversible(value):
    assert unescape_github(escape_data(value)) == value
    assert unescape_github(escape_property(value)) == value
    assert (
        "\n" not in escape_data(value)
        and "," not in escape_property(value)
        and "::" not in escape_property(value)
    )


# --- Markdown -----------------------------------------------------------------------------------

_ROW = re.compile(r"^\| (\d+):(\d+) \| (\w+) \| `([^`]+)` \| (.*) \|$")


def parse_markdown(output: str) -> list[tuple[str, tuple[int, int, str, str, str]]]:
    rows, path = [], ""
    for line in output.split("\n"):
        if line.startswith("#### "):
            path = md_unescape(line[5:])
        match = _ROW.match(line)
        if match:
            message = md_unescape(match.group(5).replace("<br>*Suggested fix:* ", "\n"))
            rows.append(
                (
                    path,
                    (
                        int(match.group(1)),
                        int(match.group(2)),
                        match.group(3),
                        match.group(4),
                        message,
                    ),
                )
            )
    return rows


def test_markdown_round_trips_the_findings_table():
    report = tricky_report()
    output = render(report, "markdown", INFO)
    expected = [
        (
            path,
            (
                f.span.line,
                f.span.column,
                f.severity.value,
                f.rule_id,
                f.message + (f"\n{f.suggestion}" if f.suggestion else ""),
            ),
        )
        for path, f in all_findings(report)
    ]
    assert parse_markdown(output) == expected
    assert "clean.txt" not in output  # clean documents are only counted
    assert "bad.txt" in output and "3 documents checked" in output and "the gate fails" in output


@settings(max_examples=200)
@given(st.text())
def test_markdown_escaping_is_reversible_and_inert(value):
    value = value.replace("\r", "")
    row = render(
        Report(documents=[DocumentReport(path="a.md", findings=[finding("a.b", "info", value)])]),
        "markdown",
        INFO,
    )
    assert parse_markdown(row)[0][1][4] == value
    cell = next(line for line in row.split("\n") if line.startswith("| 2:5"))
    bare = re.sub(r"\\.|<br>", "", cell[cell.index("` | ") + 4 : -2], flags=re.DOTALL)
    assert not set(bare) & set("\\<>|`*_[]&~$\n")


# --- JSON and text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "report", [tricky_report(), Report(), Report(errors=[InputError(path="x", message="y")])]
)
def test_streamed_json_is_the_report_json(report):
    # findings silenced in the copy are SARIF's alone: the JSON has no `suppressed` key
    hidden = {"documents": {"__all__": {"suppressed"}}}
    assert render(report, "json", INFO) == report.model_dump_json(indent=2, exclude=hidden) + "\n"
    assert Report.model_validate_json(render(report, "json", INFO)) == report


def test_streamed_text_is_the_text_render(seed_report):
    for report in (tricky_report(), seed_report, Report()):
        assert render(report, "text", INFO) == text.render(report)


def test_every_format_renders_an_empty_report():
    for fmt in FORMATS:
        assert isinstance(render(Report(), fmt), str)


@settings(max_examples=100)
@given(st.text(), st.sampled_from(["error", "warning", "info"]))
def test_junit_carries_any_message(value, severity):
    from checker.formats.junit import clean

    report = Report(
        documents=[DocumentReport(path=value or "x", findings=[finding("a.b", severity, value)])]
    )
    xml = render(report, "junit", RunInfo(fail_on="info"))
    JUNIT_XSD.validate(xml)
    failure = ET.fromstring(xml).find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == clean(value)


def test_sarif_rule_level_follows_a_severity_override(tmp_path):
    from checker.config import Config
    from checker.gate import GateOptions, run_gate
    from checker.models import Severity as Sev

    from .conftest import SEED

    out = tmp_path / "x.sarif"
    config = Config(select=["boilerplate"], severity={"boilerplate.web": Sev.warning})
    code = run_gate([SEED], config, GateOptions(fmt="sarif", output=out))
    run = json.loads(out.read_text())["runs"][0]
    [rule] = [r for r in run["tool"]["driver"]["rules"] if r["id"] == "boilerplate.web"]
    assert rule["defaultConfiguration"]["level"] == "warning" and code == 0
    levels = {r["level"] for r in run["results"] if r["ruleId"] == "boilerplate.web"}
    assert levels == {"warning"}


def text_message(f: Finding) -> str:
    return f.message + (f" ({f.suggestion})" if f.suggestion else "")


def test_text_findings_tables_read_back(seed_report):
    for report in (tricky_report(), seed_report):
        output = render(report, "text", INFO)
        row = re.compile(r"^(\d+:\d+)\s+(error|warning|info)\s+(\S+)\s+(.*\S)\s*$")
        rows = [m.groups() for m in map(row.match, output.split("\n")) if m]
        expected = [
            (f.span.where, f.severity.value, f.rule_id, text_message(f).split("\n")[0][:40])
            for _, f in all_findings(report)
        ]
        assert [(a, s, r, m[:40]) for a, s, r, m in rows] == expected


def test_sarif_results_carry_the_finding_fingerprint(seed_report):
    for report in (seed_report.model_copy(deep=True), tricky_report()):
        for i, doc in enumerate(report.documents):
            for j, f in enumerate(doc.findings):
                f.fingerprint = f.fingerprint or f"fp{i}-{j}"
        log = json.loads(render(report, "sarif", INFO))
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
        prints = [r["partialFingerprints"] for r in log["runs"][0]["results"]]
        assert prints == [{"factcheck/v1": f.fingerprint} for _, f in all_findings(report)]
        assert prints
