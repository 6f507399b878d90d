"""Every figure read: wire units, pence, attached scales, fractions, shared units
(checker/extract/numerals.py, units.py), on real sentences with a hit and a near miss each.
Files are under shared/corpus/, all from the tuning split."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.numerals import find_numerals


def read(text: str) -> list[tuple[str, float, str, str | None]]:
    return [(text[n.start : n.end], n.value, n.kind, n.code) for n in find_numerals(text)]


def approx(found: list[tuple[str, float, str, str | None]]) -> list:
    return [(t, pytest.approx(v), k, c) for t, v, k, c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reuters/reut2-000/reuters_1987-02-26_109.txt
        (
            "credits averaged 310 mln dlrs in the week",
            [("310 mln dlrs", 310e6, "money", "USD")],
        ),
        # reuters/reut2-000/reuters_1987-02-26_109.txt
        ("45 pct of net discount window borrowings", [("45 pct", 45, "percent", "percent")]),
        # reuters/reut2-000/reuters_1987-02-26_12.txt: cents counted in dollars
        (
            "below the 2.4 mln dlrs, or 15 cts a share, earned",
            [("2.4 mln dlrs", 2.4e6, "money", "USD"), ("15 cts", 0.15, "money", "USD")],
        ),
        # reuters/reut2-000/reuters_1987-02-26_123.txt: a number word with a unit is a figure
        ("after a one mln dlr extraordinary gain", [("one mln dlr", 1e6, "money", "USD")]),
        # reuters/reut2-000/reuters_1987-03-02_364.txt
        (
            "a net gain worth 905 mln Swiss francs, the Finance Ministry said.",
            [("905 mln Swiss francs", 905e6, "money", "CHF")],
        ),
        # reuters/reut2-000/reuters_1987-03-03_913.txt: an upper-case headline
        ("DEFICIT FORECAST AT 350 MLN STG", [("350 MLN STG", 350e6, "money", "GBP")]),
        # reuters/reut2-000/reuters_1987-03-01_260.txt
        ("estimated at 3.1 billion yen in the year", [("3.1 billion yen", 3.1e9, "money", "JPY")]),
        # reuters/reut2-000/reuters_1987-03-02_278.txt: "mark" as an adjective
        (
            "including a 300 mln mark private placement",
            [("300 mln mark", 300e6, "money", "DEM")],
        ),
        # reuters/reut2-000/reuters_1987-03-02_304.txt: pence counted in pounds
        ("on the basis of 700p for each IC Gas ordinary", [("700p", 7.0, "money", "GBP")]),
        # polnear/train/text/usa-today_2016-01-04_bernie-sanders-raises-m-is-withi.txt
        (
            "Bernie Sanders raised more than $33million during",
            [("$33million", 33e6, "money", "USD")],
        ),
        # reuters/reut2-000/reuters_1987-02-26_147.txt
        ("its 7-3/4 pct convertible debentures", [("7-3/4 pct", 7.75, "percent", "percent")]),
        # reuters/reut2-000/reuters_1987-02-26_4.txt: a price in eighths is exact
        (
            "traded around 12, down 1/8, this afternoon, after falling to 11-1/2 earlier",
            [("12", 12, "cardinal", None), ("1/8", 0.125, "cardinal", None)]
            + [("11-1/2", 11.5, "cardinal", None)],
        ),
        # reuters/reut2-000/reuters_1987-03-01_230.txt
        (
            "a spread of 5/8 percentage points over London",
            [("5/8 percentage points", 0.625, "percent", "percent")],
        ),
    ],
)
def test_wire_and_british_forms(text, expected):
    assert approx(read(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reuters/reut2-000/reuters_1987-02-26_1.txt: the bare figure after "against"
        (
            "of 5.93\nmln against 5.81 at the same stage",
            [("5.93\nmln", 5.93e6, "cardinal", None), ("5.81", 5.81e6, "cardinal", None)],
        ),
        # reuters/reut2-000/reuters_1987-02-26_1.txt: the first of a range takes the unit
        (
            "at 1,750 to\n1,780 dlrs per tonne",
            [("1,750", 1750, "money", "USD"), ("1,780 dlrs", 1780, "money", "USD")],
        ),
        # reuters/reut2-000/reuters_1987-02-26_1.txt: and a list before "and"
        (
            "sold at\n4,340, 4,345 and 4,350 dlrs.",
            [("4,340", 4340, "money", "USD"), ("4,345", 4345, "money", "USD")]
            + [("4,350 dlrs", 4350, "money", "USD")],
        ),
    ],
)
def test_a_bare_figure_shares_the_unit_of_its_pair(text, expected):
    assert approx(read(text)) == expected


def test_near_misses_keep_their_own_unit():
    # reuters/reut2-000/reuters_1987-02-26_121.txt: "up 4.2 pct to 17.25 mln": no pair
    assert approx(read("was up 4.2 pct to 17.25 mln tonnes")) == [
        ("4.2 pct", 4.2, "percent", "percent"),
        ("17.25 mln", 17.25e6, "cardinal", None),
    ]
    # a level after "from" is no share: "fell 3 pct from 1,200"
    assert read("fell 3 pct from 1,200 in January")[1][2] == "cardinal"
    # reuters/reut2-001/reuters_1987-03-05_1970.txt: tonnes beside pounds, not 992,760 mln stg
    assert read("versus\n992,760 and 164 mln stg in January.")[0] == (
        "992,760",
        992760,
        "cardinal",
        None,
    )
    # reuters/reut2-000/reuters_1987-02-26_229.txt: "per 15 tonne lot" sits between the pair
    assert read("increase to 90,000 yen per 15 tonne lot from 70,000 now.")[2][2] == "cardinal"


def test_forms_that_are_no_money_or_fraction():
    assert read("He ran the 100m in record time") == []  # metres: no currency
    assert read("since 9/11 and open 24/7") == []  # no fraction
    assert read("the 1986/87 crop") == []
    assert read("at 3 p.m. and 5pm") == []  # times, not pence
    # reuters/reut2-000/reuters_1987-02-26_109.txt: "the second half of": no share
    assert read("The week was the second half of a two-week statement period.") == []
    # reuters/reut2-000/reuters_1987-03-02_309.txt: a share
    assert read("make up more than half of the labour force") == [("half", 0.5, "fraction", None)]


def test_thresholds_names_and_paired_signs_are_no_money_or_sign():
    # polnear train copy: "the 1,237 mark", "the $1billion mark", "Rand Paul", "58%-33%"
    assert read("to keep Trump shy of the 1,237 mark needed") == [("1,237", 1237, "cardinal", None)]
    assert read("donations have barreled past the $1billion mark") == [
        ("$1billion", 1e9, "money", "USD")
    ]
    assert read("8 Rand Paul.") == [("8", 8, "cardinal", None)]
    assert all(v >= 0 for _, v, _, _ in read("By 58%-33%, those surveyed"))
    # reuters: the first half of a year, wrapped
    assert read("usage in the first\nhalf of the current season") == []


def test_a_negative_figure():
    assert approx(read("growth of -0.3 pct in the month")) == [
        ("-0.3 pct", -0.3, "percent", "percent")
    ]
    assert read("LIBOR minus 6-1/2 pct")[0][1] == 6.5  # a spread below a rate: no sign


_SCALES = {"mln": 1e6, "million": 1e6, "billion": 1e9, "bln": 1e9, "thousand": 1e3}
_MONEY = {"dlrs": ("USD", 1.0), "cts": ("USD", 0.01), "stg": ("GBP", 1.0), "yen": ("JPY", 1.0)}


@settings(max_examples=200, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=999_999),
    decimals=st.sampled_from(["", ".5", ".25", ".125"]),
    scale=st.sampled_from(["", *_SCALES]),
    money=st.sampled_from(["", *_MONEY]),
)
def test_generated_forms_round_trip(whole, decimals, scale, money):
    figure = " ".join(p for p in (f"{whole:,}{decimals}", scale, money) if p)
    text = f"The company said it paid {figure} last year."
    (numeral,) = find_numerals(text)
    assert text[numeral.start : numeral.end] == figure
    code, factor = _MONEY.get(money, (None, 1.0))
    value = float(f"{whole}{decimals}") * _SCALES.get(scale, 1.0) * factor
    assert numeral.value == pytest.approx(value)
    assert numeral.code == code


@settings(max_examples=200, deadline=None)
@given(whole=st.integers(0, 99), num=st.integers(1, 63), den=st.sampled_from([2, 4, 8, 16, 32]))
def test_generated_fractions_round_trip(whole, num, den):
    num = num % den or 1
    figure = f"{whole}-{num}/{den} pct" if whole else f"{num}/{den} pct"
    text = f"a coupon of {figure} and priced at par"
    (numeral,) = find_numerals(text)
    assert text[numeral.start : numeral.end] == figure
    assert numeral.value == pytest.approx(whole + num / den)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,./-$£pmkbnlstgdrc%\nabvs")), max_size=80))
def test_extraction_never_crashes_and_spans_are_exact(text):
    for numeral in find_numerals(text):
        span = text[numeral.start : numeral.end]
        assert 0 <= numeral.start < numeral.end <= len(text)
        assert span == span.strip() and any(c.isalnum() for c in span)
