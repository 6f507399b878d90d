"""The structure of a Markdown source that is not running prose, as character ranges, read
with markdown-it-py's CommonMark parser (block structure, GFM tables, and front matter through
mdit-py-plugins) and the CommonMark rule for code spans (a run of backticks closed by a run of
the same length). A GFM table is read as the paragraph CommonMark sees (a header row, a
delimiter row, body rows), not with markdown-it's table rule, which makes tokens for every
cell (a 6 MB table took 35 s and 900 MB that way; this is linear in the table's lines):

- code: fenced and indented code blocks and inline code spans;
- hidden: the YAML front matter and HTML blocks, which are markup, not copy;
- table cells: where each row of a table starts and where its `|` cell delimiters stand, so
  that each cell is read on its own and no row runs into the next.

Code and hidden blocks are not copy: the loader blanks them (offsets kept), and a suppression
marker inside code is an example, not a suppression (`checker.suppress`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

_CODE_BLOCKS = frozenset({"code_block", "fence"})
_HIDDEN = frozenset({"html_block", "front_matter"})
_PROSE = frozenset({"inline"})  # paragraphs, headings, list items, table cells
# a code span: backticks, then at most 2,000 characters up to a run of as many (bounded, so a
# paragraph of unmatched backticks costs linear time)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n)){1,2000}?(?<!`)\1(?!`)")
_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER_ROW = re.compile(
    r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?)?[ \t]*|[ \t]*:?-+:?[ \t]*"
)


@dataclass
class Structure:
    code: list[tuple[int, int]] = field(default_factory=list)
    hidden: list[tuple[int, int]] = field(default_factory=list)
    front_matter: str | None = None  # the YAML between the `---` lines
    rows: list[int] = field(default_factory=list)  # where each table row starts
    pipes: list[int] = field(default_factory=list)  # offsets of the cell delimiters


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").use(front_matter_plugin)
    parser.core.ruler.disable(["inline"])  # blocks only: links and emphasis are not needed here
    return parser


@lru_cache(maxsize=4)
def structure(source: str) -> Structure:
    """The code, hidden blocks and table cells of `source`, each list in order."""
    starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]

    def offset(line: int) -> int:
        return starts[line] if line < len(starts) else len(source)

    found = Structure()
    spans_read: set[tuple[int, int]] = set()  # a row's cells share its lines: read them once
    for token in _parser().parse(source):
        if token.map is None:
            continue
        start, end = offset(token.map[0]), offset(token.map[1])
        if token.type in _CODE_BLOCKS:
            found.code.append((start, end))
        elif token.type in _HIDDEN:
            found.hidden.append((start, end))
            if token.type == "front_matter":
                found.front_matter = token.content
        elif token.type == "paragraph_open":
            found.rows.extend(_table_rows(source, starts, token.map[0], token.map[1]))
        elif token.type in _PROSE and "`" in source[start:end] and (start, end) not in spans_read:
            spans_read.add((start, end))
            found.code.extend(m.span() for m in _CODE_SPAN.finditer(source, start, end))
    found.code.sort()
    for row in found.rows:
        end = source.find("\n", row)
        found.pipes.extend(
            m.start()
            for m in _PIPE.finditer(source, row, len(source) if end < 0 else end)
            if not inside(found.code, m.start())
        )
    return found


def _table_rows(source: str, starts: list[int], first: int, end: int) -> list[int]:
    """The starts of a table's header and body rows, if the paragraph of source lines
    [first, end) is a GFM table (a row with a `|`, then a delimiter row); else none."""
    if end - first < 2 or first + 2 > len(starts):
        return []
    header = source[starts[first] : starts[first + 1]]
    line_end = starts[first + 2] - 1 if first + 2 < len(starts) else len(source)
    delimiter = source[starts[first + 1] : line_end].rstrip("\r")
    if "|" not in header or "-" not in delimiter or not _DELIMITER_ROW.fullmatch(delimiter):
        return []
    return [starts[first]] + [starts[i] for i in range(first + 2, end) if i < len(starts)]


def code_ranges(source: str) -> list[tuple[int, int]]:
    """(start, end) of every code block and inline code span of `source`, in order."""
    return structure(source).code


def inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls in one of the ordered, disjoint `ranges`."""
    i = bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]
