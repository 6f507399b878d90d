"""The time budget that keeps one hostile or huge document from stalling a run.

A document over `Config.time_budget` seconds skips the rest of its spaCy chunks, stages and
rules (a document over `Config.max_bytes` is cut by the loader, `checker.cutting`). Either way
the report says so with an `input.*` finding (`checker.rules.input`), never silently. spaCy's
pass over one chunk cannot be interrupted, so the budget is checked between chunks, stages and
rules: a document can overrun its budget by one chunk, stage or rule.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


class Budget:
    """A per-document time budget in seconds (None: unlimited), started at creation; it also
    keeps what the run did: the ids of the rules selected, and the stages and rules skipped."""

    def __init__(
        self, seconds: float | None, clock=time.monotonic, selected: tuple[str, ...] = ()
    ) -> None:
        self.seconds = seconds
        self.clock = clock
        self.deadline = None if seconds is None else clock() + seconds
        self.skipped: list[str] = []
        self.selected = selected

    def spent(self) -> bool:
        return self.deadline is not None and self.clock() >= self.deadline

    def gate(self, steps: Iterable[T]) -> Iterator[T]:
        """The steps in order while time is left; the names of the others go to `skipped`."""
        for step in steps:
            if self.spent():
                self.skipped.append(_name(step))
            else:
                yield step


def _name(step: object) -> str:
    rule_id = getattr(step, "id", None)
    if isinstance(rule_id, str):
        return rule_id
    module = getattr(step, "__module__", "").removeprefix("checker.")
    return f"{module}.{getattr(step, '__name__', type(step).__name__)}"
