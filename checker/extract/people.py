"""People named in the copy, with the title and organisation written before the name.

"Department of Defense press secretary Juan Kirby" gives the name "Juan Kirby", the title
"press secretary" (canonical key `press secretary`) and the organisation `us-dod`. Titles and
organisations are recognised through the knowledge base, so a pack that adds an office teaches
the extractor too. Mentions go to the `people` layer; the organisations named anywhere in the
article to `organisations`. Both are empty when no knowledge base was built.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.knowledge.names import key, name_parts
from checker.pipeline import stage

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from checker.analysis import Analysis
    from checker.knowledge import KnowledgeBase

# Words that stop a title from being a claim about the present: "former Secretary", "a President".
QUALIFIERS = frozenset({
    "former", "ex", "then", "late", "future", "incoming", "outgoing", "acting", "interim",
    "deputy", "assistant", "associate", "fellow", "would-be", "potential", "next",
    "retired", "prospective", "a", "an", "candidate", "nominee", "elect", "designate",
    "presumptive", "onetime", "one-time", "erstwhile", "past", "lt", "lieutenant",
})  # fmt: skip
# Qualifiers that follow what they qualify ("presidential nominee", "President-elect").
TRAILING = frozenset({"nominee", "candidate", "elect", "designate"})
MAX_PHRASE = 8


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str  # as written, without the title
    first: str  # first-name key ("" for a surname alone)
    surname: str  # surname key
    title: str | None = None  # title words as written, without the organisation
    title_start: int = -1
    title_end: int = -1
    title_key: str | None = None  # canonical title key when the knowledge base knows the title
    organisation: str | None = None  # organisation id named before the title
    qualified: bool = False  # "former", "acting", "a", ...: no claim about the present holder

    @property
    def full(self) -> bool:
        return bool(self.first)


@stage(requires=("docs",), assigns=("people", "organisations"))
def extract(analysis: Analysis) -> None:
    kb = analysis.kb
    analysis.people = []
    analysis.organisations = kb.organisations_in(analysis.text) if kb else []
    if kb is None:
        return
    for base, doc in analysis.docs:
        for ent in doc.ents:
            if ent.label_ == "PERSON" or _known_surname(kb, ent):
                mention = _mention(analysis, kb, base, ent)
                if mention:
                    analysis.people.append(mention)


def _known_surname(kb: KnowledgeBase, ent: Span) -> bool:
    """A misspelt name the tagger took for something else ("Doneld Trump" as ORG): two or three
    capitalised words ending in a surname the knowledge base knows, and not an organisation."""
    words = ent.text.split()
    return (
        ent.label_ in ("ORG", "GPE", "NORP", "PRODUCT", "FAC") and 2 <= len(words) <= 3
        and all(w[:1].isupper() for w in words) and kb.organisation(ent.text) is None
        and not kb.places_named(ent.text)
        and _surname_known(kb, ent, words[-1].removesuffix("’s").removesuffix("'s"))
    )  # fmt: skip


def _surname_known(kb: KnowledgeBase, ent: Span, surname: str) -> bool:
    """A curated person has this surname, or the title written before the name is one that a
    person of this surname held: "Secretary of State Georg Shultz" tagged ORG as "State Georg
    Shultz" (reut2-000 178). The title narrows the imported namesakes to its holders, so an
    imported person counts here, where a surname alone would match nearly anyone."""
    if kb.people_with_surname(surname):
        return True
    names = _name_tokens(kb, ent)  # "Georg Shultz" of "State Georg Shultz"
    if len(names) != 2:  # a first name and the surname, or nothing to check
        return False
    phrase, doc = _phrase_before(kb, names[0]), ent.doc
    for t in phrase:  # the longest known title that ends at the name
        found = kb.title(doc[t.i : names[0].i].text)
        if found:
            holders = kb.people_with_surname(surname, every=True)
            return any(r.title_key == found[0] for p in holders for r in p.roles)
    return False


def _name_tokens(kb: KnowledgeBase, ent: Span) -> list[Token]:
    """The entity's words without punctuation, line breaks and a possessive, and without the
    title words spaCy swallowed into it ("President Obama"), one word at least."""
    tokens = [t for t in ent if not (t.is_punct or t.is_space or t.text in ("'s", "’s", "'", "’"))]
    lead = 0
    while lead < len(tokens) - 1 and _is_title_word(kb, tokens[lead]):
        lead += 1
    return tokens[lead:]


def _mention(analysis: Analysis, kb: KnowledgeBase, base: int, ent: Span) -> PersonMention | None:
    names = _name_tokens(kb, ent)
    if not names or not all(_namelike(t) for t in names):
        return None
    start, end = base + names[0].idx, base + names[-1].idx + len(names[-1].text)
    name = analysis.text[start:end]
    if any(not (ch.isalpha() or ch.isspace() or ch in ".-'’") for ch in name):
        return None  # "[Chris] Christie": an editor's insertion, not a name as written
    if len(names) == 1 and (kb.places_named(name) or kb.organisation(name)):
        return None
    first, surname = name_parts(name)
    fields = _parse_phrase(analysis, kb, base, _phrase_before(kb, names[0]),
                           qualified=_qualified_across_and(kb, names[0]))  # fmt: skip
    if not fields.get("title"):
        after = _parse_phrase(analysis, kb, base, _appositive(kb, names[-1]))
        fields = after if after.get("title") else fields
    return PersonMention(start, end, name, first, surname, **fields)


def _namelike(tok: Token) -> bool:
    return tok.text[:1].isupper() and all(ch.isalpha() or ch in ".-'’" for ch in tok.text)


def _is_title_word(kb: KnowledgeBase, tok: Token) -> bool:
    k = key(tok.text)
    return k in kb.titles or k in kb.title_words


def _title_like(kb: KnowledgeBase, t: Token) -> bool:
    """Could this token be part of a title phrase ("Department of Defense press secretary")?"""
    k = key(t.text)
    return (t.text[:1].isupper() or k in kb.title_words or k in QUALIFIERS
            or k in ("of", "the", "'s"))  # fmt: skip


def _breaks(t: Token) -> bool:
    return t.is_space or (t.is_punct and t.text not in ("-", "'s", "’s"))


def _phrase_before(kb: KnowledgeBase, tok: Token) -> list[Token]:
    """The title-like words right before a name, in text order (at most MAX_PHRASE)."""
    phrase: list[Token] = []
    i, sent_start = tok.i - 1, tok.sent.start
    while i >= sent_start and len(phrase) < MAX_PHRASE:
        t = tok.doc[i]
        if _breaks(t) or not _title_like(kb, t):
            break
        phrase.append(t)
        i -= 1
    if i > sent_start and tok.doc[i].text == "-" and key(tok.doc[i - 1].text) in QUALIFIERS:
        i -= 1  # "then-Sen.", "ex-President": the tokenizer splits the hyphen off
    if i >= sent_start and key(tok.doc[i].text) in QUALIFIERS:
        phrase.append(tok.doc[i])
    return phrase[::-1]


def _qualified_across_and(kb: KnowledgeBase, tok: Token) -> bool:
    """ "Former prosecutor and New York City Mayor Rudy Giuliani": a qualifier before a
    coordinated title applies to it too."""
    i, sent_start = tok.i - 1, tok.sent.start
    while i >= sent_start and not _breaks(tok.doc[i]) and _title_like(kb, tok.doc[i]):
        i -= 1
    if i < sent_start or tok.doc[i].lower_ not in ("and", "&"):
        return False
    return any(t.lower_ in QUALIFIERS for t in tok.doc[max(sent_start, i - 5) : i])


def _appositive(kb: KnowledgeBase, tok: Token) -> list[Token]:
    """The title in "John Kirby, the Pentagon press secretary, said": between the comma after
    the name and the next comma or the sentence end, with no other name inside."""
    doc, end = tok.doc, tok.sent.end
    i = tok.i + 1
    if i >= end or doc[i].text != ",":
        return []
    phrase: list[Token] = []
    for t in doc[i + 1 : end]:
        if _breaks(t) or len(phrase) == MAX_PHRASE:
            break
        if t.ent_type_ == "PERSON" or not _title_like(kb, t):
            return []
        phrase.append(t)
    after = i + 1 + len(phrase)
    if after < end and doc[after].text not in (",", ".", ";") and not doc[after].is_space:
        return []
    return phrase[1:] if phrase and key(phrase[0].text) == "the" else phrase


@dataclass(frozen=True)
class _Phrase:
    tokens: list[Token]
    base: int
    text: str

    def seg(self, a: int, b: int) -> tuple[int, int, str]:
        """Offsets and text of tokens [a, b)."""
        s = self.base + self.tokens[a].idx
        e = self.base + self.tokens[b - 1].idx + len(self.tokens[b - 1].text)
        return s, e, self.text[s:e]


def _parse_phrase(
    analysis: Analysis,
    kb: KnowledgeBase,
    base: int,
    tokens: list[Token],
    *,
    qualified: bool = False,
) -> dict:
    if not tokens:
        return {}
    phrase, n = _Phrase(tokens, base, analysis.text), len(tokens)
    for i in range(n):  # the longest known title that ends at the name
        s, e, words = phrase.seg(i, n)
        found = kb.title(words)
        if found and key(tokens[i].text) not in ("of", "the"):
            # "vice presidential nominee Sen. Tim Kaine": a noun qualifier before the title
            # ends another description; the title itself stands
            own = qualified or any(
                key(t.text) in QUALIFIERS and (j >= i or key(t.text) not in TRAILING)
                for j, t in enumerate(tokens)
            )
            return _fields(kb, s, e, words, found[0], _organisation(kb, phrase, i), own)
    qualified = qualified or any(key(t.text) in QUALIFIERS for t in tokens)
    for b in range(n - 1, 0, -1):  # else an organisation, then unknown title words
        org = _organisation(kb, phrase, b)
        if org:
            s, e, words = phrase.seg(b, n)
            if any(w in kb.title_words for w in key(words).split()):
                return _fields(kb, s, e, words, None, org, qualified)
            return {"organisation": org, "qualified": qualified}
    return {"qualified": qualified}


def _organisation(kb: KnowledgeBase, phrase: _Phrase, end: int) -> str | None:
    """The longest organisation name that ends right before token `end`."""
    for a in range(end):
        words = phrase.seg(a, end)[2]
        for suffix in ("'s", "’s"):
            words = words.removesuffix(suffix)
        org = kb.organisation(words)
        if org:
            return org.id
    return None


def _fields(
    kb: KnowledgeBase,
    s: int,
    e: int,
    words: str,
    title_key: str | None,
    org: str | None,
    qualified: bool,
) -> dict:
    if org and title_key and not kb.holders(title_key, org):
        org = None  # "Democratic Sen.": a party, not the office's organisation
    return {"title": words, "title_start": s, "title_end": e, "title_key": title_key,
            "organisation": org, "qualified": qualified}  # fmt: skip
