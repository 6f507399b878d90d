"""A vote tally against the size of the body that cast it: "A three-judge panel ... By a 2-to-1
vote"; "the nine-member board voted 5-4".

The body is a size joined to a member noun by a hyphen ("three-judge", "12-member", "71-seat")
before the body's noun, only modifiers between ("15-member Security Council", "three-judge
appeals panel"; not "a five-seat gain in parliament", nor "the court's five-justice conservative
wing", a bloc of a larger bench), and the tally two figures joined by "to" or a dash and tied to
a vote ("by a 2-to-1 vote", "a 5-4 ruling", "voted 7-2", "by a vote of 7 to 2"). The size is no
quantity the extractor reads, so the relation makes it from the words; the votes are the
extracted quantities where the extractor read them ("by a vote of 7 to 2"), else made too. The
tally is read against the last body stated before it in its own paragraph or the one before,
with no other tally between and no other body's noun between or as the vote's subject ("The
three-judge panel heard the case. The Senate voted 52-47"); never when the words between or
right after name a larger bench ("a 9-to-6 vote of the full U.S. Court of Appeals" after "the
three-judge panel", "en banc"). A tally in a later sentence must point back to the body (its
noun again, the court it sits on in "panel of the U.S. Court of Appeals", "it", "they") and is
then a likely relation, a warning at most: the copy may have moved on to another vote.

Arithmetic: the votes cast are at most the members, A + B <= N, an error when they exceed it. They
usually equal it, but absences, abstentions, recusals and vacancies make a smaller tally right
("Of the 10 judges ... 4-4"), so a tally below the body's size is left alone, not even a warning.
"""

from __future__ import annotations

import re

import z3

from checker.constraints.context import Context, Relation
from checker.extract.numerals import SMALL
from checker.models import Verdict

KIND = "vote_tally"
_NUM = r"\d{1,3}|" + "|".join(sorted(SMALL, key=len, reverse=True))
_MEMBERS = r"judge|justice|member|juror|commissioner|director|seat|person|man|woman"
_BODIES = (
    r"panel|court|bench|board|commission|committee|subcommittee|jury|council|tribunal|congress"
    r"|senate|house|assembly|parliament|legislature|chamber|cabinet|body"
)
# only modifiers between the size and the body's noun: a name ("15-member Security Council"),
# an adjective or a noun used as one ("three-judge appeals panel"); not "a five-seat gain in
# parliament"
_MODIFIER = (
    r"(?:(?-i:[A-Z])[\w.'’-]*|[\w-]+(?:al|ary|ive|ic|ed|ing|ian)|appeals|school|city|county|state"
    r"|district|police|review|ethics|trade|budget|election|security|oversight|parole|grand"
    r"|joint|select|full|new)"
)
_BODY = re.compile(
    rf"(?<![\w-])(?P<n>{_NUM})-(?:{_MEMBERS})s?\s+(?:{_MODIFIER}\s+){{0,2}}?"
    rf"(?P<noun>{_BODIES})\b(?:\s+of\s+the\s+(?:[\w.'’-]+\s+){{0,3}}?(?P<of>{_BODIES})\b)?",
    re.IGNORECASE,
)
_ANY_BODY = re.compile(rf"(?<!White )\b(?P<noun>{_BODIES})\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|they)\b", re.IGNORECASE)
SUBJECT = 60  # characters after a tally that may name its subject ("By 68-31, the Senate")
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
        n = _number(body.group("n"))
        a, b = int(m.group("a")), int(m.group("b"))
        if here - there > 1 or n is None or a < b:  # "5-4" puts the majority first
            continue
        later = _scope(ctx, body, m)
        if later is None:
            continue
        size = ctx.figure("V", body.start("n"), body.end("n"), n, "cardinal")
        votes = [
            ctx.figure("V", m.start(k), m.end(k), v, "cardinal") for k, v in (("a", a), ("b", b))
        ]
        cue = " ... ".join(" ".join(s.split()) for s in (body.group(0), m.group(0)))
        notes = {"likely": "a tally in a later sentence, likely the body's"} if later else {}
        found.append(Relation(KIND, cue, body.start(), m.end(), [size, *votes], notes=notes))
    return found


def _scope(ctx: Context, body: re.Match[str], tally: re.Match[str]) -> bool | None:
    """Whether the tally is the body's: None when another body stands between or is the vote's
    subject, or when a later sentence does not point back to the body (its noun again, the
    court it sits on, "it", "they"); else True for a later sentence (likely), False for its own."""
    names = {body.group("noun").lower(), (body.group("of") or "").lower()}
    i = ctx.sentence_of(tally.start())
    start = ctx.bounds[i].start if i is not None else tally.start()
    end = ctx.bounds[i].end if i is not None else tally.end()
    after = ctx.text[tally.end() : min(end, tally.end() + SUBJECT)]
    between = f"{ctx.text[body.end() : tally.start()]} {after}"
    if any(b.group("noun").lower() not in names for b in _ANY_BODY.finditer(between)):
        return None
    if start <= body.start():
        return False
    own = f"{ctx.text[start : tally.start()]} {after}"
    back = any(b.group("noun").lower() in names for b in _ANY_BODY.finditer(own))
    return True if back or _PRONOUN.search(own) else None


def _body_before(bodies: list[re.Match[str]], at: int) -> re.Match[str] | None:
    before = [b for b in bodies if b.end() <= at]
    return before[-1] if before else None


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
