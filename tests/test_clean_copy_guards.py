"""Guards against constraint errors on clean published copy (benchmarks/results/
clean_errors_reuters.tsv, tuning rows judged false): each sentence is quoted from a Reuters-21578
tuning article (../shared/corpus/reuters/) and must raise no constraint error; each near miss
edits one figure or word of such a sentence into copy the relation still catches."""

from __future__ import annotations

import pytest

from checker.models import Verdict
from tests.conftest import ROOT, assert_quoted, constraints_of

REUTERS = ROOT.parent / "shared" / "corpus"
R = "reuters/reut2-0"

# name: (file, one or more sentences quoted from it, joined by a paragraph break)
CLEAN = {
    # range: a bare first bound is in the second's cents
    "cents": (f"{R}11/reuters_1987-03-31_11575.txt", ['Ames said it expects to report earnings of between 72 and 77 cts per share compared with 1.19 dlrs per share in the previous year.']),
    # range: a market report's list of steps and levels, the verb given once
    "step_list": (f"{R}13/reuters_1987-04-07_13331.txt", ['On the industrials board ANZ gained 30 to 5.70, National Australia 20 to 5.50 and Westpac seven to 4.90.']),
    "step_added": (f"{R}13/reuters_1987-04-07_13331.txt", ['Bell Resources added 20 to 5.70 and Peko Wallsend closed 40 up at 7.40 after reaching a high of 7.60.']),
    "step_shed": (f"{R}13/reuters_1987-04-07_13406.txt", ['Jardine Matheson shed 10 cents to 22.40 dlrs, Swire "A" 50 to 21.30 and Hk Bank 10 to 8.30.']),
    # range: a price's trading range, high first
    "price_range": (f"{R}11/reuters_1987-03-30_11080.txt", ['The average price for the three-month bills was 98.554 and prices ranged from 98.559 to 98.549.']),
    # range: negatives
    "minus": (f"{R}01/reuters_1987-03-03_1069.txt", ['The remaining 50 pct of winter wheat crops do not have snow cover, making winterkill possible on each of the next two nights. Lowest temperatures will be minus 10 to 0 degrees F.']),
    "negatives": (f"{R}02/reuters_1987-03-06_2697.txt", ["Dealers pointed to the recent Caisse d'Aide a l'Equipement des Collectivites Locales (CAECL) 8.90 pct two billion franc bond with warrants exchangeable for floating-rate bonds issued over 13 years and 80 days at 97.04 pct with payment date March 9, which was today quoted at -0.90 to -1.10 pct."]),
    # range: a majority, a rate "A to one"
    "majority": (f"{R}01/reuters_1987-03-05_1999.txt", ['Democrats have a 12 to eight majority on the committee, which is made up of 10 Senators and 10 Representatives.']),
    "to_one": (f"{R}05/reuters_1987-03-17_5787.txt", ["The weakness of the local currency, pegged at 7.80 to one U.S. Dollar, and low fuel prices moved further in the company's favour from the assumptions made in the prospectus at the time of the flotation, James Capel (Far East) Ltd said."]),
    # percent-of: a percentage of change after "or"
    "above": (f"{R}06/reuters_1987-03-18_6758.txt", ['In money terms this equalled 3.6 trillion Cruzados, giving per capita GDP of 26,120 Cruzados, or 1.6 pct above the level achieved in 1980 before the recession of 1981-1983, the Institute said in a statement.']),
    "step_share": (f"{R}03/reuters_1987-03-11_3615.txt", ['During the final quarter last year imports rose 2.78 billion dlrs or three pct to 95.7 billion dlrs, while exports rose 1.56 billion dlrs or three pct to 57.33 billion dlrs.']),
    "less_than": (f"{R}01/reuters_1987-03-04_1582.txt", ['Total maize area planted for the 1986/87 harvest was estimated at between 3.58 and 3.78 mln hectares, or two to seven pct less than the 3.85 mln hectares planted in the 1985/86 harvest.']),
    # change: direction words of both senses around the cue
    "raise_reduction": (f"{R}01/reuters_1987-03-04_1838.txt", ['The package also would offer the so-called 0/92 option to producers of 1987-90 crops and raise the annual permissible reduction in loan rates to 10 pct from 5 pct.']),
    "rises_cut": (f"{R}09/reuters_1987-03-25_9292.txt", ['Prime Minister Felipe Gonzalez last night sought support for his call to limit wage rises in an effort to cut inflation to five pct from 8.3 pct last year.']),
    "revised_down": (f"{R}12/reuters_1987-04-03_12838.txt", ["The payroll rose by 164,000 in March, against analysts' expectations of a 225,000 gain, while the Labour Department revised the February increase down to 236,000 from 337,000."]),
    # change: a percentage on another basis than the levels
    "basis": (f"{R}02/reuters_1987-03-05_2082.txt", ['Best Buy Co Inc said its sales for February rose five pct on a comparable-store basis to 20.7 mln dlrs from 10.4 mln dlrs a year ago.']),
    # change: "from A to B" after the new level is the old range
    "old_range": (f"{R}13/reuters_1987-04-07_13462.txt", ["Ghana's premium to the terminal has risen to about 50 stg from 25 to 30 stg a month ago partly in anticipation of buffer stock buying, dealers said."]),
    # change: a period's figure is no level
    "period": (f"{R}08/reuters_1987-03-24_8883.txt", ['The Japanese-based automaker said it sold 11,841 U.S. cars in the March 1 through 20 period, up from 8,817 in the same 1986 period.']),
    # subset: a net result includes items of both signs
    "net_loss": (f"{R}06/reuters_1987-03-17_6072.txt", ["Chi-Chi's posted a third-quarter loss of 10 mln dlrs, including a 20 mln dlr pretax loss from the disposal of 21 company-owned restaurants as part of a restructuring plan, the rating agency noted."]),
    "net_income": (f"{R}11/reuters_1987-03-31_11539.txt", ['For the year ago first quarter, Wilson reported net income of 28,000 dlrs, including a 103,000 dlrs credit, on sales of 15.8 mln dlrs.']),
    # subset: "consists of", "instead of" are no "A of the N"
    "consists": (f"{R}08/reuters_1987-03-24_8990.txt", ['The remaining 10 billion consists of seven billion owed by government agencies and three billion by the private sector.']),
    "instead": (f"{R}06/reuters_1987-03-18_6930.txt", ['Under the amended deal, Lifestyle shareholders will get one Bombay share for each six instead of five Lifestyle shares.']),
    # subset: units of a count of kinds
    "models": (f"{R}03/reuters_1987-03-11_3655.txt", ['It said on hand in dealer inventory and for immediate delivery were 35,000 of the two models.']),
    "components": (f"{R}05/reuters_1987-03-16_5253.txt", ['Of the two components comprising central bank money stock, cash in circulation rose to 111.7 billion marks in February from 110.9 billion in January, the Bundesbank data showed.']),
    # sum: a total of the last item's own noun phrase ("and X totaling") or an earlier level
    # ("from last month's total of") is no sum of what came before
    "own_total": (f"{R}04/reuters_1987-03-12_4162.txt", ['It said gas reserves rose to 8.8 mln cubic feet from 8.3 mln on Dec 31, 1985, as discoveries of nearly 1.3 mln cubic feet were partialy offset by production of 287,391 cubic feet and downward revisions of previous estimates totaling 491,694 cubic feet.']),
    "from_total": (f"{R}08/reuters_1987-03-20_8057.txt", ["The Pacific Stock Exchange said there was a total short interest of 1,413,674 shares of stock exclusively traded on the Exchange as of March 13, an increase of 102,486 shares from last month's restated total of 1,311,188."]),
    # same referent: a part "of the shares" restates no lead figure
    "partitive": (f"{R}04/reuters_1987-03-12_4244.txt", ['CONSUMERS POWER<CMS> TO REDEEM PREFERRED STOCK', 'Consumers Power Co said it will redeem 200,000 shares of its 3.85 dlr preference stock at 27.50 dlrs a share plus accrued dividends of 0.320833 dlrs a share.', 'It said some 100,000 of the shares are being redeemed under mandatory sinking fund provisions.']),
    "partitive_issue": (f"{R}07/reuters_1987-03-19_7480.txt", ['LACANA MINING (LCNAF) TO ISSUE FIVE MLN SHARES', 'The company said it will issue 3,750,000 of the shares through Canadian underwriters Gordon Capital Corp, Loewen Ondaatje McCutcheon and Co Ltd and Merrill Lynch Canada Inc and 1,250,000 shares through Alexanders, Laing and Cruickshank of London, England.']),
    # change: round levels stand for what they round from
    "rounded": (f"{R}00/reuters_1987-03-02_327.txt", ['Rapeseed and meal usage during the season also rose 14 pct to 409,000 tonnes from 360,000, but citruspulp fell 37 pct to 516,000 tonnes from 826,000.']),
    "rounded_level": (f"{R}00/reuters_1987-03-02_327.txt", ['During the whole of the season from July 1985 to June 1986, Dutch soymeal usage fell 12 pct to 1.9 mln tonnes from 2.1 mln the previous season, while sunmeal usage rose 25 pct to 408,000 tonnes from 325,000.']),
    # change: a noun cue that is another verb's subject; levels on two share bases
    "subject_cue": (f"{R}01/reuters_1987-03-04_1681.txt", ['The rise brought year-on-year inflation to 19.77 pct compared with 23.72 pct at end-february 1986 and 21.66 pct for the year ending january 1987.']),
    "split": (f"{R}02/reuters_1987-03-05_2079.txt", ['The company said it expects to increase its semiannual dividend 12.5 pct to six cts per share post-split from eight cts pre-split.']),
    # percent-of: "for" is no "or"
    "for_or": (f"{R}10/reuters_1987-03-30_10753.txt", ['There will be a facility fee of 10 basis points and utilisation fees of five basis points for up to 33 pct, 7.5 basis points for between 34 and 66 pct and 10 basis points for the remainder.']),
    "for_or_grades": (f"{R}14/reuters_1987-04-07_14190.txt", ['Truck-delivered soymeal also held steady, with Danville, Illinois quoted at 8.00 and 24.00 dlrs over for 44 and 48 pct respectively.']),
    # same referent: body figures that add up to the lead's are its breakdown
    "breakdown": (
        f"{R}06/reuters_1987-03-18_6605.txt",
        [
            "ATT <T> TO REDEEM 15.5 MLN PREFERRED SHARES",
            "American Telephone and Telegraph said that, effective May 1, it will spend 775 mln dlrs to redeem 15.5 mln shares of the outstanding 16.7 mln shares in two publicly held preferred stock issues.",
            "The two issues have a stated value of 50 dlrs per share and pay 3.64 dlrs and 3.74 dlrs in annual dividends, respectively, ATT said, adding it will redeem 7.9 mln shares of its 3.64 dlrs pfd stock and 7.6 mln shares of its 3.74 dlrs pfd stock.",
        ],
    ),
    # same referent: the same head with other names or codes is another thing
    "marks": (
        f"{R}10/reuters_1987-03-30_10708.txt",
        [
            "DUTCH MONEY SUPPLY HARDLY CHANGED IN DECEMBER",
            "Dutch seasonally adjusted M2 money supply was hardly changed in December at 169.49 billion guilders compared to 169.56 billion in November, Central Bank data show.",
            "Seasonally adjusted M1 money supply was also hardly changed at 97.21 billion guilders in December, compared to 97.05 billion guilders in November.",
        ],
    ),
    "origins": (
        f"{R}14/reuters_1987-04-07_14678.txt",
        [
            "SIR 20 from Palembang traded for April shipment at 34-1/2 cents a lb and 34-5/8 cents a lb, FOB, sight, brokers said.",
            "SIR 20 from Padang traded for April shipment at 34-5/8 cents a lb, FOB, sight, brokers said.",
        ],
    ),
    # change: a noun cue as subject that holds its levels in its own phrase is still a change
    "subject_holds": (
        f"{R}02/reuters_1987-03-09_2979.txt",
        [
            "He added that the government's cut in its top income tax rate to 53 pct from 56 pct in 1988 would make it difficult for the government to reduce borrowings."
        ],
    ),
}  # fmt: skip

