"""Change cues on real wire sentences (Reuters-21578, files under ../shared/corpus/reuters/,
tuning articles of benchmarks/relations only): a level "to B ... from A" with words between,
"B, up from A", a step attached ("rose 14 pct to B from A"), and the direction checked on the
figures as stated when one has a decimal. Near misses: two levels of different measures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, assert_quoted

REUTERS = ROOT.parent / "shared" / "corpus"

# (file, sentence, [(verdict, figures in constraint order)])
HITS = [
    (
        "reuters/reut2-003/reuters_1987-03-09_3211.txt",
        "Production of lead decreased to 33,619 short tons in February from 38,759 short tons in January.",
        [("holds", ("38,759", "33,619"))],
    ),
    (
        "reuters/reut2-004/reuters_1987-03-12_4081.txt",
        "Profit on ordinary activities after tax was 66.2 mln stg, up from the previous year's 60.7 mln.",
        [("holds", ("60.7 mln", "66.2 mln stg"))],
    ),
    (
        "reuters/reut2-005/reuters_1987-03-16_5214.txt",
        "Last year, Irish yields were the lowest for 10 years due to late sowings and the state-run Irish Sugar Plc said the 1987 plantings target is the equivalent of 36,400 hectares, down from 37,600 in 1986.",
        [("holds", ("37,600", "36,400"))],
    ),
    (
        "reuters/reut2-003/reuters_1987-03-09_3156.txt",
        "Highland Superstores Inc said its February sales rose 14 pct to 46.5 mln dlrs from 40.9 mln dlrs a year ago.",
        [("holds", ("40.9 mln dlrs", "46.5 mln dlrs", "14 pct"))],
    ),
    (
        "reuters/reut2-002/reuters_1987-03-05_2179.txt",
        "Available seat miles more than doubled in February to 4.55 billion from 2.25 billion and increased 73 pct in the two months to 8.17 billion from 4.72 billion.",
        [
            ("holds", ("2.25 billion", "4.55 billion")),
            ("holds", ("4.72 billion", "8.17 billion", "73 pct")),
        ],
    ),
    (  # "2.0 mln tonnes" is read as two million tonnes now: a rise from 1,375,000
        "reuters/reut2-002/reuters_1987-03-05_2535.txt",
        "Argentine wheat exports to Brazil will increase from 1,375,000 tonnes in 1987 to 2.0 mln tonnes in 1991, the accord said.",
        [("holds", ("1,375,000", "2.0 mln"))],
    ),
    (  # "1.19 mln" is 1.19 million tonnes, above 892,700: a fall of one measure
        "reuters/reut2-001/reuters_1987-03-05_1970.txt",
        "Combined wheat and barley futures trade declined to 892,700 tonnes from 1.19 mln in January.",
        [("holds", ("1.19 mln", "892,700"))],
    ),
    (  # the second pair's "from Thailand to" does not tie its level to the first pair's
        "reuters/reut2-008/reuters_1987-03-24_8683.txt",
        "Of the imports in the January/November period, those from Cuba were up to 3.81 mln tonnes from 3.65 mln and from Thailand to 292,808 tonnes from 22,800.",
        [("holds", ("3.65 mln", "3.81 mln"))],
    ),
    (  # "from A to B" joining the two levels is a change, not a range end
        "reuters/reut2-005/reuters_1987-03-17_5887.txt",
        "Fish meal production outside South America decreased slightly, falling from 114,400 to 111,100 tonnes.",
        [("holds", ("114,400", "111,100"))],
    ),
    (  # a hedged old level: "from some 95,000"
        "reuters/reut2-005/reuters_1987-03-16_5214.txt",
        "Hungary is expanding its beet area to 105,000 ha from some 95,000 in 1986, the official MTI news agency said, but diplomats said policy is to balance supply with domestic demand.",
        [("holds", ("95,000", "105,000"))],
    ),
    (  # a bare old level against a percentage one: "to 13 pct from 14"
        "reuters/reut2-006/reuters_1987-03-17_6081.txt",
        "They said a document drawn up by Commission officials proposes a reduction in the maximum humidity level to 13 pct from 14, an increase in the minimum weight to 78 kilos per hectolitre from 76, a tightening of other technical standards and introduction of some new ones.",
        [("holds", ("14", "13 pct")), ("holds", ("76", "78"))],
    ),
    (  # "to the equivalent of B"
        "reuters/reut2-005/reuters_1987-03-16_5767.txt",
        "Australia's official reserve assets fell to the equivalent of 8.50 billion U.S. Dlrs in February, from 9.15 billion in January, compared with 9.06 billion a year earlier, the Reserve Bank said.",
        [("holds", ("9.15 billion", "8.50 billion U.S. Dlrs"))],
    ),
]

MISSES = [
    (  # the bare "30.9 billion" is in crowns, not in the dollars it is set against
        "reuters/reut2-007/reuters_1987-03-19_7427.txt",
        "At yearend 1986, Asea's order backlog stood at 32.7 billion crowns, or 4.8 billion dlrs, up from 30.9 billion, or 4.5 billion dlrs, at the end of 1985.",
    ),
]

# (file, sentence, old, new, words the error must contain)
BROKEN = [
    (
        "reuters/reut2-003/reuters_1987-03-09_3211.txt",
        "Production of lead decreased to 33,619 short tons in February from 38,759 short tons in January.",
        "38,759",
        "28,759",
        "stated decreased ✗",
    ),
    (
        "reuters/reut2-003/reuters_1987-03-09_3156.txt",
        "Highland Superstores Inc said its February sales rose 14 pct to 46.5 mln dlrs from 40.9 mln dlrs a year ago.",
        "14 pct",
        "24 pct",
        "stated 24 pct (23.5-24.5) ✗",
    ),
    (
        "reuters/reut2-002/reuters_1987-03-05_2179.txt",
        "The load factor, or percentage of seats filled, fell to 59.4 pct from 60.6 pct in the two months.",
        "59.4",
        "61",
        "60.6 pct (60.55-60.65) → 61 pct (60.5-61.5) (+0.7%), stated fell",
    ),
    (
        "reuters/reut2-006/reuters_1987-03-17_6081.txt",
        "They said a document drawn up by Commission officials proposes a reduction in the maximum humidity level to 13 pct from 14, an increase in the minimum weight to 78 kilos per hectolitre from 76, a tightening of other technical standards and introduction of some new ones.",
        "13 pct from 14",
        "15 pct from 14",
        "stated reduction",
    ),
    (
        "reuters/reut2-005/reuters_1987-03-17_5887.txt",
        "Fish meal production outside South America decreased slightly, falling from 114,400 to 111,100 tonnes.",
        "114,400",
        "104,400",
        "stated falling",
    ),
]


def _quoted(name: str, sentence: str) -> None:
    assert_quoted(REUTERS / name, sentence)


def _changes(report):
    qs = {q.id: q.span.text for q in report.quantities}
    return [
        (k.verdict.value, tuple(qs[i] for i in k.quantities))
        for k in report.constraints
        if k.kind == "change"
    ]


@pytest.mark.parametrize(("name", "sentence", "expected"), HITS)
def test_change_hits(checker, name, sentence, expected):
    _quoted(name, sentence)
    report = checker.check_text(sentence)
    assert _changes(report) == expected
    assert not [f for f in report.findings if f.rule_id == "numbers.constraint"]


@pytest.mark.parametrize(("name", "sentence"), MISSES)
def test_change_near_misses(checker, name, sentence):
    _quoted(name, sentence)
    assert _changes(checker.check_text(sentence)) == []


@pytest.mark.parametrize(("name", "sentence", "old", "new", "words"), BROKEN)
def test_change_broken(checker, name, sentence, old, new, words):
    _quoted(name, sentence)
    errors = [
        f
        for f in checker.check_text(sentence.replace(old, new, 1)).findings
        if f.rule_id == "numbers.constraint"
    ]
    assert len(errors) == 1 and words in errors[0].message, [f.message for f in errors]


@settings(max_examples=25, deadline=None)
@given(
    old=st.integers(min_value=2, max_value=9_999),
    new=st.integers(min_value=2, max_value=9_999),
)
def test_direction_decides(checker, old, new):
    """'fell to B from A' is an error exactly when B is not below A (whole numbers: exact)."""
    report = checker.check_text(f"Output fell to {new:,} tonnes from {old:,} tonnes in May.")
    (verdict, _), *_ = _changes(report)
    assert (verdict == "violated") == (new >= old)


def test_rounding_does_not_rescue_a_direction(checker):
    """ "6 percent" spans 5.5-6.5, so only its rounding lets it be a rise from 6.2 percent: an
    error that says why; the same words with a true rise hold."""
    wrong = checker.check_text(
        "The jobless rate rose from 6.2 percent in May to 6 percent in June."
    )
    (error,) = [f for f in wrong.findings if f.rule_id == "numbers.constraint"]
    assert "only rounding could say rose" in error.message
    right = checker.check_text(
        "The jobless rate rose from 6.2 percent in May to 7 percent in June."
    )
    assert _changes(right) == [("holds", ("6.2 percent", "7 percent"))]


def test_a_part_counted_in_other_units_is_no_subset(checker):
    """The lines are in the exchanges, not some of them; "50 people, including 20 children"
    names some of a group (see test_constraint_cues)."""
    name = "reuters/reut2-003/reuters_1987-03-09_3021.txt"
    sentence = (
        "Plessey said the contract was one of the largest awarded by Telecom Colombia for the "
        "past 10 years and involved supplying 13 telephone exchanges including 68,000 lines."
    )
    _quoted(name, sentence)
    assert [k for k in checker.check_text(sentence).constraints if k.kind == "subset"] == []
    same_noun = sentence.replace("68,000 lines", "8 digital exchanges")
    kept = checker.check_text(same_noun).constraints
    assert [k.kind for k in kept if k.kind == "subset"] == ["subset"]


HEADLINE = (  # polnear/train/text/usa-today_2016-04-28_sanders-lays-off-more-than-campa.txt
    "Sanders lays off more than 200 campaign staffers; \n\n"
    "But he laid off more than 200 staffers and began talking about what will happen."
)


def _restated(report):
    return [k for k in report.constraints if k.kind == "same_referent"]


def test_a_headline_figure_is_tied_to_its_restatement(checker):
    """Same noun, same verb, no other subject: one quantity, whatever the figures say."""
    _quoted(
        "polnear/train/text/usa-today_2016-04-28_sanders-lays-off-more-than-campa.txt",
        HEADLINE.split("\n")[0],
    )
    (link,) = _restated(checker.check_text(HEADLINE))
    assert link.verdict.value != "violated"
    broken = checker.check_text(
        HEADLINE.replace("he laid off more than 200", "he laid off fewer than 100")
    )
    assert [k.verdict.value for k in _restated(broken)] == ["violated"]


def test_another_one_of_a_kind_is_no_restatement(checker):
    """reuters/reut2-005/reuters_1987-03-16_5509.txt: 'a second seat' is not the headline's."""
    name = "reuters/reut2-005/reuters_1987-03-16_5509.txt"
    text = (REUTERS / name).read_text(encoding="utf-8") if (REUTERS / name).exists() else None
    if text is None:
        pytest.skip("corpus not beside the repository")
    assert _restated(checker.check_text(text)) == []
    first = text.replace("It also said a second seat", "It also said the seat")
    assert _restated(checker.check_text(first)) != []


