"""Ratios and order: percent-of ("A, or P% of N"), range order ("between A and B"); changes are
found by `changes`."""

from __future__ import annotations

import re
from itertools import pairwise

from checker.constraints import changes
from checker.constraints.context import Context, Relation
from checker.extract.numerals import SMALL
from checker.extract.quantities import noun_key
from checker.models import Quantity

# "or" a word of its own: "fees of five basis points for up to 33 pct" ends in "for", not "or"
_OR_PERCENT = re.compile(r"^(?:\s+[\w’'-]+){0,4}?\s*,?\s*(?:\bor|\()\s*$", re.IGNORECASE)
# a percentage of change, not a share: "26,120 Cruzados, or 1.6 pct above the level", "or two
# to seven pct less than the 3.85 mln", "rose 2.78 billion dlrs or three pct to 95.7 billion"
_CHANGE_AFTER = re.compile(
    r"(?:\s*(?:to|-)\s*[\w.]+(?:\s*(?:%|pct|percent))?)?\s*,?\s+(?:above|below|less|more|higher"
    r"|lower|over|under|up|down)\b",
    re.IGNORECASE,
)
_STEP_TO = re.compile(r"\s*,?\s+to\s", re.IGNORECASE)
_MOVED_BY = re.compile(rf"\b(?:{changes.RISE}|{changes.FALL})\s+(?:by\s+)?$", re.IGNORECASE)

_PERCENT_OF = re.compile(r"^\s+of\s+(?:the|all|its|their)?\s*$", re.IGNORECASE)
_OF_THE = re.compile(r"^\W*(?:of|out of)\s+(?:the|these|those|its|their|all)\s+$", re.IGNORECASE)


