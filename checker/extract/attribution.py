"""Attributions: who said what, as source / cue / content spans read off the dependency parse.

Handled shapes (PolNeAR's model of an attribution):
- indirect speech: "The Pentagon said Wednesday that 1,000 U.S. troops will be redeployed"
  (cue = the verb with its auxiliaries, source = its subject, content = its clausal complement);
- direct quotes in either order: "“...,” Kirby said." / "Kirby said: “...”" (content snaps to
  the quotation marks, curly or straight);
- "according to X": the prepositional phrase is the cue and source, the clause it modifies is
  the content;
- verbs beyond "said" (emphasized, stressed, insisted, told, warned, considers, made it clear),
  participles that inherit their subject ("..., adding that"), passives with an agent
  ("was told by X").
The parse gives the roles; regular expressions are not used to find them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.analysis import Analysis
from checker.extract.cues import ACCORDING, MAKE_PREDICATES, complement_kind, is_cue
from checker.models import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Token

    from checker.nlp import Sentence

OPEN_QUOTES = "“\"‘'«"
CLOSE_QUOTES = "”\"’'»"
QUOTES = set(OPEN_QUOTES + CLOSE_QUOTES)
SUBJECTS = ("nsubj", "csubj")
CUE_PREFIX = ("aux", "auxpass", "neg")
INHERITS_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "acl")
OBJECT_DEPS = ("dobj", "dative", "oprd", "ccomp", "xcomp", "attr", "acomp")


@dataclass
class Found:
    """One attribution as absolute character offsets, with the tokens later stages read."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    cue_type: str
    cue_token: Token
    source_token: Token | None  # head of the source phrase, for normalisation


def extract(analysis: Analysis) -> None:
    """Fill `analysis.attributions` (and `extras["attribution_found"]` for the sources stage)."""
    found = find_all(analysis.sentences, analysis.text)
    analysis.extras["attribution_found"] = found
    span = analysis.document.span
    analysis.attributions = [
        Attribution(
            source=span(*f.source) if f.source else None,
            cue=span(*f.cue),
            content=span(*f.content) if f.content else None,
            cue_type=f.cue_type,
        )
        for f in found
    ]


def find_all(sentences: list[Sentence], text: str) -> list[Found]:
    """Every attribution of a document, in text order, leaving out those nested in a quotation
    (inside quoted words, "I think" is the quoted speaker's, not a source of the article)."""
    regions = quoted_regions(text)
    found = [f for sent in sentences for f in find(sent, text) if not _inside(regions, f.cue[0])]
    return sorted(found, key=lambda f: f.cue)


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Quotations of the whole text, each within one paragraph (line)."""
    regions: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        regions.extend(quotes(text, start, start + len(line)))
        start += len(line) + 1
    return regions


def _inside(regions: list[tuple[int, int]], offset: int) -> bool:
    return any(a < offset < b for a, b in regions)


def find(sent: Sentence, text: str) -> list[Found]:
    """Every attribution in one sentence."""
    found: list[Found] = []
    for tok in sent.span:
        item = _according_to(sent, tok, text) or _verb_cue(sent, tok, text)
        if item is not None:
            found.append(item)
    return found


# --- cues ----------------------------------------------------------------------------------


def _verb_cue(sent: Sentence, tok: Token, text: str) -> Found | None:
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
        return None
    make = _make_predicate(tok)
    kind = complement_kind(tok)
    if make is None and not is_cue(tok.lemma_.lower(), kind):
        return None
    heads = _content_heads(tok, kind, make)
    source = _source(tok)
    if source is None and (not heads or tok.dep_ == "xcomp"):
        return None  # "to say the least", "designed to respond": nobody is reported
    cue_tokens = _cue_tokens(tok, make)
    cue = (sent.offset(cue_tokens[0]), sent.token_end(cue_tokens[-1]))
    stop = {t.i for t in cue_tokens} | ({t.i for t in source.subtree} if source is not None else set())
    stop |= {t.i for h in heads for c in h.subtree if _is_according(c) for t in c.subtree}
    content = _content(sent, heads, stop, text) if heads else None
    if content is None:
        content = _adjacent_quote(sent, tok, text)
    return Found(
        cue=cue,
        source=_phrase(sent, source, text) if source is not None else None,
        content=content,
        cue_type=_cue_type(text, content),
        cue_token=tok,
        source_token=source,
    )


def _content_heads(tok: Token, kind: str, make: Token | None) -> list[Token]:
    """The tokens whose subtrees hold what was said."""
    if make is not None:
        clause = _clause_child(make)
        return [clause] if clause is not None else []
    if kind == "C":
        clause = _clause_child(tok)
        return [clause] if clause is not None else []
    if kind == "X":
        return [c for c in tok.rights if c.dep_ == "xcomp"][:1]
    wanted = OBJECT_DEPS if kind == "O" else ("prep",)
    return [c for c in tok.rights if c.dep_ in wanted]


def _is_according(tok: Token) -> bool:
    """The "according" of "according to X"."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == ACCORDING[0] and nxt is not None and nxt.lower_ == ACCORDING[1] and nxt.head.i == tok.i


