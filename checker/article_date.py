"""The dates stage: find date phrases, infer the article date when the file carries none, and
resolve every phrase against the article date.

It runs first, so every later stage and rule reads `analysis.article_date`. It assigns:
- `dates`: a list of `Dated` (the phrase as written + its `DateMention` for the report);
- `impossible_dates`: `DatePhrase`s of days that do not exist ("Feb. 30");
- `date_inference`: the `Inference` (day, year, reason) when the date was inferred, else None;
- `date_span`: the `YearSpan` when the evidence fits a run of years and pins none, else None.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from checker.dating import (
    Inference,
    Resolution,
    YearSpan,
    days,
    infer_article_date,
    infer_year_span,
    make_date,
    resolve_relative,
    resolve_weekday,
    year_near,
)
from checker.extract.dates import DatePhrase, find_dates
from checker.models import DateMention
from checker.office_terms import named_terms
from checker.pipeline import stage
from checker.year_bounds import BARE_YEAR, year_bounds
from checker.year_tense import past_bounds

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.config import Config

# Words around a bare weekday's verb that put it in the future: "will meet Tuesday".
_FUTURE = {"will", "'ll", "shall", "going", "scheduled", "expected", "due", "plans", "planned",
           "upcoming", "next"}  # fmt: skip


def bare_years(text: str) -> list[int]:
    return [int(y) for y in BARE_YEAR.findall(text)]


@dataclass(frozen=True)
class Dated:
    phrase: DatePhrase
    mention: DateMention


def reference_year(config: Config) -> int:
    """The latest year an undated article is assumed to be from (`Config.reference_year`)."""
    return config.reference_year or date.today().year


@stage(
    requires=("sentences",), assigns=("dates", "impossible_dates", "date_inference", "date_span")
)
def extract(analysis: Analysis) -> None:
    phrases = find_dates(analysis.text)
    analysis.impossible_dates = [p for p in phrases if p.kind == "impossible"]
    phrases = [p for p in phrases if p.kind != "impossible"]
    found: Inference | None = None
    span: YearSpan | None = None
    if analysis.article_date is None:
        pairs = [p for p in phrases if p.kind == "weekday_date"]
        stated = [p.year for p in phrases if p.year is not None]
        terms = named_terms(analysis.kb, analysis.text) if analysis.kb else []
        if terms and not stated:  # which of the years the people fit: the copy's own years say
            stated = bare_years(analysis.text)
        bounds = year_bounds(analysis.text)
        if terms:  # with the people only: a lower bound alone would give a span of decades
            bounds += past_bounds(analysis.layout, analysis.text)
        latest = reference_year(analysis.config)
        found = infer_article_date(pairs, latest, stated, terms, bounds)
        if found is None and not pairs and (terms or bounds):
            span = infer_year_span(terms, bounds, latest)
    analysis.date_inference = found
    analysis.date_span = span
    article = analysis.article_date
    year_from = "inferred" if found else "article"
    analysis.dates = [Dated(p, _mention(analysis, p, article, year_from)) for p in phrases]


def _mention(
    analysis: Analysis, phrase: DatePhrase, article: date | None, year_from: str
) -> DateMention:
    resolution, source = _resolve(analysis, phrase, article)
    return DateMention(
        span=analysis.document.span(phrase.start, phrase.end),
        kind=phrase.kind,
        weekday=phrase.weekday_name,
        start=resolution.start if resolution else None,
        end=resolution.end if resolution else None,
        resolved=resolution.label if resolution else None,
        year_from=(year_from if source == "article" else source) if resolution else None,
    )


def _resolve(
    analysis: Analysis, phrase: DatePhrase, article: date | None
) -> tuple[Resolution | None, str]:
    if phrase.month is not None and phrase.day is not None:
        if phrase.year is not None:
            year, source = phrase.year, "stated"
        elif article is not None:
            year, source = year_near(phrase.month, phrase.day, article), "article"
        else:
            return None, ""
        day = make_date(year, phrase.month, phrase.day)
        return (days(day, day) if day else None), source
    if article is None:
        return None, ""
    if phrase.kind == "weekday" and phrase.weekday is not None:
        return resolve_weekday(
            phrase.weekday, article, future=is_future(analysis, phrase)
        ), "article"
    return resolve_relative(phrase, article), "article"


def is_future(analysis: Analysis, phrase: DatePhrase) -> bool:
    """Does the verb a bare weekday hangs on speak of the future ("will vote Tuesday")?"""
    span = analysis.layout.tokens(phrase.start, phrase.end)
    if span is None:
        return False
    head = span.root.head
    while head.pos_ == "ADP" and head.head is not head:  # "will visit ... on Thursday"
        head = head.head
    words = {head.lower_, *(c.lower_ for c in head.children)}
    infinitive = head.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children
    )
    return infinitive or bool(words & _FUTURE)
