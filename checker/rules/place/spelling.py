"""place.spelling: a place spelt the way house style avoids ("Kiev" -> "Kyiv")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.analysis import KB
from checker.models import Finding, Severity
from checker.rules.base import PythonRule

if TYPE_CHECKING:
    from checker.analysis import Analysis


class Spelling(PythonRule):
    """A place name is spelt in a form house style replaces ("Kiev" -> "Kyiv").

    ## What it checks
    Every spelling a knowledge pack lists under a place's `avoid`, outside the phrases it
    lists under `keep` ("chicken Kiev", "Dynamo Kiev").

    ## Why it matters
    AP and most English-language newsrooms adopted the Ukrainian transliterations (Kyiv,
    Kharkiv, Odesa); the Russian-derived forms read as dated or as taking a side.

    ## Example
    NATO Secretary Jens Stoltenberg said last month that no alliance forces would be deployed
    in Kiev, according to The Hill.

    ## Suggested fix
    Write "Kyiv".
    """

    id = "place.spelling"
    example = (
        "Similarly, NATO Secretary General Jens Stoltenberg said last month that no "
        "alliance forces would be deployed in Kiev, according to The Hill."
    )
    example_date = "2022-02-02"
    severity = Severity.info
    requires = (KB, "places")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        kb, text = analysis.knowledge, analysis.text
        for start, end, name in analysis.places:
            place = kb.avoided(name)
            if place is None or _kept(text, start, name, kb.keep_phrases(place.id)):
                continue
            yield self.finding(
                analysis, start, end, f"House style spells {name} as {place.preferred}",
                suggestion=f"Write {place.preferred}", replacement=place.preferred,
            )  # fmt: skip


def _kept(text: str, start: int, name: str, phrases: list[str]) -> bool:
    for phrase in phrases:
        at = phrase.find(name)
        if at >= 0 and text[start - at : start - at + len(phrase)].casefold() == phrase.casefold():
            return True
    return False
