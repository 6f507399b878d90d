"""Configuration: discovery upwards, CLI > file > defaults, ruff-style selection, globs, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config, ConfigError, dump_toml, find_config_file, load_config
from checker.models import Severity

runner = CliRunner()

ARTICLE = "The United States is sending 3,000 troops to Europe amid escalating escalation.\n"


def project(tmp_path: Path, table: str, name: str = "pyproject.toml") -> Path:
    header = "[tool.factcheck]\n" if name == "pyproject.toml" else ""
    (tmp_path / name).write_text(header + table, encoding="utf-8")
    (tmp_path / "copy" / "drafts").mkdir(parents=True, exist_ok=True)
    (tmp_path / "copy" / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "copy" / "drafts" / "draft.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path / "copy"


def test_found_upwards_and_factcheck_toml_wins_in_one_folder(tmp_path):
    project(tmp_path, 'fail-on = "info"\n')
    assert find_config_file(tmp_path / "copy" / "story.txt") == tmp_path / "pyproject.toml"
    (tmp_path / ".factcheck.toml").write_text('fail-on = "warning"\n')
    assert load_config([tmp_path / "copy"]).fail_on == "warning"


def test_pyproject_without_the_table_is_passed_over(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config_file(tmp_path) != tmp_path / "pyproject.toml"


def test_precedence_cli_over_file_over_defaults(tmp_path):
    copy = project(tmp_path, 'fail-on = "info"\nignore = ["style.cliche"]\n')
    config = load_config([copy], {"fail_on": "warning", "ignore": None, "select": None})
    assert config.fail_on == "warning" and config.ignore == ["style.cliche"]
    assert config.date is None and config.max_bytes == Config().max_bytes


def test_relative_paths_are_relative_to_the_config_file(tmp_path):
    project(tmp_path, 'packs = ["house"]\nknowledge = ["kb"]\nbaseline = "base.json"\n')
    config = load_config([tmp_path / "copy"])
    assert config.packs == [str(tmp_path / "house")] and config.knowledge == [str(tmp_path / "kb")]
    assert config.baseline == str(tmp_path / "base.json")


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ('fail-on = "sometimes"\n', "fail-on"),
        ('selct = ["style"]\n', "unknown key 'selct'"),
        ("fail-on = \n", "invalid TOML"),
        ('[tool.factcheck.severity]\n"style" = "fatal"\n', "severity.style"),
    ],
)
def test_bad_config_names_the_file(tmp_path, table, words):
    copy = project(tmp_path, table)
    with pytest.raises(ConfigError) as err:
        load_config([copy])
    assert words in str(err.value)
    assert str(tmp_path / "pyproject.toml") in str(err.value) or "severity" in words


def test_bad_config_is_a_usage_error_on_the_command_line(tmp_path):
    copy = project(tmp_path, 'selct = ["style"]\n')
    result = runner.invoke(app, [str(copy)])
    assert result.exit_code == 2 and "unknown key 'selct'" in result.stderr


def test_selection_is_ruff_style():
    config = Config(select=["style"], ignore=["style.cliche"], extend_select=["boilerplate.web"])
    assert config.selects("style.redundancy") and not config.selects("style.cliche")
    assert config.selects("boilerplate.web") and not config.selects("numbers.sum")
    assert Config(ignore=["style"], select=["style.cliche"]).selects("style.cliche")
    assert not Config(select=["sty"]).selects("style.cliche")


def test_severity_override_by_id_or_prefix_longest_wins():
    config = Config(severity={"style": Severity.info, "style.redundancy": Severity.error})
    assert config.severity_for("style.redundancy", Severity.warning) == Severity.error
    assert config.severity_for("style.cliche", Severity.warning) == Severity.info
    assert config.severity_for("boilerplate.web", Severity.error) == Severity.error


def test_include_and_exclude_filter_files_found_in_folders(tmp_path):
    copy = project(tmp_path, 'exclude = ["drafts/*"]\nfail-on = "never"\n')
    result = runner.invoke(app, [str(copy), "-f", "json"])
    assert "story.txt" in result.stdout and "draft.txt" not in result.stdout
    named = runner.invoke(app, [str(copy / "drafts" / "draft.txt"), "-f", "json"])
    assert "draft.txt" in named.stdout  # a file named on the command line is always checked
    only = load_config([copy], {"include": ["*/drafts/*"], "exclude": []})
    assert only.wants(str(copy / "drafts" / "draft.txt")) and not only.wants(
        str(copy / "story.txt")
    )


def test_file_settings_drive_the_check_and_cli_overrides_them(tmp_path):
    copy = project(tmp_path, 'fail-on = "warning"\n')
    assert runner.invoke(app, [str(copy)]).exit_code == 1  # style.redundancy is a warning
    assert runner.invoke(app, [str(copy), "--fail-on", "error"]).exit_code == 0
    assert runner.invoke(app, [str(copy), "--isolated"]).exit_code == 0


def test_enabled_packs_and_severity_from_the_file(tmp_path):
    copy = project(tmp_path, 'enabled-packs = ["boilerplate"]\nfail-on = "info"\n')
    assert runner.invoke(app, [str(copy)]).exit_code == 0
    copy = project(
        tmp_path, 'fail-on = "error"\n[tool.factcheck.severity]\n"style.redundancy" = "error"\n'
    )
    result = runner.invoke(app, [str(copy / "story.txt")])
    assert result.exit_code == 1 and "error" in result.stdout


def test_config_command_prints_the_effective_config_as_toml(tmp_path):
    project(tmp_path, 'extend-select = ["house"]\n[tool.factcheck.severity]\n"style" = "info"\n')
    result = runner.invoke(app, ["config", str(tmp_path / "copy")])
    assert result.exit_code == 0
    assert f"# from {tmp_path / 'pyproject.toml'}" in result.stdout
    assert 'extend-select = ["house"]' in result.stdout and '"style" = "info"' in result.stdout
    as_json = runner.invoke(app, ["config", str(tmp_path / "copy"), "--json"])
    assert Config.model_validate_json(as_json.stdout).extend_select == ["house"]


def test_dumped_toml_reads_back_to_the_same_config(tmp_path):
    config = Config(
        select=["style", 'odd"id'], severity={"style": Severity.info}, date="2022-02-02"
    )
    (tmp_path / "pyproject.toml").write_text(dump_toml(config), encoding="utf-8")
    again = load_config([tmp_path])
    assert again.model_dump(exclude={"config_file"}) == config.model_dump(exclude={"config_file"})


def test_a_bad_cli_value_is_named_without_a_file():
    result = runner.invoke(app, ["check", "seeds/", "--isolated", "--fail-on", "bogus"])
    assert result.exit_code == 2
    assert "factcheck: fail-on: 'bogus' is not one of error, warning, info, never" in result.stderr


def test_a_toml_date_is_read_as_an_iso_date(tmp_path):
    copy = project(tmp_path, "date = 2022-02-02\n")
    assert load_config([copy]).date == "2022-02-02"


def test_per_file_ignores_turn_rules_off_for_matching_files_only(tmp_path):
    copy = project(
        tmp_path, '[per-file-ignores]\n"copy/drafts/*.txt" = ["style"]\n', ".factcheck.toml"
    )
    config = load_config([copy])
    assert config.ignored_in(str(copy / "drafts" / "draft.txt"), "style.redundancy")
    assert not config.ignored_in(str(copy / "story.txt"), "style.redundancy")
    assert not config.ignored_in(str(copy / "drafts" / "draft.txt"), "boilerplate.web")
    (copy / "drafts" / "draft.txt").write_text((copy / "story.txt").read_text())
    result = runner.invoke(app, [str(copy), "-f", "json", "--fail-on", "never"])
    reports = {Path(d["path"]).name: d for d in json.loads(result.stdout)["documents"]}
    rules = {name: {f["rule_id"] for f in d["findings"]} for name, d in reports.items()}
    assert "style.redundancy" in rules["story.txt"]
    assert not any(r.startswith("style.") for r in rules["draft.txt"])
    assert "[tool.factcheck.per-file-ignores]" in dump_toml(config)


def test_per_file_ignores_selectors_must_name_rules(tmp_path):
    copy = project(tmp_path, '[per-file-ignores]\n"*.txt" = ["styel"]\n', ".factcheck.toml")
    result = runner.invoke(app, [str(copy)])
    assert result.exit_code == 2 and "per-file-ignores: 'styel'" in result.stderr


def test_per_file_ignores_are_part_of_the_cache_key(tmp_path):
    from checker.runner import Runner

    copy = project(tmp_path, '[per-file-ignores]\n"copy/drafts/*" = ["style"]\n', ".factcheck.toml")
    runner_ = Runner(load_config([copy]), cache_dir=tmp_path / "cache")
    reports = {Path(r.path).name: r for r in runner_.run([copy]) if hasattr(r, "findings")}
    assert any(f.rule_id.startswith("style.") for f in reports["story.txt"].findings)
    assert not any(f.rule_id.startswith("style.") for f in reports["draft.txt"].findings)
