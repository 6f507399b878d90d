"""sourcing.unsourced-number: market quotes and a company's results are public record (left out
by default, info for a desk that wants them), while a bare sum in the same words is still a
stated figure. Sentences from the shared corpora, cut short."""

from __future__ import annotations

import pytest

from checker import Checker, Config

RULE = "sourcing.unsourced-number"


@pytest.fixture(scope="module")
def checker(stated_checker: Checker) -> Checker:
    """Figures stated as fact reported at info (off by default), for the near misses."""
    return stated_checker


@pytest.fixture(scope="module")
def desk() -> Checker:
    """A desk that wants public record reported at info (`public-record = "info"`)."""
    return Checker(Config(rule_options={RULE: {"public-record": "info"}})).warm_up()


def _found(checker, text: str) -> list[str]:
    return [f.severity.value for f in checker.check_text(text).findings if f.rule_id == RULE]


@pytest.mark.parametrize(
    ("quote", "bare"),
    [
        # reuters/reut2-013/reuters_1987-04-07_13636.txt: a price for a unit of a commodity
        (
            "Jan/Mar sold to Avonmouth at 111.75 stg per tonne.",
            "Jan/Mar sold to Avonmouth for 111.75 stg.",
        ),
        # reuters/reut2-014/reuters_1987-04-07_14355.txt: the price a market moved to
        (
            "May was up 12.5 cents at 6.705 dlrs as of 1223 hrs EDT.",
            "May was at 6.705 dlrs as of 1223 hrs EDT.",
        ),
        # reuters/reut2-013/reuters_1987-04-07_13636.txt: "futures" read by its own form
        (
            "U.K. Grain futures ended the morning firmer, wheat showing gains of 0.50 to 0.20 stg.",
            "U.K. Grain dealers ended the morning firmer, wheat showing gains of 0.50 to 0.20 stg.",
        ),
        # reuters/reut2-007/reuters_1987-03-19_7066.txt: a company's results
        (
            "Gross profits had been 382.5 mln francs, with 314 mln subtracted for depreciation.",
            "Gross profits had been 382.5 mln francs, with 314 mln set aside.",
        ),
    ],
)
def test_a_market_quote_or_a_companys_results_is_public_record(checker, desk, quote, bare):
    assert _found(checker, quote) == []  # the default leaves public record out
    assert _found(desk, quote) == ["info"]
    # near miss: the same sum without the quote's or the results' words is a stated figure
    assert _found(checker, bare) == ["info"]


def test_a_word_read_by_its_lemma_and_its_form_counts_once(checker):
    # made up from reuters/reut2-013/reuters_1987-04-07_13636.txt: "traded" is a record word as
    # a form and as the lemma "trade", yet one word is not the two a record report needs
    assert _found(checker, "About 40 pct of the staff traded shifts with the night crew.") == [
        "info"
    ]
    assert _found(checker, "About 40 pct of the stock traded on the exchange.") == []


def test_the_published_terms_of_a_loan_are_public_record(checker, desk):
    # reuters/reut2-000/reuters_1987-03-02_288.txt (cut): a credit's maturity and margin
    terms = "The credit has a five-year maturity and a margin of one percentage point over Libor."
    assert _found(checker, terms) == []
    assert _found(desk, terms) == ["info"]
    # near miss: the same margin with no loan's terms around it is a stated figure
    assert _found(checker, "The plan has a margin of one percentage point.") == ["info"]
