"""Suppressions written in the copy, read from `Document.source`.

Markdown and HTML: `<!-- factcheck: ignore RULE[, RULE...] -->` silences those rules (ids or
prefixes; none = every rule) in the paragraph that follows; `ignore-file` silences them in the
whole document. Plain text (any format): a line `[factcheck: ignore RULE]` or
`[factcheck: ignore-file RULE]` does the same. Source offsets are mapped to text offsets with the
document's offset map, never by searching the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker import markdown
from checker.config import prefix_match
from checker.document import Document
from checker.layout import Layout
from checker.markers import MARKER
from checker.models import Finding

if TYPE_CHECKING:
    from checker.analysis import Analysis


def _paragraph_after(layout: Layout, offset: int) -> int:
    """The end of the first paragraph that starts at or after `offset` (after white space)."""
    text, body = layout.text, offset
    while body < len(text) and text[body].isspace():
        body += 1
    return layout.paragraph_at(body)[1] if body < len(text) else len(text)


@dataclass
class Suppression:
    rules: tuple[str, ...]  # empty: every rule
    start: int  # text offsets of what it covers
    end: int
    line: int  # source line of the marker
    marker: tuple[int, int] = (0, 0)  # text offsets of the marker itself
    whole_file: bool = False
    silenced: int = field(default=0, compare=False)  # findings it covered (`apply`)

    def covers(self, finding: Finding) -> bool:
        if not self.start <= finding.span.start < self.end:
            return False
        return not self.rules or any(prefix_match(finding.rule_id, r) >= 0 for r in self.rules)


def text_offset(document: Document, source_offset: int) -> int:
    """The text offset of a source offset; markup between two pieces of text maps to the next."""
    anchors = document.anchors
    i = bisect_right([a[1] for a in anchors], source_offset) - 1
    if i < 0:
        return 0
    text_at, source_at = anchors[i]
    piece_end = anchors[i + 1][0] if i + 1 < len(anchors) else len(document.text)
    return min(text_at + (source_offset - source_at), piece_end)


def parse(document: Document, layout: Layout | None = None) -> list[Suppression]:
    """Every suppression marker in the document's source, with the text range it covers."""
    layout = layout or Layout(document.text)
    found = []
    code = markdown.code_ranges(document.source) if document.kind == "md" else []
    for m in MARKER.finditer(document.source):
        if markdown.inside(code, m.start()):
            continue  # a marker shown in code is an example, not a suppression
        verb = (m.group("c_verb") or m.group("t_verb")).lower()
        raw = m.group("c_rules") if m.group("c_verb") else m.group("t_rules")
        rules = tuple(r for r in re.split(r"[\s,]+", raw or "") if r)
        start = text_offset(document, m.start())
        after = text_offset(document, m.end())
        end = len(document.text) if verb == "ignore-file" else _paragraph_after(layout, after)
        if verb == "ignore-file":
            start = 0
        line = document.source.count("\n", 0, m.start()) + 1
        marker = (text_offset(document, m.start()), after)
        found.append(Suppression(rules, start, end, line, marker, verb == "ignore-file"))
    return found


def apply(analysis: Analysis) -> None:
    """Drop the findings a suppression in the document covers, and keep every suppression
    with the number of findings it silenced (the `suppressions` layer, which
    `suppression.unused` reads)."""
    document = analysis.document
    if "factcheck" not in document.source.lower():
        analysis.suppressions = []
        return
    suppressions = parse(document, analysis.layout)
    kept = []
    for finding in analysis.findings:
        covering = [s for s in suppressions if s.covers(finding)]
        for s in covering:
            s.silenced += 1
        if not covering:
            kept.append(finding)
    analysis.findings = kept
    analysis.suppressions = suppressions
