"""Sums and subsets: "of the N ..., A ... the remaining B", "A ... another B", "a total of N",
"including", "of whom", "among them", "A of the N".

Only figures that count the same thing (same noun, written or elided) are ever added up.
"""

from __future__ import annotations

import re
from itertools import pairwise

from checker.constraints import partition
from checker.constraints.context import (
    Context,
    Relation,
    comparable,
    counts_kinds,
    ends_with,
    kind_of,
    same_noun,
)
from checker.models import Quantity

_ANOTHER = r"another|an additional|a further|an extra|an added"
ANOTHER_BAND_LOW, ANOTHER_BAND_HIGH = 0.5, 1.5
_BRINGING = r"bring(?:ing|s)? (?:the|its|their|his|her) (?:total|number|tally|count)(?:\s+[\w’'-]+){0,12}?\s+to"
_TOTAL_BEFORE = rf"a total of|totaling|totalling|total of|for a combined|a combined|{_BRINGING}"
_TOTAL_AFTER = re.compile(
    r"^(?:\s+[a-zA-Z’'-]+){0,2}?\s+(?:in all|in total|altogether|combined)\b", re.IGNORECASE
)
_SUBSET_CUE = re.compile(
    r"^(?:\s+[\w’'.-]+){0,3}?\s*,?\s*(?P<cue>including|of whom|of which|among them|among whom)\s+$",
    re.IGNORECASE,
)
# money: "fined $185 million, including a record $100 million penalty" (a few words may come
# between the cue and the part, never a figure)
_AMOUNT_CUE = re.compile(
    r"^(?:\s+[\w’'.-]+){0,3}?\s*,?\s*(?P<cue>including|of which)(?:\s+[a-z]+){0,3}?\s+$",
    re.IGNORECASE,
)
# "15 of the 19", "186 of the Navy's 340 A-6E aircraft", "20,000 of Saudi Arabia's 70,000
# mosques", "2,800 workers of the plant's 3,300", "nine of the past 12", "20 mln of the
# outstanding 19.8 mln shares", "12 of his 20"
_A_OF_THE_N = re.compile(
    r"^(?:\s+(?!(?i:consists?|consisted|consisting|composed|comprised|made|instead)\b)[\w’'-]+)?"
    r"\s+(?P<cue>(?i:of|out of))\s+(?i:the|these|those|its|their|his|her|our|all)?"
    r"\s*(?:(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+|(?<=the )[a-z]+['’]s\s+|(?i:past|last"
    r"|first|next|top|outstanding|available|eligible|estimated)\s+)?$"
)


