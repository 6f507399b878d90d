"""`Document`: the plain text the checker reads, with a map back to the source file.

Offsets are born here and travel with every mention; line/column are computed by bisect over
the source's line starts, never by searching the text again.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

from checker.models import Span


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="plain text: markup removed or blanked")
    source: str = Field(description="the file's decoded text, as on disk")
    path: str = "<text>"
    kind: str = Field("txt", description="txt, md or html")
    title: str | None = None
    date: str | None = Field(None, description="publication date, ISO 8601, if the file says")
    date_origin: str | None = None
    truncated_from: int | None = Field(
        None, description="the input's size in bytes when it was cut to Config.max_bytes"
    )
    breaks: list[int] = Field(
        default_factory=list, description="text offsets where markup starts a new sentence"
    )
    anchors: list[tuple[int, int]] = Field(
        default_factory=lambda: [(0, 0)],
        description="(text offset, source offset) pairs; between anchors both advance together",
    )

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(self.source) if ch == "\n")
        return starts

    @cached_property
    def _anchor_keys(self) -> list[int]:
        return [a[0] for a in self.anchors]

    def source_offset(self, offset: int) -> int:
        i = bisect_right(self._anchor_keys, offset) - 1
        text_at, source_at = self.anchors[max(i, 0)]
        return min(source_at + (offset - text_at), len(self.source))

    def source_end(self, offset: int) -> int:
        """The source offset just after the character before `offset`: a span's end stays
        before markup that follows it ("Thursday</b>" ends before "</b>")."""
        return self.source_offset(offset - 1) + 1 if offset > 0 else 0

    def line_col(self, offset: int, *, end: bool = False) -> tuple[int, int]:
        """1-based line and column in the source file of a text offset (of an end, if `end`)."""
        src = min(self.source_end(offset), len(self.source)) if end else self.source_offset(offset)
        line = bisect_right(self._line_starts, src) - 1
        return line + 1, src - self._line_starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        line, col = self.line_col(start)
        end_line, end_col = self.line_col(end, end=end > start)
        return Span(
            start=start,
            end=end,
            text=self.text[start:end],
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
        )

    @property
    def words(self) -> int:
        return len(self.text.split())
