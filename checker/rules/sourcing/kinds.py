"""Which unsourced figures an editor must send back, for `sourcing.unsourced-number`: an
estimate or a forecast ("Iraq is estimated to have foreign debt of about 50 billion dlrs", "by
one estimate", a rough count of thousands: "more than 100,000 Russian troops"), or a survey
result ("85 percent support among black voters", "above 80 percent
in some polls"). Someone made these numbers, and the copy must say who. Any other unsourced
figure (a count or a sum stated as fact: "2 million accounts", "a $100,000 contribution") is
often the article's own reporting or a matter of record, and is reported at a lower level."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.extract.quantities import noun_key
from checker.models import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from checker.nlp import Sentence

# words that make a figure someone's estimate or forecast (lemmas, lower case)
ESTIMATE_LEMMAS = frozenset({
    "estimate", "projection", "forecast", "predict", "prediction", "expect", "anticipate",
    "calculate", "calculation", "guess", "reckon", "extrapolate",
})  # fmt: skip
BELIEF_PARTICIPLES = frozenset({"think", "believe"})  # "is thought to be", "believed to have"
# words that make a share a survey's result ("85 percent support", "in some polls")
SURVEY_LEMMAS = frozenset({
    "poll", "survey", "polling", "pollster", "support", "approval", "approve", "disapprove",
    "favorability", "favorable", "unfavorable", "popularity", "respondent", "back", "backing",
    "favor", "prefer",
})  # fmt: skip
SHARES = frozenset({"percent", "pct", "%", "point", "percentage point"})
TALLY = 1000  # a hedged count of this many things is an estimate ("more than 80,000 troops")


def claim_kind(sent: Sentence, q: Quantity) -> str | None:
    """ "estimate" or "survey" when the sentence makes the figure one (see the module), else
    None: a figure stated as a fact."""
    words = list(sent.span)
    if any(_estimates(t) for t in words):
        return "estimate"
    if q.kind == "cardinal" and q.hedge and q.value >= TALLY and q.unit is None:
        return "estimate"  # "more than 100,000 Russian troops": someone counted, roughly
    share = q.kind == "percent" or (noun_key(q.noun) or "") in SHARES
    if share and any(t.lemma_.lower() in SURVEY_LEMMAS for t in words):
        return "survey"
    return None


def _estimates(t: Token) -> bool:
    lemma = t.lemma_.lower()
    if lemma in ESTIMATE_LEMMAS:
        return True
    return (
        t.tag_ == "VBN"
        and lemma in BELIEF_PARTICIPLES
        and any(c.dep_ == "auxpass" for c in t.children)
    )