def find(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for i in range(len(ctx.sentences)):
        found += partition.find(ctx, i) + _another(ctx, i) + _total(ctx, i) + _subsets(ctx, i)
        found += _amounts(ctx, i)
    return found


def _another(ctx: Context, i: int) -> list[Relation]:
    """'1,000 ... will be redeployed ..., while ... another 2,000 will be deployed' after a total
    stated in the sentence just before."""
    if i == 0:
        return []
    counts = ctx.counts(i)
    for n, extra in enumerate(counts):
        cue = ends_with(_ANOTHER, ctx.before(extra))
        if not cue:
            continue
        parts = [q for q in counts[:n] if same_noun(q, extra)]
        totals = [q for q in ctx.counts(i - 1) if same_noun(q, extra)]
        if (
            len(parts) != 1
            or len(totals) != 1
            or not _near(parts[0].value + extra.value, totals[0])
        ):
            return []
        start = extra.span.start - len(ctx.before(extra)) + cue.start()
        word, at = cue.group("cue").strip().lower(), (start, extra.span.end)
        # "..., while about 100 could not be located": a further part, or within one
        more = partition.listed_after(ctx, i, extra, totals[0])
        return [partition.sum_or_subset(ctx, i, word, at, totals[0], [parts[0], extra], more)]
    return []


def _near(value: float, total: Quantity) -> bool:
    """'another' is a weak cue: it joins a total only when the parts come within half of it
    (a breakdown with a slip), not when they plainly count a different group."""
    return total.high >= value * ANOTHER_BAND_LOW and total.low <= value * ANOTHER_BAND_HIGH


def _total(ctx: Context, i: int) -> list[Relation]:
    """'1,200 soldiers and 300 marines, a total of 1,500 troops' (parts and total in one sentence)."""
    counts = ctx.counts(i)
    for n, total in enumerate(counts):
        lead = ctx.before(total, 120)
        before = ends_with(_TOTAL_BEFORE, lead)
        after = _TOTAL_AFTER.match(ctx.text, total.span.end)
        if not (before or after):
            continue
        parts = [
            q
            for q in counts[:n]
            if (same_noun(q, total) or (q.noun and not total.noun)) and not _not_a_part(ctx, q)
        ]
        if (  # "sending 3,000 more, bringing the total to 11,500"
            before is not None
            and len(parts) == 1
            and re.match(_BRINGING, before.group("cue").strip(), re.IGNORECASE)
        ):
            start = total.span.start - len(lead) + before.start()
            return [
                Relation(
                    "subset", "bringing the total to", start, total.span.start, [total, *parts]
                )
            ]
        if len(parts) < 2 or len({q.noun for q in parts}) > 1 and not total.noun:
            return []
        if _OWN_TOTAL.search(ctx.between(parts[-1], total)):
            return []  # "and downward revisions ... totaling 491,694", "from last month's total of"
        if before:
            start = total.span.start - len(lead) + before.start()
            cue, end = before.group("cue").strip().lower(), total.span.start
        else:
            assert after is not None  # one of the two matched, or the loop went on above
            cue, start, end = after.group(0).split()[-1].lower(), total.span.end, after.end()
            cue = " ".join(after.group(0).split()[-2:]).lower() if cue in ("all", "total") else cue
        return [Relation("sum", cue, start, end, [total, *parts])]
    return []


# a total that is the last item's own amount or an earlier level, not a sum of the figures
# before it: "offset by production of 287,391 cubic feet and downward revisions of previous
# estimates totaling 491,694" ("and" opens the total's own noun phrase, no comma before the
# cue), "an increase of 102,486 shares from last month's restated total of 1,311,188"; not a
# list's "... from Jones, for a total of"
_OWN_TOTAL = re.compile(
    r"(?:\band(?:\s+[a-z][\w’'-]*){1,8}?\s+(?:totaling|totalling)"
    r"|\bfrom(?:\s+(?!for\b)[\w’'-]+){0,4}?\s+total\s+of)\s*$",
    re.IGNORECASE,
)
_WHOLE_OR_BEFORE = re.compile(
    r"(?:\b(?:of|out of)\s+(?:the|these|those|its|their|all)|\bfrom(?:\s+the)?)\s+$", re.IGNORECASE
)


def _not_a_part(ctx: Context, q: Quantity) -> bool:
    """A figure before a total that is not one of its parts: the whole of '32 of the 543
    passengers', the earlier level of 'up from 97.4 mln in 1985'."""
    return bool(_WHOLE_OR_BEFORE.search(ctx.before(q)))


def _subsets(ctx: Context, i: int) -> list[Relation]:
    """'killed 50 people, including 20 children'; '30 of the 50 states'; nested: '48 of the
    120 delegates - among them 15 governors' is 15 <= 48 (the part counts within the 48)."""
    found: list[Relation] = []
    counts = ctx.counts(i)
    inner: dict[str, Quantity] = {}  # the N of "A of the N": its A
    for whole, part in pairwise(counts):
        gap = ctx.between(whole, part)
        m = _SUBSET_CUE.match(gap)
        if m and comparable(whole, part) and kind_of(part, whole):
            outer = inner.get(whole.id, whole)
            found.append(_relation(ctx, m.group("cue").lower(), outer, part, m, whole.span.end))
            continue
        m = _A_OF_THE_N.match(gap)
        if m and (_ranked(ctx, part) or counts_kinds(part, whole)):  # "A of the N": N, A
            continue
        if m and (same_noun(part, whole) or part.elided or whole.elided or not whole.noun):
            found.append(
                _relation(ctx, f"{m.group('cue').lower()} the", part, whole, m, whole.span.end)
            )
            inner[part.id] = whole
    return found


# money's "A of the N" names its whole ("of the", "of its", "of Ford's"): a bare "of" is no
# cue ("net income of 23.1 mln dlrs of 1.51 dlr a share", a slip for "or")
_OF_SOME = re.compile(r"\b(?:the|its|their|these|those)\s|['’]s\s", re.IGNORECASE)
_RATE = re.compile(r"\s+(?:a|an|per|each)\s+[a-z]+", re.IGNORECASE)


# a net result adds items of both signs: "net income of 28,000 dlrs, including a 103,000 dlrs
# credit", "earned 1,788,000 dlrs ..., including a gain of 2,883,000 dlrs"
_NET = re.compile(
    r"\b(?:net|earned|earnings|profits?|loss(?:es)?|income|deficits?|surplus)\b", re.IGNORECASE
)


def _rate(ctx: Context, q: Quantity) -> bool:
    """'1.51 dlr a share': a rate, which no amount is a part of."""
    return bool(_RATE.match(ctx.text, q.span.end))


def _ranked(ctx: Context, n: Quantity) -> bool:
    """'125,000 of Chevrolet's two newest cars': a superlative after N ranks kinds (models,
    the largest banks), which A may count the units of."""
    token = ctx.analysis.layout.token_at(n.span.end - 1)
    after = token.nbor() if token is not None and token.i + 1 < len(token.doc) else None
    return after is not None and after.tag_ == "JJS"


def _amounts(ctx: Context, i: int) -> list[Relation]:
    """'fined $185 million, including a record $100 million'; '$2 billion of the $5 billion':
    two sums of money in one currency, the part within the whole."""
    found: list[Relation] = []
    money = [q for q in ctx.sentences[i] if q.kind == "money"]
    for a, b in pairwise(money):
        if a.attributes.get("currency") != b.attributes.get("currency"):
            continue
        gap = ctx.between(a, b)
        if m := _AMOUNT_CUE.match(gap):
            if _NET.search(ctx.before(a, 40)):
                continue  # "a loss of 10 mln dlrs, including a 20 mln dlr pretax loss"
            found.append(_relation(ctx, m.group("cue").lower(), a, b, m, a.span.end))
        elif (m := _A_OF_THE_N.match(gap)) and _OF_SOME.search(gap) and not _rate(ctx, b):
            found.append(_relation(ctx, f"{m.group('cue').lower()} the", b, a, m, a.span.end))
    return found


def _relation(
    ctx: Context, cue: str, whole: Quantity, part: Quantity, m: re.Match[str], at: int
) -> Relation:
    return Relation("subset", cue, at + m.start("cue"), at + m.end("cue"), [whole, part])
