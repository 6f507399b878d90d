"""What a rule is: an id, a severity, docs, and a `check` that yields findings.

A rule declares in `requires` the layers of the `Analysis` it reads beyond the text and sentences
(and the conditions it needs: a knowledge base, an article date); the engine runs it only where
they are there. Python rules are small classes; their docstring (a summary line, then the
sections "## What it checks / ## Why it matters / ## Example / ## Suggested fix": the dialect of
checker/rule_docs.py) is the only copy of their docs. YAML pack rules expose the same fields.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from checker.models import Finding, Fix, Severity, Span

if TYPE_CHECKING:
    from checker.analysis import Analysis


@runtime_checkable
class Rule(Protocol):
    """What the engine needs of a rule; plugins may be any object with these members."""

    @property
    def id(self) -> str: ...

    @property
    def severity(self) -> Severity: ...

    @property
    def kind(self) -> str: ...

    @property
    def pack(self) -> str: ...

    @property
    def summary(self) -> str: ...

    @property
    def docs(self) -> str: ...

    def check(self, analysis: Analysis) -> Iterable[Finding]: ...


class PythonRule:
    """Base for rules written in Python: set `id`, `severity`, a docstring, and `check`."""

    id: ClassVar[str]
    severity: ClassVar[Severity]
    kind: ClassVar[str] = "python"
    pack: ClassVar[str] = "builtin"
    # the layers of the Analysis it reads, and the conditions it needs (`analysis.KB`,
    # `analysis.ARTICLE_DATE`): the engine skips the rule on a document that lacks one
    requires: ClassVar[tuple[str, ...]] = ()
    # a text the rule fires on, checked at `example_date`: what `factcheck explain` shows
    example: ClassVar[str] = ""
    example_date: ClassVar[str | None] = None
    example_config: ClassVar[dict[str, object]] = {}  # settings the example needs (a size cap)
    # True: its fixes only reword (spelling, wordiness, boilerplate), never a name, title or
    # number, so `factcheck --fix` may apply them unreviewed (`checker.fixes`)
    fix_safe: ClassVar[bool] = False

    @property
    def docs(self) -> str:
        return inspect.cleandoc(type(self).__doc__ or "")

    @property
    def summary(self) -> str:
        return self.docs.split("\n", 1)[0]

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        analysis: Analysis,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        replacement: str | None = None,
        related: Iterable[Span] = (),
    ) -> Finding:
        return make_finding(
            analysis, self.id, self.severity, start, end, message,
            suggestion=suggestion, replacement=replacement, related=related,
        )  # fmt: skip


def fix_safe(rule: Rule) -> bool:
    """Whether `--fix` may apply the rule's fixes (a plugin without the flag: never)."""
    return getattr(rule, "fix_safe", False) is True


def make_finding(
    analysis: Analysis,
    rule_id: str,
    severity: Severity,
    start: int,
    end: int,
    message: str,
    *,
    suggestion: str | None = None,
    replacement: str | None = None,
    related: Iterable[Span] = (),
) -> Finding:
    """A finding at text offsets [start, end); `replacement` makes a one-edit fix of that span."""
    span = analysis.document.span(start, end)
    fixes = [Fix(span=span, replacement=replacement)] if replacement is not None else []
    return Finding(
        rule_id=rule_id,
        severity=analysis.config.severity_for(rule_id, severity),
        span=span,
        message=message,
        suggestion=suggestion,
        fixes=fixes,
        related=list(related),
    )
