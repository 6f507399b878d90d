"""Stages: the steps that annotate a document before the rules run, each declaring the layers
of the `Analysis` it requires and the ones it assigns (as spaCy components do).

    @stage(requires=("sentences",), assigns=("quantities",))
    def extract(analysis: Analysis) -> None: ...

The engine runs the stages in `engine.STAGES` order; `tests/test_pipeline.py` walks that order
and fails when a stage or rule requires a layer no earlier stage assigns, or reads one it did not
declare.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.analysis import Analysis

# Made before any stage runs: the spaCy pass over the text (`nlp.annotate`).
ANNOTATED = ("docs", "sentences")


class Stage:
    """A stage function with its declared `requires` and `assigns`."""

    def __init__(
        self,
        func: Callable[[Analysis], None],
        requires: tuple[str, ...],
        assigns: tuple[str, ...],
    ) -> None:
        functools.update_wrapper(self, func)
        self.func = func
        self.requires = requires
        self.assigns = assigns

    @property
    def name(self) -> str:
        return f"{self.func.__module__.removeprefix('checker.')}.{self.func.__name__}"

    def __call__(self, analysis: Analysis) -> None:
        self.func(analysis)

    def __repr__(self) -> str:
        return f"<stage {self.name}: {', '.join(self.requires)} -> {', '.join(self.assigns)}>"


def stage(
    *, requires: tuple[str, ...] = (), assigns: tuple[str, ...]
) -> Callable[[Callable[[Analysis], None]], Stage]:
    """Declare a function a stage that reads `requires` and makes `assigns`."""

    def declare(func: Callable[[Analysis], None]) -> Stage:
        return Stage(func, requires, assigns)

    return declare
