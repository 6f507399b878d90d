"""date_arithmetic: a span of years against the years it runs between, on real sentences
(Reuters-21578 and PolNeAR train, ../shared/corpus, file named with each; tuning articles only);
hits hold, the same sentence with the span moved past both ways of counting is an error, near
misses (two spans in one sentence, an age, a span beside a plain list of years) give none."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import constraints_of
from tests.test_constraints_counts import _quoted

KIND = "date_arithmetic"

HITS = [
    ("reuters/reut2-002/reuters_1987-03-05_2415.txt",
     "NIPSCO <NI> OUTLAYS TO BE INTERNAL FUNDS Northern Indiana Public Service Co said its five-year construction budget for 1987-1991 will be 793 mln dlrs, almost all of which will be internally generated.",
     "five-year", "seven-year"),
    ("reuters/reut2-012/reuters_1987-04-01_12192.txt",
     '"Cumulative costs for the six-year period, 1984 to 1989, could approach 2.3 billion dlrs," he said.',
     "six-year", "eight-year"),
    ("reuters/reut2-006/reuters_1987-03-18_6395.txt",
     "Zaire pointed out that during four years of IMF-backed austerity (1983-86), it had become a net exporter of capital without receiving appropriate financing from abroad.",
     "(1983-86)", "(1983-88)"),
    ("reuters/reut2-011/reuters_1987-04-01_11951.txt",
     "Tanzania will need about 1.2 billion dlrs of hard currency investment to support its 1987-1992 five-year plan which begins in July, Minister of State for Finance Damas Mbogoro said.",
     "1987-1992", "1987-1995"),
    ("polnear/train/text/politico_2015-12-28_are-democrats-crippling-obamacar.txt",
     "Congress only voted for a two-year delay — from 2018 to 2020.",
     "two-year", "four-year"),
]  # fmt: skip

MISSES = [
    ("reuters/reut2-004/reuters_1987-03-11_4010.txt",
     "yesterday jamaica agreed with creditor banks to reschedule over the next 12 years some 181 miln dlrs due in 1987-89."),
    ("reuters/reut2-010/reuters_1987-03-30_10911.txt",
     "Dixon's amendment would permit agricultural banks -- banks with assets of 100 mln dlrs or less and at least 25 pct of total loans in farm loans -- to write down over 10 years agricultural loan losses incurred between 1984 and 1992."),
    ("reuters/reut2-003/reuters_1987-03-11_3617.txt",
     "Symbol Technologies Inc said it called 610,000 outstanding five-year stock warrants issued in 1985 and 1986 to Reliance Insurance Co, a subsidiary of Reliance Group Holdings <REL>."),
    ("reuters/reut2-002/reuters_1987-03-06_2615.txt",
     "The floaters have average lives of 7.85 and 15.6 years for maturities of 2012 and 2015."),
]  # fmt: skip


def _found(checker, text: str) -> list:
    return constraints_of(checker, text, KIND)


@pytest.mark.parametrize(("name", "sentence", "old", "new"), HITS)
def test_span_fits_its_years(checker, name, sentence, old, new):
    _quoted(name, sentence)
    assert [k.verdict.value for k in _found(checker, sentence)] == ["holds"]


@pytest.mark.parametrize(("name", "sentence", "old", "new"), HITS)
def test_moved_span_is_an_error(checker, name, sentence, old, new):
    report = checker.check_text(sentence.replace(old, new, 1))
    assert [k.verdict.value for k in report.constraints if k.kind == KIND] == ["violated"]
    errors = [f for f in report.findings if f.rule_id == "numbers.constraint"]
    assert len(errors) == 1 and "counting both, not" in errors[0].message


def test_the_last_oil_sentence_counts_only_its_own_span(checker):
    """'the five years 1980-84 represent about two years' consumption': the five years are the
    span of 1980-84, the two years a quantity of oil."""
    sentence = "For example, the 409 mln barrels discovered in the five years 1980-84 represent about two years' consumption, he said."
    _quoted("reuters/reut2-008/reuters_1987-03-23_8117.txt", sentence)
    found = _found(checker, sentence)
    assert [k.cue for k in found] == ["five years 1980-84"]
    assert found[0].verdict.value == "holds"


@pytest.mark.parametrize(("name", "sentence"), MISSES)
def test_other_spans_are_not_compared(checker, name, sentence):
    _quoted(name, sentence)
    assert not _found(checker, sentence)


def test_an_age_is_no_span(checker):
    assert not _found(checker, "The 77-year-old Anderson was treasury secretary from 1957 to 1961.")


def test_a_hedged_span_is_not_checked(checker):
    assert not _found(checker, "It fell during nearly four years of austerity (1983-88), he said.")


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 12), st.integers(1980, 1990), st.integers(1, 12))
def test_error_exactly_when_neither_count_fits(checker, n, start, length):
    text = f"It set out a {n}-year plan for {start}-{start + length}, the ministry said."
    (found,) = _found(checker, text)
    assert (found.verdict.value == "violated") == (n not in (length, length + 1))


PUBCO = "reuters/reut2-007/reuters_1987-03-20_7687.txt"
EXPIRY = "The rights will expire ten years later on March 31, 1987, the company said."
CARS = "reuters/reut2-009/reuters_1987-03-24_9110.txt"


def test_a_span_from_the_articles_date_is_a_likely_relation(checker):
    """Published copy: 'ten years later on March 31, 1987' in a wire of March 1987 (the
    distribution is March 31, 1987): counted from the article's date, a warning, not an error."""
    _quoted(PUBCO, EXPIRY)
    report = checker.check_text(EXPIRY, date="1987-03-20")
    assert [k.verdict.value for k in report.constraints if k.kind == KIND] == ["violated"]
    (finding,) = [f for f in report.findings if f.rule_id == "numbers.constraint"]
    assert finding.severity.value == "warning"
    assert "1987 (the article's date) + ten years is 1997" in finding.message
    fixed = checker.check_text(EXPIRY.replace("1987,", "1997,"), date="1987-03-20")
    assert [k.verdict.value for k in fixed.constraints if k.kind == KIND] == ["holds"]


