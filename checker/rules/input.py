"""input.*: what the checker could not read of a document, said in its report, never silently."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from checker.models import Finding, Severity
from checker.rules.base import PythonRule

if TYPE_CHECKING:
    from checker.analysis import Analysis


class Truncated(PythonRule):
    """A document larger than the size cap, of which only the first part was checked.

    ## What it checks
    Whether the loader cut the file at `--max-bytes` (`max-bytes` in the configuration, 5,000,000
    bytes by default). The cut falls at the last paragraph break before the cap, else the last
    sentence end, else the last space; the finding sits at that point, the end of what was read.

    ## Why it matters
    Nothing after the cut was checked: a gate that passed has said nothing about it.

    ## Example
    A 6 MB archive page checked with the default cap (or two paragraphs of the seed article
    checked with `max-bytes = 120`: only the first is read).

    ## Suggested fix
    Split the file, or raise `--max-bytes` to check all of it.
    """

    id = "input.truncated"
    example = (
        "The Pentagon said Wednesday (Feb. 2) that 1,000 U.S. troops will be redeployed from "
        "Germany to Romania.\n\nThe 1,000 U.S. troops going to Romania are members of the 2nd "
        "Cavalry Regiment based in Vilseck, Germany."
    )
    example_config: ClassVar[dict[str, object]] = {"max_bytes": 120}
    severity = Severity.warning
    requires = ("run",)  # reports on the run, after the other rules

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        doc, end = analysis.document, len(analysis.text)
        if doc.truncated_from is not None:
            yield self.finding(
                analysis, end, end,
                f"document is {doc.truncated_from:,} bytes; only the first"
                f" {analysis.config.max_bytes:,} were read, cut here at a paragraph or sentence"
                " boundary",
                suggestion="split the file, or raise --max-bytes to check all of it",
            )  # fmt: skip


class TimeBudget(PythonRule):
    """A document whose time budget ran out before every stage and rule had run.

    ## What it checks
    Whether `--time-budget` seconds (`time-budget` in the configuration) were spent before the
    whole text was annotated, or before every stage and rule ran. The finding sits where the
    annotated text ends and names the stages and rules that were skipped.

    ## Why it matters
    A skipped stage or rule reports nothing: without this finding a slow document would pass
    the gate unchecked.

    ## Example
    A 2 MB transcript checked with `--time-budget 1` (any article, with `--time-budget 0`).

    ## Suggested fix
    Raise `--time-budget`, or check this document on its own.
    """

    id = "input.time-budget"
    example = "The Pentagon said Wednesday (Feb. 2) that 1,000 U.S. troops will be redeployed."
    example_config: ClassVar[dict[str, object]] = {"time_budget": 0}
    severity = Severity.warning
    requires = ("run",)

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        budget = analysis.run
        annotated = annotated_end(analysis)
        cut_short = budget.skipped or annotated < len(analysis.text.rstrip())
        if budget.seconds is not None and cut_short:
            skipped = ", ".join(budget.skipped) or "none"
            yield self.finding(
                analysis, annotated, annotated,
                f"time budget of {budget.seconds:g}s spent: text after this point was not"
                f" annotated by spaCy; stages and rules skipped: {skipped}",
                suggestion="raise --time-budget, or check this document on its own",
            )  # fmt: skip


def annotated_end(analysis: Analysis) -> int:
    """The end offset of the text the spaCy pass covered."""
    if not analysis.docs:
        return 0 if analysis.text.strip() else len(analysis.text)
    base, doc = analysis.docs[-1]
    return base + len(doc.text)
