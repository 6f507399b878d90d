from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from checker.analysis import Analysis
from checker.layout import DOUBLED
from checker.models import Finding, Severity, SourceKind
from checker.rule_options import RuleOption, options_for
from checker.rules.base import PythonRule, make_finding
from checker.rules.sourcing.common import attributed, first_body, is_named, on_record
from checker.rules.sourcing.terms import is_term, subject_speaks

MINOR_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)


class QuoteWithoutSpeaker(PythonRule):
    """Words in quotation marks that no named speaker is given for.

    ## What it checks
    Every quoted stretch (curly or straight quotation marks) attributed to no one, or only to
    a country or a city standing for its government ("the U.S. considers ...", "Moscow
    says ..."). A quote of an unnamed source is left to `sourcing.anonymous`, which reports
    the source once. A quote counts as attributed when its paragraph
    names a speaker, or when it opens a paragraph after one that does ("Kirby said:").
    Titles in quotation marks (“Fox News Sunday”, a linked article's title before its
    byline), terms and scare quotes (a short quoted noun phrase or pronoun with no verb:
    “special meeting”, "liquidating trust", "she"), and quotes inside a longer quotation are
    left alone at every level, and so is a quote whose sentence's subject is the person who
    uses the words ("He pledged to be "the greatest jobs president"", "Rubio fired back:
    “...”"). A quote attributed to a
    country or a city is a warning; one with no attribution at all
    (often a scare quote, or a speaker named in a way the extractor missed) is left out,
    or reported at info with the rule option `unattributed` set to `info`.

    ## Why it matters
    Quotation marks promise the reader that somebody said exactly these words. Without a
    named speaker the quote cannot be checked, and scare quotes read as the outlet's own
    judgement.

    ## Example
    Although Moscow has repeatedly insisted that it does not want a war with Kiev, the U.S.
    considers a Russian attack “imminent.”

    ## Suggested fix
    Name who used the words ("a senior State Department official called an attack
    “imminent”") or drop the quotation marks and paraphrase.
    """

    id = "sourcing.quote-without-speaker"
    severity = Severity.warning
    requires = ("attributions", "sources", "spoken")

    options: ClassVar[tuple[RuleOption, ...]] = (
        RuleOption(
            "unattributed",
            "a quote attributed to no one at all (mostly terms, scare quotes and speakers the"
            " extractor missed): `off` leaves it out, `info` reports it",
            "off",
            choices=("off", "info"),
        ),
    )

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        # this document's option, passed down: the rule object is shared by documents whose
        # configurations differ, so it keeps no per-document state
        report_unattributed = options_for(self, analysis.config.rule_options)["unattributed"]
        layout = analysis.layout
        body = first_body(analysis)  # where a spokesperson's body may first be named
        for sent in analysis.sentences:
            yield from self._sentence(
                analysis,
                layout.closed_quotations(sent.start, sent.end),
                body,
                report_unattributed != "off",
            )

    def _sentence(
        self,
        analysis: Analysis,
        quotations: list[tuple[int, int]],
        body: int,
        report_unattributed: bool,
    ) -> Iterator[Finding]:
        """A sentence's own quotations: one that runs over sentences is a statement's, whose
        speaker the attribution of its first sentence names. Archive double apostrophes ('')
        are left out: in the NYT copy of PolNeAR dev they mark terms, scare quotes and
        quotations of documents, not unattributed speech."""
        text = analysis.text
        for start, end in quotations:
            if text.startswith(DOUBLED, start):
                continue
            words = text[start + 1 : end - 1].split()
            if not any(ch.isalpha() for ch in text[start:end]) or _is_title(words):
                continue
            if is_term(analysis, start, end) or _byline_follows(text, end):
                continue
            records = attributed(analysis, start, end)
            speakers = [r.speaker for r in records]
            if any(is_named(s) for s in speakers) or _paragraph_names_speaker(analysis, start):
                continue
            if any(on_record(analysis, r, body) for r in records):
                continue  # a spokesperson of a named body
            given = next((s for s in speakers if s is not None), None)
            if given is not None and given.kind == SourceKind.anonymous:
                continue  # an unnamed source: sourcing.anonymous reports it, once
            if given is None and (not report_unattributed or subject_speaks(analysis, start, end)):
                continue
            why = f"attributed only to {given.name}" if given else "no speaker is given"
            yield make_finding(
                analysis,
                self.id,
                self.severity if given else Severity.info,
                start,
                end,
                f"quoted words {text[start:end]} have no named speaker ({why})",
                suggestion="name who used these words, or paraphrase without quotation marks",
            )


def _byline_follows(text: str, end: int) -> bool:
    """ "'The Living Room to close,' by Times' Ben Sisario": the title of a linked article,
    whose author the byline names."""
    return bool(_BYLINE.match(text, end))


_BYLINE = re.compile(r"[,:]?\s*by\s+\S")


def _is_title(words: list[str]) -> bool:
    """A short quote in title case: the name of a show, a book, a song or a film (“13th”: a
    word that opens with a figure is written as in the title)."""
    letters = [w for w in words if w[:1].isalnum()]
    return 0 < len(letters) <= 6 and all(
        w[0].isupper() or w[0].isdigit() for w in letters if w.lower() not in MINOR_WORDS
    )


def _paragraph_names_speaker(analysis: Analysis, offset: int) -> bool:
    """A named speaker in the quote's paragraph, or in the one before when the paragraph opens
    with the quote (a quotation running on from "X said:")."""
    layout = analysis.layout
    start, end = layout.paragraph_at(offset)
    spans = [(start, end)]
    if not analysis.text[start:offset].strip():
        before = analysis.text[:start].rstrip()
        if before:
            spans.append(layout.paragraph_at(len(before) - 1))
    return any(is_named(r.speaker) for a, b in spans for r in attributed(analysis, a, b))
