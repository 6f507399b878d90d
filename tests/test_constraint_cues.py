"""Each cue on real sentences from ../shared/corpus/polnear/train/text/ (file named with each):
hits give exactly the expected constraints and verdicts; near misses give none.

Unrelated numbers in one sentence or paragraph are never summed: the near misses include
sentences with several counts of different things next to a cue word.
"""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS, assert_quoted

TRAIN = CORPUS / "train" / "text"

# (file, sentence, [(kind, verdict, figures in constraint order)])
HITS = [
    (
        "wash-post_2016-04-10_why-new-york-is-pivotal-for-clin.txt",
        "The current Associated Press count gives her 1,280 pledged delegates and 469 super delegates for a total of 1,749.",
        [("sum", "holds", ("1,749", "1,280", "469"))],
    ),
    (
        "wash-post_2016-01-13_democratic-tensions-escalate-ove.txt",
        "Of the 121 people detained in the New Year's weekend enforcement actions, 77 have been deported, according to an ICE spokeswoman.",
        [("subset", "holds", ("121", "77"))],
    ),
    (
        "breitbart_2016-02-18_ap-gfk-poll-voters-increasingly-.txt",
        "The AP-GfK Poll of 1,033 adults, including 389 Democratic or Democratic-leaning registered voters, was conducted online Feb. 11-15, using a sample drawn from GfK’s probability-based KnowledgePanel, which is designed to be representative of the U.S. population.",
        [("subset", "holds", ("1,033", "389"))],
    ),
    (
        "politico_2016-03-24_polls-suggest-kasich-has-best-ch.txt",
        "Monmouth conducted its poll March 17-20 via landlines and cellphones, surveying 1,008 adults nationwide, including 848 registered voters.",
        [("subset", "holds", ("1,008", "848"))],
    ),
    (
        "wash-post_2016-04-10_why-new-york-is-pivotal-for-clin.txt",
        "AP says Sanders has 1,061, including 38 super delegates.",
        [("subset", "holds", ("1,061", "38"))],
    ),
    (
        "huff-post_2016-06-16_obama-families-of-gun-violence-v.txt",
        "Twenty-three of the 53 wounded remained hospitalized, six in critical condition, according to Orlando Regional Medical Center.",
        [("subset", "holds", ("53", "Twenty-three"))],
    ),
    (
        "nyt_2016-09-03_professor-nega-s-war-why-an-ethi.txt",
        "Nega's Coalition for Unity and Democracy won 137 of the 138 seats on the City Council in Addis Ababa.",
        [("subset", "holds", ("138", "137"))],
    ),
    (
        "wash-post_2015-11-10_opposition-appears-to-win-landsl.txt",
        "The NLD won 49 out of the 54 seats for the lower house of parliament for which the election commission had final results.",
        [("subset", "holds", ("54", "49"))],
    ),
    (
        "wash-post_2016-03-24_stop-trumpers-here-are-some-reas.txt",
        "Arizona was winner-take-all, meaning Trump gets 58 of the 98 delegates that were available Tuesday.",
        [("subset", "holds", ("98", "58"))],
    ),
    (
        "politico_2016-05-19_exclusive-in-memo-to-congress-sa.txt",
        "Although 15 of the 19 hijackers were Saudis, the government in Riyadh has vigorously denied any role in the Sept. 11, 2001, attacks, and the U.S. has never formally accused its important, oil-rich ally of complicity.",
        [("subset", "holds", ("19", "15"))],
    ),
    (
        "breitbart_2016-03-01_the-latest-sanders-wins-minnesot.txt",
        "Clinton is now assured of winning at least 334 of the 865 delegates at stake on Super Tuesday.",
        [("subset", "undetermined", ("865", "334"))],
    ),
    (
        "west-journal_2016-06-06_breaking-latest-primary-has-big-.txt",
        "According to the Associated Press, 571 of the 714 Democratic superdelegates — a group made up of influential party leaders — supported Clinton, with less than 100 still uncommitted.",
        [("subset", "holds", ("714", "571"))],
    ),
    (
        "wash-post_2016-09-04_clinton-s-standing-among-latinos.txt",
        "The survey, conducted for the immigration advocacy group America's Voice, also found that support for Trump rose from 11 percent in April to 19 percent in August.",
        [("change", "holds", ("11 percent", "19 percent"))],
    ),
    (
        "west-journal_2016-05-17_trump-files-largest-financial-st.txt",
        "Trump’s new PFD form stated that his revenue increased from $362 million in 2014 to $557 million in 2015, an increase of almost $200 million.",
        [("change", "holds", ("$362 million", "$557 million", "$200 million"))],
    ),
    (
        "west-journal_2016-08-01_clinton-s-poll-numbers-jump-post.txt",
        "Trump, on the other hand, rose from 40 percent on July 14 to 42 percent following the GOP convention before slipping back to 39 percent in Monday’s poll.",
        [("change", "holds", ("40 percent", "42 percent"))],
    ),
    (
        "breitbart_2016-05-18_trump-s-investments-include-comp.txt",
        "Trump owns between $15,000 and $50,000 in Disney stock.",
        [("range", "holds", ("$15,000", "$50,000"))],
    ),
    (
        "nyt_2015-11-25_golf-courses-forced-to-reach-int.txt",
        "Between 130 and 160 courses are closing every 12 months, a trend that the foundation predicts will continue ''for the next few years.''",
        [("range", "holds", ("130", "160"))],
    ),
    (
        "west-journal_2016-08-25_trump-stands-tall-on-proposal-fo.txt",
        "His cost estimates have been between $8 billion and $12 billion, but he has said from the start that he will ensure that Mexico pays for the wall.",
        [("range", "holds", ("$8 billion", "$12 billion"))],
    ),
    (
        "west-journal_2016-04-02_revealed-more-than-delegates-are.txt",
        "If Cruz wins Wisconsin’s contest Tuesday, media outlets estimate Trump needs to win between 57 and 60 percent of the remaining delegates to have a first-ballot victory, a far higher figure than his efforts to date.",
        [("range", "holds", ("57", "60 percent"))],
    ),
    (
        "politico_2016-07-11_gay-republicans-push-for-pro-lgb.txt",
        "Hoover estimated that there are “somewhere between 23 and 28 people who are absolutely opposed to any affirmative mention of LGBT people on the committee.”",
        [("range", "holds", ("23", "28"))],
    ),
]

