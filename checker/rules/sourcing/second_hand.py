from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.models import Attribution, Finding, Severity, SourceKind
from checker.rules.base import PythonRule


class SecondHand(PythonRule):
    """A statement relayed through another outlet rather than heard first-hand.

    ## What it checks
    Sentences in which one speaker's words reach the reader through another publication:
    "X said ..., according to The Hill", "The Hill reported that X said ...".

    ## Why it matters
    Second-hand sourcing inherits every error of the outlet relayed, and the reader cannot
    tell whether the speaker's words were checked. Editors usually want the original
    statement, or at least a clear credit.

    ## Example
    Similarly, NATO Secretary Jens Stoltenberg said last month that no alliance forces
    would be deployed in Kiev, according to The Hill.

    ## Suggested fix
    Cite the original statement (transcript, press release, interview) or keep the credit
    and check the quote against the outlet's copy.
    """

    id = "sourcing.second-hand"
    severity = Severity.info
    requires = ("claims", "attributions", "sources")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        records = analysis.attributions
        for teller in records:
            relay, outlet = teller.attribution, teller.speaker
            if outlet is None or outlet.kind != SourceKind.publication:
                continue
            claim = analysis.claim_at(relay.cue.start)
            if claim is None:
                continue
            for record in records:
                other, speaker = record.attribution, record.reporting_speaker
                if record is teller or speaker is None or speaker.id == outlet.id:
                    continue
                if not _relayed(relay, other, claim.span.start, claim.span.end):
                    continue
                start = min(
                    relay.cue.start, relay.source.start if relay.source else relay.cue.start
                )
                end = max(relay.cue.end, relay.source.end if relay.source else relay.cue.end)
                yield self.finding(
                    analysis,
                    start,
                    end,
                    f"the words of {speaker.name} are relayed through {outlet.name} (second-hand)",
                    suggestion=f"cite {speaker.name}'s original statement, or check it against {outlet.name}",
                    related=[other.source or other.cue],
                )
                break


def _relayed(relay: Attribution, other: Attribution, start: int, end: int) -> bool:
    """ "X said ..., according to The Hill" (same sentence), or "The Hill reported that X said"
    (the other cue inside what the outlet reports)."""
    if relay.cue_type == "according_to":
        return start <= other.cue.start < end
    content = relay.content
    return content is not None and content.start <= other.cue.start < content.end
