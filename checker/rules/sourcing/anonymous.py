from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.analysis import Analysis, AttributionRecord
from checker.models import Finding, Severity, SourceKind
from checker.rules.base import PythonRule
from checker.rules.sourcing.common import (
    first_body,
    mention_words,
    on_record,
    same_source,
    span_root,
)
from checker.rules.sourcing.figures import display_end

if TYPE_CHECKING:
    from spacy.tokens import Token

# "Few people would have described ...", "Many people ... assumed": the writer's
# generalisation, nobody's account
GENERAL_QUANTIFIERS = frozenset({"few", "many"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which"})
# "Trump officials urged surrogates to ...", "Asked by a committee member if ...": a request or
# a question, which claims nothing for anyone to source
REQUESTS = frozenset({"urge", "ask"})


def not_a_source(head: Token) -> bool:
    """A relative pronoun ("a former staff member ... who said": the person is named in the
    sentence) or a generalisation ("Few people would have described ...")."""
    if head.lower_ in RELATIVE_PRONOUNS and head.tag_ in ("WP", "WDT"):
        return True
    return head.lemma_.lower() == "people" and any(
        c.lower_ in GENERAL_QUANTIFIERS for c in head.children if c.dep_ in ("amod", "det")
    )


def _requests(analysis: Analysis, record: AttributionRecord) -> bool:
    cue = record.attribution.cue
    return any(
        t.lemma_.lower() in REQUESTS for t in analysis.layout.tokens_between(cue.start, cue.end)
    )


def named_next_door(analysis: Analysis, tokens: list[Token], end: int) -> bool:
    """The next paragraph names the unnamed source: a person quoted there is described by its
    head and another of its words ("AICE officials are now hoping ..." then "Edward Muda, an
    AICE official who attended the negotiations, said"; "A member of the board ..." then "Jim
    Billington, Farm Credit Administration (FCA) board member told")."""
    head = span_root(tokens).lemma_.lower()
    words = {t.lower_ for t in tokens if t.is_alpha and not t.is_stop} - {head}
    paragraphs = analysis.layout.paragraphs
    i = analysis.layout.paragraph_index(end) + 1
    if not words or i >= len(paragraphs):
        return False
    for record in analysis.spoken.overlapping(*paragraphs[i]):
        speaker, source = record.reporting_speaker, record.attribution.source
        if speaker is None or speaker.kind != SourceKind.person or source is None:
            continue
        if source.start < paragraphs[i][0]:
            continue
        named = analysis.layout.tokens_between(source.start, source.end)
        lemmas = {t.lemma_.lower() for t in named}
        if head in lemmas and words & {t.lower_ for t in named}:
            return True
    return False


class Anonymous(PythonRule):
    """A claim attributed to an unnamed source ("officials said", "a source familiar with").

    ## What it checks
    Attributions whose speaker is a role or a group with no name: officials, sources,
    aides, people familiar with the matter. Each unnamed source is reported once per
    article: "the sources", "the spokesman" or the same words again after the first
    mention are the same source, and so is a later mention with only words the first had ("the
    Chrysler source" after "A Chrysler financial source"; "another source", "other officials",
    "Some Wall Street sources" are new ones). A spokesperson speaks on record for a body: one
    whose body is named ("A KLM spokesman", "a spokesman for the Agriculture Ministry", or a
    body named earlier in the article) is not reported. Nor is a source the next paragraph
    names: a person quoted there, described by the source's head and another of its words
    ("AICE officials" ... "Edward Muda, an AICE official ..., said"). A request or a
    question claims nothing: "Trump officials urged surrogates to ...", "Asked by a
    committee member if ..." are left alone.

    ## Why it matters
    Anonymous sourcing is sometimes necessary, but most style guides ask that the reader be
    told why the source is not named and how the source knows. The editor should see each
    use.

    ## Example
    Clinton's campaign has also been working behind the scenes to prepare for this
    possibility, a source familiar with the planning said.

    ## Suggested fix
    Name the source, or say why the source cannot be named and how the source knows.
    """

    id = "sourcing.anonymous"
    severity = Severity.info
    requires = ("attributions", "sources")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        seen: list[tuple[str, frozenset[str]]] = []  # each unnamed source is reported once
        body = first_body(analysis)
        display = display_end(analysis)  # a headline's "British diplomat" is named below
        spans: set[tuple[int, int]] = set()  # a source with two cues is one source
        for record in analysis.attributions:
            attribution = record.attribution
            speaker = record.reporting_speaker  # "members who voted against": no sourcing
            source = attribution.source
            if speaker is None or speaker.kind != SourceKind.anonymous or source is None:
                continue
            tokens = analysis.layout.tokens_between(source.start, source.end)
            head = span_root(tokens) if tokens else None
            if (source.start, source.end) in spans or head is None:
                continue
            if source.start < display or not_a_source(head) or _requests(analysis, record):
                continue
            spans.add((source.start, source.end))
            if on_record(analysis, record, body):
                continue  # on record for a named body
            mention = mention_words(tokens)
            if same_source(mention, seen):
                continue
            seen.append(mention)
            if named_next_door(analysis, tokens, source.end):
                continue
            yield self.finding(
                analysis,
                source.start,
                source.end,
                f"anonymous source: “{source.text}” {attribution.cue.text}",
                suggestion="name the source, or say why it cannot be named and how it knows",
            )
