"""Quantities: numbers stated in the copy, with spans, intervals, counted nouns and attributes.

A hedge or a rounded figure becomes an interval ("approximately 1,700" is 1,650-1,750; "more than
100,000" has no upper bound); a bare whole number in digits or words is exact. The counted noun
comes from the parse ("3,000 troops"), or, when elided ("another 2,000", "the remaining 300"),
from the nearest earlier figure that names one. Attributes that identify a group (origin,
destination, unit, group) come from the prepositions around the figure.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from checker.analysis import Analysis
from checker.extract.numerals import Numeral, find_numerals
from checker.extract.units import CURRENCY_WORDS, SCALE_WORDS
from checker.models import Quantity
from checker.pipeline import stage

if TYPE_CHECKING:
    from spacy.tokens import Token

    from checker.nlp import Sentence

UNBOUNDED = sys.float_info.max  # JSON-safe stand-in for "no upper bound"
ELISION_SENTENCES = 4  # how far back an elided noun may be inherited from

_HEDGES: tuple[tuple[str, str], ...] = (
    ("approx", r"approximately|about|around|roughly|some|an estimated|estimated|close to|circa"),
    ("nearly", r"nearly|almost|just under|just shy of|not quite"),
    ("above", r"more than|over|upwards of|upward of|in excess of|just over|well over"),
    ("atleast", r"at least|no fewer than|no less than|a minimum of"),
    ("upto", r"up to|as many as|as much as|no more than|at most|a maximum of"),
    ("below", r"fewer than|less than|under|well under"),
)
_HEDGES = tuple((kind, words.replace(" ", r"\s+")) for kind, words in _HEDGES)  # wrapped lines
HEDGE_WORDS = "|".join(words for _, words in _HEDGES)
_HEDGE_BEFORE = [
    (kind, re.compile(rf"(?<![\w])(?P<hedge>{words})\s+(?:the\s+)?$", re.IGNORECASE))
    for kind, words in _HEDGES
]
_HEDGE_AFTER = re.compile(r"\s+(?P<hedge>or more|or so|or fewer|or less)\b", re.IGNORECASE)
_AFTER_KIND = {"or more": "atleast", "or so": "approx", "or fewer": "upto", "or less": "upto"}
_UNIT_WORDS = {"%", "percent", "per", "cent", "percentage", "point", "points", "pct"}
# the scale and money words a figure's span may hold ("310 mln dlrs"): never its counted noun
_WRITTEN_UNIT = re.compile(
    rf"(?:{SCALE_WORDS}|{CURRENCY_WORDS}|(?:US|C|A|NZ|HK)?[$£€¥]|U\.S\.|US|N\.Z\.)$", re.IGNORECASE
)
_LOSS_BEFORE = re.compile(r"(?<![\w])(?:loss|deficit)\s+(?:of\s+)?$", re.IGNORECASE)
_ATTRIBUTE_PREPS = {"from": "origin", "to": "destination", "into": "destination"}
_VERB_DEPS = {"nsubj", "nsubjpass", "dobj"}


@stage(requires=("sentences",), assigns=("quantities",))
def extract(analysis: Analysis) -> None:
    found: list[Quantity] = []
    sentence_of: dict[str, int] = {}
    for numeral in find_numerals(analysis.text):
        i = analysis.layout.sentence_index(numeral.start)
        if i is None:
            continue  # between sentences: whitespace only, never a figure
        if _apposed_age(analysis.sentences[i], numeral) or _ordinal(analysis, numeral):
            continue
        quantity = _quantity(analysis, analysis.sentences[i], numeral, f"Q{len(found) + 1}")
        quantity.row = analysis.layout.row_at(numeral.start)
        sentence_of[quantity.id] = i
        _inherit_noun(quantity, found, sentence_of)
        found.append(quantity)
    analysis.quantities = found


def _quantity(analysis: Analysis, sent: Sentence, numeral: Numeral, qid: str) -> Quantity:
    text = analysis.text
    hedge, hedge_kind = _hedge(text, numeral)
    low, high = interval(numeral, hedge_kind)
    if numeral.value >= 0:
        low = max(low, 0.0)  # counts, shares and sums of money are never negative
    tokens = analysis.layout.tokens_between(numeral.start, numeral.end)
    anchor = _anchor(tokens)
    noun = _counted_noun(anchor, tokens) if anchor is not None else None
    attributes = _attributes(anchor, noun) if anchor is not None else {}
    if numeral.currency:
        attributes["currency"] = numeral.currency
    if _LOSS_BEFORE.search(text[max(0, numeral.start - 12) : numeral.start]):
        attributes["sign"] = "loss"  # "Net loss 1.5 mln vs profit 868,000": the loss's size
    return Quantity(
        id=qid,
        span=analysis.document.span(numeral.start, numeral.end),
        value=numeral.value,
        low=low,
        high=high,
        kind=numeral.kind,
        noun=noun.text.lower() if noun is not None else None,
        hedge=hedge,
        attributes=attributes,
        unit=numeral.code,
        scale=numeral.scale,
    )


def _ordinal(analysis: Analysis, numeral: Numeral) -> bool:
    """'a third term', 'a fourth straight win': an ordinal, not the share 'a third of'."""
    if numeral.kind != "fraction":
        return False
    tokens = analysis.layout.tokens_between(numeral.start, numeral.end)
    last = tokens[-1] if tokens else None
    return (
        last is not None
        and len(tokens) == 2
        and tokens[0].lower_ in ("a", "one")
        and last.dep_ == "amod"
        and last.head.i > last.i
    )


def _apposed_age(sent: Sentence, numeral: Numeral) -> bool:
    """'John Doe, 19, and Jane Roe, 22, were charged': an age set off by commas after a
    person's name is not a count."""
    if numeral.kind != "cardinal" or not numeral.value.is_integer() or numeral.value >= 120:
        return False
    tokens = list(sent.span)
    at = [n for n, t in enumerate(tokens) if sent.offset(t) == numeral.start]
    if not at or at[0] < 2 or at[0] + 1 >= len(tokens):
        return False
    n = at[0]
    name, comma, after = tokens[n - 2], tokens[n - 1], tokens[n + 1]
    return (
        comma.text == ","
        and after.text in (",", ".", ";")
        and name.ent_type_ == "PERSON"
        and sent.offset(after) == numeral.end
    )


