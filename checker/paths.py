"""Where the shipped rule packs and knowledge data live (wheel or source checkout)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    """`checker/_rules` in an installed wheel; the checkout's top-level `rules/` otherwise."""
    shipped = _PACKAGE / "_rules"
    return shipped if shipped.is_dir() else _PACKAGE.parent / "rules"


def files_under(
    folders: Iterable[Path],
    suffixes: tuple[str, ...],
    *,
    skip: str | None = None,
    keep_missing: bool = False,
) -> list[Path]:
    """Each named file, and every file with one of `suffixes` under each folder (recursively,
    sorted), leaving out those below a subfolder named `skip`. A path that is neither is kept
    when `keep_missing` (so that reading it reports it) and dropped otherwise."""
    files: list[Path] = []
    for folder in folders:
        if folder.is_file():
            files.append(folder)
        elif folder.is_dir():
            files.extend(
                p for p in sorted(folder.rglob("*"))
                if p.suffix in suffixes and p.is_file()
                and (skip is None or skip not in p.relative_to(folder).parts)
            )  # fmt: skip
        elif keep_missing:
            files.append(folder)
    return files
