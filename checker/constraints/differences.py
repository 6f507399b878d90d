"""A gap in points stated with both figures in brackets: "beat the senator from Vermont by 18
points (58 percent to 40 percent)", "a net negative 6 points (37 percent to 43 percent)".

Only the bracket right after "N points" that holds nothing but "A to B" is read, so the two
figures are the two sides of that gap; the check is on its size, |A - B| = |N|, whichever side
leads and whether or not the gap is written signed ("-11 points").
"""

from __future__ import annotations

import re

import z3

from checker.constraints.context import Context, Relation
from checker.constraints.explain import figure, interval
from checker.models import Quantity, Verdict

KIND = "difference"
ROUNDING = 1.0  # points either way when both sides are whole numbers
_OPEN = re.compile(r"^\s*(?:percentage\s+)?points?\s*\(\s*$", re.IGNORECASE)
_TO = re.compile(r"^(?:\s*(?:percent|%|pct))?(?:\s+[a-z]+)?\s+to\s+$", re.IGNORECASE)
_CLOSE = re.compile(r"^(?:\s*(?:percent|%|pct))?(?:\s+[a-z]+)?\s*\)", re.IGNORECASE)


def find(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for qs in ctx.sentences:
        for gap, a, b in zip(qs, qs[1:], qs[2:], strict=False):
            if _gap(ctx, gap, a, b):
                end = b.span.end + _CLOSE.match(ctx.text[b.span.end :]).end()  # type: ignore[union-attr]
                cue = " ".join(ctx.text[gap.span.start : end].split())
                found.append(Relation(KIND, cue, gap.span.start, end, [gap, a, b]))
    return found


def _gap(ctx: Context, gap: Quantity, a: Quantity, b: Quantity) -> bool:
    if (
        gap.kind != "cardinal"
        or gap.hedge
        or a.kind != b.kind
        or a.kind not in ("percent", "cardinal")
    ):
        return False
    return bool(
        _OPEN.match(ctx.text[gap.span.end : a.span.start])
        and _TO.match(ctx.text[a.span.end : b.span.start])
        and _CLOSE.match(ctx.text[b.span.end : b.span.end + 40])
    )


def slack(rel: Relation) -> float:
    """Shares written as whole numbers ("(47 to 25)") were rounded: their gap may be a point off."""
    return 0.0 if any(q.low != q.high for q in rel.quantities[1:]) else ROUNDING


def formula(rel: Relation, xs: list[z3.ArithRef]) -> z3.BoolRef:
    gap, a, b = xs
    room = z3.RealVal(repr(slack(rel)))
    size = z3.If(a >= b, a - b, b - a)
    wide = z3.If(gap >= 0, gap, -gap)  # "a net negative rating of -11 points": the size is 11
    return z3.And(size >= wide - room, size <= wide + room)


def explain(rel: Relation, verdict: Verdict) -> str:
    gap, a, b = rel.quantities
    room = slack(rel)
    low = max(0.0, max(a.low - b.high, b.low - a.high) - room)
    high = max(a.high - b.low, b.high - a.low) + room
    sign = "✗" if verdict == Verdict.violated else "✓"
    says = "not" if verdict == Verdict.violated else "which fits"
    return (
        f"{figure(a)} to {figure(b)} is a gap of {interval(low, high)}, {says} {figure(gap)} {sign}"
    )
