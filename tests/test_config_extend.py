"""`extend` in a config file: inherit another file's settings, the nearer file overriding;
cycles and missing files are one-line usage errors."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import ConfigError, load_config
from checker.models import Severity

runner = CliRunner()

# seeds/000_271244230b04580b.txt (its first sentence, cut)
ARTICLE = "The United States is sending 3,000 troops to Europe amid escalating escalation.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_nearer_file_overrides_what_it_extends(tmp_path):
    write(tmp_path / "shared" / "newsroom.toml", 'fail-on = "info"\nignore = ["style.cliche"]\n'
          '[severity]\n"style.redundancy" = "error"\n"style.wordiness" = "warning"\n')  # fmt: skip
    desk = write(
        tmp_path / "desk" / ".factcheck.toml",
        'extend = "../shared/newsroom.toml"\nfail-on = "warning"\n[severity]\n"style.wordiness" = "info"\n',
    )
    config = load_config(config_file=desk)
    assert config.fail_on == "warning"  # own value wins
    assert config.ignore == ["style.cliche"]  # inherited
    assert config.severity_for("style.redundancy", Severity.warning) == Severity.error
    assert config.severity_for("style.wordiness", Severity.warning) == Severity.info


def test_extend_from_pyproject_and_chains(tmp_path):
    write(tmp_path / "base.toml", 'fail-on = "info"\n')
    write(tmp_path / "mid.toml", 'extend = "base.toml"\nselect = ["style"]\n')
    pyproject = write(tmp_path / "pyproject.toml", '[tool.factcheck]\nextend = "mid.toml"\n')
    config = load_config(config_file=pyproject)
    assert (config.fail_on, config.select) == ("info", ["style"])


def test_paths_in_the_extended_file_are_relative_to_it(tmp_path):
    write(tmp_path / "shared" / "base.toml", 'baseline = "base.json"\n')
    desk = write(tmp_path / "desk" / ".factcheck.toml", 'extend = "../shared/base.toml"\n')
    assert load_config(config_file=desk).baseline == str(tmp_path / "shared" / "base.json")


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a.toml": 'extend = "b.toml"\n', "b.toml": 'extend = "a.toml"\n'}, "a cycle"),
        ({"a.toml": 'extend = "a.toml"\n'}, "a cycle"),
        ({"a.toml": 'extend = "missing.toml"\n'}, "no such config file"),
        ({"a.toml": "extend = 3\n"}, "must be the path"),
    ],
)
def test_cycles_and_missing_files_are_config_errors(tmp_path, files, message):
    for name, text in files.items():
        write(tmp_path / name, text)
    with pytest.raises(ConfigError, match=message):
        load_config(config_file=tmp_path / "a.toml")


def test_a_bad_extend_is_a_one_line_usage_error(tmp_path):
    write(tmp_path / ".factcheck.toml", 'extend = "other.toml"\n')
    write(tmp_path / "other.toml", 'extend = ".factcheck.toml"\n')
    story = write(tmp_path / "story.txt", ARTICLE)
    result = runner.invoke(app, [str(story)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "extend: a cycle" in result.stderr


def test_the_documented_extend_example_works(tmp_path):
    from pathlib import Path

    guide = (Path(__file__).parent.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    block = guide.split("```toml\n# desk/.factcheck.toml\n", 1)[1].split("```", 1)[0]
    write(tmp_path / "newsroom.toml", 'fail-on = "info"\n[severity]\n"style" = "error"\n')
    config = load_config(config_file=write(tmp_path / "desk" / ".factcheck.toml", block))
    assert config.fail_on == "warning"
    assert config.severity_for("style.wordiness", Severity.warning) == Severity.info
    assert config.severity_for("style.cliche", Severity.warning) == Severity.error
