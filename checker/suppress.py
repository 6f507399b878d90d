"""Suppressions written in the copy, read from `Document.source` (syntax: `checker.markers`).

`ignore RULE[, RULE...]` silences those rules (ids or prefixes; none = every rule) in the
paragraph that follows; `ignore-file` in the whole document; `ignore-line` on the marker's own
source line; `ignore-next-line` on the line after it; `off` from the marker to the next `on`
naming the same rules (a bare `on` ends every open range), or to the end of the file. Source
offsets are mapped to text offsets with the document's offset map, never by searching the text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker import markdown
from checker.config import prefix_match
from checker.document import Document
from checker.layout import Layout
from checker.markers import MARKER, verb_and_rules
from checker.models import Finding

if TYPE_CHECKING:
    from checker.analysis import Analysis

# what each verb covers, as `suppression.unused` words it
SCOPES = {
    "ignore": "the paragraph after it",
    "ignore-file": "this document",
    "ignore-line": "its line",
    "ignore-next-line": "the line after it",
    "off": "its range",
    "on": "",  # an `on` with no `off` before it
}


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
    verb: str = "ignore"
    source: str = ""  # the marker as written
    silenced: list[Finding] = field(default_factory=list, compare=False)  # filled by `apply`

    @property
    def whole_file(self) -> bool:
        return self.verb == "ignore-file"

    @property
    def justification(self) -> str:
        return f"line {self.line}: {self.source.strip()}"

    def covers(self, finding: Finding) -> bool:
        if not self.start <= finding.span.start < self.end:
            return False
        return not self.rules or any(prefix_match(finding.rule_id, r) >= 0 for r in self.rules)


def text_offset(document: Document, source_offset: int, keys: list[int] | None = None) -> int:
    """The text offset of a source offset; markup between two pieces of text maps to the next.
    `keys`: the anchors' source offsets, when the caller maps many offsets."""
    anchors = document.anchors
    i = bisect_right(keys or [a[1] for a in anchors], source_offset) - 1
    if i < 0:
        return 0
    text_at, source_at = anchors[i]
    piece_end = anchors[i + 1][0] if i + 1 < len(anchors) else len(document.text)
    return min(text_at + (source_offset - source_at), piece_end)


def _line_at(source: str, offset: int) -> tuple[int, int]:
    """(start, end) source offsets of the line holding `offset`, its line break excluded."""
    end = source.find("\n", offset)
    return source.rfind("\n", 0, offset) + 1, len(source) if end < 0 else end


def _covered(
    document: Document, layout: Layout, keys: list[int], verb: str, start: int, end: int
) -> tuple[int, int]:
    """The text range a marker at source [start, end) covers (an `off` runs to the file end
    until its `on` is found)."""
    source, size = document.source, len(document.text)
    if verb == "ignore-file":
        return 0, size
    if verb in ("ignore-line", "ignore-next-line"):
        line = _line_at(source, start)
        if verb == "ignore-next-line":
            line = _line_at(source, line[1] + 1) if line[1] < len(source) else (len(source),) * 2
        return text_offset(document, line[0], keys), text_offset(document, line[1], keys)
    if verb == "off":
        return text_offset(document, start, keys), size
    return text_offset(document, start, keys), _paragraph_after(
        layout, text_offset(document, end, keys)
    )


def parse(document: Document, layout: Layout | None = None) -> list[Suppression]:
    """Every suppression marker in the document's source, with the text range it covers. An
    `on` that ends a range is part of its `off`; one that ends none is kept (it covers nothing,
    and `suppression.unused` reports it)."""
    layout = layout or Layout(document.text)
    found: list[Suppression] = []
    open_ranges: dict[tuple[str, ...], list[Suppression]] = {}  # by the rules they name
    code = markdown.code_ranges(document.source) if document.kind == "md" else []
    keys = [a[1] for a in document.anchors]
    line_starts = [0] + [i + 1 for i, ch in enumerate(document.source) if ch == "\n"]
    for m in MARKER.finditer(document.source):
        if markdown.inside(code, m.start()):
            continue  # a marker shown in code is an example, not a suppression
        verb, rules = verb_and_rules(m)
        at = text_offset(document, m.start(), keys)
        marker = (at, text_offset(document, m.end(), keys))
        if verb == "on":  # each `off` is closed once: linear however many markers there are
            closing = [s for k in list(open_ranges) if not rules or k == rules
                       for s in open_ranges.pop(k)]  # fmt: skip
            for s in closing:
                s.end = max(s.start, at)
            if closing:
                continue
        start, end = (at, at) if verb == "on" else _covered(document, layout, keys, verb, *m.span())
        line = bisect_right(line_starts, m.start())
        suppression = Suppression(rules, start, end, line, marker, verb, m.group(0))
        found.append(suppression)
        if verb == "off":
            open_ranges.setdefault(rules, []).append(suppression)
    return found


def apply(analysis: Analysis) -> None:
    """Drop the findings a suppression in the document covers, and keep every suppression
    with the findings it silenced (the `suppressions` layer, which `suppression.unused` reads,
    and `silenced`, which the report carries as `suppressed`)."""
    document = analysis.document
    if "factcheck" not in document.source.lower():
        analysis.suppressions = []
        return
    suppressions = parse(document, analysis.layout)
    kept = []
    for finding in analysis.findings:
        covering = [s for s in suppressions if s.covers(finding)]
        for s in covering:
            s.silenced.append(finding)
        if not covering:
            kept.append(finding)
    analysis.findings = kept
    analysis.suppressions = suppressions


def silenced(analysis: Analysis) -> list[tuple[Finding, str]]:
    """Each finding a marker silenced, once, with the first marker's justification."""
    seen: set[int] = set()
    found = []
    for s in analysis.layers.get("suppressions", []):
        for finding in s.silenced:
            if id(finding) not in seen:
                seen.add(id(finding))
                found.append((finding, s.justification))
    return found