# (name in CLEAN, old, new): the same shape, one edit, and the relation is still checked
NEAR = [
    ("cents", 'between 72 and 77 cts', 'between 82 and 77 cts'),
    ("step_list", 'ANZ gained 30 to 5.70, ', ''),
    ("step_added", 'Bell Resources added 20', 'Bell Resources was seen at 20'),
    ("price_range", 'prices ranged', 'estimates ranged'),
    ("minus", 'minus 10 to 0', '10 to 0'),
    ("negatives", '-0.90 to -1.10 pct', '1.90 to 1.10 pct'),
    ("to_one", "pegged at 7.80 to one U.S. Dollar", "pegged at 7.80 to 7.70 U.S. Dollar"),
    ("above", "or 1.6 pct above the level achieved in 1980 before the recession of 1981-1983", "or 1.6 pct"),
    ("majority", '12 to eight majority', '12 to eight seats'),
    ("step_share", 'imports rose 2.78 billion dlrs or three pct to 95.7', 'imports were 2.78 billion dlrs or 13 pct of the 95.7'),
    ("raise_reduction", 'raise the annual permissible reduction', 'cut the annual permissible reduction'),
    ("revised_down", 'revised the February increase down to', 'revised the February increase to'),
    ("basis", 'from 10.4 mln dlrs', 'from 30.4 mln dlrs'),
    ("old_range", 'has risen to about 50 stg from', 'has fallen from'),
    ("period", 'cars in the March 1 through 20 period, up from 8,817', 'cars, up from 18,817'),
    ("net_loss", 'a third-quarter loss of 10 mln dlrs', 'third-quarter sales of 10 mln dlrs'),
    ("consists", 'consists of seven billion', 'of the seven billion'),
    ("models", '35,000 of the two models', 'three of the two models'),
    ("own_total", 'and downward revisions of previous estimates totaling', 'and downward revisions of previous estimates, for a total of'),
    ("from_total", "shares from last month's restated total of", "shares from last month, for a total of"),
    ("step_shed", 'Jardine Matheson shed 10 cents to 22.40 dlrs, ', ''),
    ("less_than", 'or two to seven pct less than the 3.85', 'or 83 to 88 pct of the 3.85'),
    ("rises_cut", 'wage rises in an effort to cut inflation', 'wage rises in an effort to raise inflation'),
    ("net_income", 'reported net income of 28,000 dlrs', 'reported revenue of 28,000 dlrs'),
    ("instead", 'six instead of five', 'six of the five'),
    ("components", 'Of the two components', 'Of the 100 billion'),
    ("partitive_issue", '3,750,000 of the shares', '4,750,000 shares'),
    ("partitive", 'It said some 100,000 of the shares are being redeemed', 'It said it will redeem some 100,000 shares'),
    ("rounded", 'from 826,000', 'from 846,000'),
    # a round number of one or two significant digits is no level rounded to the thousand
    ("rounded_level", 'rose 25 pct to 408,000 tonnes from 325,000', 'rose 50 pct to 100,000 tonnes from 90,000'),
    ("rounded_level", 'rose 25 pct to 408,000 tonnes from 325,000', 'rose 5 pct to 2,000 tonnes from 1,000'),
    ("rounded_level", 'rose 25 pct to 408,000 tonnes from 325,000', 'rose 5 pct to 2,000,000 tonnes from 1,000,000'),
    ("subject_cue", 'The rise brought year-on-year inflation to', 'Year-on-year inflation rose to'),
    ("split", 'per share post-split from eight cts pre-split', 'per share from eight cts'),
    ("for_or", 'basis points for up to 33 pct', 'basis points, or 33 pct'),
    ("for_or_grades", 'dlrs over for 44', 'dlrs over, or 44'),
    ("breakdown", "and 7.6 mln shares", "and 8.6 mln shares"),
    ("marks", "Seasonally adjusted M1 money supply", "Seasonally adjusted M2 money supply"),
    ("origins", "SIR 20 from Padang traded for April shipment at 34-5/8", "SIR 20 from Palembang traded for April shipment at 44-5/8"),
    ("subject_holds", "to 53 pct from 56 pct", "to 58 pct from 56 pct"),
]  # fmt: skip


