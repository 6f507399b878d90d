"""Bounds on an undated article's year from its own comparisons of a relative year with a
stated one: "fell to 463,000 tonnes last year from 526,000 in 1985" puts last year after 1985,
so the article is from 1987 or later; "3,000 tonnes in 1987 from last year's output of 17,800"
puts last year before 1987, so the article is from 1987 or earlier.

The side after the comparison word ("from", "than", "versus", "compared with") is the
baseline, which wire copy writes for the earlier period. Only a relative year ("last year",
"this year", "next year") and a stated year next to each other in one sentence, with the word
between them, count; each such comparison is one piece of evidence for the dates stage.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from checker.extract.dates import MONTH_NAMES

# A year written on its own ("in 1986", "the 1987 budget"), not a clock time ("at 2005 GMT"),
# a sum ("$1987"), a count ("1,987") or part of a longer number.
BARE_YEAR = re.compile(
    r"(?<![\d.,$/:-])(19[0-9]{2}|20[0-9]{2})(?![\d,.:/-]?\d)"
    r"(?!\s*(?:GMT|EST|EDT|CST|PST|BST|CET|UTC|local|hrs|hours|[ap]\.?m\b))"
)
RELATIVE = re.compile(r"\b(last|this|next)\s+year\b", re.IGNORECASE)
# The comparison word a few words after the first period, and the second a few words after it:
# "6 pct last year, up from 15 pct in 1985"; farther apart, "from" is rarely this comparison.
BASELINE = re.compile(r"^\W*(?:\S+\s+){0,6}?(?:from|than|versus|vs\.?|against|compared\s+(?:with|to))"
                      r"\s+(?:\S+\s+){0,5}?$", re.IGNORECASE)  # fmt: skip
NAMES = sorted({*MONTH_NAMES, *(m[:3] for m in MONTH_NAMES), "Sept"}, key=len, reverse=True)
MONTH = rf"(?:{'|'.join(NAMES)})\b\.?"  # "February", "Feb.", never "Marks"
DATE_BEFORE = re.compile(rf"\b{MONTH}\s*$")
# Between the two: another clause ("1980 and up 47 pct from last year") or a month (the months
# are compared, "168.5 in February from 176.1 last year"), not the two years.
APART = re.compile(rf"\b(?:(?:and|but|or|while)\b|{MONTH})")
SENTENCE_END = re.compile(r"[.!?;]\s+(?=[A-Z\"'])|\n\s*\n|\n(?=\s{2,})")
OFFSET = {"last": -1, "this": 0, "next": 1}


@dataclass(frozen=True)
class YearBound:
    """The article's year is in [low, high] (None: open), by the comparison `text`."""

    low: int | None
    high: int | None
    text: str

    def fits(self, year: int) -> bool:
        return (self.low is None or self.low <= year) and (self.high is None or year <= self.high)

    @property
    def label(self) -> str:
        side = f"{self.low} or later" if self.low is not None else f"{self.high} or earlier"
        return f'"{self.text}" ({side})'


def year_bounds(text: str) -> list[YearBound]:
    """One bound per relative year compared with a stated year next to it, in text order."""
    found: list[YearBound] = []
    start = 0
    for end in [m.start() + 1 for m in SENTENCE_END.finditer(text)] + [len(text)]:
        found += _in_sentence(text[start:end])
        start = end
    return found


def _in_sentence(sentence: str) -> list[YearBound]:
    marks = sorted(
        [
            (m.start(), m.end(), OFFSET[m.group(1).lower()], None)
            for m in RELATIVE.finditer(sentence)
        ]
        + [(m.start(), m.end(), None, int(m.group(1))) for m in BARE_YEAR.finditer(sentence)]
    )
    bounds = []
    for (s1, e1, rel1, year1), (s2, e2, rel2, year2) in itertools.pairwise(marks):
        between = sentence[e1:s2]
        if (rel1 is None) == (rel2 is None) or not BASELINE.match(between):
            continue
        if APART.search(between):
            continue
        if DATE_BEFORE.search(sentence[: s1 if year1 is not None else s2]):
            continue  # "from July 1988": a day of the year, not the year
        shown = " ".join(sentence[s1:e2].split())
        if rel1 is not None and year2 is not None:  # "last year ... from ... 1985": later
            bounds.append(YearBound(year2 - rel1 + 1, None, shown))
        elif year1 is not None and rel2 is not None:  # "1987 ... from last year": earlier
            bounds.append(YearBound(None, year1 - rel2 - 1, shown))
    return bounds
