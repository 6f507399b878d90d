"""A headline or lead figure restated in the body: "Sanders lays off more than 200 campaign
staffers" (headline) and "he laid off more than 200 staffers" (body) are one quantity, whatever
the two figures say, as long as they are within a factor of two (further apart, the
same verb and noun count another thing: "200" in the headline is not the "100" further on). Only the headline and the first sentence are linked to the body: further
down, the same verb and noun count other things too often (a wire story's monthly figures, a live
blog's tallies) for a link made without the values to be safe.

The link is made by what the figure counts and the clause it sits in, never by its value (a
link that formed only when the figures agree would drop silently when one is wrong): the same
counted noun (or the same currency), the same verb of which it is the object (not a light verb:
"has", "is", "said"), and no other subject (a pronoun agrees with any). Two mentions are kept
apart when their sentences name different places, dates, times or years ("won 33 delegates in
Ohio" and "won 18 delegates in Florida"), or when they are told apart by who they are
('U.S. troops' and 'Russian troops'). A market's move ("traded one stg per tonne higher")
belongs to one market's session and is not restated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.constraints import changes
from checker.constraints.context import Context, Relation
from checker.constraints.referents import close
from checker.extract.quantities import noun_key
from checker.models import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Token

LIGHT_VERBS = {
    "be", "have", "say", "get", "make", "take", "give", "see", "show", "go", "come", "do",
    "put", "include", "need", "want", "find", "tell", "report", "expect", "estimate", "add",
}  # fmt: skip
OTHER = re.compile(
    r"\banother\b|\b(?:a|an|the)\s+(?:second|third|other|further|additional|next|new)\b",
    re.IGNORECASE,
)
_MOVES = re.compile(f"{changes.RISE}|{changes.FALL}", re.IGNORECASE)
# a figure compared with another is a level at some time, not a figure to restate
_COMPARED_BEFORE = re.compile(
    r"\b(?:from|to|against|vs\.?|versus|compared with|compared to)\s+(?:the\s+)?"
    r"(?:(?:earlier|previous|revised)\s+)?(?:estimate\s+of\s+)?$",
    re.IGNORECASE,
)
_COMPARED_AFTER = re.compile(
    r"(?:\s+[\w.]+){0,2}?\s*,?\s+(?:vs\.?|versus|against|from)\s", re.IGNORECASE
)
# "traded one stg per tonne higher": a market's move in a session, not a figure to restate
_MOVE_AFTER = re.compile(
    r"(?:\s+(?:a|an|per|each|[\w’'-]+)){0,3}?\s+(?:higher|lower|firmer|easier|dearer|cheaper"
    r"|stronger|weaker)\b",
    re.IGNORECASE,
)
# a part of a stated whole ("some 100,000 of the shares are being redeemed"), or the whole a part
# is of ("15.5 mln shares of the outstanding 16.7 mln"): neither restates the lead's figure ("200,000
# shares of its preference stock" names the class, and may be restated)
_PART_AFTER = re.compile(r"\s+of\s+(?:the|its|their|these|those)\s", re.IGNORECASE)
_WHOLE_BEFORE = re.compile(
    r"\bof\s+(?:the|its|their)\s+(?:(?:outstanding|remaining|total)\s+)?$", re.IGNORECASE
)
_SETTING = ("GPE", "LOC", "DATE", "TIME", "EVENT", "FAC")
_KINDS = ("cardinal", "money", "percent")
LEAD = 2  # the headline and the first sentence: what the body restates
MAX_LINKS = 200  # per document: restatements in real copy are a handful


@dataclass(frozen=True)
class Mention:
    quantity: Quantity
    counted: str
    verb: str
    subject: str | None
    marks: frozenset[str]  # the subject's names and coded words: "M2", "TSR-20", "Padang"
    setting: frozenset[tuple[str, str]]
    sentence: int  # the parse's sentence: a wrapped line may cut a segment, not this


def find(ctx: Context, earlier_found: list[Relation]) -> list[Relation]:
    """Links from the lead to the body; a level of a change ("fell to 8.50 billion from 9.15
    billion") belongs to a time, not to a restatement, and is left out."""
    # and an end of a range ("expected to be priced at 22 to 26 dlrs") is no single figure
    timed = {q.id for r in earlier_found if r.kind in ("change", "range") for q in r.quantities}
    mentions = [m for i in range(len(ctx.sentences)) for m in _mentions(ctx, i, timed)]
    lead = [m for m in mentions if ctx.index[m.quantity.id] < LEAD]
    lead = [m for m in lead if not _broken_down(m, mentions, ctx)]
    found: list[Relation] = []
    for later in mentions:
        earlier = [
            m
            for m in lead
            if ctx.index[m.quantity.id] < ctx.index[later.quantity.id] and _same(m, later, ctx)
        ]
        if not earlier or len(found) >= MAX_LINKS:
            continue
        first = earlier[-1]
        q = later.quantity
        cue = f"{later.verb} ... {later.counted}"
        found.append(Relation("same_referent", cue, q.span.start, q.span.end, [first.quantity, q]))
    return found


def _broken_down(lead: Mention, mentions: list[Mention], ctx: Context) -> bool:
    """'will redeem all 250,000 shares ... in two stages', then 'it will redeem 225,000 shares'
    and 'the remaining 25,000 shares': the body's figures of the lead's verb and noun that add
    up to it are its parts, not restatements (parts that do not add up stay linked, checked)."""
    parts = [
        m.quantity
        for m in mentions
        if ctx.index[m.quantity.id] >= LEAD and (m.counted, m.verb) == (lead.counted, lead.verb)
    ]
    low, high = sum(q.low for q in parts), sum(q.high for q in parts)
    return len(parts) > 1 and low <= lead.quantity.high and high >= lead.quantity.low


def _mentions(ctx: Context, i: int, timed: set[str]) -> list[Mention]:
    out: list[Mention] = []
    for q in ctx.sentences[i]:
        if q.kind not in _KINDS or q.id in timed:
            continue
        counted = noun_key(q.noun) or (q.attributes.get("currency") if q.kind == "money" else None)
        if q.kind == "percent" or counted is None:
            continue
        token = ctx.analysis.layout.token_at(q.span.start)
        if token is None:
            continue
        verb = token
        for _ in range(4):  # up from the figure to the verb it hangs on
            if verb.pos_ == "VERB" or verb.head.i == verb.i:
                break
            verb = verb.head
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma in LIGHT_VERBS or _MOVES.fullmatch(verb.text):
            continue  # a level something rose or fell to belongs to its time
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        before = ctx.text[ctx.bounds[i].start : q.span.start]
        if OTHER.search(before):
            continue  # "a second seat sold for 100 dlrs": not the one of the headline
        if _COMPARED_BEFORE.search(before) or _COMPARED_AFTER.match(ctx.text, q.span.end):
            continue  # "revised to 402,000 tonnes from 435,800", "Shr 90 cts vs 97 cts"
        if _MOVE_AFTER.match(ctx.text, q.span.end):
            continue
        if _PART_AFTER.match(ctx.text, q.span.end) or _WHOLE_BEFORE.search(before):
            continue  # "redeem 3,750,000 of the shares", "of the outstanding 16.7 mln": a part, a whole
        who = None if subject is None or subject.pos_ == "PRON" else subject.lemma_.lower()
        sent = token.sent
        setting = frozenset((e.label_, e.text.lower()) for e in sent.ents if e.label_ in _SETTING)
        where = ctx.analysis.layout.sentence_index(q.span.start)
        marks = _marks(subject) if subject is not None and who else frozenset()
        out.append(Mention(q, counted, lemma, who, marks, setting, -1 if where is None else where))
    return out


def _marks(subject: Token) -> frozenset[str]:
    """The names and coded words qualifying a subject ('Dutch seasonally adjusted M2 money
    supply', 'SIR 20 from Palembang'): the same head, each with a mark the other lacks, is
    another thing ('M1 money supply'); a mark only one of them gives ('Dutch') tells nothing."""
    return frozenset(
        t.text.lower()
        for t in subject.subtree
        if t.i != subject.i and (t.pos_ == "PROPN" or any(c.isdigit() for c in t.text))
    )


def _same(a: Mention, b: Mention, ctx: Context) -> bool:
    if (a.counted, a.verb) != (b.counted, b.verb) or a.sentence == b.sentence:
        return False
    if a.subject and b.subject and a.subject != b.subject:
        return False
    if a.marks - b.marks and b.marks - a.marks:
        return False  # "M2 money supply" and "M1 money supply", "SIR 20 from Palembang" and Padang
    if not close(a.quantity.value, b.quantity.value):
        return False
    if a.quantity.attributes.get("group") != b.quantity.attributes.get("group"):
        return False
    for label in _SETTING:  # both name a place (or a date) and not the same one
        sa = {t for lab, t in a.setting if lab == label}
        sb = {t for lab, t in b.setting if lab == label}
        if sa and sb and not sa & sb:
            return False
    return True
