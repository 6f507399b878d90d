"""Cutting a text that is over the size cap (`Config.max_bytes`): at the last paragraph break
before the cap, else the last sentence end, else the last space. The loader cuts; the
`input.truncated` rule says so in the report."""

from __future__ import annotations

import codecs
import re

# Cut points, best first; each is searched in the last half of the kept text only.
_BOUNDARIES = (
    re.compile(r"\n[ \t]*\n"),  # paragraph break
    re.compile(r"[.!?][\"'”’)\]]*\s"),  # sentence end
    re.compile(r"\s"),  # any space
)


def utf8_prefix(text: str, max_bytes: int) -> str | None:
    """The longest prefix of `text` within `max_bytes` of UTF-8, or None if all of it fits."""
    if len(text) * 4 <= max_bytes:
        return None
    data = text.encode("utf-8", "surrogatepass")
    if len(data) <= max_bytes:
        return None
    decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")
    return text[: len(decoder.decode(data[:max_bytes], final=False))]


def boundary_cut(text: str) -> str:
    """`text` cut after its last paragraph break, else sentence end, else space (last half only)."""
    floor = len(text) // 2
    for pattern in _BOUNDARIES:
        end = -1
        for m in pattern.finditer(text, floor):
            end = m.end()
        if end > 0:
            return text[:end]
    return text
