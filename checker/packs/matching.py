"""Text helpers shared by the rule kinds: RE2 compilation, word edges, words, stems, scopes.

RE2 runs in time linear in the text, so no pattern from a user pack can hang the checker.
RE2's \\w and \\b are ASCII-only, so word edges are checked here with `str.isalnum`, which knows
every script ("café" does not contain the word "caf").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import re2

from checker.layout import PART, WORD

if TYPE_CHECKING:
    from checker.analysis import Analysis

# Our own fixed patterns use the stdlib engine (each is linear, and `re` is many times faster
# per match than the RE2 binding); RE2 is for the patterns users write.
VOCABULARY_AFTER = 32  # rules asked per document before a word set pays for itself


class PatternError(ValueError):
    """A pattern RE2 cannot compile; `pattern` lets the loader point at its line."""

    def __init__(self, message: str, pattern: str) -> None:
        super().__init__(message)
        self.pattern = pattern


def compile_re2(pattern: str, *, ignorecase: bool = False) -> Any:
    """A compiled RE2 pattern; ValueError (one line) if RE2 cannot compile it."""
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignorecase
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise PatternError(f"bad pattern {pattern!r}: {reason} (RE2 syntax)", pattern) from None


def phrase_pattern(phrase: str) -> str:
    """A literal phrase as a pattern in which any run of whitespace matches any other."""
    return r"\s+".join(re2.escape(word) for word in phrase.split())


def alternation(phrases: Iterable[str]) -> str:
    """Literal phrases as one alternation, longest first so the longest phrase wins."""
    return "|".join(phrase_pattern(p) for p in sorted(phrases, key=len, reverse=True))


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def at_word_edges(text: str, start: int, end: int) -> bool:
    """False when the match cuts a word: a word character on both sides of either edge."""
    if (
        start > 0
        and start < len(text)
        and is_word_char(text[start])
        and is_word_char(text[start - 1])
    ):
        return False
    return not (0 < end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]))


def finditer(regex: Any, text: str, *, whole_words: bool = True) -> Iterator[Any]:
    """Non-empty matches of a compiled pattern, optionally only those on word edges."""
    for m in regex.finditer(text):
        if m.end() > m.start() and (not whole_words or at_word_edges(text, m.start(), m.end())):
            yield m


def might_match(analysis: Analysis, needles: Iterable[str], *, whole_words: bool = True) -> bool:
    """Vale's MightMatch: a cheap test that rules a text out before RE2 runs. Each needle is a
    word that every match of one phrase contains. The first rules asked search the case-folded
    text (a substring test in C, about as cheap as RE2's own literal scan); once many rules have
    asked, the document's set of words is built and each needle costs one lookup."""
    layout = analysis.layout
    layout.prefilter_asked += 1
    if not whole_words or layout.prefilter_asked < VOCABULARY_AFTER:
        return any(n in layout.folded for n in needles)
    return any(n in layout.vocabulary for n in needles)


def needles(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """One word per phrase (its longest) that every match of that phrase contains; None if a
    phrase has no word, so the rule cannot be ruled out cheaply."""
    found = set()
    for phrase in phrases:
        parts = PART.findall(phrase.casefold())
        if not parts:
            return None
        found.add(max(parts, key=len))
    return tuple(sorted(found))


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word spans (start, end) in text[start:end], as absolute offsets."""
    return [m.span() for m in WORD.finditer(text, start, len(text) if end is None else end)]


_SUFFIXES = sorted(
    (
        "ations", "ation", "ating", "ated", "ates", "ate", "ings", "ing", "ions", "ion",
        "ments", "ment", "ed", "es", "s", "ly", "ers", "er", "ies", "ied", "ives", "ive",
        "ities", "ity", "ally", "al", "ness", "izing", "ized", "ize", "ising", "ised", "ise",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
MIN_STEM = 4


@lru_cache(maxsize=65536)  # called for every pair of adjacent words, on a small vocabulary
def stem(word: str) -> str:
    """A light suffix-stripping stem: "escalating" and "escalation" both give "escal"."""
    w = word.lower().replace("’", "'")
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= MIN_STEM:
            return w[: -len(suffix)]
    return w


def utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def byte_offsets(text: str, offsets: Iterable[int]) -> dict[int, int]:
    """UTF-8 byte offset of each character offset, in one pass over the text."""
    if text.isascii():
        return {o: o for o in offsets}
    found: dict[int, int] = {}
    pos = size = 0
    for o in sorted(offsets):
        size += len(utf8(text[pos:o]))
        found[o], pos = size, o
    return found


def scopes(analysis: Analysis, scope: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence, paragraph (`Layout.paragraphs`), or the whole document."""
    text = analysis.text
    if scope == "document":
        return [(0, len(text))] if text.strip() else []
    sentences = analysis.layout.sentences
    if scope == "sentence" and sentences:
        return [(s.start, s.end) for s in sentences]
    return analysis.layout.paragraphs
