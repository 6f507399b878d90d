"""A learned cue classifier: is this verb (or adjective) the cue of an attribution?

The hand-written lists in `cues.py` know the verbs of saying; PolNeAR's annotators also mark a
long tail of verbs of stance and action ("backs", "focuses on", "vows to", "slammed") and
adjectives said of a subject ("are wary of", "was confident that") that no list keeps up with.
This module scores such a word with a logistic model over features read off the parse
(its lemma with the kind of complement it takes, its subject, its prepositions, quotation marks
nearby). `benchmarks/train_cues.py` learns the weights from the PolNeAR *train* split only and
writes them to `cue_weights.json` beside this file; the dev split is kept for the benchmark.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from checker.extract.cues import BELIEF, INHERITS_SUBJECT, NOMINAL_CONTENT, SPEECH, complement_kind
from checker.extract.quotes import QUOTES

if TYPE_CHECKING:
    from spacy.tokens import Token

WEIGHTS = Path(__file__).with_name("cue_weights.json")
NEAR = 3  # tokens either side in which a quotation mark counts as "near"
REPORTED = 0.75  # see `vouches`; set by the review of unsourced figures (benchmarks/RESULTS.md)
SAYING = SPEECH | BELIEF  # verbs whose clausal complement is what someone reports


def candidate(tok: Token) -> bool:
    """A word the model scores: a verb, or an adjective said of a subject ("Democrats are wary
    of ...", "she was adamant that ...")."""
    return tok.pos_ == "VERB" or predicative(tok)


def predicative(tok: Token) -> bool:
    """An adjective after a copula ("are wary"), or one that heads a clause with a subject."""
    if tok.pos_ != "ADJ":
        return False
    if tok.dep_ == "acomp":
        return True
    return tok.dep_ in ("ROOT", "ccomp") and any(c.dep_ == "nsubj" for c in tok.children)


def features(tok: Token) -> list[str]:
    """The features of one verb or adjective: names only, each worth 1."""
    lemma = tok.lemma_.lower()
    kind = complement_kind(tok)
    feats = [f"pos={tok.pos_}"] if tok.pos_ != "VERB" else []
    feats += [
        f"lem={lemma}", f"lemk={lemma}/{kind}", f"kind={kind}", f"dep={tok.dep_}",
        f"tag={tok.tag_}", f"lemdep={lemma}/{tok.dep_}", f"suf={lemma[-3:]}",
    ]  # fmt: skip
    feats += _lexicon(lemma)
    feats += _children(tok, lemma)
    feats += _subject(tok)
    feats += _context(tok)
    return feats


def _lexicon(lemma: str) -> list[str]:
    return [
        name
        for name, words in (("speech", SPEECH), ("belief", BELIEF), ("nominal", NOMINAL_CONTENT))
        if lemma in words
    ]


def _children(tok: Token, lemma: str) -> list[str]:
    feats = []
    for c in tok.children:
        feats.append(f"cd={c.dep_}")
        if c.dep_ in ("prep", "prt", "agent"):
            feats += [f"cp={c.lower_}", f"lemcp={lemma}/{c.lower_}"]
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                feats.append(f"pobj={obj.lemma_.lower()}")
        elif c.dep_ in ("dobj", "ccomp", "xcomp"):
            feats += [
                f"{c.dep_}pos={c.pos_}",
                f"{c.dep_}ent={c.ent_type_ or '-'}",
                f"{c.dep_}lem={c.lemma_.lower()}",
            ]
            if c.dep_ == "ccomp" and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children
            ):
                feats.append("that")
        elif c.dep_ in ("aux", "neg", "advmod"):
            feats.append(f"{c.dep_}={c.lower_}")
    return feats


