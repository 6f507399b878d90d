"""What every cue finder reads: the quantities sentence by sentence, and the `Relation` it returns.

A `Relation` is the solver's view of a constraint: which quantities play which part. Quantities
are listed in a fixed order per kind (see `checker/solve.py`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from checker.analysis import Analysis
from checker.extract.quantities import HEDGE_WORDS, noun_key
from checker.models import Quantity

MadeKind = Literal["cardinal", "year", "duration"]


@dataclass
class Relation:
    kind: str
    cue: str
    cue_start: int
    cue_end: int
    quantities: list[Quantity]
    factor: float | None = None  # change: "doubled" is 2
    direction: int = 0  # change: +1 rose, -1 fell
    points: bool = False  # change: "up 5 percentage points"
    optional: int = 0  # sum: the last parts may or may not belong ("plus two independents")
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.quantities)


class Context:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.text = analysis.text
        # sentences cut at paragraph breaks: a paragraph never runs on ("U.S.\n\nThe"), nor a
        # title into its subtitle; a line wrapped mid-sentence is no break (`Layout.segments`)
        self.bounds = analysis.layout.segments
        self._starts = [b.start for b in self.bounds]
        self.sentences: list[list[Quantity]] = [[] for _ in self.bounds]
        self.index: dict[str, int] = {}
        for q in analysis.quantities:
            i = self.sentence_of(q.span.start)
            if i is not None:
                self.sentences[i].append(q)
                self.index[q.id] = i

    def sentence_of(self, offset: int) -> int | None:
        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self.bounds[i].end else None

    def before(self, q: Quantity, chars: int = 40) -> str:
        """The text before a quantity, back to the start of its sentence at most."""
        sent = self.bounds[self.index[q.id]]
        return self.text[max(sent.start, q.span.start - chars) : q.span.start]

    def between(self, a: Quantity, b: Quantity) -> str:
        """The words between two figures, without the second one's hedge ("almost")."""
        gap = self.text[a.span.end : b.span.start]
        if b.hedge:
            m = re.search(rf"(?<![\w]){re.escape(b.hedge)}\s+(?:the\s+)?$", gap, re.IGNORECASE)
            gap = gap[: m.start()] if m else gap
        return gap

    def sentence_text(self, i: int) -> str:
        sent = self.bounds[i]
        return self.text[sent.start : sent.end]

    def figure(self, prefix: str, start: int, end: int, value: int, kind: MadeKind) -> Quantity:
        """The extracted quantity at exactly `start:end` (the 7 of "by a vote of 7 to 2"), else
        one made of the words (`made`): a relation makes only the figures the extractor missed."""
        for q in self.analysis.quantities:
            if q.span.start == start and q.span.end == end and q.value == value:
                return q
        return self.made(prefix, start, end, value, kind)

    def made(self, prefix: str, start: int, end: int, value: int, kind: MadeKind) -> Quantity:
        """A figure read from words that are no quantity ("three-judge", a year, the N of
        "N-year"), id `prefix` + its offset."""
        span = self.analysis.document.span(start, end)
        return Quantity(
            id=f"{prefix}{start}", span=span, value=value, low=value, high=value, kind=kind
        )

    def counts(self, i: int) -> list[Quantity]:
        """The counted figures of sentence i (cardinals, not percents or money)."""
        return [q for q in self.sentences[i] if q.kind == "cardinal"]


MEASURES = {
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
    "mile", "kilometer", "foot", "feet", "meter", "inch", "pound", "ton", "acre",
    "dollar", "cent", "euro", "peso", "percent", "point", "time",
}  # fmt: skip


def comparable(a: Quantity, b: Quantity) -> bool:
    """A part and a whole of the same measure: 'six months' is not part of 'three years'."""
    ka, kb = noun_key(a.noun), noun_key(b.noun)
    return ka == kb or (ka not in MEASURES and kb not in MEASURES)


# wholes whose parts are named by another noun ("50 people, including 20 children")
GROUPS = {
    "people", "person", "adult", "voter", "resident", "member", "worker", "employee",
    "passenger", "citizen", "student", "soldier", "troop", "delegate", "american", "victim",
    "patient", "child", "respondent", "supporter", "immigrant", "refugee", "official",
}  # fmt: skip


def kind_of(part: Quantity, whole: Quantity) -> bool:
    """Whether `part` can count some of what `whole` counts: the same noun, one of them
    unwritten, or a group of people and some of them; not '13 exchanges including 68,000
    lines', which counts the lines in them."""
    kp, kw = noun_key(part.noun), noun_key(whole.noun)
    if kp == kw or kp is None or kw is None or part.elided or whole.elided:
        return True
    return kw in GROUPS or f"{kw}s" in GROUPS


# nouns that count kinds of things, whose units a part may count instead: "35,000 of the two
# models", "Of the two components comprising central bank money stock, cash ... 110.9 billion"
KINDS = {
    "model", "component", "type", "kind", "class", "category", "categorie", "series", "grade",
    "version", "brand", "variety", "segment", "aggregate",
}  # fmt: skip


UNITS_OF_KINDS = 10  # a part this many times a count of kinds counts their units


def counts_kinds(whole: Quantity, part: Quantity) -> bool:
    """'35,000 of the two models': the part counts units of the kinds the whole counts ('four
    of the three models' is still a part above its whole)."""
    key = noun_key(whole.noun)
    kinds = key is not None and (key in KINDS or key.rstrip("s") in KINDS)
    return kinds and part.value > UNITS_OF_KINDS * whole.value


def same_noun(a: Quantity, b: Quantity) -> bool:
    return a.noun is not None and noun_key(a.noun) == noun_key(b.noun)


def ends_with(pattern: str, text: str) -> re.Match[str] | None:
    """`pattern` (group "cue") right before the end of `text`, the words just before a figure,
    allowing the figure's hedge in between ("bringing the total to over 1,750")."""
    return re.search(
        rf"(?<![\w])(?P<cue>{pattern})\s*(?:(?:{HEDGE_WORDS})\s+)?$", text, re.IGNORECASE
    )
