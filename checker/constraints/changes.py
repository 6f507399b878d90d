"""Change: two levels of one measure and the direction (or factor, or step) the wording gives.

The shapes, with any few words between a level and the next cue ("fell to 60.3 pct in February
from 62.3 pct", "climb from 68.7 mln miles last year to 69.5 mln"):

- "rose from A to B", "doubled from 10 to 20", "reduced to B from A", "a cut in the rate to B
  from A", "fell to B in January against A in December";
- "B, up from A", "B, down from the previous year's A" (the direction is the adverb's);
- a step attached: "grew 95.8 pct in February to B from A", "from 5,200 to 4,700, or 10%";
- "The index rose 3.54 points, or 0.2 percent, to 2,173.60" (`changes_by`).

Two levels are compared only when they measure the same thing: the same kind, no two different
nouns (unless one is a bare scale word such as "mln", and then within a factor of 20 of each
other: a misread scale must not pass for a fall), and not a loss on one side and a profit on the
other ("rose to a profit of 2 mln from a loss of 8 mln"). When neither level is hedged and one is
stated to a decimal, the direction is checked on the figures as stated: "fell from 6.2 percent to
7 percent" is wrong whatever "7" rounds from, and "rose from 6.2 percent to 6 percent" holds only
if "6" hides a 6.3, which an editor must see.
"""

from __future__ import annotations

import re

from checker.constraints.context import Context, Relation
from checker.extract.quantities import noun_key
from checker.models import Quantity

RISE = (
    r"rose|risen|rises|rising|rise|increased|increases|increasing|increase|grew|grown|grows"
    r"|growing|climbed|climbs|climbing|climb|jumped|jumps|soared|surged|went up|gone up|was up"
    r"|were up|edged up|edged higher|ticked up|inched up|gained|advanced|widened|widening"
    r"|raised|raising|raise|expanded|expanding|expand|rebounded|improved|boosted|boosting"
    r"|lifted|lifting|ballooned|swelled|mounted"
)
FALL = (
    r"fell|fallen|falls|falling|fall|dropped|drops|dropping|drop|declined|declines|declining"
    r"|decline|decreased|decreases|decrease|shrank|shrunk|shrinking|plunged|plunging|slid"
    r"|dipped|dips|dip|slipped|slipping|eased|easing|narrowed|narrowing|narrows|reduced"
    r"|reducing|reduce|reduction|cut|cutting|cuts|lowered|lowering|lower|slowed|slowing"
    r"|edged down|edged lower|ticked down|inched down|went down|gone down|was down|were down"
    r"|tumbled|slumped|plummeted|sank|sunk|shed|trimmed|trimming"
)
_FACTOR = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_WORD = r"[\w’'.%$/-]+"
# the cue: a direction word, then at most six words (a step, a month) before "to"/"from"
_VERB = re.compile(
    rf"\b(?P<verb>{RISE}|{FALL}|{'|'.join(_FACTOR)})\b(?:\s+{_WORD}){{0,6}}?\s+$", re.IGNORECASE
)
# words after a level: its unit, "in February", "last year"; never a link to another pair of
# levels ("up to 3.81 mln tonnes from 3.65 mln and from Thailand to 292,808 tonnes")
_GAP = rf"(?:\s+(?!(?:and|from|to|but|while|whereas)\b){_WORD}){{0,5}}?"
_THEN = (
    r"(?:(?:a|an|the)\s+)?(?:equivalent\s+of\s+)?(?:(?:record|previous|year-earlier|revised"
    r"|reduced)\s+)?(?:(?:some|about|around|roughly|nearly|almost)\s+)?"
)
_FROM_TO = re.compile(rf"{_GAP}\s*,?\s+to\s+{_THEN}$", re.IGNORECASE)
_TO_FROM = re.compile(
    rf"{_GAP}\s*,?\s+(?:up\s+|down\s+)?(?:from|against|compared with|versus)\s+{_THEN}$",
    re.IGNORECASE,
)
_ADVERB = re.compile(
    rf"{_GAP}\s*,\s*(?P<dir>up|down)\s+from\s+(?:the\s+)?(?:(?:[\w’'-]+\s+)?[\w’'-]+(?:’s|'s)\s+)?"
    rf"{_THEN}$",
    re.IGNORECASE,
)
_STEP_AFTER = re.compile(
    r"^(?:\s+[\w’'-]+){0,3}?\s*,?\s*(?:up|down|or|an? (?:increase|decrease|rise|drop|decline"
    r"|jump|gain|fall|cut|reduction) of)\s+$",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"\b(?:loss|losses|deficit|deficits|shortfall|negative|minus)\b", re.IGNORECASE
)
_POSITIVE = re.compile(
    r"\b(?:profit|profits|surplus|surpluses|gain|income|earnings)\b", re.IGNORECASE
)
# a figure that counts time spans a period, not a level ("in the March 1 through 20 period")
_TIME = {"month", "week", "day", "year", "quarter", "period", "session", "hour"}
SCALES = {"mln", "bln", "billion", "million", "trillion", "thousand", "mn", "bn"}
SCALE_SPREAD = 20  # levels of one measure told only by a scale word stay within this factor
SHARE_SPREAD = 10  # a bare number read as a percentage level: of its pair's magnitude
_LEVELS = ("cardinal", "percent", "money", "fraction")


