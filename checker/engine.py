"""The one `check` every face calls: load, annotate, extract, model, solve, run rules, report.

`Checker` keeps the spaCy pipeline, the rules and the knowledge base warm between calls, so an
editor's tool or the language server pays the start-up cost once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date as Date
from functools import lru_cache
from threading import Lock

from checker import (
    article_date,
    baseline,
    claims,
    constraints,
    limits,
    nlp,
    solve,
    sources,
    suppress,
)  # fmt: skip
from checker.analysis import Analysis
from checker.config import Config, iso_date
from checker.document import Document
from checker.extract import attribution, people, quantities
from checker.knowledge import knowledge_base
from checker.load import LoadError, iter_files, load_path, load_text
from checker.models import DocumentReport, InputError, Report
from checker.rules import run_rule, selected_rules
from checker.rules.base import Rule

Stage = Callable[[Analysis], None]

# The pipeline, in order. Each later capability adds its stage here, in its own module.
STAGES: tuple[Stage, ...] = (
    article_date.extract,  # first: every later stage reads analysis.article_date
    quantities.extract,
    claims.build,
    constraints.build,
    solve.solve,
    people.extract,
    attribution.extract,
    sources.resolve,
)

# Warm objects a Checker builds once and hands to every document (`analysis.resources`):
# name -> builder(config) returning the object and one error line per problem (bad pack, ...).
RESOURCES: dict[str, Callable[[Config], tuple[object, list[str]]]] = {
    "kb": knowledge_base,
}


class Checker:
    """A warm checker: build once, call `check_text` / `check_document` / `check_paths` often.

    The spaCy pipeline, the selected rules and the shared resources (knowledge base) load on the
    first check (or on `warm_up()`) and stay loaded. One `Checker` checks one document at a time:
    give each thread its own, or run its checks on one worker thread as the language server does.
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self._rules: list[Rule] | None = None
        self.setup_errors: list[str] = []
        self.run_errors: list[str] = []  # rules that raised; check_paths reports and clears them
        self.resources: dict[str, object] = {}

    @property
    def rules(self) -> list[Rule]:
        """The selected rules, loaded once; broken packs or plugins land in `setup_errors`."""
        if self._rules is None:
            self._rules, self.setup_errors = selected_rules(self.config)
        return self._rules

    def warm_up(self) -> Checker:
        """Load the pipeline and rules now rather than on the first document."""
        nlp.pipeline()
        self._warm_resources()
        return self

    def _warm_resources(self) -> None:
        _ = self.rules  # rules first: they reset setup_errors
        for name, build in RESOURCES.items():
            if name in self.resources:
                continue
            try:
                self.resources[name], errors = build(self.config)
            except Exception as exc:  # noqa: BLE001 - a broken resource must not stop the run
                self.resources[name], errors = None, [f"{name}: {type(exc).__name__}: {exc}"]
            self.setup_errors.extend(errors)

    def check_document(self, document: Document) -> DocumentReport:
        """Check a loaded `Document` (see `checker.load`); the config's date fills a missing one."""
        if not document.date and self.config.date:
            document.date, document.date_origin = self.config.date, "config"
        self._warm_resources()
        analysis = Analysis(document=document, config=self.config, resources=self.resources)
        budget = limits.Budget(self.config.time_budget)
        analysis.docs, analysis.sentences = nlp.annotate(
            document.text, budget.deadline, document.breaks
        )
        for stage in budget.gate(STAGES):
            stage(analysis)
        for rule in budget.gate(self.rules):
            analysis.findings.extend(run_rule(rule, analysis, self.run_errors))
        analysis.findings.extend(limits.notes(analysis, budget))
        analysis.findings = suppress.apply(analysis, self.rules)
        baseline.stamp(document, analysis.findings)
        return analysis.report()

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
        for path, problem in iter_files(paths, self.config.wants):
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
        """Check files and folders (txt, md, html); unreadable inputs become `Report.errors`."""
        report = Report()
        for item in self.iter_check(paths):
            (report.errors if isinstance(item, InputError) else report.documents).append(item)
        report.errors.extend(InputError(path="<rules>", message=m) for m in self.setup_errors)
        report.errors.extend(InputError(path="<rules>", message=m) for m in self.run_errors)
        self.run_errors.clear()
        return report


def check_text(
    text: str,
    *,
    path: str | None = None,
    date: str | Date | None = None,
    config: Config | None = None,
) -> Report:
    """Check one article given as a string and return a `Report` with its one document.

    The same as `Checker(config).check_text(...)` wrapped in a `Report` (rule-pack errors go to
    `Report.errors`), on a checker kept warm per configuration, so repeated calls are fast.
    """
    checker, lock = _shared_checker(config)
    with lock:
        report = Report(documents=[checker.check_text(text, path=path, date=date)])
    report.errors.extend(InputError(path="<rules>", message=m) for m in checker.setup_errors)
    report.errors.extend(InputError(path="<rules>", message=m) for m in checker.run_errors)
    return report


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
