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
    # official statistics
    "deficit", "surplus", "budget", "inflation", "gdp", "gnp", "population", "census",
    "unemployment", "export", "import", "output", "production", "consumption", "payroll",
    # company results
    "net", "profit", "loss", "revenue", "revs", "sale", "earnings", "dividend", "shr", "income",
    "turnover", "pretax", "writedown", "charge", "gain", "credit", "qtr", "quarter", "mths",
    # election returns and rules
    "delegate", "seat", "vote", "primary", "caucus", "ballot", "threshold",
})  # fmt: skip
TABLE_WORDS = frozenset({"vs", "vs.", "shr", "revs", "avg", "qtr", "mths"})
RECORD_SHARE = 2  # record words a sentence needs to read as a report of public record
MEASURE_UNITS = frozenset({
    "foot", "feet", "inch", "mile", "meter", "metre", "kilometer", "kilometre", "yard",
    "degree", "pound", "ounce", "mph", "mm", "cm", "km",
})  # fmt: skip
RANK_BEFORE = frozenset({"top", "number", "no", "no.", "#", "big", "step", "page", "chapter"})
_TIME = re.compile(r"\s*\)?\s*(GMT|EST|EDT|CST|PST|UTC|BST|HRS|hrs|a\.m\.|p\.m\.|am\b|pm\b)")
_HALF = re.compile(r"half\s+a\s+$", re.IGNORECASE)
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
    words = [t.lemma_.lower() for t in sent.span if not t.like_num]
    if any(w in TABLE_WORDS for w in words):
        return True
    hits = {w for w in words if w in RECORD_WORDS}
    returns = q.kind == "percent" and bool(hits & ELECTION)
    return len(hits) >= RECORD_SHARE or returns or bool(hits & OFFICIAL)


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


def counts_nothing(q: Quantity, tokens: list[Token], text: str) -> bool:
    """ "0900 GMT", "top 20", "number 12 in the chart", "the Big 12", "Crutcher, 40", "734 feet
    down", "those 26 to 34", "half a dozen": a time, a rank, a name, an age, a measure, or a
    small number read large."""
    if q.kind != "cardinal" or not tokens:
        return False
    first, last = tokens[0], tokens[-1]
    doc = first.doc
    if _TIME.match(text, q.span.end) or _HALF.search(text[max(q.span.start - 8, 0) : q.span.start]):
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
