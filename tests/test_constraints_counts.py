"""count_list: a count against the items listed for it, on real sentences (file named with each;
PolNeAR under ../shared/corpus/polnear, Reuters-21578 under ../shared/corpus/reuters); hits hold,
the same sentence with the count changed is an error, near misses give no constraint."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS, assert_quoted, constraints_of

KIND = "count_list"
SHARED = CORPUS.parent

HITS = [
    ("polnear/train/text/huff-post_2016-05-19_these-are-the-people-missing-in-.txt",
     "They had three children — Adam, Salma and Aliya.", "three", "four"),
    ("polnear/train/text/west-journal_2015-12-16_right-after-the-debate-trump-lau.txt",
     "They determined that, due to party rules, Bush would fall off the ballot in three states: South Carolina, Kentucky, and Utah.",
     "three", "two"),
    ("polnear/train/text/politico_2016-02-04_insiders-trump-will-rebound-in-n.txt",
     "“Any of the four mainstreamers — Bush, Christie, Rubio or Kasich — have a clear shot depending on which way the undeclared [voters] go.",
     "four", "three"),
    ("polnear/train/text/west-journal_2016-03-18_what-donald-trump-s-son-just-rec.txt",
     "The presidential candidate has five children: Donald Trump, Jr., 38; Ivanka, 34; Eric Trump, 32; Tiffany, 22; and Barron 9.",
     "five", "four"),
    ("reuters/reut2-006/reuters_1987-03-18_6560.txt",
     "The company said the unit - to be known as CNG Trading Co - will do business in six states: New York, Pennsylvania, Ohio, West Virgina, Louisiana and Texas.",
     "six states", "seven states"),
    ("reuters/reut2-005/reuters_1987-03-16_5474.txt",
     "Sutliff said improved results should come from four factors - higher prices, improved market share, reduced costs, and improved demand.",
     "four", "five"),
]  # fmt: skip

MISSES = [
    ("polnear/train/text/breitbart_2016-04-14_the-latest-trump-delivers-defens.txt",
     "Ryan recently led a congressional delegation to five countries, including Saudi Arabia, Israel, Jordan and Egypt."),
    ("polnear/train/text/huff-post_2016-06-16_obama-families-of-gun-violence-v.txt",
     "Wakes were under way for at least three victims: Kimberly Morris, Anthony Luis Laureano Disla and Roy Fernandez."),
    ("polnear/train/text/wash-post_2016-04-17_cruz-wins-most-wyo-delegates-in-.txt",
     "But two Cruz supporters - his Georgia chairman, Scott Johnson, and former congressman Robert Barr - won two of the three delegate slots."),
    ("reuters/reut2-004/reuters_1987-03-13_4967.txt",
     "Fauber said each K Mart costs five mln dlrs, including land, building, fixtures, equipment and inventory."),
    ("polnear/train/text/breitbart_2016-08-29_trump-plans-major-ad-buy-after-w.txt",
     "The campaign is expecting to air a new ad, which paints rival Hillary Clinton as a job-killer, as soon as Monday in nine states: Ohio, Pennsylvania, North Carolina and Florida, where the campaign has already been on the air, along with New Hampshire, Virginia, Iowa, Colorado and Nevada — all battleground states."),
    ("reuters/reut2-013/reuters_1987-04-07_13586.txt",
     "Tax Minister Isi Foighel told journalists the government will present a bill abolishing sales tax - generally 10 to 20 pct - on radios, record players, loudspeakers, video tapes, vacuum cleaners, microwave ovens and small household items."),
    ("reuters/reut2-000/reuters_1987-03-03_892.txt",
     "It appeared the government had agreed to demands by the five -- two officers and three privates -- for political asylum but there was no immediate announcement."),
    ("reuters/reut2-004/reuters_1987-03-13_4680.txt",
     "The accord stipulated that current rates reflect fundamentals of the six nations - Britain, Canada, France, Japan, the U.S."),
]  # fmt: skip


def _quoted(name: str, sentence: str) -> None:
    assert_quoted(SHARED / name, sentence)


def _counts(checker, text: str) -> list:
    return constraints_of(checker, text, KIND)


def _errors(checker, text: str) -> list:
    return [f for f in checker.check_text(text).findings if f.rule_id == "numbers.constraint"]


@pytest.mark.parametrize(("name", "sentence", "old", "new"), HITS)
def test_count_matches_its_list(checker, name, sentence, old, new):
    _quoted(name, sentence)
    found = _counts(checker, sentence)
    assert [k.verdict.value for k in found] == ["holds"]
    assert not _errors(checker, sentence)


@pytest.mark.parametrize(("name", "sentence", "old", "new"), HITS)
def test_changed_count_is_an_error(checker, name, sentence, old, new):
    broken = sentence.replace(old, new, 1)
    assert [k.verdict.value for k in _counts(checker, broken)] == ["violated"]
    (error,) = _errors(checker, broken)
    assert "named (" in error.message and "✗" in error.message


@pytest.mark.parametrize(("name", "sentence"), MISSES)
def test_partial_or_unclear_lists_are_not_counted(checker, name, sentence):
    _quoted(name, sentence)
    assert not _counts(checker, sentence)


def test_a_last_pair_joined_by_and_may_be_one_name(checker):
    text = "The bank lends in three countries: Jamaica, Barbados, Trinidad and Tobago."
    assert [k.verdict.value for k in _counts(checker, text)] == ["holds"]
    assert [k.verdict.value for k in _counts(checker, text.replace("three", "two"))] == ["violated"]


def test_a_count_of_a_part_is_not_the_list(checker):
    assert not _counts(checker, "Two of its nine board members - Ann Lee and Bo Park - quit.")


NAMES = ["Ames", "Baker", "Cole", "Diaz", "Evans", "Ford", "Grant", "Hale", "Irwin"]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 9), st.integers(2, 9))
def test_error_exactly_when_count_and_list_differ(checker, listed, said):
    names = NAMES[:listed]
    text = f"The {WORDS[said - 2]} finalists are {', '.join(names[:-1])}, and {names[-1]}."
    (found,) = _counts(checker, text)
    assert (found.verdict.value == "violated") == (listed != said)
