"""What the sentence around a titled name says about when the title applies.

A title outside the holder's dates is a claim about the article's day only when nothing in the
sentence moves it elsewhere: a quotation (the speaker's words, not the paper's), a year or a
time phrase ("in 1981", "at the time", "when ... was"), a hypothetical ("would", "if"). A past
holder is a claim about today only when the sentence has them speak or act now (the subject of
a reporting verb: "Sen. Hillary Clinton said"): "President Bill Clinton signed the law" is
history told with the title of the time, which news style allows.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.extract.people import PersonMention

YEAR = re.compile(r"(?<![\d,.$])(1[89]\d\d|20\d\d)(?:'?s)?(?![\d,])")
# Phrases that put a clause in another time than the article's, or in none (a hypothetical).
HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|if|whether|imagine|hypothetical)\b", re.IGNORECASE
)
ELSEWHEN = re.compile(
    r"\b(?:at the time|in those days|back then|ago|when|during|under|since|era|years"
    r"|administration|once|had|served|tenure|term|history|historic|legacy)\b",
    re.IGNORECASE,
)
MODALS = frozenset({"would", "could", "might", "if", "whether", "should"})
REPORTING = frozenset({
    "say", "tell", "announce", "add", "argue", "insist", "warn", "urge", "claim", "state",
    "note", "write", "tweet", "respond", "reply", "call", "ask", "predict", "vow", "promise",
    "emphasize", "emphasise", "stress", "explain", "acknowledge", "admit", "deny", "suggest",
    "confirm", "declare", "assert", "contend", "maintain", "caution", "concede",
})  # fmt: skip


def sentence_text(analysis: Analysis, m: PersonMention) -> str:
    sent = analysis.sentence_at(m.start)
    return analysis.text[sent.start : sent.end] if sent else ""


def quoted(analysis: Analysis, m: PersonMention) -> bool:
    return analysis.layout.in_quotation(m.start)


def elsewhen(analysis: Analysis, m: PersonMention) -> bool:
    """Does the name's clause (its verb and what hangs on it; the sentence when unparsed) name a
    year or a time phrase that moves it off the article's day?"""
    text = clause_text(analysis, m)
    return bool(YEAR.search(text) or ELSEWHEN.search(text))


def clause_text(analysis: Analysis, m: PersonMention) -> str:
    span = analysis.layout.tokens(m.start, m.end, expand=True)
    sent = analysis.sentence_at(m.start)
    if span is None or sent is None:
        return sentence_text(analysis, m)
    head = span.root.head
    words = list(head.subtree)
    start, end = sent.offset(words[0]), sent.token_end(words[-1])
    return analysis.text[start:end]


def hypothetical(analysis: Analysis, m: PersonMention) -> bool:
    """Is the clause the name belongs to a hypothetical ("a President Trump would ...", "if
    Vice President Pence ...")? Read on the parse: a modal or an "if" on the name's own verb,
    so "said the troops would go" (reported speech) and "a bill that would ..." around the
    clause are not."""
    span = analysis.layout.tokens(m.start, m.end, expand=True)
    if span is None:
        return bool(HYPOTHETICAL.search(sentence_text(analysis, m)))
    head = span.root.head
    return any(c.lower_ in MODALS and c.dep_ in ("aux", "mark") for c in head.children)


def speaks_now(analysis: Analysis, m: PersonMention) -> bool:
    """Is the named person the subject of a reporting verb ("Sen. Hillary Clinton said") or of a
    verb in the present tense ("... is meeting", "... says")?"""
    span = analysis.layout.tokens(m.start, m.end, expand=True)
    if span is None:
        return False
    tok = span.root
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = tok.head
    present = head.tag_ in ("VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP", "MD") for c in head.children
    )
    return head.lemma_.lower() in REPORTING or present
