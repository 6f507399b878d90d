"""What the sourcing rules share: the attributions that touch a stretch, named speakers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.analysis import Analysis, AttributionRecord
from checker.models import SourceKind
from checker.sources import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen"})
DEFINITE = frozenset({"the", "these", "those", "this", "that"})
BODY_ENTITIES = frozenset({"ORG", "GPE", "NORP"})


def attributed(
    analysis: Analysis, start: int, end: int, reported: bool = False
) -> list[AttributionRecord]:
    """Attributions with a speaker whose cue or content touches [start, end); with `reported`,
    only those that report words or views (a stance or act vouches for no figure)."""
    hits = analysis.spoken.overlapping(start, end)
    return [r for r in hits if r.reporting_speaker] if reported else hits


def is_named(speaker: Speaker | None) -> bool:
    """A speaker a reader can hold to the words: a person, an outlet, or an organisation that
    is not a whole country or city standing for its government."""
    if speaker is None or speaker.kind in (SourceKind.anonymous, SourceKind.none):
        return False
    return not (speaker.kind == SourceKind.organisation and speaker.place)


def spokesperson(head: Token) -> bool:
    return head.lower_ in SPOKESPEOPLE or head.lemma_.lower() in SPOKESPEOPLE


def names_a_body(tokens: list[Token], before: int, first_body: int) -> bool:
    """The spokesperson's body is named: in the phrase ("A KLM spokesman", "a spokesman for
    the Agriculture Ministry") or earlier in the article (`first_body`, where the article
    first names an organisation, a company or a government: "a company spokesman")."""
    if any(t.ent_type_ in BODY_ENTITIES or t.pos_ == "PROPN" for t in tokens):
        return True
    return any(t.ent_type_ in BODY_ENTITIES for t in tokens[-1].subtree) or first_body < before


def first_body(analysis: Analysis) -> int:
    """Where the article first names an organisation, a company or a government."""
    return min(
        (base + e.start_char for base, doc in analysis.docs for e in doc.ents
         if e.label_ in BODY_ENTITIES),
        default=len(analysis.text),
    )  # fmt: skip


def repeat_keys(tokens: list[Token]) -> tuple[set[str], set[str]]:
    """(what marks a mention of an unnamed source as one already reported, what it records).
    The same words again ("Banking sources" ... "banking sources"), or the head alone,
    definite or bare ("the sources", "Sources", "the spokesman"), after any source with that
    head, are the same source; "another source", "other officials" and "some industry
    sources" add words of their own: a new source."""
    root = span_root(tokens)  # "The officials, looking beneath ...", "officials here": the
    # head and what comes before it name the source; what follows describes it
    words = [
        t.lower_ for t in tokens if not t.is_punct and t.lower_ not in DEFINITE and t.i <= root.i
    ]
    phrase, head = " ".join(words), "head:" + root.lemma_.lower()
    return ({head} if len(words) <= 1 else {phrase}), {phrase, head}


def span_root(tokens: list[Token]) -> Token:
    """The head of a phrase: its token whose syntactic head lies outside it ("a spokesman"
    in "a spokesman for the Agriculture Ministry in Bonn")."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head is t), tokens[-1])


def on_record(analysis: Analysis, record: AttributionRecord, body: int) -> bool:
    """A spokesperson of a named body ("A KLM spokesman said", "the spokesman said" after the
    company is named): the body is the source, and it is named (`names_a_body`)."""
    source = record.attribution.source
    if source is None:
        return False
    tokens = analysis.layout.tokens_between(source.start, source.end)
    return (
        bool(tokens)
        and spokesperson(span_root(tokens))
        and names_a_body(tokens, source.start, body)
    )
