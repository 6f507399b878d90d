"""percent_of picks "the one other figure" of the sentence as the whole only when no bare
scaled figure could be the same money with its currency left out (Reuters-21578, file named)."""

from __future__ import annotations

from tests.conftest import constraints_of
from tests.test_constraints_counts import SHARED, _quoted

HOLDINGS = "reuters/reut2-003/reuters_1987-03-09_3188.txt"


def test_a_bare_figure_of_elided_money_leaves_the_whole_open(checker):
    """'49 billion marks in 1986 from 35.58 billion in 1976 ... 1.61 billion marks or 4.5 pct':
    the 4.5 pct is of the 1976 figure, so neither is taken for the whole (it was an error)."""
    sentence = "The nominal share capital of listed non-bank companies rose to an estimated 49 billion marks in 1986 from 35.58 billion in 1976, with banks' holdings falling to 1.57 billion marks or 3.2 pct from 1.61 billion marks or 4.5 pct, the Association said."
    _quoted(HOLDINGS, sentence)
    assert not constraints_of(checker, sentence, "percent_of")
    article = (SHARED / HOLDINGS).read_text(encoding="utf-8")  # "35.58 billion" is read as years
    report = checker.check_text(article)
    assert not [f for f in report.findings if f.rule_id == "numbers.constraint"]


def test_the_one_other_money_figure_is_still_the_whole(checker):
    sentence = "Sales rose to 49 billion marks, with exports at 1.57 billion marks or 3.2 pct."
    (found,) = constraints_of(checker, sentence, "percent_of")
    assert found.verdict.value == "holds"
    moved = checker.check_text(sentence.replace("3.2 pct", "4.5 pct"))
    assert [k.verdict.value for k in moved.constraints if k.kind == "percent_of"] == ["violated"]
