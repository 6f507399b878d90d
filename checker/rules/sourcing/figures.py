"""Which numbers in a sentence are figures an editor must source, and which only look like it:
durations and ages, numbers that are part of a name ("Boeing 757"), list markers, numbers
inside quotation marks (the speaker is their source), in a headline, in a Q&A interview's
questions and answers, or read from a poll or a report the copy names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checker.analysis import Analysis
from checker.extract.headline_case import TITLE_SHARE  # "Donald Trump Rampages to +32 Point Lead"
from checker.extract.quantities import noun_key
from checker.models import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from checker.nlp import Sentence

COUNTED_KINDS = ("cardinal", "percent", "money")
SMALL_COUNT = 10  # "three children", "two weeks": counts a reader checks by eye, not figures
IDENTIFIER_DIGITS = 9  # "778257943577919488": a tweet id or a timestamp, not a figure
HEADLINE_WORDS = 25  # a headline (with its subhead) is shorter than this

TIME_UNITS = frozenset({
    "second", "minute", "min", "hour", "hr", "day", "night", "week", "weekend", "month", "year",
    "yr", "decade", "century",
})  # fmt: skip
AGE_WORDS = frozenset({"age", "aged", "ages", "old", "young"})  # "at age 45", "as old as 80"
NAME_ENTITIES = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW"})
# a poll, a survey or a report the sentence reads its figures from ("the poll surveyed 2,000")
DOCUMENT_LEMMAS = frozenset({
    "poll", "survey", "study", "report", "analysis", "tally", "census", "filing",
})  # fmt: skip
DOCUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "pobj", "ROOT", "appos"})
SURVEY_LEMMAS = frozenset({"poll", "survey"})
SHARE_NOUNS = frozenset({"%", "point", "percentage point", "percent", "pct"})  # "46%-35%"
STREET_WORDS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane", "place",
    "plaza", "square", "way",
})  # fmt: skip
_PHONE_AFTER = re.compile(r"\)?[ .-]?\d{3}[ .-]\d{4}\b")  # "(202) 555-0143"


def is_figure(q: Quantity, small: int = SMALL_COUNT) -> bool:
    """A number whose origin an editor must know: a percentage, a sum, or a count of `small`
    (ten) or more written as a number (not a bare string of digits such as an id)."""
    if q.kind not in COUNTED_KINDS:
        return False
    if q.kind != "cardinal":
        return True
    return q.value >= small and not (q.span.text.isdigit() and len(q.span.text) > IDENTIFIER_DIGITS)


def is_duration_or_age(q: Quantity, tokens: list[Token]) -> bool:
    """ "for 30 years", "77 minutes", "14 months ago", "29 years old", "as old as 80": time
    and age, not a count of anything."""
    if q.kind != "cardinal" or not tokens:
        return False
    if noun_key(q.noun) in TIME_UNITS and not q.elided:
        return True
    if tokens[-1].ent_type_ in ("DATE", "TIME") and q.noun is None:
        return True
    doc, i = tokens[0].doc, tokens[0].i
    return any(t.lower_ in AGE_WORDS for t in doc[max(i - 2, 0) : i])


def is_name_part(q: Quantity, tokens: list[Token]) -> bool:
    """ "Boeing 757", "Anderson Cooper 360", "AM 970": a number that is part of a name
    (it follows a proper noun and counts nothing)."""
    if q.kind != "cardinal" or q.noun is not None or not tokens:
        return False
    first = tokens[0]
    if first.ent_type_ in NAME_ENTITIES:
        return True
    before = first.nbor(-1) if first.i > first.sent.start else None
    return before is not None and before.pos_ == "PROPN" and before.text[:1].isupper()


def is_label(q: Quantity, tokens: list[Token], text: str) -> bool:
    """ "1600 Pennsylvania Avenue", "(202) 555-0143", "ranked 15": an address, a phone number
    or a rank labels something; it counts nothing."""
    if q.kind != "cardinal" or not tokens:
        return False
    if _PHONE_AFTER.match(text, q.span.end):
        return True
    doc, first, last = tokens[0].doc, tokens[0], tokens[-1]
    if first.i > 0 and doc[first.i - 1].lemma_.lower() == "rank":
        return True
    after = list(doc[last.i + 1 : last.i + 4])
    street = next((n for n, t in enumerate(after) if t.lower_.rstrip(".") in STREET_WORDS), 0)
    return street > 0 and all(t.pos_ == "PROPN" for t in after[:street])


def is_statement(sent: Sentence) -> bool:
    """A sentence with a verb: "10." or "Mike Huckabee (10.)" is a list marker or a heading."""
    return any(t.pos_ in ("VERB", "AUX") for t in sent.span)


def names_document(sent: Sentence) -> bool:
    """ "The poll surveyed 2,000 people", "students polled", "in the same poll": the sentence
    says which poll or report its figures come from (not "he dominated the polls", "after the
    polls closed", "students studying")."""
    return any(_names_document(t) for t in sent.span)


def _names_document(t: Token) -> bool:
    if t.tag_ == "VBN":
        return _names_survey(t)  # "students polled", "Marines surveyed"
    return (
        t.lemma_.lower() in DOCUMENT_LEMMAS and t.tag_ in ("NN", "NNP") and t.dep_ in DOCUMENT_DEPS
    )


def _names_survey(t: Token) -> bool:
    """ "a new Fox News poll", "voters surveyed" (not "the polls closed")."""
    return t.lemma_.lower() in SURVEY_LEMMAS and t.tag_ in ("NN", "NNP", "VBN")


class FigureContext:
    """What the whole article tells about its figures: quotations, the headline, the exchanges
    of a Q&A interview, and where it first names a poll or a survey."""

    def __init__(self, analysis: Analysis) -> None:
        self.text = text = analysis.text
        self.layout = analysis.layout
        self._statements: dict[int, bool] = {}
        self.headline_end = display_end(analysis)
        self.exchanges = _exchanges(text)
        self.survey_from = next(
            (s.start for s in analysis.sentences if any(_names_survey(t) for t in s.span)),
            len(text),
        )

    def tokens(self, q: Quantity) -> list[Token]:
        """The figure's tokens (empty where its span cuts a token or leaves its sentence)."""
        return self.layout.tokens_between(q.span.start, q.span.end) or []

    def statement(self, sent: Sentence) -> bool:
        """A sentence with a verb that names no poll or report (`is_statement`,
        `names_document`), read once per sentence however many figures it holds."""
        known = self._statements.get(sent.start)
        if known is None:
            known = self._statements[sent.start] = is_statement(sent) and not names_document(sent)
        return known

    def spoken(self, q: Quantity) -> bool:
        """Inside a quotation or a Q&A exchange: the speaker is the source (and an unattributed
        quotation is sourcing.quote-without-speaker's to report)."""
        at = q.span.start
        return self.layout.in_quotation(at) or any(a <= at < b for a, b in self.exchanges)

    def read_from_survey(self, q: Quantity) -> bool:
        """A percentage, or a margin in points, after the article names a poll or a survey is
        read as its result ("leads Clinton, 46%-35%", "Women back him by almost 20 points")."""
        share = q.kind == "percent" or noun_key(q.noun) in SHARE_NOUNS
        return share and q.span.start > self.survey_from

    def in_headline(self, offset: int) -> bool:
        return offset < self.headline_end


def headline_end(text: str) -> int:
    """End of the opening block when it is a headline: short, set off by a blank line, and
    written as one (no closing full stop, a headline over a subhead, or title case)."""
    lead = text.lstrip("\n")
    block = lead.split("\n\n", 1)
    return (
        len(text) - len(lead) + len(block[0]) if len(block) == 2 and _is_headline(block[0]) else 0
    )


DISPLAY_WORDS = 16  # a headline in sentence case with a full stop is shorter than a lede
PRESENT = frozenset({"VBZ", "VBP"})  # headlinese: "Flynn says", "Axelrod calls on Dean"
_KICKER = re.compile(r"[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*)?: ")  # "Lynch: No outside ..."


def display_end(analysis: Analysis) -> int:
    """End of the display text that opens the article: a headline by its form
    (`headline_end`), or an opening line in sentence case and with a full stop that reads as
    one: a single short sentence led by a "Name:" kicker, or whose main verb is in the present
    tense after a name ("Flynn says Trump 'absolutely right' ...", where a lede would say
    "said")."""
    text = analysis.text
    found = headline_end(text)
    if found:
        return found
    lead = text.lstrip("\n")
    block = lead.split("\n\n", 1)
    if len(block) != 2 or "\n" in block[0].strip() or len(block[0].split()) > DISPLAY_WORDS:
        return 0
    start, end = len(text) - len(lead), len(text) - len(lead) + len(block[0])
    sents = [s for s in analysis.sentences if s.start < end]
    if len(sents) != 1:
        return 0
    root = sents[0].span.root
    named = any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in root.children)
    headlinese = bool(_KICKER.match(text, start)) or (root.tag_ in PRESENT and named)
    return end if headlinese else 0


