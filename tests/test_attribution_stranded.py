"""Speakers the parse leaves stranded: a body set off by commas before a final "said" that the
parser hung on the content ("..., the General Accounting Office, GAO, said."), and a name with
its title between a closing quotation mark and the verb that the parser hung on the quoted
verb ("“...,” Tulsa police Chief Chuck Jordan said Monday."). Then the sourcing rules that
read them: unnamed sources with the phrase's head, on record, not a source at all, or quoted.
Sentences quoted from the shared corpora (tuning split), with their files."""

from __future__ import annotations

from pathlib import Path

from checker import nlp
from checker.extract.attribution import find_all
from checker.layout import Layout
from tests.conftest import assert_quoted

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ANON = "sourcing.anonymous"
QUOTE = "sourcing.quote-without-speaker"


def _sources(text: str) -> list[str | None]:
    _, sentences = nlp.annotate(text)
    return [text[slice(*f.source)] if f.source else None for f in find_all(Layout(text, sentences))]


def _spans(checker, text: str, rule: str) -> list[str]:
    return [f.span.text for f in checker.check_text(text).findings if f.rule_id == rule]


GAO = (
    "The Farmers Home Administration, the U.S. Agriculture Department's farm lending arm, could "
    "lose about seven billion dlrs in outstanding principal on its severely delinquent "
    "borrowers, the General Accounting Office, GAO, said."
)


def test_a_body_set_off_by_commas_before_said_is_the_speaker():
    assert_quoted(CORPUS / "reuters" / "reut2-003" / "reuters_1987-03-11_3767.txt", GAO)
    assert _sources(GAO) == ["the General Accounting Office, GAO,"]
    # near miss: no comma before the name, no stranded speaker to take
    assert _sources("Prices rose, and nobody said.") in ([None], ["nobody"], [])


def test_a_stranded_speaker_sources_the_figure(stated_checker):
    # the cut sentence's figure is stated as fact: reported with `stated-figure = "info"`
    assert _spans(stated_checker, GAO, "sourcing.unsourced-number") == []
    cut = GAO.replace(", the General Accounting Office, GAO, said.", ".")
    assert _spans(stated_checker, cut, "sourcing.unsourced-number") != []


PROMISE = (
    "“I will just make this promise to you: We will achieve justice in this case,” Tulsa police "
    "Chief Chuck Jordan said Monday."
)


def test_a_name_between_a_closing_quote_and_said_is_the_speaker():
    path = (
        CORPUS
        / "polnear"
        / "dev"
        / "text"
        / "huff-post_2016-09-20_hillary-clinton-speaks-directly-.txt"
    )
    before = "He did not have a weapon on him at the time.\n\n"
    assert_quoted(path, before)
    assert_quoted(path, PROMISE)
    # after the paragraph before it, the parser hangs "said" on "achieve" (with "We")
    assert _sources(before + PROMISE)[-1] == "Tulsa police Chief Chuck Jordan"
    # near miss: a subject after the quotation the parse found stays as parsed
    plain = "“We will achieve justice,” the chief said Monday."
    assert _sources(plain) == ["the chief"]


def test_a_spokesperson_is_the_head_of_a_long_source_phrase(checker):
    path = CORPUS / "reuters" / "reut2-004" / "reuters_1987-03-13_4969.txt"
    said = "A spokesman at Manufacturers Hanover noted that of 2.3 billion dlrs in loan exposure"
    assert_quoted(path, said)
    text = said + " to Brazil only 1.3 billion is subject to the moratorium."
    assert _spans(checker, text, ANON) == []
    # near miss: an unnamed "official" of the bank is not its spokesperson
    assert _spans(checker, text.replace("A spokesman at", "An official at"), ANON) != []


def test_a_generalisation_about_people_is_no_source(checker):
    path = (
        CORPUS / "polnear" / "dev" / "text" / "nyt_2016-09-08_obama-on-climate-change-the-tren.txt"
    )
    few = "Few people would have described Mr. Obama as a climate evangelist when he ran for the White House in 2008."
    assert_quoted(path, few)
    assert _spans(checker, few, ANON) == []
    assert _spans(checker, few.replace("Few people", "Some officials"), ANON) != []


def test_a_quote_of_an_unnamed_source_is_left_to_the_anonymous_rule(checker):
    # reuters/reut2-003/reuters_1987-03-09_3396.txt (cut)
    text = "“There were very serious discussions last fall,” the source said."
    assert _spans(checker, text, QUOTE) == []
    assert _spans(checker, text, ANON) == ["the source"]
    # near miss: a country standing for its government is still the quote rule's
    china = "Even China said it was “resolutely opposed to the test and the threats.”"
    assert _spans(checker, china.replace("Even China", "Beijing"), QUOTE) != []
