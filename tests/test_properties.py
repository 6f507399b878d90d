"""Properties of the whole pipeline on arbitrary input: it never raises, every span it reports
lies inside the document and quotes it exactly, and every report survives a JSON round trip.

Example counts are modest: each example runs spaCy. Run with `--hypothesis-seed` to reproduce.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from checker import Checker, Config, DocumentReport, Report, Span
from checker.formats import render
from checker.load import LoadError, decode, load_text
from checker.nlp import SENTENCE_CAP

# Pieces that stress offsets and the tokenizer: controls, RTL and bidi marks, emoji with
# modifiers and joiners, astral letters, combining marks, odd line breaks, numbers and quotes.
_PIECES = [
    "\x00", "\x07", "\x0b", "\x0c", "\r", "\r\n", "\x1b[31m", "\u0085", "\u2028", "\u2029",
    "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\ufffd", "مرحبا بالعالم ", "שלום ",
    "👍🏽", "👨‍👩‍👧‍👦", "🇺🇦", "𝕏𝕐", "𓀀", "e\u0301", "ﷺ", "Ǆ", "ß", "İ", "\t", "\n\n", " ",
    "3,000 troops", "$1.2 billion", "45%", "1,700 + 300", "(Feb. 2)", "\u201cimminent,\u201d ",
    "said ", "according to The Hill", ". ", "? ", "!", "Mr. ", "U.S. ", "Kyiv", "—", "…",
]  # fmt: skip
_piece = st.one_of(st.sampled_from(_PIECES), st.text(max_size=12))
_long_line = st.integers(200, 3000).map(lambda n: "word " * n)  # no sentence end at all
_short = st.lists(_piece, max_size=40).map("".join)
unicode_text = st.one_of(_short, _short, _short, st.tuples(_long_line, _short).map("".join))

_MD = [
    "# Title\n", "## Sub\n", "Some *bold* and **strong** words. ", "[link](http://x.y/z) ",
    "![img](a.png)", "- item\n", "1. first\n", "> quote\n", "```\ncode 3,000\n```\n", "```",
    "<!-- factcheck: ignore x -->\n", "<!--", "-->", "---\ntitle: T\ndate: 2022-02-02\n---\n",
    "[ref]: http://x\n", "<b>", "</b>", "`tick` ", "***\n", "_under_ ", "](", "![", "\\*",
]  # fmt: skip
_HTML = [
    "<p>", "</p>", "<div class='a'>", "</div>", "AT&amp;T ", "caf&#233; ", "&#x1F600;", "&bogus;",
    "&", "&#", "<script>var x = '<p>';</script>", "<style>p{}</style>", "<b>bold</b> ", "<br/>",
    "<!-- c -->", "<!--", "<![CDATA[x]]>", "<![octype x>", "<![", "<![if !IE]>", "<![CDATA[x>", "]]>", "<!DOCTYPE html>", "<?xml ?>", "<a href='x", "<a ",
    "</", "<", ">", "<title>T</title>", "<meta name='date' content='2022-02-02'>", "<svg><p>",
    "<td>", "<li>", "\n", "<img src=\"x\">", "<p title=\"a>b\">",
]  # fmt: skip
markdown = st.lists(st.one_of(st.sampled_from(_MD), _piece), max_size=30).map("".join)
html = st.lists(st.one_of(st.sampled_from(_HTML), _piece), max_size=40).map("".join)

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def spans(node: object) -> Iterator[Span]:
    """Every `Span` anywhere inside a report."""
    if isinstance(node, Span):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from spans(getattr(node, name))
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from spans(item)
    elif isinstance(node, dict):
        for item in node.values():
            yield from spans(item)


def assert_sound(doc: DocumentReport, source: str, path: str) -> None:
    text = load_text(source, path=path).text
    lines = source.count("\n") + 1
    for span in spans(doc):
        assert 0 <= span.start <= span.end <= len(text), span
        assert span.text == text[span.start : span.end], span
        assert 1 <= span.line <= span.end_line <= lines and span.column >= 1, span
    cut = [f for f in doc.findings if f.rule_id == "input.sentence-cut"]
    assert not cut or len(text.split()) >= SENTENCE_CAP // 2, cut  # only a long run-on is cut
    noted = [f for f in doc.findings if f.rule_id.startswith("input.") and f not in cut]
    assert not noted, doc.findings
    report = Report(documents=[doc])
    assert Report.model_validate_json(render(report, "json")) == report
    render(report, "text")


@FAST
@given(unicode_text)
def test_any_text_is_checked_soundly(checker: Checker, text: str):
    assert_sound(checker.check_text(text), text, "<text>")


@FAST
@given(markdown)
def test_any_markdown_is_checked_soundly(checker: Checker, source: str):
    assert_sound(checker.check_text(source, path="a.md"), source, "a.md")


@FAST
@given(html)
def test_any_html_is_checked_soundly(checker: Checker, source: str):
    assert_sound(checker.check_text(source, path="a.html"), source, "a.html")


@settings(max_examples=25, deadline=None)
@given(
    st.one_of(unicode_text, markdown, html),
    st.sampled_from(["a.txt", "a.md", "a.html"]),
    st.sampled_from([1, 2, 3, 7, 40, 120, 300]),
)
def test_cut_and_out_of_time_documents_stay_sound(source: str, path: str, max_bytes: int):
    """With a tiny size cap and no time at all, spans still quote the (cut) text exactly."""
    doc = _limited(max_bytes).check_text(source, path=path)
    text = load_text(source, path=path, max_bytes=max_bytes).text
    assert len(text.encode("utf-8", "surrogatepass")) <= max_bytes
    for span in spans(doc):
        assert 0 <= span.start <= span.end <= len(text) and span.text == text[span.start : span.end]
    assert Report.model_validate_json(render(Report(documents=[doc]), "json")).documents == [doc]


@functools.cache
def _limited(max_bytes: int) -> Checker:
    return Checker(Config(max_bytes=max_bytes, time_budget=0.001))


@settings(max_examples=15, deadline=None)
@given(st.one_of(unicode_text, markdown, html), st.sampled_from([".txt", ".md", ".html"]))
def test_files_round_trip_through_check_paths(checker: Checker, source: str, suffix: str):
    """Written to disk as UTF-8 and read back, a file gives the same report as the string
    (less a leading BOM, which decoding drops, and NULs, which mark a file as binary)."""
    source = source.lstrip("\ufeff").replace("\x00", "")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "article" + suffix)
        with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as handle:
            handle.write(source)
        report = checker.check_paths([path])
    assert not report.errors, report.errors
    (doc,) = report.documents
    assert doc == checker.check_text(source, path=path)
    assert_sound(doc, source, path)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64) | st.text().map(lambda t: t.encode("utf-16")), st.booleans())
def test_decode_returns_text_or_a_one_line_load_error(data: bytes, final: bool):
    try:
        decode(data, final=final)
    except LoadError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=300, deadline=None)
@given(st.one_of(unicode_text, markdown, html), st.sampled_from(["txt", "md", "html"]))
def test_loaders_map_every_offset_into_the_source(source: str, kind: str):
    """No spaCy here, so many more examples: every text offset has a source line and column."""
    doc = load_text(source, path=f"a.{kind}")
    lines = source.split("\n")
    for offset in range(0, len(doc.text) + 1, max(1, len(doc.text) // 40)):
        line, column = doc.line_col(offset)
        assert 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1
