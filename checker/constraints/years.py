"""A span of years stated with the years it runs between: "the six-year period, 1984 to 1989";
"its 1987-1992 five-year plan"; "a two-year delay — from 2018 to 2020"; "four years of IMF-backed
austerity (1983-86)".

The years and the span are not quantities the extractor reads (a year is a date, "five-year" a
modifier), so the relation makes its figures from the words: the span N (kind "duration") and
the two years A and B (kind "year"). The report lists them with its quantities
(`Analysis.report`); the rules, which read the extracted quantities, do not see them. A span counts its years inclusively or not (1984 to 1989 is a six-year period, 1987-1992 a
five-year plan), so N must be B - A or B - A + 1. Only a span and a range that plainly name one
stretch are read: the range right after the span (its noun, up to three words, then nothing, "for",
"(", a comma or a dash, then "between"/"from" if any) or the span right after the range. Two spans
in one sentence ("due in 1987-89, rescheduled over the next 12 years"; "losses incurred between
1984 and 1992, written down over 10 years") have words, figures or "and" in between, and an age
("77-year-old") or a hedged span ("nearly four years") is left alone.

A span from one year to another: "elected in 1998 and re-elected three years later, in 2003";
"Thirty years ago, in 1956"; "expire 10 years later on April 6, 1997". The year the span counts
from is the last one stated before it in the sentence; else the last one of the sentence before
in the same paragraph, else (and always for "ago") the article's date, and those two make the
relation likely rather than certain (the copy may count from another date): a warning, never an
error. Either way the span may be a year out (December 1998 plus three years is early 2002):
B - A is N - 1 to N + 1.
"""

from __future__ import annotations

import re

import z3

from checker.constraints.context import Context, Relation
from checker.extract.numerals import SMALL
from checker.models import Quantity, Verdict

KIND = "date_arithmetic"
_YEAR = r"(?:19|20)\d\d"
_RANGE = (
    rf"(?:(?:between\s+)(?P<a1>{_YEAR})\s+and\s+(?P<b1>{_YEAR})"
    rf"|(?:from\s+)?(?P<a2>{_YEAR})\s*(?:-|–|to|through)\s*(?P<b2>{_YEAR}|\d\d)\b)"
)
_SPAN = r"(?<![\w./-])(?P<n>\d{1,2}|[a-z]+)(?:-|\s+)(?P<unit>years?)(?![\w'’-])"
_FILLER = r"(?:\s+(?!and\b|or\b|over\b|in\b|of\s+the\b)[a-zA-Z][\w-]*){0,3}?"
_AFTER = re.compile(
    rf"{_SPAN}(?P<filler>{_FILLER})\s*(?:\s+for|\s*\(|\s*,|\s+(?:—|–|--))?\s*(?:the\s+)?{_RANGE}",
    re.IGNORECASE,
)
_BEFORE = re.compile(rf"{_RANGE}\s+{_SPAN}", re.IGNORECASE)
_DAY = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+)"  # "April 6, 1997"
_FROM = re.compile(
    rf"{_SPAN}\s+(?P<way>later|afterwards|earlier|ago)\b,?\s*(?:in|on|by)?\s*"
    rf"{_DAY}?(?P<to>{_YEAR})\b",
    re.IGNORECASE,
)
_BACK = ("earlier", "ago")  # not "after 1983"/"before 1990": the year there is the base
_HEDGE = re.compile(r"\b(?:nearly|almost|about|around|some|over|more than|less than|up to)\s+$")