def _according_to(sent: Sentence, tok: Token, text: str) -> Found | None:
    if not _is_according(tok):
        return None
    to = tok.doc[tok.i + 1]
    source = _child(to, ("pobj",))
    head = tok.head if tok.head.i != tok.i else None
    stop = {t.i for t in tok.subtree}
    content = None
    if head is not None:
        region = [t for t in head.subtree if t.i not in stop]
        left = [t for t in region if t.i < tok.i]
        right = [t for t in region if t.i > tok.i]
        content = _tokens_span(sent, max(left, right, key=len), text)
    return Found(
        cue=(sent.offset(tok), sent.token_end(to)),
        source=_phrase(sent, source, text) if source is not None else None,
        content=content,
        cue_type="according_to",
        cue_token=tok,
        source_token=source,
    )


def _make_predicate(tok: Token) -> Token | None:
    """'clear' in "has made it clear that ...", or None."""
    if tok.lemma_.lower() != "make":
        return None
    return next(
        (c for c in tok.children if c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")
         and c.lower_ in MAKE_PREDICATES),
        None,
    )  # fmt: skip


def _cue_tokens(tok: Token, make: Token | None) -> list[Token]:
    """The verb, its auxiliaries and negation on the left, a particle, "it clear" of "make"."""
    tokens = [tok]
    for child in reversed(list(tok.lefts)):
        if child.dep_ in CUE_PREFIX and child.i == tokens[0].i - 1:
            tokens.insert(0, child)
    for child in tok.rights:
        if child.dep_ == "prt" and child.i == tokens[-1].i + 1:
            tokens.append(child)
    if make is not None:
        tokens = tokens + [t for t in tok.doc[tok.i + 1 : make.i + 1]]
    return tokens


# --- roles ---------------------------------------------------------------------------------


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _clause_child(tok: Token) -> Token | None:
    return _child(tok, ("ccomp", "parataxis")) or next(
        (c for c in tok.children if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)),
        None,
    )


def _source(tok: Token) -> Token | None:
    """The speaker: the subject, the passive agent, or the subject a participle inherits."""
    if any(c.dep_ == "auxpass" for c in tok.children):
        agent = _child(tok, ("agent",))
        return _child(agent, ("pobj",)) if agent is not None else None
    subject = _child(tok, SUBJECTS)
    if subject is not None:
        return subject
    if tok.dep_ in INHERITS_SUBJECT and tok.head.i != tok.i:
        return _child(tok.head, SUBJECTS)
    return None


