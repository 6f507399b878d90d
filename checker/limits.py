"""Limits that keep one hostile or huge document from stalling a run: a size cap and a time budget.

A document larger than `Config.max_bytes` is cut at the last paragraph break (else sentence end,
else space) before the cap; one over `Config.time_budget` seconds skips the rest of its spaCy
chunks, stages and rules. Either way the report says so with an `input.*` finding, never silently.
spaCy's pass over one chunk cannot be interrupted, so the budget is checked between chunks, stages
and rules: a document can overrun its budget by one chunk, stage or rule.
"""

from __future__ import annotations

import codecs
import re
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from checker.models import Finding, Severity

if TYPE_CHECKING:
    from checker.analysis import Analysis

T = TypeVar("T")

TRUNCATED, TIME_BUDGET = "input.truncated", "input.time-budget"

# Cut points, best first; each is searched in the last half of the kept text only.
_BOUNDARIES = (
    re.compile(r"\n[ \t]*\n"),  # paragraph break
    re.compile(r"[.!?][\"'”’)\]]*\s"),  # sentence end
    re.compile(r"\s"),  # any space
)


def utf8_prefix(text: str, max_bytes: int) -> str | None:
    """The longest prefix of `text` within `max_bytes` of UTF-8, or None if all of it fits."""
    if len(text) * 4 <= max_bytes:
        return None
    data = text.encode("utf-8", "surrogatepass")
    if len(data) <= max_bytes:
        return None
    decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")
    return text[: len(decoder.decode(data[:max_bytes], final=False))]


def boundary_cut(text: str) -> str:
    """`text` cut after its last paragraph break, else sentence end, else space (last half only)."""
    floor = len(text) // 2
    for pattern in _BOUNDARIES:
        end = -1
        for m in pattern.finditer(text, floor):
            end = m.end()
        if end > 0:
            return text[:end]
    return text


class Budget:
    """A per-document time budget in seconds (None: unlimited), started at creation."""

    def __init__(self, seconds: float | None, clock=time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self.deadline = None if seconds is None else clock() + seconds
        self.skipped: list[str] = []

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


def notes(analysis: Analysis, budget: Budget) -> list[Finding]:
    """`input.truncated` and `input.time-budget` findings for what this document did not get."""
    from checker.rules.base import make_finding  # here: the loader imports this module

    found: list[Finding] = []
    doc, config, end = analysis.document, analysis.config, len(analysis.text)
    if doc.truncated_from is not None and config.selects(TRUNCATED):
        found.append(make_finding(
            analysis, TRUNCATED, Severity.warning, end, end,
            f"document is {doc.truncated_from:,} bytes; only the first {config.max_bytes:,} were"
            " read, cut here at a paragraph or sentence boundary",
            suggestion="split the file, or raise --max-bytes to check all of it",
        ))  # fmt: skip
    annotated = annotated_end(analysis)
    cut_short = budget.skipped or annotated < len(analysis.text.rstrip())
    if budget.seconds is not None and cut_short and config.selects(TIME_BUDGET):
        skipped = ", ".join(budget.skipped) or "none"
        found.append(make_finding(
            analysis, TIME_BUDGET, Severity.warning, annotated, annotated,
            f"time budget of {budget.seconds:g}s spent: text after this point was not annotated"
            f" by spaCy; stages and rules skipped: {skipped}",
            suggestion="raise --time-budget, or check this document on its own",
        ))  # fmt: skip
    return found


def annotated_end(analysis: Analysis) -> int:
    """The end offset of the text the spaCy pass covered."""
    if not analysis.docs:
        return 0 if analysis.text.strip() else len(analysis.text)
    base, doc = analysis.docs[-1]
    return base + len(doc.text)