def find(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for i, bound in enumerate(ctx.bounds):
        text = ctx.sentence_text(i)
        for pattern in (_AFTER, _BEFORE):
            for m in pattern.finditer(text):
                rel = _relation(ctx, bound.start, m)
                if rel is not None:
                    found.append(rel)
        for m in _FROM.finditer(text):
            rel = _counted_from(ctx, i, text, m)
            if rel is not None:
                found.append(rel)
    return found


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    value = SMALL.get(word.lower())
    return int(value) if value is not None else None


def _relation(ctx: Context, offset: int, m: re.Match[str]) -> Relation | None:
    n = _number(m.group("n"))
    if n is None or not 1 <= n <= 60:
        return None
    if _HEDGE.search(ctx.text[max(0, offset + m.start() - 12) : offset + m.start()]):
        return None  # "nearly four years": not an exact span
    a_key, b_key = ("a1", "b1") if m.group("a1") else ("a2", "b2")
    a, b = int(m.group(a_key)), m.group(b_key)
    high = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
    if high <= a:
        return None
    span = ctx.made("Y", offset + m.start("n"), offset + m.end("unit"), n, "duration")
    first = ctx.made("Y", offset + m.start(a_key), offset + m.end(a_key), a, "year")
    last = ctx.made("Y", offset + m.start(b_key), offset + m.end(b_key), high, "year")
    start, end = offset + m.start(), offset + m.end()
    cue = " ".join(ctx.text[start:end].split())
    return Relation(KIND, cue, start, end, [span, first, last])


def _counted_from(ctx: Context, i: int, text: str, m: re.Match[str]) -> Relation | None:
    """ "three years later, in 2003" from the last year before it in the sentence; else, as a
    likely relation, from the last year of the sentence before in the paragraph, else from the
    article's date ("ago" always from the article's date)."""
    offset = ctx.bounds[i].start
    n = _number(m.group("n"))
    if n is None or not 1 <= n <= 60 or _HEDGE.search(text[max(0, m.start() - 12) : m.start()]):
        return None
    to = int(m.group("to"))
    way = m.group("way").lower()
    notes = {"direction": "back" if way in _BACK else "on"}
    found = _year_before(ctx, i, offset + m.start()) if way != "ago" else None
    if found is not None:
        base, here = found
        if not here:
            notes["likely"] = "the last year of the sentence before"
    else:
        date = ctx.analysis.article_date
        if date is None:
            return None
        base = ctx.made("Y", offset + m.start("way"), offset + m.end("way"), date.year, "year")
        notes["likely"] = "the article's date"
    span = ctx.made("Y", offset + m.start("n"), offset + m.end("unit"), n, "duration")
    last = ctx.made("Y", offset + m.start("to"), offset + m.end("to"), to, "year")
    start, end = min(base.span.start, offset + m.start()), offset + m.end()
    cue = " ".join(ctx.text[start:end].split())
    return Relation(KIND, cue, start, end, [span, base, last], notes=notes)


def _year_before(ctx: Context, i: int, at: int) -> tuple[Quantity, bool] | None:
    """The last year stated before offset `at` in sentence i (True), else in the sentence before
    it when both are in one paragraph (False)."""
    layout = ctx.analysis.layout
    for j, here in ((i, True), (i - 1, False)):
        if j < 0 or (
            not here
            and layout.paragraph_index(ctx.bounds[j].start)
            != layout.paragraph_index(ctx.bounds[i].start)
        ):
            return None
        start = ctx.bounds[j].start
        end = at if here else ctx.bounds[j].end
        years = list(re.finditer(rf"\b{_YEAR}\b", ctx.text[start:end]))
        if years:
            y = years[-1]
            return ctx.made("Y", start + y.start(), start + y.end(), int(y.group(0)), "year"), here
    return None


def formula(rel: Relation, xs: list[z3.ArithRef]) -> z3.BoolRef:
    n, a, b = xs
    if "direction" in rel.notes:  # from a year: a year out either way
        moved = a - b if rel.notes["direction"] == "back" else b - a
        return z3.And(moved >= n - 1, moved <= n + 1)
    return z3.Or(n == b - a, n == b - a + 1)  # 1987-1992 is five years, 1984 to 1989 six


def explain(rel: Relation, verdict: Verdict) -> str:
    span, a, b = rel.quantities
    if "direction" in rel.notes:
        sign = -1 if rel.notes["direction"] == "back" else 1
        at = a.value + sign * span.value
        base = f"{a.value:.0f}" + (f" ({rel.notes['likely']})" if rel.notes.get("likely") else "")
        reading = (
            f"{base} {'-' if sign < 0 else '+'} {span.span.text} is {at:.0f}, give or take a year"
        )
        if verdict == Verdict.violated:
            return f"{reading}, not {b.span.text} ✗"
        return f"{reading}, which fits {b.span.text} ✓"
    years = int(b.value - a.value)
    reading = f"{a.value:.0f} to {b.value:.0f} is {years} years, or {years + 1} counting both"
    if verdict == Verdict.violated:
        return f"{reading}, not {span.span.text} ✗"
    return f"{reading}, which fits {span.span.text} ✓"
