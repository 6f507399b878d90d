"""Figures that are public record (a reader can look them up: prices and closes, exchange
rates, official statistics, a company's reported results, election and sports results, census
and geography) and numbers that count nothing (a time of day, a rank, a name, an age, a
measure). The first are at most info; the second are no figures at all."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checker.models import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

    from checker.nlp import Sentence

# what a public record is about: the words of market reports, official statistics, company
# results and election returns (lemmas, lower case)
RECORD_WORDS = frozenset({
    # markets
    "close", "closing", "price", "yen", "yield", "futures", "auction", "bond", "stock", "index",
    "quote", "peak", "trade", "traded", "exchange", "rate", "barrel", "ounce", "kilo", "tonne",
    "cargo", "cargoes", "delivery", "fob", "cif",
    # the published terms of a loan or a bond issue
    "coupon", "maturity", "libor", "euroloan", "eurobond",
    # official statistics
    "deficit", "surplus", "budget", "inflation", "gdp", "gnp", "population", "census",
    "unemployment", "export", "import", "output", "production", "consumption", "payroll",
    # company results
    "net", "profit", "loss", "revenue", "revs", "sale", "earnings", "dividend", "shr", "income",
    "turnover", "pretax", "writedown", "charge", "gain", "credit", "qtr", "quarter", "mths",
    "depreciation", "amortization", "amortisation",
    # election returns and rules
    "delegate", "seat", "vote", "primary", "caucus", "ballot", "threshold",
    # holdings and trading
    "share", "outstanding", "volume", "stake",
})  # fmt: skip
TABLE_WORDS = frozenset({"vs", "vs.", "shr", "revs", "avg", "qtr", "mths"})
RECORD_SHARE = 2  # record words a sentence needs to read as a report of public record
MEASURE_UNITS = frozenset({
    "foot", "feet", "inch", "mile", "meter", "metre", "kilometer", "kilometre", "yard",
    "degree", "pound", "ounce", "mph", "mm", "cm", "km",
})  # fmt: skip
RANK_BEFORE = frozenset({"top", "number", "no", "no.", "#", "big", "step", "page", "chapter"})
_TIME = re.compile(r"\s*\)?\s*(GMT|EST|EDT|CST|PST|UTC|BST|HRS|hrs|a\.m\.|p\.m\.|am\b|pm\b)")
_HALF = re.compile(r"(?:half\s+a|a\s+few|several)\s+$", re.IGNORECASE)  # "a few hundred"
_RANGE_AGE = re.compile(r"\b(those|ages?|aged)\s+(\d+\s*(to|-|–)\s*)?$", re.IGNORECASE)


def is_public_record(sent: Sentence, q: Quantity, tokens: list[Token]) -> bool:
    """A figure in a sentence that reads as market data, official statistics, a company's
    reported results or election returns (two words of that vocabulary, or a results table's
    "vs"), unless the words right after it make it a poll's ("5 percent support")."""
    if tokens:
        last = tokens[-1]
        after = last.doc[last.i + 1 : last.i + 1 + POLL_REACH]
        if any(t.lemma_.lower() in POLL_WORDS for t in after):
            return False
        if _result(sent, q) or _population_share(q, after) or _compared(sent, q):
            return True
        if _population(q, last) or (q.kind == "cardinal" and _toll(sent)):
            return True
    if _price_move(sent, q) or _quoted_price(sent, q) or (q.noun or "").lower() in COUNTED_RETURNS:
        return True
    # a word by its lemma, or by its own form where that is the record's word: the
    # lemmatiser makes "futures" a "future"
    words = [_record_form(t) for t in sent.span if not t.like_num]
    if any(w in TABLE_WORDS for w in words):
        return True
    hits = {w for w in words if w in RECORD_WORDS}
    returns = q.kind == "percent" and bool(hits & (ELECTION | HOLDINGS))
    return len(hits) >= RECORD_SHARE or returns or bool(hits & OFFICIAL)


def _record_form(token: Token) -> str:
    lemma = token.lemma_.lower()
    return token.lower_ if lemma not in RECORD_WORDS and token.lower_ in RECORD_WORDS else lemma


HOLDINGS = frozenset({"stock", "share", "stake"})  # "retains 11 pct of that company's stock"
# what an election return counts: "more than 13 million votes", "won 1,237 delegates"
COUNTED_RETURNS = frozenset({"vote", "votes", "delegate", "delegates", "seat", "seats"})
# "closed up 5-3/8", "sold steady to up 1.50 dlrs", "fell 2.5 cts": a market's price move
_MOVE_BEFORE = re.compile(
    r"\b(?:up|down|off|higher|lower|rose|fell|gained|dropped|eased|firmed|slipped)\s+$",
    re.IGNORECASE,
)


def _price_move(sent: Sentence, q: Quantity) -> bool:
    text, start = sent.span.doc.text, q.span.start - sent.base
    moved = q.kind in ("money", "percent") or q.unit is not None
    return moved and bool(_MOVE_BEFORE.search(text[max(start - 12, 0) : start]))


# "sold to Avonmouth at 111.75 stg per tonne", "a barrel": a price for a unit of a commodity
_PER_UNIT = re.compile(r"\s+(?:per|a|an)\s+(?:tonne|ton|barrel|ounce|bushel|kilo|lb|pound)s?\b")
# "May was up 12.5 cents at 6.705 dlrs": the price a market moved to
_MOVED_TO = re.compile(
    r"\b(?:up|down|off|higher|lower|unchanged|steady)\s+(?:\S+\s+){1,2}at\s+$", re.IGNORECASE
)


