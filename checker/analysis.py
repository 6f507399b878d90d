"""`Analysis`: the one annotated document every stage and rule reads and adds to.

Its layers are declared here, each with its type. A stage declares the layers it `requires`
and the ones it `assigns` (as spaCy components do, `checker.pipeline.stage`); a rule declares
what it `requires`. Reading a layer that no stage has made yet raises `LayerError`, and an
attribute that is not declared cannot be set (`__slots__`), so a misspelt layer fails loudly
instead of reading as empty.

Three requirements are conditions, not layers: `KB` (a knowledge base was built),
`ARTICLE_DATE` (the article's date is known or was inferred) and `ARTICLE_YEARS` (the date, or
else the span of years the evidence fits, `date_span`). The engine skips a rule whose
requirement is not met, so no rule repeats the guard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from checker.document import Document
from checker.layout import Layout, SpanIndex
from checker.models import (
    Attribution,
    CheckError,
    Claim,
    Constraint,
    DocumentReport,
    Finding,
    Quantity,
    Source,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from checker.article_date import Dated
    from checker.config import Config
    from checker.constraints.context import Relation
    from checker.dating import Inference, YearSpan
    from checker.extract.dates import DatePhrase
    from checker.extract.found import Found
    from checker.extract.people import PersonMention
    from checker.knowledge import KnowledgeBase
    from checker.limits import Budget
    from checker.nlp import Sentence
    from checker.sources import Speaker
    from checker.suppress import Suppression

T = TypeVar("T")

KB, ARTICLE_DATE = "kb", "article_date"  # conditions a rule may require, beside the layers
ARTICLE_YEARS = "article_years"  # the date, or else the span of years the evidence fits
CONDITIONS = frozenset({KB, ARTICLE_DATE, ARTICLE_YEARS})


class LayerError(AttributeError):
    """A layer read before the stage that makes it ran: a stage or rule out of order, or one
    that reads a layer it did not declare."""


class Layer(Generic[T]):
    """A declared layer of the `Analysis`: set once by the stage that makes it, then read."""

    name: str

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Layer[T]: ...
    @overload
    def __get__(self, obj: Analysis, owner: type) -> T: ...
    def __get__(self, obj: Analysis | None, owner: type) -> Layer[T] | T:
        if obj is None:
            return self
        if obj.reads is not None:
            obj.reads.add(self.name)
        try:
            return obj.layers[self.name]
        except KeyError:
            raise LayerError(f"layer {self.name!r} read before a stage made it") from None

    def __set__(self, obj: Analysis, value: T) -> None:
        obj.layers[self.name] = value


@dataclass(eq=False)  # records are compared by identity: two may say the same
class AttributionRecord:
    """One attribution: the model the report shows, the offsets and tokens the extractor found,
    and the speaker the sources stage resolved (None: nobody the copy names)."""

    attribution: Attribution
    found: Found
    speaker: Speaker | None = None

    @property
    def reporting_speaker(self) -> Speaker | None:
        """The speaker if the attribution reports words or views; None for a stance or an act
        ("members who voted against", "Berlin backed off"), which sources nothing."""
        return self.speaker if self.attribution.reported else None


@dataclass(eq=False)
class ConstraintRecord:
    """One constraint: the model the report shows (verdict and arithmetic, after `solve`) and
    the relation it was built from, which is what the solver reads."""

    constraint: Constraint
    relation: Relation


class Analysis:
    """One document being checked: its text, its layers, and the findings rules add."""

    __slots__ = (
        "_layout",
        "config",
        "document",
        "errors",
        "findings",
        "kb",
        "layers",
        "reads",
    )

    docs: Layer[list[tuple[int, Doc]]] = Layer()
    """spaCy Docs with the offset each starts at (made by the annotation step)."""
    sentences: Layer[list[Sentence]] = Layer()
    dates: Layer[list[Dated]] = Layer()
    """Every date phrase with its resolved `DateMention` (stage `article_date.extract`)."""
    impossible_dates: Layer[list[DatePhrase]] = Layer()
    """Days that do not exist ("Feb. 30")."""
    date_inference: Layer[Inference | None] = Layer()
    """How the article date was inferred, when the file gave none."""
    date_span: Layer[YearSpan | None] = Layer()
    """The years an undated article may be from, when the evidence pins none of them."""
    quantities: Layer[list[Quantity]] = Layer()
    claims: Layer[list[Claim]] = Layer()
    constraints: Layer[list[ConstraintRecord]] = Layer()
    """Each constraint with its relation (what the solver reads)."""
    conflicts: Layer[list[list[str]]] = Layer()
    """Sets of constraint ids that cannot all hold together (stage `solve.solve`)."""
    unsolved: Layer[list[str]] = Layer()
    """Constraint ids the solver did not check in full: too many figures, too large a set of
    linked constraints, or past z3's time limit."""
    places: Layer[list[tuple[int, int, str]]] = Layer()
    """(start, end, name as written) of every place name or spelling the knowledge base knows."""
    people: Layer[list[PersonMention]] = Layer()
    """People named in the copy, read against the knowledge base (stage `people.extract`)."""
    organisations: Layer[list[tuple[int, int, str]]] = Layer()
    """(start, end, organisation id) of every organisation the knowledge base knows."""
    attributions: Layer[list[AttributionRecord]] = Layer()
    sources: Layer[list[Source]] = Layer()
    spoken: Layer[SpanIndex[AttributionRecord]] = Layer()
    """The attributions with a speaker, by the stretches their cue and content cover."""
    suppressions: Layer[list[Suppression]] = Layer()
    """Markers in the copy, each with the findings it silenced (made by `suppress.apply`)."""
    run: Layer[Budget] = Layer()
    """What the run did: the time budget, and the stages and rules it skipped."""

    def __init__(self, document: Document, config: Config, kb: KnowledgeBase | None = None) -> None:
        self.document = document
        self.config = config
        self.kb = kb
        self.findings: list[Finding] = []
        self.errors: list[CheckError] = []
        self.layers: dict[str, Any] = {}
        self.reads: set[str] | None = None  # layer names read, when a test is watching
        self._layout: Layout | None = None

    @property
    def knowledge(self) -> KnowledgeBase:
        """The knowledge base, for a rule that requires `KB` (the engine skips it otherwise)."""
        if self.reads is not None:
            self.reads.add(KB)
        if self.kb is None:
            raise LayerError("no knowledge base: a rule that reads it must require KB")
        return self.kb

    @property
    def known_date(self) -> date:
        """The article date, for a rule that requires `ARTICLE_DATE`."""
        if self.reads is not None:
            self.reads.add(ARTICLE_DATE)
        day = self.article_date
        if day is None:
            raise LayerError("no article date: a rule that reads it must require ARTICLE_DATE")
        return day

    def known_days(self) -> tuple[date, date]:
        """The first and last day the article may be from, for a rule that requires
        `ARTICLE_YEARS`: its date twice, else the days of its inferred `date_span`, hand-over
        days included (a holder who took over on the span's last day held the office in it)."""
        if self.reads is not None:
            self.reads.add(ARTICLE_YEARS)
        day = self.article_date
        if day is not None:
            return day, day
        span = self._usable_span()
        if span is None:
            raise LayerError("no article years: a rule that reads them must require ARTICLE_YEARS")
        return span.start, span.end

    def _usable_span(self) -> YearSpan | None:
        """The inferred span of years, unless there is none or its evidence conflicts."""
        span = self.layers.get("date_span")
        return None if span is None or span.conflict else span

    def has(self, requirement: str) -> bool:
        """Whether a layer is made, or a condition (`KB`, `ARTICLE_DATE`) is met."""
        if requirement == KB:
            return self.kb is not None
        if requirement == ARTICLE_DATE:
            return self.article_date is not None
        if requirement == ARTICLE_YEARS:
            return self.article_date is not None or self._usable_span() is not None
        return requirement in self.layers

    def missing(self, requirements: tuple[str, ...]) -> list[str]:
        return [r for r in requirements if not self.has(r)]

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def layout(self) -> Layout:
        """Paragraphs, quotations, sentences and tokens by offset: computed once, read by all.
        (Before the sentences are made it knows the text only; it takes them on when they are.)"""
        sentences = self.layers.get("sentences")
        if self._layout is None:
            self._layout = Layout(self.text, sentences or ())
        elif sentences is not None and self._layout.sentences is not sentences:
            self._layout = self._layout.resentenced(sentences)
        return self._layout

    @property
    def article_date(self) -> date | None:
        """The publication date: from the file or `--date`, else the one the dates stage
        inferred (`date_inference`, which says how)."""
        if self.document.date:
            try:
                return date.fromisoformat(self.document.date)
            except ValueError:
                return None
        inferred = self.layers.get("date_inference")
        return inferred.day if inferred else None

    def sentence_at(self, offset: int) -> Sentence | None:
        return self.layout.sentence_at(offset)

    def claim_at(self, offset: int) -> Claim | None:
        return Layout.item_at(self.claims, offset)

    def _span_origin(self) -> str | None:
        span = None if self.document.date else self.layers.get("date_span")
        if span is None:
            return self.document.date_origin
        if span.conflict:
            return f"no date: the evidence conflicts: {span.reason}"
        return f"inferred range {span.low}-{span.high}: {span.reason}"

    def _reported_figures(self) -> tuple[list[Quantity], list[Claim]]:
        """The extracted quantities plus the figures a relation made of words that are no
        quantity (the years and span of "the six-year period, 1984 to 1989", the size of "the
        nine-member board", a tally's votes the extractor missed), so that every
        constraint's ids resolve; each claim lists the made figures inside it. The rules read
        the extracted quantities only, so a made figure draws no finding of its own."""
        extracted: list[Quantity] = self.layers.get("quantities", [])
        claims: list[Claim] = self.layers.get("claims", [])
        known = {q.id for q in extracted}
        made: dict[str, Quantity] = {}
        for record in self.layers.get("constraints", []):
            for q in record.relation.quantities:
                if q.id not in known:
                    made.setdefault(q.id, q)
        if not made:
            return extracted, claims
        quantities = sorted([*extracted, *made.values()], key=lambda q: q.span.start)
        order = {q.id: n for n, q in enumerate(quantities)}
        inside: dict[str, list[str]] = {}
        for q in made.values():
            claim = self.claim_at(q.span.start)
            if claim is not None:
                inside.setdefault(claim.id, []).append(q.id)
        claims = [
            c.model_copy(
                update={"quantities": sorted([*c.quantities, *inside[c.id]], key=order.__getitem__)}
            )
            if c.id in inside
            else c
            for c in claims
        ]
        return quantities, claims

    def report(self) -> DocumentReport:
        doc = self.document
        inferred = None if doc.date else self.layers.get("date_inference")
        quantities, claims = self._reported_figures()
        return DocumentReport(
            path=doc.path,
            title=doc.title,
            date=inferred.day.isoformat() if inferred else doc.date,
            date_origin=f"inferred: {inferred.reason}" if inferred else self._span_origin(),
            words=doc.words,
            claims=claims,
            quantities=quantities,
            attributions=[r.attribution for r in self.layers.get("attributions", [])],
            sources=self.layers.get("sources", []),
            constraints=[r.constraint for r in self.layers.get("constraints", [])],
            findings=sorted(
                self.findings, key=lambda f: (f.span.start, -f.severity.rank, f.rule_id)
            ),
            dates=[d.mention for d in self.layers.get("dates", [])],
            errors=self.errors,
        )
