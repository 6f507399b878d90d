"""The `github` format stays within GitHub's annotation limits (10 errors, 10 warnings and 10
notices per step): the rest go to the log as plain lines, and one notice says how many."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from checker.formats import render
from checker.formats.base import RunInfo
from checker.formats.github import PER_STEP
from checker.models import DocumentReport, Finding, InputError, Report, Severity, Span

_COMMAND = re.compile(r"^::(error|warning|notice) ")


def finding(severity: str, line: int) -> Finding:
    span = Span(start=0, end=4, text="Kiev", line=line, column=1, end_line=line, end_column=5)
    return Finding(
        rule_id="place.spelling", severity=Severity(severity), span=span, message="Use Kyiv."
    )


def annotations(output: str) -> dict[str, int]:
    found = {"error": 0, "warning": 0, "notice": 0}
    for line in output.splitlines():
        m = _COMMAND.match(line)
        if m:
            found[m.group(1)] += 1
    return found


def test_annotations_are_capped_per_kind_with_a_summary():
    findings = [finding("error", i) for i in range(1, 26)] + [finding("warning", 30)]
    findings += [finding("info", i) for i in range(40, 55)]
    report = Report(documents=[DocumentReport(path="a.md", findings=findings)],
                    errors=[InputError(path="bad.txt", message="binary file")])  # fmt: skip
    output = render(report, "github", RunInfo())
    assert annotations(output) == {"error": 10, "warning": 1, "notice": 10}
    plain = [line for line in output.splitlines() if not line.startswith("::")]
    assert len(plain) == 15 + 1 + 6  # errors past 10, the input error, notices past 9
    assert "a.md:11:1: error place.spelling: Use Kyiv." in plain
    summary = output.splitlines()[-1]
    assert summary.startswith("::notice title=factcheck%3A annotations capped::22 more findings")
    assert "SARIF" in summary


def test_under_the_caps_nothing_is_left_out():
    findings = [finding("error", i) for i in range(1, 11)] + [finding("info", 12)]
    output = render(
        Report(documents=[DocumentReport(path="a.md", findings=findings)]), "github", RunInfo()
    )
    assert annotations(output) == {"error": 10, "warning": 0, "notice": 1}
    assert "capped" not in output and all(line.startswith("::") for line in output.splitlines())


@given(st.lists(st.sampled_from(["error", "warning", "info"]), max_size=60))
def test_no_step_ever_exceeds_the_limits(severities):
    findings = [finding(s, i + 1) for i, s in enumerate(severities)]
    output = render(
        Report(documents=[DocumentReport(path="a.md", findings=findings)]), "github", RunInfo()
    )
    shown = annotations(output)
    assert all(shown[kind] <= 10 for kind in shown) and sum(shown.values()) <= 50
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    over = any(severities.count(s) > PER_STEP[kinds[s]] for s in kinds)
    assert output.count("\n") == len(findings) + over  # each finding once; one summary if cut
