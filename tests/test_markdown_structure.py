"""Markdown structure that is not prose: front matter and HTML blocks are blanked like code
(offsets kept exactly), and each table cell is read on its own."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from checker import markdown
from checker.load import load_text

# seeds/000_271244230b04580b.txt
BOILERPLATE = "Sign up to receive our latest news!"
# the figures of reut2-000/reuters_1987-03-02_533.txt, laid out as a Markdown table
TABLE = (
    "| Newport Corp | 2nd qtr | year ago |\n"
    "|---|---:|---:|\n"
    "| Shr | 11 cts | 13 cts |\n"
    "| Net | 1,037,690 | 1,270,460 |\n"
    "| Sales | 10.1 mln | 9,215,836 |\n"
)


def test_front_matter_is_blanked_with_offsets_kept():
    source = "---\ntitle: Newport Corp\ndate: 1987-03-02\n---\nNewport Corp said net fell.\n"
    doc = load_text(source, path="a.md")
    assert len(doc.text) == len(source)
    assert doc.text[: source.index("Newport Corp said")].strip() == ""
    assert doc.text.index("Newport Corp said") == source.index("Newport Corp said")
    assert (doc.title, doc.date, doc.date_origin) == ("Newport Corp", "1987-03-02", "front matter")


def test_a_rule_later_in_the_file_is_not_front_matter():
    source = "Newport Corp said net fell.\n\n---\ntitle: not front matter\n---\n"
    doc = load_text(source, path="a.md")
    assert markdown.structure(source).front_matter is None
    assert "title: not front matter" in doc.text and doc.date is None


def test_html_blocks_are_blanked_but_inline_html_is_read(checker):
    source = f'Tensions rose.\n\n<div class="promo">\n{BOILERPLATE}\n</div>\n\nThey said: <b>{BOILERPLATE}</b>\n'
    doc = load_text(source, path="a.md")
    assert len(doc.text) == len(source) and doc.text.count("\n") == source.count("\n")
    block = source.index("<div")
    assert doc.text[block : source.index("</div>") + 6].strip() == ""
    found = [
        f
        for f in checker.check_text(source, path="a.md").findings
        if f.rule_id == "boilerplate.web"
    ]
    assert [f.span.line for f in found] == [7]  # inside <b> in a paragraph: copy; in the block: not


def test_a_table_row_never_runs_into_the_next_and_cells_are_apart(checker):
    source = f"Newport Corp reported.\n\n{TABLE}\nIt said sales rose.\n"
    doc = load_text(source, path="a.md")
    assert len(doc.text) == len(source)
    assert "|" not in doc.text  # the cell delimiters are markup
    row = source.index("| Net")
    assert row in doc.breaks and row + 1 in doc.breaks  # the row, then its first cell
    report = checker.check_text(source, path="a.md")
    cells = [(m.start(), m.end()) for m in re.finditer(r"[^|\n]+", source)]
    in_table = [c for c in report.claims if 3 <= c.span.line <= 7]
    assert in_table  # the figures are read
    for claim in in_table:  # each inside one cell of one row
        assert any(a <= claim.span.start and claim.span.end <= b for a, b in cells), claim.span


def test_a_pipe_in_a_code_span_or_escaped_is_not_a_cell_delimiter():
    source = "| name | value |\n|---|---|\n| `a|b` | c \\| d |\n"
    found = markdown.structure(source)
    third = source.index("| `")
    pipes = [p - third for p in found.pipes if p >= third]
    assert pipes == [0, 8, 17]


def test_a_paragraph_with_a_pipe_but_no_delimiter_row_is_prose():
    source = "Shr 11 cts | 13 cts\nNet 1,037,690 vs 1,270,460\n"
    assert markdown.structure(source).rows == []
    assert load_text(source, path="a.md").text == source


@given(
    st.lists(
        st.sampled_from(
            ["---\n", "title: x\n", "| a | b |\n", "|---|---|\n", "<div>\n", "</div>\n", "\n",
             "Net fell.\n", "`x|y`", "\\|", "```\n", "<!-- c -->", "# H\n", "é"]
        ),
        max_size=25,
    )
)  # fmt: skip
def test_any_markdown_keeps_offsets_and_line_breaks(parts):
    source = "".join(parts)
    doc = load_text(source, path="a.md")
    assert len(doc.text) == len(source)
    assert [i for i, c in enumerate(doc.text) if c == "\n"] == [
        i for i, c in enumerate(source) if c == "\n"
    ]
    assert doc.breaks == sorted(set(doc.breaks)) and all(0 <= b <= len(source) for b in doc.breaks)