def find(ctx: Context, i: int) -> list[Relation]:
    qs = [q for q in ctx.sentences[i] if q.kind in _LEVELS]
    sent = ctx.bounds[i]
    found: list[Relation] = []
    for n in range(len(qs) - 1):
        a, b = qs[n], qs[n + 1]
        gap = ctx.text[a.span.end : b.span.start]
        lead = ctx.text[sent.start : a.span.start]
        before_a = re.search(r"\bfrom\s+" + _THEN + r"$", lead, re.IGNORECASE)
        before_b = re.search(r"\bto\s+" + _THEN + r"$", lead, re.IGNORECASE)
        adverb = _ADVERB.fullmatch(gap)
        if before_a and _FROM_TO.fullmatch(gap):
            old, new, zone = a, b, lead[: before_a.start()]
        elif before_b and _TO_FROM.fullmatch(gap):
            old, new, zone = b, a, lead[: before_b.start()]
        elif adverb and noun_key(a.noun) in _TIME and b.elided:
            continue  # "exported 49,822 cars in the first two months of 1987, up from 37,272"
        elif adverb:
            rel = _relation(ctx, b, a, adverb.group("dir"), a.span.end + adverb.start("dir"))
            found += [rel] if rel else []
            continue
        else:
            continue
        verb = _VERB.search(zone)
        if verb is None or _other_way(zone, verb):
            continue
        if _subject(ctx, sent.start + verb.start("verb"), new):
            continue
        if _SPLIT.match(ctx.text, old.span.end) or _SPLIT.match(ctx.text, new.span.end):
            continue  # "to six cts per share post-split from eight cts pre-split": two bases
        if before_a and _TO_LEVEL.search(zone, verb.end("verb")):
            continue  # "risen to about 50 stg from 25 to 30 stg": "from A to B" is the old range
        rel = _relation(ctx, old, new, verb.group("verb"), sent.start + verb.start("verb"))
        if rel is None:
            continue
        step = _step_before(qs, n, sent.start + verb.end("verb"))
        if (
            step is None
            and n + 2 < len(qs)
            and _STEP_AFTER.match(ctx.between(qs[n + 1], qs[n + 2]))
        ):
            step = qs[n + 2]
        if step is not None and _BASIS.match(ctx.text, step.span.end):
            step = None  # "rose five pct on a comparable-store basis to": not the levels' change
        if step is not None and rel.factor is None:
            rel.quantities.append(step)
            rel.points = "point" in step.span.text.lower() or not is_percent(step)
        found.append(rel)
    return found


_TO_LEVEL = re.compile(rf"\bto\s+{_THEN}\d", re.IGNORECASE)
_BASIS = re.compile(r"\s+on\s+an?\s+(?:[\w-]+\s+){1,2}?basis\b", re.IGNORECASE)
_EITHER = re.compile(rf"\b(?:(?P<rise>{RISE})|(?P<fall>{FALL}))\b", re.IGNORECASE)
_EITHER_AFTER = re.compile(
    rf"\b(?:(?P<rise>{RISE}|up(?!\s+to\b)|higher)|(?P<fall>{FALL}|down))\b", re.IGNORECASE
)


# a level on a basis of its own: "six cts per share post-split from eight cts pre-split"
_SPLIT = re.compile(
    r"(?:\s+[\w’'-]+){0,3}?\s+(?:pre-split|post-split|(?:before|after) the split)\b",
    re.IGNORECASE,
)


