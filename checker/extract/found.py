"""An attribution found in the text: character offsets of its roles and the tokens later stages
read, and the helpers every finder shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.extract import quotes

if TYPE_CHECKING:
    from spacy.tokens import Token

    from checker.nlp import Sentence


@dataclass
class Found:
    """One attribution as absolute character offsets, with the tokens later stages read."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    cue_type: str
    cue_token: Token
    source_token: Token | None  # head of the source phrase, for normalisation
    reported: bool = True  # a statement, belief or report, not a mere stance or act (models.py)


def tokens_span(sent: Sentence, tokens: list[Token], text: str) -> tuple[int, int] | None:
    """Offsets of a token run, trimmed of edge punctuation other than quotation marks."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (_edge_punct(tokens[0]) or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (_edge_punct(tokens[-1]) or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    start, end = sent.offset(tokens[0]), sent.token_end(tokens[-1])
    if "\n\n" in text[start:end]:  # never run an attribution across a paragraph break
        end = start + text[start:end].index("\n\n")
    return start, end


def _edge_punct(tok: Token) -> bool:
    return tok.is_punct and tok.text not in quotes.QUOTES
