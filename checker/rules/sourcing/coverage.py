"""Where a figure's source may be given other than in its own sentence: its paragraph, the
paragraphs either side when they give figures of the same kind, the lead when a body or a
document is stated as the article's source, and the cues that vouch for a figure without
naming a speaker ("county records show", "cited by", "the ministry revised its estimate")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.analysis import Analysis, AttributionRecord
from checker.extract.quantities import noun_key
from checker.models import Quantity, SourceKind
from checker.rules.sourcing.common import attributed

if TYPE_CHECKING:
    from spacy.tokens import Token

    from checker.nlp import Sentence

NEIGHBOURS = 1  # paragraphs either side whose source covers figures of the same kind
LEAD_SENTENCES = 1  # the opening sentences (after a headline) that can state the article's source
# a document that vouches for what it shows: "county records show", "the agency's review found"
DOCUMENT_NOUNS = frozenset({
    "record", "data", "figure", "statistic", "survey", "report", "analysis", "review", "study",
    "document", "filing", "poll", "census", "estimate", "tally", "count", "audit", "statement",
    "release", "return", "register", "table", "chart", "forecast", "projection", "index",
})  # fmt: skip
SHOW_VERBS = frozenset({
    "show", "find", "indicate", "reveal", "list", "put", "estimate", "suggest", "say", "detail",
    "count", "tally", "record", "project", "forecast", "calculate", "state",
})  # fmt: skip
# a body's own acts, which vouch for the figures they govern: "the department revised its
# estimate to 2.9%", "the group unveiled a $10 million ad campaign"
OWN_ACTS = frozenset({
    "announce", "release", "revise", "unveil", "report", "estimate", "post", "disclose",
    "forecast", "project", "publish", "issue", "set", "offer", "propose", "bid", "price", "file",
    "record", "raise", "launch", "lower", "cut", "represent", "budget", "declare", "bundle",
    "spend", "allocate", "invest", "commit",
})  # fmt: skip
IMPOSED = frozenset({"impose", "levy", "fine", "award", "approve", "grant", "assess", "order"})
BODY_ENTITIES = frozenset({"ORG", "GPE", "NORP"})
BODY_NOUNS = frozenset({
    "company", "firm", "group", "department", "ministry", "agency", "bank", "government",
    "committee", "commission", "board", "union", "campaign", "party", "association", "council",
    "bureau", "office", "corporation", "administration", "authority", "fund", "court",
    "subsidiary", "unit", "lender", "lenders", "organization", "organisation", "coalition",
    "alliance", "state",
})  # fmt: skip
OUTLET_REACH = 4  # tokens after a source that can name the outlet it is part of
SHARE_UNITS = frozenset({"pct", "percent", "%"})
MONEY_UNITS = frozenset({
    "mln", "bln", "billion", "million", "trillion", "dlr", "dlrs", "dollar", "stg", "yen",
    "franc", "mark", "guilder", "lira", "peso", "cent",
})  # fmt: skip
CITED = ("cited by", "compiled by", "according to", "provided by", "published by", "released by")


def kind_of(q: Quantity) -> tuple[str, str]:
    """What a figure measures, to tell a neighbour's figures of the same kind: a percentage, a
    sum or a count of one noun. Wire copy's units count as what they measure: "40 pct" is a
    percentage and "500 mln dlrs" a sum however the extractor typed them."""
    unit = noun_key(q.noun) or ""
    if q.kind == "money" or unit in MONEY_UNITS:
        return "money", ""
    if q.kind == "percent" or unit in SHARE_UNITS:
        return "percent", ""
    return "cardinal", unit


class Coverage:
    """Which stretches of an article have a source that covers a figure, read once."""

    def __init__(
        self,
        analysis: Analysis,
        body_start: int,
        neighbours: int = NEIGHBOURS,
        lead_sentences: int = LEAD_SENTENCES,
    ) -> None:
        self.analysis = analysis
        self.neighbours = neighbours
        self.paragraphs = analysis.layout.paragraphs
        self._sourced: dict[int, bool] = {}
        self._kinds: dict[int, set[tuple[str, str]]] = {}
        by_par: dict[int, set[tuple[str, str]]] = {}
        for q in analysis.quantities:
            by_par.setdefault(self._index(q.span.start), set()).add(kind_of(q))
        self._kinds = by_par
        text = analysis.text  # the lead's sentences, not a stray "<" of wire markup
        body = [
            s
            for s in analysis.sentences
            if s.start >= body_start and any(ch.isalpha() for ch in text[s.start : s.end])
        ][:lead_sentences]
        # where the article's stated source ends (0: the lead states none)
        self.lead_end = next((s.end for s in body if self._states_source(s)), 0)

    def _index(self, offset: int) -> int:
        return self.analysis.layout.paragraph_index(offset)

    def sourced(self, i: int) -> bool:
        """A paragraph where somebody reports something, or a document or a body vouches."""
        known = self._sourced.get(i)
        if known is None:
            a, b = self.paragraphs[i]
            known = bool(attributed(self.analysis, a, b, reported=True)) or any(
                vouches(s) for s in self.analysis.layout.sentences_between(a, b)
            )
            self._sourced[i] = known
        return known

    def _states_source(self, sent: Sentence) -> bool:
        """A lead whose source is a body, a person or a document (not another outlet relayed:
        "according to the Associated Press" covers its own sentence only)."""
        records = attributed(self.analysis, sent.start, sent.end, reported=True)
        if any(self._relays_outlet(r) for r in records):
            return False
        return bool(records) or vouches(sent)

    def _relays_outlet(self, record: AttributionRecord) -> bool:
        """ "according to the Associated Press", "a new report by Politico": the lead relays
        another outlet, whose sources the article does not give."""
        speaker = record.reporting_speaker
        if speaker is not None and speaker.kind == SourceKind.publication:
            return True
        source, kb = record.attribution.source, self.analysis.kb
        if source is None or kb is None:
            return False
        tokens = self.analysis.layout.tokens_between(source.start, source.end)
        if not tokens:
            return False
        last = tokens[-1]
        after = last.doc[last.i + 1 : last.i + 1 + OUTLET_REACH]  # "a report by Politico"
        return any(
            (org := kb.organisation(t.text)) is not None and org.kind == "publication"
            for t in [*tokens, *after]
            if t.pos_ == "PROPN"
        )

    def covers(self, offset: int, figures: list[Quantity]) -> bool:
        """Whether a source given near `offset` covers these figures."""
        i = self._index(offset)
        if self.sourced(i):
            return True
        kinds = {kind_of(q) for q in figures}
        lo, hi = max(i - self.neighbours, 0), min(i + self.neighbours, len(self.paragraphs) - 1)
        near = [j for j in range(lo, hi + 1) if j != i]
        if any(self.sourced(j) and kinds & self._kinds.get(j, set()) for j in near):
            return True
        return 0 < self.lead_end <= offset  # the lead's source is the article's


def vouches(sent: Sentence) -> bool:
    """A sentence whose figures a document or a body vouches for: "county records show",
    "figures from the ministry show", "the agency's review found", "cited by", "the Commerce
    Department revised its estimate"."""
    folded = sent.span.text.lower()
    if any(cue in folded for cue in CITED):
        return True
    return any(_document_shows(t) or _body_acts(t) for t in sent.span)


def _document_shows(t: Token) -> bool:
    if t.pos_ != "VERB" or t.lemma_.lower() not in SHOW_VERBS:
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in DOCUMENT_NOUNS for c in t.children
    )


def _body_acts(t: Token) -> bool:
    """ "The group unveiled a $10 million ad campaign"; "a $100 million penalty imposed by the
    Consumer Financial Protection Bureau" (the body acting, in the passive)."""
    if t.pos_ != "VERB":
        return False
    lemma = t.lemma_.lower()
    if lemma in OWN_ACTS and any(c.dep_ == "nsubj" and is_body(c) for c in t.children):
        return True
    return lemma in OWN_ACTS | IMPOSED and any(
        c.dep_ == "agent" and any(g.dep_ == "pobj" and is_body(g) for g in c.children)
        for c in t.children
    )


def is_body(t: Token) -> bool:
    """An organisation or a government: "The Commerce Department", "Wells Fargo", "it" (not a
    person: "Sanders raised")."""
    return (
        t.ent_type_ in BODY_ENTITIES
        or t.lemma_.lower() in BODY_NOUNS
        or t.lower_ == "it"
        or (t.pos_ == "PROPN" and any(c.ent_type_ in BODY_ENTITIES for c in t.subtree))
    )
