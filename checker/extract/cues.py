"""The attribution cue lexicon: verbs (and phrases) that report speech, writing or belief.

Hand-written lists of the verbs every newsroom knows; `is_cue` decides by the verb's lemma and the
kind of complement the parse gives it. The long tail ("backs", "focuses on", "vows to") is left to
the learned classifier in `cue_model.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of saying and writing: a cue even with no complement ("..., Kirby said.").
SPEECH = frozenset(
    [
        "say",
        "tell",
        "add",
        "write",
        "ask",
        "note",
        "report",
        "announce",
        "state",
        "declare",
        "explain",
        "reply",
        "respond",
        "answer",
        "tweet",
        "post",
        "comment",
        "remark",
        "mention",
        "reiterate",
        "repeat",
        "continue",
        "conclude",
        "testify",
        "quip",
        "joke",
        "recall",
        "recount",
        "admit",
        "acknowledge",
        "concede",
        "confirm",
        "deny",
        "insist",
        "stress",
        "emphasize",
        "emphasise",
        "underline",
        "warn",
        "caution",
        "argue",
        "contend",
        "maintain",
        "assert",
        "claim",
        "allege",
        "charge",
        "complain",
        "boast",
        "predict",
        "promise",
        "vow",
        "pledge",
        "swear",
        "vow",
        "urge",
        "demand",
        "reveal",
        "disclose",
        "inform",
        "assure",
        "remind",
        "counter",
        "retort",
        "shout",
        "whisper",
        "observe",
        "suggest",
        "propose",
        "estimate",
        "forecast",
    ]
)

# Verbs of saying only when nothing follows ("..., he continued."), not "continued the work".
SPEECH_BARE_ONLY = frozenset({"continue"})

# Verbs of belief, evaluation and evidence: a cue only with a clausal complement
# ("the U.S. considers an attack imminent", "polls show that ..."). "know" and "want" are left
# out: outside quotes they mostly say nothing sourced ("voters want change").
BELIEF = frozenset(
    [
        "think",
        "believe",
        "consider",
        "hope",
        "fear",
        "expect",
        "worry",
        "suspect",
        "doubt",
        "speculate",
        "show",
        "find",
        "indicate",
        "signal",
        "suggest",
        "agree",
        "accuse",
        "criticize",
        "criticise",
        "praise",
        "blame",
        "question",
        "decry",
        "denounce",
        "condemn",
        "defend",
        "describe",
        "call",
    ]
)

# Verbs whose direct object is what was said ("announced his plans", "denied the report").
NOMINAL_CONTENT = frozenset(
    [
        "announce",
        "deny",
        "confirm",
        "reveal",
        "disclose",
        "reject",
        "dismiss",
        "criticize",
        "criticise",
        "praise",
        "endorse",
        "defend",
        "blame",
        "question",
        "decry",
        "denounce",
        "condemn",
        "predict",
        "promise",
        "propose",
        "recommend",
        "cite",
        "acknowledge",
        "admit",
        "describe",
    ]
)

# Adjectives that turn "make (it) X" into a cue: "has made it clear that ...".
MAKE_PREDICATES = frozenset({"clear", "plain", "known"})

# Prepositions that hang what was said on a speech noun ("criticism of", "questions about").
NOUN_CONTENT_PREPS = ("of", "about", "on", "against", "for", "that")

# Relations through which a verb shares its head's subject ("..., adding that", "vowed to ...").
INHERITS_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "acl")

# Prepositional cues: "according to X", "as reported by X" is handled through the passive.
ACCORDING = ("according", "to")


def complement_kind(tok: Token) -> str:
    """C (a clause: ccomp, parataxis), X (an infinitive: xcomp), O (a direct object), - (none)."""
    deps = {c.dep_ for c in tok.children}
    if deps & {"ccomp", "parataxis"}:
        return "C"
    if "xcomp" in deps:
        return "X"
    return "O" if "dobj" in deps else "-"


def is_cue(lemma: str, kind: str) -> bool:
    """Whether a verb with this lemma and complement kind reports what someone said or holds."""
    if kind == "C":
        return lemma in SPEECH or lemma in BELIEF
    if kind == "X":
        return False  # "wants to", "plans to": the verb's own sense decides (cue_model)
    if kind == "O":
        return (lemma in SPEECH and lemma not in SPEECH_BARE_ONLY) or lemma in NOMINAL_CONTENT
    return lemma in SPEECH
