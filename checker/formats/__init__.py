"""Output formats: each renders a whole `Report` to a string."""

from __future__ import annotations

from collections.abc import Callable

from checker.formats import json_format, text
from checker.models import Report

Renderer = Callable[[Report], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
}


def render(report: Report, fmt: str) -> str:
    return FORMATS[fmt](report)
