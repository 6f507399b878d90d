"""Quotation marks: quoted stretches, curly or straight, and how a content span meets them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

OPEN_QUOTES = "“\"‘'«"
CLOSE_QUOTES = "”\"’'»"
QUOTES = set(OPEN_QUOTES + CLOSE_QUOTES)


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Quotations of the whole text, each within one paragraph (line)."""
    regions: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        found = list(quotes(text, start, start + len(line)))
        if line[:1] and line[0] in '“"' and not any(a == start for a, _ in found):
            found = [(start, start + len(line.rstrip()))]  # a quotation running over paragraphs
        regions.extend(found)
        start += len(line) + 1
    return regions


def inside(regions: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls strictly inside one of the regions, which are in text order and
    disjoint, as `quoted_regions` gives them (a binary search: a long text holds thousands)."""
    i = bisect_left(regions, (offset,))  # the first region that starts at or after offset
    return i > 0 and regions[i - 1][0] < offset < regions[i - 1][1]


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
    for q_start, q_end in regions:
        if q_end <= start and _ADJACENT_BEFORE.fullmatch(text[q_end:start]):
            return q_start, q_end
        if q_start >= end and _ADJACENT_AFTER.fullmatch(text[end:q_start]):
            return q_start, q_end
    return None


_ADJACENT_BEFORE = re.compile(r"[\s,.!?—–-]{0,4}")
_ADJACENT_AFTER = re.compile(r"[^\n.!?“\"]{0,40}?[,:]?\s{0,3}")


def widen(
    content: tuple[int, int], cue: tuple[int, int], regions: list[tuple[int, int]]
) -> tuple[int, int]:
    """A content span that opens a quotation runs to its end, across sentences ("“A. B.”")."""
    for start, end in regions:
        if start == content[0] and end > content[1] and not start < cue[0] < end:
            return start, end
    return content


def quotes(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Quoted stretches (“...” or "...") inside [start, end). A straight quote opens when it
    follows a space or an opening bracket and precedes a word, and closes otherwise, so a quote that closes one
    carried over from the paragraph before does not swallow the words after it."""
    opened: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in '“”"':
            continue
        after = text[i + 1] if i + 1 < end else " "
        before_ok = i == start or text[i - 1].isspace() or text[i - 1] in "([{—–-:/"
        opening = ch == "“" or (ch == '"' and before_ok and not after.isspace())
        if opening:
            opened = i if opened is None else opened
        elif opened is not None:
            yield opened, i + 1
            opened = None


def cue_type(text: str, content: tuple[int, int] | None) -> str:
    """direct: the content is one quotation; mixed: it quotes some words; else indirect."""
    if content is None:
        return "indirect"
    inner = text[content[0] : content[1]]
    marks = sum(1 for ch in inner if ch in '“”"')
    if marks == 2 and inner[:1] in '“"' and inner[-1:] in '”"':
        return "direct"
    return "mixed" if marks >= 2 else "indirect"
