"""Parts that point back to their whole ("38 of them", "Of those, 996", "Of the total, 300
billion yen ... The remaining 200 billion yen"), nested wholes and a part stated above its whole,
on sentences quoted from ../shared/corpus/ (file named with each). Hits give the expected
constraint and verdict; near misses give none, or one that holds."""

from __future__ import annotations

import pytest

from checker import Checker
from tests.conftest import CORPUS, assert_quoted

SHARED = CORPUS.parent
TRAIN = "polnear/train/text"

# (file, text, kind, verdict, figures in constraint order)
HITS = [
    (
        "reuters/reut2-006/reuters_1987-03-18_6760.txt",
        "Due mainly to the fall in oil prices to around 12 dlrs from 25 dlrs in the year, 58 wells, both exploratory and production, were suspended, 38 of them in less productive areas than the offshore campeche fields which accounted for 64 pct of production.",
        "subset",
        "holds",
        ("58", "38"),
    ),
    (
        "reuters/reut2-011/reuters_1987-04-01_11840.txt",
        "Around 140 grain handlers stopped work, 125 of them at the two Europoort locations of Graan Elevator Mij (GEM), which handles about 95 pct of grain, oilseeds and derivatives passing through Rotterdam.",
        "subset",
        "holds",
        ("140", "125"),
    ),
    (  # the whole in the sentence before
        f"{TRAIN}/nyt_2016-05-27_clinton-faces-tight-primary-with.txt",
        "The poll was based on a phone survey of 1,704 California adults taken from May 13 through Sunday. Of those, 996 were identified as likely voters.",
        "subset",
        "holds",
        ("1,704", "996"),
    ),
    (
        f"{TRAIN}/politico_2015-12-31_more-than-clinton-emails-now-dee.txt",
        "Subsequent estimates put the figure closer to 54,000 pages. The State Department has deemed about 1,500 of those pages purely personal and says it does not plan to process them for release under the Freedom of Information Act.",
        "subset",
        "holds",
        ("54,000", "1,500"),
    ),
    (
        "reuters/reut2-001/reuters_1987-03-03_1230.txt",
        "The International Monetary Fund said it approved 125.9 mln SDR's to assist development in Jamaica. Of this total, 85 mln SDR's can be drawn over the next 15 months under a standby arrangement in support of the government's economic and financial program.",
        "subset",
        "holds",
        ("125.9 mln", "85 mln"),
    ),
    (  # money, with words between the cue and the part
        "polnear/dev/text/huff-post_2016-09-20_elizabeth-warren-hammers-wells-f.txt",
        "Earlier this month, Wells Fargo was fined $185 million, including a record $100 million penalty imposed by the Consumer Financial Protection Bureau, for scamming its customers.",
        "subset",
        "holds",
        ("$185 million", "$100 million"),
    ),
    (  # a remainder two sentences after its whole
        "reuters/reut2-001/reuters_1987-03-05_1921.txt",
        "The Bank of Japan will sell tomorrow 500 billion yen of financing bills it holds to help absorb a projected money market surplus, money market traders said. Of the total, 300 billion yen will yield 3.9989 pct on the sales from money houses to banks and securities houses in 27-day repurchase agreement, due April 2. The remaining 200 billion yen will yield 3.9994 pct in a 39-day repurchase pact maturing on April 14, they said.",
        "sum",
        "holds",
        ("500 billion yen", "300 billion yen", "200 billion yen"),
    ),
]

# (file, text, edit applied to it, kind, verdict, figures): the one-figure edit breaks it
BROKEN = [
    (
        "reuters/reut2-001/reuters_1987-03-05_1921.txt",
        HITS[6][1],
        ("The remaining 200 billion", "The remaining 300 billion"),
        "sum",
        "violated",
        ("500 billion yen", "300 billion yen", "300 billion yen"),
    ),
    (
        "reuters/reut2-011/reuters_1987-04-01_11840.txt",
        HITS[1][1],
        ("125 of them", "145 of them"),
        "subset",
        "violated",
        ("140", "145"),
    ),
    (  # nested: the superdelegates are among the 58 won, not merely among the 98
        f"{TRAIN}/wash-post_2016-03-24_stop-trumpers-here-are-some-reas.txt",
        "Arizona was winner-take-all, meaning Trump gets 58 of the 98 delegates that were available Tuesday.",
        ("98 delegates that", "98 delegates, including 70"),
        "subset",
        "violated",
        ("58", "70"),
    ),
    (  # a hedge does not make a part larger than its whole
        f"{TRAIN}/nyt_2016-09-03_professor-nega-s-war-why-an-ethi.txt",
        "Nega's Coalition for Unity and Democracy won 137 of the 138 seats on the City Council in Addis Ababa.",
        ("won 137 of", "won about 140 of"),
        "subset",
        "violated",
        ("138", "140"),
    ),
]

