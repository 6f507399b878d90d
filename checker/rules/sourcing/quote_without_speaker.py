from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.extract.attribution import quotes
from checker.models import Finding, Severity
from checker.rules.base import PythonRule
from checker.rules.sourcing.common import attributed, is_named
from checker.sources import speaker_for


class QuoteWithoutSpeaker(PythonRule):
    """Words in quotation marks that no named speaker is given for.

    What it checks:
        Every quoted stretch (curly or straight quotation marks) whose sentence attributes it to
        no one, or only to a country or a city standing for its government ("the U.S.
        considers ...", "Moscow says ..."), or to an unnamed source.

    Why it matters:
        Quotation marks promise the reader that somebody said exactly these words. Without a
        named speaker the quote cannot be checked, and scare quotes read as the outlet's own
        judgement.

    Example:
        Although Moscow has repeatedly insisted that it does not want a war with Kiev, the U.S.
        considers a Russian attack “imminent.”

    Suggested fix:
        Name who used the words ("a senior State Department official called an attack
        “imminent”") or drop the quotation marks and paraphrase.
    """

    id = "sourcing.quote-without-speaker"
    severity = Severity.warning

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        for sent in analysis.sentences:
            for start, end in quotes(analysis.text, sent.start, sent.end):
                if not any(ch.isalpha() for ch in analysis.text[start:end]):
                    continue
                speakers = [speaker_for(analysis, i) for i in attributed(analysis, start, end)]
                if any(is_named(s) for s in speakers):
                    continue
                given = next((s for s in speakers if s is not None), None)
                why = f"attributed only to {given.name}" if given else "no speaker is given"
                yield self.finding(
                    analysis,
                    start,
                    end,
                    f"quoted words {analysis.text[start:end]} have no named speaker ({why})",
                    suggestion="name who used these words, or paraphrase without quotation marks",
                )
