"""One run, several outputs: a `Writer` that hands every call on to each of its writers, so all
of them see the same stream of results in the same order."""

from __future__ import annotations

import io

from checker.formats.base import Totals, Writer
from checker.models import DocumentReport, InputError


class FanOut(Writer):
    def __init__(self, writers: list[Writer]) -> None:
        super().__init__(io.StringIO())
        self.writers = writers

    def start(self) -> None:
        for w in self.writers:
            w.start()

    def document(self, doc: DocumentReport) -> None:
        for w in self.writers:
            w.document(doc)

    def error(self, err: InputError) -> None:
        for w in self.writers:
            w.error(err)

    def finish(self, totals: Totals) -> None:
        for w in self.writers:
            w.finish(totals)
