"""Place rules: containment ("Vilseck, Germany") and house spellings ("Kyiv") from the KB."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.knowledge import KnowledgeBase


def place_names(analysis: Analysis, kb: KnowledgeBase) -> list[tuple[int, int, str]]:
    """(start, end, name as written) of every place name or spelling in the text, in order."""
    cached = analysis.extras.get("kb_place_names")
    if cached is None:
        regex = kb.place_regex
        cached = [] if regex is None else [
            (m.start(1), m.end(1), m.group(1)) for m in regex.finditer(analysis.text)
        ]  # fmt: skip
        analysis.extras["kb_place_names"] = cached
    return cached
