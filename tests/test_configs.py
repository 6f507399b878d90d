"""Each file is checked under the nearest config file above it, the command line on top."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config
from checker.configs import Configs, plan

ARTICLE = "The mayor said the plan was an absolutely essential first step.\n"
runner = CliRunner()


def newsroom(tmp_path: Path) -> Path:
    (tmp_path / ".factcheck.toml").write_text('fail-on = "never"\n')
    for name in ("a/story.txt", "desk/story.txt", "desk/sub/story.txt", "z/story.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE)
    (tmp_path / "desk" / ".factcheck.toml").write_text('ignore = ["style"]\nfail-on = "never"\n')
    return tmp_path


def rules_by_file(stdout: str, root: Path) -> dict[str, set[str]]:
    docs = json.loads(stdout)["documents"]
    return {
        Path(d["path"]).resolve().relative_to(root.resolve()).as_posix(): {
            f["rule_id"] for f in d["findings"]
        }
        for d in docs
    }


def test_a_desk_config_holds_for_its_files_when_run_from_the_root(tmp_path):
    root = newsroom(tmp_path)
    found = rules_by_file(runner.invoke(app, [str(root), "-f", "json"]).stdout, root)
    assert list(found) == ["a/story.txt", "desk/story.txt", "desk/sub/story.txt", "z/story.txt"]
    assert (
        "style.redundant-phrase" in found["a/story.txt"]
        and "style.redundant-phrase" in found["z/story.txt"]
    )
    assert not any(r.startswith("style.") for r in found["desk/story.txt"])
    assert not any(r.startswith("style.") for r in found["desk/sub/story.txt"])


def test_command_line_options_win_over_every_file(tmp_path):
    root = newsroom(tmp_path)
    result = runner.invoke(app, [str(root), "-f", "json", "--ignore", "boilerplate"])
    found = rules_by_file(result.stdout, root)
    assert (
        "style.redundant-phrase" in found["desk/story.txt"]
    )  # --ignore replaced the desk's ignore
    named = runner.invoke(app, [str(root / "desk"), "--config", str(root / ".factcheck.toml")])
    assert "style.redundant-phrase" in named.stdout  # --config names one file for every file


def test_plan_keeps_input_order_in_runs_that_share_a_config(tmp_path):
    root = newsroom(tmp_path)
    configs = Configs({})
    base = configs.for_path(root)
    runs = plan([root / "z", root / "desk", root / "a" / "story.txt"], base, configs)
    assert [len(paths) for _, paths in runs] == [1, 2, 1]
    assert runs[0][0] is runs[2][0] and runs[1][0].config_file.endswith("desk/.factcheck.toml")
    assert isinstance(runs[1][0], Config)


def test_a_broken_desk_config_is_a_usage_error_naming_it(tmp_path):
    root = newsroom(tmp_path)
    (root / "desk" / ".factcheck.toml").write_text("fail-on = \n")
    result = runner.invoke(app, [str(root)])
    assert result.exit_code == 2 and "desk" in result.stderr and "invalid TOML" in result.stderr
