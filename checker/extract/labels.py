"""Speaker labels: a line that opens with a name and a colon ("TAPPER: Do you think ...",
"Gingrich: Trump Must Decide ..."); the rest of the line is what the name says."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.extract import quotes
from checker.extract.found import Found, tokens_span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from checker.nlp import Sentence

# Labels a desk puts before a colon that name no speaker ("Editor's note:", "The Latest:").
RUBRICS = frozenset(
    [
        "note",
        "latest",
        "breaking",
        "update",
        "updated",
        "exclusive",
        "correction",
        "clarification",
        "previously",
        "look",
        "watch",
        "boom",
        "bombshell",
        "wow",
        "video",
        "photos",
        "related",
        "read",
        "analysis",
        "opinion",
        "editorial",
        "guide",
        "email",
        "daily",
        "nerdcast",
        "podcast",
        "live",
        "recap",
    ]
)
NAMED = ("PERSON", "ORG", "NORP", "GPE")  # entity types that name a speaker


def labelled_line(sent: Sentence, text: str) -> Found | None:
    """ "Pat Caddell: Democrat Voters Worried ...", "TAPPER: Do you think ...": a line that opens
    with a name and a colon (a transcript quoted whole opens with a quotation mark first); the
    rest of the line is what the name says. The sentence splitter often cuts such a line after
    the colon, so the line is read whole."""
    if sent.start > 0 and text[sent.start - 1] != "\n":
        return None
    tokens = _line_tokens(sent, text)
    while tokens and tokens[0].text in quotes.OPEN_QUOTES:
        tokens = tokens[1:]
    colon = next((t for t in tokens[:6] if t.text == ":"), None)
    if colon is None or colon.i == tokens[0].i:
        return None
    before = tokens[: colon.i - tokens[0].i]
    after = [t for t in tokens[colon.i - tokens[0].i + 1 :] if not t.is_space]
    title = sent.start == 0  # the title line: the tagger reads its capitals as anything
    if not _speaker_label(before, title) or not after:
        return None
    if not (len(after) > 3 and title or any(t.pos_ in ("VERB", "AUX") for t in after)):
        return None
    content = tokens_span(sent, after, text)
    if content is None:
        return None
    head = max(before, key=lambda t: (t.pos_ in ("PROPN", "NOUN"), t.i))
    return Found(
        cue=(sent.offset(colon), sent.token_end(colon)),
        source=tokens_span(sent, before, text),
        content=content,
        cue_type="direct",
        cue_token=colon,
        source_token=head,
    )


def line_end(text: str, offset: int) -> int:
    """Where the line holding `offset` ends (the text's end for the last line)."""
    end = text.find("\n", offset)
    return len(text) if end == -1 else end


def _line_tokens(sent: Sentence, text: str) -> list[Token]:
    """The tokens of the sentence's line, read on past the sentence's end (same Doc)."""
    end = line_end(text, sent.start)
    doc = sent.span.doc
    last = sent.span.end
    while last < len(doc) and sent.offset(doc[last]) < end:
        last += 1
    return list(doc[sent.span.start : last])


def _speaker_label(before: list[Token], title: bool) -> bool:
    """A name before a colon: no verb, and a named entity (any capitalised word on the title line,
    whose capitals the tagger misreads) or a transcript's speaker in capitals ("TAPPER"); not an
    interview's "Q" or "A", nor a desk's rubric."""
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return False
    if len(before) == 1 and len(before[0].text) == 1:
        return False  # "Q:" and "A:" of an interview: PolNeAR rarely marks them
    # a name makes a rubric-like word part of a speaker ("Judicial Watch:", "EXCLUSIVE – Roger
    # Stone:")
    named = any(t.ent_type_ in NAMED for t in before)
    last, first = before[-1].lower_, before[0].lower_
    if not named and (last in RUBRICS or last.removesuffix("s") in RUBRICS or first in RUBRICS):
        return False  # "Editor's note:", "The Latest:", "BREAKING:": the desk's label, no speaker
    if title:
        return any(t.is_title or t.is_upper for t in before)
    if all(t.is_upper for t in before if t.is_alpha):
        return True  # a transcript's speaker: "TAPPER:", "JOEL BENENSON:"
    return any(t.pos_ == "PROPN" and t.ent_type_ in NAMED for t in before)


def labels_quotation(f: Found, regions: list[tuple[int, int]], text: str) -> bool:
    """'"PENCE: Well, look ...': the speaker's label of a transcript line quoted whole is the
    article's attribution, though the quotation mark opens before it."""
    return (
        f.cue_token.text == ":"
        and f.source is not None
        and any(a < f.cue[0] < b and not text[a + 1 : f.source[0]].strip() for a, b in regions)
    )
