"""Parts that point back to their whole: "97 of the grounded planes ... and 91 of those",
"600,000 California manufacturing jobs ... He says 31,000 to 160,000 of them could be lost",
"five superdelegates, two of whom", "The company will pay $90m ... Of that, $25m comes from its
insurers", and the remainder of that whole in a later sentence ("The remaining $65m").

The whole is the figure a pronoun ("them", "those", "that", "whom") points to: the nearest
figure before it, in its sentence or the one before in the same paragraph, that counts the same
measure (a count, or money in the same currency). It is never chosen by its value (a link that
formed only when the figures agree would drop when one is wrong). The link is left out when a
plural noun between the two could be what the pronoun stands for ("40 plants employ workers;
300 of them ...", and so also "97 of the planes have undergone inspections, and 91 of those":
the words cannot tell the two apart), and when the pronoun points past a list of figures, whose
parts it may count within.

A remainder ("the remaining $65m", "the rest of the"; not "the other", which may name only some
of the rest) in a later sentence of the paragraph, after parts that point back to a whole,
follow "Of the N," or state "A of the N", makes the sum: whole = the parts + the remainder (+ any
listed after it, each optional), when every figure of the measure from the whole or its first
part to the remainder is one of them; otherwise nothing is claimed. Parts named without figures
after it ("and some are independents") leave a subset.
"""

from __future__ import annotations

import re

from checker.constraints import partition
from checker.constraints.context import Context, Relation, comparable, ends_with, kind_of
from checker.extract.quantities import HEDGE_WORDS
from checker.models import Quantity

_POINTER = r"them|those|these|whom|which"
# "91 of those", "160,000 of them": the part, then the pronoun (no figure follows: "of them 30")
_AFTER = re.compile(
    rf"\s+(?P<cue>of|out of|among)\s+(?P<p>{_POINTER})\b(?!\s*[\d,])", re.IGNORECASE
)
_AFTER_AMOUNT = re.compile(
    r"\s+(?P<cue>of)\s+(?P<p>that|it)\s+(?!\s*[\d,])", re.IGNORECASE
)  # "$2.9 billion of that"
# "Of that, $25m comes from ...": the pronoun leads the part's clause
_BEFORE = re.compile(
    rf"(?:^|[,;:]\s*|\b(?:and|but|while)\s+)\W*(?P<cue>of|out of)\s+(?P<p>(?:the|that|this|these"
    rf"|those)\s+(?:total|amount|sum)|that|this|those|them|these|which|whom|it)\s*,?\s*"
    rf"(?:(?:{HEDGE_WORDS})\s+)?$",
    re.IGNORECASE,
)
_RANGE = re.compile(r"\s*(?:to|-|–|—|and)\s*$", re.IGNORECASE)
_PLURAL = ("NNS", "NNPS")
_KINDS = ("cardinal", "money")
_SINGULAR = ("that", "this", "it", "amount", "sum")
# a later sentence's remainder: not "the other", which may name some of the rest ("15 of the
# 19 hijackers were Saudis. The other two ...")
_REMAINDER = r"the remaining|the rest of the"


def find(ctx: Context, earlier: list[Relation]) -> list[Relation]:
    """Pointing parts and remainders; `earlier` gives the partitions left open in their
    sentence ("Of the 100 senators, 51 are Republicans."), whose remainder may come later."""
    found: list[Relation] = []
    parts: dict[str, list[Quantity]] = {}  # whole's id: the parts that point back to it
    wholes: dict[str, Quantity] = {}
    # a level of a change belongs to its time: "sales will rise to 45,000 from 32,000. Of
    # these, exports will rise to 150,000" does not count within the 32,000
    timed = {q.id for r in earlier if r.kind == "change" for q in r.quantities}
    for rel in earlier:
        if rel.kind == "subset" and rel.cue in (
            f"of the {rel.quantities[0].span.text}",  # "Of the 100 senators, 51 ..."
            "of the",  # "58 of the 98 delegates"
            "out of the",
        ):
            wholes[rel.ids[0]] = rel.quantities[0]
            parts[rel.ids[0]] = rel.quantities[1:]
    for i, qs in enumerate(ctx.sentences):
        for n, part in enumerate(qs):
            if part.kind not in _KINDS:
                continue
            cue = _cue(ctx, i, part)
            if cue is None:
                rest = _remainder(ctx, i, part, parts, wholes)
                found += [rest] if rest else []
                continue
            word, start, end = cue
            pointer = word.split()[-1]
            if pointer in _SINGULAR and part.kind != "money":
                continue  # "of that" stands for an amount, not a count
            plural = part.kind == "cardinal" and pointer not in _SINGULAR
            whole = _antecedent(ctx, i, n, part, plural)
            if whole is None or {whole.id, part.id} & timed:
                continue
            found.append(Relation("subset", word, start, end, [whole, part]))
            parts.setdefault(whole.id, []).append(part)
            wholes[whole.id] = whole
    return found


