"""Write a run's report document by document, so memory stays flat over any number of files.

The text and JSON formats stream: each document is rendered and written when it is checked and
then dropped; only counts and input errors are kept. The streamed JSON is byte for byte what
`formats.render(report, "json")` prints for the whole report. Other formats need the whole report
and fall back to building it.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from checker.engine import Checker
from checker.formats import render, text
from checker.models import DocumentReport, InputError, Report, Severity

STREAMING = ("text", "json")


@dataclass
class Tally:
    """What is left of a streamed run: counts, the worst severity and the input errors."""

    documents: int = 0
    counts: Counter[Severity] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)

    @property
    def worst(self) -> Severity | None:
        return max(self.counts, key=lambda s: s.rank, default=None)

    def add(self, doc: DocumentReport) -> None:
        self.documents += 1
        self.counts.update(f.severity for f in doc.findings)

    @classmethod
    def of(cls, report: Report) -> Tally:
        tally = cls(errors=list(report.errors))
        for doc in report.documents:
            tally.add(doc)
        return tally


class OutputError(Exception):
    """The report cannot be written where it was asked for; the message is one line."""


@contextmanager
def opened(path: Path | None) -> Iterator[TextIO]:
    """The output file (UTF-8), or stdout."""
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write the report to {path}: {exc.strerror or exc}") from None
    with handle:
        yield handle


def run(checker: Checker, paths: Iterable[str | Path], fmt: str, out: TextIO) -> Tally:
    """Check the paths and write the report in `fmt` to `out` as it is made."""
    if fmt not in STREAMING:
        report = checker.check_paths(paths)
        out.write(render(report, fmt))
        return Tally.of(report)
    return write(checker.iter_check(paths), fmt, out, checker.setup_errors)


def write(
    items: Iterable[DocumentReport | InputError],
    fmt: str,
    out: TextIO,
    setup_errors: Iterable[str] = (),
) -> Tally:
    """Write reports from any ordered source (a parallel or cached runner too) as they come."""
    tally = Tally()
    writer = _json_writer(out) if fmt == "json" else _text_writer(out)
    next(writer)
    for item in items:
        if isinstance(item, InputError):
            tally.errors.append(item)
        else:
            tally.add(item)
            writer.send(item)
    tally.errors.extend(InputError(path="<rules>", message=m) for m in setup_errors)
    try:
        writer.send(tally)
    except StopIteration:
        pass
    return tally


def _json_writer(out: TextIO):
    """A coroutine: send documents, then the tally; writes a `Report` as JSON (indent 2)."""
    head, _ = _split(Report())
    out.write(head)
    first = True
    while isinstance(item := (yield), DocumentReport):
        body = item.model_dump_json(indent=2).replace("\n", "\n    ")
        out.write(("\n    " if first else ",\n    ") + body)
        first = False
        out.flush()
    _, tail = _split(Report(errors=item.errors))
    out.write(("" if first else "\n  ") + tail + "\n")


def _split(report: Report) -> tuple[str, str]:
    """`report` (with no documents) as JSON, split where its documents go."""
    whole = report.model_dump_json(indent=2)
    at = whole.index('"documents": [') + len('"documents": [')
    return whole[:at], whole[at:]


def _text_writer(out: TextIO):
    """A coroutine: send documents, then the tally; writes the text format's blocks."""
    while isinstance(item := (yield), DocumentReport):
        out.write(text.render_document(item) + "\n\n")
        out.flush()
    out.write(text.summary_line(item.documents, item.counts, len(item.errors)) + "\n")