RANGES = [  # (file, sentence, bounds, a low bound above the high one)
    (
        "reuters/reut2-000/reuters_1987-02-26_1.txt",
        "Bean shippers were reluctant to offer nearby shipment and only limited sales were booked for March shipment at 1,750 to 1,780 dlrs per tonne to ports to be named.",
        ("1,750", "1,780 dlrs"),
        "1,950",
    ),
    (
        "reuters/reut2-000/reuters_1987-02-26_1.txt",
        "Comissaria Smith said spot bean prices rose to 340 to 350 cruzados per arroba of 15 kilos.",
        ("340", "350"),
        "390",
    ),
]


@pytest.mark.parametrize(("name", "sentence", "bounds", "wrong"), RANGES)
def test_a_to_b_is_a_range(checker, name, sentence, bounds, wrong):
    _quoted(name, sentence)
    report = checker.check_text(sentence)
    qs = {q.id: q.span.text for q in report.quantities}
    got = [tuple(qs[i] for i in k.quantities) for k in report.constraints if k.kind == "range"]
    assert got == [bounds]
    broken = checker.check_text(sentence.replace(f"{bounds[0]} to", f"{wrong} to", 1))
    assert [f for f in broken.findings if f.rule_id == "numbers.constraint"]


def test_a_score_or_a_change_is_no_range(checker):
    """'voted 7 to 2' is a score; 'went from 40 to 30' may be a change; a poll's two shares
    (polnear/train/text/politico_2016-08-11_pence-blames-media-for-trump-s-o.txt): no range."""
    poll = (
        "A poll from Marquette Law School released Wednesday found Clinton leading Trump by 15 "
        "points among likely voters in Wisconsin, 52 percent to 37 percent."
    )
    step = (  # reuters/reut2-005/reuters_1987-03-16_5767.txt: a step and the level it led to
        "In Australian dollar terms, reserves fell by 1.24 billion dlrs to 12.60 billion after "
        "falling 1.71 billion to 13.85 billion in January"
    )
    _quoted("reuters/reut2-005/reuters_1987-03-16_5767.txt", step)
    market = (  # reuters/reut2-014/reuters_1987-04-07_14051.txt: moves across contracts
        "Pork belly (bacon) futures ran up for gains of 0.55 to 0.30 cent at the start and then "
        "eased to trade 0.15 cent lower to 0.15 higher in early dealings."
    )
    _quoted("reuters/reut2-014/reuters_1987-04-07_14051.txt", market)
    for sentence in (
        market,
        "The board voted 7 to 2 for the plan.",
        "Output went from 40 to 30 tonnes.",
        poll,
        step,
    ):
        assert [k for k in checker.check_text(sentence).constraints if k.kind == "range"] == []


