"""sourcing.unsourced-number, round 3: a warning only for the figures an editor must send back
(an estimate or a forecast, a rough count of thousands, a survey result), a figure stated as
fact at info; more public record (holdings, trading, price moves, populations, tolls, notes to
results tables); a vague amount; a plural name's split possessive. Sentences quoted from the
shared corpora (tuning split), each with its file, cut where marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import Checker, Config
from tests.conftest import assert_quoted

RULE = "sourcing.unsourced-number"


@pytest.fixture(scope="module")
def checker(stated_checker: Checker) -> Checker:
    """Figures stated as fact reported at info (off by default), for the near misses."""
    return stated_checker


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEV, TRAIN = CORPUS / "polnear" / "dev" / "text", CORPUS / "polnear" / "train" / "text"


def _found(checker: Checker, text: str) -> list[tuple[str, str]]:
    return [
        (f.span.text, f.severity.value)
        for f in checker.check_text(text).findings
        if f.rule_id == RULE
    ]


def _levels(checker: Checker, text: str) -> list[str]:
    return [level for _, level in _found(checker, text)]


def test_an_estimate_is_a_warning_and_a_figure_stated_as_fact_is_info(checker):
    path = CORPUS / "reuters" / "reut2-000" / "reuters_1987-03-02_288.txt"
    estimate = "Iraq is estimated to have foreign debt of about 50 billion dlrs."
    assert_quoted(path, estimate)
    assert _levels(checker, estimate) == ["warning"]
    # near miss: the same sum stated as fact is info (the article's reporting, or record)
    assert _levels(checker, estimate.replace("is estimated to have", "has")) == ["info"]


def test_a_survey_share_is_a_warning(checker):
    path = TRAIN / "nyt_2015-12-19_putin-chides-turkey-and-p.txt"
    polls = (
        "Despite the recession, Mr. Putin's popularity remains extraordinarily high, with "
        "support above 80 percent in some polls."
    )
    assert_quoted(next(TRAIN.glob("nyt_2015-12-19_putin-chides-turkey-and-*.txt"), path), polls)
    assert _levels(checker, polls) == ["warning"]
    # near miss: a share of something else, stated as fact
    plain = "Despite the recession, his standing remains extraordinarily high, above 80 percent."
    assert _levels(checker, plain) == ["info"]


def test_a_rough_count_of_thousands_is_an_estimate(checker):
    path = DEV / "huff-post_2016-09-10_trump-s-east-european-achilles-h.txt"
    troops = (
        "Last year Russia carried out a massive snap military maneuver of more than 80,000 troops."
    )
    assert_quoted(path, troops[:-1])
    assert _levels(checker, troops) == ["warning"]
    # near miss: an exact count is a figure stated as fact
    assert _levels(checker, troops.replace("more than 80,000", "80,000")) == ["info"]


def test_the_desk_sets_the_level_of_figures_stated_as_fact(checker):
    # reuters/reut2-000/reuters_1987-03-02_288.txt (cut); such infos were right about one time
    # in five on the review set, so the default leaves them out
    fact = "Iraq has foreign debt of about 50 billion dlrs."
    assert _found(Checker(Config()), fact) == []
    assert _levels(checker, fact) == ["info"]  # a desk that sets `stated-figure = "info"`
    warn = Checker(Config(rule_options={RULE: {"stated-figure": "warning"}}))
    assert _levels(warn, fact) == ["warning"]


@pytest.mark.parametrize(
    ("path", "record", "figure"),
    [
        # trading: a close and its volume
        (
            CORPUS / "reuters" / "reut2-001" / "reuters_1987-03-04_1836.txt",
            "USAir closed up 5-3/8 at 49-1/8 on volume of 1.9 mln shares.",
            "Smith bought 1.9 mln chairs.",
        ),
        # a disclosed holding
        (
            CORPUS / "reuters" / "reut2-001" / "reuters_1987-03-04_1836.txt",
            "Icahn still retains 11 pct of that company's stock.",
            "Icahn still pays 11 pct of that company's bills.",
        ),
        # a population
        (
            DEV / "wash-post_2016-09-18_e-u-leaders-weigh-plans-for-grea.txt",
            "The aim is a continent-wide force to defend the bloc of 500 million citizens.",
            "The aim is a continent-wide force to defend the bloc's 500 million accounts.",
        ),
        # a casualty toll
        (
            TRAIN / "usa-today_2015-12-22_in-brief.txt",
            (
                "Farook and his wife, Tashfeen Malik, died in a shootout with police following the "
                "Dec. 2 attack that left 14 people dead and more than 20 wounded."
            ),
            "Farook spoke following the Dec. 2 meeting that drew more than 2,000 people.",
        ),
    ],
)
def test_public_record_is_left_out(checker, path, record, figure):
    quoted = record.split(",")[0].split(" to defend")[0].replace("The aim is a ", "")
    assert_quoted(path, quoted.replace("Icahn still", "still"))
    assert _found(checker, record) == []
    assert _found(checker, figure) != []


def test_a_price_move_is_market_data(checker):
    path = CORPUS / "reuters" / "reut2-014" / "reuters_1987-04-07_14548.txt"
    move = "slaughter cattle sold steady to up 1.50 dlrs."
    assert_quoted(path, move)
    assert _found(checker, move) == []
    assert _found(checker, "slaughter cattle sold for 1.50 dlrs.") != []


def test_a_note_to_a_results_table_is_the_tables(checker):
    path = CORPUS / "reuters" / "reut2-009" / "reuters_1987-03-25_9237.txt"
    note = "NOTE: 1986 net both periods includes 34.8 mln dlr weritedown of assets of services segment."
    assert_quoted(path, note[:60])
    assert _found(checker, note) == []
    assert _found(checker, note.replace("NOTE: ", "")) != []


def test_a_vague_amount_is_no_figure(checker):
    path = TRAIN / "nyt_2016-05-09_women-build-political-clout-as-b.txt"
    vague = "The change reaches grass-roots supporters sending in a few hundred dollars."
    assert_quoted(path, "grass-roots supporters sending in a few hundred dollars")
    assert _found(checker, vague) == []
    assert _found(checker, vague.replace("a few hundred", "300,000")) != []


def test_a_plural_names_split_possessive_owns_the_figure(checker):
    path = DEV / "breitbart_2016-09-26_green-party-candidate-jill-stein.txt"
    owned = (
        "Stein did not meet the Commission on Presidential Debates’ 15 percent polling "
        "threshold, and boarded a ship."
    )
    assert_quoted(path, "the Commission on Presidential Debates’ 15 percent polling threshold")
    assert _found(checker, owned) == []
    assert _found(checker, owned.replace("the Commission on Presidential Debates’", "a")) != []
