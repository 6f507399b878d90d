"""Partitions list every part, and correct newsroom copy raises no constraint error.

A QA pass found "Of the 100 senators, 51 are Republicans, the remaining 47 are Democrats, and two
are independents." reported as 51 + 47 ≠ 100: the parts after "the remaining" were ignored. The
sentences here are written for the test (newsroom style, no corpus source); the real-sentence
cases are in tests/test_constraint_cues.py and tests/cases/numbers.constraint.yaml.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SENATE = "Of the 100 senators, 51 are Republicans, the remaining 47 are Democrats"

# (sentence, kind, verdict, figures in constraint order)
PARTITIONS = [
    (f"{SENATE}, and two are independents.", "sum", "holds", ("100", "51", "47", "two")),
    (f"{SENATE} and 2 are independents.", "sum", "holds", ("100", "51", "47", "2")),
    (f"{SENATE}, while another two are independents.", "sum", "holds", ("100", "51", "47", "two")),
    (
        f"{SENATE}, while another 2 caucus with neither party.",
        "sum",
        "holds",
        ("100", "51", "47", "2"),
    ),
    (f"{SENATE}, plus two independents.", "sum", "holds", ("100", "51", "47", "two")),
    (f"{SENATE}, and the last two are independents.", "sum", "holds", ("100", "51", "47", "two")),
    (
        f"{SENATE}, with another two independents who caucus with them.",
        "sum",
        "holds",
        ("100", "51", "47", "two"),
    ),
    (
        "Of the 100 senators, 51 are Republicans, two are independents and the remaining 47 are Democrats.",
        "sum",
        "holds",
        ("100", "51", "two", "47"),
    ),
    (
        "Of the 500 homes, 300 were destroyed, the other 150 were damaged, and another 50 were untouched.",
        "sum",
        "holds",
        ("500", "300", "150", "50"),
    ),
    # parts named without a figure: whether all were counted is unclear, so only a subset
    (f"{SENATE}, and some are independents.", "subset", "holds", ("100", "51", "47")),
    # "two of the nine" counts within a part, it is not a fourth part
    (
        "Of the 9 justices, five were appointed by Republicans, the remaining four by Democrats, and two of the nine are women.",
        "sum",
        "holds",
        ("9", "five", "four"),
    ),
    (
        f"{SENATE.replace('47', '49')}, and 12 of them are women.",
        "sum",
        "holds",
        ("100", "51", "49"),
    ),
    # a figure after the remainder may count within it: the sum holds without it
    (
        "Of the 14 cases, four were dismissed, the remaining 10 went to trial in 2018 and 2019, and six ended in convictions.",
        "sum",
        "holds",
        ("14", "four", "10", "six"),
    ),
    # "another" lists further parts too
    (
        "The city counted 1,200 homeless residents. Of those, 700 were in shelters and another 400 were on the street, while about 100 could not be located.",
        "sum",
        "holds",
        ("1,200", "700", "400", "100"),
    ),
    # a part stated as a range is not a plain addition
    (
        "Of the 120 lawmakers, between 30 and 40 are expected to vote no, while the remaining 80 to 90 will back the bill.",
        "subset",
        "holds",
        ("120", "30", "40", "80"),
    ),
]

# Wrong copy still fires, naming the sum.
WRONG = [
    (
        f"{SENATE.replace('47', '48')}, and two are independents.",
        "51 + 48 + two = 101 (or 99 without two), not 100",
    ),
    (
        f"{SENATE.replace('47', '48')}, while another two are independents.",
        "51 + 48 + two = 101 (or 99 without two), not 100",
    ),
    (f"{SENATE.replace('47', '48')}, plus two independents.", "= 101 (or 99 without two), not 100"),
    (
        f"{SENATE.replace('47', '45')}, and two are independents.",
        "51 + 45 + two = 98 (or 96 without",
    ),
    (
        "Of the 100 senators, 51 are Republicans, two are independents and the remaining 48 are Democrats.",
        "51 + two + 48 = 101, not 100",
    ),
    (
        "The city counted 1,200 homeless residents. Of those, 700 were in shelters and another 400 were on the street, while about 200 could not be located.",
        "700 + 400 + approx. 200 (180-220) = 1,280-1,320 (or 1,100 without",
    ),
]

# Tricky but correct: rounding, ratios, ranges, "nearly doubled", ages and years next to counts,
# "the remaining" of another noun, figures after the enumeration. None may raise an error.
CORRECT = [
    "In the poll, 48% backed Clinton, 47% backed Trump and 4% were undecided, a total of 99% because of rounding.",
    "Clinton leads with 48 percent, Trump has 47 percent and 4 percent are undecided, for a combined 99 percent.",
    "More than half of the 50 states have passed similar laws, and 27 of them did so since 2010.",
    "One in five of the 2,000 respondents, or about 400 people, said they had not decided.",
    "Of the 2,000 respondents, about 20 percent, or 400, said they had not decided.",
    "Of the 120 lawmakers, 30 are expected to vote no, while the remaining 80 to 90 will back the bill.",
    "The number of applications nearly doubled, from 1,200 in 2014 to 2,300 in 2016.",
    "The 64-year-old senator, first elected in 1992, won 58 of the 99 counties.",
    "Of the 1,200 workers, 800 were laid off in 2019, the remaining 400 in 2020, and the plant closed in 2021 after 35 years.",
    "Of the 40 passengers, 31 were rescued, the remaining nine, including a 7-year-old boy, are missing.",
    "Of the 300 students, 120 are from Texas, the remaining 180 come from 22 other states and 14 countries.",
    "Of the 30 employees, 12 were laid off in March, the remaining staff kept their jobs, and 2 were hired in 2015.",
    "Of the 435 House seats, 241 are held by Republicans, and the remaining members of the delegation, 12 in all, are Democrats.",
    "Of the 50 states, 24 have Republican governors, the remaining 26 have Democrats, and 12 governors face election in 2026.",
    "Of the 50 states, more than half have passed similar laws, while the remaining 20 or so are still debating them.",
    "Of the 2,000 troops, 1,700 will go to Poland; of the remaining 300, 200 will go to Germany and the remaining 100 to Romania.",
    "Of the 2,000 troops from Fort Bragg, approximately 1,700 will be deployed to Poland, while the remaining 300 will go to Germany, and 5,000 troops will stay home.",
    "Of the 700 delegates, about 300 are pledged to Smith, and the remaining 390 or so are uncommitted.",
    "Of the 10 candidates, six were men, the remaining four women, aged 34 to 61.",
    "Of the 12 jurors, seven are women, the other five men, and three of the 12 are over 65.",
    "Unemployment fell from 5.1 percent to 4.9 percent, down 0.2 percentage points, while 150,000 jobs were added.",
    "Of the 1,000 voters surveyed, 52% backed the measure, the remaining 48% opposed it.",
    "About 3,000 troops will go to Poland and another 2,000 to Romania, roughly 5,000 in all.",
    "The agency has 1,000 inspectors. About 600 work in the field and another 350 in offices, with the rest on leave.",
    "The bill passed 68 to 32, with 14 Republicans joining all 54 Democrats.",
    "The 52-year-old mother of three, who has lived in the city for 20 years, is one of 12 candidates.",
    "He won 1,749 delegates, including 469 superdelegates, and needs 2,383 to clinch, or 634 more.",
    "Of the 2,000 tickets, 1,500 were sold in the first hour and the remaining 500 within a day, the team said. About 300 fans were turned away.",
    "The 9 justices heard 60 cases this term and ruled unanimously in 25 of them, or 42 percent.",
    "The death toll rose to 49 on Sunday, up from 20 on Saturday, officials said.",
    "Prices nearly doubled, from $2.10 a gallon to $3.99.",
    "Of the 12 victims, aged 19 to 64, eight were men and the remaining four were women.",
    "Of the three suspects, John Doe, 19, and Jane Roe, 22, were charged, and the remaining one was released.",
    "The two men, ages 19 and 22, were among 35 people arrested, and 12 of the 35 were minors.",
    "Of the 500 workers, 300 will keep their jobs, the remaining 200 will be offered buyouts of $50,000, and 40 have already accepted.",
    "Of the 2,000 troops, 1,700 will go to Poland, and the remaining 300, plus 50 civilians, to Germany.",
]


def _errors(report):
    return [f for f in report.findings if f.rule_id == "numbers.constraint"]


@pytest.mark.parametrize(("sentence", "kind", "verdict", "figures"), PARTITIONS)
def test_partition_lists_every_part(checker, sentence, kind, verdict, figures):
    report = checker.check_text(sentence)
    qs = {q.id: q.span.text for q in report.quantities}
    got = [
        (k.kind, k.verdict.value, tuple(qs[i] for i in k.quantities)) for k in report.constraints
    ]
    assert (kind, verdict, figures) in got
    assert not _errors(report), [f.message for f in _errors(report)]


@pytest.mark.parametrize(("sentence", "says"), WRONG)
def test_wrong_partition_still_fires(checker, sentence, says):
    errors = _errors(checker.check_text(sentence))
    assert len(errors) == 1 and says in errors[0].message, [f.message for f in errors]


@pytest.mark.parametrize("sentence", CORRECT)
def test_correct_copy_raises_no_error(checker, sentence):
    report = checker.check_text(sentence)
    assert not _errors(report), [k.explanation for k in report.constraints]


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    a=st.integers(1, 400),
    b=st.integers(1, 400),
    c=st.integers(1, 400),
    slip=st.sampled_from([0, 0, 1, -1, 10]),
    joint=st.sampled_from([", and", ", while another", ", plus", " and"]),
)
def test_three_part_partition_is_exact_arithmetic(checker, a, b, c, slip, joint):
    total = a + b + c + slip
    noun = " independents" if joint == ", plus" else " are independents"
    sentence = (
        f"Of the {total:,} senators, {a:,} are Republicans, the remaining {b:,} are Democrats"
        f"{joint} {c:,}{noun}."
    )
    fired = bool(_errors(checker.check_text(sentence)))
    optional_fits = total == a + b  # a figure after the remainder may count within a part
    assert fired == (slip != 0 and not optional_fits)
