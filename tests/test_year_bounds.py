"""Bounds on an undated article's year from its comparisons of a relative year with a stated
one (checker.year_bounds), and the year or the span of years they give with the people it names."""

from __future__ import annotations

from datetime import date

import pytest

from checker import Checker, Config
from checker.dating import infer_article_date, infer_year_span
from checker.office_terms import Term
from checker.year_bounds import year_bounds
from tests.conftest import ROOT, assert_quoted

REUTERS = ROOT.parent / "shared" / "corpus" / "reuters"
LATER = (
    "reut2-005/reuters_1987-03-17_5827.txt",
    (
        "The report said Zambian copper production fell to 463,000 tonnes last year from "
        "526,000 in 1985."
    ),
)
EARLIER = (
    "reut2-004/reuters_1987-03-13_4769.txt",
    (
        "He said the closure will mean a drop in production of 3,000 tonnes in 1987 from last "
        "year's output of 17,800 tonnes."
    ),
)
REAGAN = Term(
    "President Reagan", "Ronald Reagan", ((date(1981, 1, 20), date(1989, 1, 20)),), "president"
)


@pytest.mark.parametrize(("source", "low", "high"), [(LATER, 1987, None), (EARLIER, None, 1987)])
def test_a_relative_year_compared_with_a_stated_one_bounds_the_year(source, low, high):
    path, sentence = source
    assert_quoted(REUTERS / path, sentence)
    [bound] = year_bounds(sentence)
    assert (bound.low, bound.high) == (low, high)


@pytest.mark.parametrize(
    ("path", "sentence"),
    [  # another clause between the two; months compared; a day of a year, not the year
        (
            "reut2-013/reuters_1987-04-07_13712.txt",
            (
                "second only to 1.7 billion dlrs in the fourth quarter of 1980 and up 47 pct from last "
                "year's first quarter."
            ),
        ),
        (
            "reut2-004/reuters_1987-03-13_4641.txt",
            "The wholesale price index, base 1963, stood at 168.5 in February from 176.1 last year.",
        ),
        (
            "reut2-003/reuters_1987-03-09_3432.txt",
            (
                "an implementation rate of no more than two pct from September this year and a further "
                "two pct from July 1988, he said."
            ),
        ),
    ],
)
def test_no_bound_without_a_comparison_of_the_two_years(path, sentence):
    assert_quoted(REUTERS / path, sentence)
    assert year_bounds(sentence) == []


def test_two_comparisons_pin_the_year():
    bounds = year_bounds(f"{LATER[1]} {EARLIER[1]}")
    found = infer_article_date([], 2026, [1985, 1987], (), bounds)
    assert found is not None and found.year == 1987
    assert "own years fit it" in found.reason and not found.conflicts


def test_one_comparison_and_a_long_term_give_a_span_not_a_year():
    bounds = year_bounds(LATER[1])
    assert infer_article_date([], 2026, [1985], [REAGAN], bounds) is None
    span = infer_year_span([REAGAN], bounds, 2026)
    assert span is not None and (span.low, span.high) == (1987, 1989)
    assert (span.start, span.end) == (date(1987, 1, 1), date(1989, 1, 20))  # his last day
    assert "President Reagan" in span.reason and "1987 or later" in span.reason
    alone = infer_year_span([REAGAN], [], 2026)
    assert alone is not None and (alone.low, alone.high) == (1981, 1989)


def test_undated_article_reports_its_span():
    dated_checker = Checker(Config(select=["date"], reference_year=2026))
    text = f"President Reagan said on Tuesday the report was wrong. {LATER[1]}"
    report = dated_checker.check_text(text)
    assert report.date is None
    assert report.date_origin and report.date_origin.startswith("inferred range 1987-1989")


KERRY = Term(
    "Secretary of State John Kerry",
    "John Kerry",
    ((date(2013, 2, 1), date(2017, 1, 20)),),
    "secretary of state",
)


def test_evidence_in_runs_of_years_apart_is_a_conflict_not_a_span():
    span = infer_year_span([REAGAN, KERRY], [], 2026)
    assert span is not None and span.conflict
    assert "President Reagan" in span.reason and "2013-2017" in span.reason
    assert "no year fits them all" in span.reason
    assert not infer_year_span([REAGAN], [], 2026).conflict  # one run: a span to use
