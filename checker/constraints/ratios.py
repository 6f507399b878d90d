"""Ratios and order: percent-of ("A, or P% of N"), range order ("between A and B"); changes are
found by `changes`."""

from __future__ import annotations

import re
from itertools import pairwise

from checker.constraints import changes
from checker.constraints.context import Context, Relation
from checker.extract.quantities import noun_key
from checker.models import Quantity

_OR_PERCENT = re.compile(r"^(?:\s+[\w’'-]+){0,4}?\s*,?\s*(?:or|\()\s*$", re.IGNORECASE)
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
        if cue is None:
            continue
        whole = _whole(ctx, i, n, part)
        if whole is not None:
            start = part.span.end + ctx.between(part, pct).rindex(
                "or" if "or" in cue.group(0) else "("
            )
            found.append(Relation("percent_of", "or P%", start, pct.span.end, [part, pct, whole]))
    return found


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
    r"|approved?|rejected|confirmed|carried|adopted)\b",
    re.IGNORECASE,
)
_STEP_BEFORE = re.compile(
    rf"(?:\bby|\b(?:{changes.RISE}|{changes.FALL}))(?:\s+(?!to\b|at\b)[\w’'-]+){{0,2}}?\s+$",
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
        if re.fullmatch(r"\s+and\s+", ctx.between(a, b)) and re.search(
            r"\bbetween\s+$", ctx.before(a), re.IGNORECASE
        ):
            start = a.span.start - len(ctx.before(a)) + ctx.before(a).lower().rindex("between")
            if _comparable(a, b):
                found.append(Relation("range", "between", start, start + len("between"), [a, b]))
            continue
        if not _BOUNDS_GAP.fullmatch(ctx.between(a, b)) or a.kind != b.kind:
            continue
        if a.kind not in ("cardinal", "money", "percent") or not changes.same_measure(a, b):
            continue
        before = ctx.before(a, 60)
        if re.search(r"\bfrom\s+$", before, re.IGNORECASE) and not _RANGING.search(before):
            continue
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


def _comparable(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind or a.kind == "cardinal" and b.kind in ("percent", "money")
