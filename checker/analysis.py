"""`Analysis`: the one annotated document every stage and rule reads and adds to."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from checker.document import Document
from checker.models import (
    Attribution,
    Claim,
    Constraint,
    DocumentReport,
    Finding,
    Quantity,
    Source,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from checker.config import Config
    from checker.nlp import Sentence


@dataclass
class Analysis:
    document: Document
    config: Config
    docs: list[tuple[int, Doc]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    constraints: list[Constraint] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    resources: dict[str, Any] = field(default_factory=dict, repr=False)
    """Shared, warm objects (knowledge base, ...) the `Checker` hands to every document."""
    extras: dict[str, Any] = field(default_factory=dict, repr=False)
    """Stage-private mentions (people, dates, ...) that later rules may read."""

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def article_date(self) -> date | None:
        """The publication date: from the file or `--date`, else the one a dates stage inferred
        (`extras["inferred_date"]`, with `extras["inferred_date_reason"]` saying how)."""
        if self.document.date:
            try:
                return date.fromisoformat(self.document.date)
            except ValueError:
                return None
        return self.extras.get("inferred_date")

    def sentence_at(self, offset: int) -> Sentence | None:
        # Sentences and claims are in text order: bisect keeps rules linear on huge documents.
        i = bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        sent = self.sentences[i] if i >= 0 else None
        return sent if sent and sent.start <= offset < sent.end else None

    def claim_at(self, offset: int) -> Claim | None:
        i = bisect_right(self.claims, offset, key=lambda c: c.span.start) - 1
        claim = self.claims[i] if i >= 0 else None
        return claim if claim and claim.span.start <= offset < claim.span.end else None

    def report(self) -> DocumentReport:
        doc = self.document
        inferred = None if doc.date else self.extras.get("inferred_date")
        return DocumentReport(
            path=doc.path,
            title=doc.title,
            date=inferred.isoformat() if inferred else doc.date,
            date_origin=(
                f"inferred: {self.extras.get('inferred_date_reason', '')}"
                if inferred
                else doc.date_origin
            ),
            words=doc.words,
            claims=self.claims,
            quantities=self.quantities,
            attributions=self.attributions,
            sources=self.sources,
            constraints=self.constraints,
            findings=sorted(
                self.findings, key=lambda f: (f.span.start, -f.severity.rank, f.rule_id)
            ),
            dates=[d.mention for d in self.extras.get("dates", [])],
        )