HITS += [
    (
        "nyt_2016-07-30_oil-prices-keep-market-gains-in-.txt",
        "The Dow Jones industrial average closed down 24.11 points, or 0.1 percent, to close at 18,432.24.",
        [("change", "holds", ("24.11", "0.1 percent", "18,432.24"))],
    ),
    (
        "nyt_2016-07-30_oil-prices-keep-market-gains-in-.txt",
        "The Standard & Poor's 500-stock index rose 3.54 points, or 0.2 percent, to 2,173.60.",
        [("change", "holds", ("3.54", "0.2 percent", "2,173.60"))],
    ),
    (
        "nyt_2016-02-22_the-party-of-bush-yields-warily-.txt",
        "In a presidential campaign during which ''super PACs'' spent $215 million, just $9.2 million, or about 4 percent, was dedicated to attacking Mr. Trump, even as he dominated the polls for months.",
        [("percent_of", "holds", ("$9.2 million", "4 percent", "$215 million"))],
    ),
    (
        "usa-today_2016-06-27_orlando-shootings-temper-lgbt-pr.txt",
        "The two-mile trek began at 36th Street and Fifth Avenue, but not before organizers paid tribute to the 49 people killed at Pulse, a gay Orlando nightclub, in the worst mass shooting in U.S. history. The names of all 49 were read, followed by a moment of silence.",
        [("same_referent", "holds", ("49", "49"))],
    ),
    (
        "nyt_2016-02-08_twitter-takes-bigger-steps-to-th.txt",
        "Still, the 125,000 suspensions stemming from concerns about terrorist activity is significantly higher than previous studies have suggested - a report released by the Brookings Institution last year estimated that from September to December 2014, at least 46,000 Twitter accounts were used by ISIS supporters. The 125,000 suspensions could include users who have continued creating new accounts after previous ones are suspended, a common practice among ISIS supporters, experts said.",
        [("same_referent", "holds", ("125,000", "125,000"))],
    ),
    (
        "wash-post_2016-03-05_some-emails-to-powell-rice-s-aid.txt",
        "The dozen emails sent to Powell and to Rice's aides were among 19 the inspector general submitted for intelligence review. Late last year, the State Department said it determined that 12 of the 19 contain national security information considered secret or confidential.",
        [("subset", "holds", ("19", "12"))],
    ),
]

HITS += [
    (
        "politico_2016-02-19_more-hillary-clinton-emails-rele.txt",
        "The newest release includes 64 emails now deemed classified, bringing the total number of messages in Clinton's account determined to be classified to over 1,750.",
        [("subset", "holds", ("1,750", "64"))],
    ),
]

