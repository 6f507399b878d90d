"""`factcheck rules`, `factcheck explain`, and third-party rules through the entry-point group."""

from __future__ import annotations

import importlib
import textwrap

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config
from checker.registry import all_rules

runner = CliRunner()

PLUGIN = '''
import re

from checker.models import Severity
from checker.rules.base import PythonRule


class ShoutingRule(PythonRule):
    """A word of four or more capitals in running copy.

    ## What it checks
    Words written in capitals.

    ## Example
    "The senator said the bill was URGENT and must pass."

    ## Suggested fix
    Write it in lower case.
    """

    id = "house.shouting"
    severity = Severity.warning

    def check(self, analysis):
        for m in re.finditer(r"\\b[A-Z]{4,}\\b", analysis.text):
            yield self.finding(analysis, m.start(), m.end(), f"'{m.group(0)}' is in capitals")


def broken():
    raise RuntimeError("cannot start")


class CrashingRule(PythonRule):
    """A rule with a bug.

    ## Example
    "Anything."
    """

    id = "house.crash"
    severity = Severity.error

    def check(self, analysis):
        yield from ()
        raise ValueError("bug")
'''


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    """A fake installed distribution whose entry points name one good rule and one broken one."""
    (tmp_path / "fakeplug.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "fakeplug-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fakeplug\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            """
            [factcheck.rules]
            shouting = fakeplug:ShoutingRule
            broken = fakeplug:broken
            crash = fakeplug:CrashingRule
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    yield
    monkeypatch.delitem(__import__("sys").modules, "fakeplug", raising=False)


def test_plugin_rules_load_and_a_broken_plugin_is_reported(plugin):
    rules, errors = all_rules(Config())
    shouting = next(r for r in rules if r.id == "house.shouting")
    assert shouting.pack == "fakeplug" and shouting.kind == "python"
    assert any("plugin broken" in e and "cannot start" in e for e in errors)


def test_plugin_rule_runs_in_a_check(plugin, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("The senator said the bill was URGENT and must pass.\n")
    result = runner.invoke(app, [str(article), "--isolated", "--select", "house", "-f", "json"])
    assert '"rule_id": "house.shouting"' in result.stdout
    assert "plugin broken" in result.stderr and result.exit_code == 2


def test_rules_lists_every_rule_with_its_metadata(plugin):
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:6] == ["rule", "severity", "kind", "pack", "fix", "summary"]
    row = next(line for line in lines if line.startswith("style.redundancy "))
    assert row.split()[1:5] == ["warning", "repetition", "style", "safe"]
    assert "Two forms of one word" in row
    name_row = next(line for line in lines if line.startswith("entity.name-role "))
    assert "safe" not in name_row.split()  # a name is never fixed unreviewed
    assert any(line.startswith("house.shouting ") and "fakeplug" in line for line in lines)


def test_rules_shows_overrides_and_deselected_rules(tmp_path):
    (tmp_path / ".factcheck.toml").write_text(
        'ignore = ["style.cliche"]\n[severity]\n"style.redundancy" = "error"\n'
    )
    result = runner.invoke(app, ["rules", str(tmp_path)])
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[2:]}
    assert rows["style.redundancy"][1] == "error" and rows["style.cliche"][-1] == "off"


def test_explain_a_yaml_rule_shows_docs_and_an_example_hit():
    result = runner.invoke(app, ["explain", "style.redundancy"])
    assert result.exit_code == 0
    assert "## Why it matters" in result.stdout and "Example hit:" in result.stdout
    assert (
        "'escalating escalation': 'escalating escalation' says the same thing twice"
        in result.stdout
    )


def test_explain_a_python_rule_uses_its_docstring_example(plugin):
    result = runner.invoke(app, ["explain", "house.shouting"])
    assert result.exit_code == 0 and "A word of four or more capitals" in result.stdout
    assert "'URGENT': 'URGENT' is in capitals" in result.stdout


def test_explain_an_unknown_rule_suggests_close_ids():
    result = runner.invoke(app, ["explain", "style.redundncy"])
    assert result.exit_code == 2 and "did you mean style.redundancy" in result.stderr


def test_rules_as_json_for_tools():
    import json

    data = json.loads(runner.invoke(app, ["rules", "--json"]).stdout)
    entry = next(d for d in data if d["id"] == "style.wordiness")
    assert entry["kind"] == "substitution" and entry["enabled"] and "prior to" in entry["example"]


def test_a_rule_that_crashes_costs_its_findings_not_the_run(plugin, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("The senator said the bill was URGENT and must pass.\n")
    result = runner.invoke(app, [str(article), "--isolated", "--select", "house", "-f", "json"])
    assert '"rule_id": "house.shouting"' in result.stdout and result.exit_code == 2
    assert "rule house.crash failed on" in result.stderr and "ValueError: bug" in result.stderr


def test_a_warm_checker_reports_each_rule_failure_once(plugin, tmp_path):
    from checker import Checker

    article = tmp_path / "story.txt"
    article.write_text("Anything at all.\n")
    checker = Checker(Config(select=["house.crash"]))
    first = checker.check_paths([article])
    second = checker.check_paths([article])
    assert [e.message for e in first.errors] == [e.message for e in second.errors]
    assert sum("house.crash failed" in e.message for e in second.errors) == 1


def test_every_builtin_rule_fires_on_its_own_example():
    # docs/writing-rules.md: `factcheck explain ID` shows "what it reports on its example"; the built-in
    # Python rules had docstring examples with elisions and no date, so they showed no hit
    from checker import catalog
    from checker.engine import Checker

    rules, _ = all_rules(Config())
    for rule in rules:
        example = catalog.rule_example(rule)
        assert example, rule.id
        only = catalog.example_config(rule, Config())
        found = Checker(only).check_text(example, date=catalog.example_date(rule)).findings
        assert any(f.rule_id == rule.id for f in found), (rule.id, example)
