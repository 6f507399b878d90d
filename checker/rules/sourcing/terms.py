"""Quoted words that are no one's statement (a term, a scare quote, a nested quote) and quoted
words whose speaker is the sentence's own subject."""

from __future__ import annotations

from bisect import bisect_right

from checker.analysis import Analysis

TERM_WORDS = 4  # a term or a scare quote is a short phrase: “special meeting”, "comeback kid"
NOUNISH = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


def is_term(analysis: Analysis, start: int, end: int) -> bool:
    """A short quoted noun phrase or pronoun with no verb (“special meeting”, "liquidating
    trust", "she"), or a quote inside a longer quotation (whose speaker is the outer one's).
    A quoted predicate is a speaker's word, not a term: “imminent”, "resolutely opposed"."""
    if _nested(analysis, start, end):
        return True
    tokens = [t for t in analysis.layout.tokens_between(start + 1, end - 1) if t.is_alpha]
    if not tokens or len(tokens) > TERM_WORDS:
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" for t in tokens):
        return False
    return tokens[-1].pos_ in NOUNISH or all(t.pos_ in NOUNISH for t in tokens)


def _nested(analysis: Analysis, start: int, end: int) -> bool:
    regions = analysis.layout.quotations
    i = bisect_right(regions, (start, -1)) - 1  # the last quotation opening before `start`
    return i >= 0 and regions[i][0] < start and end <= regions[i][1]


def subject_speaks(analysis: Analysis, start: int, end: int) -> bool:
    """The quote's words belong to the subject of a verb outside the quote that governs them:
    "He pledged to be "the greatest jobs president"", "Early described it as “news to me.”",
    "Rubio fired back forcefully: “...”" (a person, not a country or a city standing for its
    government; a subject inside the quote is the quote's own)."""
    sent = analysis.sentence_at(start)
    inside = analysis.layout.tokens_between(start + 1, start + 2)
    if sent is None or not inside:
        return False
    tok, seen = inside[0], 0
    while seen < 50:  # a parse is a tree; the bound guards a broken one
        if not start <= sent.offset(tok) < end:
            for child in tok.children:
                if (
                    child.dep_ == "nsubj"
                    and _person(child)
                    and not start <= sent.offset(child) < end
                ):
                    return True
        if tok.head.i == tok.i:
            return False
        tok, seen = tok.head, seen + 1
    return False


def _person(t: object) -> bool:
    from spacy.tokens import Token

    if not isinstance(t, Token):
        return False
    if t.ent_type_ in ("GPE", "LOC", "ORG", "NORP"):
        return False
    return t.ent_type_ == "PERSON" or t.lower_ in SPEAKING_PRONOUNS or t.pos_ == "PROPN"
