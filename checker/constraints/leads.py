"""A lead or gap stated as a margin beside the two figures it separates: "leading Trump by 15
points among likely voters in Wisconsin, 52 percent to 37 percent"; "a nine point lead over the
main opposition Labour Party ... a rating of 41 pct against 32 pct for Labour"; "trail Clinton by
more than 300 delegates. Clinton now has 1,163 delegates to Sanders' 844"; "about 41%, just 5
percentage points shy of the 46% turnout record".

The margin D is a figure after a lead word and "by" ("leading Trump by", "trail Clinton by more
than") or before "point lead" ("a 9-point lead"); the pair is two figures of one kind joined by
"to", "against" or "versus" ("52 percent to 37 percent", "1,163 delegates to Sanders' 844"). A
pair in the margin's sentence, the nearest one with no figure between it and D, states the race
D measures when few words and no clause break stand between (", 52 percent to 37 percent"; not
", though men backed Trump 50 percent to 40 percent", "up from a 48 percent to 40 percent lead",
"while in Ohio Trump is ahead 46 percent to 43 percent", another race): a relation. When no figure after D in its sentence can be a side, the next figures of the copy
(within two sentences) most likely state it when they open with a pair ("a nine point lead ...
The poll gives the Conservatives a rating of 41 pct against 32 pct"), but may be another poll or
another state: a likely relation, a warning at most. A gap "A, D points shy of B"
(also "short of", "behind", "ahead of", "above", "below") is read in its sentence.

Arithmetic: |A - B| = D whichever side leads, within the figures' intervals ("more than 300" is
above 300) and the rounding of D: half a point for a margin in points, half a unit of a round
count's last non-zero digit ("300 delegates" is 250-350) for a margin in delegates or votes.
"""

from __future__ import annotations

import re

import z3

from checker.constraints.context import Context, Relation, ends_with, same_noun
from checker.constraints.explain import figure, interval, number
from checker.models import Quantity, Verdict

KIND = "lead"
_LEAD_WORD = (
    r"(?:lead(?:s|ing)?|led|trail(?:s|ed|ing)?|ahead|behind|beat(?:s|ing)?|won|wins|winning"
    r"|edg(?:e|es|ed|ing)|outpac(?:e|es|ed|ing)|margin)"
)
_BY = rf"{_LEAD_WORD}(?:\s+(?!by\b)[\w.'’-]+){{0,4}}?\s+by"
_POINT_LEAD = re.compile(
    r"^(?:-|\s+)(?:percentage(?:-|\s+))?points?(?:-|\s+)(?:lead|advantage|edge|margin)\b",
    re.IGNORECASE,
)
_PAIR = re.compile(
    r"^\s*(?:[a-z]+\s+)?(?:of\s+the\s+\w+\s+)?(?:to|against|versus|vs\.?)\s+"
    r"(?:(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s?\s+)?(?:the\s+)?$"
)
_GAP = re.compile(
    r"^\s*(?:(?:percentage\s+)?points?\s+)?(?:shy\s+of|short\s+of|behind|below|above|ahead\s+of"
    r"|higher\s+than|lower\s+than)\s+(?:(?:the|its|a)\s+)?$",
    re.IGNORECASE,
)
_SIDE = re.compile(r"^\s*,\s*(?:just|only|still)?\s*$", re.IGNORECASE)
# words between a margin and its pair that start another clause, whose pair is another race
# ("by 6 points among women, though men backed Trump 50 percent to 40 percent", "up from a 48
# percent to 40 percent lead last month", "while in Ohio Trump is ahead 46 percent to 43")
_BREAK = re.compile(
    r"[;:]|\b(?:though|although|while|whereas|but|up\s+from|down\s+from|from\s+an?"
    r"|compared\s+(?:with|to)|than|after|before|since|when|is|are|was|were|has|have|had"
    r"|backed|backs|gave|gives|got|gets|shows?|showed|found|finds|said|says)\b",
    re.IGNORECASE,
)
NEAR = 8  # words at most between a margin and the pair it is read against
AHEAD = 2  # sentences after the margin's that may state its pair
_COUNTS = {"delegate", "vote", "seat", "elector"}


