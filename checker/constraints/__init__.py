"""Constraints: cue phrases that tie the article's figures together.

Each finder reads the quantities sentence by sentence and returns `Relation`s (sums, subsets,
percent-of, change, range, same-referent, disjoint); `build` turns them into `Constraint`s that
name their cue, quantities and claims. `checker.solve` then gives each its verdict.
"""

from __future__ import annotations

from checker.analysis import Analysis
from checker.constraints import ratios, referents, sums
from checker.constraints.context import Context, Relation
from checker.models import Constraint

RELATIONS = "relations"  # analysis.extras key: constraint id -> Relation


def find(analysis: Analysis) -> list[Relation]:
    ctx = Context(analysis)
    found = sums.find(ctx) + ratios.find(ctx)
    found += referents.find(ctx, found)
    unique: dict[tuple[str, tuple[str, ...]], Relation] = {}
    for rel in found:
        unique.setdefault((rel.kind, rel.ids), rel)
    return sorted(unique.values(), key=lambda r: r.cue_start)


def build(analysis: Analysis) -> None:
    """Stage: one `Constraint` per relation (verdicts come from `checker.solve`)."""
    relations = find(analysis)
    constraints: list[Constraint] = []
    by_id: dict[str, Relation] = {}
    for n, rel in enumerate(relations, 1):
        cid = f"K{n}"
        by_id[cid] = rel
        constraints.append(
            Constraint(
                id=cid,
                kind=rel.kind,  # type: ignore[arg-type]
                cue=rel.cue,
                cue_span=analysis.document.span(rel.cue_start, rel.cue_end),
                quantities=list(rel.ids),
                claims=_claims(analysis, rel),
            )
        )
    analysis.constraints = constraints
    analysis.extras[RELATIONS] = by_id


def _claims(analysis: Analysis, rel: Relation) -> list[str]:
    ids: list[str] = []
    for q in rel.quantities:
        claim = analysis.claim_at(q.span.start)
        if claim is not None and claim.id not in ids:
            ids.append(claim.id)
    return ids
