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
    return [rel for m in MODULES.values() for rel in m.find(ctx)]


def formula(rel: Relation, xs: list[z3.ArithRef]) -> z3.BoolRef | None:
    """The kind's arithmetic, or None when the kind is not one of these."""
    m = MODULES.get(rel.kind)
    return m.formula(rel, xs) if m else None


def explain(rel: Relation, verdict: Verdict) -> str | None:
    m = MODULES.get(rel.kind)
    return m.explain(rel, verdict) if m else None