def find(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for i, qs in enumerate(ctx.sentences):
        for n, margin in enumerate(qs):
            if not _is_margin(ctx, margin):
                continue
            pair, likely = _pair_here(ctx, qs, n), False
            if pair is None and not any(_side(margin, q) for q in qs[n + 1 :]):
                pair, likely = _pair_next(ctx, i), True
                if pair is not None and _points(margin) and pair[0].kind != "percent":
                    pair = None  # points of another sentence: "open five to eight points higher"
            if pair is not None and _fits(margin, *pair):
                found.append(_relation(ctx, margin, *pair, likely))
        for a, gap, b in zip(qs, qs[1:], qs[2:], strict=False):
            if _is_gap(ctx, a, gap, b):
                found.append(_relation(ctx, gap, a, b, False))
    return found


def _points(q: Quantity) -> bool:
    text = q.span.text.lower()
    return "point" in text or (q.noun or "").lower().startswith("point")


def _is_margin(ctx: Context, q: Quantity) -> bool:
    if q.kind not in ("cardinal", "percent") or (q.kind == "percent" and not _points(q)):
        return False
    if ends_with(_BY, ctx.before(q, 80)):
        return True
    return bool(_points(q) and _POINT_LEAD.match(ctx.text[q.span.end : q.span.end + 40]))


def _pair_of(ctx: Context, a: Quantity, b: Quantity) -> bool:
    return (
        a.kind == b.kind
        and a.kind in ("percent", "cardinal")
        and bool(_PAIR.match(ctx.between(a, b)))
    )


def _pair_here(ctx: Context, qs: list[Quantity], n: int) -> tuple[Quantity, Quantity] | None:
    """The pair right after the margin (no figure between), else the pair right before it, when
    few words and no clause break stand between (`_near`)."""
    after, before = qs[n + 1 : n + 3], qs[max(0, n - 2) : n] if n >= 2 else []
    if len(after) == 2 and _pair_of(ctx, *after) and _near(ctx.between(qs[n], after[0])):
        return after[0], after[1]
    if len(before) == 2 and _pair_of(ctx, *before) and _near(ctx.between(before[1], qs[n])):
        return before[0], before[1]
    return None


def _near(words: str) -> bool:
    """Words that keep a margin and a pair in one statement: few, and no clause break."""
    return len(words.split()) <= NEAR and not _BREAK.search(words)


def _pair_next(ctx: Context, i: int) -> tuple[Quantity, Quantity] | None:
    """The pair that opens the next figures of the copy, within the next `AHEAD` sentences."""
    for qs in ctx.sentences[i + 1 : i + 1 + AHEAD]:
        if qs:
            return (qs[0], qs[1]) if len(qs) >= 2 and _pair_of(ctx, qs[0], qs[1]) else None
    return None


def _fits(margin: Quantity, a: Quantity, b: Quantity) -> bool:
    """Points between percentages; a count between counts of the same thing."""
    if _points(margin):
        return a.kind == "percent" or (a.noun or "").lower().startswith("point")
    if a.kind != "cardinal" or margin.kind != "cardinal":
        return False
    key = (margin.noun or "").lower().rstrip("s")
    return key in _COUNTS and (same_noun(margin, a) or a.elided) and (same_noun(a, b) or b.elided)


def _side(margin: Quantity, q: Quantity) -> bool:
    """Whether q could be one side of the margin's race (a share, or a count of its noun)."""
    return _fits(margin, q, q)


def _is_gap(ctx: Context, a: Quantity, gap: Quantity, b: Quantity) -> bool:
    if not (_points(gap) and a.kind == b.kind == "percent") or gap.hedge:
        return False
    after = ctx.text[gap.span.end : b.span.start]
    if b.hedge:
        after = ctx.between(gap, b)
    return bool(_SIDE.match(ctx.between(a, gap)) and _GAP.match(after))


def _relation(ctx: Context, margin: Quantity, a: Quantity, b: Quantity, likely: bool) -> Relation:
    start = min(q.span.start for q in (margin, a, b))
    end = max(q.span.end for q in (margin, a, b))
    cue = " ".join(ctx.text[start:end].split())
    if len(cue) > 160:
        cue = f"{cue[:70]} ... {cue[-70:]}"
    notes = {"likely": "a pair in the next sentence, likely the race the lead measures"}
    return Relation(KIND, cue, start, end, [margin, a, b], notes=notes if likely else {})


def rounding(margin: Quantity) -> float:
    """Half a point for points; half a unit of a round count's last non-zero digit."""
    if margin.low != margin.high:
        return 0.0
    if _points(margin):
        return 0.5
    value, unit = int(margin.value), 1
    while value and value % 10 == 0:
        value, unit = value // 10, unit * 10
    return unit / 2


def formula(rel: Relation, xs: list[z3.ArithRef]) -> z3.BoolRef:
    margin, a, b = xs
    room = z3.RealVal(repr(rounding(rel.quantities[0])))
    size = z3.If(a >= b, a - b, b - a)
    return z3.And(size >= margin - room, size <= margin + room)


def explain(rel: Relation, verdict: Verdict) -> str:
    margin, a, b = rel.quantities
    low = max(0.0, max(a.low - b.high, b.low - a.high))
    high = max(a.high - b.low, b.high - a.low)
    room = rounding(margin)
    stated = figure(margin) + (f" (give or take {number(room)})" if room else "")
    if verdict == Verdict.violated:
        return f"{figure(a)} to {figure(b)} is a gap of {interval(low, high)}, not {stated} ✗"
    return f"{figure(a)} to {figure(b)} is a gap of {interval(low, high)}, which fits {stated} ✓"
