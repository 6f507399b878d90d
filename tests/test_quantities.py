"""The quantity extractor: values, intervals, counted nouns, attributes and what is left out."""

from __future__ import annotations

import pytest

from checker.extract.numerals import find_numerals, rounding_unit, words_value
from checker.extract.quantities import UNBOUNDED


def quantities(checker, text):
    return checker.check_text(text).quantities


@pytest.mark.parametrize(
    ("text", "figure", "value", "kind"),
    [
        ("The fund raised 3,000 dollars.", "3,000 dollars", 3000, "money"),  # the word is money
        ("Officials counted three thousand ballots.", "three thousand", 3000, "cardinal"),
        ("A dozen senators objected.", "A dozen", 12, "cardinal"),
        ("The plan costs $1.2 million.", "$1.2 million", 1.2e6, "money"),
        ("Two-thirds of voters agreed.", "Two-thirds", 2 / 3, "fraction"),
        ("Turnout was 45% in the county.", "45%", 45, "percent"),
        ("Turnout was 45 percent in the county.", "45 percent", 45, "percent"),
        ("The bill adds $3 billion in aid.", "$3 billion", 3e9, "money"),
        ("They hired twenty-five aides.", "twenty-five", 25, "cardinal"),
    ],
)
def test_values(checker, text, figure, value, kind):
    (q,) = quantities(checker, text)
    assert (q.span.text, q.kind) == (figure, kind)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon said Wednesday (Feb. 2) that the talks ended.",
        "He served in the 82nd Airborne Division and the 18th Airborne Corps.",
        "The law was passed in 2016 after a long debate.",
        "The meeting starts at 10:30 a.m. on the dot.",
        "Members invoked Article 5 of the treaty.",
        # a wire grade in lower case, as reuters/reut2-010/reuters_1987-03-27_10519.txt writes it
        "Cargill bought number two SRW wheat.",
        "The 42-year-old senator spoke first.",
        "One of the aides left; no one else did.",
        "The victims, aged 19 to 64, were identified.",
        "The suspects are ages 19 and 22.",
        "He was charged at age 17.",
        "The victims were Maria Lopez, 34, of Orlando, and Tom Green, 41.",
    ],
)
def test_not_counts(checker, text):
    assert quantities(checker, text) == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Approximately 1,700 troops will go.", 1650, 1750),
        ("More than 100,000 troops gathered.", 100000, UNBOUNDED),
        ("At least 10 people died.", 10, UNBOUNDED),
        ("Up to 500 workers may lose jobs.", 0, 500),
        ("Nearly 1,500 people came.", 1450, 1500),
        ("Some 300 protesters came.", 270, 330),
        ("About 47 percent approve.", 46.06, 47.94),
        ("Exactly 1,700 troops will go.", 1700, 1700),
        ("Turnout was 45% in the county.", 44.5, 45.5),
        ("The plan costs $1.2 million.", 1.15e6, 1.25e6),
    ],
)
def test_intervals(checker, text, low, high):
    (q,) = quantities(checker, text)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


def test_counted_nouns_and_elision(checker, seed_text):
    qs = quantities(checker, seed_text)
    by_text = {(q.span.text, q.span.line): q for q in qs}
    assert by_text[("3,000", 1)].noun == "troops" and not by_text[("3,000", 1)].elided
    another = by_text[("2,000", 3)]
    assert (another.noun, another.elided) == ("troops", True)
    assert by_text[("300", 7)].noun == "troops"
    assert [q.span.text for q in qs] == [
        "3,000", "1,000", "2,000", "2,000", "1,700", "300", "1,000", "8,500", "100,000"
    ]  # fmt: skip


def test_attributes(checker, seed_text):
    qs = {(q.span.text, q.span.line): q for q in quantities(checker, seed_text)}
    assert qs[("1,000", 3)].attributes == {
        "group": "U.S.",
        "origin": "Germany",
        "destination": "Romania",
    }
    assert qs[("2,000", 7)].attributes["origin"] == "Fort Bragg"
    assert qs[("1,000", 9)].attributes["unit"] == "2nd Cavalry Regiment"
    assert qs[("100,000", 17)].attributes["group"] == "Russian"


def test_numeral_helpers():
    assert words_value("three hundred and twenty") == 320
    assert words_value("a dozen") == 12
    assert words_value("banana") is None
    assert (rounding_unit("1,700"), rounding_unit("2,000"), rounding_unit("1.25")) == (
        100,
        1000,
        0.01,
    )
    assert [n.value for n in find_numerals("1,000th visitor, 3-2 vote, 555-1234, 0.5 percent")] == [
        0.5
    ]


def test_shares_are_fractions(checker):
    (q,) = quantities(checker, "Nearly 6 in 10 voters agreed.")
    assert (q.span.text, q.kind, q.value) == ("6 in 10", "fraction", 0.6)
    (q,) = quantities(checker, "One in five voters agreed.")
    assert (q.span.text, q.kind, q.value) == ("One in five", "fraction", 0.2)
    (q,) = quantities(checker, "No one in 10 years has won.")  # a pronoun, then a count
    assert (q.span.text, q.kind) == ("10", "cardinal")
