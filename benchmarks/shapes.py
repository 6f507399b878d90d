"""Hostile shapes of input: text that once made a stage quadratic, at any size.

Each shape is a function of a size in characters that returns (text, file suffix). The full
sizes are those of the issue that found them; `benchmarks/scaling.py` runs each at 1x to 64x a
small base size, `benchmarks/hostile_inputs.py --folder` checks a folder of the full-size files
with the seed, and `tests/test_hostile.py` checks small ones.
"""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def troops(size: int) -> tuple[str, str]:
    """One line: "1,000 troops and " again and again (3.4 MB: 200,000 times)."""
    return _repeat("1,000 troops and ", size), "txt"


def no_end(size: int) -> tuple[str, str]:
    """Prose with no sentence end at all (130 KB)."""
    return _repeat("the troops will go to the base and the officers of the army ", size), "txt"


def cues(size: int) -> tuple[str, str]:
    """One sentence with a verb of saying every ten tokens (10,000 tokens, 1,000 cues)."""
    count = max(1, size // 45)
    said = ", and ".join(f"Smith said {i:,} troops would go" for i in range(count))
    return f"Kirby said that {said}.", "txt"


def figures(size: int) -> tuple[str, str]:
    """One paragraph of figures (100,000 of them)."""
    count = max(1, size // 14)
    return " ".join(f"{i:,} troops" for i in range(1000, 1000 + count)) + ".", "txt"


def quotes(size: int) -> tuple[str, str]:
    """Quotation marks that never close (20,000 of them)."""
    return _repeat("He said “so ", size), "txt"


def sums(size: int) -> tuple[str, str]:
    """Partition after partition, each off by one or two."""
    count = max(1, size // 72)
    return " ".join(
        f"Of the {2000 + i:,} troops, {1700 + i:,} went to Poland and the remaining"
        f" {299 + i % 3:,} stayed."
        for i in range(count)
    ), "txt"


def said(size: int) -> tuple[str, str]:
    """Quotation after attributed quotation: each looked its speaker up among all the others."""
    count = max(1, size // 62)
    return " ".join(
        f"“We will go to base {i},” Smith said. The troops “are ready.”" for i in range(count)
    ), "txt"


def table(size: int) -> tuple[str, str]:
    """A Markdown table of figures (50 MB: cut at the size cap)."""
    head = "| unit | troops | officers |\n|---|---|---|\n"
    count = max(1, size // 24)
    return head + "".join(f"| {i} | {i * 2:,} | {i * 3:,} |\n" for i in range(count)), "md"


SHAPES: dict[str, Callable[[int], tuple[str, str]]] = {
    "troops": troops,
    "no-end": no_end,
    "cues": cues,
    "figures": figures,
    "quotes": quotes,
    "sums": sums,
    "said": said,
    "table": table,
}

# The sizes at which each shape was found to stall the checker (characters).
FULL_SIZE = {
    "troops": 3_400_000,
    "no-end": 130_000,
    "cues": 45_000,  # 10,000 tokens with 1,000 cues
    "figures": 1_400_000,  # 100,000 figures
    "quotes": 240_000,  # 20,000 unbalanced marks
    "sums": 500_000,
    "said": 100_000,
    "table": 50_000_000,
}
# Shapes whose full size is checked whole (nothing to cut, so no input.* finding is owed).
WHOLE_AT_FULL_SIZE = frozenset({"said"})
