"""conversion: two currency conversions in one sentence against each other, on real sentences
(Reuters-21578, ../shared/corpus/reuters, file named with each); hits hold, the same sentence
with one converted figure moved past `SPREAD` is an error, near misses give no constraint."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.constraints.conversions import LIKELY_SPREAD, SPREAD
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


JAPAN = "reuters/reut2-004/reuters_1987-03-11_4031.txt"
TRADE = (
    "Channon said there had been substantial growth in the volume of trade between Japan and Britain, amounting to 6.2 billion sterling (9.8 billion dlrs) last year.",
    'But he added: "Regrettably too much of it was in one direction, with the Japanese selling us 3.7 billion sterling (5.8 billion dlrs) more than we sold them."',
)  # fmt: skip
IVORY = "reuters/reut2-001/reuters_1987-03-04_1889.txt"
CFA = (
    "Bra Kanon estimated at at least 535 billion CFA francs (1.76 billion dlrs) the overall loss in revenues earned by Ivory Coast from all its commodities exports this year if the slide on the world markets continues.",
    "The Agriculture Minister also announced the government decided to earmark a sum of 7.5 billion CFA francs (24.71 mln dlrs) to support the country's small farmers.",
)  # fmt: skip


@pytest.mark.parametrize(
    ("name", "sentences", "old", "new"),
    [(JAPAN, TRADE, "(5.8 billion", "(7.8 billion"), (IVORY, CFA, "(24.71 mln", "(34.71 mln")],
)
def test_the_articles_rate_in_another_sentence_is_a_warning(checker, name, sentences, old, new):
    """A conversion in a later sentence is held to the article's first rate between the same
    currencies, within LIKELY_SPREAD; past it, a warning (the rate may be another date's)."""
    for sentence in sentences:
        _quoted(name, sentence)
    text = "\n\n".join(sentences)
    # "at least 535 billion CFA francs": open-ended, so the rate fits but is not pinned
    assert [k.verdict.value for k in _found(checker, text)] in (["holds"], ["undetermined"])
    report = checker.check_text(text.replace(old, new, 1))
    assert [k.verdict.value for k in report.constraints if k.kind == KIND] == ["violated"]
    (finding,) = [f for f in report.findings if f.rule_id == "numbers.constraint"]
    assert finding.severity.value == "warning" and finding.message.startswith("figures may not")
    assert f"more than {LIKELY_SPREAD:.0%}" in finding.message


def test_a_later_sentence_set_against_the_past_is_not_held_to_the_rate(checker):
    text = f"{TRADE[0]}\n\nIt sold 3.7 billion sterling (7.8 billion dlrs) in 1985, he said."
    assert not [k for k in _found(checker, text) if "3.7 billion" in k.cue]
