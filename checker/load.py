"""Turn files or strings into `Document`s: decode, strip markup, keep the offset map.

Plain text is read as is. Markdown markup is blanked with spaces of the same length, so text
offsets equal source offsets. HTML keeps text nodes only (no script/style), with anchors that map
each piece of text back to its place in the source.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from bisect import bisect_left
from datetime import date, datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import yaml

from checker import markdown
from checker.cutting import boundary_cut, utf8_prefix
from checker.document import Document
from checker.markers import blank_markers

TEXT_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}


class LoadError(Exception):
    """A file that cannot be checked; the message is one line for the user."""


def kind_for(path: str | os.PathLike[str]) -> str:
    return TEXT_SUFFIXES.get(Path(path).suffix.lower(), "txt")


def decode(data: bytes, final: bool = True) -> str:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16/32 with a BOM; refuse binary data.

    `final=False` reads a prefix: a character cut in half at the end is dropped, not an error."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return codecs.getincrementaldecoder(codec)().decode(data, final)
            except UnicodeDecodeError as exc:
                raise LoadError(f"undecodable {codec} text at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise LoadError("binary file (NUL bytes), not text; UTF-16 text needs a byte-order mark")
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(data, final)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LoadError(
            f"not valid UTF-8 at byte {exc.start} (line {line}); re-save the file as UTF-8"
        ) from None


def load_path(
    path: str | os.PathLike[str], *, date: str | None = None, max_bytes: int | None = None
) -> Document:
    """Read a file (at most `max_bytes` of it; the rest is cut at a paragraph or sentence end)."""
    try:
        size = _regular_file_size(path)
        with open(path, "rb") as handle:
            data = handle.read(-1 if max_bytes is None else max_bytes + 1)
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}") from None
    if max_bytes is None or len(data) <= max_bytes:
        return load_text(decode(data), path=str(path), kind=kind_for(path), date=date)
    text = boundary_cut(decode(data[:max_bytes], final=False))
    doc = load_text(text, path=str(path), kind=kind_for(path), date=date)
    doc.truncated_from = max(size, len(data))
    return doc


def _regular_file_size(path: str | os.PathLike[str]) -> int:
    """The size of a regular file; a FIFO, device or folder would block or fail on read."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise LoadError("not a regular file (a folder, pipe or device)")
    return info.st_size


def load_text(
    text: str,
    *,
    path: str = "<text>",
    kind: str | None = None,
    date: str | None = None,
    max_bytes: int | None = None,
) -> Document:
    """A `Document` from a string; beyond `max_bytes` of UTF-8 it is cut as `load_path` does."""
    kind = kind or kind_for(path)
    prefix = utf8_prefix(text, max_bytes) if max_bytes is not None else None
    if prefix is not None:
        doc = load_text(boundary_cut(prefix), path=path, kind=kind, date=date)
        doc.truncated_from = len(text.encode("utf-8", "surrogatepass"))
        return doc
    if kind == "html":
        doc = _load_html(text, path)
    elif kind == "md":
        doc = _load_markdown(text, path)
    else:
        doc = Document(text=text, source=text, path=path, kind="txt")
    if date:
        doc.date, doc.date_origin = date, "given"
    doc.text = blank_markers(doc.text)  # `[factcheck: ignore RULE]` lines are markup, not copy
    return doc


# --- Markdown ---------------------------------------------------------------------------------

