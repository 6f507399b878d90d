"""Loading: decoding, markup removal, and offsets that always map back to the source."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.load import LoadError, decode, load_path, load_text


def test_plain_text_offsets_are_identity():
    doc = load_text("One line.\nSecond line here.")
    span = doc.span(10, 16)
    assert span.text == "Second"
    assert (span.line, span.column, span.end_line, span.end_column) == (2, 1, 2, 7)


@settings(max_examples=200, deadline=None)
@given(st.text(), st.integers(0, 500), st.integers(0, 500))
def test_every_span_text_is_the_source_slice(text, a, b):
    doc = load_text(text)
    start, end = sorted((a, b))
    span = doc.span(start, end)
    assert span.text == doc.text[span.start : span.end]
    assert doc.text == text  # plain text is read as is


_md = st.lists(
    st.sampled_from(
        [
            "# Title\n",
            "Some *bold* words. ",
            "[link](http://x.y/z) ",
            "- item\n",
            "> quote\n",
            "```\ncode\n```\n",
            "<!-- factcheck: ignore x -->\n",
            "plain 3,000 troops.\n",
            "\n",
            "`tick` ",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(_md)
def test_markdown_keeps_offsets_and_blanks_markup(source):
    doc = load_text(source, path="a.md")
    assert len(doc.text) == len(source)
    for i, ch in enumerate(doc.text):
        assert ch == source[i] or ch == " "  # only blanked, never moved


def test_markdown_strips_markup_and_reads_front_matter():
    source = (
        "---\ntitle: Troops\ndate: 2022-02-02\n---\n# Head\n\nSome **bold** [link](http://a.b).\n"
    )
    doc = load_text(source, path="a.md")
    assert doc.title == "Troops" and doc.date == "2022-02-02" and doc.date_origin == "front matter"
    assert "Some   bold    link             .\n" in doc.text
    assert "http" not in doc.text and "title" not in doc.text
    start = doc.text.index("bold")
    assert doc.span(start, start + 4).line == 7


_html = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "AT&amp;T ",
            "caf&#233; ",
            "<script>var x = 1;</script>",
            "<b>bold</b> ",
            "<br/>",
            "words here. ",
            "\n",
            "<div class='a'>",
            "</div>",
            "&nbsp;",
            "<style>p{}</style>",
        ]
    ),
    max_size=15,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(_html, st.integers(0, 300), st.integers(0, 300))
def test_html_spans_map_into_the_source(source, a, b):
    doc = load_text(source, path="a.html")
    start, end = sorted((min(a, len(doc.text)), min(b, len(doc.text))))
    span = doc.span(start, end)
    assert span.text == doc.text[start:end]
    assert 1 <= span.line <= source.count("\n") + 1
    assert "var x" not in doc.text and "p{}" not in doc.text


def test_html_text_nodes_and_positions():
    source = '<html><head><title>T</title><meta property="article:published_time" content="2022-02-02T10:00"></head>\n<body><p>AT&amp;T said\n<b>3,000</b> troops.</p></body></html>'
    doc = load_text(source, path="x.html")
    assert "AT&T said" in doc.text and doc.title == "T" and doc.date == "2022-02-02"
    start = doc.text.index("3,000")
    span = doc.span(start, start + 5)
    assert span.text == "3,000" and (span.line, span.column) == (3, 4)
    assert source.splitlines()[2][span.column - 1 : span.column + 4] == "3,000"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "Kyiv – café".encode(), "Kyiv – café"),
        ("Kyiv – café".encode("utf-16"), "Kyiv – café"),
        (b"plain", "plain"),
    ],
)
def test_decode_accepts_unicode_encodings(data, expected):
    assert decode(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"), (b"caf\xe9 au lait", "not valid UTF-8")],
)
def test_decode_refuses_binary_and_invalid_utf8(data, message):
    with pytest.raises(LoadError, match=message):
        decode(data)


def test_unreadable_path_is_a_load_error(tmp_path):
    with pytest.raises(LoadError, match="cannot read"):
        load_path(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "date: 2022-13-45",
            None,
        ),  # YAML reads it as a timestamp and fails: the copy is still checked
        ("date: February 3, 2022", "2022-02-03"),
        ("date: Feb 3, 2022", "2022-02-03"),
        ("date: 3 February 2022", "2022-02-03"),
        ("date: Feb. 3, 2022", "2022-02-03"),
    ],
)
def test_front_matter_dates_written_by_hand(line, expected):
    doc = load_text(f"---\ntitle: Troops\n{line}\n---\n\nSome copy.\n", path="a.md")
    assert doc.date == expected and "Some copy." in doc.text


def test_markdown_footnote_marks_table_rules_and_entities_are_not_copy():
    source = (
        "Some 1,000&nbsp;troops went, AT&amp;T said.[^1]\n\n"
        "| City | Troops |\n|------|:------:|\n| Kyiv | 300 |\n\n[^1]: A note.\n"
    )
    doc = load_text(source, path="a.md")
    assert "1,000 " in doc.text and "troops" in doc.text and "&nbsp;" not in doc.text
    assert "AT&T" in doc.text.replace(" ", "") and "amp;" not in doc.text
    assert "^1" not in doc.text and "---" not in doc.text
    # the pipes are markup; a sentence break at each cell keeps one cell's words from the next's
    assert "  Kyiv   300  " in doc.text
    row = source.index("| Kyiv")
    assert {row, row + 1, source.index("| 300") + 1} <= set(doc.breaks)
    assert "Kyiv" in doc.text and "300" in doc.text
    for i, ch in enumerate(doc.text):
        assert ch == source[i] or ch == " "  # still only blanked, never moved


def test_markdown_code_is_not_copy_inline_spans_and_indented_blocks_included(checker):
    # before: the code ticks were removed and the code read as prose (style findings on it),
    # and an indented code block was checked as a paragraph
    source = (
        "Kirby said the troops would go.\n\n"
        "Run `factcheck --select style.wordiness in order to` on the draft.\n\n"
        "    in order to prior to in order to\n\n"
        "The end.\n"
    )
    doc = load_text(source, path="notes.md")
    assert "in order to" not in doc.text and "Run" in doc.text and "The end." in doc.text
    assert len(doc.text) == len(source)
    found = checker.check_text(source, path="notes.md").findings
    assert not [f for f in found if f.rule_id == "style.wordiness"]
    # the same words as prose are found
    prose = checker.check_text("We did it in order to win.", path="notes.md").findings
    assert [f.rule_id for f in prose if f.rule_id == "style.wordiness"] == ["style.wordiness"]


def test_a_suppression_shown_in_inline_code_is_an_example_not_a_suppression(checker):
    source = (
        "Write `<!-- factcheck: ignore-file style -->` to silence style in a file.\n\n"
        "We did it in order to win.\n"
    )
    found = checker.check_text(source, path="guide.md").findings
    assert [f.rule_id for f in found if f.rule_id.startswith("style.")] == ["style.wordiness"]
