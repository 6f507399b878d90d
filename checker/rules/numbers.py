"""Rules about the article's numbers."""

from __future__ import annotations

from collections.abc import Iterable

from checker.analysis import Analysis
from checker.models import Constraint, Finding, Quantity, Severity
from checker.rules.base import PythonRule


class ConstraintViolated(PythonRule):
    """The article's figures contradict each other.

    ## What it checks
    Constraints the wording sets between figures (parts that must add up to a stated total,
    "of the N ... the remaining B", the same group mentioned twice, "P% of N", "rose from A to
    B") that no values within the stated figures can satisfy, hedges and rounding allowed for.
    One finding per conflicting set, naming the claims involved with their line:col. A set made
    only of likely relations (a conversion against the article's rate in another sentence, a
    span of years counted from the article's date) is a warning, never an error.

    ## Why it matters
    A total that does not match its parts is the kind of error readers notice first and that
    survives the most edits: one figure was updated, another was not.

    ## Example
    "Of the 2,000 from Fort Bragg, approximately 1,700 ... while the remaining 400 ...":
    approx. 1,700 (1,650-1,750) + 400 = 2,050-2,150, not 2,000.

    ## Suggested fix
    Check each figure against the source and correct the one that is out of date.
    """

    id = "numbers.constraint"
    example = (
        "Of the 2,000 from Fort Bragg, N.C., approximately 1,700 are members of the 82nd "
        "Airborne Division's infantry brigade, who will go to Poland, while the remaining "
        "400 will be transferred from the 18th Airborne Corps and deployed to Germany."
    )
    severity = Severity.error
    requires = ("quantities", "claims", "constraints", "conflicts")

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        by_id = {r.constraint.id: r.constraint for r in analysis.constraints}
        likely = {r.constraint.id for r in analysis.constraints if r.relation.notes.get("likely")}
        # a relation may make figures of words that are no quantity ("the six-year period")
        made = (q for r in analysis.constraints for q in r.relation.quantities)
        quantities = {q.id: q for q in made} | {q.id: q for q in analysis.quantities}
        claims = {c.id: c for c in analysis.claims}
        for group in analysis.conflicts:
            constraints = [by_id[cid] for cid in group]
            figures = _figures(constraints, quantities)
            shared = {q.id: sum(q.id in k.quantities for k in constraints) for q in figures}
            latest = max(figures, key=lambda q: (shared[q.id], q.span.start))
            named = [
                c
                for cid in dict.fromkeys(x for k in constraints for x in k.claims)
                if (c := claims.get(cid))
            ]
            where = ", ".join(f"{c.id} at {c.span.where}" for c in named)
            arithmetic = "; ".join(k.explanation for k in constraints)
            maybe = all(cid in likely for cid in group)  # a likely relation, not a certain one
            finding = self.finding(
                analysis,
                latest.span.start,
                latest.span.end,
                f"figures {'may' if maybe else 'do'} not agree: {arithmetic} (claims {where})",
                suggestion="check each figure against the source",
                related=[q.span for q in figures if q is not latest],
            )
            if maybe and finding.severity == Severity.error:
                finding = finding.model_copy(update={"severity": Severity.warning})
            yield finding


def _figures(constraints: list[Constraint], quantities: dict[str, Quantity]) -> list[Quantity]:
    ids = dict.fromkeys(q for k in constraints for q in k.quantities)
    return [quantities[q] for q in ids if q in quantities]