def _phrase(sent: Sentence, head: Token, text: str) -> tuple[int, int]:
    """The noun phrase of `head`: its subtree, without a trailing appositive clause or comma."""
    tokens = [t for t in head.subtree if not (t.dep_ in ("relcl", "acl") and t.head.i == head.i)]
    tokens = _contiguous(tokens, head)
    return _tokens_span(sent, tokens, text)


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The unbroken run of `tokens` around `head` (a removed clause leaves a gap)."""
    ids = {t.i for t in tokens}
    lo = hi = head.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return [t for t in tokens if lo <= t.i <= hi]


def _content(sent: Sentence, heads: list[Token], stop: set[int], text: str) -> tuple[int, int] | None:
    tokens = [t for h in heads for t in h.subtree if t.i not in stop]
    if heads[0].i not in stop:
        tokens = _contiguous(tokens, heads[0])
    span = _tokens_span(sent, tokens, text)
    return _snap_quotes(text, span, sent) if span else None


def _tokens_span(sent: Sentence, tokens: list[Token], text: str) -> tuple[int, int] | None:
    """Offsets of a token run, trimmed of edge punctuation other than quotation marks."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (_edge_punct(tokens[0]) or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (_edge_punct(tokens[-1]) or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    start, end = sent.offset(tokens[0]), sent.token_end(tokens[-1])
    if "\n\n" in text[start:end]:  # never run an attribution across a paragraph break
        end = start + text[start:end].index("\n\n")
    return start, end


def _edge_punct(tok: Token) -> bool:
    return tok.is_punct and tok.text not in QUOTES


def _snap_quotes(text: str, span: tuple[int, int], sent: Sentence) -> tuple[int, int]:
    """Widen a content span to the quotation marks it leaves open (the parser often hangs a
    closing quote, and the comma before it, on the cue verb)."""
    start, end = span
    inner = text[start:end]
    opens, closes = _count(inner, "“«"), _count(inner, "”»")
    straight = inner.count('"') % 2 == 1
    if opens > closes or (straight and inner[:1] == '"') or (start > sent.start and text[start - 1] in "“\"" and opens == closes):
        if start > sent.start and text[start - 1] in "“\"" and opens == closes and not straight:
            start -= 1
        tail = text[end : min(sent.end, end + 3)]
        for i, ch in enumerate(tail):
            if ch in "”\"»":
                return start, end + i + 1
            if ch not in ",.;:!? ":
                break
    elif closes > opens or (straight and inner[-1:] == '"'):
        before = text[max(sent.start, start - 2) : start]
        for i, ch in enumerate(reversed(before)):
            if ch in "“\"«":
                return start - i - 1, end
            if ch != " ":
                break
    return start, end


def _count(text: str, chars: str) -> int:
    return sum(text.count(c) for c in chars)


def _adjacent_quote(sent: Sentence, tok: Token, text: str) -> tuple[int, int] | None:
    """For "Kirby said: “...”" or a speech verb beside a quote the parser did not attach."""
    for q in quotes(text, sent.start, sent.end):
        if q[1] <= sent.offset(tok) or q[0] >= sent.token_end(tok):
            return q
    return None


def quotes(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Quoted stretches (“...” or "...") inside [start, end)."""
    i = start
    while i < end:
        ch = text[i]
        if ch in "“\"":
            close = "”" if ch == "“" else '"'
            j = text.find(close, i + 1, end)
            if j == -1 and ch == "“":
                j = text.find('"', i + 1, end)
            if j == -1:
                return
            yield i, j + 1
            i = j + 1
        else:
            i += 1


def _cue_type(text: str, content: tuple[int, int] | None) -> str:
    """direct: the content is one quotation; mixed: it quotes some words; else indirect."""
    if content is None:
        return "indirect"
    inner = text[content[0] : content[1]]
    marks = sum(1 for ch in inner if ch in "“”\"")
    if marks == 2 and inner[:1] in "“\"" and inner[-1:] in "”\"":
        return "direct"
    return "mixed" if marks >= 2 else "indirect"
