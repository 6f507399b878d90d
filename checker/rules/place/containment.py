"""place.containment: "Town, Country" where the town is not in that country."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.knowledge import kb_of
from checker.models import Finding, Severity
from checker.rules.base import PythonRule
from checker.rules.place import place_names

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.knowledge import KnowledgeBase, PlaceRecord

COUNTRY_RANK = 5
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or|&)\b")


class Containment(PythonRule):
    """A place is said to be in a state or country that does not contain it.

    What it checks:
        "Place, Region" pairs ("Vilseck, Germany", "Fort Bragg, N.C.") where the knowledge base
        knows both names: the second must contain the first. Pairs of places of the same kind
        ("Poland, Germany and Romania") are lists, not containment, and are skipped; a town
        paired with a state of another country is taken for a namesake ("Moscow, Idaho").

    Why it matters:
        Datelines and unit home bases are facts readers and editors rely on; "Vilseck, Poland"
        sends a regiment to the wrong country.

    Example:
        The 1,000 U.S. troops going to Romania are members of the 2nd Cavalry Regiment based in
        Vilseck, Poland.

    Suggested fix:
        Vilseck is in Germany: write "Vilseck, Germany".
    """

    id = "place.containment"
    severity = Severity.warning

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        kb = kb_of(analysis)
        if kb is None:
            return
        names = place_names(analysis, kb)
        text = analysis.text
        for (_, x_end, x), (y_start, y_end, y) in zip(names, names[1:]):
            if text[x_end:y_start] != ", " or _LIST_GOES_ON.match(text, y_end):
                continue
            wrong = _misplaced(kb, kb.places_named(x), kb.places_named(y))
            if wrong:
                place, region = wrong
                truth = _same_kind_ancestor(kb, place, region)
                where = truth.name if truth else ", ".join(a.name for a in kb.ancestors(place.id)[:2])
                yield self.finding(
                    analysis, y_start, y_end, f"{x} is in {where}, not in {y}",
                    suggestion=f"Write {x}, {truth.name}" if truth else f"Check where {x} is",
                    replacement=truth.name if truth else None,
                )  # fmt: skip


def _misplaced(
    kb: KnowledgeBase, xs: list[PlaceRecord], ys: list[PlaceRecord]
) -> tuple[PlaceRecord, PlaceRecord] | None:
    """(place, region) when no reading of the pair holds, else None."""
    if not xs or not ys:
        return None
    for x in xs:
        inside = {a.id for a in kb.ancestors(x.id)} | {x.id}
        if any(y.id in inside for y in ys):
            return None
    region = max(ys, key=lambda p: p.rank)
    smaller = [x for x in xs if x.rank < min(y.rank for y in ys)]
    if region.rank < COUNTRY_RANK:  # a state: only a place of the same country is a real claim
        smaller = [x for x in smaller if _country(kb, x) == _country(kb, region)]
    return (smaller[0], region) if len(smaller) == 1 else None


def _country(kb: KnowledgeBase, place: PlaceRecord) -> str | None:
    for p in [place, *kb.ancestors(place.id)]:
        if p.rank == COUNTRY_RANK:
            return p.id
    return None


def _same_kind_ancestor(kb: KnowledgeBase, place: PlaceRecord, region: PlaceRecord) -> PlaceRecord | None:
    return next((a for a in kb.ancestors(place.id) if a.rank == region.rank), None)
