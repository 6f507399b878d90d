"""The pre-commit hook and the example workflow stay in step with the CLI."""

from __future__ import annotations

import re
import shlex

import yaml
from typer.testing import CliRunner

from checker.cli import app

from .conftest import ROOT, SEED


def test_pre_commit_hook_runs_the_check_command():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "factcheck" and hook["language"] == "python"
    assert re.search(hook["files"], "desk/story.md") and not re.search(hook["files"], "logo.png")
    command = shlex.split(hook["entry"])[1:] + hook["args"] + [str(SEED), "--no-cache"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 1 and "boilerplate.web" in result.stdout


def test_pre_commit_hook_holds_the_files_it_names_to_exclude(tmp_path):
    """pre-commit names every staged file: without --force-exclude, `exclude` never applies."""
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert "--force-exclude" in hook["args"]
    (tmp_path / ".factcheck.toml").write_text('exclude = ["wire/*"]\n')
    (tmp_path / "wire").mkdir()
    staged = tmp_path / "wire" / "story.txt"
    staged.write_text(SEED.read_text())
    command = shlex.split(hook["entry"])[1:] + hook["args"] + [str(staged), "--no-cache"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0 and "boilerplate.web" not in result.stdout


def test_example_workflow_installs_from_a_checkout_and_checks_once(tmp_path, monkeypatch):
    workflow = yaml.safe_load((ROOT / "docs" / "github-actions.yml").read_text())
    steps = workflow["jobs"]["factcheck"]["steps"]
    upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert upload and upload[0]["with"]["sarif_file"] == "factcheck.sarif"
    assert "always()" in upload[0]["if"]
    # PyPI's `factcheck` is an unrelated package: install the checkout of this repository
    [install] = [s for s in steps if "pip install" in s.get("run", "")]
    assert install["run"].strip() == "pip install ."
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout")]
    assert install["working-directory"] in [s.get("with", {}).get("path") for s in checkouts]
    [check] = [s for s in steps if s.get("run", "").lstrip().startswith("factcheck ")]
    command = shlex.split(check["run"].replace('"$ARTICLES"', str(SEED)))[1:] + ["--no-cache"]
    monkeypatch.chdir(tmp_path)  # the one run writes every report the later steps read
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 1 and "::error " in result.stdout, result.output
    assert (tmp_path / "factcheck.sarif").is_file() and (tmp_path / "comment.md").is_file()
    assert "comment.md" in " ".join(s.get("run", "") for s in steps if s is not check)
    assert "docs/github-actions.yml" in (ROOT / "docs" / "ci.md").read_text()


def test_ci_also_lints_checks_formatting_and_types_and_stops_on_any_failure():
    script = (ROOT / ".ci" / "run").read_text().splitlines()
    assert "set -euo pipefail" in script
    for step in (".venv/bin/ruff check .", ".venv/bin/ruff format --check .", ".venv/bin/mypy"):
        assert step in script, step


def test_the_action_installs_from_the_repository_checks_once_and_uploads_sarif(
    tmp_path, monkeypatch
):
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert {"paths", "version", "args"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    [install] = [s for s in steps if "pip install" in s.get("run", "")]
    assert "$GITHUB_ACTION_PATH" in install["run"] and "git+https://github.com/" in install["run"]
    assert "pip install factcheck" not in install["run"]  # PyPI's factcheck is another package
    [check] = [s for s in steps if "factcheck check" in s.get("run", "")]
    line = next(x for x in check["run"].splitlines() if x.startswith("factcheck check"))
    assert "${{" not in check["run"]  # inputs reach the shell as variables, never as code
    line = line.replace("$FACTCHECK_PATHS", str(SEED)).replace("$FACTCHECK_ARGS", "--no-cache")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, shlex.split(line)[1:])
    assert result.exit_code == 1 and "::error " in result.stdout
    assert (tmp_path / "factcheck.sarif").is_file()
    [upload] = [
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    ]
    assert upload["with"]["sarif_file"] == "factcheck.sarif" and "always()" in upload["if"]
    gate = steps[-1]
    assert "exit-code" in gate["if"] and steps.index(gate) > steps.index(upload)
