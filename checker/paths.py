"""Where the shipped rule packs and knowledge data live (wheel or source checkout)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    """`checker/_rules` in an installed wheel; the checkout's top-level `rules/` otherwise."""
    shipped = _PACKAGE / "_rules"
    return shipped if shipped.is_dir() else _PACKAGE.parent / "rules"
