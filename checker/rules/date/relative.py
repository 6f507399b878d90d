"""date.relative: what "last month" means when the article's date had to be assumed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.article_date import Dated
from checker.dating import ap_date
from checker.models import Finding, Severity
from checker.rules.base import PythonRule

if TYPE_CHECKING:
    from checker.analysis import Analysis


class RelativeDate(PythonRule):
    """A relative date ("last month", "yesterday") whose meaning rests on an assumed date.

    ## What it checks
    Relative phrases ("yesterday", "last week", "last month", "earlier this year", "next
    Tuesday", "two weeks ago") in an article without a publication date, whose date was
    inferred from a weekday + date pair. The finding says what the phrase means under that
    assumption ("last month" = January 2022). Articles with a date stay quiet: every phrase
    is resolved in the report's `dates` list and the text output's Dates table instead.

    ## Why it matters
    "Last month" means nothing once the copy is syndicated, archived or republished without
    its dateline; an editor should see which month the reader will take it to be.

    ## Example
    Undated copy with "The Pentagon said Wednesday (Feb. 2)" and "the 8,500 that were sent
    last month": "last month" means January 2022 if the article is from Feb. 2, 2022.

    ## Suggested fix
    Give the article its date (front matter, `<meta>` or `--date`), or name the month
    ("in January") where the copy will travel without a dateline.
    """

    id = "date.relative"
    example = (
        "The Pentagon said Wednesday (Feb. 2) that all of these troops will be separate "
        "from the 8,500 that were sent last month."
    )
    severity = Severity.info
    requires = ("dates", "date_inference")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        inferred = analysis.date_inference
        if inferred is None:
            return
        groups: dict[tuple[str, str], list[Dated]] = {}
        for dated in analysis.dates:
            if dated.phrase.kind == "relative" and dated.mention.resolved is not None:
                key = (" ".join(dated.phrase.text.lower().split()), dated.mention.resolved)
                groups.setdefault(key, []).append(dated)
        for (text, resolved), same in groups.items():
            first = same[0].phrase
            yield self.finding(
                analysis, first.start, first.end,
                f"'{text}' means {resolved} if the article is from {ap_date(inferred.day)} "
                "(assumed: no publication date)"
                + "".join(f"; same at {d.mention.span.where}" for d in same[1:]),
                suggestion="give the article a date, or name the day or month",
                related=[d.mention.span for d in same[1:]],
            )  # fmt: skip