def _subject(tok: Token) -> list[str]:
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    inherits = tok.dep_ in INHERITS_SUBJECT or tok.dep_ == "acomp"  # "are wary": the copula's
    inherited = subject is None and inherits and tok.head.i != tok.i
    if inherited:
        subject = next((c for c in tok.head.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None:
        return ["subj=none"]
    feats = [
        f"subj={subject.pos_}",
        f"subjent={subject.ent_type_ or '-'}",
        f"subjdep={subject.dep_}",
    ]
    if subject.pos_ in ("PRON", "NOUN"):
        feats.append(f"subjw={subject.lemma_.lower()}")
    return feats + (["subj_inherited"] if inherited else [])


def _context(tok: Token) -> list[str]:
    doc = tok.doc
    sent = _sentence(tok)
    lo, hi = max(0, tok.i - NEAR), min(len(doc), tok.i + NEAR + 1)
    feats = [f"head={tok.head.lemma_.lower()}/{tok.dep_}"] if tok.head.i != tok.i else ["root"]
    if any(doc[i].text in QUOTES for i in range(lo, hi) if i != tok.i):
        feats.append("quote_near")
    if sent.quoted:
        feats.append("quote_sent")
    if any(i != tok.i for i in sent.speech):
        feats.append("speech_sent")
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":":
        feats.append("colon_after")
    if tok.i > 0:
        feats.append(f"prev={doc[tok.i - 1].lower_}")
    if tok.i + 1 < len(doc):
        feats.append(f"next={doc[tok.i + 1].lower_}")
    if tok.is_title and tok.i > sent.start:
        feats.append("title_case")  # a headline's capitals
    return feats + _path(tok)


@dataclass(frozen=True)
class _Sentence:
    start: int  # index of its first token
    quoted: bool  # a quotation mark in it
    speech: tuple[int, ...]  # indexes of its verbs of saying


def _sentence(tok: Token) -> _Sentence:
    """What the features read of the verb's sentence, found once per Doc: `tok.sent` walks the
    sentence anew on every call, and a long run-on sentence holds many verbs."""
    memo = tok.doc.user_data.get("cue_model_sentences")
    if memo is None:
        sentences = [
            _Sentence(
                s.start,
                any(t.text in QUOTES for t in s),
                tuple(t.i for t in s if t.lemma_.lower() in SPEECH and t.pos_ == "VERB"),
            )
            for s in tok.doc.sents
        ]
        memo = tok.doc.user_data["cue_model_sentences"] = ([s.start for s in sentences], sentences)
    starts, sentences = memo
    return sentences[bisect_right(starts, tok.i) - 1]


def _path(tok: Token) -> list[str]:
    """Where the verb hangs: its chain of relations up to the root, and whether it sits inside
    what a verb of saying reports ("Rubio says he opposes ...")."""
    deps: list[str] = []
    reported = False
    while tok.head.i != tok.i and len(deps) < 3:
        deps.append(tok.dep_)
        reported |= tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in SAYING
        tok = tok.head
    return [f"path={'>'.join(deps)}"] + (["reported"] if reported else [])


Model = tuple[float, tuple[float, float], dict[str, float]]  # bias, (threshold, veto), weights
_override: Model | None = None


def use(model: Model | None) -> None:
    """Score with this model instead of the shipped one (training and its tests); None restores."""
    global _override
    _override = model


def _model() -> Model:
    return _override if _override is not None else _shipped()


@cache
def _shipped() -> Model:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return float(data["bias"]), (float(data["threshold"]), float(data["veto"])), data["weights"]


def probability(tok: Token) -> float:
    """The model's probability that the verb is (part of) an attribution cue (kept on the Doc:
    the extractor asks again for a verb's head and for its speaker)."""
    if _override is not None:
        return _score(_override, tok)  # training scores one parse with many models: no memo
    memo = tok.doc.user_data.setdefault("cue_model", {})
    if tok.i not in memo:
        memo[tok.i] = _score(_shipped(), tok)
    return memo[tok.i]


def _score(model: Model, tok: Token) -> float:
    bias, _, weights = model
    z = bias + sum(weights.get(f, 0.0) for f in features(tok))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def vouches(tok: Token) -> bool:
    """Whether a verb the lexicon does not know, and that takes no that-clause ("calculates
    that ..." always reports), is confidently a cue of saying or holding a view ("backs",
    "slammed"), so that its speaker sources what it touches; below REPORTED it more likely
    names who acts ("Berlin backed off", "turnout hit") than who vouches for the words."""
    return probability(tok) >= REPORTED


def decide(tok: Token, known: bool) -> bool:
    """Whether the verb is a cue: a verb of the hand-written lexicon (`known`) needs only to pass
    the veto, any other verb the threshold (both chosen on train by cross-validation)."""
    p = probability(tok)
    threshold, veto = _model()[1]
    return p >= veto if known else p >= threshold
