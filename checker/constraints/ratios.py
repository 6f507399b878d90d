"""Ratios and order: percent-of ("A, or P% of N"), change ("rose from A to B, up P%", "doubled"),
range order ("between A and B")."""

from __future__ import annotations

import re
from itertools import pairwise

from checker.constraints.context import Context, Relation
from checker.extract.quantities import noun_key
from checker.models import Quantity

_RISE = r"rose|risen|rises|rising|increased|increases|grew|grown|climbed|jumped|soared|surged|went up|gone up"
_FALL = r"fell|fallen|falls|falling|dropped|declined|decreased|decreases|shrank|shrunk|plunged|slid|dipped|went down|gone down"
_FACTOR = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_CHANGE_VERB = re.compile(
    rf"\b(?P<verb>{_RISE}|{_FALL}|{'|'.join(_FACTOR)})\b(?:\s+[\w’'-]+){{0,3}}?\s+$", re.IGNORECASE
)
_PERCENT_CLAUSE = re.compile(
    r"^(?:\s+[\w’'-]+){0,3}?\s*,?\s*(?P<dir>up|down|an? (?:increase|decrease|rise|drop|decline|jump|gain|fall) of)\s+$",
    re.IGNORECASE,
)
_OR_PERCENT = re.compile(r"^(?:\s+[\w’'-]+){0,4}?\s*,?\s*(?:or|\()\s*$", re.IGNORECASE)
_PERCENT_OF = re.compile(r"^\s+of\s+(?:the|all|its|their)?\s*$", re.IGNORECASE)
_OF_THE = re.compile(r"^\W*(?:of|out of)\s+(?:the|these|those|its|their|all)\s+$", re.IGNORECASE)


def find(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for i in range(len(ctx.sentences)):
        found += _percent_of(ctx, i) + _changes(ctx, i) + _changes_by(ctx, i) + _ranges(ctx, i)
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
    same = [q for q in qs[: n - 1] if q.kind == part.kind and _same_measure(q, part)]
    return same[0] if len(same) == 1 else None


def _same_measure(a: Quantity, b: Quantity) -> bool:
    if a.kind == "money":
        return a.attributes.get("currency") == b.attributes.get("currency")
    return a.noun is not None and noun_key(a.noun) == noun_key(b.noun)


def _changes(ctx: Context, i: int) -> list[Relation]:
    """'rose from 40 to 52, up 30%'; 'doubled from 10 to 20'; 'fell to 8 from 12'."""
    found: list[Relation] = []
    qs = ctx.sentences[i]
    sent = ctx.bounds[i]
    for n in range(len(qs) - 1):
        a, b = qs[n], qs[n + 1]
        gap = ctx.between(a, b)
        lead = ctx.text[sent.start : a.span.start]
        if re.fullmatch(r"(?:\s+[\w’'-]+){0,4}?\s+to\s+", gap) and lead.lower().endswith("from "):
            old, new, verb_zone = a, b, lead[: -len("from ")]
        elif re.fullmatch(
            r",?\s+(?:up |down )?from\s+", gap, re.IGNORECASE
        ) and lead.lower().endswith("to "):
            old, new, verb_zone = b, a, lead[: -len("to ")]
        else:
            continue
        verb = _CHANGE_VERB.search(verb_zone)
        if not verb or old.kind != new.kind:
            continue
        word = verb.group("verb").lower()
        rel = Relation(
            "change",
            word,
            sent.start + verb.start("verb"),
            sent.start + verb.end("verb"),
            [old, new],
        )
        rel.factor = _FACTOR.get(word)
        rel.direction = 0 if rel.factor else (1 if re.fullmatch(_RISE, word) else -1)
        following = qs[n + 2] if n + 2 < len(qs) else None
        if following is not None and _PERCENT_CLAUSE.match(ctx.between(b, following)):
            rel.quantities.append(following)
            rel.points = "point" in following.span.text.lower() or following.kind != "percent"
        found.append(rel)
    return found


_BY_VERB = re.compile(
    rf"\b(?P<verb>{_RISE}|{_FALL}|(?:closed|ended|finished) (?:up|down)|gained|lost|added|shed)(?:\s+by)?\s+$",
    re.IGNORECASE,
)
_UP = re.compile(rf"{_RISE}|.* up|gained|added", re.IGNORECASE)


def _changes_by(ctx: Context, i: int) -> list[Relation]:
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


def _ranges(ctx: Context, i: int) -> list[Relation]:
    """'between 30 and 40 percent': the first bound may not exceed the second."""
    found: list[Relation] = []
    qs = ctx.sentences[i]
    for a, b in pairwise(qs):
        if re.fullmatch(r"\s+and\s+", ctx.between(a, b)) and re.search(
            r"\bbetween\s+$", ctx.before(a), re.IGNORECASE
        ):
            start = a.span.start - len(ctx.before(a)) + ctx.before(a).lower().rindex("between")
            if _comparable(a, b):
                found.append(Relation("range", "between", start, start + len("between"), [a, b]))
    return found


def _comparable(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind or a.kind == "cardinal" and b.kind in ("percent", "money")
