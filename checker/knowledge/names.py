"""Name keys: the one normalisation every pack entry and every mention goes through."""

from __future__ import annotations

import re
import unicodedata

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SPACE = re.compile(r"\s+")


def key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: 'U.S. Defense Dept.' -> 'us defense dept'."""
    if not text.isascii():  # ASCII is its own NFKD form, with no combining marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace(".", "").replace(",", " ").casefold()
    return _SPACE.sub(" ", text).strip()


def name_parts(name: str) -> tuple[str, str]:
    """(first name key, surname key) of a person's name; suffixes such as Jr. are dropped."""
    words = key(name).split()
    words = [w for w in words if w not in SUFFIXES] or words
    if not words:
        return "", ""
    return (words[0] if len(words) > 1 else ""), words[-1]


def is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1
