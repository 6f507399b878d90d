"""Sourcing on the seed and on real sentences: attributions, sources, claims' sources, findings."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import Checker, Config
from checker.knowledge import knowledge_base
from checker.layout import Layout
from checker.models import SourceKind

SOURCING = "sourcing."


@pytest.fixture(scope="module")
def seed(seed_report):
    return seed_report.documents[0]


def _sources(doc) -> dict[str, tuple[str, str]]:
    return {s.name: (s.kind.value, s.id) for s in doc.sources}


def test_seed_sources_are_the_ones_the_design_lists(seed):
    found = _sources(seed)
    assert found == {
        "Associated Press": ("publication", "ap"),
        "the Pentagon": ("organisation", "us-dod"),
        "Juan Kirby": ("person", "person:juan-kirby"),
        "the president": ("person", "person:president"),
        "Jens Stoltenberg": ("person", "person:jens-stoltenberg"),
        "The Hill": ("publication", "the-hill"),
        "Moscow": ("organisation", "russia-gov"),
        "the U.S.": ("organisation", "us-gov"),
    }


def test_pentagon_aliases_are_one_source(seed):
    pentagon = next(s for s in seed.sources if s.id == "us-dod")
    assert [m.text for m in pentagon.mentions] == [
        "The Pentagon",
        "The U.S. Defense Department",
        "the Pentagon",
    ]
    assert len(pentagon.claims) == 3


def test_he_and_surname_resolve_to_kirby(seed):
    kirby = next(s for s in seed.sources if s.id == "person:juan-kirby")
    assert [m.text for m in kirby.mentions] == [
        "Department of Defense press secretary Juan Kirby",
        "He",
        "Kirby",
    ]
    assert set(kirby.cue_types) == {"mixed", "indirect"}


def test_every_claim_names_its_source_or_none(seed):
    by_start = {c.span.text.split()[0] + " " + c.span.text.split()[1]: c for c in seed.claims}
    assert by_start["The United"].source == "Associated Press"
    assert by_start["He further"].source == "Juan Kirby"
    assert by_start["Similarly, NATO"].source == "Jens Stoltenberg via The Hill"
    assert by_start["Similarly, NATO"].source_kind == SourceKind.person
    assert by_start["Tensions have"].source is None
    assert by_start["Tensions have"].source_kind == SourceKind.none
    assert by_start["Although Moscow"].source_id == "us-gov"


def test_seed_sourcing_findings_are_exactly_the_designed_ones(seed):
    found = sorted(
        (f.rule_id, f.span.line, f.severity.value)
        for f in seed.findings
        if f.rule_id.startswith(SOURCING)
    )
    assert found == [
        ("sourcing.quote-without-speaker", 19, "warning"),
        ("sourcing.second-hand", 15, "info"),
        ("sourcing.unsourced-number", 17, "warning"),
    ]


def test_attribution_spans_on_the_seed(seed):
    triples = [
        (a.source.text if a.source else None, a.cue.text, a.cue_type) for a in seed.attributions
    ]
    assert ("the Associated Press", "according to", "according_to") in triples
    assert ("He", "further stressed", "indirect") in triples  # PolNeAR keeps the adverb
    assert ("the president", "has made it clear", "indirect") in triples
    assert ("Moscow", "has repeatedly insisted", "indirect") in triples
    kirby = next(a for a in seed.attributions if a.source and a.source.text == "Kirby")
    assert kirby.content is not None and kirby.content.text.endswith("headquarters,”")
    stoltenberg = next(a for a in seed.attributions if a.source and "Stoltenberg" in a.source.text)
    assert stoltenberg.content.text == "that no alliance forces would be deployed in Kiev"


def test_direct_quote_with_straight_quotes_and_inverted_speaker(checker):
    # polnear/train/text: wash-post_2016-01-29 ("The risk," said Edward Leamer, ...)
    text = '"The risk," said Edward Leamer, an economist at the University of California.'
    doc = checker.check_text(text)
    [a] = doc.attributions
    assert (a.cue.text, a.content.text, a.cue_type) == ("said", '"The risk,"', "direct")
    assert a.source.text.startswith("Edward Leamer")
    assert doc.sources[0].kind == SourceKind.person


def test_told_beside_a_quote_takes_the_quote_as_content(checker):
    # polnear/train/text: a Breitbart interview ("... change the law," he told CBN.)
    text = 'Mr. Cruz spoke at length. "Not ignoring it, but trying to change the law," he told CBN.'
    doc = checker.check_text(text)
    told = next(a for a in doc.attributions if a.cue.text == "told")
    assert told.content.text == '"Not ignoring it, but trying to change the law,"'


def test_cues_inside_a_quotation_are_not_attributions(checker):
    # polnear/train/text: "... I think we have to deepen ...," Clinton added.
    text = "“We have pieces in place but I think we have to deepen and better coordinate,” Clinton added."
    doc = checker.check_text(text)
    assert [a.cue.text for a in doc.attributions] == ["added"]


def test_anonymous_source_kind(checker):
    # polnear/train/text/huff-post_2016-07-26_obama-administration-to-expand-p.txt
    text = "Other efforts to supplement the Central American Minors program will also be expanded, officials said."
    doc = checker.check_text(text)
    assert [(s.name, s.kind) for s in doc.sources] == [("officials", SourceKind.anonymous)]
    assert [f.rule_id for f in doc.findings] == ["sourcing.anonymous"]


def test_organisation_aliases_come_from_the_knowledge_base():
    kb, _ = knowledge_base(Config())
    assert (
        kb.organisation("The Pentagon").id
        == kb.organisation("U.S. Defense Department").id
        == "us-dod"
    )
    assert kb.organisation("the Kremlin").id == "russia-gov"
    assert kb.organisation("The Hill").kind == "publication"


def test_a_user_organisation_is_one_source_with_its_aliases(tmp_path):
    (tmp_path / "organisations.yaml").write_text(
        "organisations:\n  - {id: city-hall, name: Springfield City Hall, kind: government,"
        " aliases: [City Hall, the mayor's office]}\n"
    )
    text = 'City Hall said 40 buses will run. "We are ready," the mayor\'s office said.'
    doc = Checker(Config(knowledge=[str(tmp_path)])).check_text(text)
    assert [(s.id, len(s.claims)) for s in doc.sources] == [("city-hall", 2)]


def test_a_broken_organisations_file_does_not_crash(tmp_path):
    (tmp_path / "organisations.yaml").write_text("organisations: [{id: x, name: [unclosed\n")
    checker = Checker(Config(knowledge=[str(tmp_path)]))
    doc = checker.check_text("The Pentagon said 300 troops will go to Poland.")
    assert [s.id for s in doc.sources] == ["us-dod"]
    assert any("organisations.yaml" in e for e in checker.setup_errors)


def test_text_output_has_a_sources_table(seed_report):
    from checker.formats import text as text_format

    out = text_format.render(seed_report)
    assert "Sources:" in out and "according to" in out and "publication" in out


@given(st.text(alphabet=st.sampled_from('ab “”"\n,.'), max_size=60))
def test_quotes_are_ordered_disjoint_and_start_with_a_quote(text):
    layout = Layout(text)
    for (s1, e1), (s2, _) in itertools.pairwise(layout.quotations):
        assert e1 <= s2
    for start, end in layout.quotations:
        assert text[start] in '“"' and end - start >= 2
        # closed by a mark, or left open and running on to the end of its paragraph
        paragraph_end = layout.paragraph_at(start)[1]
        assert text[end - 1] in '”"' or (
            end <= paragraph_end and not text[end:paragraph_end].strip()
        )


@given(st.text(alphabet=st.sampled_from('ab “”"\n,.'), max_size=80))
def test_inside_a_quotation_agrees_with_a_scan_of_every_region(text):
    layout = Layout(text)
    for offset in range(len(text) + 1):
        assert layout.in_quotation(offset) == any(a <= offset < b for a, b in layout.quotations)


def test_a_quotation_introduced_by_a_colon_gives_its_claims_the_speaker(checker):
    # polnear/dev/text/breitbart_2016-09-15_pat-caddell-democrat-voters-worr.txt (shortened)
    text = (
        'Caddell continued:\n\n"The health issue overall is very much a partisan issue. '
        'Rasmussen has a similar question."'
    )
    doc = checker.check_text(text)
    assert [c.source for c in doc.claims if "Rasmussen" in c.span.text] == ["Caddell"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                "He said",
                " “",
                "”",
                '"',
                ", ",
                "according to ",
                "Kirby",
                ".",
                "\n",
                ":",
                " the Pentagon",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_any_text_gives_attributions_inside_the_text(checker, text):
    doc = checker.check_text(text)
    for a in doc.attributions:
        for span in (a.source, a.cue, a.content):
            if span is not None:
                assert (
                    0 <= span.start <= span.end <= len(text)
                    and span.text == text[span.start : span.end]
                )


def test_small_counts_and_digit_ids_are_not_figures_to_source(stated_checker):
    # polnear/dev/text/huff-post_2016-09-20_elizabeth-warren-hammers-wells-f.txt has tweet ids
    doc = stated_checker.check_text(
        "The page was 778257943577919488 on the site.\n\nThe bank paid a $185 million fine.\n\n"
        "Two senators were there."
    )
    found = [f.span.text for f in doc.findings if f.rule_id == "sourcing.unsourced-number"]
    assert len(found) == 1 and "$185 million" in found[0]


def _cues(text: str) -> list[tuple[str | None, str]]:
    from checker import nlp
    from checker.extract.attribution import find_all

    _, sentences = nlp.annotate(text)
    return [
        (text[slice(*f.source)] if f.source else None, text[slice(*f.cue)])
        for f in find_all(Layout(text, sentences))
    ]


def test_cue_spans_follow_polnear_conventions():
    found = _cues(
        "The senator also said in a statement that the bill would pass. "
        "Clinton, a Democrat, has called for new limits. Rubio says he opposes the plan."
    )
    assert ("The senator", "also said in a statement") in found
    assert ("Clinton, a Democrat,", "has called for") in found
    assert ("Rubio", "says") in found and not any(cue == "opposes" for _, cue in found)


def test_speech_inside_an_open_multi_paragraph_quotation_is_not_the_articles():
    found = _cues(
        'He wrote:\n\n"The mayor said the plan was dead.\n\n"It was never alive," he added.'
    )
    assert not any(source == "The mayor" for source, _ in found)


def test_a_quote_with_no_attribution_at_all_is_left_out_unless_the_desk_asks(checker):
    # polnear/dev/text/huff-post_2016-09-20_hillary-clinton-speaks-directly-.txt with its
    # attribution cut: a statement nobody speaks is mostly a term or a missed attribution,
    # so by default it is not reported; the option `unattributed = "info"` reports it
    rule = "sourcing.quote-without-speaker"
    text = "“I will just make this promise to you: We will achieve justice in this case.”"
    assert not [f for f in checker.check_text(text).findings if f.rule_id == rule]
    desk = Checker(Config(rule_options={rule: {"unattributed": "info"}}))
    found = [f for f in desk.check_text(text).findings if f.rule_id == rule]
    assert found and {f.severity.value for f in found} == {"info"}
    said = text + " Tulsa police Chief Chuck Jordan said Monday."
    assert not [f for f in desk.check_text(said).findings if f.rule_id == rule]
    assert all("no speaker is given" in f.message for f in found)