def _cue(ctx: Context, i: int, part: Quantity) -> tuple[str, int, int] | None:
    """The pronoun cue of a part ('of those'), with its span, or None."""
    m = _AFTER.match(ctx.text, part.span.end)
    if m is None and part.kind == "money":
        m = _AFTER_AMOUNT.match(ctx.text, part.span.end)
    if m:
        return f"{m.group('cue')} {m.group('p')}".lower(), m.start("cue"), m.end("p")
    sent = ctx.bounds[i]
    m = _BEFORE.search(ctx.text[sent.start : part.span.start])
    if m:
        word = f"{m.group('cue')} {m.group('p')}".lower()
        return word, sent.start + m.start("cue"), sent.start + m.end("p")
    return None


def _antecedent(ctx: Context, i: int, n: int, part: Quantity, plural: bool) -> Quantity | None:
    """The nearest figure before the part, in its sentence or the paragraph's sentence before,
    when it counts the same measure and nothing between could be what the pronoun means (a
    plural noun, for a count's "them" or "those"; "of that" points to an amount)."""
    before = [
        q for q in ctx.sentences[i][:n] if q.kind == part.kind and not _ends_range(ctx, q, part)
    ]
    if not before and i > 0 and _same_paragraph(ctx, i - 1, i):
        before = [q for q in ctx.sentences[i - 1] if q.kind == part.kind]
    if not before:
        return None
    whole = before[-1]
    if len(before) > 1 and _listed(ctx, before[-2], whole):
        return None  # "15 Democrats and 10 Republicans; 5 of them": which group is unclear
    if not _same_measure(whole, part) or (plural and _other_plural(ctx, whole, part)):
        return None
    return whole


def _ends_range(ctx: Context, q: Quantity, part: Quantity) -> bool:
    """'31,000 to 160,000 of them': the low end belongs to the part, not the whole."""
    return q.span.end <= part.span.start and bool(_RANGE.fullmatch(ctx.between(q, part)))


def _listed(ctx: Context, a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and bool(
        re.fullmatch(r"[^.;:\d]{0,30}?(?:,|\band)\s*", ctx.between(a, b))
    )


def _same_measure(whole: Quantity, part: Quantity) -> bool:
    if whole.kind != part.kind:
        return False
    if whole.kind == "money":
        return whole.attributes.get("currency") == part.attributes.get("currency")
    return comparable(whole, part) and kind_of(part, whole)


def _same_paragraph(ctx: Context, a: int, b: int) -> bool:
    layout = ctx.analysis.layout
    return layout.paragraph_index(ctx.bounds[a].start) == layout.paragraph_index(
        ctx.bounds[b].start
    )


def _other_plural(ctx: Context, whole: Quantity, part: Quantity) -> bool:
    """A plural noun between whole and part, other than what the whole counts: the pronoun
    may stand for it."""
    layout = ctx.analysis.layout
    own = _counted(ctx, whole)
    tokens = layout.tokens_between(whole.span.end, part.span.start)
    sent = layout.sentence_at(part.span.start)
    if sent is not None and layout.sentence_at(whole.span.start) is not sent:
        tokens += layout.tokens_between(sent.start, part.span.start)
    for t in tokens:
        if t.tag_ in _PLURAL and t.lemma_.lower() not in own and t.text.lower() not in own:
            return True
    return False


def _counted(ctx: Context, q: Quantity) -> set[str]:
    token = ctx.analysis.layout.token_at(q.span.start)
    words = {w.lower() for w in (q.noun or "").split()}
    if token is not None:
        words |= {token.head.lemma_.lower(), token.head.text.lower()}
    return words


def _remainder(
    ctx: Context,
    i: int,
    rest: Quantity,
    parts: dict[str, list[Quantity]],
    wholes: dict[str, Quantity],
) -> Relation | None:
    """'The remaining $65m' after 'Of that, $25m': whole = the parts + the remainder, when
    every figure of the measure since the whole is one of its parts."""
    cue = ends_with(_REMAINDER, ctx.before(rest))
    if cue is None or not parts:
        return None
    whole_id = max(parts, key=lambda w: parts[w][-1].span.start)
    whole, named = wholes[whole_id], parts[whole_id]
    if ctx.index[whole.id] == i or not _same_measure(whole, rest):
        return None  # within one sentence the partition finder reads it
    if not all(_same_paragraph(ctx, ctx.index[q.id], i) for q in (whole, *named)):
        return None
    first = min(q.span.start for q in (whole, *named))
    between = [
        q
        for j in range(ctx.index[whole.id], i + 1)
        for q in ctx.sentences[j]
        if first <= q.span.start < rest.span.start and q is not whole and _same_measure(whole, q)
    ]
    if [q.id for q in between] != [q.id for q in named]:
        return None
    later = [
        q for q in ctx.sentences[i] if q.span.start > rest.span.start and _same_measure(whole, q)
    ]
    more = partition.listed_after(ctx, i, rest, whole) if rest.kind == "cardinal" else []
    if len(later) > len(more):
        return None  # "the remaining 40 are Democrats; 7 of them ...": more than a remainder
    start = rest.span.start - len(ctx.before(rest)) + cue.start()
    word = f"{whole.span.text} ... {cue.group('cue').strip().lower()}"
    at = (start, rest.span.start)
    return partition.sum_or_subset(ctx, i, word, at, whole, [*named, rest], more)
