from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.models import Finding, Severity, SourceKind
from checker.rules.base import PythonRule


class Anonymous(PythonRule):
    """A claim attributed to an unnamed source ("officials said", "a source familiar with").

    ## What it checks
    Attributions whose speaker is a role or a group with no name: officials, sources,
    aides, people familiar with the matter, a spokesman.

    ## Why it matters
    Anonymous sourcing is sometimes necessary, but most style guides ask that the reader be
    told why the source is not named and how the source knows. The editor should see each
    use.

    ## Example
    Clinton's campaign has also been working behind the scenes to prepare for this
    possibility, a source familiar with the planning said.

    ## Suggested fix
    Name the source, or say why the source cannot be named and how the source knows.
    """

    id = "sourcing.anonymous"
    severity = Severity.info
    requires = ("attributions", "sources")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        for record in analysis.attributions:
            attribution = record.attribution
            speaker = record.reporting_speaker  # "members who voted against": no sourcing
            if (
                speaker is None
                or speaker.kind != SourceKind.anonymous
                or attribution.source is None
            ):
                continue
            yield self.finding(
                analysis,
                attribution.source.start,
                attribution.source.end,
                f"anonymous source: “{attribution.source.text}” {attribution.cue.text}",
                suggestion="name the source, or say why it cannot be named and how it knows",
            )
