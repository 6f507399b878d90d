"""A one-line progress bar on stderr, for long runs in a terminal only (never in CI logs)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

MIN_FILES = 20  # fewer files finish before a bar is worth reading
WIDTH = 30


def wanted(total: int, stream: TextIO | None = None, quiet: bool = False) -> bool:
    stream = stream or sys.stderr
    return not quiet and total >= MIN_FILES and bool(getattr(stream, "isatty", lambda: False)())


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, interval: float = 0.1) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.interval = interval
        self.done = 0
        self.started = time.monotonic()
        self.drawn = 0.0

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.drawn >= self.interval or self.done == self.total:
            self.drawn = now
            self.stream.write("\r" + self.line(now - self.started))
            self.stream.flush()

    def line(self, elapsed: float) -> str:
        filled = WIDTH * self.done // max(self.total, 1)
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        return (
            f"[{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} files"
            f"  {rate:.1f}/s  {int(left // 60)}:{int(left % 60):02d} left "
        )

    def close(self) -> None:
        self.stream.write("\r" + " " * (WIDTH + 50) + "\r")
        self.stream.flush()
