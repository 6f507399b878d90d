"""fraction_percent: a fraction word against the percentage that restates it, on real sentences
(PolNeAR train, ../shared/corpus/polnear/train/text, file named with each); hits hold, the same
sentence with the percentage moved past the fraction's room is an error, near misses give no
constraint."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.constraints.fractions import BELOW, LOOSE
from tests.conftest import constraints_of
from tests.test_constraint_cues import _quoted

KIND = "fraction_percent"

HITS = [
    ("politico_2016-05-26_poll-clinton-and-sanders-in-dead.txt",
     "Among likely GOP primary voters, about two-thirds, 67 percent, say they will vote for Trump.",
     "67 percent", "57 percent"),
    ("usa-today_2016-02-17_who-scares-americans-the-most-fi.txt",
     "A third of independents, 33%, say they feel that way.", "33%", "43%"),
    ("usa-today_2016-02-17_who-scares-americans-the-most-fi.txt",
     "Slightly more than a third of independents, 35%, agree.", "35%", "31%"),
    ("wash-post_2016-08-01_byline-amber-phillips.txt",
     "According to July's Washington Post/ABC News polling, more than half of Clinton's support (57 percent) comes from women, and almost half of her support (44 percent) comes from nonwhite voters.",
     "(44 percent)", "(54 percent)"),
]  # fmt: skip

MISSES = [
    ("breitbart_2016-05-24_in-two-front-war-clinton-targets.txt",
     "Sanders’ campaign launched a $1.5 million ad buy in California on Tuesday and announced it would seek a recanvass in last week’s Kentucky primary, where he trailed Clinton by less than one-half of 1 percent."),
    ("wash-post_2015-12-28_tug-of-war-in-central-asia.txt",
     "Trade between the two nations declined 40 percent in the first six months of this year, to $5.4 billion, just a quarter of 1 percent of China's global trade."),
    ("west-journal_2016-06-23_this-well-known-author-would-con.txt",
     "Best-selling thriller writer Brad Thor told TheBlaze founder Glenn Beck he would consider running as a third-party candidate if he could earn 15 percent of the vote in the polls."),
]  # fmt: skip


def _found(checker, text: str) -> list:
    return constraints_of(checker, text, KIND)


@pytest.mark.parametrize(("name", "sentence", "old", "new"), HITS)
def test_fraction_and_percentage_agree(checker, name, sentence, old, new):
    _quoted(name, sentence)
    found = _found(checker, sentence)
    assert found and all(k.verdict.value in ("holds", "undetermined") for k in found)


@pytest.mark.parametrize(("name", "sentence", "old", "new"), HITS)
def test_moved_percentage_is_an_error(checker, name, sentence, old, new):
    report = checker.check_text(sentence.replace(old, new, 1))
    assert any(k.kind == KIND and k.verdict.value == "violated" for k in report.constraints)
    errors = [f for f in report.findings if f.rule_id == "numbers.constraint"]
    assert len(errors) == 1 and "percent; " in errors[0].message


@pytest.mark.parametrize(("name", "sentence"), MISSES)
def test_fraction_of_another_figure_is_not_a_restatement(checker, name, sentence):
    _quoted(name, sentence)
    assert not _found(checker, sentence)


FRACTIONS = {"a third": 100 / 3, "a quarter": 25.0, "two-thirds": 200 / 3, "a fifth": 20.0}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(sorted(FRACTIONS)), st.integers(0, 100))
def test_error_exactly_outside_the_room(checker, words, pct):
    (found,) = _found(checker, f"Only {words} of voters, {pct} percent, agree.")
    inside = FRACTIONS[words] - LOOSE - 0.5 <= pct <= FRACTIONS[words] + LOOSE + 0.5
    assert (found.verdict.value == "violated") == (not inside)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 100))
def test_almost_half_is_held_to_its_side(checker, pct):
    (found,) = _found(checker, f"Almost half of voters, {pct} percent, agree.")
    inside = 49 - BELOW - 0.5 <= pct <= 50.5
    assert (found.verdict.value == "violated") == (not inside)
