"""conversion: two currency conversions in one sentence against each other, on real sentences
(Reuters-21578, ../shared/corpus/reuters, file named with each); hits hold, the same sentence
with one converted figure moved past `SPREAD` is an error, near misses give no constraint."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.constraints.conversions import SPREAD
from tests.conftest import constraints_of
from tests.test_constraints_counts import _quoted

KIND = "conversion"
STABEX = "reuters/reut2-008/reuters_1987-03-23_8437.txt"

HITS = [
    (STABEX,
     "The Ivory Coast received 108 mln ECUs (123 mln dlrs) and Ghana received 91 mln ECUs (104 mln dlrs) mostly to make up for a drop in coffee and cocoa export earnings.",
     "(104 mln", "(134 mln", 1),
    (STABEX,
     "The EC provided about 1.06 billion ECUs (1.21 billion dlrs) in STABEX aid from 1975 to 1984, including 273 mln ECUs (311 mln dlrs) for losses in peanut exports, 261 mln ECUs (298 mln dlrs) for coffee and 150 mln ECUs (171 mln dlrs) for cocoa.",
     "(298 mln", "(228 mln", 3),
]  # fmt: skip

MISSES = [
    ("reuters/reut2-005/reuters_1987-03-13_5134.txt",
     "The export registration price, or reintegro, was lowered to 1.10 dlr per lb ex-dock new york, or 155.83 dlrs per bag of 70 kilos, from 1.35 dlrs (194.33 dlrs)."),
    ("reuters/reut2-011/reuters_1987-04-01_11882.txt",
     "This gave Kenya an overall balance of payments surplus of 780 mln Kenya shillings (48 mln dlrs) during the period, compared with a 1.4 billion shilling (87 mln dlr) deficit in the second half of 1985, it said."),
    ("reuters/reut2-004/reuters_1987-03-11_4031.txt",
     "Channon said there had been substantial growth in the volume of trade between Japan and Britain, amounting to 6.2 billion sterling (9.8 billion dlrs) last year."),
]  # fmt: skip


def _found(checker, text: str) -> list:
    return constraints_of(checker, text, KIND)


@pytest.mark.parametrize(("name", "sentence", "old", "new", "n"), HITS)
def test_conversions_share_a_rate(checker, name, sentence, old, new, n):
    _quoted(name, sentence)
    assert [k.verdict.value for k in _found(checker, sentence)] == ["holds"] * n


@pytest.mark.parametrize(("name", "sentence", "old", "new", "n"), HITS)
def test_moved_conversion_is_an_error(checker, name, sentence, old, new, n):
    report = checker.check_text(sentence.replace(old, new, 1))
    verdicts = [k.verdict.value for k in report.constraints if k.kind == KIND]
    assert verdicts.count("violated") == 1
    errors = [f for f in report.findings if f.rule_id == "numbers.constraint"]
    assert len(errors) == 1 and "% off, more than" in errors[0].message


@pytest.mark.parametrize(("name", "sentence"), MISSES)
def test_other_brackets_are_not_compared(checker, name, sentence):
    _quoted(name, sentence)
    assert not _found(checker, sentence)


@settings(max_examples=30, deadline=None)
@given(st.integers(50, 200))
def test_error_exactly_past_the_spread(checker, converted):
    """An error exactly when no values the rounded figures allow ("50 mln dlrs" is 49.5-50.5
    mln) bring the second rate within the spread of the first."""
    text = f"It paid 100 mln marks (50 mln dlrs) and 200 mln marks ({converted} mln dlrs) in all."
    report = checker.check_text(text)
    (found,) = [k for k in report.constraints if k.kind == KIND]
    a1, b1, a2, b2 = ({q.id: q for q in report.quantities}[i] for i in found.quantities)
    low = b2.low * a1.low / (b1.high * a2.high)  # smallest ratio of the second rate to the first
    high = b2.high * a1.high / (b1.low * a2.low)
    apart = low > 1 + SPREAD or high < 1 / (1 + SPREAD)
    assert (found.verdict.value == "violated") == apart