def _subject(ctx: Context, at: int, level: Quantity) -> bool:
    """'The rise brought year-on-year inflation to 19.77 pct compared with 23.72 pct': a noun
    cue that is the subject of another verb, the levels outside its phrase, names what moved
    them, not their direction ('the government's cut in its top income tax rate to 53 pct from
    56 pct would make ...' holds its levels)."""
    token = ctx.analysis.layout.token_at(at)
    if token is None or token.pos_ != "NOUN" or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    figure = ctx.analysis.layout.token_at(level.span.start)
    return figure is not None and figure not in token.subtree


def _other_way(zone: str, verb: re.Match[str]) -> bool:
    """'raise the annual permissible reduction in loan rates to 10 pct from 5 pct', 'revised
    the February increase down to 236,000 from 337,000', 'limit wage rises ... to cut inflation
    to five pct from 8.3 pct': a direction word of the other sense in the cue's clause (a verb
    up to six words before it, or any direction word between it and the levels) leaves the
    levels' direction unknown: the cue may only name the quantity."""
    start = verb.start("verb")
    clause = re.split(r"[,;]|\b(?:and|while|but|whereas)\b", zone[:start])[-1]
    before = " ".join(clause.split()[-6:])
    senses = {m.lastgroup for m in _EITHER.finditer(before)}
    senses |= {m.lastgroup for m in _EITHER_AFTER.finditer(zone, start)}
    return len(senses) > 1


def _relation(ctx: Context, old: Quantity, new: Quantity, word: str, at: int) -> Relation | None:
    if not same_measure(old, new) or _signs_differ(ctx, old, new):
        return None
    if (_unpriced(old, new) or _unpriced(new, old)) and _currencies(ctx, old) > 1:
        return None  # "32.7 billion crowns, or 4.8 billion dlrs, up from 30.9 billion"
    if _per_unit(ctx, old) != _per_unit(ctx, new) and not _near(old, new):
        return None  # "1.5 mln dlrs, or 26 cts a share, up from 1.1 mln dlrs": a price, a sum
    if unscaled(ctx, old) != unscaled(ctx, new) or _range_end(ctx, old, new):
        return None
    word = " ".join(word.lower().split())
    rel = Relation("change", word, at, at + len(word), [old, new])
    rel.factor = _FACTOR.get(word)
    if rel.factor is None:
        rel.direction = 1 if re.fullmatch(RISE + "|up", word) else -1
        stated = not old.hedge and not new.hedge
        if stated and ("." in old.span.text or "." in new.span.text):
            rel.notes["strict"] = "1"
    return rel


_SCALE_AFTER = re.compile(rf"\s*(?:{'|'.join(SCALES)})\b", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:to|-|–)\s*(?:about\s+|some\s+)?", re.IGNORECASE)


def unscaled(ctx: Context, q: Quantity) -> bool:
    """'2.0 mln tonnes' read as 2.0: a scale word left after the figure means its value is not
    what the copy says; two such figures ("to 4.7 mln from 2.8 mln") still compare."""
    return not any(w in q.span.text.lower() for w in SCALES) and bool(
        _SCALE_AFTER.match(ctx.text, q.span.end)
    )


def _range_end(ctx: Context, old: Quantity, new: Quantity) -> bool:
    """One end of 'about 3.0 to 3.5 pct': a level that is a range is no single level ("falling
    from 114,400 to 111,100 tonnes" joins the two levels themselves, and is a change)."""
    others = [
        p
        for p in ctx.sentences[ctx.index[old.id]]
        if p.kind in _LEVELS and p is not old and p is not new
    ]
    return any(
        same_measure(p, q)  # "rose 14 pct to 46.5 mln dlrs": a step and a level are no range
        and (
            _RANGE_JOIN.fullmatch(ctx.text[p.span.end : q.span.start])
            or _RANGE_JOIN.fullmatch(ctx.text[q.span.end : p.span.start])
        )
        for p in others
        for q in (old, new)
    )


def _step_before(qs: list[Quantity], n: int, verb_end: int) -> Quantity | None:
    """'grew 95.8 pct in February to ...': a percent (or an amount of the levels' money, or a
    bare number of points) between the verb and the first level; not "in the two months"."""
    level = qs[n]
    for step in qs[:n]:
        if step.span.start < verb_end:
            continue
        money = step.kind == "money" == level.kind
        points = step.kind == "cardinal" and noun_key(step.noun) in (None, "point")
        if is_percent(step) or money or points and not is_percent(level):
            return step
    return None


def is_percent(q: Quantity) -> bool:
    return q.kind == "percent" or noun_key(q.noun) in ("pct", "percent")


