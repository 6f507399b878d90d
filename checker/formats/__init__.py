"""Output formats: each renders a whole `Report` to a string, and streams through a `Writer`."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TextIO

from checker.formats import github, gitlab, json_format, junit, markdown, rdjsonl, sarif, text
from checker.formats.base import RunInfo, Writer, render_report
from checker.models import Report

Renderer = Callable[[Report], str]

WRITERS: dict[str, type[Writer]] = {
    "text": text.TextWriter,
    "json": json_format.JsonWriter,
    "sarif": sarif.SarifWriter,
    "junit": junit.JunitWriter,
    "github": github.GithubWriter,
    "markdown": markdown.MarkdownWriter,
    "gitlab": gitlab.GitlabWriter,
    "rdjsonl": rdjsonl.RdjsonlWriter,
}

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
    **{
        name: partial(render_report, w)
        for name, w in WRITERS.items()
        if name not in ("text", "json")
    },
}


def render(report: Report, fmt: str, info: RunInfo | None = None) -> str:
    """The whole report in one format; `info` (rules, fail level) defaults to the default config."""
    if info is None and fmt in ("text", "json"):
        return FORMATS[fmt](report)
    return render_report(WRITERS[fmt], report, info)


def writer(fmt: str, out: TextIO, info: RunInfo) -> Writer:
    return WRITERS[fmt](out, info)
