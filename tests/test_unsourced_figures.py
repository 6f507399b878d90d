"""sourcing.unsourced-number: what is a figure to source, a headline, a Q&A answer; one
finding per figure per article."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import Checker
from checker.rules.sourcing.figures import _exchanges, headline_end

RULE = "sourcing.unsourced-number"


@pytest.fixture(scope="module")
def checker(stated_checker: Checker) -> Checker:
    """Figures stated as fact reported at info (off by default), for the near misses."""
    return stated_checker


# polnear/dev/text/huff-post_2016-09-10_trump-s-east-european-achilles-h.txt
TAKES = "Last year Russia carried out a snap military maneuver of more than 80,000 troops."


def _flagged(checker, text: str) -> list[str]:
    return [f.span.text for f in checker.check_text(text).findings if f.rule_id == RULE]


def test_a_figure_is_flagged_once_per_article(checker):
    more = "Tensions have soared over the concentration of 100,000 Russian troops."  # the seed
    text = f"{TAKES}\n\n{more}\n\n{TAKES}\n"
    assert _flagged(checker, text) == [TAKES, more]


def test_phone_numbers_and_ranks_are_labels_not_figures(checker):
    # no phone number or "ranked N" in the corpus: these two are made up
    assert _flagged(checker, "Call the campaign office at (202) 555-0143 for tickets.") == []
    assert _flagged(checker, "She was ranked 15 on the list of the most powerful women.") == []
    troops = "More than 1,000 U.S. troops will be sent to Poland."  # a proper noun after a count
    assert _flagged(checker, troops) == [troops]


def test_headlines_are_short_opening_blocks_written_as_headlines():
    # polnear/train/text/breitbart_2016-01-19_donald-trump-rampages-to-point-l.txt
    title = "Donald Trump Rampages to +32 Point Lead in Florida."
    assert headline_end(f"{title}\n\nBody.") == len(title)
    subhead = "Crippling college debt changes how grads live; \nAbout 42 million borrowers bear $1.3 trillion loan burden."
    assert headline_end(f"{subhead}\n\nBody.") == len(subhead)
    # a one-sentence lede in sentence case is copy, not a headline
    lede = (
        "Trump's campaign raised more than $26 million last month, almost half of it in small sums."
    )
    assert headline_end(f"{lede}\n\nBody.") == 0
    assert headline_end(title) == 0  # nothing after it: the whole text


def test_exchanges_run_from_a_question_to_the_next_one_when_it_is_answered():
    text = "Intro.\n\nQ: Why?\n\nA: Because.\n\nMore of the answer.\n\nQ: And?\n\nA: Done."
    spans = [text[a:b] for a, b in _exchanges(text)]
    assert spans == ["Q: Why?\n\nA: Because.\n\nMore of the answer.\n\n", "Q: And?\n\nA: Done."]
    assert _exchanges("Q&A with nobody.\n\nA: a plain article.") == []
    assert _exchanges("Q: a question left open.\n\nThe story goes on.") == []


@given(st.text(alphabet="QA: .\n\nab1", max_size=60))
def test_headline_and_exchanges_stay_inside_the_text(text):
    assert 0 <= headline_end(text) <= len(text)
    for a, b in _exchanges(text):
        assert 0 <= a < b <= len(text)