# (file, text, kind): no constraint of this kind between the pointer's figures
MISSES = [
    (  # a superlative after the N ranks kinds: the cars are units of the two models
        "reuters/reut2-003/reuters_1987-03-11_3655.txt",
        "General Motors Corp said almost 125,000 of Chevrolet's two newest cars - the four-door Corsica sedan and two-door Beretta Sport Coupe - have been ordered by dealers in advance of their official introduction Thursday.",
        "subset",
    ),
    (  # a remainder after a whole that no part points back to: another whole's rest
        "reuters/reut2-008/reuters_1987-03-24_8901.txt",
        "Of the 13 billion dlr frozen debt, 3.5 billion dlrs was owed by the public sector and 9.5 billion dlrs by private industry, du Plessis said. The remaining 10 billion dlrs consisted of seven billion dlrs owed by government agencies and three billion dlrs by the private sector.",
        "sum",
    ),
    (  # money's bare "of" before a rate is no whole and part (a slip for "or")
        "reuters/reut2-008/reuters_1987-03-23_8547.txt",
        "Earlier, it reported net income for the two-month period of 23.1 mln dlrs of 1.51 dlr a share.",
        "subset",
    ),
    (  # "pensioners and housewives" stand between: "them" may mean them
        "reuters/reut2-008/reuters_1987-03-21_8068.txt",
        "Toyota Shoji's business group collected an estimated 200 billion yen from about 30,000 clients, many of them pensioners and housewives, before the firm went bankrupt in July, 1985, according to lawyers. Of them, some 18,000 clients claimed they could get back neither gold or money, suffering an aggregate loss of 150 billion yen, local press reports said.",
        "subset",
    ),
    (  # the nearest figure is a level of a change, which belongs to its year
        "reuters/reut2-009/reuters_1987-03-26_9726.txt",
        "Exports in 1987/88 are forecast to jump to 335,000 from 271,000 a year earlier, while domestic sales will rise to around 45,000 from 32,000, he told Reuters. Of these, exports to the U.S. Will rise to 150,000 from 120,000 a year earlier.",
        "subset",
    ),
]


def _constraints(checker: Checker, text: str, kind: str) -> list[tuple[str, tuple[str, ...]]]:
    report = checker.check_text(text)
    spans = {q.id: q.span.text for q in report.quantities}
    return [
        (k.verdict.value, tuple(spans[i] for i in k.quantities))
        for k in report.constraints
        if k.kind == kind
    ]


@pytest.mark.parametrize(("file", "text", "kind", "verdict", "figures"), HITS)
def test_hits(
    checker: Checker, file: str, text: str, kind: str, verdict: str, figures: tuple[str, ...]
) -> None:
    assert_quoted(SHARED / file, text)
    assert (verdict, figures) in _constraints(checker, text, kind)


@pytest.mark.parametrize(("file", "text", "edit", "kind", "verdict", "figures"), BROKEN)
def test_broken(
    checker: Checker,
    file: str,
    text: str,
    edit: tuple[str, str],
    kind: str,
    verdict: str,
    figures: tuple[str, ...],
) -> None:
    assert_quoted(SHARED / file, text)
    found = _constraints(checker, text.replace(*edit), kind)
    assert (verdict, figures) in found
    assert all(v != "violated" for v, _ in _constraints(checker, text, kind))


@pytest.mark.parametrize(("file", "text", "kind"), MISSES)
def test_misses(checker: Checker, file: str, text: str, kind: str) -> None:
    assert_quoted(SHARED / file, text)
    found = _constraints(checker, text, kind)
    assert not [
        f for _, f in found if {"18,000", "150,000", "1.51 dlr", "10 billion dlrs", "two"} & set(f)
    ]


def test_hedge_explained(checker: Checker) -> None:
    """The error says why a part that fits by its hedge is still suspect."""
    text = HITS[1][1].replace("125 of them", "about 145 of them")
    report = checker.check_text(text)
    messages = [f.message for f in report.findings if f.rule_id == "numbers.constraint"]
    assert any("a part cannot exceed its whole" in m for m in messages)
