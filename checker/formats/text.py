"""Human-readable text: per document a claims table, a findings table and a summary line."""

from __future__ import annotations

from tabulate import tabulate

from checker.formats.base import Totals, Writer
from checker.models import DocumentReport, Finding, Report, Severity

EXCERPT = 70


def excerpt(text: str, width: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _number_text(doc: DocumentReport, ids: list[str]) -> str:
    by_id = {q.id: q for q in doc.quantities}
    return ", ".join(by_id[i].span.text for i in ids if i in by_id)


def claims_table(doc: DocumentReport) -> str:
    rows = [
        (
            c.id,
            c.span.where,
            excerpt(c.span.text),
            _number_text(doc, c.quantities),
            c.source or "",
            ", ".join(c.relations),
        )
        for c in doc.claims
    ]
    return tabulate(rows, headers=("claim", "at", "sentence", "numbers", "source", "relations"))


def findings_table(doc: DocumentReport) -> str:
    rows = [
        (
            f.span.where,
            f.severity.value,
            f.rule_id,
            f.message + (f" ({f.suggestion})" if f.suggestion else ""),
        )
        for f in doc.findings
    ]
    return tabulate(
        rows, headers=("at", "severity", "rule", "message"), maxcolwidths=[None, None, None, 90]
    )


def dates_table(doc: DocumentReport) -> str:
    rows = [
        (m.span.where, excerpt(m.span.text, 30), m.kind, m.resolved or "?", m.year_from or "")
        for m in doc.dates
    ]
    return tabulate(rows, headers=("at", "date phrase", "kind", "means", "year from"))


def constraints_table(doc: DocumentReport) -> str:
    rows = [
        (k.id, k.kind, k.cue, ", ".join(k.claims), f"{k.verdict.value}: {k.explanation}")
        for k in doc.constraints
    ]
    headers = ("constraint", "cue", "claims", "verdict")
    return tabulate(
        [(f"{r[0]} {r[1]}", *r[2:]) for r in rows],
        headers=headers,
        maxcolwidths=[None, 30, None, 80],
    )


def sources_table(doc: DocumentReport) -> str:
    rows = [
        (s.name, s.kind.value, ", ".join(s.claims), ", ".join(s.cue_types).replace("_", " "))
        for s in doc.sources
    ]
    return tabulate(rows, headers=("source", "kind", "claims", "cue types"))


# Per-document tables, in the order they print; a capability adds its table here.
SECTIONS = [
    ("Claims", lambda d: d.claims, claims_table),
    ("Sources", lambda d: d.sources, sources_table),
    ("Constraints", lambda d: d.constraints, constraints_table),
    ("Dates", lambda d: d.dates, dates_table),
    ("Findings", lambda d: d.findings, findings_table),
]


def summary(report: Report) -> str:
    return summary_of(Totals.of(report))


def summary_of(totals: Totals) -> str:
    files, errors = totals.documents, totals.errors
    parts = [f"{files} document{'s' * (files != 1)} checked"]
    parts += [f"{totals.count(s)} {s.value}{'s' * (totals.count(s) != 1)}" for s in Severity]
    if errors:
        parts.append(f"{errors} input error{'s' * (errors != 1)}")
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
        + f", {doc.coverage.checked} of {doc.coverage.figures} figures in a checked relation"
    )
    return "\n\n".join(blocks)


def render(report: Report) -> str:
    out = [render_document(d) for d in report.documents]
    out.append(summary(report))
    return "\n\n".join(out) + "\n"


def finding_line(path: str, finding: Finding) -> str:
    """One grep-friendly line: `path:line:col: severity rule: message`."""
    return (
        f"{path}:{finding.span.line}:{finding.span.column}: {finding.severity.value} "
        f"{finding.rule_id}: {' '.join(finding.message.split())}"
    )


class TextWriter(Writer):
    """The tables per document and the summary line; with `quiet`, only the failing findings,
    one line each (every finding when the fail level is `never`)."""

    def start(self) -> None:
        self.first = True

    def document(self, doc: DocumentReport) -> None:
        if self.info.quiet:
            never = self.info.fail_on == "never"
            for f in doc.findings:
                if never or self.info.fails(f):
                    self.out.write(finding_line(doc.path, f) + "\n")
            return
        self.out.write(("" if self.first else "\n\n") + render_document(doc))
        self.first = False

    def finish(self, totals: Totals) -> None:
        if not self.info.quiet:
            self.out.write(("" if self.first else "\n\n") + summary_of(totals) + "\n")
