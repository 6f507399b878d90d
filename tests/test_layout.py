"""One definition of paragraph, quotation, segment and item-at-offset (checker/layout.py).

Before it, "inside a quotation" had three definitions and "paragraph" four, which disagreed on
the texts below; each case says what the old definitions gave.
"""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from checker import nlp
from checker.layout import Layout

# NYT archive copy writes two apostrophes for a quotation mark
# (polnear/dev/text/nyt_2016-10-04_in-avoiding-tax-trump-is-merely-.txt).
ARCHIVE = "Mr. Trump has called himself ''a genius'' for using the tax laws."


def test_archive_double_apostrophes_quote():
    # before: False for the attribution extractor, True for the packs and the entity rules
    layout = Layout(ARCHIVE)
    inside = ARCHIVE.index("genius")
    assert layout.quotations == [(ARCHIVE.index("''a"), ARCHIVE.index("'' for") + 2)]
    assert layout.in_quotation(inside) and not layout.in_quotation(ARCHIVE.index("tax"))


def test_a_quotation_left_open_runs_to_its_paragraphs_end():
    # News style reopens each paragraph of a long quotation and closes only the last
    # (polnear/dev/text/huff-post_2016-09-26_one-tweet-sums-up-the-absurd-dou.txt).
    # before: True for the entity rules (unbalanced marks), False for the packs and attribution
    text = "“I love to wave my arms, but apparently that’s a little bit scary.\n\nShe left."
    layout = Layout(text)
    assert layout.in_quotation(text.index("scary"))
    assert not layout.in_quotation(text.index("She"))
    assert layout.quotations == [(0, text.index(".\n") + 1)]


def test_a_quotation_read_within_a_sentence_closes_only_what_it_opens():
    text = "“I love to wave my arms. It comes across as “too loud” or “too shrill.”"
    layout = Layout(text)
    sentence_two = text.index("It")
    assert layout.closed_quotations(sentence_two, len(text)) == [
        (text.index("“too loud"), text.index(" or")),
        (text.index("“too shrill"), len(text)),
    ]


def test_a_quotation_of_the_other_kind_is_nested_in_a_quotation():
    # polnear/dev/text/huff-post_2016-09-26_one-tweet-sums-up-the-absurd-dou.txt (cut): before,
    # the first curly closing mark closed the straight quotation, so "“too shrill”" read as a
    # quotation of its own, outside any other
    text = '"And I can’t yell too much. It comes across as “too loud” or “too shrill.”" She left.'
    layout = Layout(text)
    assert layout.quotations == [(0, text.index(" She"))]
    assert layout.in_quotation(text.index(" or "))
    # near miss: a straight opening mark with no curly one open still closes with a curly one
    # (polnear/dev/text/politico_2016-09-23_partisan-fireworks-over-clinton-.txt, cut)
    mixed = 'She helped sort Clinton’s "work-related” emails from her “personal” ones.'
    assert Layout(mixed).quotations == [
        (mixed.index('"'), mixed.index(" emails")),
        (mixed.index("“"), mixed.index(" ones")),
    ]
    # and a straight quotation nested in a curly one: “He said "no" to me,” she said.
    curly = '“He said "no" to me,” she said.'
    assert Layout(curly).quotations == [(0, curly.index(" she"))]


def test_a_quotation_runs_over_a_wrapped_line():
    # reuters/reut2-000/reuters_1987-03-01_237.txt: a wire paragraph wrapped at 65 columns
    text = (
        '    "(It) appears to be nearing a crossroads with regard to\n'
        'deregulation, both as it pertains to investments and imports,"\n'
        "the report says.\n"
    )
    layout = Layout(text)
    assert layout.in_quotation(text.index("deregulation"))  # before: False for the packs
    assert not layout.in_quotation(text.index("report"))


def test_a_paragraph_is_a_line_joined_with_the_lines_it_wraps_into():
    # reuters/reut2-000/reuters_1987-02-26_1.txt (shortened): an indented line starts a paragraph
    text = (
        "Showers continued throughout the week in\n"
        "the Bahia cocoa zone, alleviating the drought since early\n"
        "January, Comissaria Smith said in its weekly review.\n"
        "    The dry period means the temporao will be late this year.\n"
    )
    layout = Layout(text)
    second = text.index("    The")
    # before: one paragraph for the packs, suppressions and baseline (no blank line)
    assert layout.paragraphs == [(0, second - 1), (second, len(text) - 1)]
    assert layout.paragraph_at(text.index("Bahia")) == (0, second - 1)


def test_a_full_line_ends_its_paragraph_and_blank_lines_are_no_paragraph():
    text = "Kirby said the troops would go.\nThey leave Friday.\n\n\nNATO agreed.\n"
    layout = Layout(text)
    assert [text[a:b] for a, b in layout.paragraphs] == [
        "Kirby said the troops would go.",
        "They leave Friday.",
        "NATO agreed.",
    ]


def test_segments_cut_a_sentence_at_a_paragraph_break():
    text = "Stealth Over Health\nHillary Clinton Was Headed to ER."
    _, sentences = nlp.annotate(text)
    layout = Layout(text, sentences)
    assert [text[s.start : s.end] for s in layout.segments] == [
        "Stealth Over Health",
        "Hillary Clinton Was Headed to ER.",
    ]
    assert layout.token_at(text.index("Headed")).text == "Headed"
    assert layout.sentence_index(text.index("ER")) == layout.sentence_index(text.index("Was"))


@given(st.text(alphabet=st.sampled_from("ab “”\"'\n ,.-"), max_size=120))
def test_paragraphs_and_quotations_are_ordered_disjoint_and_inside_the_text(text):
    layout = Layout(text)
    for regions in (layout.paragraphs, layout.quotations):
        for (_, e1), (s2, _) in itertools.pairwise(regions):
            assert e1 <= s2
        assert all(0 <= a < b <= len(text) for a, b in regions)
    for offset in range(len(text)):
        a, b = layout.paragraph_at(offset)
        assert a <= offset <= b
        assert layout.in_quotation(offset) == any(x <= offset < y for x, y in layout.quotations)
    for start, end in layout.quotations:
        assert layout.paragraph_at(start)[1] >= end - 1  # a quotation stays in its paragraph


def test_sentences_and_paragraphs_are_found_by_offset_as_a_scan_would_find_them():
    # two paragraphs of two sentences each; every stretch of the text is asked for
    text = "Saving is hard. Start small.\n\nThe website is an excellent resource. Read it.\n"
    _, sentences = nlp.annotate(text)
    layout = Layout(text, sentences)
    for a, b in itertools.combinations(range(len(text) + 1), 2):
        scanned = [s for s in sentences if a <= s.start < b]
        assert list(layout.sentences_between(a, b)) == scanned
    for offset in range(len(text)):
        before = [i for i, (start, _) in enumerate(layout.paragraphs) if start <= offset]
        assert layout.paragraph_index(offset) == (before[-1] if before else 0)
