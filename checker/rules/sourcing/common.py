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


def mention_words(tokens: list[Token]) -> tuple[str, frozenset[str]]:
    """The head's lemma and the words that name an unnamed source: the head and what comes
    before it ("The officials, looking beneath ...", "officials here": what follows describes
    it), with no article, punctuation or line break, the head as its lemma ("sources" and
    "source" are one head)."""
    root = span_root(tokens)
    words = {
        root.lemma_.lower() if t is root else t.lower_
        for t in tokens
        if t.i <= root.i and not (t.is_punct or t.is_space or t.lower_ in DEFINITE)
    }
    return root.lemma_.lower(), frozenset(words)


def same_source(
    mention: tuple[str, frozenset[str]], seen: list[tuple[str, frozenset[str]]]
) -> bool:
    """A mention of an unnamed source already reported: its head with no words of its own, or
    only words an earlier source with that head had ("Banking sources" ... "banking sources",
    "the sources", "Sources", "the spokesman"; "A Chrysler financial source" ... "the Chrysler
    source"; "Ministry of International Trade and Industry (MITI) officials" ... "MITI
    officials"). "another source", "other officials" and "some industry sources" add words of
    their own: a new source."""
    head, words = mention
    return any(head == h and words <= earlier for h, earlier in seen)


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
