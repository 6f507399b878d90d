"""Turn files or strings into `Document`s: decode, strip markup, keep the offset map.

Plain text is read as is. Markdown markup is blanked with spaces of the same length, so text
offsets equal source offsets. HTML keeps text nodes only (no script/style), with anchors that map
each piece of text back to its place in the source.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import yaml

from checker.document import Document
from checker.suppress import FENCED_CODE, blank_markers

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


class LoadError(Exception):
    """A file that cannot be checked; the message is one line for the user."""


def kind_for(path: str | os.PathLike[str]) -> str:
    return TEXT_SUFFIXES.get(Path(path).suffix.lower(), "txt")


def iter_files(
    paths: Iterable[str | os.PathLike[str]], keep: Callable[[str], bool] | None = None
) -> Iterator[tuple[str, str | None]]:
    """Yield (path, error) for every file to check: folders are walked (txt, md, html), hidden
    files and folders skipped, and files found there kept only if `keep(path)` (include/exclude
    globs); a named file is always checked; a path that does not exist yields an error."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    found = os.path.join(root, name)
                    if (
                        not name.startswith(".")
                        and Path(name).suffix.lower() in TEXT_SUFFIXES
                        and (keep is None or keep(found))
                    ):
                        yield found, None
        elif path.is_file():
            yield str(path), None
        elif path.exists():
            yield str(path), "not a regular file"
        else:
            yield str(path), "no such file or folder"


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16/32 with a BOM; refuse binary data."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise LoadError(f"undecodable {codec} text at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise LoadError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"not valid UTF-8 at byte {exc.start}; re-save the file as UTF-8"
        ) from None


def load_path(path: str | os.PathLike[str], *, date: str | None = None) -> Document:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror or exc}") from None
    return load_text(decode(data), path=str(path), kind=kind_for(path), date=date)


def load_text(
    text: str, *, path: str = "<text>", kind: str | None = None, date: str | None = None
) -> Document:
    kind = kind or kind_for(path)
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

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)
_MD_BLANK = [
    FENCED_CODE,
    re.compile(r"<!--.*?-->", re.S),  # comments (suppressions are read from the source)
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # images
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$", re.M),  # link reference definitions
    re.compile(r"</?[A-Za-z][^>\n]*>"),  # inline HTML tags
    re.compile(r"\[\^[^\]\n]+\]"),  # footnote marks ([^1]); their definitions are reference lines
    re.compile(r"&(?:nbsp|#160|#[xX][aA]0);"),  # no-break spaces
    re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?)?[ \t]*$", re.M),  # table rule
]
_MD_MARKUP = [
    re.compile(r"^[ \t]{0,3}#{1,6}(?=[ \t])", re.M),  # heading marks
    re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M),  # block quotes
    re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])", re.M),  # list markers
    re.compile(r"(?<=\])\([^)\n]*\)"),  # link targets
    re.compile(r"[\[\]]"),  # link brackets
    re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`"),  # emphasis, code ticks
    re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M),  # thematic breaks
    re.compile(r"(?<=&)amp;"),  # AT&amp;T: keep the ampersand
]


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _load_markdown(source: str, path: str) -> Document:
    text, meta = source, {}
    fm = _FRONT_MATTER.match(source)
    if fm:
        try:
            loaded = yaml.safe_load(fm.group(1))
            meta = loaded if isinstance(loaded, dict) else {}
        except (yaml.YAMLError, ValueError):  # ValueError: a timestamp that is no date (2022-13-45)
            meta = {}
        text = _blank(fm) + source[fm.end() :]
    for pattern in _MD_BLANK + _MD_MARKUP:
        text = pattern.sub(_blank, text)
    title = meta.get("title")
    if not title:
        heading = re.search(r"^[ \t]{0,3}#[ \t]+(.+)$", source, re.M)
        title = heading.group(1).strip() if heading else None
    doc = Document(text=text, source=source, path=path, kind="md", title=_str(title))
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
_DATE_META = ("article:published_time", "date", "pubdate", "publishdate", "dc.date", "og:published_time")


class _TextCollector(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
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

    def handle_data(self, data: str) -> None:
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
    try:
        collector.feed(source)
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
    return None if value is None else str(value)


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
