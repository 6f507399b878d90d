"""The syntax of suppression markers in the copy, shared by the loader (which blanks plain-text
marker lines, so no stage reads them as copy) and `checker.suppress` (which applies them).

One spelling, `factcheck: VERB [RULE, ...]`, in an HTML comment (`<!-- factcheck: ... -->`,
Markdown and HTML) or in brackets on a line of its own (`[factcheck: ...]`, any format). Verbs:
`ignore` (the next paragraph), `ignore-file`, `ignore-line` (its own line; the bracket form may
end a line of copy), `ignore-next-line`, and `off` ... `on` (a range).
"""

from __future__ import annotations

import re

VERBS = ("ignore-next-line", "ignore-line", "ignore-file", "ignore", "off", "on")
_VERB = "|".join(VERBS)
_LINE = rf"^[ \t]*\[factcheck:\s*(?P<t_verb>{_VERB})\b(?P<t_rules>[^\]\n]*)\][ \t]*$"
# `copy ... [factcheck: ignore-line RULE]` at the end of a line of copy
# (any white space before it: copy pasted from the web ends lines with no-break spaces)
_TRAILING = (
    r"(?<=\S)[^\S\n]+\[factcheck:\s*(?P<e_verb>ignore-line)\b(?P<e_rules>[^\]\n]*)\][^\S\n]*$"
)
_COMMENT = rf"<!--\s*factcheck:\s*(?P<c_verb>{_VERB})\b(?P<c_rules>[^>]*?)\s*-->"
MARKER = re.compile(f"{_COMMENT}|{_LINE}|{_TRAILING}", re.MULTILINE | re.IGNORECASE)
TEXT_MARKER = re.compile(f"{_LINE}|{_TRAILING}", re.MULTILINE | re.IGNORECASE)


def verb_and_rules(match: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    """A marker's verb (lower case) and the rule ids or prefixes it names (none: every rule)."""
    for kind in ("c", "t", "e"):
        verb = match.group(f"{kind}_verb")
        if verb:
            raw = match.group(f"{kind}_rules") or ""
            return verb.lower(), tuple(r for r in re.split(r"[\s,]+", raw) if r)
    raise ValueError("not a marker")  # pragma: no cover - every alternative has a verb


def blank_markers(text: str) -> str:
    """The text with plain-text markers blanked (same length), so that no stage reads a
    marker as part of the copy; offsets do not move."""
    if "[factcheck" not in text.lower():
        return text
    return TEXT_MARKER.sub(lambda m: " " * len(m.group(0)), text)
