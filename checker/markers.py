"""The syntax of suppression markers in the copy, shared by the loader (which blanks plain-text
marker lines, so no stage reads them as copy) and `checker.suppress` (which applies them)."""

from __future__ import annotations

import re

_LINE = r"^[ \t]*\[factcheck:\s*(?P<t_verb>ignore(?:-file)?)\b(?P<t_rules>[^\]\n]*)\][ \t]*$"
_COMMENT = r"<!--\s*factcheck:\s*(?P<c_verb>ignore(?:-file)?)\b(?P<c_rules>[^>]*?)\s*-->"
MARKER = re.compile(f"{_COMMENT}|{_LINE}", re.MULTILINE | re.IGNORECASE)
TEXT_MARKER = re.compile(_LINE, re.MULTILINE | re.IGNORECASE)


def blank_markers(text: str) -> str:
    """The text with plain-text marker lines blanked (same length), so that no stage reads a
    marker as part of the copy; offsets do not move."""
    if "[factcheck" not in text.lower():
        return text
    return TEXT_MARKER.sub(lambda m: " " * len(m.group(0)), text)