# Each pattern stops at the next opener of its own kind, so an unclosed construct repeated
# many times costs linear time, not a rescan to the end of the line or file for each.
_MD_BLANK: list[re.Pattern[str] | str] = [
    "comments",  # see _blank_comments
    re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)"),  # images
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE),  # link reference definitions
    re.compile(r"</?[A-Za-z][^<>\n]*>"),  # inline HTML tags
    re.compile(r"\[\^[^\]\n]+\]"),  # footnote marks ([^1]); their definitions are reference lines
    re.compile(r"&(?:nbsp|#160|#[xX][aA]0);"),  # no-break spaces
    re.compile(
        r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?)?[ \t]*$", re.MULTILINE
    ),  # table rule
]
_MD_MARKUP = [
    re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t])", re.MULTILINE),  # heading marks
    re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.MULTILINE),  # block quotes
    re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])", re.MULTILINE),  # list markers
    re.compile(r"(?<=\])\([^()\n]*\)"),  # link targets
    re.compile(r"[\[\]]"),  # link brackets
    re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`"),  # emphasis, code ticks
    re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE),  # thematic breaks
    re.compile(r"(?<=&)amp;"),  # AT&amp;T: keep the ampersand
]


_MD_BLOCK_LINE = re.compile(
    r"^[ \t]{0,3}#{1,6}[ \t].*$|^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]", re.MULTILINE
)


def _md_breaks(source: str) -> list[int]:
    """Where a Markdown block starts a sentence of its own: each list item, and the line after a
    heading (a heading has no full stop, so the parser would run it into its paragraph)."""
    breaks: set[int] = set()
    for m in _MD_BLOCK_LINE.finditer(source):
        breaks.add(m.start())
        if m.group(0).lstrip(" \t").startswith("#"):
            breaks.add(m.end() + 1)
    return sorted(b for b in breaks if 0 < b < len(source))


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _blank_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) range blanked, line breaks kept."""
    pieces, at = [], 0
    for start, end in ranges:
        pieces += [text[at:start], re.sub(r"[^\n]", " ", text[start:end])]
        at = end
    return "".join(pieces) + text[at:]


def _blank_comments(text: str) -> str:
    """Blank `<!-- ... -->` comments (suppressions are read from the source). Linear: once one
    comment has no end, no later one can have one either."""
    pieces, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        pieces += [text[at:start], re.sub(r"[^\n]", " ", text[start : end + 3])]
        at = end + 3
    return "".join(pieces) + text[at:]


def _load_markdown(source: str, path: str) -> Document:
    meta: dict[str, object] = {}
    found = markdown.structure(source)
    if found.front_matter is not None:
        try:
            loaded = yaml.safe_load(found.front_matter)
            meta = loaded if isinstance(loaded, dict) else {}
        except (yaml.YAMLError, RecursionError, ValueError):  # optional; 2022-13-45 is no date
            meta = {}
    # code, front matter and HTML blocks are not copy; nor are the `|` between table cells
    cells = [(p, p + 1) for p in found.pipes]
    text = _blank_ranges(source, sorted([*found.code, *found.hidden, *cells]))
    for pattern in _MD_BLANK + _MD_MARKUP:
        text = _blank_comments(text) if isinstance(pattern, str) else pattern.sub(_blank, text)
    title = _str(meta.get("title"))
    if not title:
        heading = re.search(r"^[ \t]{0,3}#[ \t]+(.+)$", source, re.MULTILINE)
        title = heading.group(1).strip() if heading else None
    doc = Document(
        text=text, source=source, path=path, kind="md", title=_str(title),
        breaks=sorted({*_md_breaks(source), *found.rows, *(p + 1 for p in found.pipes)}),
    )  # fmt: skip
    when = _iso_date(meta.get("date"))
    if when:
        doc.date, doc.date_origin = when, "front matter"
    return doc


# --- HTML -------------------------------------------------------------------------------------

_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg", "iframe"}
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "header", "footer", "blockquote", "tr", "td", "th", "table", "figcaption", "hr", "aside", "nav",
    "main", "pre", "dd", "dt", "form",
}  # fmt: skip
_DATE_META = (
    "article:published_time",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "og:published_time",
)


_TAG_REACH = 32_768  # a tag, comment or declaration not closed within this many chars is text
# What HTMLParser looks for after `<!--`, and after `<![if` / `<![CDATA[` (_markupbase).
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION = re.compile(r"<!\[([a-zA-Z][-_.a-zA-Z0-9]*)")
_MS_SECTIONS, _MS_CLOSE = {"if", "else", "endif"}, re.compile(r"\]\s*>")
_SECTIONS, _SECTION_CLOSE = (
    {"temp", "cdata", "ignore", "include", "rcdata"},
    re.compile(r"\]\s*\]\s*>"),
)


def _parser_input(source: str) -> str:
    """The source with each '<' that does not close within `_TAG_REACH` replaced by a control
    character of the same length. Python 3.11's HTMLParser rescans to the end of the input for
    every unclosed construct (quadratic: minutes for 100 KB of `<a `); as text they cost nothing.
    `_TextCollector` reads text back from the real source, so the replacement never shows."""
    closes = {
        key: [m.start() for m in pattern.finditer(source)]
        for key, pattern in ((">", re.compile(">")), ("--", _COMMENT_CLOSE), ("]>", _MS_CLOSE),
                             ("]]>", _SECTION_CLOSE))
    }  # fmt: skip
    cuts: list[int] = []
    for m in re.finditer("<", source):
        at = m.start()
        key, first = _close_for(source, at)
        ends = closes[key]
        k = bisect_left(ends, first)
        if k == len(ends) or ends[k] - at > _TAG_REACH:
            cuts.append(at)
    if not cuts:
        return source
    pieces, prev = [], 0
    for at in cuts:
        pieces += [source[prev:at], "\x01"]
        prev = at + 1
    return "".join(pieces) + source[prev:]


def _close_for(source: str, at: int) -> tuple[str, int]:
    """Which close HTMLParser will search for after the `<` at `at`, and from where."""
    if source.startswith("<!--", at):
        return "--", at + 4
    section = _SECTION.match(source, at)
    if section and section.group(1).lower() in _MS_SECTIONS:
        return "]>", at + 3
    if section and section.group(1).lower() in _SECTIONS:
        return "]]>", at + 3
    return ">", at


class _TextCollector(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.rewritten = False
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.parts: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.length = 0
        self.skip_depth = 0
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, src: int) -> None:
        if not text:
            return
        self.anchors.append((self.length, src))
        self.parts.append(text)
        self.length += len(text)

    def _break(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n\n"):
            self._emit("\n\n", self._offset())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            attr = {k.lower(): (v or "") for k, v in attrs}
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key:
                self.meta[key] = attr.get("content", "")
        if tag == "title":
            self.in_title = True
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIP_TAGS:
            self.skip_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self._break()

    def parse_html_declaration(self, i: int) -> int:
        where = self.getpos()
        try:
            return super().parse_html_declaration(i)
        except AssertionError:  # `<![junk` is a hard error in HTMLParser; browsers skip it
            self.lineno, self.offset = where  # it moved the position before raising
            return self.parse_bogus_comment(i)

    def handle_data(self, data: str) -> None:
        if self.rewritten:  # the parser saw `_parser_input`: take the text from the source
            start = self._offset()
            data = self.source[start : start + len(data)]
        if self.in_title:
            self.title += data
        elif not self.skip_depth:
            self._emit(data, self._offset())

    def _ref(self, raw: str) -> None:
        if self.in_title:
            self.title += unescape(raw)
        elif not self.skip_depth:
            self._emit(unescape(raw), self._offset())

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")


def _load_html(source: str, path: str) -> Document:
    collector = _TextCollector(source)
    parsed = _parser_input(source)
    collector.rewritten = parsed is not source
    try:
        collector.feed(parsed)
        collector.close()
    except (AssertionError, ValueError) as exc:  # HTMLParser's rare hard failures
        raise LoadError(f"cannot parse HTML: {exc}") from None
    text = "".join(collector.parts)
    anchors = collector.anchors or [(0, 0)]
    if anchors[0][0] != 0:
        anchors.insert(0, (0, 0))
    title = " ".join(collector.title.split()) or None
    doc = Document(text=text, source=source, path=path, kind="html", title=title, anchors=anchors)
    for key in _DATE_META:
        when = _iso_date(collector.meta.get(key))
        if when:
            doc.date, doc.date_origin = when, f"<meta {key}>"
            break
    return doc


def _str(value: object) -> str | None:
    """A scalar metadata value as text. Lists and mappings are refused: YAML aliases can nest them
    exponentially (a few lines of front matter print as gigabytes)."""
    return str(value) if isinstance(value, (str, int, float, date)) else None


def _iso_date(value: object) -> str | None:
    """The ISO date (YYYY-MM-DD) in a metadata value, or None."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
        if m:
            try:
                return date.fromisoformat(m.group(1)).isoformat()
            except ValueError:
                return None
        return _written_date(value)
    return None


_WRITTEN_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")


def _written_date(value: str) -> str | None:
    """A date written out in front matter: "February 3, 2022", "Feb. 3, 2022", "3 February 2022"."""
    cleaned = " ".join(value.replace(".", " ").replace(" ,", ",").split())
    cleaned = re.sub(r"^Sept\b", "Sep", cleaned)
    for form in _WRITTEN_DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, form).date().isoformat()
        except ValueError:
            continue
    return None
