"""The pydantic models every face of factcheck returns: CLI JSON, library API, language server.

Offsets are character offsets into `Document.text` (the plain text the checker reads); line and
column (1-based) point into the *source file*, so an HTML or Markdown editor lands on the right spot.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1"


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A stretch of the document: `text == document.text[start:end]`."""

    start: int
    end: int
    text: str
    line: int = Field(description="1-based line in the source file")
    column: int = Field(description="1-based column in the source file")
    end_line: int
    end_column: int

    @property
    def where(self) -> str:
        return f"{self.line}:{self.column}"


class Quantity(Model):
    """A number stated in the copy, with the interval its wording allows."""

    id: str
    span: Span
    value: float
    low: float = Field(description="smallest value the wording allows (hedges, rounding)")
    high: float = Field(description="largest value the wording allows")
    kind: Literal[
        "cardinal", "percent", "money", "ordinal", "fraction", "year", "duration", "date", "other"
    ] = "cardinal"
    noun: str | None = Field(None, description="what is counted, e.g. 'troops'")
    hedge: str | None = Field(None, description="the hedge word, e.g. 'approximately'")
    attributes: dict[str, str] = Field(
        default_factory=dict, description="identifying attributes: origin, destination, unit"
    )
    elided: bool = Field(False, description="the noun is not written; inherited from context")
    unit: str | None = Field(
        None,
        description="what the value is in: a currency code (USD, GBP, JPY, DEM, ...; cents and "
        "pence are counted in dollars and pounds) or 'percent'; None for a plain count",
    )
    scale: float | None = Field(None, description="the scale word's factor: 1e6 for 'mln'")
    row: str | None = Field(
        None, description="the table row the figure sits in, 'T<table>.<row>' (1-based)"
    )


class SourceKind(str, Enum):
    person = "person"
    organisation = "organisation"
    publication = "publication"
    anonymous = "anonymous"
    none = "none"


class Attribution(Model):
    """Who said what: source, cue and content spans (PolNeAR's model)."""

    source: Span | None
    cue: Span
    content: Span | None
    cue_type: Literal["direct", "indirect", "according_to", "mixed"] = "indirect"
    source_id: str | None = None
    # False for a stance or an act only the learned cue model reads as an attribution ("Berlin
    # backed off", "voters will see"): PolNeAR marks it, but it vouches for nothing, so it gives
    # no source to the claims and figures it touches.
    reported: bool = True


class Source(Model):
    id: str
    name: str
    kind: SourceKind
    mentions: list[Span] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list, description="ids of the claims it supports")
    cue_types: list[str] = Field(default_factory=list)


class Claim(Model):
    """A sentence-level assertion."""

    id: str
    span: Span
    quantities: list[str] = Field(default_factory=list, description="ids of its quantities")
    source_id: str | None = None
    source: str | None = Field(None, description="display name of the source, if any")
    source_kind: SourceKind = SourceKind.none
    row: str | None = Field(None, description="the table row this claim is, 'T<table>.<row>'")
    relations: list[str] = Field(
        default_factory=list,
        description="the checked constraints its figures take part in, with verdicts: 'K1 holds'",
    )


class Verdict(str, Enum):
    holds = "holds"
    violated = "violated"
    undetermined = "undetermined"


class Constraint(Model):
    """A relation between quantities that the wording asserts."""

    id: str
    kind: Literal[
        "sum", "subset", "disjoint", "percent_of", "change", "range", "same_referent", "derived",
        "count_list", "difference", "fraction_percent", "conversion", "date_arithmetic",
        "count_price", "vote_tally", "lead",
    ]  # fmt: skip
    cue: str
    cue_span: Span | None = None
    quantities: list[str] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list)
    verdict: Verdict = Verdict.undetermined
    explanation: str = ""


class Fix(Model):
    """A text edit that applies a suggestion: replace `span` with `replacement`."""

    span: Span
    replacement: str


class Finding(Model):
    rule_id: str
    severity: Severity
    span: Span
    message: str
    suggestion: str | None = None
    fixes: list[Fix] = Field(default_factory=list)
    related: list[Span] = Field(default_factory=list, description="other places the message cites")
    fingerprint: str | None = Field(
        None,
        description="rule id + span text + nearby words, hashed: stable across edits elsewhere",
    )


class Suppressed(Model):
    """A finding a marker in the copy silenced, kept for formats that show it (SARIF)."""

    finding: Finding
    justification: str = Field(description="the marker that silenced it, with its line")


class DateMention(Model):
    """A date the copy states or implies, resolved against the article's date where it can be."""

    span: Span
    kind: Literal["weekday_date", "date", "weekday", "relative"]
    weekday: str | None = Field(None, description="the weekday the copy names, e.g. 'Wednesday'")
    start: dt.date | None = Field(
        None, description="first day meant (ISO 8601); None if unresolved"
    )
    end: dt.date | None = Field(None, description="last day meant; equal to start for one day")
    resolved: str | None = Field(None, description="what the phrase means, e.g. 'January 2022'")
    year_from: Literal["stated", "article", "inferred"] | None = Field(
        None, description="where the year came from: the phrase, the article date, or inference"
    )


class InputError(Model):
    """A file that could not be checked, or a document that was cut, with a one-line reason."""

    path: str
    message: str


class CheckError(Model):
    """A problem with the checker, not the copy: a rule pack, plugin or knowledge pack that
    could not be loaded (`setup`), or a rule that failed on this document (`rule`). The
    document's findings are incomplete; the CLI exits 2."""

    origin: Literal["setup", "rule"]
    rule_id: str | None = Field(None, description="the rule that failed, for origin 'rule'")
    message: str


UNCHECKED_KINDS = ("disjoint", "derived")  # constraints with no arithmetic to check


class Coverage(Model):
    """How many of a document's figures took part in a checked relation."""

    figures: int = 0
    checked: int = 0


class DocumentReport(Model):
    path: str
    title: str | None = None
    date: str | None = Field(None, description="publication date used, ISO 8601")
    date_origin: str | None = Field(None, description="where the date came from")
    words: int = 0
    claims: list[Claim] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    constraints: list[Constraint] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    errors: list[CheckError] = Field(
        default_factory=list, description="checker problems that make this report incomplete"
    )
    suppressed: list[Suppressed] = Field(
        default_factory=list, description="findings silenced in the copy; not in `findings`"
    )
    coverage: Coverage = Field(
        default_factory=Coverage, description="figures that took part in a checked relation"
    )

    @model_validator(mode="after")
    def _coverage(self) -> DocumentReport:
        """Counted from the constraints, so that it always agrees with them."""
        ids = {q.id for q in self.quantities}
        checked = {
            q for k in self.constraints if k.kind not in UNCHECKED_KINDS for q in k.quantities
        }
        self.coverage = Coverage(figures=len(ids), checked=len(checked & ids))
        return self

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


class Report(Model):
    schema_version: str = SCHEMA_VERSION
    documents: list[DocumentReport] = Field(default_factory=list)
    errors: list[InputError] = Field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    def worst(self) -> Severity | None:
        ranks = [f.severity for f in self.findings]
        return max(ranks, key=lambda s: s.rank) if ranks else None