def _errors(checker, text: str) -> list[str]:
    return [
        f.message for f in checker.check_text(text).findings if f.rule_id == "numbers.constraint"
    ]


@pytest.mark.parametrize(("name", "sentences"), CLEAN.values(), ids=list(CLEAN))
def test_clean_copy_raises_no_error(checker, name, sentences):
    for sentence in sentences:
        assert_quoted(REUTERS / name, sentence)
    assert _errors(checker, "\n\n".join(sentences)) == []


@pytest.mark.parametrize(("key", "old", "new"), NEAR, ids=[n[0] for n in NEAR])
def test_near_miss_is_still_caught(checker, key, old, new):
    name, sentences = CLEAN[key]
    text = "\n\n".join(sentences)
    assert old in text
    assert _errors(checker, text.replace(old, new, 1)), f"{name}: {new!r} not caught"


def test_a_list_of_sources_is_still_summed(checker):
    """A list whose last part is 'from' a name still adds up to the total after it (only
    'from ... total of', an earlier level, is no sum)."""
    text = "He got 1,200 votes from Smith and 800 votes from Jones, for a total of {} votes."
    assert [k.verdict for k in constraints_of(checker, text.format("2,500"), "sum")] == [
        Verdict.violated
    ]
    assert [k.verdict for k in constraints_of(checker, text.format("2,000"), "sum")] == [
        Verdict.holds
    ]