def find(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for i in range(len(ctx.sentences)):
        found += _percent_of(ctx, i) + changes.find(ctx, i) + changes.changes_by(ctx, i)
        found += _ranges(ctx, i)
    return found


def _percent_of(ctx: Context, i: int) -> list[Relation]:
    """'300 of them, or 15% of the 2,000'; 'Of the 2,000, 300, or 15%, ...'; 'PACs spent $215
    million, just $9.2 million, or about 4 percent, ...'."""
    found: list[Relation] = []
    qs = ctx.sentences[i]
    for n, pct in enumerate(qs):
        if pct.kind != "percent" or n == 0 or qs[n - 1].kind not in ("cardinal", "money"):
            continue
        part = qs[n - 1]
        cue = _OR_PERCENT.match(ctx.between(part, pct))
        if cue is None or _a_change(ctx, part, pct):
            continue
        whole = _whole(ctx, i, n, part)
        if whole is not None:
            start = part.span.end + ctx.between(part, pct).rindex(
                "or" if "or" in cue.group(0) else "("
            )
            found.append(Relation("percent_of", "or P%", start, pct.span.end, [part, pct, whole]))
    return found


def _a_change(ctx: Context, part: Quantity, pct: Quantity) -> bool:
    """The percentage says how much something moved: above or below a level, or a step's
    share of the old level after a verb of moving ("rose 2.78 billion dlrs or three pct to")."""
    if _CHANGE_AFTER.match(ctx.text, pct.span.end):
        return True
    moved = _MOVED_BY.search(ctx.before(part))
    return moved is not None and bool(_STEP_TO.match(ctx.text, pct.span.end))


def _whole(ctx: Context, i: int, n: int, part: Quantity) -> Quantity | None:
    """What the percentage is of: named right after it, in an opening 'Of the N', or the one
    other figure of the sentence that counts the same thing."""
    qs = ctx.sentences[i]
    pct = qs[n]
    after = qs[n + 1] if n + 1 < len(qs) else None
    if after is not None and after.kind == part.kind and _PERCENT_OF.match(ctx.between(pct, after)):
        return after
    if re.match(r"\s+of\b", ctx.text[pct.span.end : pct.span.end + 4]):
        return None  # "4.9 percent of gross domestic product": of something not stated as a figure
    sent = ctx.bounds[i]
    opening = [q for q in qs[: n - 1] if _OF_THE.match(ctx.text[sent.start : q.span.start])]
    if opening:
        return opening[0] if opening[0].kind == part.kind else None
    same = [
        q
        for m, q in enumerate(qs[: n - 1])
        if q.kind == part.kind and _same_measure(q, part) and not _has_share(ctx, qs, m)
    ]
    # "rose to 49 billion marks in 1986 from 35.58 billion in 1976": a scaled figure with no noun
    # of its own may be the same money, currency left out, so the whole is not the one other
    elided = part.kind == "money" and any(
        q.kind == "cardinal" and (q.noun is None or q.elided) and q.scale for q in qs[: n - 1]
    )
    return same[0] if len(same) == 1 and not elided else None


def _has_share(ctx: Context, qs: list[Quantity], m: int) -> bool:
    """'to 11,262,307 shares, or 35.5 pct of the total, from 10,262,307 shares, or 32.8 pct': a
    figure with a percentage of its own is a part of some whole, not the whole of the next."""
    share = qs[m + 1] if m + 1 < len(qs) else None
    return (
        share is not None
        and share.kind == "percent"
        and _OR_PERCENT.match(ctx.between(qs[m], share)) is not None
    )


def _same_measure(a: Quantity, b: Quantity) -> bool:
    if a.kind == "money":
        return a.attributes.get("currency") == b.attributes.get("currency")
    return a.noun is not None and noun_key(a.noun) == noun_key(b.noun)


_BOUNDS_GAP = re.compile(r"(?:\s+(?:mln|bln|billion|million|thousand|pct|percent|dlrs))?\s+to\s*")
# "won 52 to 48", "a 5 to 4 vote", "odds of 3 to 1": scores and ratios, not bounds
_SCORE = re.compile(
    r"\b(?:vote[sd]?|voting|score[sd]?|beat|defeated|won|margin|ruling|decision|odds|ratio"
    r"|tally|leads?|leading|led|trail\w*|beats?|beating|ahead|edged|split|pass(?:ed|es)?"
    r"|approved?|rejected|confirmed|carried|adopted|majority|majorities)\b",
    re.IGNORECASE,
)
_STEP_BEFORE = re.compile(
    rf"(?:\bby|\b(?:{changes.RISE}|{changes.FALL}|added|put on|lost))(?:\s+(?!to\b|at\b)[\w’'-]+){{0,2}}?\s+$",
    re.IGNORECASE,
)
# a market report lists moves or quotes in no order of size ("losses of between 2.20 and 1.80
# dlrs", "traded in the 11 to 10 pct range"), and a chart level nearest the price first ("find
# support between 100 and 99-16/32")
_MARKET = re.compile(
    r"\b(?:gains?|gained|loss(?:es)?|lost|up|down|higher|lower|eased|firmer|traded|trading"
    r"|support|resistance)\b",
    re.IGNORECASE,
)
_RANGING = re.compile(
    r"\b(?:range[sd]?|ranging|var(?:y|ies|ied)|anywhere)\s+from\s+$", re.IGNORECASE
)
# "prices ranged from 98.559 to 98.549", "Fed funds ranged from 6-3/16 to 6-1/8 pct": a day's
# trading range of a price or a rate is told in the order it traded, high or low first
_QUOTED = re.compile(
    r"\b(?:prices?|rates?|yields?|funds|bids?|offers?|quotes?|quotations?)\s+(?:have\s+|had\s+)?"
    r"(?:range[sd]?|ranging|var(?:y|ies|ied))\s+from\s+$",
    re.IGNORECASE,
)
# "ANZ gained 30 to 5.70, National Australia 20 to 5.50 and Westpac seven to 4.90": once a
# sentence has given a step and a level after a verb of moving, the list goes on with the verb
# left out, and every later "A to B" is a step and a level too
_MOVED = re.compile(
    rf"\b(?:{changes.RISE}|{changes.FALL}|added|put on|lost|shed|closed (?:up|down))\s+"
    rf"(?:\d[\d.,/-]*|{'|'.join(SMALL)})"
    r"(?:\s+(?:cents?|cts|points?|each))*\s+to\s+[\d.,/-]+",
    re.IGNORECASE,
)
_SIGNED = re.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)


