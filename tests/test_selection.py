"""A misconfigured gate must not pass while checking nothing (the CLI exits 2, as ruff does):
comma lists are split, and a selector or severity key that names no rule, or a selection that
leaves no rule, is a usage error naming the closest rule ids."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config
from checker.registry import all_rules
from checker.selection import problems

from .conftest import SEED

runner = CliRunner()


def check(*args: str, config: str | None = None, tmp_path=None) -> tuple[int, str]:
    command = [str(SEED), "--no-cache", *args]
    if config is not None:
        path = tmp_path / "factcheck.toml"
        path.write_text(config)
        command += ["--config", str(path)]
    result = runner.invoke(app, command)
    return result.exit_code, result.stderr


def test_a_comma_list_names_each_selector():
    config = Config(select=["style,place"], ignore=["style.wordiness, style.cliche"])
    assert config.select == ["style", "place"]
    assert config.ignore == ["style.wordiness", "style.cliche"]
    assert config.selects("place.spelling") and not config.selects("style.cliche")
    code, err = check("--select", "style,place")
    assert code == 0 and err == ""  # the seed has style and place warnings, no error


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--select", "styel"), "select: 'styel' names no rule; did you mean style?"),
        (("--select", "nosuch.rule"), "select: 'nosuch.rule' names no rule"),
        (("--ignore", "sourcing.unsourced-numbers"), "did you mean sourcing.unsourced-number"),
        (("--extend-select", "numbers.constriant"), "did you mean numbers.constraint"),
        (("--ignore", "ALL"), "the selection leaves no rule to run"),
    ],
)
def test_a_selector_that_names_no_rule_is_a_usage_error(args, said):
    code, err = check(*args)
    assert code == 2 and said in err


def test_the_config_files_selectors_and_severity_keys_are_checked_too(tmp_path):
    code, err = check(config='select = ["styel"]\n', tmp_path=tmp_path)
    assert code == 2 and "'styel' names no rule" in err
    code, err = check(config='[severity]\n"entity.nmae-role" = "warning"\n', tmp_path=tmp_path)
    assert code == 2 and "severity: 'entity.nmae-role' names no rule" in err
    assert "entity.name-role" in err


def test_every_known_prefix_and_id_is_accepted():
    rules, _ = all_rules(Config())
    ids = [r.id for r in rules]
    namespaces = sorted({i.split(".")[0] for i in ids})
    assert problems(Config(select=namespaces, extend_select=ids, severity={}), rules) == []
    # the longest prefix wins: ids extended into a selection that ignores ALL still run
    assert problems(Config(ignore=["ALL"], extend_select=ids[:3]), rules) == []
    assert problems(Config(ignore=["ALL"]), rules) == [
        "the selection leaves no rule to run (see select, ignore, enabled-packs)"
    ]