def test_clean_wire_shapes_give_no_constraint_error(checker):
    """Clean wire copy (tuning files) that figures read with their units used to break: a
    stake's two share counts, each with its own percentage of an unstated total, are not one
    the other's whole; chart levels are given nearest the price first; two markets' moves
    in one report are not one figure restated."""
    stake = (  # reuters/reut2-006/reuters_1987-03-18_6856.txt
        "Brinkman and members of his family said they cut their stake in Cenergy Corp to 3,647 "
        "shares, or 0.4 pct of the total outstanding, from 912,147 shares, or 9.4 pct."
    )
    support = (  # reuters/reut2-002/reuters_1987-03-06_2925.txt
        "Despite what could be a negative chart outlook, Leiner remains cautiously optimistic, "
        "and June bonds should find support between 100 and 99-16/32 next week."
    )
    moves = [  # reuters/reut2-013/reuters_1987-04-07_13636.txt: headline, lead, body
        "LONDON GRAINS SEE FURTHER NEARBY WHEAT GAINS",
        (
            "Old crop supply uncertainties continued to influence nearby wheat prices, "
            "particularly in the Liverpool area where the market traded one stg per tonne "
            "higher this morning."
        ),
        "The export market for British wheat traded about 0.50 stg higher.",
    ]
    _quoted("reuters/reut2-006/reuters_1987-03-18_6856.txt", stake)
    _quoted("reuters/reut2-002/reuters_1987-03-06_2925.txt", support)
    for line in moves:
        _quoted("reuters/reut2-013/reuters_1987-04-07_13636.txt", line)
    kinds = {"percent_of": stake, "range": support, "same_referent": "\n\n".join(moves)}
    for kind, text in kinds.items():
        report = checker.check_text(text)
        assert [k for k in report.constraints if k.kind == kind] == [], kind
        assert not [f for f in report.findings if f.rule_id == "numbers.constraint"], kind


