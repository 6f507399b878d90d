"""input.*: what the checker could not read of a document, said in its report, never silently."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from checker.models import Finding, Severity
from checker.nlp import CUTS, SENTENCE_CAP
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
    Whether `--time-budget` seconds (`time-budget` in the configuration; 15 by default, 0 for no
    limit) were spent before the whole text was annotated (spaCy may use 60% of it), or before
    every stage and rule ran.
    A step that runs on past the budget by a fifth of it again (at least a second) is stopped. The
    finding sits where the annotated text ends and names the stages and rules that were skipped
    or stopped; what the earlier ones found is kept.

    ## Why it matters
    A skipped stage or rule reports nothing: without this finding a slow document would pass
    the gate unchecked.

    ## Example
    A 2 MB transcript checked with `--time-budget 1` (any article, with `--time-budget 0.001`).

    ## Suggested fix
    Raise `--time-budget`, or check this document on its own.
    """

    id = "input.time-budget"
    example = "The Pentagon said Wednesday (Feb. 2) that 1,000 U.S. troops will be redeployed."
    example_config: ClassVar[dict[str, object]] = {"time_budget": 0.001}
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


class SentenceCut(PythonRule):
    """A run-on stretch with no sentence end, cut so that the checker stays fast.

    ## What it checks
    Whether the text runs for 600 tokens with no full stop, question or exclamation mark and no
    blank line. Such a stretch is cut before the parser reads it (after a comma or a semicolon
    where one is near), so that every step that reads a sentence stays bounded. The finding
    sits at the first cut and counts them; relations and attributions that would span a cut are
    not read. Real copy never comes near: the longest such stretch in the PolNeAR and Reuters
    corpora is 317 tokens, a table.

    ## Why it matters
    Text with no sentence ends is rarely copy: a pasted table, a list with its line breaks
    lost, a feed of figures. The checker reads it, but not as sentences.

    ## Example
    The seed article's first sentence repeated forty times, joined by commas, with no full stop.

    ## Suggested fix
    End the sentences, or break the text into paragraphs or a real table.
    """

    id = "input.sentence-cut"
    _SEED = (
        "The United States is sending 3,000 troops to Europe amid fears of a possible Russian"
        " military invasion of Ukraine"
    )
    example = ", and ".join([_SEED] * 40)
    severity = Severity.warning
    requires = ("run",)
    SHOWN = 10  # further cuts are related spans, up to this many

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        cuts = [base + at for base, doc in analysis.docs for at in doc.user_data.get(CUTS, ())]
        if not cuts:
            return
        first, more = cuts[0], cuts[1:]
        yield self.finding(
            analysis, first, first,
            f"{len(cuts):,} run-on stretch{'es' * (len(cuts) > 1)} of {SENTENCE_CAP} tokens with"
            " no sentence end cut here" + (" and later" if more else "")
            + ": relations and attributions across a cut are not read",
            suggestion="end the sentences, or break the text into paragraphs",
            related=[analysis.document.span(at, at) for at in more[: self.SHOWN]],
        )  # fmt: skip


class SolverLimit(PythonRule):
    """Constraints the solver did not check in full, so that one document cannot stall it.

    ## What it checks
    Whether a constraint had more than 60 figures (it is left undetermined), whether more than
    200 constraints were linked by shared figures (they are checked one at a time, not all
    together), or whether z3 ran past its two seconds on a check. The finding sits at the first
    such constraint's cue and names the constraints left out.

    ## Why it matters
    A break between figures that only the joint check would find is not reported for these
    constraints: the gate has not checked them.

    ## Example
    "Of the 7,000 troops, 100 to Camp A0, 100 to Camp B1, ... and the remaining 100 to Camp R69.":
    a partition of 71 figures.

    ## Suggested fix
    Check the figures by hand, or split the document.
    """

    id = "input.solver-limit"
    example = (
        "Of the 7,000 troops, "
        + ", ".join(f"100 to Camp {chr(65 + i % 26)}{i}" for i in range(69))
        + " and the remaining 100 to Camp R69."
    )
    severity = Severity.warning
    requires = ("constraints", "unsolved", "run")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        left = set(analysis.unsolved)
        spans = [
            r.constraint.cue_span
            for r in analysis.constraints
            if r.constraint.id in left and r.constraint.cue_span is not None
        ]
        if not spans:
            return
        first, more = spans[0], spans[1:]
        yield self.finding(
            analysis, first.start, first.end,
            f"{len(spans):,} constraint{'s' * (len(spans) > 1)} not checked in full (too many"
            " figures, too many linked constraints, or past the solver's time limit): a break"
            " between their figures may go unreported",
            suggestion="check these figures by hand, or split the document",
            related=more[: SentenceCut.SHOWN],
        )  # fmt: skip


def annotated_end(analysis: Analysis) -> int:
    """The end offset of the text the spaCy pass covered."""
    if not analysis.docs:
        return 0 if analysis.text.strip() else len(analysis.text)
    base, doc = analysis.docs[-1]
    return base + len(doc.text)
