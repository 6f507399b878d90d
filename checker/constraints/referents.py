"""Groups named twice: same-referent ("the 1,000 U.S. troops going to Romania" is the 1,000
redeployed to Romania) and disjoint groups ("separate from the 8,500"), whose union is reported
as a derived total."""

from __future__ import annotations

from checker.constraints.context import Context, Relation, ends_with, same_noun
from checker.models import Quantity

_DEFINITE = r"the|these|those|all|all of the|all of these|all the"
_DISJOINT = r"separate from|in addition to|on top of|apart from|distinct from"
_IDENTIFYING = ("origin", "destination", "unit")
WINDOW = 60  # sentences back that a definite mention may point to


def find(ctx: Context, earlier: list[Relation]) -> list[Relation]:
    found: list[Relation] = []
    for i in range(len(ctx.sentences)):
        for q in ctx.counts(i):
            rel = _same_referent(ctx, i, q)
            if rel is not None:
                found.append(rel)
        found += _disjoint(ctx, i, earlier)
    return found


def _same_referent(ctx: Context, i: int, mention: Quantity) -> Relation | None:
    cue = ends_with(_DEFINITE, ctx.before(mention))
    if not cue or mention.noun is None or mention.hedge:
        return None
    candidates = [
        q for j in range(max(0, i - WINDOW), i) for q in ctx.counts(j)
        if same_noun(q, mention) and not q.hedge and not _conflict(q, mention)
    ]  # fmt: skip
    matched = [q for q in candidates if _shared(q, mention) and close(q.value, mention.value)]
    equal = [q for q in candidates if q.value == mention.value]
    found = matched or equal
    if not found:
        return None
    antecedent = found[-1]
    start = mention.span.start - len(ctx.before(mention)) + cue.start()
    cue_text = f"{cue.group('cue').strip().lower()} {mention.span.text}"
    return Relation("same_referent", cue_text, start, mention.span.end, [antecedent, mention])


def close(a: float, b: float) -> bool:
    """A group named again with a figure off by more than half is more likely another group
    ('the 300 going to Romania' after '1,000 to Romania')."""
    return a > 0 and b > 0 and 0.5 <= b / a <= 2


def _shared(a: Quantity, b: Quantity) -> bool:
    return any(
        k in a.attributes and a.attributes.get(k) == b.attributes.get(k) for k in _IDENTIFYING
    )


def _conflict(a: Quantity, b: Quantity) -> bool:
    """Two groups told apart by what identifies them ('U.S. troops' vs 'Russian troops')."""
    return (
        "group" in a.attributes
        and "group" in b.attributes
        and a.attributes["group"] != b.attributes["group"]
    )


def _disjoint(ctx: Context, i: int, earlier: list[Relation]) -> list[Relation]:
    """'All of these troops will be separate from the 8,500 that were sent last month'."""
    for n, other in enumerate(ctx.counts(i)):
        cue = ends_with(rf"(?:{_DISJOINT})\s+(?:the|these|those)?", ctx.before(other, 60))
        if not cue:
            continue
        first = [q for q in ctx.counts(i)[:n] if same_noun(q, other)]
        group = first[-1] if first else _antecedent_total(ctx, i, other, earlier)
        if group is None:
            return []
        start = other.span.start - len(ctx.before(other, 60)) + cue.start()
        word = next(w for w in _DISJOINT.split("|") if cue.group("cue").lower().startswith(w))
        end = start + len(word)
        return [
            Relation("disjoint", word, start, end, [group, other]),
            Relation("derived", word, start, end, [group, other]),
        ]
    return []


def _antecedent_total(
    ctx: Context, i: int, other: Quantity, earlier: list[Relation]
) -> Quantity | None:
    """'these troops': the widest stated total (of a sum) counting the same thing."""
    sentence = ctx.sentence_text(i).lower()
    if not any(w in sentence.split() for w in ("these", "those", "they", "all")):
        return None
    totals = [
        r.quantities[0] for r in earlier if r.kind == "sum" and same_noun(r.quantities[0], other)
    ]
    return max(totals, key=lambda q: q.value) if totals else None
