"""File discovery: .gitignore is honoured when walking, --force-exclude holds named files."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config
from checker.discover import iter_files, named_filter


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def found(*paths: Path, **options: object) -> list[str]:
    base = paths[0]
    return sorted(
        Path(p).relative_to(base).as_posix()
        for p, _ in iter_files(paths, **options)  # type: ignore[arg-type]
    )


def test_gitignore_hides_folders_and_files_with_git_semantics(tmp_path):
    repo = tree(tmp_path, {
        ".git/HEAD": "", ".gitignore": "node_modules/\n_site/\n*.draft.md\n!keep.draft.md\n",
        "story.md": "", "node_modules/pkg/readme.md": "", "_site/index.html": "",
        "desk/a.draft.md": "", "desk/keep.draft.md": "", "desk/b.txt": "",
        "desk/.gitignore": "b.txt\n",
    })  # fmt: skip
    assert found(repo) == ["desk/keep.draft.md", "story.md"]
    assert found(repo, gitignore=False) == [
        "_site/index.html", "desk/a.draft.md", "desk/b.txt", "desk/keep.draft.md",
        "node_modules/pkg/readme.md", "story.md",
    ]  # fmt: skip


def test_gitignore_of_parents_up_to_the_git_root_applies_to_a_subfolder(tmp_path):
    tree(tmp_path, {".git/HEAD": "", ".gitignore": "/news/built/\n", "news/built/x.md": "",
                    "news/story.md": ""})  # fmt: skip
    assert found(tmp_path / "news") == ["story.md"]
    assert found(tmp_path / "news" / "built") == []  # an ignored folder hides what is in it


def test_without_a_git_root_the_given_folder_gitignore_counts(tmp_path):
    tree(tmp_path, {"copy/.gitignore": "out/\n", "copy/out/a.md": "", "copy/a.md": ""})
    assert found(tmp_path / "copy") == ["a.md"]


def test_named_files_are_checked_unless_force_exclude(tmp_path):
    tree(tmp_path, {".git/HEAD": "", ".gitignore": "_site/\n", "_site/a.md": "",
                    "wire/b.txt": "", "c.txt": ""})  # fmt: skip
    named = [tmp_path / "_site" / "a.md", tmp_path / "wire" / "b.txt", tmp_path / "c.txt"]
    config = Config(exclude=["wire/*"], config_file=str(tmp_path / ".factcheck.toml"))
    assert len(list(iter_files(named, named=named_filter(config)))) == 3
    forced = config.model_copy(update={"force_exclude": True})
    assert [p for p, _ in iter_files(named, named=named_filter(forced))] == [str(named[2])]
    no_git = forced.model_copy(update={"respect_gitignore": False})
    assert len(list(iter_files(named, named=named_filter(no_git)))) == 2


def test_cli_force_exclude_and_respect_gitignore_key(tmp_path):
    tree(tmp_path, {".git/HEAD": "", ".gitignore": "_site/\n",
                    ".factcheck.toml": 'exclude = ["wire/*"]\nfail-on = "never"\n',
                    "_site/a.txt": "Hello.", "wire/b.txt": "Hello.", "c.txt": "Hello."})  # fmt: skip
    runner = CliRunner()
    named = [str(tmp_path / n) for n in ("_site/a.txt", "wire/b.txt", "c.txt")]
    plain = runner.invoke(app, [*named, "-f", "json"]).stdout
    assert "a.txt" in plain and "b.txt" in plain
    forced = runner.invoke(app, [*named, "--force-exclude", "-f", "json"]).stdout
    assert "a.txt" not in forced and "b.txt" not in forced and "c.txt" in forced
    walked = runner.invoke(app, [str(tmp_path), "-f", "json"]).stdout
    assert "_site" not in walked and "c.txt" in walked
    (tmp_path / ".factcheck.toml").write_text('respect-gitignore = false\nfail-on = "never"\n')
    assert "_site" in runner.invoke(app, [str(tmp_path), "-f", "json"]).stdout
