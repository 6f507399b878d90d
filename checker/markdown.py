"""The code in a Markdown source: fenced and indented code blocks and inline code spans, as
character ranges, read with markdown-it-py's CommonMark parser (block structure) and the
CommonMark rule for code spans (a run of backticks closed by a run of the same length).

Code is not copy: the loader blanks it, and a suppression marker inside it is an example, not a
suppression (`checker.suppress`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from markdown_it import MarkdownIt

_CODE_BLOCKS = frozenset({"code_block", "fence"})
_PROSE = frozenset({"inline"})  # paragraphs, headings, list items, table-less CommonMark
# a code span: backticks, then at most 2,000 characters up to a run of as many (bounded, so a
# paragraph of unmatched backticks costs linear time)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n)){1,2000}?(?<!`)\1(?!`)")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark")
    parser.core.ruler.disable(["inline"])  # blocks only: links and emphasis are not needed here
    return parser


def code_ranges(source: str) -> list[tuple[int, int]]:
    """(start, end) of every code block and inline code span of `source`, in order."""
    starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]

    def offset(line: int) -> int:
        return starts[line] if line < len(starts) else len(source)

    found: list[tuple[int, int]] = []
    for token in _parser().parse(source):
        if token.map is None:
            continue
        start, end = offset(token.map[0]), offset(token.map[1])
        if token.type in _CODE_BLOCKS:
            found.append((start, end))
        elif token.type in _PROSE and "`" in source[start:end]:
            found.extend(m.span() for m in _CODE_SPAN.finditer(source, start, end))
    return sorted(found)


def inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls in one of the ordered, disjoint `ranges`."""
    i = bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]
