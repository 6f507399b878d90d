"""The relations beyond sums and shares (issue 16), each in a module of its own with its cue
finder, its formula for the solver and its explanation: a count against the items listed
(`counts`), a gap in points against its two sides (`differences`), a fraction word against the
percentage that restates it (`fractions`), two currency conversions in one sentence against each
other (`conversions`), a span of years against the years it runs between (`years`), a count at a unit price against
the total they make (`prices`), a vote tally against the size of the body that cast it
(`tallies`), a lead stated as a margin against the two figures it separates (`leads`)."""

from __future__ import annotations

import z3

from checker.constraints import (
    conversions,
    counts,
    differences,
    fractions,
    leads,
    prices,
    tallies,
    years,
)
from checker.constraints.context import Context, Relation
from checker.models import Verdict

MODULES = {
    m.KIND: m for m in (conversions, counts, differences, fractions, leads, prices, tallies, years)
}


def find(ctx: Context) -> list[Relation]:
    """Every module's relations; one over the same figures as an earlier one is dropped, so a
    relation two modules read ("leading Trump by 12 points (58 percent to 40 percent)" is a
    `difference` and a `lead`) is checked and reported once, by the first (`differences`)."""
    found: list[Relation] = []
    seen: set[frozenset[str]] = set()
    for rel in (rel for m in MODULES.values() for rel in m.find(ctx)):
        if frozenset(rel.ids) not in seen:
            seen.add(frozenset(rel.ids))
            found.append(rel)
    return found


def formula(rel: Relation, xs: list[z3.ArithRef]) -> z3.BoolRef | None:
    """The kind's arithmetic, or None when the kind is not one of these."""
    m = MODULES.get(rel.kind)
    return m.formula(rel, xs) if m else None


def explain(rel: Relation, verdict: Verdict) -> str | None:
    m = MODULES.get(rel.kind)
    return m.explain(rel, verdict) if m else None
