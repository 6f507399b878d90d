"""count_price: a count at a unit price against the total they make, on real sentences
(Reuters-21578, ../shared/corpus, file named with each; tuning articles only). Hits hold and
the same sentence with the total or count moved past rounding is an error; near misses (a total
that pays for a list, a total that includes more, a cost at another price, a premium, a dividend
that names the class, a holding beside the shares bought) give no constraint or one that holds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import constraints_of
from tests.test_constraints_counts import _quoted

KIND = "count_price"
RULE = "numbers.constraint"

HITS = [
    ("reuters/reut2-004/reuters_1987-03-12_4572.txt",
     "Northern Telecom issued the 4.4 mln shares in 1984 at 25 dlrs a share for total consideration of 110 mln dlrs.",
     "of 110 mln", "of 130 mln"),
    ("reuters/reut2-014/reuters_1987-04-07_14262.txt",
     "Hinckley is also president and chief executive officer of <Union Central Life Insurance Co>, a mutual insurer that on March 31 acquired 3.6 mln shares of Manhattan National's common stock for 43.2 mln dlrs, or 12 dlrs a share, a spokesman for Manhattan National said.",
     "for 43.2 mln", "for 48.2 mln"),
    ("reuters/reut2-000/reuters_1987-03-02_391.txt",
     "The debentures convert to common stock at 14.168319 dlrs per share, or 70.58 shares per 1,000 dlrs principal amount, through March 31.",
     "70.58 shares", "75.58 shares"),
    ("reuters/reut2-008/reuters_1987-03-23_8332.txt",
     "CANADA DEVELOPMENT IN 61 MLN DLR SHARE ISSUE <Canada Development Corp> said it agreed with investment dealers Wood Gundy Inc and Dominion Securities Inc to sell six mln common shares in Canada for 60,750,000 dlrs at 10.125 dlrs a share.",
     "60,750,000 dlrs", "66,750,000 dlrs"),
    ("reuters/reut2-011/reuters_1987-03-30_11042.txt",
     "OXOCO CONCLUDES PRIVATE SALE OF NEW COMMON Oxoco Inc said it concluded the private placement of 3,906,250 shares of its new common stock at an average purchase price of 1.28 dlrs per share for a cash payment of five mln dlrs.",
     "of five mln", "of seven mln"),
]  # fmt: skip

MISSES = [
    ("reuters/reut2-005/reuters_1987-03-17_5936.txt",
     "The financing includes 30 mln dlrs of convertible subordinated debentures and 2.7 mln common shares at a price of 11 dlrs per share for a total of 59.7 mln dlrs Wood Gundy Inc and Gordon Capital Corp agreed to buy the securities."),
    ("reuters/reut2-003/reuters_1987-03-11_3798.txt",
     "Since 1982, Shell has acquired two billion dlrs in new reserves, including 470 mln barrels of oil equivalent at a net cost of 2.80 dlrs a barrel, he said."),
    ("reuters/reut2-009/reuters_1987-03-25_9436.txt",
     "A drop from the present 150 dlrs per acre for the typical 5,760 acre tract to 25 dlrs per acre would lower the cost of the standard tract lease to 144,000 dlrs."),
    ("reuters/reut2-006/reuters_1987-03-18_6736.txt",
     "REPUBLIC NEW YORK <RNB> CALLS PREFERRED Republic New York Corp said it will redeem on May 1 all 839,700 shares of its Series A floating rate cumulative preferred stock at 51.50 dlrs per share plus accrued dividends, or a 1.50 dlr premium over stated value."),
    ("reuters/reut2-001/reuters_1987-03-04_1578.txt",
     "PAINE WEBBER <PWJ> IN FOUR MLN SHARE OFFERING PaineWebber Inc, The First Boston Corp <FBC> and Salomon Inc <SB> said Paine Webber Group Inc has made a public offering of four mln shares of 1.375 dlrs convertible exchangeable preferred stock, with a liquidation preferance of 25 dlrs per share."),
    ("reuters/reut2-002/reuters_1987-03-05_2526.txt",
     "ENFIELD CORP PLANS NOTES, PREFERRED ISSUE <Enfield Corp Ltd> said it planned to issue 60 mln dlrs principal amount of notes and 1.6 mln class E preferred shares at 25 dlrs a share."),
]  # fmt: skip


# plausible correct copy whose total is not count x price (not corpus sentences)
INVENTED_MISSES = [
    # the exercise price, not what the warrants cost
    "It bought warrants to buy 2 mln shares at 10 dlrs a share for 500,000 dlrs.",
    # proceeds net of fees
    "It sold 4.35 mln shares at 11.50 dlrs a share for proceeds of 47.5 mln dlrs after underwriting fees.",
    "It sold 4.35 mln shares at 11.50 dlrs a share for net proceeds of 47.5 mln dlrs.",
]  # fmt: skip
# reuters/reut2-010/reuters_1987-03-26_10202.txt
HAWKEYE = "Hawkeye Entertainment Inc said it completed its initial public offering at the maximum subscription level of 14 mln shares at 25 cts per share, for proceeds of 3.5 mln dlrs."


def _errors(report) -> list:
    return [f for f in report.findings if f.rule_id == RULE]


@pytest.mark.parametrize(("name", "sentence", "old", "new"), HITS)
def test_count_times_price_fits_its_total(checker, name, sentence, old, new):
    _quoted(name, sentence)
    assert [k.verdict.value for k in constraints_of(checker, sentence, KIND)] == ["holds"]


@pytest.mark.parametrize(("name", "sentence", "old", "new"), HITS)
def test_a_moved_total_or_count_is_an_error(checker, name, sentence, old, new):
    report = checker.check_text(sentence.replace(old, new, 1))
    assert [k.verdict.value for k in report.constraints if k.kind == KIND] == ["violated"]
    (finding,) = _errors(report)
    assert finding.severity.value == "error" and " x " in finding.message


@pytest.mark.parametrize(("name", "sentence"), MISSES)
def test_totals_of_something_else_are_not_compared(checker, name, sentence):
    _quoted(name, sentence)
    report = checker.check_text(sentence)
    assert not [k for k in report.constraints if k.kind == KIND]
    assert not _errors(report)


@pytest.mark.parametrize("sentence", INVENTED_MISSES)
def test_option_shares_and_net_proceeds_are_never_an_error(checker, sentence):
    assert not [f for f in _errors(checker.check_text(sentence)) if f.severity.value == "error"]


def test_option_shares_are_not_the_count_but_shares_bought_are(checker):
    assert not constraints_of(checker, INVENTED_MISSES[0], KIND)
    # near miss: shares bought at a price for a total that is not their product
    bought = "It bought 2 mln shares at 10 dlrs a share for 500,000 dlrs."
    (finding,) = _errors(checker.check_text(bought))
    assert finding.severity.value == "error"


def test_proceeds_are_a_likely_total(checker):
    """Proceeds may be net of fees: a product off the proceeds is a warning, not an error;
    one that fits still holds."""
    _quoted("reuters/reut2-010/reuters_1987-03-26_10202.txt", HAWKEYE)
    assert [k.verdict.value for k in constraints_of(checker, HAWKEYE, KIND)] == ["holds"]
    moved = checker.check_text(HAWKEYE.replace("of 3.5 mln", "of 4.5 mln"))
    assert [k.verdict.value for k in moved.constraints if k.kind == KIND] == ["violated"]
    (finding,) = _errors(moved)
    assert finding.severity.value == "warning"
    (net,) = constraints_of(checker, INVENTED_MISSES[1], KIND)
    assert net.verdict.value == "violated"
    (finding,) = _errors(checker.check_text(INVENTED_MISSES[1]))
    assert finding.severity.value == "warning"


def test_the_part_bought_not_the_holding_is_the_count(checker):
    """'2.6 mln of the 3.06 mln shares held by Trump at 24 dlrs a share, or 62.4 mln dlrs':
    the price is paid for the 2.6 mln; the holding may change without breaking anything."""
    sentence = "Under a February 21 deal, Bally agreed to buy 2.6 mln of the 3.06 mln shares held by Trump at 24 dlrs a share, or 62.4 mln dlrs, while Trump agreed not to try to seek control of Bally."
    _quoted("reuters/reut2-003/reuters_1987-03-09_3161.txt", sentence)
    (found,) = constraints_of(checker, sentence, KIND)
    assert found.verdict.value == "holds" and found.explanation.startswith("2.6 mln")
    assert [
        k.verdict.value for k in constraints_of(checker, sentence.replace("3.06", "4.06"), KIND)
    ] == ["holds"]
    moved = constraints_of(checker, sentence.replace("buy 2.6 mln", "buy 2.9 mln"), KIND)
    assert [k.verdict.value for k in moved] == ["violated"]


def test_a_total_before_issue_of_is_a_likely_relation(checker):
    """'a 154.7 mln dlr issue ... of 4.5 mln class A common shares at 34.375 dlrs a share': the
    issue's size may include other terms, so a broken product is a warning, not an error."""
    sentence = "ROYAL TRUST PLANS 154.7 MLN DLR SHARE ISSUE <Royal Trustco Ltd> said it planned a 154.7 mln dlr issue in Canada in late March of 4.5 mln class A common shares at 34.375 dlrs a share."
    _quoted("reuters/reut2-002/reuters_1987-03-05_2533.txt", sentence)
    assert [k.verdict.value for k in constraints_of(checker, sentence, KIND)] == ["holds"]
    (finding,) = _errors(checker.check_text(sentence.replace("of 4.5 mln", "of 5.5 mln")))
    assert finding.severity.value == "warning" and finding.message.startswith("figures may not")


def test_a_scaled_count_in_words_is_rounded(checker):
    """'six mln' is rounded to the million: 6 mln x 10.125 = 60.75 mln fits 61 mln too; a total
    past half a million either way does not."""
    text = "It agreed to sell six mln common shares for {} dlrs at 10.125 dlrs a share."
    assert constraints_of(checker, text.format("61,000,000"), KIND)[0].verdict.value == "holds"
    assert constraints_of(checker, text.format("67,000,000"), KIND)[0].verdict.value == "violated"


@settings(max_examples=25, deadline=None)
@given(
    st.integers(2, 900), st.integers(2, 90), st.sampled_from([-0.2, -0.05, 0.0, 0.0004, 0.05, 0.2])
)
def test_error_exactly_when_the_product_is_off(checker, count, price, off):
    total = round(count * 1000 * price * (1 + off))
    text = f"It sold {count * 1000:,} shares at {price} dlrs a share, or {total:,} dlrs, it said."
    (found,) = constraints_of(checker, text, KIND)
    assert (found.verdict.value == "violated") == (abs(off) > 0.001)
