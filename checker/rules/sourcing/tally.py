"""What kind of figure a number is, for `sourcing.unsourced-number`: a plain count of the news
event's things ("195 countries", "29 New Yorkers wounded", "a summit of 27 leaders"), which the
article's own reporting covers, against a tally or an estimate someone made ("more than 80,000
troops", "55,000 volunteers"); and a figure a body owns ("the alliance's recommended 2
percent", "a $9.1 million loan from the State of Virginia"), whose source the copy names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.extract.quantities import noun_key
from checker.models import Quantity
from checker.rules.sourcing.coverage import is_body

if TYPE_CHECKING:
    from spacy.tokens import Token

EVENT_COUNT = 1000  # an exact count below this is one of the event's things, not a tally
# words wire copy counts in that are units, not things: "500 mln dlrs", "11 pct"
UNIT_NOUNS = frozenset({
    "pct", "percent", "mln", "bln", "billion", "million", "trillion", "thousand", "dlr", "dlrs",
    "dollar", "stg", "yen", "franc", "mark", "guilder", "lira", "peso", "tonne", "ton", "barrel",
    "ounce", "point",
})  # fmt: skip
OWNER_DEPS = frozenset({"nummod", "compound", "quantmod", "amod", "npadvmod"})
OWNER_PREPS = frozenset({"from", "by"})


def unit_noun(q: Quantity) -> bool:
    """ "500 mln dlrs", "11 pct": the figure is in a unit (its currency or percent, or a counted
    word that is a unit), so the number is a sum or a share however the extractor typed it."""
    return q.unit is not None or (noun_key(q.noun) or "") in UNIT_NOUNS


def event_count(q: Quantity, small: int = EVENT_COUNT) -> bool:
    """An exact count of things below `small` ("195 countries", "11 consecutive victories",
    "Rubio, who has 151"): a count in a news event, which the article's reporting covers. A
    hedged count ("more than 100 lawmakers", "about 300") is someone's tally or estimate, and a
    number of units ("500 mln dlrs", "40 pct") is a sum or a share."""
    return q.kind == "cardinal" and q.value < small and not q.hedge and not unit_noun(q)


def owned_by_body(tokens: list[Token]) -> bool:
    """The figure's noun is a named body's: "the alliance's recommended 2 percent", "the
    Commission on Presidential Debates' 15% threshold", "a $9.1 million loan from the State of
    Virginia" (a possessive or a "from"/"by" of a named organisation or government; not a
    pronoun, a person or an unnamed "his family foundation")."""
    if not tokens:
        return False
    if _split_possessive(tokens[0]):
        return True
    head = tokens[-1]
    while head.dep_ in OWNER_DEPS and head.head is not head:
        head = head.head
    for child in head.children:
        if child.dep_ == "poss" and _named_body(child):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in OWNER_PREPS
            and any(g.dep_ == "pobj" and _named_body(g) for g in child.children)
        ):
            return True
    return False


APOSTROPHES = frozenset({"’", "'"})


def _split_possessive(first: Token) -> bool:
    """ "the Commission on Presidential Debates’ 15 percent threshold": a plural name's
    possessive apostrophe that the parser split off as punctuation (so no "poss" arc); the
    name (or the phrase it closes: "Commission on ...") is a named body's."""
    doc = first.doc
    if first.i < 2 or doc[first.i - 1].text not in APOSTROPHES:
        return False
    name = doc[first.i - 2]
    if name.pos_ != "PROPN" or not name.lower_.endswith("s"):
        return False
    while name.dep_ in ("pobj", "prep") and name.head is not name:
        name = name.head
    return _named_body(name) or is_body(doc[first.i - 2])


def _named_body(t: Token) -> bool:
    return t.pos_ != "PRON" and is_body(t)
