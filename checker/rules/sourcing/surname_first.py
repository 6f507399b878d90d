from __future__ import annotations

from collections.abc import Iterator

from checker.analysis import Analysis
from checker.models import Finding, Severity, SourceKind
from checker.rules.base import PythonRule
from checker.rules.sourcing.figures import display_end


class SurnameFirst(PythonRule):
    """A person quoted by surname before the article gives the full name.

    ## What it checks
    The first attribution to a person whose source is a bare surname ("Kirby said") when
    no earlier sentence has named that person in full ("John Kirby", "Department of
    Defense press secretary John Kirby"). A headline names people by surname by custom:
    its attributions are left out, whatever its casing and punctuation (an opening line of
    one short sentence led by "Lynch:" or in the present tense, "Flynn says ...", is one).

    ## Why it matters
    Style guides introduce a speaker by full name and role on first reference; a surname
    alone leaves the reader guessing who is speaking, and often betrays a paragraph moved
    during editing.

    ## Example
    “We have a problem,” Kirby said. ... Department of Defense press secretary John Kirby
    told reporters ...

    ## Suggested fix
    Give the full name (and role) on first reference and the surname afterwards.
    """

    id = "sourcing.surname-first"
    example = (  # the seed's paragraphs 4 and 3 in the wrong order
        "Of the 2,000 from Fort Bragg, N.C., approximately 1,700 are members of the 82nd "
        "Airborne Division’s infantry brigade, who will go to Poland, while the remaining "
        "300 will be transferred from the 18th Airborne Corps and deployed to Germany as "
        "a “joint task force-capable headquarters,” Kirby said.\n\nHowever, Department of "
        "Defense press secretary Juan Kirby emphasized that “these are not permanent "
        "movements,” but are designed to respond to the current security situation."
    )
    severity = Severity.warning
    requires = ("docs", "attributions", "sources")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        seen: set[str] = set()
        headline = display_end(analysis)  # a headline names people by surname by custom
        for record in analysis.attributions:
            speaker = record.reporting_speaker  # "Scott ... voted against": not quoted
            source = record.attribution.source
            if speaker is None or speaker.kind != SourceKind.person or source is None:
                continue
            if source.start < headline:
                continue
            if speaker.id in seen or not speaker.id.startswith("person:"):
                continue
            seen.add(speaker.id)
            words = source.text.replace("’s", "").split()
            full = speaker.name.split()
            if len(words) != 1 or len(full) < 2 or words[0] != full[-1]:
                continue
            if _named_before(analysis, speaker.name, source.start):
                continue
            yield self.finding(
                analysis,
                source.start,
                source.end,
                f"{source.text} is quoted before the article gives the full name ({speaker.name})",
                suggestion=f"introduce {speaker.name} in full, with the role, on first reference",
            )


NAME_GAP = 5  # tokens between a first name and the surname: a middle initial, a quoted nickname


def _named_before(analysis: Analysis, name: str, offset: int) -> bool:
    """Whether the full name occurs before `offset`: as a PERSON entity, or as the first name a
    few words before the surname, up to the one at `offset` ('Rep. Robert C. "Bobby" Scott',
    which the tagger splits into two names)."""
    first, last = name.split()[0], name.split()[-1]
    for base, doc in analysis.docs:
        for ent in doc.ents:
            start = base + ent.start_char
            if start >= offset:
                break
            if ent.label_ == "PERSON" and name in ent.text.replace("’s", ""):
                return True
        for tok in doc:
            if base + tok.idx > offset:  # the surname at `offset` itself may follow its first name
                break
            if tok.text == last and any(
                t.text == first for t in doc[max(0, tok.i - NAME_GAP) : tok.i]
            ):
                return True
    return False