# (file, sentence): a cue word and figures, but no constraint the text supports
MISSES = [
    (
        "breitbart_2016-02-20_the-latest-hillary-clinton-tells.txt",
        "Bernie Sanders’ campaign says it raised more than $21 million in January, bringing its total for the campaign to almost $95 million",
    ),
    (
        "usa-today_2016-06-17_walls-and-bans-won-t-thwart-lone.txt",
        "Eventually he was sentenced to three years, including six months behind bars.",
    ),
    (
        "huff-post_2016-05-19_these-are-the-people-missing-in-.txt",
        "EgyptAir has confirmed that there were 56 passengers and 10 crew members on board, among them 30 Egyptian citizens,15 French nationals and citizens from Algeria, Belgium, Canada, Chad, Iraq, Kuwait, Portugal, Saudi Arabia, Sudan and the U.K.",
    ),
    (
        "breitbart_2016-02-20_the-latest-hillary-clinton-tells.txt",
        "He also was backed by nearly 6 in 10 of the 3 in 10 voters who consider themselves very liberal.",
    ),
    (
        "usa-today_2016-03-24_nabisco-rolls-out-layoffs-in-chi.txt",
        "Nabisco is expected to cut 277 workers this week -- the first wave in a total of 600 layoffs -- as the company that makes Oreos, Chips Ahoy and Nilla Wafers shifts production of some of its famous snack foods to Mexico.",
    ),
    (
        "huff-post_2016-02-03_huffpollster-a-seismic-shift-amo.txt",
        "The remaining 16 are competitive.",
    ),
    (
        "breitbart_2016-02-20_the-latest-hillary-clinton-tells.txt",
        "Trump and Marco Rubio were in a tight race in two congressional districts for the remaining six delegates.",
    ),
    (
        "breitbart_2016-03-01_the-latest-sanders-wins-minnesot.txt",
        "In all, 865 delegates are at stake in 11 states.",
    ),
    (
        "breitbart_2016-03-15_the-latest-kasich-scores-all-del.txt",
        "Clinton now has a total of at least 1,410, while Sanders has at least 653.",
    ),
    (
        "huff-post_2016-07-14_fdic-accused-of-covering-up-chin.txt",
        "In all, hackers compromised 12 FDIC workstations, including those of other executives such as the regulator’s former chief of staff and former general counsel, and 10 servers, the congressional report said.",
    ),
    (
        "huff-post_2016-05-19_ferguson-is-not-among-the-most-d.txt",
        "Oakland, which has a population of more than 400,000, had over 6,000 occurrences of violent crime in 2014, including 80 murders.",
    ),
    (
        "huff-post_2016-08-01_hillary-clinton-campaign-wants-a.txt",
        "“We have a commitment to running a campaign in all 50 states,” he said.",
    ),
    (
        "breitbart_2016-02-10_how-donald-trump-could-become-pr.txt",
        "With Governor Bush and Senator Rubio still in the mix, he won’t have the money to mount a successful southern strategy but could do decently enough in many of the 16 states holding contests on or before March 1 to be a king maker.",
    ),
    (
        "huff-post_2016-04-20_hillary-clinton-won-among-wall-s.txt",
        "Her three speeches to employees of investment bank Goldman Sachs earned her a total of $675,000, and are causing a particular uproar.",
    ),
    (
        "wash-post_2016-04-15_democrats-to-sue-ariz-on-poll-ac.txt",
        "When she finally got inside the church, she said, there were no Democratic ballots and she had to wait another 25 minutes for more to be delivered.",
    ),
    (
        "politico_2016-04-22_poll-trump-a-big-turnoff-for-flo.txt",
        "But changing demographics — and Trump’s controversial candidacy — could shift the tides this cycle, with 47 percent of Cuban Americans saying they will certainly support Hillary Clinton over Trump, who garnered certain support from only 15 percent and another 12 percent who say they might vote for him.",
    ),
    (
        "usa-today_2016-02-17_who-scares-americans-the-most-fi.txt",
        "For Clinton, a former secretary of State, 33% would be scared -- including 60% of Republicans and 8% of Democrats.",
    ),
    (
        "nyt_2015-11-25_golf-courses-forced-to-reach-int.txt",
        "A few miles south of here, in Tamarac, the owner of the Woodmont Country Club, Mark Schmidt, faced stern opposition from some of the club's homeowners to his plan for the course, which involved reducing the 36 holes to 18, putting up a four-and-a-half-acre commercial center, and building 152 single-family homes -- in addition to the 1,900 houses already there.",
    ),
    (
        "nyt_2016-01-20_falling-deficit-to-reverse-cours.txt",
        "4 trillion, or 4.9 percent of gross domestic product",
    ),
    (
        "west-journal_2016-02-02_there-s-something-funny-about-hi.txt",
        "TheBlaze did the math on that feat, and found that the odds of winning all six comes out to 1 in 64, or 1.56 percent.",
    ),
    (
        "huff-post_2016-06-16_obama-families-of-gun-violence-v.txt",
        "ORLANDO, Fla. (Reuters) - President Barack Obama met survivors of a gay nightclub massacre and relatives of the 49 people killed on Thursday and said the United States must act to control gun violence and fight what he called homegrown terrorism.",
    ),
    (
        "breitbart_2016-02-08_former-mexico-leader-calderon-ca.txt",
        "noted that immigration from Mexico to the United States is in decline — a decline that took hold while he was in office between 2006 and 2012",
    ),
    (
        "west-journal_2015-11-12_the-fbi-just-made-an-even-bigger.txt",
        "The State Department has now found between 600-700 Clinton emails containing classified information, according to Politico.",
    ),
    (
        "politico_2016-04-05_ted-cruz-wins-wisconsin-republic.txt",
        "Another 24 delegates are divided among the state’s 8 congressional districts, with the district winner getting all three of each district’s delegates.",
    ),
]