def _quoted_price(sent: Sentence, q: Quantity) -> bool:
    """A market quote: a sum for a unit of a commodity ("at 111.75 stg per tonne") or the price
    a market moved to ("up 12.5 cents at 6.705 dlrs")."""
    if q.kind != "money":
        return False
    text, start, end = sent.span.doc.text, q.span.start - sent.base, q.span.end - sent.base
    return bool(_PER_UNIT.match(text, end) or _MOVED_TO.search(text[max(start - 40, 0) : start]))


ELECTION = frozenset({"delegate", "seat", "vote", "primary", "caucus", "ballot"})
# words that alone make a figure official statistics or a party's count
OFFICIAL = frozenset({
    "population", "census", "gdp", "gnp", "inflation", "unemployment", "deficit", "delegate",
})  # fmt: skip
POLL_WORDS = frozenset({"support", "approval", "backing", "favorability", "lead", "edge"})
POLL_REACH = 3  # tokens after a figure that can say it is a poll's: "85 percent support"


RESULT_VERBS = frozenset({"win", "lose", "beat", "defeat", "trail", "carry", "finish"})
_SCORE = re.compile(r"\s*(?:%|percent|pct|points?)?\s*(?:to|-|–)\s*\d")  # "36 percent to 51"
_SCORE_BEFORE = re.compile(r"\d\s*(?:%|percent|pct|points?)?\s*(?:to|-|–)\s*$")  # "36 percent to"


def _result(sent: Sentence, q: Quantity) -> bool:
    """ "she lost the state 36 percent to 51 percent", "won 458 to 359": a score, an election
    or sports result, set "N to M" after a verb of winning or losing."""
    text, start, end = sent.span.doc.text, q.span.start - sent.base, q.span.end - sent.base
    if not (_SCORE.match(text, end) or _SCORE_BEFORE.search(text[max(start - 16, 0) : start])):
        return False
    return any(t.lemma_.lower() in RESULT_VERBS for t in sent.span)


# "sold 14.74 mln tonnes against 14.52 mln tonnes in 1985": a period's reported figure set
# against the last one (wire copy's results idiom)
_AGAINST_AFTER = re.compile(
    r"(?:\s+[^\W\d]+){0,6}?\s+(?:against|versus|vs\.?|compared with)\s+\S*\d"
)
_AGAINST_BEFORE = re.compile(r"\b(?:against|versus|vs\.?|compared with)\s+\S*$")


def _compared(sent: Sentence, q: Quantity) -> bool:
    """The figure is set against another ("N against M", "versus", "compared with")."""
    text, start, end = sent.span.doc.text, q.span.start - sent.base, q.span.end - sent.base
    return bool(
        _AGAINST_AFTER.match(text, end) or _AGAINST_BEFORE.search(text[max(start - 24, 0) : start])
    )


def _population_share(q: Quantity, after: TokenSpan) -> bool:
    """ "Florida is nearly 3% Polish American": a share of a population by its origin (census)."""
    return q.kind == "percent" and len(after) > 0 and after[0].ent_type_ == "NORP"


POPULATION = 1_000_000  # a count of people this large is a population (census, agencies)
PEOPLE_NOUNS = frozenset({
    "people", "citizen", "resident", "inhabitant", "person", "voter", "refugee", "worker",
    "member", "adherent", "believer", "native", "immigrant", "soul",
})  # fmt: skip


def _population(q: Quantity, last: Token) -> bool:
    """ "the bloc of 500 million citizens", "the world's 1.2 billion Roman Catholics", "65
    million people are displaced": millions of people are a population, counted by a census
    or an agency."""
    if q.kind != "cardinal" or q.value < POPULATION:
        return False
    noun = last.head if last.dep_ == "nummod" else last
    return noun.lemma_.lower() in PEOPLE_NOUNS or noun.ent_type_ == "NORP"


TOLL_LEMMAS = frozenset({"kill", "die", "dead", "death", "wound", "injure", "injured"})


def _toll(sent: Sentence) -> bool:
    """ "the Dec. 2 attack that left 14 people dead", "killing more than 10,000": a death or
    casualty toll, which the authorities give and the record keeps."""
    return any(t.lemma_.lower() in TOLL_LEMMAS for t in sent.span)


def counts_nothing(q: Quantity, tokens: list[Token], text: str) -> bool:
    """ "0900 GMT", "top 20", "number 12 in the chart", "the Big 12", "Crutcher, 40", "734 feet
    down", "those 26 to 34", "half a dozen", "a few hundred": a time, a rank, a name, an age, a
    measure, or a vague or small number read large."""
    if _HALF.search(text[max(q.span.start - 8, 0) : q.span.start]):
        return True
    if q.kind != "cardinal" or not tokens:
        return False
    first, last = tokens[0], tokens[-1]
    doc = first.doc
    if _TIME.match(text, q.span.end):
        return True
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_ in RANK_BEFORE:
        return True
    if _RANGE_AGE.search(text[max(q.span.start - 16, 0) : q.span.start]):
        return True
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.lemma_.lower() in MEASURE_UNITS:
        return True
    # "Crutcher, 40 ―": an age set off after a name
    return (
        before is not None
        and before.text == ","
        and before.i > 0
        and doc[before.i - 1].ent_type_ == "PERSON"
        and q.noun is None
    )