def _ranges(ctx: Context, i: int) -> list[Relation]:
    """'between 30 and 40 percent', 'at 1,750 to 1,780 dlrs', 'range from $15 to $26': the
    first bound may not exceed the second. "from A to B" is a range only after a verb of
    ranging (otherwise it may be a change), and no "A to B" in a sentence about a vote or a
    score is a range, nor shares that each carry their unit ("52 percent to 37 percent")."""
    found: list[Relation] = []
    qs = ctx.sentences[i]
    for a, b in pairwise(qs):
        if changes.unscaled(ctx, a) != changes.unscaled(ctx, b):
            continue  # "between 800,000 and 1.2 mln" with "1.2 mln" read as 1.2
        if _MARKET.search(ctx.before(a, 60)):
            continue  # "gains of 0.50 to 0.20 stg": moves across contracts, listed nearest first
        if _signed(ctx, a) or _signed(ctx, b):
            continue  # "minus 10 to 0 degrees", "-0.90 to -1.10 pct": negatives are told by size
        sent = ctx.bounds[i].start
        if _MOVED.search(ctx.text, sent, a.span.start) and re.match(r"\s+to\s", ctx.between(a, b)):
            continue  # "... GMK 30 to 8.50": a step and a level, the verb given once before
        if re.fullmatch(r"\s+and\s+", ctx.between(a, b)) and re.search(
            r"\bbetween\s+$", ctx.before(a), re.IGNORECASE
        ):
            start = a.span.start - len(ctx.before(a)) + ctx.before(a).lower().rindex("between")
            if _comparable(a, b) and not _fine_in_unit(a, b):
                found.append(Relation("range", "between", start, start + len("between"), [a, b]))
            continue
        if not _BOUNDS_GAP.fullmatch(ctx.between(a, b)) or a.kind != b.kind:
            continue
        if a.kind not in ("cardinal", "money", "percent") or not changes.same_measure(a, b):
            continue
        before = ctx.before(a, 60)
        if re.search(r"\bfrom\s+$", before, re.IGNORECASE) and not _RANGING.search(before):
            continue
        if _QUOTED.search(before):
            continue
        if b.value == 1 and _TO_ONE.match(b.span.text):
            continue  # "pegged at 7.80 to one U.S. Dollar": a rate, not two bounds
        if _SCORE.search(ctx.sentence_text(i)) or re.search(
            r"\bbetween\s+$", before, re.IGNORECASE
        ):
            continue
        if _STEP_BEFORE.search(before):
            continue  # "fell by a revised 1,100 to 11.3 pct", "climbed 3-3/8 to 31-3/8": step, level
        if a.kind == "percent" and re.search(r"%|percent|pct", a.span.text, re.IGNORECASE):
            continue  # "52 percent to 37 percent": two shares set side by side, not bounds
        at = a.span.end + ctx.between(a, b).lower().rindex("to")
        found.append(Relation("range", "to", at, at + 2, [a, b]))
    return found


_TO_ONE = re.compile(r"(?:one|1)\b", re.IGNORECASE)
_WRITTEN = re.compile(r"[\d,]*\.?\d+")


def _signed(ctx: Context, q: Quantity) -> bool:
    return q.value < 0 or bool(_SIGNED.search(ctx.before(q, 12)))


def _fine_in_unit(a: Quantity, b: Quantity) -> bool:
    """'between 35 and 45 cents': a bare first bound is in the unit of the second, which the
    value may count otherwise (cents in dollars); the order holds in the written numbers."""
    written = _WRITTEN.match(b.span.text)
    if a.kind != "cardinal" or b.kind != "money" or a.unit or a.scale or not written:
        return False
    if a.noun and not a.elided and a.noun.lower() not in b.span.text.lower():
        return False  # "35" carries the "cents" of its pair, a guessed noun, or none
    number = float(written.group(0).replace(",", ""))
    return number > 0 and b.value != number and a.value <= number


def _comparable(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind or a.kind == "cardinal" and b.kind in ("percent", "money")
