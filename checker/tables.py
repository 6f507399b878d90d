"""Table rows: lines of figures laid out as a table, found by their layout alone.

Wire copy sends earnings and statistics as tables, one row a line: a short label, then figures
compared with "vs" ("Shr 34 cts vs 1.19 dlrs", "Net loss 1.5 mln vs profit 868,000"), or cells
aligned in columns by runs of spaces ("Wheat   2.55   2.40   IV   4.65"), under column heads and
row headings ("Nine mths"). A row is no sentence and no part of one: each row is a paragraph,
a sentence and a claim of its own, and its figures carry the row's id (`Quantity.row`,
'T<table>.<row>'), so that figures of different rows are never read as one list. Consecutive
rows are one table; a blank line or a line of prose ends it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

MAX_ROW = 80  # a longer line is prose
_FIGURE = r"[-+(]?(?:[$£€¥]|US\$)?\d[\d,.]*(?:-\d{1,2}/\d{1,2})?[)%]?"
# a label (a word that is no figure), then figures compared with "vs" within a short line
_VS_ROW = re.compile(r"^[A-Za-z][\w'&/.-]*\s.*\bvs\.?\s+\S", re.IGNORECASE)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|nil)\b", re.IGNORECASE
)
_CELL_GAP = re.compile(r"\s{2,}|\t")
_NUMERIC_CELL = re.compile(rf"^(?:{_FIGURE}(?:-[A-Z])?|--+|n\.?a\.?|nil)$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_HEADING = re.compile(r"^[A-Za-z0-9][\w'&/ .-]*[\w)]$")


@dataclass(frozen=True)
class Row:
    start: int  # offset of the row's first character (its indentation skipped)
    end: int  # offset of its line's end (trailing spaces left out)
    id: str  # 'T<table>.<row>', both 1-based


def _cells(line: str) -> list[str]:
    return [c for c in _CELL_GAP.split(line.strip()) if c]


def _aligned(line: str) -> bool:
    cells = _cells(line)
    return len(cells) >= 3 and sum(bool(_NUMERIC_CELL.match(c)) for c in cells) >= 2


def _column_heads(line: str) -> bool:
    cells = _cells(line)
    return len(cells) >= 3 and all(len(c) <= 15 and not c.endswith(".") for c in cells)


def is_row(line: str) -> bool:
    """A line of figures laid out as a table row (its neighbours not considered)."""
    s = line.strip()
    if not s or len(s) > MAX_ROW:
        return False
    if len(s.split()) <= 14 and _VS_ROW.match(s) and ":" not in s and _NUMBER.search(s):
        return s[0].isupper() or line[:1].isspace()  # a lower-case line goes on a sentence
    return _aligned(line)


def _heading(line: str) -> bool:
    """A row heading or column heads: "Year", "Nine mths", "Natl   Loan   Release"."""
    s = line.strip()
    return (len(s) <= 25 and len(s.split()) <= 4 and bool(_HEADING.match(s))) or _column_heads(line)


def rows(text: str) -> list[Row]:
    """Every table row of the text, in order; a heading counts as a row when a row follows."""
    lines: list[tuple[int, int]] = []
    start = 0
    for end in (m.start() for m in re.finditer("\n", text)):
        lines.append((start, end))
        start = end + 1
    lines.append((start, len(text)))
    kinds = [is_row(text[a:b]) for a, b in lines]
    for i in range(len(lines) - 2, -1, -1):  # headings over rows, and heads over headings
        if not kinds[i] and kinds[i + 1] and _heading(text[slice(*lines[i])]):
            kinds[i] = True
    found: list[Row] = []
    table, number = 0, 0
    for i, (a, b) in enumerate(lines):
        if not kinds[i]:
            number = 0
            continue
        if number == 0:
            table += 1
        number += 1
        line = text[a:b]
        lead = len(line) - len(line.lstrip())
        found.append(Row(a + lead, a + len(line.rstrip()), f"T{table}.{number}"))
    size = Counter(r.id.split(".")[0] for r in found)
    # a heading is a row only inside a table that holds figures, not a lone short line
    return [
        r for r in found if size[r.id.split(".")[0]] > 1 or _DIGIT.search(text[r.start : r.end])
    ]
