"""Hard-wrapped copy: wire copy and e-mail often break lines at 72 columns inside a sentence.
A line break that only wraps a long line is no paragraph or sentence break."""

from __future__ import annotations

WRAPPED_LINE = 100  # a line up to this long that stops mid-sentence was wrapped, not ended


def soft_wrap(text: str, at: int) -> bool:
    """Whether the line break at `at` only wraps its line: the line is long enough to have been
    filled, stops mid-sentence, and the next line goes on flush left (not blank, not a list item
    whose marker the Markdown loader blanked)."""
    line = text[text.rfind("\n", 0, at) + 1 : at].rstrip()
    next_break = text.find("\n", at + 1)
    following = text[at + 1 : next_break if next_break != -1 else len(text)]
    wraps = line and (line[-1].isalnum() or line[-1] in ",-–—(")
    flush = bool(following.strip()) and not following[:1].isspace()
    return bool(wraps) and 40 <= len(line) <= WRAPPED_LINE and flush
