"""place.containment: "Town, Country" where the town is not in that country."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.analysis import KB
from checker.models import Finding, Severity
from checker.rules.base import PythonRule

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.knowledge import KnowledgeBase, PlaceRecord

COUNTRY_RANK = 5
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or|&)\b")


class Containment(PythonRule):
    """A place is said to be in a state or country that does not contain it.

    ## What it checks
    "Place, Region" pairs ("Vilseck, Germany", "Fort Bragg, N.C.") where the knowledge base
    knows both names: the second must contain the first. Pairs of places of the same kind
    ("Poland, Germany and Romania") are lists, not containment, and are skipped; a town
    paired with a state of another country is taken for a namesake ("Moscow, Idaho").

    ## Why it matters
    Datelines and unit home bases are facts readers and editors rely on; "Vilseck, Poland"
    sends a regiment to the wrong country.

    ## Example
    The 1,000 U.S. troops going to Romania are members of the 2nd Cavalry Regiment based in
    Vilseck, Poland.

    ## Suggested fix
    Vilseck is in Germany: write "Vilseck, Germany".
    """

    id = "place.containment"
    example = (
        "The 1,000 U.S. troops going to Romania are members of the 2nd Cavalry Regiment "
        "based in Vilseck, Poland."
    )
    example_date = "2022-02-02"
    severity = Severity.warning
    requires = (KB, "places")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        kb = analysis.knowledge
        names = analysis.places
        text = analysis.text
        for (_, x_end, x), (y_start, y_end, y) in itertools.pairwise(names):
            if text[x_end:y_start] != ", " or _LIST_GOES_ON.match(text, y_end):
                continue
            places, region = _misplaced(kb, kb.places_named(x), kb.places_named(y))
            if not places:
                continue
            truths = [_where(kb, p, region) for p in places]
            where = " or ".join(dict.fromkeys(t.name for t in truths))
            one = truths[0].name if len(truths) == 1 else None
            yield self.finding(
                analysis, y_start, y_end, f"{x} is in {where}, not in {y}",
                suggestion=f"Write {x}, {one}" if one else f"Check which {x} is meant",
                replacement=one,
            )  # fmt: skip


def _misplaced(
    kb: KnowledgeBase, xs: list[PlaceRecord], ys: list[PlaceRecord]
) -> tuple[list[PlaceRecord], PlaceRecord | None]:
    """(the places the first name may be, the region) when no reading of the pair holds."""
    if not xs or not ys:
        return [], None
    for x in xs:
        inside = {a.id for a in kb.ancestors(x.id)} | {x.id}
        if any(y.id in inside for y in ys):
            return [], None
    region = max(ys, key=lambda p: p.rank)
    smaller = [x for x in xs if x.rank < min(y.rank for y in ys)]
    if region.rank < COUNTRY_RANK:  # a state: only a place of the same country is a real claim
        smaller = [x for x in smaller if _country(kb, x) == _country(kb, region)]
    return smaller, region


def _country(kb: KnowledgeBase, place: PlaceRecord) -> str | None:
    for p in [place, *kb.ancestors(place.id)]:
        if p.rank == COUNTRY_RANK:
            return p.id
    return None


def _where(kb: KnowledgeBase, place: PlaceRecord, region: PlaceRecord | None) -> PlaceRecord:
    """The place's container of the region's kind (its country for a country), else its parent."""
    chain = kb.ancestors(place.id)
    rank = region.rank if region else COUNTRY_RANK
    return next((a for a in chain if a.rank == rank), chain[0] if chain else place)
