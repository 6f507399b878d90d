"""A count and the items the copy lists for it: "They had three children — Adam, Salma and
Aliya"; "the four early nominating states: Iowa, New Hampshire, South Carolina and Nevada".

Only a list that is plainly whole is counted: opened by a colon, a dash or "are"/"were" right
after the count and its noun, closed by a last "and"/"or", and made of proper names (or, after a
colon or dash, of short lower-case phrases; or of items split by semicolons). A hedged count ("at
least three victims"), a partial list ("including", "such as", "and others"), a count of a part
("two of its nine members") and anything with a clause inside is left alone. A last pair joined by
"and" with no comma before it may be one name ("Trinidad and Tobago"), so that list allows one
item fewer.
"""

from __future__ import annotations

import re

import z3

from checker.constraints.context import MEASURES, Context, Relation
from checker.constraints.explain import figure
from checker.extract.numerals import SMALL
from checker.extract.quantities import noun_key
from checker.models import Quantity, Verdict

KIND = "count_list"
_OPEN = re.compile(r"^(?:\s+[\w’'-]+){0,3}?(?P<open>\s*:|\s+(?:—|–|--?)|\s+(?:are|were))\s+")
_PARTIAL = re.compile(
    r"\b(?:including|includes|such as|among (?:them|others)|and others|etc|as well as|along with"
    r"|plus|for example|like)\b",
    re.IGNORECASE,
)
_NAME = r"[A-Z0-9][\w.'’&-]*"
_PROPER = re.compile(rf"(?:the )?{_NAME}(?: (?:{_NAME}|of|de|la|du|van|von|al|bin))*")
_PHRASE = re.compile(r"[a-z][\w'’-]*(?: [a-z][\w'’-]*){0,3}")
_NUMBER = re.compile(rf"\b(?:\d+|{'|'.join(SMALL)})\b", re.IGNORECASE)
_OF_BEFORE = re.compile(
    rf"\b(?:\d+|{'|'.join(SMALL)}|some|most|many|few|several|none|all)"
    r"\s+(?:of|out of)\s+(?:the|its|their|his|her|our|these|those)?\s*$",
    re.IGNORECASE,
)


def find(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for i, qs in enumerate(ctx.sentences):
        end = ctx.bounds[i].end
        for q in qs:
            rel = _counted(ctx, q, end)
            if rel is not None:
                found.append(rel)
    return found


def _counted(ctx: Context, q: Quantity, end: int) -> Relation | None:
    if q.kind != "cardinal" or q.hedge or q.low != q.high or not 2 <= q.value <= 20:
        return None
    if _OF_BEFORE.search(ctx.before(q)) or q.value != int(q.value) or not _counts_things(q):
        return None
    after = ctx.text[q.span.end : end]
    m = _OPEN.match(after)
    if m is None:
        return None
    if re.search(r"\b(?:pct|percent|per cent|points?)\b|%", after[: m.start("open")]):
        return None  # "10 to 20 pct - on radios, ...": a rate, not a count
    opener = m.group("open").strip()
    body = after[m.end() :]
    if opener in ("—", "–", "-", "--"):
        close = re.search(r"\s(?:—|–|--?)\s|\s*—", body)
        body = body[: close.start()] if close else body
    items, ambiguous = _items(" ".join(body.split()).rstrip(".!?”\"'"), opener)
    if items is None or len(items) < 2:
        return None
    notes = {"items": "; ".join(items), "ambiguous": "1" if ambiguous else ""}
    start, stop = q.span.start, q.span.end + m.end() + len(body)
    cue = " ".join(ctx.text[start : q.span.end + m.end()].split()) + " ..."
    return Relation(KIND, cue, start, stop, [q], factor=len(items), notes=notes)


def _counts_things(q: Quantity) -> bool:
    """A count of things named by a noun ("three children"), not a measure or a bare figure."""
    return q.noun is not None and noun_key(q.noun) not in MEASURES


def _items(body: str, opener: str) -> tuple[list[str] | None, bool]:
    """The items of a list that is plainly whole, and whether its last "A and B" may be one."""
    if not body or _PARTIAL.search(body) or "(" in body:
        return None, False
    if ";" in body:
        items = [re.sub(r"^(?:and|or)\s+", "", s.strip()) for s in body.split(";")]
        return (items if all(items) else None), False
    chunks = [c.strip() for c in body.split(",")]
    last = chunks[-1]
    ambiguous = False
    if re.match(r"(?:and|or)\s", last):
        chunks[-1] = last.split(None, 1)[1]
    else:
        joined = re.split(r"\s+(and|or)\s+", last)
        if len(joined) != 3:
            return None, False  # no last "and"/"or": the list may go on past the sentence's end
        chunks[-1:] = [joined[0], joined[2]]
        ambiguous = joined[1] == "and"
    if any(re.search(r"\s(?:and|or)\s", c) or _NUMBER.search(c) for c in chunks):
        return None, False  # "the five -- two officers and three privates": parts, not items
    if all(_PROPER.fullmatch(c) for c in chunks):
        return chunks, ambiguous
    if opener != "are" and opener != "were" and all(_PHRASE.fullmatch(c) for c in chunks):
        return chunks, ambiguous
    return None, False


def formula(rel: Relation, xs: list[z3.ArithRef]) -> z3.BoolRef:
    n = int(rel.factor or 0)
    if rel.notes.get("ambiguous"):
        return z3.Or(xs[0] == n, xs[0] == n - 1)
    return xs[0] == n


def explain(rel: Relation, verdict: Verdict) -> str:
    n = int(rel.factor or 0)
    items = rel.notes.get("items", "").split("; ")
    count = rel.quantities[0]
    named = f"{n} named ({', '.join(items)})"
    if rel.notes.get("ambiguous") and count.value != n:
        named += f", or {n - 1} if the last two are one name"
    if verdict == Verdict.violated:
        return f"{named}, not {figure(count)} ✗"
    return f"{named}, which fits {figure(count)} ✓"
