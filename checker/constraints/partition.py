"""Partitions: "Of the 100 senators, 51 are Republicans, the remaining 47 are Democrats, and two
are independents."

The parts are every figure of the counted noun (written or elided) listed in the enumeration,
before "the remaining B" and after it ("and two are independents", "while another 3 ...",
"plus 2 ..."), not only the first and the remainder. Where the wording leaves open whether a
figure is a part (another noun: "plus two independents"), it is optional: the sum holds with or
without it. Where parts are named without figures ("and some are independents"), the constraint
is only a subset: an error on correct copy is the worst outcome.
"""

from __future__ import annotations

import re
from itertools import pairwise

from checker.constraints.context import (
    Context,
    Relation,
    comparable,
    counts_kinds,
    ends_with,
)
from checker.extract.quantities import noun_key
from checker.models import Quantity

_HEAD = (
    r"^\W*(?:(?:and|but|yet)\s+)?(?:(?:of|out of)\s+(?:the|these|those|its|their|all)|out of)\s+$"
)
REMAINDER = r"the remaining|the rest of the|the other|the last"
# how a further part is listed after the remainder
_LISTED = (
    r"(?:,\s*|\b)(?:and|plus|while|whereas|as well as)(?:\s+(?:another|an additional|a further"
    r"|an extra|the other|the last|the final))?|(?:,\s*|\b)with\s+(?:another|an additional"
    r"|a further|an extra)|,"
)
# a figure that counts within a part, not a part: "and two of them are women"
_WITHIN = re.compile(
    r"\s*(?:of|out of|among)\s+(?:them|those|these|whom|which|the|all|its|their)\b", re.IGNORECASE
)
# a figure that is one end of a range: "between 30 and 40", "80 to 90", "80-90"
_RANGE_END = re.compile(r"\s*(?:to|-|–|—)\s*$")
_BETWEEN = re.compile(r"(?<![\w])between\s+(?:about\s+|some\s+|roughly\s+)?$", re.IGNORECASE)
# parts named without a figure: whether all were counted is unclear
_UNCOUNTED = re.compile(
    r"(?:,\s*|\b)(?:and|plus|while|whereas|with)\s+(?:the\s+)?(?:some|a few|several|a handful"
    r"|a number|others|many|a couple|a small number|a dozen or so)\b",
    re.IGNORECASE,
)


def find(ctx: Context, i: int) -> list[Relation]:
    counts = ctx.counts(i)
    sent = ctx.bounds[i]
    for n, whole in enumerate(counts):
        head = re.search(_HEAD, ctx.text[sent.start : whole.span.start], re.IGNORECASE)
        if head:
            # "Of the two components ..., cash in circulation rose to 111.7 billion marks"
            later = [q for q in counts[n + 1 :] if not counts_kinds(whole, q)]
            return _relation(ctx, i, whole, later, sent.start + head.start())
    return []


def _relation(
    ctx: Context, i: int, whole: Quantity, later: list[Quantity], cue_start: int
) -> list[Relation]:
    # within "Of the N, ..." the grammar names the members, even when no noun is written
    members = [q for q in later if _member(whole, q)]
    if not members:
        return []
    rest = next((q for q in members[1:] if ends_with(REMAINDER, ctx.before(q))), None)
    if rest is None:
        cue = f"of the {whole.span.text}"
        return [Relation("subset", cue, cue_start, whole.span.end, [whole, *members])]
    upto = later[: later.index(rest) + 1]
    required = [q for q in upto if q in members]
    # another noun before the remainder, and anything listed after it ("and two are
    # independents", "and six ended in convictions"), may be a part or may count within one
    optional = [q for q in upto if q not in members and _fits(q, whole)]
    optional += listed_after(ctx, i, rest, whole)
    remainder = ends_with(REMAINDER, ctx.before(rest))
    assert remainder is not None  # `rest` was picked because this same search matched
    word = remainder.group("cue").strip()
    cue = f"of the {whole.span.text} ... {word}"
    cue_at = (cue_start, whole.span.end)
    return [sum_or_subset(ctx, i, cue, cue_at, whole, required, optional)]


def sum_or_subset(
    ctx: Context,
    i: int,
    cue: str,
    cue_at: tuple[int, int],
    whole: Quantity,
    required: list[Quantity],
    optional: list[Quantity],
) -> Relation:
    """whole = the required parts plus any of the optional ones; only a subset when further
    parts are named without figures ("and some are independents") or a part is a range."""
    parts = [*required, *optional]
    last = max(parts, key=lambda q: q.span.end)
    if _UNCOUNTED.search(ctx.text[last.span.end : ctx.bounds[i].end]) or _ranged(ctx, i, parts):
        return Relation("subset", cue, *cue_at, [whole, *parts])
    rel = Relation("sum", cue, *cue_at, [whole, *parts])
    rel.optional = len(optional)
    return rel


def listed_after(ctx: Context, i: int, last: Quantity, whole: Quantity) -> list[Quantity]:
    """The figures listed after `last` in its sentence, up to the first that is not listed."""
    counts = ctx.counts(i)
    found: list[Quantity] = []
    for q in counts[counts.index(last) + 1 :]:
        if not _listed(ctx, q, whole):
            break
        found.append(q)
    return found


def _ranged(ctx: Context, i: int, parts: list[Quantity]) -> bool:
    """A part stated as a range ("the remaining 80 to 90") is one part with two figures: the
    sum cannot be written as a plain addition, so only the subset is checked."""
    ids = {q.id for q in parts}
    for a, b in pairwise(ctx.counts(i)):
        if a.id not in ids and b.id not in ids:
            continue
        gap = ctx.between(a, b)
        if _RANGE_END.fullmatch(gap) or (
            re.fullmatch(r"\s*and\s*", gap) and _BETWEEN.search(ctx.before(a))
        ):
            return True
    return False


def _fits(q: Quantity, whole: Quantity) -> bool:
    """Could be a part: the same measure, and no larger than the whole."""
    return comparable(q, whole) and q.high <= whole.high


def _member(whole: Quantity, q: Quantity) -> bool:
    return noun_key(q.noun) == noun_key(whole.noun)


def _listed(ctx: Context, q: Quantity, whole: Quantity) -> bool:
    """A further part: joined by "and", "plus", "while another", ..., of a
    count comparable with the whole, no larger than it, and not counted within a part."""
    return (
        ends_with(_LISTED, ctx.before(q)) is not None
        and _fits(q, whole)
        and not _WITHIN.match(ctx.text, q.span.end)
    )
