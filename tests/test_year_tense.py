"""A year told in the past tense bounds an undated article's year from below
(checker.year_tense); a year under a future, modal or infinitive verb, a planned time or a noun
phrase does not."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import Checker, Config
from checker.dating import infer_article_date
from checker.layout import Layout
from checker.nlp import parse_alone
from checker.office_terms import Term
from checker.year_tense import past_bounds
from tests.conftest import ROOT, assert_quoted

REUTERS = ROOT.parent / "shared" / "corpus" / "reuters"


def bounds_of(sentence: str) -> list[tuple[int | None, int | None, str]]:
    layout = Layout(sentence, parse_alone(sentence))
    return [(b.low, b.high, b.text) for b in past_bounds(layout, sentence)]


STARTED = (
    "reut2-005/reuters_1987-03-16_5759.txt",
    (
        "Miguel Urrutia, a senior official of the Inter-American Development Bank, for instance, "
        "said IADB lending had actually declined in 1986 and had started slowly in 1987."
    ),
)


@pytest.mark.parametrize(
    ("path", "sentence", "low", "shown"),
    [
        (
            "reut2-000/reuters_1987-03-02_314.txt",
            (
                "Gold output in the northeast China province of Heilongjiang rose 22.7 pct in 1986 "
                "from 1985's level, the New China News Agency said."
            ),
            1986,  # "1985's level" is a noun phrase: the past-tense year is 1986
            "Gold output in the northeast China province of Heilongjiang rose 22.7 pct in 1986",
        ),
        (*STARTED, 1987, "started slowly in 1987"),  # one bound a sentence: its latest year
        (
            "reut2-005/reuters_1987-03-16_5512.txt",
            (
                "The co-operative organization, which was founded in 1900, said it accounts for 38 "
                "pct of Quebec consumer loans"
            ),
            1900,
            "which was founded in 1900",
        ),
    ],
)
def test_a_year_told_in_the_past_is_a_lower_bound(path, sentence, low, shown):
    assert_quoted(REUTERS / path, sentence)
    assert bounds_of(sentence) == [(low, None, shown)]


@pytest.mark.parametrize(
    ("path", "sentence"),
    [  # infinitive, "due to be", modal, future, a planned time, "until", a noun phrase
        (
            "reut2-000/reuters_1987-03-02_274.txt",
            (
                "The Indonesian government said crude palm oil (CPO) output is expected to rise to "
                "1.56 mln tonnes in 1987 and 2.11 mln in 1988."
            ),
        ),
        (
            "reut2-005/reuters_1987-03-16_5235.txt",
            (
                "Ongpin said steps planned to provide a sound revenue base included a value added "
                "tax (VAT) system due to be introduced in 1988."
            ),
        ),
        (
            "reut2-008/reuters_1987-03-23_8173.txt",
            (
                "In annual average terms inflation would fall to two pct in 1988 from 2.5 pct this "
                "year and 2.7 pct last year, it said."
            ),
        ),
        (
            "reut2-002/reuters_1987-03-06_2916.txt",
            (
                "Healthcare Services Of America Inc said it will write off about 16 mln dlrs in "
                "non-recurring expenses in 1986."
            ),
        ),
        (
            "reut2-006/reuters_1987-03-18_6726.txt",
            (
                "The company said the 690,000 kilowatt unit was only about one pct complete and was "
                "scheduled for commercial service in 1992."
            ),
        ),
        (
            "reut2-009/reuters_1987-03-25_9155.txt",
            (
                "It said the existing five-year agreement, due to expire this July 24, was extended "
                "until the end of 1988 to allow for additional geological and geophysical studies."
            ),
        ),
        (
            "reut2-004/reuters_1987-03-12_4067.txt",
            (
                "Other results released so far show <Saudi American Bank> (SAMBA) reporting a 53.8 "
                "pct fall in 1986 net profit to 80.7 mln riyals."
            ),
        ),
    ],
)
def test_no_bound_from_a_year_not_told_in_the_past(path, sentence):
    assert_quoted(REUTERS / path, sentence)
    assert bounds_of(sentence) == []


BALDRIGE = Term(
    "Commerce Secretary Malcolm Baldrige",
    "Mac Baldrige",
    ((date(1981, 1, 20), date(1987, 7, 25)),),
    "secretary of commerce",
)


def test_a_past_tense_year_and_a_term_ending_that_year_pin_it():
    layout = Layout(STARTED[1], parse_alone(STARTED[1]))
    bounds = past_bounds(layout, STARTED[1])
    found = infer_article_date([], 2026, [1986, 1987], [BALDRIGE], bounds)
    assert found is not None and found.year == 1987 and not found.conflicts
    assert '"started slowly in 1987" (1987 or later)' in found.reason
    assert infer_article_date([], 2026, [1986, 1987], [BALDRIGE], []) is None  # 1981-87 alone


def test_the_dates_stage_reads_the_tense_only_beside_the_people():
    checker = Checker(Config(select=["date"], reference_year=2026))
    alone = checker.check_text(STARTED[1])
    assert alone.date is None and alone.date_origin is None
    report = checker.check_text(
        f"President Reagan said on Tuesday the report was wrong. {STARTED[1]}"
    )
    assert report.date_origin and report.date_origin.startswith("inferred range 1987-1989")
    assert '"started slowly in 1987" (1987 or later)' in report.date_origin


SUBJECTS = ["Sales", "Exports", "Net profit", "Output", "Gold output"]
VERBS = ["rose", "fell", "declined", "grew", "dropped"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    subject=st.sampled_from(SUBJECTS),
    verb=st.sampled_from(VERBS),
    pct=st.integers(1, 60),
    told=st.integers(1950, 2020),
    ahead=st.integers(0, 5),
    later=st.integers(1, 5),
)
def test_a_bound_never_excludes_the_article_year(subject, verb, pct, told, ahead, later):
    """Copy from a known year: a past-tense year up to it and a future one after it. Every
    bound fits the article's year, and the future year gives none."""
    article = told + ahead
    text = (
        f"{subject} {verb} {pct} pct in {told}, the company said. "
        f"It said {subject.lower()} will rise again in {article + later}."
    )
    layout = Layout(text, parse_alone(text))
    bounds = past_bounds(layout, text)
    assert [b.low for b in bounds] == [told]
    assert all(b.fits(article) for b in bounds)
