"""difference: a gap in points against the two shares bracketed after it, on real sentences
(PolNeAR train, ../shared/corpus/polnear/train/text, file named with each); hits hold, the same
sentence with one share moved is an error, near misses give no constraint."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.constraints.differences import ROUNDING
from tests.conftest import constraints_of
from tests.test_constraint_cues import _quoted

KIND = "difference"

HITS = [
    ("wash-post_2016-03-24_stop-trumpers-here-are-some-reas.txt",
     "Hillary Clinton beat the senator from Vermont by 18 points (58 percent to 40 percent) in the Grand Canyon State, and Donald Trump beat the senator from Texas by 22 points (47 to 25).",
     "(47 to 25)", "(47 to 35)"),
    ("wash-post_2016-03-24_stop-trumpers-here-are-some-reas.txt",
     "Hillary Clinton beat the senator from Vermont by 18 points (58 percent to 40 percent) in the Grand Canyon State, and Donald Trump beat the senator from Texas by 22 points (47 to 25).",
     "58 percent to", "48 percent to"),
    ("politico_2016-03-24_polls-suggest-kasich-has-best-ch.txt",
     "Approval of Cruz, while still a net negative 6 points (37 percent to 43 percent), has risen 8 points since October and 12 points since last June.",
     "43 percent", "47 percent"),
]  # fmt: skip

MISSES = [
    ("wash-post_2016-09-04_clinton-s-standing-among-latinos.txt",
     "According to the same poll, Clinton's favorability among Hispanics fell in August from 71 percent to 55 percent, a drop outside the sample's 10 percentage-point margin of error."),
    ("politico_2016-03-24_polls-suggest-kasich-has-best-ch.txt",
     "Whereas Clinton had a net negative rating of -11 points (40 percent positive to 51 percent negative) and Trump is far below at -30 points (30 percent to 60 percent), Kasich's favorability sits at +32 points (50 percent to 18 percent), though 32 percent said they had no opinion of him."),
]  # fmt: skip


def _found(checker, text: str) -> list:
    return constraints_of(checker, text, KIND)


@pytest.mark.parametrize(("name", "sentence", "old", "new"), HITS)
def test_gap_fits_its_two_sides(checker, name, sentence, old, new):
    _quoted(name, sentence)
    found = _found(checker, sentence)
    assert found and all(k.verdict.value == "holds" for k in found)


@pytest.mark.parametrize(("name", "sentence", "old", "new"), HITS)
def test_moved_side_is_an_error(checker, name, sentence, old, new):
    report = checker.check_text(sentence.replace(old, new, 1))
    assert [k.verdict.value for k in report.constraints if k.kind == KIND].count("violated") == 1
    errors = [f for f in report.findings if f.rule_id == "numbers.constraint"]
    assert len(errors) == 1 and "is a gap of" in errors[0].message


@pytest.mark.parametrize(("name", "sentence"), MISSES)
def test_other_points_are_not_the_gap(checker, name, sentence):
    _quoted(name, sentence)
    assert all(k.verdict.value != "violated" for k in _found(checker, sentence))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 30), st.integers(0, 100), st.integers(0, 100))
def test_error_exactly_when_the_gap_is_off(checker, gap, a, b):
    (found,) = _found(checker, f"Smith won by {gap} points ({a} to {b}) in the county.")
    assert (found.verdict.value == "violated") == (abs(abs(a - b) - gap) > ROUNDING)
