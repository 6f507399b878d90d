from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.extract.quantities import noun_key
from checker.models import Finding, Quantity, Severity
from checker.rules.base import PythonRule
from checker.rules.sourcing.common import attributed
from checker.rules.sourcing.figures import FigureContext, is_figure, needs_source


class UnsourcedNumber(PythonRule):
    """A number stated with no source in its sentence or paragraph.

    ## What it checks
    Sentences that state a count of ten or more, a percentage or a sum of money (not a year,
    a date, an ordinal, a small count such as "three children" or a string of digits such as
    a tweet id) while neither the sentence nor its paragraph attributes anything to anyone.
    A number already given earlier by a source (the same value, restated) is not flagged,
    and a count (value and counted noun) is flagged once per article. Not figures to source:
    durations and ages ("for 30 years", "77 minutes", "29 years old"), numbers in a name
    ("Boeing 757", "Billboard Hot 100"), addresses, phone numbers and ranks ("1600
    Pennsylvania Avenue", "ranked 15"), list markers and ranks in lines with no verb ("10.",
    "Mike Huckabee (10.)"), numbers inside quotation marks (the speaker is their source; an
    unattributed quotation is sourcing.quote-without-speaker's) or in the questions and answers of a Q&A
    interview, the headline, and figures the sentence reads from a poll or report it names
    ("The poll surveyed 2,000 people") or percentages after the article names a poll or a
    survey.

    ## Why it matters
    Figures are what readers quote and what corrections are made of. A number with no
    source reads as the outlet's own finding; the editor must know who counted.

    ## Example
    Tensions have soared in the past month over the concentration of more than 100,000
    Russian troops on the Ukrainian border.

    ## Suggested fix
    Name the source of the figure ("..., according to U.S. intelligence estimates") or
    cut the number.
    """

    id = "sourcing.unsourced-number"
    severity = Severity.warning
    requires = ("quantities", "claims", "attributions", "sources", "spoken")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        by_id = {q.id: q for q in analysis.quantities}
        context = FigureContext(analysis)
        stated: set[float] = set()  # values a source gave
        flagged: set[tuple[float, str]] = set()  # a figure is reported once per article
        for claim in analysis.claims:
            numbers = [by_id[i] for i in claim.quantities if i in by_id and is_figure(by_id[i])]
            if claim.source_id:
                stated.update(q.value for q in numbers)
                continue
            sent = analysis.sentence_at(claim.span.start)
            fresh = [
                q
                for q in numbers
                if q.value not in stated
                and _key(q) not in flagged
                and needs_source(context, sent, q)
            ]
            if not fresh:
                continue
            if attributed(analysis, *analysis.layout.paragraph_at(claim.span.start), reported=True):
                stated.update(q.value for q in numbers)
                continue
            flagged.update(_key(q) for q in fresh)
            figures = ", ".join(f"“{q.span.text}”" for q in fresh)
            yield self.finding(
                analysis,
                claim.span.start,
                claim.span.end,
                f"{figures} stated with no source in the sentence or its paragraph",
                suggestion="say who gives the figure, e.g. “…, according to <source>”",
            )


def _key(q: Quantity) -> tuple[float, str]:
    """The same figure: "2,383 delegates" twice; "100 degrees" and "100 people" are two, and so
    are two sums of "$10 million" (with no counted noun a value alone says too little)."""
    return q.value, noun_key(q.noun) or q.id
