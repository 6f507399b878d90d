"""Quotation marks and how an attribution's content span meets them (the quotations themselves
are `checker.layout.Layout.quotations`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

OPEN_QUOTES = "“\"‘'«"
CLOSE_QUOTES = "”\"’'»"
QUOTES = set(OPEN_QUOTES + CLOSE_QUOTES)


def snap(text: str, span: tuple[int, int], lo: int, hi: int) -> tuple[int, int]:
    """Widen a content span to the quotation marks it leaves open (the parser often hangs a
    closing quote, and the comma before it, on the cue verb)."""
    start, end = span
    inner = text[start:end]
    opens, closes = count(inner, "“«"), count(inner, "”»")
    straight = inner.count('"') % 2 == 1
    if (
        opens > closes
        or (straight and inner[:1] == '"')
        or (start > lo and text[start - 1] in '“"' and opens == closes)
    ):
        if start > lo and text[start - 1] in '“"' and opens == closes and not straight:
            start -= 1
        tail = text[end : min(hi, end + 3)]
        for i, ch in enumerate(tail):
            if ch in '”"»':
                return start, end + i + 1
            if ch not in ",.;:!? ":
                break
    elif closes > opens or (straight and inner[-1:] == '"'):
        before = text[max(lo, start - 2) : start]
        for i, ch in enumerate(reversed(before)):
            if ch in '“"«':
                return start - i - 1, end
            if ch != " ":
                break
    return start, end


def count(text: str, chars: str) -> int:
    return sum(text.count(c) for c in chars)


def adjacent(
    edges: list[tuple[int, int]], regions: list[tuple[int, int]], text: str
) -> tuple[int, int] | None:
    """The quotation just before or after the cue and its source ("“...,” he told CBN." /
    "Kirby said: “...”"), possibly in the next paragraph after a colon."""
    start, end = min(e[0] for e in edges), max(e[1] for e in edges)
    # regions are ordered and disjoint: only those ending at most BEFORE characters before the
    # cue, or starting at most AFTER characters after it, can be adjacent (binary search)
    first = bisect_left(regions, start - BEFORE, key=lambda r: r[1])
    for q_start, q_end in regions[first : bisect_right(regions, start, key=lambda r: r[1])]:
        if _ADJACENT_BEFORE.fullmatch(text[q_end:start]):
            return q_start, q_end
    first = bisect_left(regions, end, key=lambda r: r[0])
    for q_start, q_end in regions[first : bisect_right(regions, end + AFTER, key=lambda r: r[0])]:
        if _ADJACENT_AFTER.fullmatch(text[end:q_start]):
            return q_start, q_end
    return None


BEFORE, AFTER = 4, 44  # the longest gaps the two patterns below allow
_ADJACENT_BEFORE = re.compile(r"[\s,.!?—–-]{0,4}")
_ADJACENT_AFTER = re.compile(r"[^\n.!?“\"]{0,40}?[,:]?\s{0,3}")


def widen(
    content: tuple[int, int], cue: tuple[int, int], regions: list[tuple[int, int]]
) -> tuple[int, int]:
    """A content span that opens a quotation runs to its end, across sentences ("“A. B.”")."""
    i = bisect_left(regions, (content[0],))  # regions are ordered and disjoint: one starts here
    if i < len(regions):
        start, end = regions[i]
        if start == content[0] and end > content[1] and not start < cue[0] < end:
            return start, end
    return content


def cue_type(text: str, content: tuple[int, int] | None) -> str:
    """direct: the content is one quotation; mixed: it quotes some words; else indirect."""
    if content is None:
        return "indirect"
    inner = text[content[0] : content[1]]
    marks = sum(1 for ch in inner if ch in '“”"')
    if marks == 2 and inner[:1] in '“"' and inner[-1:] in '”"':
        return "direct"
    return "mixed" if marks >= 2 else "indirect"
