"""Table rows and wire paragraphs (checker/tables.py, checker/wrapping.py, checker/nlp.py): a
row is its own paragraph, sentence and claim, and its figures carry the row's id; an indented
line starts a wire paragraph, and a line flush left after it only wraps. Lines quoted from
Reuters-21578 (files under shared/corpus/reuters/, tuning split)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.layout import Layout
from checker.tables import is_row, rows
from checker.wrapping import indented_paragraphs, soft_wrap

# reut2-000/reuters_1987-02-26_126.txt (the headline and the first rows)
EARNINGS = (
    "COLECO INDUSTRIES INC <CLO> 4TH QTR\n\n"
    "Shr loss 6.48 DLS VS PROFIT 23 CTS\n"
    "    Net loss 110.6 mln vs profit 4.1 mln\n"
    "    Revs 74.0 mln vs 152.0 mln\n"
    "    Year\n"
    "    Shr loss 6.52 dlrs vs profit 3.87 dlrs\n"
    "    net loss 111.2 mln vs profit 64.2 mln\n"
)
# reut2-000/reuters_1987-02-26_1.txt (shortened): a sentence runs on across an indented line
WIRE = (
    "Cake sales were registered at 785 to 995 dlrs for\n"
    "March/April, 785 dlrs for May and 0.39 times\n"
    "New York Dec for Oct/Dec.\n"
    "    Buyers were the U.S., Argentina, Uruguay and convertible\n"
    "currency areas.\n"
)


def test_rows_by_layout_with_a_heading():
    found = rows(EARNINGS)
    assert [(r.id, EARNINGS[r.start : r.end]) for r in found] == [
        ("T1.1", "Shr loss 6.48 DLS VS PROFIT 23 CTS"),
        ("T1.2", "Net loss 110.6 mln vs profit 4.1 mln"),
        ("T1.3", "Revs 74.0 mln vs 152.0 mln"),
        ("T1.4", "Year"),
        ("T1.5", "Shr loss 6.52 dlrs vs profit 3.87 dlrs"),
        ("T1.6", "net loss 111.2 mln vs profit 64.2 mln"),
    ]


def test_aligned_columns_are_rows_and_prose_with_vs_is_not():
    # reut2-000/reuters_1987-02-26_5.txt
    assert is_row(" Wheat   2.55   2.40       IV     4.65     --")
    # reut2-000/reuters_1987-02-26_69.txt: a wrapped line of prose that compares with "vs"
    assert not is_row("117,866 tonnes vs 121,168 tonnes a week ago and compared with")
    assert not is_row("bushels vs 25,873,904 last week and 25,459,238 bushels last")
    # reut2-000/reuters_1987-02-26_11.txt: a note, not a row
    assert not is_row("    Note: 4th qtr not available. Year includes 1985")
    assert rows("Year\n\nThe company said it would pay.\n") == []  # a lone short line


def test_each_row_is_a_paragraph_and_a_claim_with_its_id(checker):
    layout = Layout(EARNINGS)
    assert [EARNINGS[a:b].strip() for a, b in layout.paragraphs][1:3] == [
        "Shr loss 6.48 DLS VS PROFIT 23 CTS",
        "Net loss 110.6 mln vs profit 4.1 mln",
    ]
    report = checker.check_text(EARNINGS)
    claims = {c.span.text: c.row for c in report.claims}
    assert claims["Net loss 110.6 mln vs profit 4.1 mln"] == "T1.2"
    assert claims["Revs 74.0 mln vs 152.0 mln"] == "T1.3"
    by_text = {q.span.text: q for q in report.quantities}
    assert by_text["110.6 mln"].row == "T1.2" and by_text["152.0 mln"].row == "T1.3"
    assert by_text["110.6 mln"].attributes["sign"] == "loss"
    assert by_text["23 CTS"].value == 0.23 and by_text["23 CTS"].unit == "USD"


def test_an_indented_line_starts_a_wire_sentence_and_paragraph(checker):
    claims = [c.span.text for c in checker.check_text(WIRE).claims]
    assert claims[-1] == "Buyers were the U.S., Argentina, Uruguay and convertible\ncurrency areas."
    assert claims[0].endswith("for Oct/Dec.")


def test_a_flush_line_in_wire_copy_only_wraps():
    # reut2-000/reuters_1987-02-26_116.txt: a short first line, then the body
    text = (
        "Sterling Software Inc said it received\n"
        "consent of a majority of the holders of its debentures.\n"
        "    It said the consent was needed.\n"
        "    The company said the vote\n"
        "was final.\n"
    )
    assert indented_paragraphs(text)
    assert soft_wrap(text, text.index("\n"), indented=True)
    assert not soft_wrap(text, text.index("\n"))  # too short to be filled in other copy
    assert [text[a:b].split()[0] for a, b in Layout(text).paragraphs] == ["Sterling", "It", "The"]
    # a two-paragraph story: one indented start, one blank line (after the headline)
    assert indented_paragraphs("STERLING GETS CONSENT\n\n" + text.split("    The")[0])
    # PolNeAR copy marks paragraphs with a line break alone: no indented starts
    assert not indented_paragraphs("Kirby said the troops would go.\nThey leave Friday.\n")


def test_a_row_whose_figure_heads_the_parse_is_read(checker):
    # reut2-007/reuters_1987-03-19_7439.txt: once looped in the climb from figure to noun
    text = "PSE INC <POW> 4TH QTR\n\nShr loss 18 cts vs profit 11 cts\n    Net loss 1.5 mln vs profit 868,000\n"
    report = checker.check_text(text)
    assert {q.span.text for q in report.quantities} >= {"18 cts", "1.5 mln", "868,000"}
    assert not [f for f in report.findings if f.rule_id == "input.time-budget"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Shr Netvs 0123456789.,-\n\t  aY")), max_size=200))
def test_rows_never_crash_and_stay_in_their_line(text):
    found = rows(text)
    assert len({r.id for r in found}) == len(found)
    for row in found:
        assert 0 <= row.start < row.end <= len(text) and "\n" not in text[row.start : row.end]
