"""The layout of a document's text: its paragraphs, quotations, sentences and tokens by offset.

One definition of each, computed once per document (`Analysis.layout`) and read by every stage
and rule, so that "inside a quotation" or "the same paragraph" means one thing everywhere.

- A **paragraph** is a line of the text, joined with the lines it only wraps into
  (`wrapping.soft_wrap`: wire copy and e-mail break long lines inside a sentence). A blank line
  or a line break after a full line ends a paragraph, and so does an indented next line; in
  text that starts its paragraphs with an indented line (the wire), every other line break
  only wraps. A table row (`tables.py`) is a paragraph of its own.
- A **quotation** runs from an opening quotation mark to its closing one within a paragraph:
  curly (“ ”), straight ("), or the two apostrophes some archives (the NYT's) write for one
  ('' ''). A straight mark opens when it follows a space, an opening bracket or a dash and
  precedes a word. A quotation of the other kind inside one is nested in it: in
  `"... “too shrill” ..."` the curly closing mark closes the nested quotation, not the
  straight one (a straight opening mark with no curly one open may close with a curly one). A quotation left open at the end of its paragraph runs to that end: news
  style opens every paragraph of a long quotation again and closes only the last.
- A **sentence** is the parser's (`nlp.annotate`); a **segment** is a sentence cut at the
  paragraph breaks inside it (a title never runs into its subtitle).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from checker.tables import Row, rows
from checker.wrapping import indented_paragraphs, soft_wrap

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan
    from spacy.tokens import Token

    from checker.models import Span
    from checker.nlp import Sentence

OPENING, CLOSING, STRAIGHT, DOUBLED = "“", "”", '"', "''"
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
PART = re.compile(r"[^\W_]+")  # a run of letters and digits
_TEXT_CACHES = ("_lines", "paragraphs", "quotations", "folded", "vocabulary", "words", "rows")
_OPENS_AFTER = "([{—–-:/"  # a straight mark after one of these (or a space) may open a quotation


class HasSpan(Protocol):
    @property
    def span(self) -> Span: ...


S = TypeVar("S", bound=HasSpan)
T = TypeVar("T")


def normalise_word(word: str) -> str:
    return word.lower().replace("’", "'")


@dataclass(frozen=True)
class Segment:
    """A sentence, or the part of one inside one paragraph."""

    start: int
    end: int


@dataclass
class Layout:
    text: str
    sentences: Sequence[Sentence] = ()
    _sentence_starts: list[int] = field(init=False, repr=False)
    _token_starts: dict[int, list[int]] = field(default_factory=dict, init=False, repr=False)
    prefilter_asked: int = field(default=0, init=False)
    """How many pack rules asked `packs.matching.might_match` about this text."""

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]

    def resentenced(self, sentences: Sequence[Sentence]) -> Layout:
        """The same text's layout over other sentences (headlines re-read in sentence case):
        paragraphs and quotations are shared, not computed again."""
        other = Layout(self.text, sentences)
        for name in _TEXT_CACHES:
            if name in self.__dict__:
                other.__dict__[name] = self.__dict__[name]
        other.prefilter_asked = self.prefilter_asked
        return other

    # --- paragraphs -----------------------------------------------------------------------

    @cached_property
    def _lines(self) -> list[tuple[int, int]]:
        """Every paragraph, blank lines included, as (start, end) in text order."""
        text, found, start = self.text, [], 0
        indented, row_breaks = indented_paragraphs(text), self._row_breaks
        at = text.find("\n")
        while at != -1:
            if at in row_breaks or not soft_wrap(text, at, indented):
                found.append((start, at))
                start = at + 1
            at = text.find("\n", at + 1)
        found.append((start, len(text)))
        return found

    @cached_property
    def rows(self) -> list[Row]:
        """The table rows of the text (`tables.rows`), in order."""
        return rows(self.text)

    @property
    def _row_breaks(self) -> set[int]:
        """The line breaks before and after every table row: a row is a paragraph."""
        found: set[int] = set()
        for row in self.rows:
            found.add(self.text.rfind("\n", 0, row.start))
            after = self.text.find("\n", row.end)
            found.add(after if after != -1 else len(self.text))
        return found

    def row_at(self, offset: int) -> str | None:
        """The id of the table row that holds `offset`, if one does."""
        found = self.rows
        i = bisect_right(found, offset, key=lambda r: r.start) - 1
        return found[i].id if i >= 0 and offset < found[i].end else None

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of every paragraph that holds more than white space, in text order."""
        return [(a, b) for a, b in self._lines if self.text[a:b].strip()]

    def paragraph_index(self, offset: int) -> int:
        """The index in `paragraphs` of the paragraph that holds `offset`, or of the last one
        before it (the first paragraph for an offset before them all)."""
        return max(bisect_right(self.paragraphs, (offset, len(self.text) + 1)) - 1, 0)

    def paragraph_at(self, offset: int) -> tuple[int, int]:
        """The paragraph around `offset` (a blank line is a paragraph of its own here); a
        line break belongs to the paragraph it ends."""
        lines = self._lines
        i = bisect_right(lines, (offset, len(self.text) + 1)) - 1
        return lines[max(i, 0)]

    # --- quotations -----------------------------------------------------------------------

    @cached_property
    def quotations(self) -> list[tuple[int, int]]:
        """(start, end) of every quotation, quotation marks included, in text order."""
        found: list[tuple[int, int]] = []
        for start, end in self._lines:
            found.extend(quotations_in(self.text, start, end))
        return found

    def closed_quotations(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations that open and close inside [start, end), read on their own."""
        return quotations_in(self.text, start, end, running=False)

    def in_quotation(self, offset: int) -> bool:
        """Whether the character at `offset` is part of a quotation (its marks included)."""
        regions = self.quotations
        i = bisect_right(regions, (offset, len(self.text) + 1)) - 1
        return i >= 0 and regions[i][0] <= offset < regions[i][1]

    # --- words -------------------------------------------------------------------------------

    @cached_property
    def folded(self) -> str:
        """The text case-folded, for cheap substring tests."""
        return self.text.casefold()

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every run of letters and digits in the case-folded text."""
        return frozenset(PART.findall(self.folded))

    @cached_property
    def words(self) -> list[tuple[int, int, str]]:
        """(start, end, normalised word) of every word of the text, in order."""
        return [(m.start(), m.end(), normalise_word(m.group(0))) for m in WORD.finditer(self.text)]

    # --- sentences and tokens -------------------------------------------------------------

    def sentence_index(self, offset: int) -> int | None:
        """The index of the sentence that holds `offset`, if one does."""
        i = bisect_right(self._sentence_starts, offset) - 1
        return i if i >= 0 and offset < self.sentences[i].end else None

    def sentences_between(self, start: int, end: int) -> Sequence[Sentence]:
        """The sentences that start in [start, end), by binary search."""
        starts = self._sentence_starts
        return self.sentences[bisect_left(starts, start) : bisect_left(starts, end)]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = self.sentence_index(offset)
        return None if i is None else self.sentences[i]

    def token_at(self, offset: int) -> Token | None:
        """The token that holds the character at `offset`, if a sentence has one."""
        sent = self.sentence_at(offset)
        if sent is None:
            return None
        i = bisect_right(self._starts_of(sent), offset) - 1
        if not sent.span.start <= i < sent.span.end:
            return None
        token = sent.span.doc[i]
        return token if offset < sent.token_end(token) else None

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens of the sentence that holds `start` that begin in [start, end), found by
        binary search (a figure's tokens, without a scan of its sentence)."""
        sent = self.sentence_at(start)
        if sent is None:
            return []
        starts = self._starts_of(sent)
        lo = max(bisect_left(starts, start), sent.span.start)
        hi = min(bisect_left(starts, end), sent.span.end)
        return [sent.span.doc[i] for i in range(lo, hi)]

    def _starts_of(self, sent: Sentence) -> list[int]:
        """The absolute start offset of every token of the sentence's Doc, built once a Doc."""
        doc = sent.span.doc
        starts = self._token_starts.get(id(doc))
        if starts is None:
            starts = self._token_starts[id(doc)] = [sent.base + t.idx for t in doc]
        return starts

    def tokens(self, start: int, end: int, *, expand: bool = False) -> TokenSpan | None:
        """The tokens of [start, end) in the sentence that holds `start`: None where the range
        leaves its sentence or (unless `expand`) cuts a token."""
        sent = self.sentence_at(start)
        if sent is None:
            return None
        mode = "expand" if expand else "strict"
        return sent.span.doc.char_span(start - sent.base, end - sent.base, alignment_mode=mode)

    @cached_property
    def segments(self) -> list[Segment]:
        """The sentences cut at the paragraph breaks inside them, blank pieces left out."""
        out: list[Segment] = []
        lines, text = self._lines, self.text
        for sent in self.sentences:
            i = bisect_right(lines, (sent.start, len(text) + 1)) - 1
            start = sent.start
            while i + 1 < len(lines) and lines[i][1] < sent.end:
                if text[start : lines[i][1]].strip():
                    out.append(Segment(start, lines[i][1]))
                i += 1
                start = lines[i][0]
                while start < sent.end and text[start].isspace():
                    start += 1
            if text[start : sent.end].strip():
                out.append(Segment(start, sent.end))
        return out

    @staticmethod
    def item_at(items: Sequence[S], offset: int) -> S | None:
        """The item (claim, quantity: anything with a `span`, in text order) that holds
        `offset`, by binary search: rules stay linear on huge documents."""
        i = bisect_right(items, offset, key=lambda item: item.span.start) - 1
        item = items[i] if i >= 0 else None
        return item if item and item.span.start <= offset < item.span.end else None


class SpanIndex(Generic[T]):
    """Items by the stretches of text they cover (an item may cover several): those that
    overlap a stretch, found by binary search and returned in the order the items were given,
    so a query costs the candidates near it, not a scan of every item."""

    def __init__(self, items: Sequence[T], spans: Callable[[T], Iterable[tuple[int, int]]]) -> None:
        found = sorted((a, b, n) for n, item in enumerate(items) for a, b in spans(item))
        self._items = items
        self._spans = found
        self._starts = [a for a, _, _ in found]
        self._longest = max((b - a for a, b, _ in found), default=0)

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items with a stretch [a, b) such that a < end and start < b."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        hits = sorted({n for a, b, n in self._spans[lo:hi] if start < b})
        return [self._items[n] for n in hits]


def quotations_in(
    text: str, start: int, end: int, *, running: bool = True
) -> list[tuple[int, int]]:
    """The quotations inside one paragraph [start, end) (see the module's docstring); without
    `running`, one left open at the end is left out (a stretch read on its own, such as a
    sentence, closes none it does not close itself)."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    curly = nested = False  # the open quotation's marks are curly; one of the other kind is open
    i = start
    while i < end:
        ch = text[i]
        width = 2 if text.startswith(DOUBLED, i) and i + 1 < end else 1
        if ch not in (OPENING, CLOSING, STRAIGHT) and width == 1:
            i += 1
            continue
        after = text[i + width] if i + width < end else " "
        before_ok = i == start or text[i - 1].isspace() or text[i - 1] in _OPENS_AFTER
        straight = ch == STRAIGHT or width == 2
        if ch == OPENING or (straight and before_ok and not after.isspace()):
            if opened is None:
                opened, curly, nested = i, ch == OPENING, False
            elif curly != (ch == OPENING):  # "... “too shrill” ...": nested in the quotation
                nested = True
        elif opened is not None:
            if nested and curly != (ch == CLOSING):  # closes the nested one, not the quotation
                nested = False
            else:  # a straight opening mark may close with a curly one ("work-related”)
                found.append((opened, i + width))
                opened, nested = None, False
        i += width
    if opened is not None and running:  # left open: it goes on to the paragraph's end
        while end > opened + 1 and text[end - 1].isspace():
            end -= 1
        if end > opened + 1:  # a lone mark at the paragraph's end opens nothing
            found.append((opened, end))
    return found
