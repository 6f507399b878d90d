from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.models import Finding, Quantity, Severity
from checker.rules.base import PythonRule
from checker.rules.sourcing.common import attributed, paragraph

COUNTED_KINDS = ("cardinal", "percent", "money")
SMALL_COUNT = 10  # "three children", "two weeks": counts a reader checks by eye, not figures
IDENTIFIER_DIGITS = 9  # "778257943577919488": a tweet id or a timestamp, not a figure


def is_figure(q: Quantity) -> bool:
    """A number whose origin an editor must know: a percentage, a sum, or a count of ten or
    more written as a number (not a bare string of digits such as an id)."""
    if q.kind not in COUNTED_KINDS:
        return False
    if q.kind != "cardinal":
        return True
    return q.value >= SMALL_COUNT and not (q.span.text.isdigit() and len(q.span.text) > IDENTIFIER_DIGITS)


class UnsourcedNumber(PythonRule):
    """A number stated with no source in its sentence or paragraph.

    What it checks:
        Sentences that state a count of ten or more, a percentage or a sum of money (not a year,
        a date, an ordinal, a small count such as "three children" or a string of digits such
        as a tweet id) while neither the sentence nor its paragraph attributes anything to anyone. A
        number already given earlier by a source (the same value, restated) is not flagged.

    Why it matters:
        Figures are what readers quote and what corrections are made of. A number with no
        source reads as the outlet's own finding; the editor must know who counted.

    Example:
        Tensions have soared in the past month over the concentration of more than 100,000
        Russian troops on the Ukrainian border.

    Suggested fix:
        Name the source of the figure ("..., according to U.S. intelligence estimates") or
        cut the number.
    """

    id = "sourcing.unsourced-number"
    severity = Severity.warning

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        by_id = {q.id: q for q in analysis.quantities}
        stated: set[float] = set()
        for claim in analysis.claims:
            numbers = [by_id[i] for i in claim.quantities if i in by_id and is_figure(by_id[i])]
            if claim.source_id:
                stated.update(q.value for q in numbers)
                continue
            para = paragraph(analysis.text, claim.span.start)
            fresh = [q for q in numbers if q.value not in stated]
            if not fresh or attributed(analysis, *para):
                stated.update(q.value for q in numbers)
                continue
            figures = ", ".join(f"“{q.span.text}”" for q in fresh)
            yield self.finding(
                analysis,
                claim.span.start,
                claim.span.end,
                f"{figures} stated with no source in the sentence or its paragraph",
                suggestion="say who gives the figure, e.g. “…, according to <source>”",
            )
