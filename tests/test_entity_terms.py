"""Offices held outside the article's date (entity.name-role) and the office holders that date
an undated article (checker.office_terms). Sentences are short excerpts of the shared corpora,
named by file; the mutations are the benchmark's (benchmarks/entities/cases.yaml)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import Checker, Config
from checker.dating import infer_article_date
from checker.extract.dates import find_dates
from checker.knowledge import knowledge_base
from checker.office_terms import Term, named_terms
from tests.conftest import ROOT, assert_quoted


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(Config(select=["entity"]))


@pytest.fixture(scope="module")
def kb():
    return knowledge_base(Config())[0]


def hits(checker: Checker, text: str, day: str, rule: str) -> list[str]:
    return [f.span.text for f in checker.check_text(text, date=day).findings if f.rule_id == rule]


def name_role(checker: Checker, text: str, day: str) -> list[str]:
    return hits(checker, text, day, "entity.name-role")


# polnear/train/text/breitbart_2016-01-05_the-latest-cruz-to-give-away-eng.txt
RYAN = (
    "House Speaker Paul Ryan says no matter what unilateral action President Barack Obama "
    "takes on gun control, his party will fight it."
)
# polnear/train/text/huff-post_2016-04-27_bernie-sanders-suffered-a-big-bl.txt
THEN_OBAMA = (
    "Devine argued that the philosophical distance between Clinton and then-Sen. Barack Obama "
    "was narrower than what exists between Clinton and Sanders."
)
# polnear/dev/text/usa-today_2016-09-08_lawmaker-urges-retaliation-on-ru.txt
KERRY = (
    "The administration may be reluctant to act while Secretary of State John Kerry "
    "negotiates with Russia over Syria, Schiff said."
)
# reuters/reut2-001/reuters_1987-03-04_1897.txt
REAGAN = (
    "Gold rose following a statement by President Ronald Reagan that the arms-for-hostages "
    "deal with Iran was a mistake, dealers said."
)


def test_a_future_office_is_an_error(checker):
    text = RYAN.replace("House Speaker Paul Ryan", "Vice President Mike Pence")
    assert name_role(checker, text, "2016-01-05") == ["Mike Pence"]
    assert name_role(checker, RYAN, "2016-01-05") == []  # the original: Ryan was Speaker


def test_a_hypothetical_future_office_is_not(checker):
    text = "If Vice President Mike Pence takes the oath, the party will fight it."
    assert name_role(checker, text, "2016-01-05") == []


def test_a_past_office_is_an_error_when_the_holder_speaks_now(checker):
    text = RYAN.replace("House Speaker Paul Ryan", "Senate Majority Leader Harry Reid")
    assert name_role(checker, text, "2016-01-05") == ["Harry Reid"]


def test_a_past_office_in_history_is_not(checker):
    text = REAGAN.replace("Ronald Reagan", "Jimmy Carter")
    assert name_role(checker, text, "1987-03-04") == []  # not speaking now: history
    spoke = "President Jimmy Carter said in 1979 that the deal was a mistake."
    assert name_role(checker, spoke, "1987-03-04") == []  # a year moves it
    now = "President Jimmy Carter said on Tuesday that the deal was a mistake."
    assert name_role(checker, now, "1987-03-04") == ["Jimmy Carter"]


def test_then_and_former_titles_are_not_checked(checker):
    assert name_role(checker, THEN_OBAMA, "2016-04-27") == []
    text = RYAN.replace("House Speaker", "then-Senate Majority Leader").replace(
        "Paul Ryan", "Harry Reid"
    )
    assert name_role(checker, text, "2016-01-05") == []


def test_a_title_in_a_quotation_is_not_checked(checker):
    text = "“Vice President Mike Pence says we will win,” the governor joked."
    assert name_role(checker, text, "2016-01-05") == []


def test_terms_of_titled_people(kb):
    labels = [t.label for t in named_terms(kb, REAGAN)]
    assert labels == ["President Ronald Reagan (1981-1989)"]
    assert named_terms(kb, THEN_OBAMA) == []  # "then-": says nothing about the article's day
    # a misspelt first name still dates; another person's first name does not
    assert [t.person for t in named_terms(kb, "press secretary Juan Kirby said")] == ["John Kirby"]
    assert named_terms(kb, "New York Governor Mario Cuomo said") == []


def test_president_reagan_by_surname(kb):
    # reuters/reut2-000/reuters_1987-03-02_771.txt
    text = "Andewelt is being nominated by\nPresident Reagan as a judge of the Claims Court."
    (term,) = named_terms(kb, text)
    assert term.person == "Ronald Reagan" and term.covers(1987) and not term.covers(1990)


def test_people_date_an_undated_article():
    kirby = Term("press secretary John Kirby", "John Kirby",
                 ((date(2021, 1, 20), date(2022, 5, 31)),))  # fmt: skip
    nato = Term("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg",
                ((date(2014, 10, 1), date(2024, 10, 1)),))  # fmt: skip
    assert infer_article_date([], 2026, [], [kirby, nato]) is None  # 2021 and 2022 both fit
    pairs = [p for p in find_dates("The Pentagon said Wednesday (Feb. 2) that") if p.weekday]
    found = infer_article_date(pairs, 2026, [], [kirby, nato])
    assert found is not None and found.year == 2022 and not found.conflicts
    assert "were in office then" in found.reason
    channon = Term("Trade and Industry Secretary Paul Channon", "Paul Channon",
               ((date(1986, 1, 24), date(1987, 6, 13)),))  # fmt: skip
    assert infer_article_date([], 2026, [], [channon]) is None  # most of 1986, but 1987 fits too


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1950, 2030), st.integers(0, 12)), min_size=1, max_size=4),
       st.integers(1990, 2030))  # fmt: skip
def test_the_inferred_year_fits_the_most_people(spans, reference):
    terms = [Term(f"t{i}", f"p{i}", ((date(s, 1, 1), date(s + n, 12, 31)),))
             for i, (s, n) in enumerate(spans)]  # fmt: skip
    found = infer_article_date([], reference, [], terms)
    years = range(reference - 60, reference + 1)
    best = max(sum(t.covers(y) for t in terms) for y in years)
    top = [y for y in years if sum(t.covers(y) for t in terms) == best]
    if best == 0:
        assert found is None
    elif found is None:  # no year: the people leave several years equally likely
        assert len(top) > 1
    else:
        assert found is not None and found.year <= reference
        assert sum(t.covers(found.year) for t in terms) == best
        assert len(found.conflicts) == len(terms) - best


def titles(checker: Checker, text: str, day: str) -> list[str]:
    return hits(checker, text, day, "entity.title")


def test_an_office_the_person_never_held(checker):
    text = KERRY.replace("Secretary of State", "Attorney General")
    assert titles(checker, text, "2016-09-08") == ["Attorney General"]
    assert titles(checker, KERRY, "2016-09-08") == []


def test_an_office_never_held_in_a_hypothetical_is_not_flagged(checker):
    text = "If Attorney General John Kerry negotiates with Russia, Schiff said, it will fail."
    assert titles(checker, text, "2016-09-08") == []


def test_a_function_title_is_not_an_office_never_held(checker):
    # polnear/dev/text/breitbart_2016-10-03_the-latest-trump-s-leaked-taxes-.txt (shortened)
    text = "White House spokesman Josh Earnest said the president would not comment."
    assert titles(checker, text, "2016-10-03") == []
    text = text.replace("spokesman", "Attorney General")
    assert titles(checker, text, "2016-10-03") == ["Attorney General"]


def test_a_past_holder_acting_now_beside_one_in_history(checker):
    text = KERRY.replace("John Kerry", "Condoleezza Rice")  # "negotiates": now
    assert name_role(checker, text, "2016-09-08") == ["Condoleezza Rice"]
    text = text.replace("negotiates", "negotiated in 2007")  # the year is the clause's
    assert name_role(checker, text, "2016-09-08") == []


WORDS = ["President", "Vice", "Sen.", "then-Sen.", "former", "Ronald", "Reagan", "Juan",
         "Kirby", "press", "secretary", "of", "State", "John", "Kerry", ",", "\n", "Mario"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_terms_never_fail_and_name_only_known_people(words):
    kb = knowledge_base(Config())[0]
    for term in named_terms(kb, " ".join(words)):
        assert kb.people_named(term.person)
        assert term.periods


def test_a_noun_qualifier_before_a_title_leaves_the_title_standing(checker):
    # polnear/dev/text/west-journal_2016-10-05_pence-gives-gop-a-boost-with-sol.txt
    text = "He characterized Democratic vice presidential nominee Sen. Tim Kaine as desperate."
    assert name_role(checker, text, "2016-10-05") == []
    wrong = text.replace("Tim Kaine", "Tom Kaine")
    assert name_role(checker, wrong, "2016-10-05") == ["Tom Kaine"]
    later = text.replace("nominee Sen.", "nominee-elect Sen.")  # still the Senator Tim Kaine
    assert name_role(checker, later, "2016-10-05") == []


def test_a_modal_around_the_clause_is_not_a_hypothetical(checker):
    # polnear/train/text/breitbart_2016-07-12_gop-rep-mccaul-announces-bill-re.txt (shortened)
    text = ("The bill would revoke the clearance for extreme carelessness, which is what "
            "FBI Director James Comey described.")  # fmt: skip
    assert titles(checker, text, "2016-07-12") == []
    wrong = text.replace("FBI Director", "Attorney General")
    assert titles(checker, wrong, "2016-07-12") == ["Attorney General"]


def test_a_name_that_goes_on_is_not_its_first_word(kb):
    # reuters/reut2-001/reuters_1987-03-05_1999.txt: not Rand Paul, whom the KB knows as "Sen. Paul"
    sarbanes = "Committee chairman\nSen. Paul Sarbanes said in a statement."
    assert [t.person for t in named_terms(kb, sarbanes)] != ["Rand Paul"]
    # reuters/reut2-001/reuters_1987-03-04_1857.txt: not a Rep. whose surname is Jack
    assert named_terms(kb, "Rep. Jack Kemp, a New York Republican") == []
    # the near miss: a name followed by a weekday still stands
    (term,) = named_terms(kb, "President Reagan Tuesday named a new envoy.")
    assert term.person == "Ronald Reagan"


def test_one_long_term_alone_gives_no_year():
    reagan = Term("President Reagan", "Ronald Reagan", ((date(1981, 1, 20), date(1989, 1, 20)),))
    assert infer_article_date([], 2026, [1986], [reagan]) is None  # 1981-88 all fit: no guess
    baker = Term("Treasury Secretary James Baker", "James Baker",
                 ((date(1985, 2, 4), date(1988, 8, 17)),))  # fmt: skip
    lyng = Term("Agriculture Secretary Richard Lyng", "Richard Lyng",
                ((date(1986, 3, 7), date(1989, 1, 20)),))  # fmt: skip
    volcker = Term("Fed Chairman Paul Volcker", "Paul Volcker",
                   ((date(1979, 8, 6), date(1987, 8, 11)),))  # fmt: skip
    assert infer_article_date([], 2026, [], [reagan, baker, lyng]) is None  # 1986-88
    found = infer_article_date([], 2026, [], [reagan, baker, lyng, volcker])
    assert found is None  # 1986 and 1987 both fit all four (Lyng from March, Volcker to August)
    # with a weekday + date pair inside the term, the calendar decides (1981 and 1987 fit)
    pairs = [p for p in find_dates("The talks end on Tuesday, March 3.") if p.weekday is not None]
    found = infer_article_date(pairs, 2026, [], [reagan])
    assert found is not None and found.year == 1987 and "1981" in found.reason


def test_a_title_the_title_table_lacks_counts_inside_the_persons_own(kb):
    # reuters/reut2-000/reuters_1987-03-02_740.txt ("of the" are no title words)
    text = "talks with Chancellor of the Exchequer Nigel Lawson, saying the"
    (term,) = named_terms(kb, text)
    assert term.person == "Lord Lawson of Blaby" and term.covers(1987) and not term.covers(1990)
    assert named_terms(kb, "Foreign Secretary Sir Geoffrey Howe said")[0].covers(1987)
    # near misses: a title the person never held, a "Chancellor" who is no known one
    assert named_terms(kb, "talks with Chancellor of the Duchy Nigel Lawson, saying") == []
    assert named_terms(kb, "West German Chancellor Helmut Kohl said") == []


def test_a_delegate_sits_in_the_house(checker):
    # polnear/dev/text/politico_2016-09-22_house-panel-votes-to-hold-clinto.txt (shortened)
    text = '"This is a waste of time," said Del. Stacey Plaskett of the Virgin Islands.'
    assert titles(checker, text, "2016-09-22") == []
    text = text.replace("Del.", "Attorney General")
    assert titles(checker, text, "2016-09-22") == ["Attorney General"]


def test_joined_initials_are_no_first_name(kb):
    # reuters/reut2-003/reuters_1987-03-11_3978.txt: not Maxwell Frost ("M.A. Frost" gives "ma")
    text = '"We\'ve a long ways to go," Rep. Martin Frost (D-Tex.). told'
    assert named_terms(kb, text) == []
    (term,) = named_terms(kb, text.replace("Martin", "Maxwel"))  # a misspelling still dates
    assert term.person == "Maxwell Frost"


def test_successive_holders_of_one_title_are_one_piece_of_evidence(kb):
    # reuters/reut2-000/reuters_1987-03-02_854.txt: the two presidents meet on Jan. 20, 1981
    # only, which is no evidence for the article's year
    text = "first appointed in 1979 by President\nCarter, will not be offered a third term by President Reagan."
    (term,) = named_terms(kb, text)
    assert term.covers(1979) and term.covers(1987) and not term.covers(1990)
    assert infer_article_date([], 2026, [], [term]) is None
    # near miss: holders of one title at the same time stay two pieces of evidence
    two = named_terms(kb, "Sen. Chuck Grassley and Sen. Chuck Schumer said")
    assert len(two) == 2


# reuters/reut2-007/reuters_1987-03-19_7524.txt, read without its date: "President Ronald
# Reagan" alone fits 1981-1989 and pins no year, so the name is checked over that span.
VETO = "President Ronald Reagan said he would veto any tax increases voted by Congress."


def test_an_undated_span_catches_a_holders_misspelt_first_name(checker):
    assert_quoted(ROOT.parent / "shared/corpus/reuters/reut2-007/reuters_1987-03-19_7524.txt", VETO)
    report = checker.check_text(VETO.replace("Ronald", "Donald"))
    assert report.date is None and (report.date_origin or "").startswith("inferred range 1981")
    found = [f for f in report.findings if f.rule_id == "entity.name-role"]
    assert [f.span.text for f in found] == ["Donald Reagan"]
    assert "in 1981-1989" in found[0].message and "Ronald Reagan" in found[0].message


def test_an_undated_span_leaves_the_right_holder_and_a_former_one_alone(checker):
    assert not [f for f in checker.check_text(VETO).findings if f.rule_id.startswith("entity.")]
    former = VETO.replace("President Ronald Reagan", "Former President Jimmy Carter")
    assert not [f for f in checker.check_text(former).findings if f.rule_id.startswith("entity.")]


# reuters/reut2-000/reuters_1987-03-02_419.txt without its date: Lawson's and Howe's terms fit
# 1983-1989 and pin no year, so the titles are checked over that span.
FUNARO = (
    "Funaro and Gros are today meeting British Chancellor of the Exchequer Nigel Lawson, Foreign"
    " Secretary Geoffrey Howe and Governor of the Bank of England Robin Leigh-Pemberton."
)


def test_an_undated_span_checks_a_title_never_held(checker):
    assert_quoted(
        ROOT.parent / "shared/corpus/reuters/reut2-000/reuters_1987-03-02_419.txt", FUNARO
    )
    report = checker.check_text(FUNARO.replace("Foreign Secretary", "Defence Secretary"))
    found = [f for f in report.findings if f.rule_id == "entity.title"]
    assert [f.span.text for f in found] == ["Defence Secretary"]
    assert "Foreign and Commonwealth" in found[0].message and "in 1983-1989" in found[0].message
    clean = checker.check_text(FUNARO)
    assert (clean.date_origin or "").startswith("inferred range 1983-1989")
    # "Chancellor of the Exchequer" as the knowledge base writes it is no wrong title, dated or not
    for day in (None, "1987-03-02"):
        found = checker.check_text(FUNARO, date=day).findings
        assert not [f for f in found if f.rule_id.startswith("entity.")]
