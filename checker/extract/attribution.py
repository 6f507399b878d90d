"""Attributions: who said what, as source / cue / content spans read off the dependency parse.

Handled shapes (PolNeAR's model of an attribution):
- indirect speech: "The Pentagon said Wednesday that 1,000 U.S. troops will be redeployed"
  (cue = the verb with its auxiliaries, source = its subject, content = its clausal complement);
- direct quotes in either order: "“...,” Kirby said." / "Kirby said: “...”" (content snaps to
  the quotation marks, curly or straight);
- "according to X": the prepositional phrase is the cue and source, the clause it modifies is
  the content;
- verbs beyond "said" (emphasized, stressed, insisted, told, warned, considers, made it clear),
  participles that inherit their subject ("..., adding that", "countered by suggesting"),
  passives with an agent ("was told by X"), chains of verbs ("continues to insist"), relative
  clauses ("the report, which concluded that");
- which verbs are cues: the hand-written lexicon of `cues.py` plus the learned classifier of
  `cue_model.py` for the long tail ("backs", "vowed to", "slammed"), which also scores
  adjectives said of a subject ("Democrats are wary of ...");
- a line that opens with a speaker's label ("TAPPER: ...", "Gingrich: Trump Must Decide ...");
  a quotation signed with a dash and a name ("“...” ― Sonya Herridge", `signoff.py`);
- a title-case headline is read in sentence case first (`headline_case.py`).
Not attributions: an imperative to the reader ("Imagine that ..."), a reporter's credit line.
The parse gives the roles; regular expressions are not used to find them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from checker.analysis import Analysis, AttributionRecord
from checker.extract import cue_model, headline_case, labels, quotes, signoff
from checker.extract.cues import (
    ACCORDING,
    INHERITS_SUBJECT,
    MAKE_PREDICATES,
    NOUN_CONTENT_PREPS,
    SPEECH,
    complement_kind,
    is_cue,
)
from checker.extract.found import Found, tokens_span
from checker.layout import Layout
from checker.models import Attribution
from checker.pipeline import stage

if TYPE_CHECKING:
    from spacy.tokens import Token

    from checker.nlp import Sentence

SUBJECTS = ("nsubj", "csubj")
CUE_PREFIX = ("aux", "auxpass", "neg", "advmod")
# The medium of a statement belongs to its cue in PolNeAR ("said in a statement").
CUE_MEDIA = frozenset({"statement", "release"})
RELAYED = frozenset({"say", "tell"})  # nested speech kept: "NBC reported that police said ..."
TOPIC_PREPS = frozenset(
    {"about", "of"}
)  # "said of the deal", "asked about": the topic's preposition
NOUN_CUES = frozenset(
    [
        "statement",
        "criticism",
        "comment",
        "remark",
        "claim",
        "announcement",
        "warning",
        "assertion",
        "accusation",
        "allegation",
        "promise",
        "pledge",
        "argument",
        "admission",
        "denial",
        "suggestion",
        "prediction",
        "insistence",
        "assurance",
        "vow",
        "complaint",
        "description",
        "characterization",
        "call",
    ]
)
DOCUMENT_NOUNS = frozenset(["poll", "survey", "study", "report", "analysis"])
# A verb the model holds a cue this surely stays one even when the parse finds neither its
# speaker nor its words ("the poll was released Wednesday", "has since been denied"): PolNeAR
# marks such cues, and they source nothing. Chosen by 2-fold cross-validation on train.
CUE_ONLY = 0.5
CREDITS = frozenset({"reporting", "research", "report", "story", "article"})
SEE_AS = frozenset(
    {"see", "view", "regard", "consider", "portray", "characterize", "paint", "cast"}
)
OBJECT_DEPS = ("dobj", "dative", "oprd", "ccomp", "xcomp", "attr", "acomp")


@stage(requires=("sentences",), assigns=("attributions",))
def extract(analysis: Analysis) -> None:
    """One `AttributionRecord` per attribution found (the sources stage adds its speaker)."""
    span = analysis.document.span
    analysis.attributions = [
        AttributionRecord(
            Attribution(
                source=span(*f.source) if f.source else None,
                cue=span(*f.cue),
                content=span(*f.content) if f.content else None,
                cue_type=f.cue_type,
                reported=f.reported,
            ),
            f,
        )
        for f in find_all(analysis.layout)
    ]


def find_all(layout: Layout) -> list[Found]:
    """Every attribution of a document, in text order, leaving out those nested in a quotation
    (inside quoted words, "I think" is the quoted speaker's, not a source of the article)."""
    text = layout.text
    sentences = headline_case.recased(list(layout.sentences), text)
    layout = layout.resentenced(sentences)
    regions = layout.quotations
    signed = signoff.attributions(layout)
    # a sign-off takes the rest of its line ("― President Obama, tweeting after ...")
    taken = [(f.cue[0], labels.line_end(text, f.cue[0])) for f in signed]
    found = [
        f for sent in sentences for f in find(sent, text)
        if (not layout.in_quotation(f.cue[0]) or labels.labels_quotation(f, regions, text))
        and not any(a <= f.cue[0] < b for a, b in taken)
    ]  # fmt: skip
    for f in found:
        if f.content is None:
            f.content = quotes.adjacent([f.cue] + ([f.source] if f.source else []), regions, text)
        else:
            f.content = quotes.widen(f.content, f.cue, regions)
        if f.cue_type != "according_to":
            f.cue_type = quotes.cue_type(text, f.content)
    return sorted(_outermost(found) + signed, key=lambda f: f.cue)


def _outermost(found: list[Found]) -> list[Found]:
    """Leave out an attribution reported inside what another one says ("Rubio says he opposes
    ..."): the article sources the outer claim; PolNeAR marks the inner one as content only.
    Speech relayed by another source stays ("..., police said, according to NBC News"): it is
    the second-hand sourcing an editor must see."""
    contents = [f.content for f in found if f.content and f.cue_type != "according_to"]
    return [
        f for f in found
        if f.cue_token.lemma_.lower() in RELAYED
        or not any(a <= f.cue[0] and f.cue[1] <= b and (a, b) != f.content for a, b in contents)
    ]  # fmt: skip


def find(sent: Sentence, text: str) -> list[Found]:
    """Every attribution in one sentence."""
    found: list[Found] = []
    for tok in sent.span:
        item = (
            _according_to(sent, tok, text)
            or _verb_cue(sent, tok, text)
            or _noun_cue(sent, tok, text)
            or _adjective_cue(sent, tok, text)
            or _in_document(sent, tok, text)
        )
        if item is not None:
            found.append(item)
    headline = labels.labelled_line(sent, text)
    return found + ([headline] if headline else [])


# --- cues ----------------------------------------------------------------------------------


def _verb_cue(sent: Sentence, tok: Token, text: str) -> Found | None:
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
        return None
    if tok.dep_ == "xcomp" and _is_cue_verb(tok.head):
        return None  # an infinitive ("declined to comment") belongs to the verb above it
    make = _make_predicate(tok)
    kind = complement_kind(tok)
    known = _is_known(tok)
    if make is None and not cue_model.decide(tok, known):
        return None
    heads = _content_heads(tok, kind, make)
    source = _source(tok)
    named = _named_after_quote(tok, source)
    if named:
        source = named[-1]
    relative: set[int] = set()
    if source is not None and source.tag_ == "WDT":
        if tok.dep_ != "relcl":
            return None
        source = tok.head  # "the report, which concluded that ...": the report speaks
        relative = {t.i for t in tok.subtree}
    if source is None and not heads and cue_model.probability(tok) < CUE_ONLY:
        return None  # "as said before": nobody is reported
    if source is None and _imperative(tok):
        return None  # "Imagine that she ...", "Don't blame Bush": the writer asks the reader
    if _credit(tok, kind):
        return None  # "Costa reported from Washington.": the story's credit line
    cue_tokens = _cue_tokens(tok, make, heads)
    if tok.dep_ == "xcomp":  # "continues to insist": the chain of verbs is the cue
        cue_tokens = list(tok.doc[tok.head.i : cue_tokens[0].i]) + cue_tokens
    heads = [_prep_object(h, cue_tokens) for h in heads]
    cue = (sent.offset(cue_tokens[0]), sent.token_end(cue_tokens[-1]))
    stop = {t.i for t in cue_tokens} | (
        {t.i for t in source.subtree} if source is not None else set()
    )
    stop |= {t.i for h in heads for c in h.subtree if _is_according(c) for t in c.subtree}
    content = _content(sent, heads, stop, text) if heads else None
    return Found(
        cue=cue,
        source=(
            tokens_span(sent, named, text)
            if named
            else _phrase(sent, source, text, relative)
            if source is not None
            else None
        ),
        content=content,
        cue_type=quotes.cue_type(text, content),
        cue_token=tok,
        source_token=source,
        reported=make is not None or kind == "C" or known or cue_model.vouches(tok),
    )


NAME_RUN = 6  # words of a speaker's name and title between a closing quote and the verb
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET"})


def _named_after_quote(tok: Token, source: Token | None) -> list[Token]:
    """ "“...,” Tulsa police Chief Chuck Jordan said Monday.": the name and title between a
    closing quotation mark and the verb (words of a name, whatever the tagger called them),
    when the parse found no subject for the verb there (none, or one inside the quotation: it
    hung "said" on the quoted verb as a conjunct)."""
    doc = tok.doc
    run: list[Token] = []
    i = tok.i - 1
    while i >= 0 and len(run) <= NAME_RUN and (doc[i].pos_ in NAME_POS or doc[i].ent_type_):
        run.insert(0, doc[i])
        i -= 1
    if not run or len(run) > NAME_RUN or i < 0 or doc[i].text not in quotes.CLOSE_QUOTES:
        return []
    if source is not None and source.i > i:
        return []  # the parse found the subject after the quotation: keep its phrase
    if not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in run):
        return []
    return run


