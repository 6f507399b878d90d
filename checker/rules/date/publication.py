"""date.weekday-vs-publication: "last Friday, January 29" that is not last Friday."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from checker.analysis import ARTICLE_DATE
from checker.dating import ap_date
from checker.extract.dates import DatePhrase
from checker.models import Finding, Severity
from checker.rules.base import PythonRule

if TYPE_CHECKING:
    from checker.analysis import Analysis

# Days from the article date a qualified weekday may fall on. "Last Friday" is the latest Friday
# or, for some writers, the one of the week before; "this Friday" the one of the same week.
WINDOWS = {"last": (-14, -1), "next": (1, 14), "this": (-6, 6)}


class WeekdayVsPublication(PythonRule):
    """A dated weekday with "last", "next" or "this" that the publication date rules out.

    ## What it checks
    Weekday + date pairs qualified by "last", "next" or "this" ("last Friday, January 29")
    in an article with a publication date (file or `--date`): "last Friday" must fall in the
    two weeks before the article, "next Friday" in the two weeks after, "this Friday" within
    six days. A bare weekday ("said Wednesday") is never flagged: any weekday falls within a
    week of any date, so there is nothing reliable to contradict. Pairs whose weekday and date
    already disagree are left to `date.weekday`.

    ## Why it matters
    The date is right and the phrase is stale (a story held over, re-used or re-dated), or
    the phrase is right and the date is wrong; either way readers get two different days.

    ## Example
    In an article of Feb. 20, 2016: "the two pollsters whose final Iowa polls started at a
    later date than anyone else: last Friday, January 29" (last Friday was Feb. 19).

    ## Suggested fix
    Drop the qualifier and keep the date ("on Friday, January 29"), or correct the date.
    """

    id = "date.weekday-vs-publication"
    example = (
        "That sounds like a wise approach because of the success by two pollsters whose "
        "final Iowa polls started at a later date than anyone else: last Friday, January "
        "29."
    )
    example_date = "2016-02-20"
    severity = Severity.warning
    requires = ("dates", "date_inference", ARTICLE_DATE)

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        article = analysis.article_date
        if article is None or analysis.date_inference is not None:  # inferred from these pairs
            return
        for dated in analysis.dates:
            phrase, day = dated.phrase, dated.mention.start
            if phrase.kind != "weekday_date" or phrase.shift not in WINDOWS or day is None:
                continue
            if day.weekday() != phrase.weekday:
                continue
            low, high = WINDOWS[phrase.shift or ""]
            if not low <= (day - article).days <= high:
                yield self._finding(analysis, phrase, day, article)

    def _finding(self, analysis: Analysis, phrase: DatePhrase, day: date, article: date) -> Finding:
        low, high = WINDOWS[phrase.shift or ""]
        meant = [
            article + timedelta(days=n)
            for n in range(low, high + 1)
            if (article + timedelta(days=n)).weekday() == phrase.weekday
        ]
        options = " or ".join(ap_date(d, year=False) for d in meant)
        qualified = f"{phrase.shift} {phrase.weekday_name}"
        return self.finding(
            analysis, phrase.start, phrase.end,
            f"In an article of {ap_date(article)}, '{qualified}' is {options}, not {ap_date(day)}",
            suggestion=f"drop '{phrase.shift}' and keep the date, or correct the date",
        )  # fmt: skip