def _quoted(name: str, sentence: str) -> None:
    assert_quoted(TRAIN / name, sentence)


def test_at_least_40_real_sentences():
    assert len(HITS) + len(MISSES) >= 40


@pytest.mark.parametrize(
    ("name", "sentence", "expected"), HITS, ids=[f"hit{i}" for i in range(len(HITS))]
)
def test_cue_hits(checker, name, sentence, expected):
    _quoted(name, sentence)
    report = checker.check_text(sentence)
    qs = {q.id: q.span.text for q in report.quantities}
    got = [
        (k.kind, k.verdict.value, tuple(qs[i] for i in k.quantities)) for k in report.constraints
    ]
    assert got == expected
    assert not [f for f in report.findings if f.rule_id == "numbers.constraint"]


@pytest.mark.parametrize(("name", "sentence"), MISSES, ids=[f"miss{i}" for i in range(len(MISSES))])
def test_cue_near_misses(checker, name, sentence):
    _quoted(name, sentence)
    report = checker.check_text(sentence)
    assert report.constraints == [], [(k.kind, k.explanation) for k in report.constraints]


# Real sentences with one figure changed (old -> new): each must give exactly one error.
BROKEN = [
    (
        "wash-post_2016-04-10_why-new-york-is-pivotal-for-clin.txt",
        "The current Associated Press count gives her 1,280 pledged delegates and 469 super delegates for a total of 1,749.",
        "1,749",
        "1,849",
        "1,280 + 469 = 1,749, not 1,849",
    ),
    (
        "wash-post_2016-01-13_democratic-tensions-escalate-ove.txt",
        "Of the 121 people detained in the New Year's weekend enforcement actions, 77 have been deported, according to an ICE spokeswoman.",
        "77",
        "177",
        "177 ≤ 121 ✗",
    ),
    (
        "wash-post_2016-09-04_clinton-s-standing-among-latinos.txt",
        "The survey, conducted for the immigration advocacy group America's Voice, also found that support for Trump rose from 11 percent in April to 19 percent in August.",
        "19 percent",
        "9 percent",
        "stated rose ✗",
    ),
    (
        "breitbart_2016-05-18_trump-s-investments-include-comp.txt",
        "Trump owns between $15,000 and $50,000 in Disney stock.",
        "$50,000",
        "$5,000",
        "$15,000 ≤ $5,000 ✗",
    ),
    (
        "nyt_2016-02-22_the-party-of-bush-yields-warily-.txt",
        "In a presidential campaign during which ''super PACs'' spent $215 million, just $9.2 million, or about 4 percent, was dedicated to attacking Mr. Trump, even as he dominated the polls for months.",
        "$9.2 million",
        "$19.2 million",
        "= 8.9%, stated approx. 4 percent (3.6-4.4) ✗",
    ),
    (
        "nyt_2016-07-30_oil-prices-keep-market-gains-in-.txt",
        "The Standard & Poor's 500-stock index rose 3.54 points, or 0.2 percent, to 2,173.60.",
        "3.54",
        "35.4",
        "is 1.66%, stated 0.2 percent (0.15-0.25) ✗",
    ),
    (
        "west-journal_2016-05-17_trump-files-largest-financial-st.txt",
        "Trump’s new PFD form stated that his revenue increased from $362 million in 2014 to $557 million in 2015, an increase of almost $200 million.",
        "$557 million",
        "$657 million",
        "(+295,000,000), stated almost $200 million",
    ),
]


@pytest.mark.parametrize(
    ("name", "sentence", "old", "new", "says"),
    BROKEN,
    ids=[f"broken{i}" for i in range(len(BROKEN))],
)
def test_changed_figure_gives_one_error(checker, name, sentence, old, new, says):
    _quoted(name, sentence)
    report = checker.check_text(sentence.replace(old, new, 1))
    errors = [f for f in report.findings if f.rule_id == "numbers.constraint"]
    assert len(errors) == 1 and says in errors[0].message, [f.message for f in errors]