def test_a_share_of_a_stated_whole_still_holds(checker):
    """The near miss's guard keeps a part with its share of a whole the sentence states."""
    text = "Of the 2,000 workers, 300 workers, or 15 pct, were laid off."
    (rel,) = [k for k in checker.check_text(text).constraints if k.kind == "percent_of"]
    assert rel.verdict.value == "holds"
    broken = checker.check_text(text.replace("15 pct", "25 pct"))
    assert [k.verdict.value for k in broken.constraints if k.kind == "percent_of"] == ["violated"]


def test_a_bare_level_with_an_inherited_noun_takes_its_pairs_money(checker):
    """reuters/reut2-004/reuters_1987-03-12_4081.txt: "37.2 mln" inherits "weeks" from the
    lead's "53 weeks", a guess; its scale says it is the money of "34.7 mln stg"."""
    name = "reuters/reut2-004/reuters_1987-03-12_4081.txt"
    lead = (
        "Rowntree Mackintosh Plc <RWNT.L> announced it made a pretax profit of 84 mln stg in the 53 "
        "weeks ending January 3, 1987, compared with 79.3 mln stg in the previous year."
    )
    body = "Profit from its second largest geographical area, North America, slipped to 34.7 mln stg from 37.2 mln."
    _quoted(name, lead)
    _quoted(name, body)
    report = checker.check_text(f"{lead} {body}")
    assert ("holds", ("37.2 mln", "34.7 mln stg")) in _changes(report)
    broken = checker.check_text(f"{lead} {body}".replace("37.2 mln", "32.2 mln"))
    assert ("violated", ("32.2 mln", "34.7 mln stg")) in _changes(broken)


