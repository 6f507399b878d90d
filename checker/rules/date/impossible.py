"""date.impossible: a date that does not exist."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.extract.dates import MONTH_NAMES
from checker.models import Finding, Severity
from checker.rules.base import PythonRule

if TYPE_CHECKING:
    from checker.analysis import Analysis


class ImpossibleDate(PythonRule):
    """A date that does not exist: "Sept. 31", "Feb. 30", "Feb. 29, 2022".

    ## What it checks
    Dates written with a month name ("September 31", "Feb. 29, 2022", "31 April") whose day
    is past the end of the month, or Feb. 29 in a year that is not a leap year. Numeric
    dates that cannot be days ("2022-13-45") are taken for codes and left alone.

    ## Why it matters
    The day was mistyped, and the real one is unknown until the reporter checks: the copy
    cannot go out with a date no reader can place.

    ## Example
    "On September 31 they published the results" (September has 30 days).

    ## Suggested fix
    Check the date with the source; "September 30" or "October 1" are the usual intents.
    """

    id = "date.impossible"
    example = (
        "On September 31 they published the results of their check by announcing that "
        "Trump’s statement was “true.”"
    )
    severity = Severity.error
    requires = ("impossible_dates",)

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        for phrase in analysis.impossible_dates:
            month, day, year = phrase.month or 1, phrase.day or 1, phrase.year
            name = MONTH_NAMES[month - 1]
            if month == 2 and day == 29 and year is not None:
                why = f"{year} is not a leap year"
            else:
                days = 29 if month == 2 else calendar.monthrange(2001, month)[1]
                why = f"{name} has {days} days"
            yield self.finding(
                analysis, phrase.start, phrase.end,
                f"{' '.join(phrase.text.split())} does not exist: {why}",
                suggestion="check the date with the source",
            )  # fmt: skip
