"""Solve: every constraint goes to z3 as real arithmetic over the quantities' intervals.

Each constraint gets a verdict: violated (no values inside the stated intervals satisfy it), holds
(some do, and it does not hang on an open-ended figure such as "more than 100,000"), or
undetermined. All constraints together are then checked once more; an unsat core names the
smallest sets of constraints that cannot all be true (the `conflicts` layer), which
`numbers.constraint` reports, one error per set.
"""

from __future__ import annotations

from collections.abc import Iterable

import z3

from checker.analysis import Analysis
from checker.constraints import beyond
from checker.constraints.changes import is_percent
from checker.constraints.context import Relation
from checker.constraints.explain import explain
from checker.extract.quantities import UNBOUNDED
from checker.models import UNCHECKED_KINDS, Quantity, Verdict
from checker.pipeline import stage

FACTOR_SLACK = 0.1  # "doubled" allows 1.8x-2.2x
ROUND_ZEROS = 3  # "408,000 tonnes": a level ending in three zeros is given to the thousand
ROUND_DIGITS = 3  # ... when it has three significant digits or more (not "1,000", "100,000")
# Bounds that keep hostile copy from stalling the solver (real copy is far below them: a news
# article's largest connected set of constraints is a handful):
MAX_FIGURES = 60  # figures in one constraint
MAX_JOINT = 200  # constraints in one connected set solved together
SOLVER_MS = 2000  # z3's time for one check


def variable(q: Quantity) -> z3.ArithRef:
    return z3.Real(q.id)


def bounds(quantities: Iterable[Quantity]) -> list[z3.BoolRef]:
    out: list[z3.BoolRef] = []
    for q in quantities:
        x = variable(q)
        out.append(x >= z3.RealVal(repr(q.low)))
        if q.high < UNBOUNDED:
            out.append(x <= z3.RealVal(repr(q.high)))
    return out


def formula(rel: Relation) -> z3.BoolRef:
    xs = [variable(q) for q in rel.quantities]
    if (extra := beyond.formula(rel, xs)) is not None:
        return extra
    if rel.kind == "sum":
        return xs[0] == z3.Sum(xs[1 : len(xs) - rel.optional] + _maybe(rel))
    if rel.kind == "subset":  # and no part stated above its whole ("about 40 of its 37 stores")
        stated = [z3.BoolVal(q.value <= rel.quantities[0].value) for q in rel.quantities[1:]]
        return z3.And([x <= xs[0] for x in xs[1:]] + stated)
    if rel.kind == "same_referent":
        return xs[0] == xs[1]
    if rel.kind == "range":
        return xs[0] <= xs[1]
    if rel.kind == "percent_of":
        part, pct, whole = xs
        return part * 100 == pct * whole
    if rel.kind == "change":
        return _change(rel, xs)
    return z3.BoolVal(True)  # disjoint, derived: no arithmetic to check


def _maybe(rel: Relation) -> list[z3.ArithRef]:
    """The optional parts of a sum: each counts in full or not at all."""
    maybe = rel.quantities[len(rel.quantities) - rel.optional :]
    return [z3.If(z3.Bool(f"{q.id}:part"), variable(q), 0) for q in maybe]


def _change(rel: Relation, xs: list[z3.ArithRef]) -> z3.BoolRef:
    if rel.notes.get("form") == "by":  # step, percent, new level: the step is P% of the old level
        step, pct, level = xs
        return step * 100 == pct * (level - rel.direction * step)
    old, new = xs[0], xs[1]
    terms: list[z3.BoolRef] = []
    if rel.factor is not None:
        low, high = rel.factor * (1 - FACTOR_SLACK), rel.factor * (1 + FACTOR_SLACK)
        terms += [new >= z3.RealVal(repr(low)) * old, new <= z3.RealVal(repr(high)) * old]
    sign = rel.direction or 1
    if rel.direction:
        terms.append(new > old if rel.direction > 0 else new < old)
    if rel.direction and rel.notes.get("strict"):  # the direction of the figures as stated
        a, b = rel.quantities[0].value, rel.quantities[1].value
        terms.append(z3.BoolVal(b > a if rel.direction > 0 else b < a))
    if len(xs) > 2:
        step, slack = xs[2], z3.RealVal(repr(_rounding(rel.quantities[2])))
        old, new, held = _as_rounded(rel, old, new)
        terms += held
        moved = (new - old) * sign  # the step in the stated direction
        absolute = z3.And(moved >= step - slack, moved <= step + slack)
        relative = z3.And(moved * 100 >= (step - slack) * old, moved * 100 <= (step + slack) * old)
        both_percent = is_percent(rel.quantities[0]) and not rel.points
        terms.append(
            absolute if rel.points else z3.Or(relative, absolute) if both_percent else relative
        )
    return z3.And(terms) if terms else z3.BoolVal(True)


