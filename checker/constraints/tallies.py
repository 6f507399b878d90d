"""A vote tally against the size of the body that cast it: "A three-judge panel ... By a 2-to-1
vote"; "the nine-member board voted 5-4".

The body is a size joined to a member noun by a hyphen ("three-judge", "12-member", "71-seat")
before the body's noun ("panel", "court", "board", "congress": not "the court's five-justice
conservative wing", a bloc of a larger bench) and the tally two figures joined by "to" or a dash and tied to a vote ("by a 2-to-1 vote", "a 5-4
ruling", "voted 7-2", "by a vote of 7 to 2"). Neither is a quantity the extractor reads, so the
relation makes its three figures from the words. The tally is read against the last
body stated before it in its own paragraph or the one before, with no other body or tally in
between, and never when the words between or right after name a larger bench ("a 9-to-6 vote
of the full U.S. Court of Appeals" after "the three-judge panel", "en banc").

Arithmetic: the votes cast are at most the members, A + B <= N, an error when they exceed it. They
usually equal it, but absences, abstentions, recusals and vacancies make a smaller tally right
("Of the 10 judges ... 4-4"), so a tally below the body's size is left alone, not even a warning.
"""

from __future__ import annotations

import re

import z3

from checker.constraints.context import Context, Relation
from checker.extract.numerals import SMALL
from checker.models import Quantity, Verdict

KIND = "vote_tally"
_NUM = r"\d{1,3}|" + "|".join(sorted(SMALL, key=len, reverse=True))
_MEMBERS = r"judge|justice|member|juror|commissioner|director|seat|person|man|woman"
_BODIES = (
    r"panel|court|bench|board|commission|committee|subcommittee|jury|council|tribunal|congress"
    r"|senate|house|assembly|parliament|legislature|chamber|cabinet|body"
)
_BODY = re.compile(
    rf"(?<![\w-])(?P<n>{_NUM})-(?:{_MEMBERS})s?\s+(?:[\w.'’-]+\s+){{0,2}}?(?:{_BODIES})\b",
    re.IGNORECASE,
)
_PAIR = r"(?P<a>\d{1,3})\s*(?:-to-|-|–|\s+to\s+)\s*(?P<b>\d{1,3})(?![\w.,]\d)"
_TALLIES = (
    re.compile(
        rf"\b(?:by\s+an?|vote\s+(?:of|was)|voted|voting)\s+{_PAIR}"
        r"(?!\s+(?:margin|ratio|odds)\b)(?:\s+(?:vote|ruling|decision|verdict)\b)?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![\w.,-]){_PAIR}\s+(?:vote|ruling|decision|verdict|split\s+decision)\b",
        re.IGNORECASE,
    ),
)
_LARGER = re.compile(r"\b(?:full|en\s+banc|entire|whole)\b", re.IGNORECASE)
MAX_BODY = 1000


def find(ctx: Context) -> list[Relation]:
    text, layout = ctx.text, ctx.analysis.layout
    bodies = [m for m in _BODY.finditer(text) if 1 < (_number(m.group("n")) or 0) <= MAX_BODY]
    found: list[Relation] = []
    tallies = sorted((m for p in _TALLIES for m in p.finditer(text)), key=lambda m: m.start())
    for m in tallies:
        body = _body_before(bodies, m.start())
        if body is None or _LARGER.search(text[body.end() : m.end() + 30]):
            continue
        if any(body.end() <= t.start() < m.start() for t in tallies):
            continue  # the body's own tally came first
        here, there = layout.paragraph_index(m.start()), layout.paragraph_index(body.start())
        if here - there > 1:
            continue
        n = _number(body.group("n"))
        a, b = int(m.group("a")), int(m.group("b"))
        if n is None or a < b:  # "5-4" puts the majority first; "1-2" is a score or a range
            continue
        size = _figure(ctx, body.start("n"), body.end("n"), n)
        votes = [_figure(ctx, m.start(k), m.end(k), v) for k, v in (("a", a), ("b", b))]
        cue = " ... ".join(" ".join(s.split()) for s in (body.group(0), m.group(0)))
        quantities = [size, *votes]
        found.append(Relation(KIND, cue, body.start(), m.end(), quantities))
    return found


def _body_before(bodies: list[re.Match[str]], at: int) -> re.Match[str] | None:
    before = [b for b in bodies if b.end() <= at]
    return before[-1] if before else None


def _figure(ctx: Context, start: int, end: int, value: int) -> Quantity:
    """A count read from words that are no quantity ("three-judge", the 2 of "2-to-1")."""
    span = ctx.analysis.document.span(start, end)
    return Quantity(id=f"V{start}", span=span, value=value, low=value, high=value)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    value = SMALL.get(word.lower())
    return int(value) if value is not None else None


def formula(rel: Relation, xs: list[z3.ArithRef]) -> z3.BoolRef:
    n, a, b = xs
    return a + b <= n


def explain(rel: Relation, verdict: Verdict) -> str:
    n, a, b = (q.value for q in rel.quantities)
    cast = f"{a:.0f} + {b:.0f} = {a + b:.0f} votes"
    if verdict == Verdict.violated:
        return f"{cast}, more than the {n:.0f} members ✗"
    return f"{cast}, at most the {n:.0f} members ✓"
