"""Constraints: cue phrases that tie the article's figures together.

Each finder reads the quantities sentence by sentence and returns `Relation`s (sums, subsets,
percent-of, change, range, same-referent, disjoint); `build` turns them into `Constraint`s that
name their cue, quantities and claims. `checker.solve` then gives each its verdict.
"""

from __future__ import annotations

from checker.analysis import Analysis, ConstraintRecord
from checker.constraints import across, beyond, ratios, referents, restated, sums
from checker.constraints.context import Context, Relation
from checker.models import Constraint
from checker.pipeline import stage


def find(analysis: Analysis) -> list[Relation]:
    ctx = Context(analysis)
    found = sums.find(ctx) + ratios.find(ctx)
    found += referents.find(ctx, found) + restated.find(ctx, found)
    found += beyond.find(ctx) + across.find(ctx, found)
    unique: dict[tuple[str, tuple[str, ...]], Relation] = {}
    for rel in found:
        unique.setdefault((rel.kind, rel.ids), rel)
    return sorted(unique.values(), key=lambda r: r.cue_start)


@stage(requires=("sentences", "quantities", "claims"), assigns=("constraints",))
def build(analysis: Analysis) -> None:
    """Stage: one `Constraint` per relation (verdicts come from `checker.solve`)."""
    records: list[ConstraintRecord] = []
    for n, rel in enumerate(find(analysis), 1):
        constraint = Constraint(
            id=f"K{n}",
            kind=rel.kind,
            cue=rel.cue,
            cue_span=analysis.document.span(rel.cue_start, rel.cue_end),
            quantities=list(rel.ids),
            claims=_claims(analysis, rel),
        )
        records.append(ConstraintRecord(constraint, rel))
    analysis.constraints = records


def _claims(analysis: Analysis, rel: Relation) -> list[str]:
    ids: list[str] = []
    for q in rel.quantities:
        claim = analysis.claim_at(q.span.start)
        if claim is not None and claim.id not in ids:
            ids.append(claim.id)
    return ids
