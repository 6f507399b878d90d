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
from collections.abc import Iterable
from dataclasses import dataclass

from checker.config import prefix_match
from checker.document import Document
from checker.models import Finding

MARKER = re.compile(
    r"<!--\s*factcheck:\s*(?P<c_verb>ignore(?:-file)?)\b(?P<c_rules>[^>]*?)\s*-->"
    r"|^[ \t]*\[factcheck:\s*(?P<t_verb>ignore(?:-file)?)\b(?P<t_rules>[^\]\n]*)\][ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
PARAGRAPH_END = re.compile(r"\n[ \t\r]*\n")


@dataclass(frozen=True)
class Suppression:
    rules: tuple[str, ...]  # empty: every rule
    start: int  # text offsets
    end: int
    line: int  # source line of the marker

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


def _next_paragraph_end(text: str, start: int) -> int:
    body = start + (len(text[start:]) - len(text[start:].lstrip()))
    m = PARAGRAPH_END.search(text, body)
    return m.start() if m else len(text)


def parse(document: Document) -> list[Suppression]:
    """Every suppression marker in the document's source, with the text range it covers."""
    found = []
    for m in MARKER.finditer(document.source):
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
        found.append(Suppression(rules, start, end, document.source.count("\n", 0, m.start()) + 1))
    return found


def apply(document: Document, findings: Iterable[Finding]) -> list[Finding]:
    """The findings no suppression in the document covers."""
    findings = list(findings)
    if "factcheck" not in document.source.lower():
        return findings
    suppressions = parse(document)
    return [f for f in findings if not any(s.covers(f) for s in suppressions)]
