"""Ratios and order: percent-of ("A, or P% of N"), change ("rose from A to B, up P%", "doubled"),
range order ("between A and B")."""

from __future__ import annotations

import re

from checker.constraints.context import Context, Relation
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
        found += _percent_of(ctx, i) + _changes(ctx, i) + _ranges(ctx, i)
    return found


def _percent_of(ctx: Context, i: int) -> list[Relation]:
    """'300 of them, or 15% of the 2,000' and 'Of the 2,000, 300, or 15%, ...'."""
    found: list[Relation] = []
    qs = ctx.sentences[i]
    sent = ctx.bounds[i]
    opening = [q for q in qs if _OF_THE.match(ctx.text[sent.start : q.span.start])]
    for n, pct in enumerate(qs):
        if pct.kind != "percent" or n == 0 or qs[n - 1].kind != "cardinal":
            continue
        part = qs[n - 1]
        if not _OR_PERCENT.match(ctx.between(part, pct)):
            continue
        wholes = [q for q in qs[n + 1 : n + 2] if q.kind == "cardinal" and _PERCENT_OF.match(ctx.between(pct, q))]
        wholes = wholes or [q for q in opening if q is not part and q.kind == "cardinal"]
        if wholes:
            cue_at = part.span.end
            found.append(Relation("percent_of", "or P% of", cue_at, pct.span.start, [part, pct, wholes[0]]))
    return found


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
        elif re.fullmatch(r",?\s+(?:up |down )?from\s+", gap, re.IGNORECASE) and lead.lower().endswith("to "):
            old, new, verb_zone = b, a, lead[: -len("to ")]
        else:
            continue
        verb = _CHANGE_VERB.search(verb_zone)
        if not verb or old.kind != new.kind:
            continue
        word = verb.group("verb").lower()
        rel = Relation("change", word, sent.start + verb.start("verb"), sent.start + verb.end("verb"), [old, new])
        rel.factor = _FACTOR.get(word)
        rel.direction = 0 if rel.factor else (1 if re.fullmatch(_RISE, word) else -1)
        following = qs[n + 2] if n + 2 < len(qs) else None
        if following is not None and _PERCENT_CLAUSE.match(ctx.between(b, following)):
            rel.quantities.append(following)
            rel.points = "point" in following.span.text.lower() or following.kind != "percent"
        found.append(rel)
    return found


def _ranges(ctx: Context, i: int) -> list[Relation]:
    """'between 30 and 40 percent': the first bound may not exceed the second."""
    found: list[Relation] = []
    qs = ctx.sentences[i]
    for a, b in zip(qs, qs[1:]):
        if re.fullmatch(r"\s+and\s+", ctx.between(a, b)) and re.search(r"\bbetween\s+$", ctx.before(a), re.IGNORECASE):
            start = a.span.start - len(ctx.before(a)) + ctx.before(a).lower().rindex("between")
            if _comparable(a, b):
                found.append(Relation("range", "between", start, start + len("between"), [a, b]))
    return found


def _comparable(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind or a.kind == "cardinal" and b.kind in ("percent", "money")
