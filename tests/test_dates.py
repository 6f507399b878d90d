"""Date phrases: parsing, resolution against the article date, inference of the year, and the
date.weekday rule as a property over random dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import Checker
from checker.analysis import Analysis
from checker.article_date import extract
from checker.config import Config
from checker.dating import ap_date, infer_article_date, resolve_relative, year_near
from checker.extract.dates import MONTH_NAMES, WEEKDAYS, find_dates
from checker.load import load_text
from checker.rules.date.weekday import WeekdayDate

WEDNESDAY = date(2022, 2, 2)


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "parts"),
    [
        (
            "The Pentagon said Wednesday (Feb. 2) that",
            "Wednesday (Feb. 2)",
            "weekday_date",
            (2, 2, None),
        ),
        ("said on Wednesday, Feb. 2, that", "Wednesday, Feb. 2", "weekday_date", (2, 2, None)),
        ("on Tuesday, March 1, 2022.", "Tuesday, March 1, 2022", "weekday_date", (3, 1, 2022)),
        (
            "on Wednesday 2 February 2022,",
            "Wednesday 2 February 2022",
            "weekday_date",
            (2, 2, 2022),
        ),
        ("signed Feb. 2, 2022, in", "Feb. 2, 2022", "date", (2, 2, 2022)),
        ("signed on 2 February 2022", "2 February 2022", "date", (2, 2, 2022)),
        ("dated 2022-02-02.", "2022-02-02", "date", (2, 2, 2022)),
        (
            "polls started: last Friday, January 29.",
            "last Friday, January 29",
            "weekday_date",
            (1, 29, None),
        ),
        ("he left on 2 February and", "2 February", "date", (2, 2, None)),
        ("since Sept. 26 the", "Sept. 26", "date", (9, 26, None)),
        ("the Pentagon said Wednesday.", "Wednesday", "weekday", (None, None, None)),
        ("sent last month by", "last month", "relative", (None, None, None)),
        ("earlier this year,", "earlier this year", "relative", (None, None, None)),
        ("two weeks ago", "two weeks ago", "relative", (None, None, None)),
        ("he will return next Tuesday", "next Tuesday", "relative", (None, None, None)),
    ],
)
def test_find_dates(text, phrase, kind, parts):
    (found,) = find_dates(text)
    assert (found.text, found.kind, (found.month, found.day, found.year)) == (phrase, kind, parts)
    assert text[found.start : found.end] == phrase


@pytest.mark.parametrize(
    "text",
    [
        "Trump swept Super Tuesday in the South.",
        "He wrote for the Sunday Times for years.",
        "a sketch on Saturday Night Live",
        "the code 2022-13-45 is no day",
        "the 2,000 troops from Fort Bragg, N.C.",
        "It may 2 or 3 times",
        "Trump won 7 March contests in the South.",
    ],
)
def test_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text", ["Feb. 30, 2022", "on April 31", "Feb. 29, 2022", "31 September 2016"]
)
def test_impossible_dates_are_kept_apart(text):
    (found,) = find_dates(text)
    assert found.kind == "impossible" and found.text == text.removeprefix("on ")


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        ("yesterday", "Tuesday, Feb. 1, 2022"),
        ("last week", "Jan. 24-30, 2022"),
        ("last month", "January 2022"),
        ("earlier this month", "Tuesday, Feb. 1, 2022"),
        ("earlier this year", "Jan. 1 to Feb. 1, 2022"),
        ("later this year", "Feb. 3 to Dec. 31, 2022"),
        ("last year", "2021"),
        ("next month", "March 2022"),
        ("two weeks ago", "Wednesday, Jan. 19, 2022"),
        ("three months ago", "November 2021"),
        ("a few years ago", "about 2019"),
        ("next Tuesday", "Tuesday, Feb. 8, 2022"),
        ("last Wednesday", "Wednesday, Jan. 26, 2022"),
        ("this weekend", "Feb. 5-6, 2022"),
        ("last weekend", "Jan. 29-30, 2022"),
        ("the past month", "Jan. 3 to Feb. 2, 2022"),
    ],
)
def test_resolve_relative(phrase, label):
    (found,) = find_dates(phrase)
    resolution = resolve_relative(found, WEDNESDAY)
    assert resolution is not None and resolution.label == label
    assert resolution.start <= resolution.end


def test_yearless_date_across_new_year():
    assert year_near(12, 29, date(2023, 1, 3)) == 2022
    assert year_near(1, 2, date(2022, 12, 30)) == 2023
    assert year_near(1, 1, date(2016, 9, 29)) == 2016  # "since January 1st": this year
    assert year_near(11, 8, date(2016, 9, 29)) == 2016
    assert year_near(2, 29, date(2021, 3, 1)) == 2020  # the nearest Feb. 29


def test_seed_pair_fits_2022():
    pairs = find_dates("The Pentagon said Wednesday (Feb. 2) that")
    found = infer_article_date(pairs, 2026, [])
    assert found is not None and found.day == WEDNESDAY
    assert found.reason.startswith("Wednesday (Feb. 2) fits 2022 (also 2011, 2028); assumed 2022")
    earlier = infer_article_date(pairs, 2021, [])
    assert earlier is not None and earlier.year == 2011


def test_undated_copy_across_the_new_year():
    pairs = find_dates("The talks began Thursday (Dec. 29) and ended Monday (Jan. 2).")
    found = infer_article_date(pairs, 2026, [])
    assert found is not None and (found.year, found.day) == (2023, date(2023, 1, 2))
    assert len(found.basis) == 2 and "does not" not in found.reason


def test_stated_year_anchors_the_inference():
    pairs = find_dates("Wednesday (Feb. 2) and then Jan. 20, 2010")
    found = infer_article_date([p for p in pairs if p.weekday is not None], 2026, [2010])
    assert found is not None and found.year == 2011
    assert "nearest the latest year the copy states (2010)" in found.reason


def _weekday_findings(text: str, article: date | None, reference_year: int = 2026):
    analysis = Analysis(
        document=load_text(text, date=article.isoformat() if article else None),
        config=Config(reference_year=reference_year),
    )
    extract(analysis)  # no spaCy needed: only bare weekdays ask the parser for tense
    return list(WeekdayDate().check(analysis))


def _phrase(day: date, weekday: int, style: int) -> str:
    month = MONTH_NAMES[day.month - 1]
    ap = ap_date(day, year=False)
    return [
        f"{WEEKDAYS[weekday]} ({ap})",
        f"{WEEKDAYS[weekday]}, {ap}",
        f"{WEEKDAYS[weekday]}, {month} {day.day}, {day.year}",
        f"{WEEKDAYS[weekday]} {day.day} {month} {day.year}",
    ][style]


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    offset=st.integers(min_value=-60, max_value=60),  # a weekday is named for days near the article
    shift=st.integers(min_value=1, max_value=6),
    style=st.integers(min_value=0, max_value=3),
)
def test_true_weekday_never_fires_and_any_other_always_does(day, offset, shift, style):
    article = day + timedelta(days=offset)
    right = f"The Pentagon said {_phrase(day, day.weekday(), style)} that troops will move."
    wrong = f"The Pentagon said {_phrase(day, (day.weekday() + shift) % 7, style)} that troops will move."
    assert _weekday_findings(right, article) == []
    (finding,) = _weekday_findings(wrong, article)
    assert finding.severity.value == "error"
    assert f"is a {WEEKDAYS[day.weekday()]}" in finding.message
    (fix,) = finding.fixes
    assert (fix.span.text, fix.replacement) == (
        WEEKDAYS[(day.weekday() + shift) % 7],
        WEEKDAYS[day.weekday()],
    )


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("Feb. 2,0139MondayTuesdayJanuary()-last week ago\n"), max_size=80
    )
)
def test_parser_never_crashes_and_spans_match(text):
    for phrase in find_dates(text):
        assert text[phrase.start : phrase.end] == phrase.text


@pytest.fixture(scope="module")
def dated_checker() -> Checker:
    return Checker(Config(reference_year=2026))


def test_seed_assumes_2022(dated_checker, seed_text):
    report = dated_checker.check_text(seed_text)
    assert report.date == "2022-02-02"
    assert report.date_origin and report.date_origin.startswith(
        "inferred: Wednesday (Feb. 2) fits 2022"
    )
    (info,) = [f for f in report.findings if f.rule_id == "date.weekday"]
    assert info.severity.value == "info" and "assumed 2022" in info.message
    last_month = [m for m in report.dates if m.span.text == "last month"]
    assert len(last_month) == 2 and all(m.resolved == "January 2022" for m in last_month)


def test_seed_with_thursday_is_caught(dated_checker, seed_text):
    mutated = seed_text.replace("Wednesday (Feb. 2)", "Thursday (Feb. 2)")
    dated = dated_checker.check_text(mutated, date="2022-02-03")
    (error,) = [f for f in dated.findings if f.rule_id == "date.weekday"]
    assert error.severity.value == "error" and error.span.text == "Thursday (Feb. 2)"
    assert [(f.span.text, f.replacement) for f in error.fixes] == [("Thursday", "Wednesday")]
    assert error.suggestion and error.suggestion.startswith(
        "Wednesday (Feb. 2), or Thursday (Feb. 3)"
    )
    # Undated, Thursday (Feb. 2) alone would fit 2023, but the press secretary and the NATO
    # secretary general the article names were in office together in 2021-22 only: the people
    # outvote the calendar, and the weekday is an error again.
    undated = dated_checker.check_text(mutated)
    assert undated.date and undated.date[:4] in ("2021", "2022")
    (again,) = [f for f in undated.findings if f.rule_id == "date.weekday"]
    assert again.severity.value == "error" and "fits 2017 and 2023, not 202" in again.message


def test_given_date_is_kept(dated_checker, seed_text):
    report = dated_checker.check_text(seed_text, date="2022-02-03")
    assert (report.date, report.date_origin) == ("2022-02-03", "given")
    assert not [f for f in report.findings if f.rule_id.startswith("date.")]


@pytest.mark.parametrize(
    ("sentence", "meant"),
    [
        ("The Pentagon said Tuesday that troops will move.", date(2022, 2, 1)),
        ("The Senate will vote Tuesday on the bill.", date(2022, 2, 8)),
        ("Lawmakers plan to meet Friday with the envoy.", date(2022, 2, 4)),
        ("She will visit Capitol Hill on Thursday.", date(2022, 2, 3)),
        ("Aung San Suu Kyi visited the White House on Wednesday.", date(2022, 2, 2)),
    ],
)
def test_bare_weekday_tense(dated_checker, sentence, meant):
    report = dated_checker.check_text(sentence, date=WEDNESDAY)
    (mention,) = report.dates
    assert mention.kind == "weekday" and mention.start == meant


def _html_fix(checker: Checker):
    html = (
        '<html><head><meta name="date" content="2022-02-03"></head><body>'
        "<p>The Pentagon said <b>Thursday</b> (Feb. 2) that troops will move.</p></body></html>"
    )
    report = checker.check_text(html, path="story.html")
    (error,) = [f for f in report.findings if f.rule_id == "date.weekday"]
    (fix,) = error.fixes
    return html.splitlines()[fix.span.line - 1], fix


def test_fix_in_html_starts_at_the_weekday(dated_checker):
    line, fix = _html_fix(dated_checker)
    assert line[fix.span.column - 1 :].startswith("Thursday</b>")
    assert fix.replacement == "Wednesday"


def test_fix_in_html_ends_before_the_tag(dated_checker):
    line, fix = _html_fix(dated_checker)
    assert line[fix.span.column - 1 : fix.span.end_column - 1] == "Thursday"


def test_cli_reference_year_moves_the_assumed_year():
    from typer.testing import CliRunner

    from checker.cli import app
    from tests.conftest import SEED

    result = CliRunner().invoke(app, ["check", str(SEED), "--reference-year", "2021"])
    # Wednesday (Feb. 2) alone would give 2011; the office holders named give 2021.
    assert "assumed 2021, the latest up to 2021" in " ".join(result.output.split())
    bad = CliRunner().invoke(app, ["check", str(SEED), "--reference-year", "5"])
    assert bad.exit_code == 2


def test_seed_with_monday_conflicts_with_its_office_holders(dated_checker, seed_text):
    # Monday (Feb. 2) fits 2015 and 2026, but the press secretary and the NATO secretary
    # general the seed names were in office together only in 2021-22: an error, not a guess.
    undated = dated_checker.check_text(seed_text.replace("Wednesday (Feb. 2)", "Monday (Feb. 2)"))
    (error,) = [f for f in undated.findings if f.rule_id == "date.weekday"]
    assert error.severity.value == "error"
    assert "fits 2015 and 2026" in error.message and "evidence conflicts" in error.message
    assert "Kirby" in error.message and "Stoltenberg" in error.message


def test_a_clock_time_is_not_a_year(dated_checker):
    # reuters style: "at 2005 GMT" names a time of day; nothing dates the article
    report = dated_checker.check_text("Trading closed at 2005 GMT, dealers said.")
    assert report.date is None
