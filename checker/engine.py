"""The one `check` every face calls: load, annotate, extract, model, solve, run rules, report.

`Checker` keeps the spaCy pipeline, the rules and the knowledge base warm between calls, so an
editor's tool or the language server pays the start-up cost once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date as Date
from functools import lru_cache
from threading import Lock
from typing import TYPE_CHECKING

from checker import article_date, baseline, claims, constraints, nlp, solve, sources, suppress
from checker.analysis import CONDITIONS, Analysis
from checker.config import Config, iso_date
from checker.discover import iter_files
from checker.document import Document
from checker.extract import attribution, people, places, quantities
from checker.knowledge import KnowledgeBase, knowledge_base
from checker.limits import Budget, BudgetExceeded
from checker.load import LoadError, load_path, load_text
from checker.models import CheckError, DocumentReport, InputError, Report, Suppressed
from checker.pipeline import Stage
from checker.problems import Problems
from checker.registry import requirements, run_rule, selected_rules
from checker.rules.base import Rule

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The pipeline, in order: each stage declares what it requires and assigns
# (`checker.pipeline`); tests/test_pipeline.py checks that this order gives each its needs.
STAGES: tuple[Stage, ...] = (
    article_date.extract,  # first: every later stage reads analysis.article_date
    quantities.extract,
    claims.build,
    constraints.build,
    solve.solve,
    people.extract,
    places.extract,
    attribution.extract,
    sources.resolve,
)
# Layers the engine itself makes after the rules: rules that require them run later, in order,
# and are never skipped for time (they report on the run).
RUN, SUPPRESSIONS = "run", "suppressions"


class Checker:
    """A warm checker: build once, call `check_text` / `check_document` / `check_paths` often.

    The spaCy pipeline, the selected rules and the shared resources (knowledge base) load on the
    first check (or on `warm_up()`) and stay loaded. One `Checker` checks one document at a time:
    give each thread its own, or run its checks on one worker thread as the language server does.
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self._rules: list[Rule] | None = None
        self.setup_errors: list[str] = []  # broken packs, plugins or knowledge: in every report
        self.kb: KnowledgeBase | None = None
        self._kb_built = False

    @property
    def rules(self) -> list[Rule]:
        """The selected rules, loaded once; broken packs or plugins land in `setup_errors`."""
        if self._rules is None:
            self._rules, self.setup_errors = selected_rules(self.config)
        return self._rules

    def warm_up(self) -> Checker:
        """Load the pipeline, rules and knowledge base now rather than on the first document."""
        nlp.pipeline()
        self._warm_resources()
        return self

    def _warm_resources(self) -> None:
        _ = self.rules  # rules first: they reset setup_errors
        if self._kb_built:
            return
        self._kb_built = True
        try:
            self.kb, errors = knowledge_base(self.config)
        except Exception as exc:  # noqa: BLE001 - a broken knowledge base must not stop the run
            self.kb, errors = None, [f"kb: {type(exc).__name__}: {exc}"]
        self.setup_errors.extend(errors)

    def check_document(self, document: Document) -> DocumentReport:
        """Check a loaded `Document` (see `checker.load`); the config's date fills a missing one.
        Problems of the checker itself (a broken pack, a rule that raised) travel in the report's
        `errors`; nothing is kept on the checker from one document to the next."""
        if not document.date and self.config.date:
            document.date, document.date_origin = self.config.date, "config"
        self._warm_resources()
        analysis = Analysis(document, self.config, kb=self.kb)
        analysis.errors.extend(CheckError(origin="setup", message=m) for m in self.setup_errors)
        rules = [r for r in self.rules if not self.config.ignored_in(document.path, r.id)]
        budget = Budget(self.config.time_budget or None, selected=tuple(r.id for r in rules))
        ordinary, on_run, on_suppressions = _phases(rules)
        docs: list[tuple[int, Doc]] = []
        try:
            with budget.enforced():  # stops a step that overruns the budget (limits.py)
                try:
                    nlp.annotate(document.text, budget.annotate_by, document.breaks, into=docs)
                except BudgetExceeded:
                    budget.stop("nlp.annotate")
                analysis.docs, analysis.sentences = docs, nlp.sentences_of(docs, document.breaks)
                budget.run(STAGES, lambda step: step(analysis))
                budget.run(ordinary, lambda rule: self._run(rule, analysis, budget))
        except BudgetExceeded:  # between two steps: what they made is kept
            budget.stop("engine")
        if "sentences" not in analysis.layers:
            analysis.docs, analysis.sentences = docs, nlp.sentences_of(docs, document.breaks)
        analysis.run = budget
        for rule in on_run:
            self._run(rule, analysis, budget)
        suppress.apply(analysis)
        for rule in on_suppressions:
            self._run(rule, analysis, budget)
        baseline.stamp(document, analysis.findings)
        report = analysis.report()
        silenced = suppress.silenced(analysis)
        baseline.stamp(document, [finding for finding, _ in silenced])
        report.suppressed = [Suppressed(finding=f, justification=j) for f, j in silenced]
        return report

    @staticmethod
    def _run(rule: Rule, analysis: Analysis, budget: Budget) -> None:
        """Run a rule whose needs are met. One that lacks a condition (no knowledge base, no
        date) is skipped silently; one that lacks a layer a skipped stage makes is named."""
        missing = analysis.missing(requirements(rule))
        if not missing:
            analysis.findings.extend(run_rule(rule, analysis))
        elif any(m not in CONDITIONS for m in missing):
            budget.skipped.append(rule.id)

    def check_text(
        self, text: str, *, path: str | None = None, date: str | Date | None = None
    ) -> DocumentReport:
        """Check one article given as a string and return its `DocumentReport`.

        `path` names the document in the report and picks the format by its suffix (.md,
        .html, else plain text); `date` (ISO string or `datetime.date`) is its publication date.
        """
        when = date.isoformat() if isinstance(date, Date) else date and iso_date(date)
        document = load_text(
            text, path=path or "<text>", date=when, max_bytes=self.config.max_bytes
        )
        return self.check_document(document)

    def iter_check(
        self, paths: Iterable[str | os.PathLike[str]]
    ) -> Iterator[DocumentReport | InputError]:
        """Reports (or input errors) one file at a time, in a stable order. Nothing is kept
        between files, so memory stays flat however many files stream through; a file that
        breaks the checker becomes an `InputError` and the files after it are still checked."""
        gitignore = self.config.respect_gitignore
        for path, problem in iter_files(paths, self.config.wants, gitignore=gitignore):
            if problem:
                yield InputError(path=path, message=problem)
                continue
            try:
                document = load_path(path, date=self.config.date, max_bytes=self.config.max_bytes)
                yield self.check_document(document)
            except LoadError as exc:
                yield InputError(path=path, message=str(exc))
            except Exception as exc:  # noqa: BLE001 - a bug must not lose the other files' results
                reason = " ".join(f"{type(exc).__name__}: {exc}".split())
                yield InputError(path=path, message=f"internal error: {reason}")

    def check_paths(self, paths: Iterable[str | os.PathLike[str]]) -> Report:
        """Check files and folders (txt, md, html); unreadable inputs and problems of the
        checker (each once, `checker.problems`) become `Report.errors`."""
        report, problems = Report(), Problems()
        for item in self.iter_check(paths):
            if isinstance(item, InputError):
                report.errors.append(item)
            else:
                report.documents.append(item)
                report.errors.extend(problems.document(item))
        report.errors.extend(problems.finish(self.setup_errors))
        return report


