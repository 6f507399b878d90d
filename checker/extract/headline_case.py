"""Title-case headlines, read again in sentence case for attributions.

"Ben Carson Slams Hillary And The Media In One Debate Answer": the tagger takes every capital
for a proper noun and finds no verb, so the headline's cue is lost. The headline is parsed a
second time with its words in lower case, except the first and the words the story itself writes
with a capital in mid-sentence (names: "Ben", "Carson", "Hillary"; acronyms: "FBI"). Only the
attribution extractor reads this second parse; lowering a letter keeps every offset.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.nlp import Sentence

TITLE_SHARE = 0.6  # share of words with a capital that makes a line title case
MIN_WORDS = 3
MAX_CHARS = 300  # a longer first line is no headline
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_APOSTROPHE = re.compile(r"['’]")


def recased(sentences: list[Sentence], text: str) -> list[Sentence]:
    """The sentences, with those of a title-case first line replaced by a sentence-case parse."""
    end = text.find("\n")
    end = len(text) if end == -1 else end
    line = text[:end]
    if end > MAX_CHARS or not _title_case(line):
        return sentences
    if any(s.start < end and text[end : s.end].strip() for s in sentences):
        return sentences  # the parse runs the line into the next: leave it as it is
    lowered = _sentence_case(line, _capitalised(text[end:]))
    if lowered == line:
        return sentences
    from checker import nlp  # the pipeline loads lazily

    return nlp.parse_alone(lowered) + [s for s in sentences if s.start >= end]


def _title_case(line: str) -> bool:
    words = _WORD.findall(line)
    capitals = sum(w[0].isupper() for w in words)
    return len(words) >= MIN_WORDS and capitals >= TITLE_SHARE * len(words)


def _capitalised(body: str) -> set[str]:
    """Words the body writes with a capital after another word (not opening a sentence)."""
    found = set()
    for m in _WORD.finditer(body):
        word = m.group().rstrip(".")  # "Clinton." ending a sentence; "U.S." keeps its last stop
        if "." in word:
            word += "."
        if not word[0].isupper() or word in found:
            continue
        j = m.start() - 1
        while j >= 0 and body[j] in " \t\u00a0":
            j -= 1
        if j >= 0 and body[j] not in '.!?\n"“‘:;—–-(':
            found.update({word, _APOSTROPHE.split(word)[0]})  # "Carson’s": "Carson" too
    return found


def _sentence_case(line: str, names: set[str]) -> str:
    out = list(line)
    for i, m in enumerate(_WORD.finditer(line)):
        word = m.group()
        lower = word.lower()
        if (
            i == 0
            or word in names
            or word.rstrip(".") in names
            or _APOSTROPHE.split(word)[0] in names
            or len(lower) != len(word)
        ):
            continue
        out[m.start() : m.end()] = lower
    return "".join(out)
