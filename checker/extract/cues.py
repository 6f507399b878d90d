"""The attribution cue lexicon: verbs (and phrases) that report speech, writing or belief.

Kept apart from the parse logic so the lists can be read and extended without reading code.
"""

from __future__ import annotations

# Verbs of saying and writing: a cue even with no complement ("..., Kirby said.").
SPEECH = frozenset(
    """
    say tell add write ask note report announce state declare explain reply respond answer
    tweet post comment remark mention reiterate repeat continue conclude testify quip joke
    recall recount admit acknowledge concede confirm deny insist stress emphasize emphasise
    underline warn caution argue contend maintain assert claim allege charge complain boast
    predict promise vow pledge swear vow urge demand reveal disclose inform assure remind
    counter retort shout whisper observe suggest propose estimate forecast
    """.split()
)

# Verbs of belief, intention and evidence: a cue only with a clausal complement
# ("the U.S. considers an attack imminent", "polls show that ...").
BELIEF = frozenset(
    """
    think believe consider hope fear expect feel know worry suspect doubt wonder speculate
    guess reckon assume imagine show find indicate signal suggest agree want plan intend
    accuse criticize criticise praise blame question decry denounce condemn defend
    describe call
    """.split()
)

# Verbs whose direct object is what was said ("announced his plans", "denied the report").
NOMINAL_CONTENT = frozenset(
    """
    announce deny confirm reveal disclose reject dismiss criticize criticise praise endorse
    defend blame question decry denounce condemn predict promise propose recommend cite
    acknowledge admit describe
    """.split()
)

# Adjectives that turn "make (it) X" into a cue: "has made it clear that ...".
MAKE_PREDICATES = frozenset({"clear", "plain", "known"})

# Prepositional cues: "according to X", "as reported by X" is handled through the passive.
ACCORDING = ("according", "to")