def _phases(rules: list[Rule]) -> tuple[list[Rule], list[Rule], list[Rule]]:
    """The rules in the order they run: the ordinary ones (under the time budget), those that
    report on the run (`RUN`), and those that read what the suppressions silenced."""
    ordinary: list[Rule] = []
    on_run: list[Rule] = []
    on_suppressions: list[Rule] = []
    for rule in rules:
        needs = set(requirements(rule))
        phase = on_suppressions if SUPPRESSIONS in needs else on_run if RUN in needs else ordinary
        phase.append(rule)
    return ordinary, on_run, on_suppressions


def check_text(
    text: str,
    *,
    path: str | None = None,
    date: str | Date | None = None,
    config: Config | None = None,
) -> Report:
    """Check one article given as a string and return a `Report` with its one document.

    The same as `Checker(config).check_text(...)` wrapped in a `Report` (rule-pack errors and
    rules that failed go to `Report.errors`), on a checker kept warm per configuration, so
    repeated calls are fast.
    """
    checker, lock = _shared_checker(config)
    with lock:
        document = checker.check_text(text, path=path, date=date)
    problems = Problems()
    errors = problems.document(document)
    return Report(documents=[document], errors=problems.finish() + errors)


def check_paths(paths: Iterable[str | os.PathLike[str]], *, config: Config | None = None) -> Report:
    """Check files and folders (txt, md, html) and return one `Report`, the model that
    `factcheck --format json` prints."""
    checker, lock = _shared_checker(config)
    with lock:
        return checker.check_paths(paths)


def _shared_checker(config: Config | None) -> tuple[Checker, Lock]:
    """One warm checker per configuration; the lock lets threads share it one check at a time."""
    return _checker_for((config or Config()).model_dump_json())


@lru_cache(maxsize=4)
def _checker_for(config_json: str) -> tuple[Checker, Lock]:
    return Checker(Config.model_validate_json(config_json)), Lock()