def _credit(tok: Token, kind: str) -> bool:
    """A reporter's credit: "Wolf reported from Washington.", "Amanda Terkel contributed
    reporting." (PolNeAR marks none of them: nobody is quoted)."""
    lemma = tok.lemma_.lower()
    if kind == "C" or lemma not in ("report", "contribute"):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children):
        return True
    words = {
        t.lemma_.lower()
        for c in tok.children
        if c.dep_ in ("dobj", "xcomp", "prep")
        for t in c.subtree
    }
    return lemma == "contribute" and bool(words & CREDITS)


def _imperative(tok: Token) -> bool:
    """A bare verb that opens its clause with no subject: "Imagine ...", "Don't blame ..."."""
    return (
        tok.dep_ == "ROOT"
        and tok.tag_ == "VB"
        and not any(
            c.dep_ in ("nsubj", "expl") or (c.dep_ == "aux" and c.lemma_ != "do")
            for c in tok.children
        )
    )


def _is_known(tok: Token) -> bool:
    """A verb of saying or believing the hand-written lexicon knows in this construction."""
    kind = complement_kind(tok)
    return is_cue(tok.lemma_.lower(), kind) or _quoted_speech(tok, kind) or _sees_as(tok)


def _is_cue_verb(tok: Token) -> bool:
    """A verb the lexicon knows, unless the learned model finds it nearly impossible here
    ("continued the work"), or one the model scores as a cue on its own."""
    return cue_model.decide(tok, _is_known(tok))