def _rounding(step: Quantity) -> float:
    """A step stated as an exact count ("up 14 pct") is still a rounded figure: half a unit of
    its last digit either way (none when its interval already allows for rounding)."""
    if step.low != step.high:
        return 0.0
    digits = step.span.text.split()[0]
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10**-decimals


def _as_rounded(
    rel: Relation, old: z3.ArithRef, new: z3.ArithRef
) -> tuple[z3.ArithRef, z3.ArithRef, list[z3.BoolRef]]:
    """'rose 25 pct to 408,000 tonnes from 325,000': round levels are given to the thousand, and
    the step was worked out on the figures before they were rounded (408/325 is 25.5%; 407,500
    over 325,500 is 25.2%). Such a level stands for any value it rounds from, for the step."""
    levels, held = [old, new], []
    for n, q in enumerate(rel.quantities[:2]):
        half = _round_to(q)
        if half:
            exact = z3.Real(f"{rel.quantities[0].id}>{rel.quantities[1].id}:{n}")
            lo, hi = z3.RealVal(repr(q.value - half)), z3.RealVal(repr(q.value + half))
            held += [exact >= lo, exact <= hi]
            levels[n] = exact
    return levels[0], levels[1], held


def _round_to(q: Quantity) -> float:
    """Half the unit a round whole number with no interval of its own is given to: 500 for
    '408,000', nothing for '408,156' or '4.08 mln' (whose interval already says so). Only a
    figure of three significant digits or more reads as rounded to its last one: '1,000',
    '2,000' or '100,000' are round numbers, not 1,000 give or take 500."""
    words = q.span.text.split()
    digits = words[0].replace(",", "") if words else ""
    if q.low != q.high or not digits.isdigit():
        return 0.0
    significant = len(digits.lstrip("0").rstrip("0"))
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10**zeros if zeros >= ROUND_ZEROS and significant >= ROUND_DIGITS else 0.0


def _solver() -> z3.Solver:
    solver = z3.Solver()
    solver.set("timeout", SOLVER_MS)  # past it, check() answers unknown: not a verdict
    return solver


def verdict(rel: Relation) -> Verdict:
    solver = _solver()
    solver.add(*bounds(rel.quantities))
    solver.add(formula(rel))
    if solver.check() == z3.unsat:
        return Verdict.violated
    open_ended = any(q.high >= UNBOUNDED for q in rel.quantities)
    if open_ended:
        solver = _solver()
        solver.add(*bounds(rel.quantities), z3.Not(formula(rel)))
        if solver.check() == z3.sat:
            return Verdict.undetermined
    return Verdict.holds


def conflicts(relations: dict[str, Relation]) -> tuple[list[list[str]], list[str]]:
    """The minimal sets of constraints that cannot all hold at once (unsat cores), and the
    constraints left out of that check: in a connected set of more than `MAX_JOINT`, or where
    z3 ran out of time. Constraints that share no figure cannot conflict, so each connected
    set is solved on its own: the work grows with the sets, not with the document."""
    cores: list[list[str]] = []
    skipped: list[str] = []
    for group in _connected(relations):
        if len(group) > MAX_JOINT:
            skipped.extend(group)
            continue
        found, complete = _cores({cid: relations[cid] for cid in group})
        cores.extend(found)
        if not complete:
            skipped.extend(cid for cid in group if not any(cid in core for core in found))
    return _merge(cores, relations), skipped


