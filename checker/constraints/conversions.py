"""Currency conversions in brackets against each other: "The Ivory Coast received 108 mln ECUs
(123 mln dlrs) and Ghana received 91 mln ECUs (104 mln dlrs)" states one rate twice.

Two conversions between the same two currencies (named by the same words) in one sentence must
use rates within `SPREAD` of each other, the first setting the rate. Conversions in different
sentences are likely, not certainly, at one rate (a wire item converts at the day's rate; a
feature may quote another date's): the later one is held to within `LIKELY_SPREAD` of the
article's first rate between the same currencies, and a conversion past it is a warning, never
an error. Conversions set against each other ("compared with", "a year earlier", another year
than the article's) may be at different dates' rates and are left alone.
"""

from __future__ import annotations

import re
from itertools import pairwise

import z3

from checker.constraints.context import Context, Relation
from checker.constraints.explain import figure
from checker.models import Quantity, Verdict

KIND = "conversion"
SPREAD = 0.2  # one rate, rounded figures: 108 ECUs (123 dlrs) against 91 ECUs (104 dlrs) is 0.2%
LIKELY_SPREAD = 0.1  # the article's rate in another sentence: the day's rate, a few % apart at most
_SCALES = {"mln": 1e6, "million": 1e6, "bln": 1e9, "billion": 1e9, "trillion": 1e12}
_SCALE = r"(?:(?P<scale>mln|million|bln|billion|trillion)\s+)?"
_FROM = re.compile(
    rf"^\s+{_SCALE}(?P<cur>[A-Za-z][\w.'’ -]{{0,40}}?)\s*\(\s*(?:about|around|some|roughly)?\s*$"
)
_TO = re.compile(
    rf"^\s+{_SCALE}(?P<cur>U\.S\. dlrs|dlrs?|dollars?|stg|sterling|yen|marks|francs|pounds)\s*\)"
)
_APART = re.compile(
    r"\b(?:compared|against|versus|vs|earlier|previous|before|last year|a year ago)\b",
    re.IGNORECASE,
)


def find(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    article: dict[tuple[str, str], Pair] = {}  # the first conversion of each currency pair
    for i, qs in enumerate(ctx.sentences):
        pairs = [p for p in (_pair(ctx, a, b) for a, b in pairwise(qs)) if p is not None]
        apart = _apart(ctx, i)
        for n, later in enumerate(pairs):
            first = next((p for p in pairs[:n] if p[2] == later[2]), None)
            if first is not None:
                if not _APART.search(ctx.text[first[1].span.end : later[0].span.start]):
                    found.append(_relation(first, later))
            elif later[2] in article and not apart:
                found.append(_relation(article[later[2]], later, likely=True))
        for p in pairs:
            article.setdefault(p[2], p)
    return found


def _apart(ctx: Context, i: int) -> bool:
    """A sentence that may convert at another date's rate: set against the past, or naming a
    year other than the article's."""
    text = ctx.sentence_text(i)
    date = ctx.analysis.article_date
    years = set(re.findall(r"\b(?:19|20)\d\d\b", text)) - ({str(date.year)} if date else set())
    return bool(_APART.search(text) or years)


Pair = tuple[Quantity, Quantity, tuple[str, str], float, float]


def _pair(ctx: Context, a: Quantity, b: Quantity) -> Pair | None:
    """An amount and its conversion: (amount, converted, (from, to), their scales)."""
    if a.kind == "cardinal" and b.kind == "money":
        return _into_money(ctx, a, b)
    if a.kind not in ("cardinal", "money") or b.kind != a.kind:
        return None
    if a.kind == "money":
        cur_a, cur_b = a.attributes.get("currency"), b.attributes.get("currency")
        gap = ctx.text[a.span.end : b.span.start]
        if not cur_a or not cur_b or cur_a == cur_b or not re.fullmatch(r"\s*\(\s*", gap):
            return None
        if not ctx.text[b.span.end :].lstrip().startswith(")"):
            return None
        return a, b, (cur_a, cur_b), 1.0, 1.0
    m = _FROM.match(ctx.text[a.span.end : b.span.start])
    t = _TO.match(ctx.text[b.span.end : b.span.end + 40])
    if m is None or t is None:
        return None
    key = (_key(m.group("cur")), _key(t.group("cur")))
    if key[0] == key[1] or any(c.isdigit() for c in m.group("cur")):
        return None
    return (
        a,
        b,
        key,
        _SCALES.get(m.group("scale") or "", 1.0),
        _SCALES.get(t.group("scale") or "", 1.0),
    )


def _into_money(ctx: Context, a: Quantity, b: Quantity) -> Pair | None:
    """'7.5 billion CFA francs (24.71 mln dlrs)': a count of a currency the figures do not know,
    converted into one they do (both scales are inside the figures)."""
    m = _FROM.match(ctx.text[a.span.end : b.span.start])
    cur_b = b.attributes.get("currency")
    if m is None or m.group("scale") or not cur_b or any(c.isdigit() for c in m.group("cur")):
        return None
    if not ctx.text[b.span.end :].lstrip().startswith(")"):
        return None
    return a, b, (_key(m.group("cur")), cur_b), 1.0, 1.0


def _key(name: str) -> str:
    return " ".join(w.lower().rstrip("s") for w in name.split())


def _relation(first: Pair, later: Pair, likely: bool = False) -> Relation:
    start, end = first[0].span.start, later[1].span.end
    cue = f"{first[0].span.text} ({first[1].span.text}) ... {later[0].span.text} ({later[1].span.text})"
    notes = {"scales": ",".join(repr(s) for s in (first[3], first[4], later[3], later[4]))}
    notes["currencies"] = f"{first[2][1]} per {first[2][0]}"
    if likely:
        notes["likely"] = "the article's rate in another sentence"
    return Relation(KIND, cue, start, end, [first[0], first[1], later[0], later[1]], notes=notes)


def _scales(rel: Relation) -> list[float]:
    return [float(s) for s in rel.notes["scales"].split(",")]


def formula(rel: Relation, xs: list[z3.ArithRef]) -> z3.BoolRef:
    sa1, sb1, sa2, sb2 = (z3.RealVal(repr(s)) for s in _scales(rel))
    a1, b1, a2, b2 = xs
    # rate2 = b2/a2 within [rate1 / (1 + S), rate1 * (1 + S)], written without division
    one = b1 * sb1 * a2 * sa2
    two = b2 * sb2 * a1 * sa1
    spread = z3.RealVal(repr(1 + _spread(rel)))
    return z3.And(two <= spread * one, two * spread >= one)


def _spread(rel: Relation) -> float:
    return LIKELY_SPREAD if rel.notes.get("likely") else SPREAD


def explain(rel: Relation, verdict: Verdict) -> str:
    a1, b1, a2, b2 = rel.quantities
    sa1, sb1, sa2, sb2 = _scales(rel)
    r1 = b1.value * sb1 / (a1.value * sa1) if a1.value else 0.0
    r2 = b2.value * sb2 / (a2.value * sa2) if a2.value else 0.0
    off = abs(r2 / r1 - 1) * 100 if r1 else 0.0
    per = rel.notes["currencies"]
    sign = "✗" if verdict == Verdict.violated else "✓"
    says = "more than" if verdict == Verdict.violated else "within"
    where = f" ({rel.notes['likely']})" if rel.notes.get("likely") else ""
    return (
        f"{figure(b1)} / {figure(a1)} is {r1:.4g} {per}; {figure(b2)} / {figure(a2)} is "
        f"{r2:.4g}{where}, {off:.0f}% off, {says} {_spread(rel):.0%} {sign}"
    )
