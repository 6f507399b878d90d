"""The tense a stated year is told in, read from the spaCy parse: "sales rose 12 pct in 1987"
(past: the article is from 1987 or later), "exports will fall in 1988" (future: from 1988 or
earlier), "is expected to rise in 1988" (an infinitive: no bound), "its 1988 budget" (a noun
phrase: no bound).

A year counts only as the object of a preposition that hangs on a verb, directly ("in 1987") or
through the period nouns of a date ("in January 1987", "in the first quarter of 1987"), so a
year inside a noun phrase ("from 2.1 mln tonnes in 1986", "the 1987 budget") never reaches a
verb. The verb's tense is its tag and its auxiliaries: VBD, or VBN with a form of "be" or "have",
is past unless a modal, "will" or "to" stands beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.year_bounds import BARE_YEAR, YearBound

if TYPE_CHECKING:
    from spacy.tokens import Token

    from checker.layout import Layout

# Nouns that name a part of a year: "in the first quarter of 1987", "at the end of 1986".
PERIODS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec", "quarter", "half", "end", "start", "beginning",
           "middle", "part", "months", "month", "year", "period", "spring", "summer", "autumn",
           "fall", "winter", "week", "weeks", "first", "second", "third", "fourth", "early",
           "late", "mid"}  # fmt: skip
# A year of accounts or crops is not the calendar year: "in fiscal 1987" began in 1986.
SPLIT_YEAR = {"fiscal", "financial", "crop", "season", "marketing", "tax", "budget", "model"}
FUTURE = {"will", "shall", "'ll", "wo"}
MODAL = {"would", "could", "might", "may", "should", "must", "can", "ca", "'d", "ought"}
BE_HAVE = {"was", "were", "had", "has", "have", "been", "is", "are", "'s", "'ve", "being"}
PAST_AUX = {"was", "were", "had", "did"}
# The prepositions of a time already passed; "until", "through", "by", "to", "for", "after" name
# a time a past verb reaches into ("was extended until 1990", "rescheduled for 1992").
PAST_PREPS = {"in", "during", "since", "at", "between", "on", "from", "before", "over", "against"}
# Verbs whose year is the time planned, not the time told: "was scheduled for service in 1992".
PLANS = {"predict", "forecast", "project", "expect", "plan", "schedule", "aim", "target", "set",
         "estimate", "budget", "anticipate", "foresee", "propose", "slate", "postpone", "delay",
         "defer", "extend", "reschedule", "due", "intend", "hope", "seek", "want", "mature",
         "expire"}  # fmt: skip
CLAUSE_TOKENS = 14  # a longer clause is shown from its verb


@dataclass(frozen=True)
class Told:
    """How a stated year is told: `kind` (past, perfect, participle, future, modal, infinitive,
    present, noun or none), the verb and preposition it hangs on, and the clause as written."""

    year: int
    kind: str
    prep: str
    verb: Token | None


def year_told(year: Token) -> Told:
    """The tense of the verb that governs the year token's preposition."""
    value = int(year.text)
    node = year
    while True:
        head = node.head
        if head is node:
            return Told(value, "none", "", None)
        if node.dep_ == "pobj" and head.pos_ == "ADP":
            prep = head
            up = head.head
            if up.pos_ in ("VERB", "AUX") and head.dep_ in ("prep", "agent", "dative"):
                return Told(value, _tense(up), prep.lower_, up)
            if up.lower_ in PERIODS and up.pos_ in ("NOUN", "PROPN", "ADJ") and up is not head:
                node = up
                continue
            return Told(value, "noun", prep.lower_, None)
        if node.dep_ in ("nummod", "npadvmod", "appos", "compound", "amod", "nmod", "pobj") and (
            head.lower_ in PERIODS and head.pos_ in ("NOUN", "PROPN", "ADJ")
        ):
            node = head
            continue
        return Told(value, "noun", "", None)


def split_year(year: Token) -> bool:
    """Is the year one of accounts or crops ("fiscal 1987", "the 1986/87 season")?"""
    doc = year.doc
    before = doc[max(0, year.i - 2) : year.i]
    after = doc[year.i + 1 : year.i + 3]
    return any(t.lower_ in SPLIT_YEAR for t in (*before, *after))


def _tense(verb: Token) -> str:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & FUTURE:
        return "future"
    if words & MODAL:
        return "modal"
    if "did" in words and verb.tag_ == "VB":
        return "past"  # "did not rise in 1986"
    if "to" in words or (verb.tag_ == "VB" and not aux):
        return "infinitive"
    if verb.tag_ == "VBD" and not words - {"did"}:
        return "past"
    if verb.tag_ == "VBN" and words & BE_HAVE:
        return "past" if words & PAST_AUX else "perfect"
    if verb.tag_ == "VBN" and not aux:
        return "participle"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or words & {"is", "are", "am", "'s", "'re"}:
        return "present"
    return "none"


def trusted(told: Told, year: Token) -> bool:
    """Is the year told in the past, of a time already passed (the kind measured to hold on
    more than 99% of dated copy, `benchmarks/year_tense.py`)?"""
    return (
        told.kind == "past"
        and told.prep in PAST_PREPS
        and told.verb is not None
        and told.verb.lemma_.lower() not in PLANS
        and not split_year(year)
    )


def past_bounds(layout: Layout, text: str) -> list[YearBound]:
    """One lower bound per sentence that tells a year in the past tense ("sales rose 12 pct in
    1987": 1987 or later), the latest such year of the sentence, in text order."""
    best: dict[int, tuple[int, str]] = {}
    for m in BARE_YEAR.finditer(text):
        token = layout.token_at(m.start(1))
        if token is None or token.text != m.group(1):
            continue
        told = year_told(token)
        if not trusted(told, token) or told.verb is None:
            continue
        where = layout.sentence_index(m.start(1))
        if where is not None and told.year > best.get(where, (0, ""))[0]:
            best[where] = (told.year, _clause(told.verb, token))
    return [YearBound(year, None, shown) for _, (year, shown) in sorted(best.items())]


def _clause(verb: Token, year: Token) -> str:
    """The words from the verb's subject to the year: "sales rose 12 pct in 1987"."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    phrase = next(c for c in verb.children if c.left_edge.i <= year.i <= c.right_edge.i)
    start = min([verb.i, phrase.left_edge.i, *(s.left_edge.i for s in subjects)])
    end = max(verb.i, year.i)
    if end - start > CLAUSE_TOKENS:
        start = min(verb.i, year.i)
    return " ".join(year.doc[start : end + 1].text.split())