def _connected(relations: dict[str, Relation]) -> list[list[str]]:
    """The constraint ids grouped into sets linked by shared figures, in text order."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for cid, rel in relations.items():
        for q in rel.ids:
            parent[root(f"q:{q}")] = root(cid)
    groups: dict[str, list[str]] = {}
    for cid in relations:
        groups.setdefault(root(cid), []).append(cid)
    return sorted(groups.values(), key=lambda g: min(int(c[1:]) for c in g))


def _cores(relations: dict[str, Relation]) -> tuple[list[list[str]], bool]:
    """Unsat cores of one connected set, each removed in turn; and whether z3 answered every
    check (False: it ran out of time, and what was left is unchecked)."""
    quantities = {q.id: q for rel in relations.values() for q in rel.quantities}
    left = dict(relations)
    cores: list[list[str]] = []
    while left:
        solver = _solver()
        solver.set("core.minimize", True)
        solver.add(*bounds(quantities.values()))
        for cid, rel in left.items():
            solver.assert_and_track(formula(rel), z3.Bool(cid))
        answer = solver.check()
        if answer != z3.unsat:
            return cores, answer == z3.sat
        core = sorted((str(b) for b in solver.unsat_core()), key=lambda c: int(c[1:]))
        if not core:
            break
        cores.append(core)
        for cid in core:
            left.pop(cid, None)
    return cores, True


def _merge(cores: list[list[str]], relations: dict[str, Relation]) -> list[list[str]]:
    """Cores that share a figure are one problem (one changed number breaks both)."""
    merged: list[tuple[set[str], set[str]]] = []
    for core in cores:
        ids = {q for cid in core for q in relations[cid].ids}
        for group in merged:
            if group[1] & ids:
                group[0].update(core)
                group[1].update(ids)
                break
        else:
            merged.append((set(core), ids))
    return [sorted(c, key=lambda c: int(c[1:])) for c, _ in merged]


@stage(requires=("constraints", "claims"), assigns=("conflicts", "unsolved"))
def solve(analysis: Analysis) -> None:
    """Stage: verdicts and explanations for every constraint, and the conflicting sets. A
    constraint of more than `MAX_FIGURES` figures is left undetermined; what the solver left
    out goes to the `unsolved` layer, which `input.solver-limit` reports."""
    relations: dict[str, Relation] = {}
    unsolved: list[str] = []
    for record in analysis.constraints:
        constraint, rel = record.constraint, record.relation
        if len(rel.quantities) > MAX_FIGURES:
            constraint.explanation = (
                f"not solved: {len(rel.quantities)} figures (at most {MAX_FIGURES})"
            )
            unsolved.append(constraint.id)
            continue
        relations[constraint.id] = rel
        constraint.verdict = verdict(rel)
        constraint.explanation = beyond.explain(rel, constraint.verdict) or explain(
            rel, constraint.verdict
        )
    violations, skipped = conflicts(relations) if relations else ([], [])
    analysis.unsolved = unsolved + skipped
    jointly = {cid for group in violations for cid in group}
    for constraint in (r.constraint for r in analysis.constraints):
        if constraint.id in jointly and constraint.verdict != Verdict.violated:
            constraint.verdict = Verdict.violated
            constraint.explanation += " (but not together with the others in its set)"
    analysis.conflicts = violations
    _claim_verdicts(analysis)


def _claim_verdicts(analysis: Analysis) -> None:
    """Each claim lists the checked constraints its figures take part in, with their verdicts."""
    claims = {c.id: c for c in analysis.claims}
    for constraint in (r.constraint for r in analysis.constraints):
        if constraint.kind in UNCHECKED_KINDS:
            continue
        for cid in constraint.claims:
            if cid in claims:
                claims[cid].relations.append(f"{constraint.id} {constraint.verdict.value}")
