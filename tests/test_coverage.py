"""Coverage: each document counts its figures that took part in a checked relation, and each
claim lists the verdicts of the relations its figures take part in (text and JSON)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.formats.text import render_document
from checker.models import DocumentReport

SENTENCE = (  # reuters/reut2-003/reuters_1987-03-09_3211.txt, then a figure in no relation
    "Production of lead decreased to 33,619 short tons in February from 38,759 short tons in "
    "January. The plant employs 400 people."
)


def test_coverage_counts_figures_in_checked_relations(checker):
    doc = checker.check_text(SENTENCE)
    assert (doc.coverage.figures, doc.coverage.checked) == (3, 2)
    assert doc.claims[0].relations == ["K1 holds"] and doc.claims[1].relations == []
    assert "2 of 3 figures in a checked relation" in render_document(doc)
    again = DocumentReport.model_validate_json(doc.model_dump_json())
    assert again.coverage == doc.coverage and again.claims[0].relations == ["K1 holds"]


def test_a_broken_relation_shows_in_the_claim(checker):
    doc = checker.check_text(SENTENCE.replace("38,759", "28,759"))
    assert doc.claims[0].relations == ["K1 violated"]


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=5000), min_size=1, max_size=4))
def test_checked_never_exceeds_figures(checker, numbers):
    text = " ".join(f"Sales rose to {n:,} units from {n + 7:,} units." for n in numbers)
    doc = checker.check_text(text)
    assert 0 <= doc.coverage.checked <= doc.coverage.figures == len(doc.quantities)
    assert doc.coverage.checked == len({q for k in doc.constraints for q in k.quantities})