def _sees_as(tok: Token) -> bool:
    """ "Democrats see Sanders as an agent of ...": a view held by the subject."""
    return (
        tok.lemma_.lower() in SEE_AS
        and any(c.dep_ == "dobj" for c in tok.children)
        and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.rights)
    )


def _quoted_speech(tok: Token, kind: str) -> bool:
    """tweeted, “Thank you Indiana!”: a speech verb whose "infinitive" is the start of a quote."""
    if kind != "X" or tok.lemma_.lower() not in SPEECH:
        return False
    xcomp = next((c for c in tok.rights if c.dep_ == "xcomp"), None)
    return (
        xcomp is not None and xcomp.i > 0 and tok.doc[xcomp.left_edge.i - 1].text in quotes.QUOTES
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
    if tok.lemma_.lower() in SPEECH:
        return []  # "he told CBN", "..., Kirby said": what was said is the quote beside it
    if kind != "O":
        wanted: tuple[str, ...] = ("prep",)
    else:
        wanted = OBJECT_DEPS + (("prep",) if _sees_as(tok) else ())
    return [c for c in tok.rights if c.dep_ in wanted]


def _is_according(tok: Token) -> bool:
    """The "according" of "according to X"."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        tok.lower_ == ACCORDING[0]
        and nxt is not None
        and nxt.lower_ == ACCORDING[1]
        and nxt.head.i == tok.i
    )


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
        content = tokens_span(sent, max(left, right, key=len), text)
    return Found(
        cue=(sent.offset(tok), sent.token_end(to)),
        source=_phrase(sent, source, text) if source is not None else None,
        content=content,
        cue_type="according_to",
        cue_token=tok,
        source_token=source,
    )


def _noun_cue(sent: Sentence, tok: Token, text: str) -> Found | None:
    """ "his criticism of the deal", "Clinton's statement that ...": a speech noun with an owner."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in NOUN_CUES:
        return None
    source = _child(tok, ("poss",))
    if source is None:
        agent = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
        source = _child(agent, ("pobj",)) if agent is not None else None
    if source is None or source.ent_type_ in ("DATE", "TIME"):
        return None
    heads = [
        c
        for c in tok.rights
        if c.dep_ in ("acl", "ccomp") or (c.dep_ == "prep" and c.lower_ in NOUN_CONTENT_PREPS)
    ][:1]
    if not heads:
        return None  # "Saturday's tweet", "his statement": no content, nothing to source
    stop = {tok.i} | {t.i for t in source.subtree}
    return Found(
        cue=(sent.offset(tok), sent.token_end(tok)),
        source=_phrase(sent, source, text),
        content=_content(sent, heads, stop, text) if heads else None,
        cue_type="indirect",
        cue_token=tok,
        source_token=source,
    )


def _adjective_cue(sent: Sentence, tok: Token, text: str) -> Found | None:
    """ "Democrats are wary of the plan", "she was adamant that ...": a view held by the subject,
    when the learned model takes the adjective for a cue."""
    if not cue_model.predicative(tok) or not cue_model.decide(tok, False):
        return None
    copula = tok.head if tok.dep_ == "acomp" else None
    source = _source(tok) if copula is None else _child(copula, SUBJECTS)
    heads = [c for c in tok.rights if c.dep_ in ("ccomp", "xcomp", "prep")][:1]
    if source is None or source.tag_ == "WDT" or not heads:
        return None
    cue_tokens = (
        list(tok.doc[copula.i : tok.i + 1]) if copula is not None and copula.i < tok.i else [tok]
    )
    if heads[0].dep_ == "prep" and heads[0].i == tok.i + 1:
        cue_tokens.append(heads[0])  # "wary of": the preposition is the cue's
    heads = [_prep_object(h, cue_tokens) for h in heads]
    stop = {t.i for t in cue_tokens} | {t.i for t in source.subtree}
    content = _content(sent, heads, stop, text)
    return Found(
        cue=(sent.offset(cue_tokens[0]), sent.token_end(cue_tokens[-1])),
        source=_phrase(sent, source, text),
        content=content,
        cue_type=quotes.cue_type(text, content),
        cue_token=tok,
        source_token=source,
        reported=heads[0].dep_ == "ccomp" or cue_model.vouches(tok),
    )


def _in_document(sent: Sentence, tok: Token, text: str) -> Found | None:
    """ "In a Washington Post-ABC News poll, 75 percent ...": the document is the source."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    if tok.i > sent.span.start + 1:
        return None  # only a sentence that opens with its document: "In a new poll, ..."
    source = _child(tok, ("pobj",))
    if source is None or source.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    if is_cue(tok.head.lemma_.lower(), complement_kind(tok.head)):
        return None  # "said in a statement": the verb is the cue, the statement its medium
    stop = {t.i for t in tok.subtree}
    region = [t for t in tok.head.subtree if t.i not in stop]
    right = [t for t in region if t.i > tok.i]
    left = [t for t in region if t.i < tok.i]
    return Found(
        cue=(sent.offset(tok), sent.token_end(tok)),
        source=_phrase(sent, source, text),
        content=tokens_span(sent, max(left, right, key=len), text),
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


def _cue_tokens(tok: Token, make: Token | None, heads: Sequence[Token] = ()) -> list[Token]:
    """The verb with what PolNeAR marks around it: auxiliaries, negation and adverbs on the
    left ("has also said"), a particle, the preposition that introduces the content ("called
    for", "referring to"), the medium ("said in a statement"), "it clear" of "make", a colon."""
    tokens = [tok]
    for child in reversed(list(tok.lefts)):
        if child.dep_ in CUE_PREFIX and child.i == tokens[0].i - 1 and _prefix(child):
            tokens.insert(0, child)
    for child in tok.rights:
        if child.i != tokens[-1].i + 1:
            continue
        obj = _child(child, ("pobj",)) if child.dep_ == "prep" else None
        if child.dep_ == "prt" or (
            obj is not None and (child in heads or child.lower_ in TOPIC_PREPS)
        ):
            tokens.append(child)
        elif obj is not None and obj.lemma_.lower() in CUE_MEDIA:
            tokens.extend(tok.doc[child.i : obj.i + 1])
    if make is not None:
        tokens = tokens + [t for t in tok.doc[tok.i + 1 : make.i + 1]]
    nxt = tok.doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text == ":":
        tokens.append(nxt)
    return tokens


def _prefix(tok: Token) -> bool:
    """An auxiliary, a negation, or a one-word adverb ("also", "publicly"), not "as"/"when"."""
    return tok.dep_ != "advmod" or (
        tok.pos_ == "ADV" and tok.tag_ == "RB" and not any(tok.children)
    )


def _prep_object(head: Token, cue: list[Token]) -> Token:
    """When the cue took the preposition ("referring to"), what was said is its object."""
    return (_child(head, ("pobj", "pcomp")) or head) if head in cue else head


# --- roles ---------------------------------------------------------------------------------


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _clause_child(tok: Token) -> Token | None:
    return _child(tok, ("ccomp", "parataxis")) or next(
        (
            c
            for c in tok.children
            if c.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ),
        None,
    )


def _source(tok: Token) -> Token | None:
    """The speaker: the subject, the passive agent ("was told by X", "a fact first reported by
    X"), or the subject a participle inherits ("..., adding that", "... by pledging")."""
    agent = _child(tok, ("agent",))
    if agent is not None or any(c.dep_ == "auxpass" for c in tok.children):
        return _child(agent, ("pobj",)) if agent is not None else None
    subject = _child(tok, SUBJECTS)
    if subject is not None:
        return subject
    head = tok.head
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head  # "countered by suggesting": the verb the preposition hangs on
    if tok.dep_ in INHERITS_SUBJECT and head.i != tok.i:
        return _child(head, SUBJECTS)
    return _stranded_source(tok)


STRANDED_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "NORP"})


