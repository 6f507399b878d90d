"""suppression.unused: a suppression comment in the copy that silences nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.config import prefix_match
from checker.models import Finding, Severity
from checker.rules.base import PythonRule
from checker.suppress import SCOPES

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.suppress import Suppression


class UnusedSuppression(PythonRule):
    """A suppression comment that silences nothing.

    ## What it checks
    Every `<!-- factcheck: ignore RULE -->` comment or `[factcheck: ignore RULE]` line (and
    every `ignore-file`, `ignore-line`, `ignore-next-line` and `off` ... `on` marker) that
    covers no finding: the rule id is misspelt, the rule was not selected, or the copy was fixed
    and the comment stayed behind. An `on` that ends no `off` is reported too.

    ## Why it matters
    A misspelt suppression silences nothing and hides that from the editor; a stale one will
    silence the next real finding in that paragraph.

    ## Example
    "[factcheck: ignore style.redundnacy]"

    ## Suggested fix
    Correct the rule id (`factcheck rules` lists them) or delete the comment.
    """

    id = "suppression.unused"
    severity = Severity.info
    requires = ("run", "suppressions")  # runs after every other rule, once suppressions apply

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        selected = analysis.run.selected
        for suppression in analysis.suppressions:
            if not suppression.silenced:
                yield self.finding(analysis, *suppression.marker, _message(suppression, selected))


def _message(suppression: Suppression, selected: tuple[str, ...]) -> str:
    if suppression.verb == "on":
        return "This 'on' ends no 'off' before it: nothing to turn back on"
    unknown = [n for n in suppression.rules if not any(prefix_match(r, n) >= 0 for r in selected)]
    if unknown:
        return f"'{unknown[0]}' names no rule that ran: misspelt, or not selected?"
    named = ", ".join(suppression.rules) or "any rule"
    return f"This suppression silences nothing: no {named} finding in {SCOPES[suppression.verb]}"
