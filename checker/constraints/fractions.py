"""Fractions restated as percentages: "A third of independents, 33%, say so", "about two-thirds,
67 percent", "more than half of her support (57 percent)".

The percentage must follow the fraction at once, after a comma, a bracket or a dash, with at most
an "of ..." phrase between: then both count the same share of the same group. A fraction word is
loose, so the check allows `LOOSE` points either side of it; a hedge that points one way ("more
than half", "almost half") is held to its direction, with `BELOW` points of room on the other side
("almost half (44 percent)" is fine, "almost half (54 percent)" is not).
"""

from __future__ import annotations

import re
from itertools import pairwise

import z3

from checker.constraints.context import Context, Relation
from checker.constraints.explain import figure, number
from checker.extract.quantities import UNBOUNDED
from checker.models import Quantity, Verdict

KIND = "fraction_percent"
LOOSE = 5.0  # "a third" may stand for 28-38 percent
BELOW = 10.0  # "almost half" may stand for 40-50 percent
_UNDER = {"almost", "nearly", "just under", "under", "less than", "fewer than", "close to"}
_GAP = re.compile(
    r"^(?:\s+of\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?\s*(?:,|\(|—|–|\s-)\s*$", re.IGNORECASE
)


def find(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for qs in ctx.sentences:
        for frac, pct in pairwise(qs):
            if frac.kind == "fraction" and pct.kind == "percent":
                gap = ctx.text[frac.span.end : pct.span.start]
                if _GAP.match(gap) and "%" not in frac.span.text:
                    cue = " ".join(ctx.text[frac.span.start : pct.span.end].split())
                    notes = {"side": _side(frac)}
                    found.append(
                        Relation(KIND, cue, frac.span.start, pct.span.end, [frac, pct], notes=notes)
                    )
    return found


def _side(frac: Quantity) -> str:
    """Which way the hedge points: above ("more than half"), under ("almost half") or either."""
    if frac.high >= UNBOUNDED:
        return "above"
    if frac.low == 0 or (frac.hedge or "").lower() in _UNDER:
        return "under"
    return "either"


def bounds(rel: Relation) -> tuple[float, float]:
    """The room the percentage has below and above the fraction's own interval, in points."""
    side = rel.notes.get("side")
    if side == "above":
        return 0.0, UNBOUNDED
    if side == "under":
        return BELOW, 0.0
    return LOOSE, LOOSE


def formula(rel: Relation, xs: list[z3.ArithRef]) -> z3.BoolRef:
    frac, pct = xs
    below, above = bounds(rel)
    terms = [pct >= 100 * frac - z3.RealVal(repr(below))]
    if above < UNBOUNDED:
        terms.append(pct <= 100 * frac + z3.RealVal(repr(above)))
    return z3.And(terms)


def explain(rel: Relation, verdict: Verdict) -> str:
    frac, pct = rel.quantities
    below, above = bounds(rel)
    low = number(round(max(0.0, 100 * frac.low - below), 1))
    if above >= UNBOUNDED or frac.high >= UNBOUNDED:
        allowed = f"at least {low}"
    else:
        allowed = f"{low}-{number(round(100 * frac.high + above, 1))}"
    sign = "✗" if verdict == Verdict.violated else "✓" if verdict == Verdict.holds else "?"
    where = "outside" if verdict == Verdict.violated else "within"
    return f"{figure(frac)} is {allowed} percent; {figure(pct)} is {where} it {sign}"
