"""The entity and place rules on the seed and on mutated copies of it."""

from __future__ import annotations

import itertools
import pickle
from collections import defaultdict
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import Checker, Config
from checker.knowledge import KnowledgeBase, knowledge_base

RULES = ("entity", "place")


@pytest.fixture(scope="module")
def entity_checker() -> Checker:
    return Checker(Config(select=list(RULES)))


def findings(checker: Checker, text: str, date: str = "2022-02-02"):
    return checker.check_text(text, date=date).findings


def apply_fixes(text: str, report_findings) -> str:
    for f in sorted((f for f in report_findings if f.fixes), key=lambda f: -f.span.start):
        fix = f.fixes[0]
        text = text[: fix.span.start] + fix.replacement + text[fix.span.end :]
    return text


def test_seed_gives_the_expected_entity_and_place_findings(entity_checker, seed_text):
    found = {(f.rule_id, f.span.text) for f in findings(entity_checker, seed_text)}
    assert found == {
        ("entity.name-role", "Juan Kirby"),
        ("entity.title", "Secretary"),
        ("entity.unnamed-official", "the president"),
        ("place.spelling", "Kiev"),
    }
    by_rule = {f.rule_id: f for f in findings(entity_checker, seed_text)}
    assert "John Kirby" in by_rule["entity.name-role"].message
    assert "Joe Biden" in by_rule["entity.unnamed-official"].message


def test_fixes_repair_the_seed(entity_checker, seed_text):
    fixed = apply_fixes(seed_text, findings(entity_checker, seed_text))
    assert "press secretary John Kirby emphasized" in fixed
    assert "NATO Secretary General Jens Stoltenberg" in fixed
    assert "Kiev" not in fixed and fixed.count("Kyiv") == 2
    assert "President Joe Biden has made it clear" in fixed
    again = {f.rule_id for f in findings(entity_checker, fixed)}
    assert again == set(), again


def test_another_wrong_first_name_for_stoltenberg(entity_checker, seed_text):
    text = seed_text.replace("Jens Stoltenberg", "Jonas Stoltenberg")
    hits = [f for f in findings(entity_checker, text) if f.span.text == "Jonas Stoltenberg"]
    assert [f.rule_id for f in hits] == ["entity.name-role"]
    assert hits[0].fixes[0].replacement == "Jens Stoltenberg"


def test_a_role_outside_its_dates(entity_checker, seed_text):
    text = seed_text.replace("NATO Secretary Jens", "NATO Secretary General Jens")
    hits = [
        f for f in findings(entity_checker, text, "2025-03-01") if f.rule_id == "entity.name-role"
    ]
    assert any("Mark Rutte" in f.message and f.span.text == "Jens Stoltenberg" for f in hits)


def test_roles_are_checked_at_the_article_date(entity_checker, seed_text):
    hits = {f.rule_id: f for f in findings(entity_checker, seed_text, "2020-06-01")}
    assert "Donald Trump" in hits["entity.unnamed-official"].message
    assert "entity.name-role" not in hits  # no Pentagon press secretary known then: no claim


def test_appositive_titles_are_read(entity_checker):
    text = "Juan Kirby, the Pentagon press secretary, said the troops would go to Poland."
    assert [f.rule_id for f in findings(entity_checker, text)] == ["entity.name-role"]
    text = "Jens Stoltenberg, NATO's secretary, said the alliance would not send troops."
    hit = findings(entity_checker, text)[0]
    assert (hit.rule_id, hit.fixes[0].replacement) == ("entity.title", "secretary general")


def test_the_knowledge_base_pickles_by_path():
    kb, _ = knowledge_base(Config())
    clone = pickle.loads(pickle.dumps(kb))
    assert isinstance(clone, KnowledgeBase) and clone.people_named("Lloyd Austin")


def test_single_holder_offices_never_overlap():
    """Data check on the starter packs: no two people hold one single-holder office at once
    (a handover day counts once)."""
    kb, _ = knowledge_base(Config())
    periods = defaultdict(list)
    single = ("president", "vice president", "secretary of defense", "secretary of state",
              "press secretary", "secretary general", "speaker")  # fmt: skip
    for title in single:
        for role in kb.holders(title):
            periods[(title, role.organisation)].append(role)
    for office, roles in periods.items():
        roles.sort(key=lambda r: r.start)
        for a, b in itertools.pairwise(roles):
            assert a.end and a.end <= b.start + timedelta(days=1), (office, a, b)


WORDS = ["NATO", "Secretary", "General", "Jens", "Juan", "John", "Kirby", "Stoltenberg", ",",
         "the", "president", "Pentagon", "press", "secretary", "Vilseck", "Poland", "Kiev", "said",
         "former", "Sen.", "1,000", "troops", "going", "to", "Romania", ".", "Fort", "Bragg", "N.C."]  # fmt: skip


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_rules_never_crash_on_shuffled_names_and_titles(entity_checker, words):
    text = " ".join(words)
    for f in entity_checker.check_text(text, date="2022-02-02").findings:
        assert f.span.text == text[f.span.start : f.span.end]


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("The mill closed in Fort Bragg, Calif., last year.", False),  # the namesake city
        ("Troops left Fort Bragg, Ga., on Monday.", True),  # neither Fort Bragg is in Georgia
        ("Moscow, Idaho, is a college town.", False),  # a namesake town the pack does not know
        ("They flew to Kyiv, Ukraine, and then to Warsaw, Romania.", True),
    ],
)
def test_containment_readings(entity_checker, text, fires):
    hits = [f for f in findings(entity_checker, text) if f.rule_id == "place.containment"]
    assert bool(hits) == fires, [f.message for f in hits]
