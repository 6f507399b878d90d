"""One pydantic model per declarative rule kind (Vale's extension points)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import re2
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from checker.models import Finding, Severity
from checker.rules.base import make_finding

if TYPE_CHECKING:
    from checker.analysis import Analysis

# RE2's \w and \b are ASCII-only: write Unicode-aware classes such as [\pL\pN_] instead.


_QUIET = re2.Options()
_QUIET.log_errors = False  # a bad pattern is reported once, as a PackError, not also on stderr


def literal_alternation(tokens: Iterable[str]) -> str:
    return "|".join(re2.escape(t) for t in sorted(tokens, key=len, reverse=True))


class PackRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")
    kind: str
    severity: Severity = Severity.warning
    message: str
    docs: str = ""
    link: str | None = None
    pack: str = ""
    origin: str = ""
    fields: ClassVar[tuple[str, ...]] = ("match",)  # what `message` may name, e.g. {match}

    @property
    def summary(self) -> str:
        return (self.docs.strip().split("\n", 1)[0] if self.docs.strip() else self.message)

    def compile(self) -> None:
        raise NotImplementedError

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, analysis: Analysis, start: int, end: int, **values: Any) -> Finding:
        suggestion = values.pop("suggestion", None)
        replacement = values.pop("replacement", None)
        return make_finding(
            analysis, self.id, self.severity, start, end, self.message.format(**values),
            suggestion=suggestion, replacement=replacement,
        )  # fmt: skip


class Existence(PackRule):
    """Flags every occurrence of a phrase or pattern."""

    kind: Literal["existence"] = "existence"
    tokens: list[str] = Field(default_factory=list, description="literal phrases")
    patterns: list[str] = Field(default_factory=list, description="RE2 patterns")
    ignorecase: bool = True
    _regex: Any = PrivateAttr(None)

    def compile(self) -> None:
        parts = [literal_alternation(self.tokens)] if self.tokens else []
        parts += [f"(?:{p})" for p in self.patterns]
        if not parts:
            raise ValueError("an existence rule needs tokens or patterns")
        flags = "(?i)" if self.ignorecase else ""
        try:
            self._regex = re2.compile(flags + "|".join(parts), _QUIET)
        except re2.error as exc:
            raise ValueError(f"bad pattern: {exc}") from None

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        for m in self._regex.finditer(analysis.text):
            if m.end() > m.start():
                yield self.finding(analysis, m.start(), m.end(), match=m.group(0))


KINDS: dict[str, type[PackRule]] = {"existence": Existence}
