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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.config import prefix_match
from checker.document import Document
from checker.models import Finding
from checker.rules.base import PythonRule, Rule

if TYPE_CHECKING:
    from checker.analysis import Analysis

UNUSED_ID = "suppression.unused"

_LINE = r"^[ \t]*\[factcheck:\s*(?P<t_verb>ignore(?:-file)?)\b(?P<t_rules>[^\]\n]*)\][ \t]*$"
_COMMENT = r"<!--\s*factcheck:\s*(?P<c_verb>ignore(?:-file)?)\b(?P<c_rules>[^>]*?)\s*-->"
MARKER = re.compile(f"{_COMMENT}|{_LINE}", re.MULTILINE | re.IGNORECASE)
TEXT_MARKER = re.compile(_LINE, re.MULTILINE | re.IGNORECASE)
PARAGRAPH_END = re.compile(r"\n[ \t\r]*\n")
# a Markdown fenced code block: not copy (the loader blanks it), and a marker in it is an example
FENCED_CODE = re.compile(
    r"^[ \t]*(?:```|~~~).*?^[ \t]*(?:```|~~~)[^\n]*$", re.DOTALL | re.MULTILINE
)


@dataclass(frozen=True)
class Suppression:
    rules: tuple[str, ...]  # empty: every rule
    start: int  # text offsets of what it covers
    end: int
    line: int  # source line of the marker
    marker: tuple[int, int] = (0, 0)  # text offsets of the marker itself
    whole_file: bool = False

    def covers(self, finding: Finding) -> bool:
        if not self.start <= finding.span.start < self.end:
            return False
        return not self.rules or any(prefix_match(finding.rule_id, r) >= 0 for r in self.rules)


def blank_markers(text: str) -> str:
    """The text with plain-text marker lines blanked (same length), so that no stage reads a
    marker as part of the copy; offsets do not move."""
    if "[factcheck" not in text.lower():
        return text
    return TEXT_MARKER.sub(lambda m: " " * len(m.group(0)), text)


def text_offset(document: Document, source_offset: int) -> int:
    """The text offset of a source offset; markup between two pieces of text maps to the next."""
    anchors = document.anchors
    i = bisect_right([a[1] for a in anchors], source_offset) - 1
    if i < 0:
        return 0
    text_at, source_at = anchors[i]
    piece_end = anchors[i + 1][0] if i + 1 < len(anchors) else len(document.text)
    return min(text_at + (source_offset - source_at), piece_end)


def _next_paragraph_end(text: str, start: int) -> int:
    body = start + (len(text[start:]) - len(text[start:].lstrip()))
    m = PARAGRAPH_END.search(text, body)
    return m.start() if m else len(text)


def parse(document: Document) -> list[Suppression]:
    """Every suppression marker in the document's source, with the text range it covers."""
    found = []
    md = document.kind == "md"
    fences = [f.span() for f in FENCED_CODE.finditer(document.source)] if md else []
    for m in MARKER.finditer(document.source):
        if any(a <= m.start() < b for a, b in fences):
            continue
        verb = (m.group("c_verb") or m.group("t_verb")).lower()
        raw = m.group("c_rules") if m.group("c_verb") else m.group("t_rules")
        rules = tuple(r for r in re.split(r"[\s,]+", raw or "") if r)
        start = text_offset(document, m.start())
        after = text_offset(document, m.end())
        end = (
            len(document.text)
            if verb == "ignore-file"
            else _next_paragraph_end(document.text, after)
        )
        if verb == "ignore-file":
            start = 0
        line = document.source.count("\n", 0, m.start()) + 1
        marker = (text_offset(document, m.start()), after)
        found.append(Suppression(rules, start, end, line, marker, verb == "ignore-file"))
    return found


def apply(analysis: Analysis, rules: Sequence[Rule] = ()) -> list[Finding]:
    """The findings no suppression in the document covers; if `suppression.unused` is among the
    rules, one more finding for each suppression that silenced nothing."""
    document, findings = analysis.document, list(analysis.findings)
    if "factcheck" not in document.source.lower():
        return findings
    suppressions = parse(document)
    kept, used = [], set()
    for finding in findings:
        covering = {i for i, s in enumerate(suppressions) if s.covers(finding)}
        used |= covering
        if not covering:
            kept.append(finding)
    reporter = next((r for r in rules if r.id == UNUSED_ID), None)
    if isinstance(reporter, PythonRule):
        ran = [r.id for r in rules]
        for i, s in enumerate(suppressions):
            if i not in used:
                kept.append(reporter.finding(analysis, *s.marker, _unused_message(s, ran)))
    return kept


def _unused_message(suppression: Suppression, ran: list[str]) -> str:
    unknown = [n for n in suppression.rules if not any(prefix_match(r, n) >= 0 for r in ran)]
    if unknown:
        return f"'{unknown[0]}' names no rule that ran: misspelt, or not selected?"
    named = ", ".join(suppression.rules) or "any rule"
    where = "this document" if suppression.whole_file else "the paragraph after it"
    return f"This suppression silences nothing: no {named} finding in {where}"