def test_a_span_from_the_sentence_before_is_a_likely_relation(checker):
    """The same published clash with no article date: 'ten years later' counts from the year of
    the sentence before in its paragraph (the distribution, March 31, 1987), a warning."""
    before = "The dividend distribution will be made March 31, 1987, payable to shareholders of record on that date."
    _quoted(PUBCO, before)
    report = checker.check_text(f"{before} {EXPIRY}")
    (finding,) = [f for f in report.findings if f.rule_id == "numbers.constraint"]
    assert finding.severity.value == "warning"
    assert "1987 (the last year of the sentence before) + ten years is 1997" in finding.message
    apart = checker.check_text(f"{before}\n\n{EXPIRY}")  # another paragraph: no year to count from
    assert not [k for k in apart.constraints if k.kind == KIND]


def test_a_round_span_ago_fits_within_a_year(checker):
    sentence = "Thirty years ago, in 1956, the situation was different."
    _quoted(CARS, sentence)
    report = checker.check_text(sentence, date="1987-03-24")
    assert [k.verdict.value for k in report.constraints if k.kind == KIND] == ["holds"]
    moved = checker.check_text(sentence.replace("Thirty", "Twenty"), date="1987-03-24")
    assert [k.verdict.value for k in moved.constraints if k.kind == KIND] == ["violated"]


def test_a_year_after_after_is_the_base_not_the_end(checker):
    """'four years after 1983' counts from 1983: it states no second year to check."""
    text = "Sales in 1987, four years after 1983, rose again, it said."
    assert not _found(checker, text)


def test_no_article_date_no_span_from_it(checker):
    assert not _found(checker, EXPIRY)


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 12), st.integers(0, 15))
def test_a_span_from_a_stated_year_is_an_error_past_a_year(checker, n, gap):
    """'elected in 1998 and re-elected N years later, in Y': an error (not a warning) exactly
    when Y - 1998 is more than a year from N."""
    text = f"She was elected in 1998 and re-elected {n} years later, in {1998 + gap}."
    report = checker.check_text(text)
    (found,) = [k for k in report.constraints if k.kind == KIND]
    assert (found.verdict.value == "violated") == (abs(gap - n) > 1)
    errors = [f for f in report.findings if f.rule_id == "numbers.constraint"]
    assert all(f.severity.value == "error" for f in errors) and bool(errors) == (abs(gap - n) > 1)


@pytest.mark.parametrize(("name", "sentence", "old", "new"), HITS[:2])
def test_years_and_spans_are_quantities_of_the_report(checker, name, sentence, old, new):
    """The span and its years are figures of the report: the constraint's ids resolve to its
    quantities (kind year / duration), its claim lists them, and the coverage counts them."""
    report = checker.check_text(sentence)
    (found,) = [k for k in report.constraints if k.kind == KIND]
    by_id = {q.id: q for q in report.quantities}
    assert set(found.quantities) <= set(by_id)
    assert [by_id[q].kind for q in found.quantities] == ["duration", "year", "year"]
    claims = {c.id: c for c in report.claims}
    assert found.claims and all(
        set(found.quantities) <= set(claims[c].quantities) for c in found.claims
    )
    assert report.coverage.checked == len({q for k in report.constraints for q in k.quantities})


def test_a_year_in_no_relation_stays_out_of_the_report(checker):
    """Near miss: the two-spans sentence states years in no checked relation; none is added."""
    _, sentence = MISSES[0]
    report = checker.check_text(sentence)
    assert not [q for q in report.quantities if q.kind in ("year", "duration")]


def test_years_draw_no_unsourced_number_finding(stated_checker):
    """A year made a figure of the report is no new figure for the sourcing rules: the
    Tanzania hit cut before its source, with `stated-figure = "info"`, has its sum reported as
    unsourced, not its years and span (the default checker reports no stated figure at all)."""
    _, sentence, _, _ = HITS[3]
    cut = sentence.split(", Minister")[0] + "."
    report = stated_checker.check_text(cut)
    messages = [f.message for f in report.findings if f.rule_id.startswith("sourcing.")]
    years = {q.span.text for q in report.quantities if q.kind in ("year", "duration")}
    assert years and messages and all("“1.2 billion dlrs”" in m for m in messages)
    assert not [y for y in years for m in messages if f"“{y}”" in m]
