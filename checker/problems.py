"""Problems of the checker itself (a broken pack, a rule that raised), shown once each.

Each document's report carries its own (`DocumentReport.errors`). A run shows each distinct one
once, as a one-line `InputError` under the path `<rules>`: a rule that failed right after its
document, a broken pack or plugin (the same for every document) at the end of the run. The
CLI, the library's `Report` and the language server all read them through `Problems`, so the
three faces agree, and nothing accumulates on a long-lived `Checker`.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.models import DocumentReport, InputError

RULES_PATH = "<rules>"
REMEMBERED = 1000  # distinct problems remembered, so a long editor session stays bounded


class Problems:
    """The checker problems a run has shown, and the setup problems it has yet to show."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.setup: dict[str, None] = {}  # in the order first met

    def document(self, report: DocumentReport) -> list[InputError]:
        """The rules that failed on this document, not shown yet; its setup problems are kept
        for `finish`."""
        for error in report.errors:
            if error.origin == "setup":
                self.setup.setdefault(error.message)
        return self._fresh(e.message for e in report.errors if e.origin == "rule")

    def finish(self, setup: Iterable[str] = ()) -> list[InputError]:
        """Every setup problem not shown yet: those the documents carried, then `setup` (a run
        with no document still shows a broken pack)."""
        for message in setup:
            self.setup.setdefault(message)
        return self._fresh(self.setup)

    def _fresh(self, messages: Iterable[str]) -> list[InputError]:
        fresh = []
        for message in messages:
            if message in self.seen:
                continue
            if len(self.seen) >= REMEMBERED:
                self.seen.clear()
            self.seen.add(message)
            fresh.append(InputError(path=RULES_PATH, message=message))
        return fresh
