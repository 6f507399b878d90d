"""Hover on a number: the quantity as read, and the constraints it takes part in with verdicts;
hover on a finding: what its rule checks and why, from the rule's own docs."""

from __future__ import annotations

from checker.lsp.positions import contains
from checker.models import Constraint, DocumentReport, Finding, Quantity

VERDICT_MARKS = {"holds": "holds", "violated": "**violated**", "undetermined": "undetermined"}


def findings_at(report: DocumentReport, line: int, column: int) -> list[Finding]:
    return [f for f in report.findings if contains(f.span, line, column)]


def finding_markdown(finding: Finding, docs: str | None) -> str:
    """The finding's rule, severity and message, then the rule's docs (its summary and sections)."""
    head = f"**{finding.rule_id}** ({finding.severity.value}): {finding.message}"
    return head + (f"\n\n---\n\n{docs.strip()}" if docs else "")


def quantity_at(report: DocumentReport, line: int, column: int) -> Quantity | None:
    """The innermost quantity whose span holds the 1-based line and column."""
    hits = [q for q in report.quantities if contains(q.span, line, column)]
    return min(hits, key=lambda q: q.span.end - q.span.start, default=None)


def constraints_of(report: DocumentReport, quantity: Quantity) -> list[Constraint]:
    return [c for c in report.constraints if quantity.id in c.quantities]


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def describe(quantity: Quantity) -> str:
    """One Markdown paragraph: value, interval, what is counted, hedge and attributes."""
    parts = [f"**{quantity.span.text}**: {quantity.kind} {_number(quantity.value)}"]
    if (quantity.low, quantity.high) != (quantity.value, quantity.value):
        parts.append(f"interval [{_number(quantity.low)}, {_number(quantity.high)}]")
    if quantity.noun:
        parts.append(f"counts *{quantity.noun}*")
    if quantity.hedge:
        parts.append(f"hedged by '{quantity.hedge}'")
    parts.extend(f"{key}: {value}" for key, value in sorted(quantity.attributes.items()))
    return ", ".join(parts) + f" (`{quantity.id}`)"


def constraint_line(constraint: Constraint) -> str:
    verdict = VERDICT_MARKS.get(constraint.verdict.value, constraint.verdict.value)
    where = f" at {constraint.cue_span.where}" if constraint.cue_span else ""
    line = f"- {constraint.kind} ('{constraint.cue}'{where}): {verdict}"
    return line + (f". {constraint.explanation}" if constraint.explanation else "")


def hover_markdown(report: DocumentReport, quantity: Quantity) -> str:
    related = constraints_of(report, quantity)
    lines = [describe(quantity), ""]
    if related:
        lines.append("Constraints:")
        lines.extend(constraint_line(c) for c in related)
    else:
        lines.append("No constraint involves this number.")
    return "\n".join(lines)
