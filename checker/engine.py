"""The one `check` every face calls: load, annotate, extract, model, solve, run rules, report.

`Checker` keeps the spaCy pipeline, the rules and the knowledge base warm between calls, so an
editor's tool or the language server pays the start-up cost once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date as Date

from checker import article_date, claims, nlp
from checker.analysis import Analysis
from checker.config import Config
from checker.document import Document
from checker.extract import quantities
from checker.load import LoadError, iter_files, load_path, load_text
from checker.models import DocumentReport, InputError, Report
from checker.rules import selected_rules
from checker.rules.base import Rule

Stage = Callable[[Analysis], None]

# The pipeline, in order. Each later capability adds its stage here, in its own module.
STAGES: tuple[Stage, ...] = (
    article_date.extract,  # first: every later stage reads analysis.article_date
    quantities.extract,
    claims.build,
)


class Checker:
    """A warm checker: build once, call `check_text` / `check_document` / `check_paths` often."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self._rules: list[Rule] | None = None
        self.setup_errors: list[str] = []
        self.resources: dict[str, object] = {}

    @property
    def rules(self) -> list[Rule]:
        if self._rules is None:
            self._rules, self.setup_errors = selected_rules(self.config)
        return self._rules

    def warm_up(self) -> Checker:
        """Load the pipeline and rules now rather than on the first document."""
        nlp.pipeline()
        _ = self.rules
        return self

    def check_document(self, document: Document) -> DocumentReport:
        if not document.date and self.config.date:
            document.date, document.date_origin = self.config.date, "config"
        analysis = Analysis(document=document, config=self.config, resources=self.resources)
        analysis.docs, analysis.sentences = nlp.annotate(document.text)
        for stage in STAGES:
            stage(analysis)
        for rule in self.rules:
            analysis.findings.extend(rule.check(analysis))
        return analysis.report()

    def check_text(
        self, text: str, *, path: str | None = None, date: str | Date | None = None
    ) -> DocumentReport:
        """Check a string; `path` picks the format by its suffix (.md, .html, else plain text)."""
        when = date.isoformat() if isinstance(date, Date) else date
        return self.check_document(load_text(text, path=path or "<text>", date=when))

    def iter_check(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[DocumentReport | InputError]:
        """Reports (or input errors) one file at a time, in a stable order."""
        for path, problem in iter_files(paths):
            if problem:
                yield InputError(path=path, message=problem)
                continue
            try:
                document = load_path(path, date=self.config.date)
            except LoadError as exc:
                yield InputError(path=path, message=str(exc))
                continue
            yield self.check_document(document)

    def check_paths(self, paths: Iterable[str | os.PathLike[str]]) -> Report:
        report = Report()
        for item in self.iter_check(paths):
            (report.errors if isinstance(item, InputError) else report.documents).append(item)
        report.errors.extend(InputError(path="<rules>", message=m) for m in self.setup_errors)
        return report


def check_text(
    text: str,
    *,
    path: str | None = None,
    date: str | Date | None = None,
    config: Config | None = None,
) -> Report:
    """Check one article given as a string and return its `Report`."""
    checker = Checker(config)
    report = Report(documents=[checker.check_text(text, path=path, date=date)])
    report.errors.extend(InputError(path="<rules>", message=m) for m in checker.setup_errors)
    return report


def check_paths(paths: Iterable[str | os.PathLike[str]], *, config: Config | None = None) -> Report:
    """Check files and folders (txt, md, html) and return one `Report`."""
    return Checker(config).check_paths(paths)
