"""What every output format shares: run facts (rules, fail level), running totals, and a writer
that takes documents one at a time, so a run over 10,000 articles never holds them all.

A format is a `Writer` subclass: `start()`, then `document(doc)` / `error(err)` in input order,
then `finish(totals)`. `render_report` drives a writer over a whole `Report` for callers that
have one (the library, tests).
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from checker.models import DocumentReport, Finding, InputError, Report, Severity

if TYPE_CHECKING:
    from checker.rules.base import Rule

TOOL_NAME = "factcheck"


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a rule: enough for SARIF's `tool.driver.rules`."""

    id: str
    severity: Severity
    summary: str
    docs: str
    help_uri: str | None = None  # the rule's reference page, when the config has a docs-url

    @classmethod
    def of(
        cls, rule: Rule, severity: Severity | None = None, help_uri: str | None = None
    ) -> RuleInfo:
        """`severity`: the level this run gives the rule, when the configuration overrides it."""
        return cls(
            rule.id,
            severity or rule.severity,
            rule.summary or rule.id,
            rule.docs or rule.summary or rule.id,
            help_uri,
        )


@dataclass
class RunInfo:
    """Facts about the run a format may print: the selected rules and the fail level."""

    rules: list[RuleInfo] = field(default_factory=list)
    fail_on: str = "error"
    version: str = ""
    quiet: bool = False

    def fails(self, finding: Finding) -> bool:
        """Is this finding at or above the fail level?"""
        return self.fail_on != "never" and finding.severity.rank >= Severity(self.fail_on).rank

    def gate_fails(self, totals: Totals) -> bool:
        """Does the run fail the gate: an input error, or a finding at or above the fail level?"""
        if totals.errors:
            return True
        return self.fail_on != "never" and totals.worst_rank() >= Severity(self.fail_on).rank


@dataclass
class Totals:
    """Running counts over a run; the CLI's exit code and the summaries read them."""

    documents: int = 0
    words: int = 0
    errors: int = 0
    per_rule: Counter[tuple[str, Severity]] = field(default_factory=Counter)

    def add(self, item: DocumentReport | InputError) -> None:
        if isinstance(item, InputError):
            self.errors += 1
            return
        self.documents += 1
        self.words += item.words
        self.per_rule.update((f.rule_id, f.severity) for f in item.findings)

    def count(self, severity: Severity) -> int:
        return sum(n for (_, sev), n in self.per_rule.items() if sev == severity)

    def worst_rank(self) -> int:
        return max((sev.rank for (_, sev) in self.per_rule), default=0)

    @classmethod
    def of(cls, report: Report) -> Totals:
        totals = cls()
        for item in _items(report):
            totals.add(item)
        return totals


def with_suggestion(finding: Finding) -> str:
    """The message, and the suggestion on a second line: how the line formats carry both."""
    return finding.message + (f"\n{finding.suggestion}" if finding.suggestion else "")


class Writer:
    """Base of every format; subclasses override what they print."""

    def __init__(self, out: TextIO, info: RunInfo | None = None) -> None:
        self.out = out
        self.info = info or RunInfo()
        self.errors: list[InputError] = []

    def start(self) -> None:
        pass

    def document(self, doc: DocumentReport) -> None:
        raise NotImplementedError

    def error(self, err: InputError) -> None:
        self.errors.append(err)

    def finish(self, totals: Totals) -> None:
        pass

    def write_all(self, items: list[DocumentReport | InputError], totals: Totals) -> None:
        self.start()
        for item in items:
            if isinstance(item, InputError):
                self.error(item)
            else:
                self.document(item)
        self.finish(totals)


def render_report(writer: type[Writer], report: Report, info: RunInfo | None = None) -> str:
    out = io.StringIO()
    writer(out, info or default_info()).write_all(_items(report), Totals.of(report))
    return out.getvalue()


def _items(report: Report) -> list[DocumentReport | InputError]:
    """A whole report as one stream for a writer or the totals: documents, then input errors."""
    return [*report.documents, *report.errors]


def default_info(fail_on: str = "error") -> RunInfo:
    """Run facts when no run gave them: every rule the default configuration selects."""
    from checker import __version__
    from checker.config import Config
    from checker.registry import selected_rules

    rules, _ = selected_rules(Config(fail_on=fail_on))
    return RunInfo(rules=[RuleInfo.of(r) for r in rules], fail_on=fail_on, version=__version__)
