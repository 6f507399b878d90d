"""Span line/column (1-based, in characters of the source file) <-> LSP positions.

LSP counts a position's `character` in code units of the negotiated encoding: UTF-16 unless the
client offers another, so an emoji or any astral character before a finding counts twice. Lines
here are split on "\\n" as `Document` splits them; a "\\r" before it ends the line's text and so
never moves a column.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol.types import Position, PositionEncodingKind, Range

from checker.models import Span

Lines = Sequence[str]
UTF16: str = PositionEncodingKind.Utf16


def source_lines(source: str) -> list[str]:
    return source.split("\n")


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units `text` takes in the encoding."""
    if encoding == PositionEncodingKind.Utf32:
        return len(text)
    if encoding == PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def to_position(lines: Lines, line: int, column: int, encoding: str = UTF16) -> Position:
    """The LSP position of a 1-based line and 1-based character column (clamped to the text)."""
    if not lines:
        return Position(line=0, character=0)
    row = min(max(line - 1, 0), len(lines) - 1)
    text = lines[row]
    return Position(line=row, character=units(text[: max(column - 1, 0)], encoding))


def to_range(lines: Lines, span: Span, encoding: str = UTF16) -> Range:
    return Range(
        start=to_position(lines, span.line, span.column, encoding),
        end=to_position(lines, span.end_line, span.end_column, encoding),
    )


def from_position(lines: Lines, position: Position, encoding: str = UTF16) -> tuple[int, int]:
    """The 1-based line and character column of an LSP position; a position inside a surrogate
    pair (or past the end of the line) lands on the next character boundary (or the line's end)."""
    if not lines:
        return 1, 1
    row = min(max(position.line, 0), len(lines) - 1)
    text, seen = lines[row], 0
    for index, ch in enumerate(text):
        if seen >= position.character:
            return row + 1, index + 1
        seen += units(ch, encoding)
    return row + 1, len(text) + 1


def contains(span: Span, line: int, column: int) -> bool:
    """Whether the 1-based (line, column) lies in the span, its end included (a cursor just after
    a number still hovers it)."""
    return (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column)
