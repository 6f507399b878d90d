"""The pipeline's order is checked, not a convention: each stage and rule declares the layers it
requires (and a stage those it assigns), and these tests fail on an order that reads a layer
before it is made, or on a stage or rule that reads a layer it did not declare."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from checker import suppress
from checker.analysis import CONDITIONS, Analysis, LayerError
from checker.config import Config
from checker.engine import RUN, STAGES, SUPPRESSIONS, Checker
from checker.limits import Budget
from checker.load import load_text
from checker.models import Finding, Severity
from checker.pipeline import ANNOTATED
from checker.registry import all_rules, requirements
from checker.rules.base import PythonRule

from .conftest import SEED

LATE = {RUN, SUPPRESSIONS}  # made by the engine after the rules


def test_every_stage_requires_only_layers_made_before_it():
    made = set(ANNOTATED)
    for stage in STAGES:
        missing = set(stage.requires) - made
        assert not missing, f"{stage.name} requires {missing} before any stage assigns it"
        made |= set(stage.assigns)


def test_every_rule_requires_only_layers_some_stage_makes():
    made = set(ANNOTATED) | {layer for stage in STAGES for layer in stage.assigns}
    rules, _ = all_rules(Config())
    for rule in rules:
        unknown = set(requirements(rule)) - made - CONDITIONS - LATE
        assert not unknown, f"{rule.id} requires {unknown}, which no stage assigns"


def test_every_layer_a_stage_assigns_is_declared_on_the_analysis():
    for stage in STAGES:
        for layer in stage.assigns:
            assert layer in Analysis.__dict__, f"{stage.name} assigns undeclared layer {layer!r}"


def _analysis(text: str, date: str | None) -> tuple[Analysis, Checker]:
    from checker import nlp

    checker = Checker(Config()).warm_up()
    analysis = Analysis(load_text(text, date=date), checker.config, kb=checker.kb)
    analysis.docs, analysis.sentences = nlp.annotate(text)
    return analysis, checker


def _reads(analysis: Analysis, step, *args) -> set[str]:
    """The layers `step(*args)` reads."""
    analysis.reads = set()
    result = step(*args)
    if result is not None:
        list(result)  # a rule's findings come from a generator
    reads, analysis.reads = analysis.reads, None
    return reads


TEXTS = [  # the seed (every stage has work), and an undated article with a suppression
    (SEED.read_text(encoding="utf-8"), "2022-02-02"),
    (
        (
            "[factcheck: ignore style.redundnacy]\nThe Pentagon said Wednesday (Feb. 2) that "
            "1,000 U.S. troops will be redeployed from Germany to Romania, Kirby said."
        ),
        None,
    ),
]


@pytest.mark.parametrize(("text", "date"), TEXTS)
def test_stages_and_rules_read_only_what_they_declare(text, date):
    analysis, checker = _analysis(text, date)
    for stage in STAGES:
        read = _reads(analysis, stage, analysis)
        extra = read - set(stage.requires) - set(stage.assigns) - set(ANNOTATED)
        assert not extra, f"{stage.name} reads {extra} without declaring it"
    analysis.run = Budget(None, selected=tuple(r.id for r in checker.rules))
    suppress.apply(analysis)
    for rule in checker.rules:
        needs = set(requirements(rule))
        if analysis.missing(tuple(needs)):
            continue
        read = _reads(analysis, rule.check, analysis)
        extra = read - needs - set(ANNOTATED)
        assert not extra, f"{rule.id} reads {extra} without declaring it"


def test_a_layer_read_before_it_is_made_fails_loudly():
    analysis = Analysis(load_text("Kirby said 1,000 troops will go."), Config())
    with pytest.raises(LayerError, match="'quantities' read before a stage made it"):
        _ = analysis.quantities
    with pytest.raises(AttributeError):
        analysis.quantites = []  # type: ignore[attr-defined]  # a misspelt layer
    with pytest.raises(LayerError, match="must require KB"):
        _ = analysis.knowledge


class _NeedsDate(PythonRule):
    """Reads the article date.

    ## What it checks
    Nothing: a test rule.

    ## Why it matters
    It shows the engine skips a rule whose needs are absent.

    ## Example
    Any text.

    ## Suggested fix
    None.
    """

    id = "test.needs-date"
    severity = Severity.info
    requires = ("article_date", "dates")

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        day = analysis.known_date  # raises on an undated article
        yield self.finding(analysis, 0, 1, f"dated {day}")


def test_the_engine_skips_a_rule_whose_needs_are_absent():
    checker = Checker(Config())
    checker._rules = [_NeedsDate()]  # a rule of the test's own
    undated = checker.check_text("Kirby said 1,000 troops will go.")
    assert undated.findings == [] and undated.errors == []
    dated = checker.check_text("Kirby said 1,000 troops will go.", date="2022-02-02")
    assert [f.message for f in dated.findings] == ["dated 2022-02-02"]


def test_a_rule_skipped_for_time_is_named_in_the_report():
    checker = Checker(Config(time_budget=0.001, select=["input", "numbers"]))
    report = checker.check_text("Of the 2,000 troops, 1,700 go to Poland and 300 to Germany.")
    (note,) = [f for f in report.findings if f.rule_id == "input.time-budget"]
    assert "constraints.build" in note.message and "numbers.constraint" in note.message