def test_a_price_per_share_is_no_level_of_a_sum(checker):
    """reuters/reut2-001/reuters_1987-03-04_1732.txt: "71 cts a share, up from 4.4 mln dlrs"
    sets a price per share against a sum; the 1987 tuning label "14.20 dlrs per share, down from
    16.68 dlrs" (reut2-004 4143), two levels of one magnitude, still forms."""
    sentence = (
        "It also reported fourth quarter net of 7.3 mln dlrs, or 71 cts a share, up from 4.4 mln "
        "dlrs, or 43 cts a share, in the previous year's fourth quarter."
    )
    _quoted("reuters/reut2-001/reuters_1987-03-04_1732.txt", sentence)
    report = checker.check_text(sentence)
    assert ("violated", ("4.4 mln dlrs", "71 cts")) not in _changes(report)
    assert not [f for f in report.findings if f.rule_id == "numbers.constraint"]
    equity = (
        "Southwest said the Houston properties made up about 10 pct of its current value equity "
        "as of December 31 of 14.20 dlrs per share, down from 16.68 dlrs a year before."
    )
    _quoted("reuters/reut2-004/reuters_1987-03-12_4143.txt", equity)
    assert _changes(checker.check_text(equity)) == [("holds", ("16.68 dlrs", "14.20 dlrs"))]


def test_a_range_end_is_no_restated_figure(checker):
    """reuters/reut2-009/reuters_1987-03-26_9806.txt: the headline's price and the earlier
    expected range "22 to 26 dlrs per share" are not one figure restated."""
    name = "reuters/reut2-009/reuters_1987-03-26_9806.txt"
    lines = [
        "CONRAIL INITIAL OFFER PRICED AT 28 DLRS SHARE",
        (
            "Lead underwriter <Goldman, Sachs and Co> said an initial public offering of "
            "58,750,000 shares of <Consolidated Rail Corp> common stock has been priced at 28.00 "
            "dlrs per share."
        ),
        (
            "Initially, underwriters had said in proxy materials that the shares were expected "
            "to be priced at 22 to 26 dlrs per share."
        ),
    ]
    for line in lines:
        _quoted(name, line)
    report = checker.check_text("\n\n".join(lines))
    assert not [f for f in report.findings if f.rule_id == "numbers.constraint"]
