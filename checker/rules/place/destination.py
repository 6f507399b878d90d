"""place.destination: the same group is sent to one place in one sentence and another later."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.knowledge.names import key
from checker.models import Finding, Severity
from checker.nlp import entity_of
from checker.rules.base import PythonRule

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from checker.analysis import Analysis
    from checker.knowledge import KnowledgeBase

MOTION = frozenset({
    "go", "send", "deploy", "redeploy", "move", "head", "transfer", "dispatch", "ship", "fly",
    "travel", "relocate", "rotate", "return",
})  # fmt: skip
SMALLEST = 10  # "two soldiers" in two places is ordinary; a group this large is one group


@dataclass(frozen=True)
class Movement:
    value: float
    noun: str | None  # lemma of the counted noun, when the number modifies one
    counted: str  # the number and noun as written: "1,000 troops"
    start: int  # the destination's offsets
    end: int
    place: str


class Destination(PythonRule):
    """The same group is said to go to two different places.

    ## What it checks
    Numbers with a destination ("1,000 U.S. troops will be redeployed from Germany to
    Romania", "The 1,000 U.S. troops going to Romania"): when the same number of the same
    thing is later sent somewhere else, and neither place contains the other (Europe
    contains Romania), the later sentence is flagged with the earlier one as related.

    ## Why it matters
    A group that goes to Romania in one paragraph and to Poland in another is an error in one
    of them, and readers cannot tell which.

    ## Example
    The Pentagon said ... 1,000 U.S. troops will be redeployed from Germany to Romania ...
    The 1,000 U.S. troops going to Poland are members of the 2nd Cavalry Regiment.

    ## Suggested fix
    Check both sentences against the source and make the destinations agree.
    """

    id = "place.destination"
    example = (
        "The Pentagon said Wednesday (Feb. 2) that 1,000 U.S. troops will be redeployed "
        "from Germany to Romania. The 1,000 U.S. troops going to Poland are members of "
        "the 2nd Cavalry Regiment."
    )
    example_date = "2022-02-02"
    severity = Severity.warning
    requires = ("quantities",)

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        kb = analysis.kb  # optional: without one, only the same name is the same place
        seen: list[Movement] = []
        for move in movements(analysis):
            earlier = next((m for m in seen if _same_group(m, move)), None)
            if earlier is None:
                seen.append(move)
            elif not _compatible(kb, earlier.place, move.place):
                yield self.finding(
                    analysis, move.start, move.end,
                    f"{move.counted} go to {move.place} here but to {earlier.place} earlier",
                    suggestion=f"Check which destination is right: {earlier.place} or {move.place}",
                    related=[analysis.document.span(earlier.start, earlier.end)],
                )  # fmt: skip


def movements(analysis: Analysis) -> list[Movement]:
    found: list[Movement] = []
    for q in analysis.quantities:
        sent = analysis.sentence_at(q.span.start)
        if sent is None or q.kind != "cardinal" or q.value < SMALLEST:
            continue
        span = sent.span.doc.char_span(q.span.start - sent.base, q.span.end - sent.base,
                                       alignment_mode="expand")  # fmt: skip
        if span is None:
            continue
        number = span[-1]
        noun = number.head if number.dep_ in ("nummod", "quantmod") else None
        place = _destination(noun or number, sent.span)
        if place is not None:
            counted = f"{q.span.text} {noun.text}" if noun else q.span.text
            found.append(Movement(q.value, noun.lemma_.lower() if noun else None, counted,
                                  sent.base + place.start_char, sent.base + place.end_char,
                                  place.text))  # fmt: skip
    return found


def _destination(node: Token, sent: Span) -> Span | None:
    verbs = [c for c in node.children if c.dep_ in ("acl", "relcl")]
    if node.dep_ in ("nsubj", "nsubjpass", "dobj"):
        verbs.append(node.head)
    verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for verb in verbs:
        if verb.lemma_.lower() not in MOTION:
            continue
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
                for obj in prep.children:
                    ent = entity_of(obj)
                    if ent is not None and _place_in(ent, sent):
                        return ent
    return None


def _place_in(ent: Span, sent: Span) -> bool:
    return ent.label_ in ("GPE", "LOC") and sent.start <= ent.start and ent.end <= sent.end


def _same_group(a: Movement, b: Movement) -> bool:
    return a.value == b.value and (a.noun is None or b.noun is None or a.noun == b.noun)


def _compatible(kb: KnowledgeBase | None, a: str, b: str) -> bool:
    if key(a).removeprefix("the ") == key(b).removeprefix("the "):
        return True
    if kb is None:
        return False
    xs, ys = kb.places_named(a.removeprefix("the ")), kb.places_named(b.removeprefix("the "))
    if not xs or not ys:
        return True  # a place the knowledge base does not know: no claim either way
    for x in xs:
        for y in ys:
            if (
                x.id == y.id
                or x.id in {p.id for p in kb.ancestors(y.id)}
                or y.id in {p.id for p in kb.ancestors(x.id)}
            ):
                return True
    return False
