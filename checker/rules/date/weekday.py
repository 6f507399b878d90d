"""date.weekday: a weekday and a date that disagree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.article_date import Dated
from checker.dating import ap_date, nearest_weekday
from checker.extract.dates import WEEKDAYS
from checker.models import Finding, Fix, Severity
from checker.rules.base import PythonRule, make_finding

if TYPE_CHECKING:
    from checker.analysis import Analysis


class WeekdayDate(PythonRule):
    """A weekday and a date that disagree: "Thursday (Feb. 2)" when Feb. 2 is a Wednesday.

    ## What it checks
    Every weekday written with a date ("Wednesday (Feb. 2)", "on Tuesday, March 1, 2022").
    The year is the one the phrase states, else the one that puts the date nearest the
    article's publication date. Without a publication date, the year is inferred from the
    weekday + date pairs themselves (the latest fitting year up to `reference_year`), and
    an info finding says which years fit and which was assumed.

    ## Why it matters
    A wrong weekday is a small error readers spot at once, and it casts doubt on the rest:
    either the day or the date is wrong, and the reporter has to check which.

    ## Example
    In an article of Feb. 3, 2022: "The Pentagon said Thursday (Feb. 2) that 1,000 U.S.
    troops will be redeployed" (Feb. 2, 2022 was a Wednesday).

    ## Suggested fix
    "Wednesday (Feb. 2)", or "Thursday (Feb. 3)" if the day is right.
    """

    id = "date.weekday"
    example = (
        "The Pentagon said Thursday (Feb. 2) that 1,000 U.S. troops will be redeployed "
        "from Germany to Romania."
    )
    example_date = "2022-02-03"
    severity = Severity.error
    requires = ("dates", "date_inference")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        inferred = analysis.date_inference
        for dated in analysis.dates:
            phrase, day = dated.phrase, dated.mention.start
            if phrase.kind != "weekday_date" or day is None or phrase.weekday is None:
                continue
            if day.weekday() != phrase.weekday:
                yield self._mismatch(analysis, dated)
            elif inferred and phrase is inferred.basis[0]:
                yield make_finding(
                    analysis, self.id, Severity.info, phrase.start, phrase.end,
                    f"No publication date: {inferred.reason}",
                    suggestion="give the article its date in front matter, <meta> or --date to check it",
                )  # fmt: skip

    def _mismatch(self, analysis: Analysis, dated: Dated) -> Finding:
        phrase, mention = dated.phrase, dated.mention
        day = mention.start
        assert day is not None and phrase.weekday is not None
        stated, actual = WEEKDAYS[phrase.weekday], WEEKDAYS[day.weekday()]
        other = nearest_weekday(day, phrase.weekday)
        why = {
            "stated": "",
            "article": f" (the year from the article's date, {analysis.article_date})",
            "inferred": f" (the year the article's other dates fit: {day.year})",
        }.get(mention.year_from or "", "")
        inferred = analysis.date_inference
        if mention.year_from == "inferred" and inferred and inferred.people and inferred.conflicts:
            why = f" (no publication date, and the evidence conflicts: {inferred.reason})"
        fixed = phrase.text.replace(stated, actual, 1)
        finding = self.finding(
            analysis, phrase.start, phrase.end,
            f"{' '.join(phrase.text.split())}: {ap_date(day)} is a {actual}, not a {stated}{why}",
            suggestion=f"{fixed}, or {stated} ({ap_date(other, year=phrase.year is not None)}) "
            "if the day is right",
        )  # fmt: skip
        # The fix touches the weekday word only, so markup around the date (HTML, Markdown) stays.
        at = phrase.start + phrase.text.index(stated)
        finding.fixes = [Fix(span=analysis.document.span(at, at + len(stated)), replacement=actual)]
        return finding