def _stranded_source(tok: Token) -> Token | None:
    """ "..., could lose seven billion dlrs, the General Accounting Office, GAO, said.": a
    speaker set off by a comma just before its verb, which the parser hung on the content (as
    an object or an apposition of its noun), leaving the verb with no subject. The speaker is
    the name (of a body or a person, with its appositions) between that comma and the verb."""
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0 or i == tok.i - 1 or doc[i].head.i > tok.i:
        return None  # the verb must follow ", X," and X must not hang on what comes after
    word = doc[i]
    while word.dep_ == "appos" and word.head.i < word.i and word.head.ent_type_:
        word = word.head
    start = word.left_edge.i
    if word.ent_type_ not in STRANDED_ENTITIES or start == 0 or doc[start - 1].text != ",":
        return None
    return word


def _phrase(
    sent: Sentence, head: Token, text: str, leave_out: set[int] | frozenset[int] = frozenset()
) -> tuple[int, int] | None:
    """The noun phrase of `head`: its subtree (appositions and relative clauses included, as
    PolNeAR marks them, except the clause of the cue itself, `leave_out`), without quotation
    marks or punctuation at its edges."""
    tokens = [
        t
        for t in head.subtree
        if (t.text not in quotes.QUOTES or t.i == head.i) and t.i not in leave_out
    ]
    span = tokens_span(sent, _contiguous(tokens, head), text)
    if span and "," in text[span[0] : span[1]] and text[span[1] : span[1] + 1] == ",":
        return span[0], span[1] + 1  # "Clinton, a Democrat,": PolNeAR closes an apposition
    return span


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The unbroken run of `tokens` around `head` (a removed clause leaves a gap)."""
    ids = {t.i for t in tokens}
    lo = hi = head.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return [t for t in tokens if lo <= t.i <= hi]


def _content(
    sent: Sentence, heads: list[Token], stop: set[int], text: str
) -> tuple[int, int] | None:
    tokens = [t for h in heads for t in h.subtree if t.i not in stop]
    if heads[0].i not in stop:
        tokens = _contiguous(tokens, heads[0])
    span = tokens_span(sent, tokens, text)
    return quotes.snap(text, span, sent.start, sent.end) if span else None
