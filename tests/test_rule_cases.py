"""Every rule's cases from `tests/cases/<rule-id>.yaml`: real sentences with a hit and a near miss.

A case file holds `rule`, `hits` (each: `text`, the expected `match` span text, optional
`message` substring, `date`, `path` for the format, `config` with the settings to check it
with, `from` naming where the sentence comes from) and `misses` (each: `text`, optional `date`,
`path` and `config`): the rule must not fire on a miss.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.config import Config
from checker.engine import Checker
from checker.registry import all_rules

CASES = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data.get("hits", [])):
            yield pytest.param(data["rule"], case, True, id=f"{data['rule']}-hit{i}")
        for i, case in enumerate(data.get("misses", [])):
            yield pytest.param(data["rule"], case, False, id=f"{data['rule']}-miss{i}")


@pytest.fixture(scope="module")
def case_checker() -> Checker:
    return Checker(Config())


@pytest.mark.parametrize(("rule_id", "case", "hit"), list(_cases()))
def test_rule_case(case_checker, rule_id, case, hit):
    checker = Checker(Config(**case["config"])) if "config" in case else case_checker
    report = checker.check_text(case["text"], path=case.get("path"), date=case.get("date"))
    found = [f for f in report.findings if f.rule_id == rule_id]
    if not hit:
        assert found == [], [f.message for f in found]
        return
    assert found, f"{rule_id} did not fire on: {case['text']}"
    matches = [f for f in found if f.span.text == case["match"]]
    assert matches, [f.span.text for f in found]
    for finding in matches:
        assert finding.span.text == report_text(case)[finding.span.start : finding.span.end]
    if "message" in case:
        assert any(case["message"] in f.message for f in matches), [f.message for f in matches]


def report_text(case) -> str:
    from checker.load import load_text

    return load_text(case["text"], path=case.get("path") or "<text>").text


def test_every_rule_has_a_hit_and_a_near_miss():
    rules, errors = all_rules(Config())
    assert not errors
    covered: dict[str, tuple[int, int]] = {}
    for path in CASES.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert path.stem == data["rule"], f"{path.name} must be named after its rule"
        covered[data["rule"]] = (len(data.get("hits", [])), len(data.get("misses", [])))
    missing = [r.id for r in rules if min(covered.get(r.id, (0, 0))) < 1]
    assert not missing, f"rules without a hit and a near miss in tests/cases: {missing}"
