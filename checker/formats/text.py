"""Human-readable text: per document a claims table, a findings table and a summary line."""

from __future__ import annotations

from tabulate import tabulate

from checker.models import DocumentReport, Report, Severity

EXCERPT = 70


def excerpt(text: str, width: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _number_text(doc: DocumentReport, ids: list[str]) -> str:
    by_id = {q.id: q for q in doc.quantities}
    return ", ".join(by_id[i].span.text for i in ids if i in by_id)


def claims_table(doc: DocumentReport) -> str:
    rows = [
        (c.id, c.span.where, excerpt(c.span.text), _number_text(doc, c.quantities), c.source or "")
        for c in doc.claims
    ]
    return tabulate(rows, headers=("claim", "at", "sentence", "numbers", "source"))


def findings_table(doc: DocumentReport) -> str:
    rows = [
        (f.span.where, f.severity.value, f.rule_id, f.message + (f" ({f.suggestion})" if f.suggestion else ""))
        for f in doc.findings
    ]
    return tabulate(rows, headers=("at", "severity", "rule", "message"), maxcolwidths=[None, None, None, 90])


def dates_table(doc: DocumentReport) -> str:
    rows = [
        (m.span.where, excerpt(m.span.text, 30), m.kind, m.resolved or "?", m.year_from or "")
        for m in doc.dates
    ]
    return tabulate(rows, headers=("at", "date phrase", "kind", "means", "year from"))


SECTIONS = [("Claims", lambda d: d.claims, claims_table), ("Findings", lambda d: d.findings, findings_table)]
SECTIONS.insert(1, ("Dates", lambda d: d.dates, dates_table))


def summary(report: Report) -> str:
    counts = {s: sum(d.count(s) for d in report.documents) for s in Severity}
    files = len(report.documents)
    parts = [f"{files} document{'s' * (files != 1)} checked"]
    parts += [f"{counts[s]} {s.value}{'s' * (counts[s] != 1)}" for s in Severity]
    if report.errors:
        parts.append(f"{len(report.errors)} input error{'s' * (len(report.errors) != 1)}")
    return ", ".join(parts)


def render_document(doc: DocumentReport) -> str:
    head = f"== {doc.path}" + (f" ({doc.date}, {doc.date_origin})" if doc.date else "")
    blocks = [head]
    for title, items, table in SECTIONS:
        if items(doc):
            blocks.append(f"{title}:\n{table(doc)}")
    blocks.append(
        f"{doc.path}: {len(doc.claims)} claims, "
        + ", ".join(f"{doc.count(s)} {s.value}" for s in Severity)
    )
    return "\n\n".join(blocks)


def render(report: Report) -> str:
    out = [render_document(d) for d in report.documents]
    out.append(summary(report))
    return "\n\n".join(out) + "\n"
