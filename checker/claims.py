"""Claims: the sentence-level assertions of a document, with the quantities they state."""

from __future__ import annotations

from bisect import bisect_left

from checker.analysis import Analysis
from checker.models import Claim
from checker.pipeline import stage

ASSERTING_POS = {"VERB", "AUX"}


def is_assertion(sentence) -> bool:
    """A sentence that asserts something: it has a verb and at least three words."""
    words = [t for t in sentence.span if not t.is_punct and not t.is_space]
    return len(words) >= 3 and any(t.pos_ in ASSERTING_POS for t in words)


@stage(requires=("sentences", "quantities"), assigns=("claims",))
def build(analysis: Analysis) -> None:
    """Every asserting sentence (or one that states a number) becomes a claim."""
    claims: list[Claim] = []
    quantities = sorted(analysis.quantities, key=lambda q: q.span.start)
    starts = [q.span.start for q in quantities]
    for sent in analysis.sentences:
        first, stop = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
        inside = [q.id for q in quantities[first:stop]]  # bisect: linear on huge documents
        if not inside and not is_assertion(sent):
            continue
        start, end = trim(analysis.text, sent.start, sent.end)
        claims.append(
            Claim(
                id=f"C{len(claims) + 1}",
                span=analysis.document.span(start, end),
                quantities=inside,
                row=analysis.layout.row_at(start),  # a table row is a claim of its own
            )
        )
    analysis.claims = claims


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without white space at either edge."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
