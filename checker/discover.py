"""Which files a run checks: folders walked (txt, md, html), hidden entries, `.gitignore`d
ones and include/exclude misses skipped; files named on the command line checked as named,
unless `--force-exclude` holds them to `exclude` and `.gitignore` too.

`.gitignore` files are read with `pathspec` (git's own semantics: negation, anchoring,
folder-only patterns): the one in each folder walked and in its parents up to the git root
(a folder holding `.git`), or up to the folder given when there is no git root; a deeper file
overrides a shallower one, and an ignored folder hides everything in it, as in git.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pathspec import GitIgnoreSpec

from checker.load import TEXT_SUFFIXES

if TYPE_CHECKING:
    from checker.config import Config

Keep = Callable[[str], bool]


def git_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds `.git` (a folder, or a worktree's file)."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


class GitIgnore:
    """Answers "does git ignore this path?", reading each folder's `.gitignore` once."""

    def __init__(self) -> None:
        self._specs: dict[Path, GitIgnoreSpec | None] = {}

    def _spec(self, folder: Path) -> GitIgnoreSpec | None:
        if folder not in self._specs:
            try:
                lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace")
                self._specs[folder] = GitIgnoreSpec.from_lines(lines.splitlines())
            except OSError:  # none, or unreadable: it ignores nothing
                self._specs[folder] = None
        return self._specs[folder]

    def _decides(self, path: Path, is_dir: bool, top: Path) -> bool:
        """This path's own verdict: the deepest `.gitignore` from `top` down that matches it."""
        ignored = False
        for folder in reversed((path.parent, *path.parent.parents)):
            if folder != top and top not in folder.parents:
                continue
            spec = self._spec(folder)
            if spec is not None:
                rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
                verdict = spec.check_file(rel).include
                ignored = ignored if verdict is None else verdict
        return ignored

    def ignores(self, path: Path, is_dir: bool, top: Path) -> bool:
        """Whether git ignores `path` (absolute, under `top`) or a folder it is in."""
        if self._decides(path, is_dir, top):
            return True
        return any(
            self._decides(folder, True, top) for folder in path.parents if top in folder.parents
        )


def _top(start: Path) -> Path:
    return git_root(start) or start


def iter_files(
    paths: Iterable[str | os.PathLike[str]],
    keep: Keep | None = None,
    *,
    gitignore: bool = True,
    named: Keep | None = None,
) -> Iterator[tuple[str, str | None]]:
    """Yield (path, error) for every file to check: folders are walked (txt, md, html), hidden
    and (with `gitignore`) git-ignored files and folders skipped, and files found there kept
    only if `keep(path)` (include/exclude globs); a named file is checked unless `named(path)`
    is false (`--force-exclude`); a path that does not exist yields an error."""
    ignore = GitIgnore() if gitignore else None
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, keep, ignore)
        elif path.is_file():
            if named is None or named(str(path)):
                yield str(path), None
        elif path.exists():
            yield str(path), "not a regular file"
        elif path.is_symlink():
            yield str(path), "broken symbolic link (a loop, or its target is missing)"
        else:
            yield str(path), "no such file or folder"


def _walk(
    path: Path, keep: Keep | None, ignore: GitIgnore | None
) -> Iterator[tuple[str, str | None]]:
    start = path.absolute()
    top = _top(start)

    def skipped(name: str, root: str, is_dir: bool) -> bool:
        where = start / os.path.relpath(os.path.join(root, name), path)
        return name.startswith(".") or (ignore is not None and ignore.ignores(where, is_dir, top))

    if ignore is not None and start != top and ignore.ignores(start, True, top):
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not skipped(d, root, True))
        for name in sorted(files):
            found = os.path.join(root, name)
            if (
                Path(name).suffix.lower() in TEXT_SUFFIXES
                and not skipped(name, root, False)
                and (keep is None or keep(found))
            ):
                yield found, None


def gitignored(path: str | os.PathLike[str]) -> bool:
    """Whether the checkout's `.gitignore` files ignore this file (no git root: its folder's)."""
    file = Path(path).absolute()
    return GitIgnore().ignores(file, False, _top(file.parent))


def named_filter(config: Config) -> Keep | None:
    """With `force-exclude`, the test a file named on the command line must pass; else None."""
    if not config.force_exclude:
        return None

    def keep(path: str) -> bool:
        return not config.excludes(path) and not (config.respect_gitignore and gitignored(path))

    return keep
