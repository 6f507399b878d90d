"""Attribution shapes beyond verbs of saying: sign-offs, speaker labels, adjectives, bare cues.

Sentences are written for these tests; the shapes come from PolNeAR train articles (named)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker import nlp
from checker.extract.attribution import find_all
from checker.extract.headline_case import _capitalised, _sentence_case, _title_case, recased
from checker.extract.signoff import signoffs
from checker.layout import Layout


def _found(text: str) -> list[tuple[str | None, str, str | None]]:
    _, sentences = nlp.annotate(text)
    return [
        (
            text[slice(*f.source)] if f.source else None,
            text[slice(*f.cue)],
            text[slice(*f.content)] if f.content else None,
        )
        for f in find_all(Layout(text, sentences))
    ]


# --- sign-offs ("“...” ― Name"), as in readers' comments and quoted tweets --------------------


def test_a_quotation_signed_with_a_dash_and_a_name_is_attributed_to_the_name():
    text = (
        "“The plan will not pass the Senate.” ― Maria Lopez\n“It is a disgrace.”\u00a0― Tom Baker."
    )
    assert _found(text) == [
        ("Maria Lopez", "―", "“The plan will not pass the Senate.”"),
        ("Tom Baker", "―", "“It is a disgrace.”"),
    ]


def test_a_hyphen_and_a_title_sign_a_quote_too():
    # train: wash-post_2016-02-05_in-the-democrats-debate-some-fam.txt ('"... pay zero taxes."  - Sanders.')
    text = '"Boeing and GE pay zero taxes."  - Sanders.\n"We will win." -President Obama, tweeting after the vote.'
    assert [(s, c) for s, c, _ in _found(text)] == [("Sanders", "-"), ("President Obama", "-")]


def test_a_subheading_between_dashes_or_a_dash_inside_a_quote_signs_nothing():
    text = "“Nobody expected it.”\n\n– A new start –\n\nThe town rebuilt."
    assert signoffs(Layout(text)) == []
    text = "“It was a word, ‘self-deportation’ ― I mean, awful,” he said."
    assert signoffs(Layout(text)) == []
    text = "“We will win,” she said – and the crowd cheered."
    assert signoffs(Layout(text)) == []


@given(st.text(alphabet='“”"’―—- \n\u00a0Aa.,', max_size=40))
def test_signoff_spans_stay_inside_the_text_in_order(text):
    for s in signoffs(Layout(text)):
        assert (
            0
            <= s.content[0]
            < s.content[1]
            <= s.cue[0]
            < s.cue[1]
            <= s.source[0]
            < s.source[1]
            <= len(text)
        )
        assert text[s.cue[0]] in "―—–-" and text[s.source[0]].strip()


# --- speaker labels ("NAME: ...") ------------------------------------------------------------


def test_transcript_speaker_labels_attribute_the_rest_of_the_line():
    # train: breitbart_2016-07-10_ok-gov-fallin-trump-is-trying-to.txt ("TAPPER: ...", "FALLIN: ...")
    text = (
        "Partial transcript as follows:\n\nTAPPER: Do you think he has campaigned as a healer?\n\n"
        "FALLIN: I think he is trying to."
    )
    assert _found(text) == [
        ("TAPPER", ":", "Do you think he has campaigned as a healer"),
        ("FALLIN", ":", "I think he is trying to"),
    ]


def test_a_transcript_line_quoted_whole_keeps_its_speaker():
    # train: breitbart_2016-03-09_hillary-benghazi-victim-mother-a.txt ('"RAMOS: ...')
    text = 'Partial transcript as follows:\n\n"PENCE: Well, look, the question is why she said it.'
    assert _found(text) == [("PENCE", ":", "Well, look, the question is why she said it")]


def test_rubrics_and_interview_letters_are_no_speakers():
    # train: huff-post_2016-02-24_donald-trump-picks-up-his-first-.txt ("Editor’s note: ...");
    # politico_2016-02-19_q-a-with-vice-president-joe-bide.txt (Q&A)
    assert _found("Editor’s note: This story was updated on Monday to correct a date.") == []
    assert _found("Q: Why did you run?\n\nA: Because I could win it.") == []


# --- adjectives and bare cues ---------------------------------------------------------------


def test_an_adjective_said_of_a_subject_is_a_cue():
    # train: wash-post_2016-01-31_clinton-team-quietly-lining-up-l.txt ("Some Clinton backers are
    # concerned that ..."), west-journal_2016-08-11_reagan-s-daughter-makes-strong-s.txt ("was
    # critical of all the candidates")
    assert _found("Party leaders were confident that the bill would pass.") == [
        ("Party leaders", "were confident", "that the bill would pass")
    ]
    assert _found("Many Republicans are skeptical of the deal.") == [
        ("Many Republicans", "are skeptical of", "the deal")
    ]


def test_an_adjective_of_mood_or_state_is_no_cue():
    assert _found("The senator is happy with the weather.") == []
    assert _found("The road is open to traffic.") == []


def test_a_sure_cue_with_no_speaker_is_kept_and_vouches_for_nothing(checker):
    # train: west-journal_2016-07-18_nevertrump-delegates-disrupt-rnc.txt ("A motion for a
    # roll-call vote on the rules has since been denied.")
    text = "A motion for a recount of the ballots has since been denied."
    assert _found(text) == [(None, "has since been denied", None)]
    assert _found("The bridge was built in 1990.") == []
    report = checker.check_text(text)
    assert report.sources == [] and all(c.source is None for c in report.claims)


# --- the writer's own voice: imperatives and credit lines -------------------------------------


def test_an_imperative_to_the_reader_reports_nobody():
    # dev: usa-today_2016-09-29_can-you-imagine-if-trump-were-a-.txt ("Imagine that she: ...")
    assert _found("Don't blame Bush for the war.") == []
    assert _found("Ask yourself whether he could win.") == []
    assert _found("Trump told them to blame Bush for the war.")[0][:2] == ("Trump", "told")


def test_a_reporters_credit_line_is_no_attribution():
    # train: wash-post_2015-11-08_all-eggs-in-n-h-and-iowa-baskets.txt ("Costa reported from
    # Washington."), huff-post_2016-03-16_hillary-clinton-wins-missouri-de.txt ("Amanda Terkel
    # contributed reporting.")
    assert _found("Costa reported from Washington.") == []
    assert _found("Amanda Terkel contributed reporting.") == []
    assert _found("Reuters reported from Moscow that the talks had failed.") == [
        ("Reuters", "reported", "that the talks had failed")
    ]


# --- title-case headlines ----------------------------------------------------------------------


def test_a_title_case_headline_is_read_in_sentence_case():
    # train: breitbart_2016-07-14_gingrich-trump-must-decide-if-he.txt, a title-case headline
    text = "Carson Slams Clinton Over Benghazi Emails.\n\nBen Carson on Sunday criticized Hillary Clinton."
    assert ("Carson", "Slams", "Clinton") in _found(text)


def test_sentence_case_keeps_the_names_the_story_capitalises():
    body = "\n\nOn Sunday Ben Carson met the FBI director and Hillary Clinton’s aides."
    assert _sentence_case("Carson Slams Hillary’s FBI Answer", _capitalised(body)) == (
        "Carson slams Hillary’s FBI answer"
    )
    assert not _title_case("Carson said the plan would fail.")


def test_a_long_first_line_or_one_the_parse_runs_on_is_left_as_parsed():
    long_line = "Carson Slams Clinton " * 20 + "\n\nBen Carson spoke."
    merged = "Carson Slams Clinton Over Benghazi Emails\nBen Carson on Sunday criticized Hillary Clinton."
    for text in (long_line, merged):
        _, sentences = nlp.annotate(text)
        assert recased(sentences, text) is sentences
    text = "Carson Slams Clinton Over Benghazi Emails.\n\nBen Carson on Sunday criticized Hillary Clinton."
    _, sentences = nlp.annotate(text)
    again = recased(sentences, text)
    assert again is not sentences and again[0].span.text.startswith("Carson slams Clinton")
    assert [s.start for s in again[1:]] == [s.start for s in sentences[1:]]


def test_a_named_speaker_keeps_a_rubric_like_word():
    # train: west-journal_2016-04-26_judicial-watch-state-department-.txt ("Judicial Watch: State
    # Department Hid Key Clinton Benghazi Email For Years.": the organisation speaks)
    text = "Judicial Watch: The Agency Hid Key Emails For Years.\n\nThe group said the emails were hidden."
    assert ("Judicial Watch", ":") in [(s, c) for s, c, _ in _found(text)]