def _is_headline(block: str) -> bool:
    words = block.split()
    if not words or len(words) > HEADLINE_WORDS:
        return False
    capitals = sum(w[0].isupper() for w in words if w[0].isalpha())
    titled = capitals >= TITLE_SHARE * sum(w[0].isalpha() for w in words)
    return block.rstrip()[-1] not in '.!?"”' or "\n" in block.strip() or titled


def _exchanges(text: str) -> list[tuple[int, int]]:
    """Stretches from a "Q:" paragraph to the next one that hold an "A:" paragraph, in an
    interview printed as Q&A: the question is the interviewer's words, the answer the
    interviewee's (an "A:" with no "Q:" before it is not one)."""
    found: list[tuple[int, int]] = []
    asked, answered = None, False
    for m in re.finditer(r"(?m)^([QA]):\s", text):
        if m.group(1) == "A":
            answered = asked is not None
            continue
        if asked is not None and answered:
            found.append((asked, m.start()))
        asked, answered = m.start(), False
    if asked is not None and answered:
        found.append((asked, len(text)))
    return found


def needs_source(context: FigureContext, sent: Sentence | None, q: Quantity) -> bool:
    """Whether a figure (see `is_figure`) is one the copy must say the source of."""
    if sent is None:
        return True
    tokens = context.layout.tokens_between(q.span.start, q.span.end)
    looks_like_figure = not (
        is_duration_or_age(q, tokens)
        or is_name_part(q, tokens)
        or is_label(q, tokens, context.text)
    )
    sourced_by_context = (
        context.spoken(q) or context.in_headline(q.span.start) or context.read_from_survey(q)
    )
    return looks_like_figure and not sourced_by_context and context.statement(sent)


# "Editor's note:", and the "NOTE:" under a wire results table (a note to the figures above)
_EDITORS_NOTE = re.compile(r"\s*(?:editor[’']?s[’']?\s+)?note\s*:", re.IGNORECASE)
# the writer speaking, alone or for the "we" of an opinion piece ("We must ensure that the
# 800,000 local police officers ...")
FIRST_PERSON = frozenset({
    "i", "my", "me", "mine", "myself", "we", "our", "us", "ourselves", "you", "your", "yourself",
})  # fmt: skip


def outlets_voice(analysis: Analysis, sent: Sentence) -> bool:
    """The outlet or the writer speaking for themselves: a standing "Editor's note:" (or a
    table's "NOTE:") and what follows it in its paragraph, or a writer's (or reader's) own first-person account outside
    quotation marks ("My father spent the entire $30,000 ...", "We must ensure that ...")."""
    start, _ = analysis.layout.paragraph_at(sent.start)
    if _EDITORS_NOTE.match(analysis.text, start):
        return True
    return any(
        t.lower_ in FIRST_PERSON and not analysis.layout.in_quotation(sent.offset(t))
        for t in sent.span
    )
