"""Line and range suppressions (`ignore-line`, `ignore-next-line`, `off` ... `on`) in plain text,
Markdown and HTML, their unused reports, and SARIF's `suppressions` for silenced findings."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checker import suppress
from checker.formats import render
from checker.formats.base import RunInfo
from checker.load import load_text
from checker.models import Report

# seeds/000_271244230b04580b.txt (its first sentence, cut)
PAR = "Troops moved to Europe amid escalating escalation between Russia and Ukraine."
OTHER = "Markets again fell on escalating escalation on Friday."
SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def lines_of(checker, text: str, path: str, rule: str = "style.redundancy") -> list[int]:
    report = checker.check_text(text, path=path)
    return [f.span.line for f in report.findings if f.rule_id == rule]


@pytest.mark.parametrize(
    ("path", "text", "left"),
    [
        ("a.txt", f"{PAR} [factcheck: ignore-line style.redundancy]\n{OTHER}\n", [2]),
        ("a.md", f"{PAR} <!-- factcheck: ignore-line style -->\n{OTHER}\n", [2]),
        ("a.html", f"<p>{PAR}</p> <!-- factcheck: ignore-line -->\n<p>{OTHER}</p>\n", [2]),
        ("a.txt", f"[factcheck: ignore-next-line style.redundancy]\n{PAR}\n{OTHER}\n", [3]),
        ("a.md", f"<!-- factcheck: ignore-next-line style.redundancy -->\n{PAR}\n{OTHER}\n", [3]),
        ("a.md", f"{OTHER}\n<!-- factcheck: ignore-next-line style.cliche -->\n{PAR}\n", [1, 3]),
    ],
)
def test_line_markers_silence_one_line(checker, path, text, left):
    assert lines_of(checker, text, path) == left


@pytest.mark.parametrize(
    ("path", "off", "on"),
    [
        ("a.md", "<!-- factcheck: off style.redundancy -->", "<!-- factcheck: on style.redundancy -->"),
        ("a.md", "<!-- factcheck: off style -->", "<!-- factcheck: on -->"),
        ("a.txt", "[factcheck: off style.redundancy]", "[factcheck: on style.redundancy]"),
        ("a.html", "<!-- factcheck: off -->", "<!-- factcheck: on -->"),
    ],
)  # fmt: skip
def test_off_on_silences_the_range_between(checker, path, off, on):
    wrap = (lambda s: f"<p>{s}</p>") if path.endswith("html") else (lambda s: s)
    text = f"{off}\n\n{wrap(PAR)}\n\n{wrap(OTHER)}\n\n{on}\n\n{wrap(PAR)}\n"
    assert lines_of(checker, text, path) == [9]


def test_an_off_without_on_runs_to_the_end_of_the_file(checker):
    text = f"{PAR}\n\n<!-- factcheck: off style.redundancy -->\n\n{OTHER}\n\n{PAR}\n"
    assert lines_of(checker, text, "a.md") == [1]


def test_an_on_for_other_rules_ends_nothing(checker):
    text = f"[factcheck: off style.redundancy]\n{PAR}\n[factcheck: on style.cliche]\n\n{OTHER}\n"
    report = checker.check_text(text, path="a.txt")
    found = [(f.rule_id, f.span.line) for f in report.findings]
    assert ("style.redundancy", 5) not in found  # the range is still open
    assert ("suppression.unused", 3) in found


def test_unused_line_and_range_markers_are_reported(checker):
    text = f"{PAR} [factcheck: ignore-line style.cliche]\n\n<!-- factcheck: off place -->\n{OTHER}\n<!-- factcheck: on place -->\n"
    report = checker.check_text(text, path="a.md")
    unused = [f for f in report.findings if f.rule_id == "suppression.unused"]
    assert [f.span.line for f in unused] == [1, 3]
    assert unused[0].message.endswith("no style.cliche finding in its line")
    assert unused[1].message.endswith("no place finding in its range")
    (stray,) = [
        f
        for f in checker.check_text(f"{PAR}\n[factcheck: on]\n", path="a.txt").findings
        if f.rule_id == "suppression.unused"
    ]
    assert "ends no 'off'" in stray.message


def test_markers_are_blanked_and_offsets_kept():
    text = f"{PAR} [factcheck: ignore-line style]\n[factcheck: off]\n{OTHER}\n"
    doc = load_text(text, path="a.txt")
    assert len(doc.text) == len(text) and "factcheck" not in doc.text
    assert doc.text.startswith(PAR + " ")
    line, rng = suppress.parse(doc)
    assert (line.verb, line.start, line.end) == ("ignore-line", 0, text.index("\n"))
    assert (rng.verb, rng.start, rng.end) == ("off", text.index("[factcheck: off"), len(text))


def test_a_line_marker_inside_a_sentence_is_not_a_suppression():
    doc = load_text(f"He wrote [factcheck: ignore-line style] in the margin. {PAR}", path="a.txt")
    assert suppress.parse(doc) == []


# --- SARIF suppressions ------------------------------------------------------------------------


def test_sarif_shows_suppressed_findings_as_in_source_suppressions(checker):
    text = f"<!-- factcheck: ignore style.redundancy -->\n{PAR}\n\n{OTHER}\n"
    doc = checker.check_text(text, path="a.md")
    report = Report(documents=[doc])
    log = json.loads(render(report, "sarif", RunInfo()))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    results = [r for r in log["runs"][0]["results"] if r["ruleId"] == "style.redundancy"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results] == [2, 4]
    (silenced,) = [r for r in results if "suppressions" in r]
    assert silenced["suppressions"] == [
        {"kind": "inSource", "justification": "line 1: <!-- factcheck: ignore style.redundancy -->"}
    ]
    assert silenced["partialFingerprints"]["factcheck/v1"]
    # the other formats are unchanged: the silenced finding is not there
    assert [f.span.line for f in doc.findings if f.rule_id == "style.redundancy"] == [4]
    assert "suppressed" not in json.loads(render(report, "json", RunInfo()))["documents"][0]
    assert render(report, "github", RunInfo()).count("style.redundancy") == 1