def same_measure(a: Quantity, b: Quantity) -> bool:
    if _unpriced(a, b) or _unpriced(b, a):
        return _near(a, b)
    if _bare_share(a, b) or _bare_share(b, a):
        return _near(a, b, SHARE_SPREAD)
    if a.kind != b.kind and not (is_percent(a) and is_percent(b)):
        return False
    if a.kind == "money" and a.attributes.get("currency") != b.attributes.get("currency"):
        return False
    ka, kb = noun_key(a.noun), noun_key(b.noun)
    if ka == kb or a.elided or b.elided or (ka is None and kb is None):
        return True
    if (ka is None or ka in SCALES) or (kb is None or kb in SCALES):
        return _near(a, b)
    return False


def _near(a: Quantity, b: Quantity, spread: float = SCALE_SPREAD) -> bool:
    low, high = sorted((abs(a.value), abs(b.value)))
    return low > 0 and high / low <= spread


def _bare_share(bare: Quantity, share: Quantity) -> bool:
    """'a reduction in the maximum humidity level to 13 pct from 14': a bare number set against
    a percentage level is a percentage of the same measure when the two are of one magnitude."""
    return (
        bare.kind == "cardinal"
        and is_percent(share)
        and not is_percent(bare)
        and bare.unit is None
        and bare.scale is None
        and (bare.elided or bare.noun is None)
    )


_PER_UNIT = re.compile(
    r"\s+(?:a|an|per|each)\s+(?:share|lb|pound|tonne|ton|barrel|ounce|bushel|unit|head|kilo"
    r"|gallon|hectare|acre)\b",
    re.IGNORECASE,
)


def _per_unit(ctx: Context, q: Quantity) -> bool:
    return bool(_PER_UNIT.match(ctx.text, q.span.end))


def _currencies(ctx: Context, q: Quantity) -> int:
    return len({p.unit for p in ctx.sentences[ctx.index[q.id]] if p.kind == "money"})


def _unpriced(bare: Quantity, cash: Quantity) -> bool:
    """'66.2 mln stg, up from the previous year's 60.7 mln': a figure with a scale but no unit
    or noun of its own (one inherited from an earlier count is a guess) is in the money of the
    level it is set against when both have that scale (and the sentence gives money in no other
    currency)."""
    return (
        bare.kind == "cardinal"
        and cash.kind == "money"
        and bare.unit is None
        and (bare.elided or noun_key(bare.noun) in (None, *SCALES))
        and bare.scale is not None
        and bare.scale == cash.scale
    )


def _signs_differ(ctx: Context, a: Quantity, b: Quantity) -> bool:
    """'to a profit of 2 mln from a loss of 8 mln': the two levels have opposite signs."""

    def sign(q: Quantity) -> int:
        words = ctx.text[max(0, q.span.start - 30) : q.span.start]
        words += ctx.text[q.span.end : q.span.end + 20]
        return (1 if _POSITIVE.search(words) else 0) - (1 if _NEGATIVE.search(words) else 0)

    return sign(a) * sign(b) < 0 or "-" in (a.span.text[:1], b.span.text[:1])


_BY_VERB = re.compile(
    rf"\b(?P<verb>{RISE}|{FALL}|(?:closed|ended|finished) (?:up|down)|lost|added)(?:\s+by)?\s+$",
    re.IGNORECASE,
)
_UP = re.compile(rf"{RISE}|.* up|added", re.IGNORECASE)


def changes_by(ctx: Context, i: int) -> list[Relation]:
    """'The index rose 3.54 points, or 0.2 percent, to 2,173.60': the step, its share of the old
    level and the new level must agree."""
    found: list[Relation] = []
    qs = ctx.sentences[i]
    for step, pct, level in zip(qs, qs[1:], qs[2:]):
        if (
            pct.kind != "percent"
            or step.kind != level.kind
            or step.kind not in ("cardinal", "money")
        ):
            continue
        if not re.fullmatch(r"(?:\s+[\w’'-]+)?\s*,\s*or\s+", ctx.between(step, pct)):
            continue
        if not re.fullmatch(
            r"\s*,?\s+to\s+(?:(?:close|end|finish) at\s+)?", ctx.between(pct, level)
        ):
            continue
        verb = _BY_VERB.search(ctx.before(step))
        if verb is None:
            continue
        start = step.span.start - len(ctx.before(step)) + verb.start("verb")
        word = verb.group("verb").lower()
        rel = Relation("change", word, start, start + len(word), [step, pct, level])
        rel.direction = 1 if _UP.fullmatch(word) else -1
        rel.notes["form"] = "by"
        found.append(rel)
    return found
