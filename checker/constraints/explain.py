"""The arithmetic of a constraint written out: "1,700 + 300 = 2,000 ✓",
"approx. 1,700 (1,650-1,750) + 300 = 1,950-2,050, which includes 2,000 ✓"."""

from __future__ import annotations

from itertools import combinations

from checker.constraints.context import Relation
from checker.extract.quantities import UNBOUNDED
from checker.models import Quantity, Verdict

MARK = {Verdict.holds: "✓", Verdict.violated: "✗", Verdict.undetermined: "?"}
_SHORT = {"approximately": "approx.", "about": "approx.", "around": "approx.", "roughly": "approx."}


def number(v: float) -> str:
    if v >= UNBOUNDED:
        return "∞"
    if abs(v - round(v)) < 1e-9:
        return f"{round(v):,}"
    return f"{v:,.6f}".rstrip("0").rstrip(".")


def figure(q: Quantity) -> str:
    """How a figure reads, with the interval its wording allows."""
    shown = q.span.text
    if q.hedge:
        shown = f"{_SHORT.get(q.hedge, q.hedge)} {shown}"
    if q.low != q.high:
        high = "" if q.high >= UNBOUNDED else number(q.high)
        shown += f" ({number(q.low)}-{high})" if high else f" (≥{number(q.low)})"
    return shown


def interval(low: float, high: float) -> str:
    return number(low) if low == high else f"{number(low)}-{number(high)}"


def explain(rel: Relation, verdict: Verdict) -> str:
    mark = MARK[verdict]
    qs = rel.quantities
    if rel.kind in ("sum", "derived"):
        return _sum(rel, verdict) if rel.kind == "sum" else _derived(qs)
    if rel.kind == "subset":
        text = ", ".join(f"{figure(p)} ≤ {figure(qs[0])}" for p in qs[1:]) + f" {mark}"
        above = [p for p in qs[1:] if p.value > qs[0].value and p.low <= qs[0].high]
        if above:  # a hedge or rounding lets it fit, but as stated the part is the larger
            text += f" (as stated {above[0].span.text} is more than {qs[0].span.text}: a part cannot exceed its whole)"
        return text
    if rel.kind == "same_referent":
        sign = "≠" if verdict == Verdict.violated else "="
        return f"{figure(qs[0])} at {qs[0].span.where} {sign} {figure(qs[1])} at {qs[1].span.where} {mark}"
    if rel.kind == "range":
        return f"{figure(qs[0])} ≤ {figure(qs[1])} {mark}"
    if rel.kind == "percent_of":
        part, pct, whole = qs
        share = 100 * part.value / whole.value if whole.value else 0.0
        return f"{figure(part)} / {figure(whole)} = {share:.1f}%, stated {figure(pct)} {mark}"
    if rel.kind == "change":
        return _change(rel, mark)
    return f"{figure(qs[0])} and {figure(qs[1])} are separate groups"


def _sum(rel: Relation, verdict: Verdict) -> str:
    total, parts = rel.quantities[0], rel.quantities[1:]
    if verdict == Verdict.violated:
        text = _added(parts)
        if rel.optional:  # no reading fits: with every listed part, and with the named ones only
            maybe = parts[-rel.optional :]
            named = _added(parts[: -rel.optional]).split(" = ")[-1]
            text += f" (or {named} without {' + '.join(map(figure, maybe))})"
        return f"{text}, not {figure(total)} ✗"
    left_out = _left_out(total, parts, rel.optional) if rel.optional else []
    parts = [p for p in parts if p not in left_out]
    note = f" (not counting {', '.join(map(figure, left_out))})" if left_out else ""
    if all(p.low == p.high for p in parts) and total.low == total.high:
        return f"{_added(parts)} ✓{note}"
    return f"{_added(parts)}, which fits {figure(total)} {MARK[verdict]}{note}"


def _added(parts: list[Quantity]) -> str:
    low, high = sum(p.low for p in parts), sum(p.high for p in parts)
    return " + ".join(figure(p) for p in parts) + f" = {interval(low, high)}"


def _left_out(total: Quantity, parts: list[Quantity], optional: int) -> list[Quantity]:
    """The optional parts ("and six ended in convictions") that the reading which fits the
    total leaves out, preferring the reading with most parts."""
    named, maybe = parts[:-optional], parts[-optional:]
    for k in range(len(maybe), -1, -1):
        for chosen in combinations(maybe, k):
            low = sum(p.low for p in (*named, *chosen))
            high = sum(p.high for p in (*named, *chosen))
            if low <= total.high and high >= total.low:
                return [q for q in maybe if q not in chosen]
    return []


def _derived(qs: list[Quantity]) -> str:
    noun = f" {qs[0].noun}" if qs[0].noun else ""
    low, high = sum(q.low for q in qs), sum(q.high for q in qs)
    return " + ".join(figure(q) for q in qs) + f" = {interval(low, high)}{noun} in all"


def _change(rel: Relation, mark: str) -> str:
    if rel.notes.get("form") == "by":
        step, pct, level = rel.quantities
        before = level.value - rel.direction * step.value  # a value, not a stated figure
        share = 100 * step.value / before if before else 0.0
        currency = level.attributes.get("currency", "")
        return (
            f"{figure(step)} from {currency}{number(before)} to {figure(level)} is {share:.2f}%, "
            f"stated {figure(pct)} {mark}"
        )
    old, new = rel.quantities[0], rel.quantities[1]
    text = f"{figure(old)} → {figure(new)}"
    if rel.points and len(rel.quantities) > 2:
        text += f" ({'+' if new.value >= old.value else '-'}{number(abs(new.value - old.value))})"
    elif old.value:
        text += f" ({(new.value - old.value) / old.value * 100:+.1f}%)"
    if rel.factor is not None:
        text += f", stated {rel.cue} (×{number(rel.factor)})"
    elif len(rel.quantities) > 2:
        text += f", stated {figure(rel.quantities[2])}"
    elif rel.direction:
        text += f", stated {rel.cue}"
    rescued = new.high > old.low if rel.direction > 0 else new.low < old.high
    if rel.notes.get("strict") and rescued and (new.value - old.value) * rel.direction <= 0:
        side = "above" if rel.direction > 0 else "below"
        text += f" (as stated {new.span.text} is not {side} {old.span.text}: only rounding could say {rel.cue})"
    return f"{text} {mark}"
