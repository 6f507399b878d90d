"""Sign-offs: a quotation signed with a dash and a name ("“...” ― Sonya Herridge").

Readers' comments, pull quotes, epigraphs and quoted tweets are attributed by typography, not by
a verb: the dash is the cue, the name after it the source, the quotation before it the content.
The parser reads these lines badly (it tags the dash as a verb, or glues it to the quotation
mark), so they are read from the characters, as quotation marks are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.extract.found import Found

if TYPE_CHECKING:
    from checker.layout import Layout

DASHES = "―—–-"
CLOSING = '”"’»'

_DASH = re.compile(r"[―—–]|(?<!-)-(?!-)")  # a dash, or a lone hyphen ("--" is no sign-off)
PARTICLES = frozenset({"de", "del", "da", "van", "von", "bin", "al", "la", "le"})
NAME_WORDS = 6


@dataclass(frozen=True)
class Signoff:
    """Character offsets of one sign-off."""

    cue: tuple[int, int]  # the dash
    source: tuple[int, int]  # the name
    content: tuple[int, int]  # the quotation


def signoffs(layout: Layout) -> list[Signoff]:
    """Every sign-off of the text."""
    found: list[Signoff] = []
    text = layout.text
    ends = {end: start for start, end in layout.quotations}
    for dash in _DASH.finditer(text):
        i = dash.start()
        close = _closing_before(text, i)  # first: cheap, and false beside most hyphens
        if close is None or layout.in_quotation(i):
            continue
        source = _name(text, i + 1)
        if source is None:
            continue
        content_start = ends.get(close + 1, _line_start(text, close))
        if text[content_start] not in "“”\"‘'«":
            continue  # no quotation opens the line: a dash inside a sentence
        found.append(Signoff((i, i + 1), source, (content_start, close + 1)))
    return found


def _closing_before(text: str, dash: int) -> int | None:
    """The closing quotation mark just before the dash, on its line or ending the line above."""
    j = dash - 1
    while j >= 0 and _blank(text[j]):
        j -= 1
    if j >= 0 and text[j] == "\n":  # the dash opens a line: the quotation ends the one above
        j -= 1
        while j >= 0 and text[j] in " \t\n":
            j -= 1
    return j if j >= 0 and text[j] in CLOSING else None


def _name(text: str, start: int) -> tuple[int, int] | None:
    """Capitalised words (initials, hyphens and particles allowed) or a handle after the dash,
    up to a comma, the line's end or a lower-case word ("― Sonya Herridge", "-President Obama,
    tweeting"); a full stop after the last word is left out."""
    while start < len(text) and _blank(text[start]):
        start += 1
    end, pos = None, start
    for count in range(NAME_WORDS):
        stop = pos
        while stop < len(text) and not text[stop].isspace() and text[stop] not in ",;:()":
            stop += 1
        word = text[pos:stop]
        if not word or not (word[0].isupper() or word[0] == "@" or (count and word in PARTICLES)):
            break
        end = stop
        if not _blank(text[stop : stop + 1]):
            break
        pos = stop + 1
    if end is None:
        return None
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end != -1 else len(text)]
    if rest.strip() and rest.lstrip()[0] not in ",.(":
        return None  # "– An immigrant himself –": a subheading, not a name signing a quote
    while end > start and text[end - 1] == ".":
        end -= 1
    return (start, end) if end > start else None


def _blank(ch: str) -> bool:
    """A space within the line (no-break spaces included)."""
    return ch.isspace() and ch != "\n"


def _line_start(text: str, offset: int) -> int:
    start = text.rfind("\n", 0, offset) + 1
    while start < offset and _blank(text[start]):
        start += 1
    return start


def attributions(layout: Layout) -> list[Found]:
    """Every sign-off ("“...” ― Sonya Herridge") as an attribution, with the tokens of its dash
    and of its name's last word."""
    found = []
    for s in signoffs(layout):
        cue = layout.token_at(s.cue[0])
        name = layout.token_at(s.source[1] - 1)
        if cue is not None and name is not None:
            found.append(
                Found(s.cue, s.source, s.content, "direct", cue_token=cue, source_token=name)
            )
    return found