def _hedge(text: str, numeral: Numeral) -> tuple[str | None, str | None]:
    before = text[max(0, numeral.start - 30) : numeral.start]
    for kind, pattern in _HEDGE_BEFORE:
        m = pattern.search(before)
        if m:
            return " ".join(m.group("hedge").lower().split()), kind
    m = _HEDGE_AFTER.match(text, numeral.end)
    if m:
        word = " ".join(m.group("hedge").lower().split())
        return word, _AFTER_KIND[word]
    return None, None


def tolerance(numeral: Numeral) -> float:
    """How far a hedged figure may stray: its rounding (at most 10%), and at least 2%."""
    unit = numeral.unit or _trailing_unit(numeral.value)
    return max(min(unit / 2, numeral.value * 0.1), numeral.value * 0.02)


def _trailing_unit(value: float) -> float:
    if value != int(value) or value == 0:
        return 0.0
    digits = str(int(value))
    return 10.0 ** (len(digits) - len(digits.rstrip("0")))


def interval(numeral: Numeral, hedge_kind: str | None) -> tuple[float, float]:
    v = numeral.value
    if hedge_kind == "approx":
        return v - tolerance(numeral), v + tolerance(numeral)
    if hedge_kind == "nearly":
        return v - tolerance(numeral), v
    if hedge_kind in ("above", "atleast"):
        return v, UNBOUNDED
    if hedge_kind in ("upto", "below"):
        return 0.0, v
    rounded = numeral.kind == "percent" or numeral.scaled or v != int(v)
    if rounded and numeral.unit:
        unit = numeral.unit
        if numeral.kind == "percent":
            unit = min(unit, 1.0)
        if numeral.scaled:
            unit = min(unit, _scale_of(numeral))
        return v - unit / 2, v + unit / 2
    return v, v


def _scale_of(numeral: Numeral) -> float:
    for scale in (1e12, 1e9, 1e6, 1e3):
        if numeral.value >= scale:
            return scale
    return 1.0


def _anchor(tokens: list[Token]) -> Token | None:
    words = [
        t
        for t in tokens
        if t.lower_ not in _UNIT_WORDS and not _WRITTEN_UNIT.match(t.text) and not t.is_space
    ]
    return words[-1] if words else (tokens[-1] if tokens else None)


def _counted_noun(anchor: Token, tokens: list[Token]) -> Token | None:
    while anchor.head in tokens and anchor.head.i != anchor.i:
        anchor = anchor.head  # "17.25 mln tonnes": from the number through its scale word
    head = anchor.head
    if (
        anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod")
        and head.pos_ in ("NOUN", "PROPN")
        and head not in tokens
        and head.i > anchor.i
    ):
        return head
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if objects:
                return objects[0]
    return None


def _phrase(token: Token) -> str:
    """A place or unit name: the object with its compounds, without the article."""
    words = [
        t
        for t in token.subtree
        if t.i <= token.i and t.dep_ not in ("det", "punct") and not t.is_space  # a line break
    ]
    start = next((i for i, t in enumerate(words) if t.dep_ != "case"), 0)
    return " ".join(t.text for t in words[start:]).replace(" ’s", "’s").replace(" 's", "'s")


def _attributes(anchor: Token, noun: Token | None) -> dict[str, str]:
    group = noun if noun is not None else anchor
    found: dict[str, str] = {}
    for mod in group.children:
        if mod.dep_ in ("compound", "amod") and mod.ent_type_ in ("GPE", "NORP"):
            found.setdefault("group", mod.text)
    holders = [group, *[c for c in group.children if c.dep_ in ("acl", "relcl")]]
    if group.dep_ in _VERB_DEPS:
        verb = group.head
        holders += [verb, *[c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]]
        for attr in (c for c in verb.children if c.dep_ == "attr"):
            holders += [attr, *[c for c in attr.children if c.dep_ == "relcl"]]
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if not objects:
                continue
            obj = objects[0]
            key = _ATTRIBUTE_PREPS.get(prep.lower_)
            if key is None and prep.lower_ == "of" and _is_name(obj):
                key = "unit"
            if key and (_is_name(obj) or key == "unit"):
                found.setdefault(key, _phrase(obj))
    return found


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or bool(token.ent_type_) and token.ent_type_ not in (
        "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"
    )  # fmt: skip


def _inherit_noun(quantity: Quantity, earlier: list[Quantity], sentence_of: dict[str, int]) -> None:
    """'another 2,000', 'the remaining 300': the noun of the nearest earlier count."""
    if quantity.noun is not None or quantity.kind != "cardinal":
        return
    here = sentence_of[quantity.id]
    for previous in reversed(earlier):
        if here - sentence_of[previous.id] > ELISION_SENTENCES:
            return
        if previous.kind == "cardinal" and previous.noun:
            quantity.noun = previous.noun
            quantity.elided = True
            return


def noun_key(noun: str | None) -> str | None:
    """'troops' and 'troop' count the same thing."""
    if not noun:
        return None
    noun = noun.lower().removesuffix("’s").removesuffix("'s")
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun
