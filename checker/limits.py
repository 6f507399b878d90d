"""The time budget that keeps one hostile or huge document from stalling a run.

A document over `Config.time_budget` seconds (15 by default; 0 for none) skips the rest of its
spaCy chunks, stages and rules; spaCy stops at 60% of the budget, so that the stages and rules
still read the part it annotated. (A document over `Config.max_bytes` is cut by the loader,
`checker.cutting`.) Either way the report says so with an `input.*` finding
(`checker.rules.input`), never silently.

The budget is checked between spaCy chunks, stages and rules. A step that overruns it (a stage
gone slow on a shape nobody foresaw) is stopped as well: on the main thread, `Budget.enforced`
arms a timer that raises `BudgetExceeded` inside the step once the budget and a grace period
are spent; the engine keeps what the earlier steps made and reports the step it stopped. Off
the main thread (the language server's worker) only the checks between steps apply.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

DEFAULT_SECONDS = 15.0  # 75,000 words at the measured 5,000 words/s: a book chapter, not a story
ANNOTATE_SHARE = 0.6  # spaCy may take this share of the budget; the stages and rules the rest
DEFAULT_MEGABYTES = 3072  # a warm checker maps about 500 MB; it peaks near 1 GB on 5 MB of copy
GRACE = 0.2  # a step is stopped once the budget and a fifth of it again (at least 1 s) are spent


def cap_memory(megabytes: int) -> bool:
    """Cap this process's address space (RLIMIT_AS) at `megabytes` (0: leave it); past the cap
    an allocation raises MemoryError, which costs the document being checked, not the run.
    False where the platform has no such limit."""
    try:
        import resource
    except ImportError:  # not POSIX
        return False
    if megabytes <= 0:
        return False
    limit = megabytes * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return True


class BudgetExceeded(BaseException):
    """Raised inside a step that ran past the budget and its grace period. A BaseException, as
    KeyboardInterrupt is: the handlers that keep a failing rule or file from stopping the run
    must not take it for one."""


class Budget:
    """A per-document time budget in seconds (None: unlimited), started at creation; it also
    keeps what the run did: the ids of the rules selected, and the stages and rules skipped."""

    def __init__(
        self, seconds: float | None, clock=time.monotonic, selected: tuple[str, ...] = ()
    ) -> None:
        self.seconds = seconds
        self.clock = clock
        now = clock()
        self.deadline = None if seconds is None else now + seconds
        # spaCy stops here, so that the stages and rules still read what it annotated
        self.annotate_by = None if seconds is None else now + seconds * ANNOTATE_SHARE
        self.skipped: list[str] = []
        self.selected = selected

    def spent(self) -> bool:
        return self.deadline is not None and self.clock() >= self.deadline

    def stop(self, name: str) -> None:
        """Note that `enforced` stopped the step `name`."""
        self.skipped.append(f"{name} (stopped)")

    def run(self, steps: Iterable[T], call: Callable[[T], object]) -> None:
        """`call` each step in order while time is left; the names of the others go to
        `skipped`. A step that `enforced` stops is named there, "(stopped)", and so is every
        step after it."""
        todo = list(steps)
        for i, step in enumerate(todo):
            if self.spent():
                self.skipped.append(_name(step))
                continue
            try:
                call(step)
            except BudgetExceeded:
                self.stop(_name(step))
                self.skipped.extend(_name(s) for s in todo[i + 1 :])
                return

    @contextmanager
    def enforced(self) -> Iterator[None]:
        """Stop a step that runs past the budget and its grace period (`BudgetExceeded`), on
        the main thread; elsewhere, with no budget, or where the host program has a timer of
        its own running (it is left alone), only the checks of `run` between steps apply."""
        main = threading.current_thread() is threading.main_thread()
        if self.seconds is None or not main or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
            yield
            return
        grace = max(1.0, self.seconds * GRACE)
        left = max(0.001, (self.deadline or 0) - self.clock() + grace)

        def stop(signum: int, frame: object) -> None:
            raise BudgetExceeded

        previous = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, left)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _name(step: object) -> str:
    rule_id = getattr(step, "id", None)
    if isinstance(rule_id, str):
        return rule_id
    module = getattr(step, "__module__", "").removeprefix("checker.")
    return f"{module}.{getattr(step, '__name__', type(step).__name__)}"
