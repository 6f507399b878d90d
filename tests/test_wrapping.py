"""Which line breaks only wrap a line (checker/wrapping.py)."""

from __future__ import annotations

from checker.layout import Layout
from checker.wrapping import soft_wrap

WRAPPED = (
    "The Pentagon said Wednesday (Feb. 2) that 1,000 U.S. troops will be\n"
    "redeployed from Germany to Romania.\n"
)


def test_a_filled_line_that_stops_mid_sentence_wraps():
    assert soft_wrap(WRAPPED, WRAPPED.index("\n"))
    assert Layout(WRAPPED).paragraph_at(5) == (0, len(WRAPPED) - 1)


def test_titles_sentence_ends_list_items_and_blank_lines_break():
    title = "White House schmoozing season; \nHoliday party photo lines bring awkward moments.\n"
    assert not soft_wrap(title, title.index("\n"))  # from the PolNeAR train file of 2015-12-15
    items = "  Of the 2,000 from Fort Bragg, approximately 1,700 go to Poland\n  The rest stay\n"
    assert not soft_wrap(items, items.index("\n"))  # Markdown list items, markers blanked
    ended = "He further stressed that these forces are not going to fight.\nThen he left.\n"
    assert not soft_wrap(ended, ended.index("\n"))
    blank = "The Pentagon said Wednesday that 1,000 U.S. troops will be\n\nredeployed.\n"
    assert not soft_wrap(blank, blank.index("\n"))
