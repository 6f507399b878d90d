"""The size cap and the time budget: where documents are cut, what is skipped, what is said."""

from __future__ import annotations

import itertools
import time

import pytest
from typer.testing import CliRunner

from checker import Checker, Config, nlp
from checker.cli import app
from checker.cutting import boundary_cut, utf8_prefix
from checker.limits import Budget
from checker.load import load_text

from .conftest import SEED

PARAGRAPHS = "The Pentagon said 3,000 troops will go.\n\nMoscow denied it. Kyiv agreed.\n\nLast one"


def test_utf8_prefix_counts_bytes_not_characters():
    assert utf8_prefix("abc", 3) is None
    assert utf8_prefix("Київ", 5) == "Ки"  # 2 bytes a letter: the third would not fit
    assert utf8_prefix("a👍b", 4) == "a"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            PARAGRAPHS,
            "The Pentagon said 3,000 troops will go.\n\nMoscow denied it. Kyiv agreed.\n\n",
        ),
        (
            "One sentence here. Another sentence here. And a cut mid-sente",
            "One sentence here. Another sentence here. ",
        ),
        ("no sentence end at all just words", "no sentence end at all just "),
        ("x" * 50, "x" * 50),
    ],
)
def test_boundary_cut_prefers_paragraphs_then_sentences_then_spaces(text, kept):
    assert boundary_cut(text) == kept


def test_load_text_cuts_and_records_the_original_size():
    doc = load_text(PARAGRAPHS, max_bytes=60)
    assert doc.text == "The Pentagon said 3,000 troops will go.\n\n"
    assert doc.truncated_from == len(PARAGRAPHS.encode())
    assert load_text(PARAGRAPHS, max_bytes=len(PARAGRAPHS)).truncated_from is None


def test_cut_document_gets_an_input_truncated_finding_at_the_cut(checker):
    report = Checker(Config(max_bytes=60)).check_text(PARAGRAPHS)
    (cut,) = [f for f in report.findings if f.rule_id == "input.truncated"]
    assert cut.severity.value == "warning" and (cut.span.line, cut.span.column) == (3, 1)
    assert f"document is {len(PARAGRAPHS)} bytes; only the first 60 were read" in cut.message
    assert [c.span.text for c in report.claims] == ["The Pentagon said 3,000 troops will go."]


def test_budget_run_skips_what_comes_after_the_deadline():
    ticks = itertools.count()
    budget = Budget(2.5, clock=lambda: next(ticks))  # deadline at tick 2.5
    steps = [nlp.annotate, boundary_cut, utf8_prefix, load_text]
    ran: list[object] = []
    budget.run(steps, ran.append)
    assert ran == [nlp.annotate, boundary_cut]
    assert budget.skipped == ["cutting.utf8_prefix", "load.load_text"]


def test_no_budget_never_skips():
    budget = Budget(None)
    ran: list[int] = []
    budget.run(range(3), ran.append)
    assert ran == [0, 1, 2] and not budget.spent()


def test_a_spent_budget_skips_stages_and_rules_and_says_so(seed_text):
    report = Checker(Config(time_budget=0.001)).check_text(seed_text)
    (note,) = [f for f in report.findings if f.rule_id == "input.time-budget"]
    assert "quantities.extract" in note.message and "boilerplate.web" in note.message
    assert report.claims == [] and report.quantities == []
    assert [f.rule_id for f in report.findings] == ["input.time-budget"]


def test_budget_stops_the_spacy_pass_between_chunks(monkeypatch):
    real = nlp.chunks
    monkeypatch.setattr(nlp, "chunks", lambda text: real(text, 40))  # first chunk: line one
    report = Checker(Config(time_budget=0.001, ignore=["boilerplate"])).check_text(PARAGRAPHS)
    (note,) = report.findings
    assert note.rule_id == "input.time-budget" and note.span.start == 40
    assert "not annotated" in note.message


def test_ignore_input_silences_the_notes(seed_text):
    report = Checker(Config(time_budget=0.001, max_bytes=100, ignore=["input"])).check_text(
        seed_text
    )
    assert report.findings == []


runner = CliRunner()


def test_cli_flags_set_the_limits():
    result = runner.invoke(app, [str(SEED), "--max-bytes", "400", "--time-budget", "1000"])
    assert "input.truncated" in result.output and "first 400 were read" in result.output
    result = runner.invoke(app, [str(SEED), "--time-budget", "0.001", "--fail-on", "warning"])
    assert result.exit_code == 1 and "input.time-budget" in result.output
    assert runner.invoke(app, [str(SEED), "--max-bytes", "0"]).exit_code == 2


def test_the_default_budget_is_on_and_zero_turns_it_off():
    assert Config().time_budget == 15.0
    report = Checker(Config(time_budget=0)).check_text("Kirby said 1,000 troops will go.")
    assert not [f for f in report.findings if f.rule_id == "input.time-budget"]


def test_a_step_that_overruns_the_budget_is_stopped_and_named(monkeypatch, seed_text):
    # a stage gone slow on a shape nobody foresaw: the budget's timer stops it, the earlier
    # stages' layers are kept and the report names the stopped stage and the skipped ones
    from checker import claims

    def stuck(analysis):
        for _ in range(3000):  # 30 s: were it not stopped, the assertions below would fail
            time.sleep(0.01)

    monkeypatch.setattr(claims.build, "func", stuck)
    report = Checker(Config(time_budget=0.5)).check_text(seed_text, date="2022-02-02")
    (note,) = [f for f in report.findings if f.rule_id == "input.time-budget"]
    assert "claims.build (stopped)" in note.message and "sources.resolve" in note.message
    assert report.quantities and report.claims == []
