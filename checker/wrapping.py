"""Hard-wrapped copy: wire copy and e-mail often break lines at 72 columns inside a sentence.
A line break that only wraps a long line is no paragraph or sentence break."""

from __future__ import annotations

import re

WRAPPED_LINE = 100  # a line up to this long that stops mid-sentence was wrapped, not ended


_INDENTED_START = re.compile(r"[^\n]\n[ \t]+\S")


def indented_paragraphs(text: str) -> bool:
    """Whether the text starts its paragraphs with an indented line more often than with a
    blank one, as the wire does (Reuters): then every line break before a line flush left
    only wraps."""
    starts = sum(1 for _ in _INDENTED_START.finditer(text))
    return starts >= 1 and starts >= text.count("\n\n")  # the wire: a blank after the headline


def soft_wrap(text: str, at: int, indented: bool = False) -> bool:
    """Whether the line break at `at` only wraps its line: the next line goes on flush left
    (not blank, not a list item whose marker the Markdown loader blanked), and, unless the text
    marks its paragraphs by indentation (`indented_paragraphs`), the line is long enough to
    have been filled and stops mid-sentence."""
    line = text[text.rfind("\n", 0, at) + 1 : at].rstrip()
    next_break = text.find("\n", at + 1)
    following = text[at + 1 : next_break if next_break != -1 else len(text)]
    flush = bool(following.strip()) and not following[:1].isspace()
    if indented:
        return bool(line.strip()) and flush
    wraps = line and (line[-1].isalnum() or line[-1] in ",-–—(")
    return bool(wraps) and 40 <= len(line) <= WRAPPED_LINE and flush
