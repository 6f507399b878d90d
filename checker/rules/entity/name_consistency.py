"""entity.name-consistency: one person named two ways in the same article."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from checker.knowledge.names import is_initial, key
from checker.models import Finding, Severity
from checker.rules.base import PythonRule
from checker.rules.entity import alike, identify, misspelt_first

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.extract.people import PersonMention
    from checker.knowledge import KnowledgeBase

# Two first names the knowledge base knows neither of must be this alike (rapidfuzz ratio).
UNKNOWN_SIMILARITY = 70


class NameConsistency(PythonRule):
    """The same person is named two ways in one article (Juan Kirby / John Kirby).

    ## What it checks
    Full names that share a surname and have similar first names. When the knowledge base
    knows one spelling, the other is flagged (first names as alike as Juan and John); when
    it knows neither, only close spellings are (Jon and John). Relatives and namesakes the
    knowledge base knows as different people (Bill and Hillary Clinton) are not flagged, nor
    initials and short forms (J. Kirby, Mike / Michael when both are known aliases). A single
    full name that is a near copy of a known person's (Hillery for Hillary Clinton), in an
    article that also uses the surname alone, is flagged as well.

    ## Why it matters
    Two spellings of one name means at least one is wrong, and readers cannot tell whether
    the story is about one person or two.

    ## Example
    Department of Defense press secretary Juan Kirby said ... John Kirby added ...

    ## Suggested fix
    Use one spelling throughout: the one the knowledge base (or the byline's source) has.
    """

    id = "entity.name-consistency"
    example = (
        "However, Department of Defense press secretary Juan Kirby emphasized that “these "
        "are not permanent movements,” but are designed to respond to the current "
        "security situation. The remaining 300 will be transferred from the 18th Airborne "
        "Corps and deployed to Germany as a “joint task force-capable headquarters,” John "
        "Kirby said."
    )
    example_date = "2022-02-02"
    severity = Severity.warning
    requires = ("people",)

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        kb = analysis.kb  # optional: without one, the article is read against itself
        groups: dict[str, list[PersonMention]] = defaultdict(list)
        for m in analysis.people:
            if m.full and not is_initial(m.first):
                groups[m.surname].append(m)
        for mentions in groups.values():
            variants: dict[str, list[PersonMention]] = defaultdict(list)
            for m in mentions:
                variants[m.first].append(m)
            flagged = list(self._variants(analysis, kb, variants)) if len(variants) > 1 else []
            yield from flagged
            if kb is None:
                continue
            done = {f.span.start for f in flagged}
            for same in variants.values():
                if same[0].start not in done:
                    yield from self._near_known(analysis, kb, same[0])

    def _near_known(
        self, analysis: Analysis, kb: KnowledgeBase, m: PersonMention
    ) -> Iterator[Finding]:
        """ "Hillery Clinton ... Clinton": a full name that is a near copy of a known person's,
        with the surname used elsewhere in the article: probably that person, misspelt."""
        surname = m.name.split()[-1]
        if len(re.findall(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", analysis.text)) < 2:
            return
        if identify(kb, m):
            return
        near = [
            p for p in kb.people_with_surname(m.surname) if misspelt_first(m.first, p, strict=True)
        ]
        # Donald Trump and Donald Trump Jr. both fit "Doneld Trump": the closer full name wins.
        scored = sorted(
            ((fuzz.ratio(key(m.name), key(p.name)), p.name) for p in near), reverse=True
        )
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            best = scored[0][1]
            yield self.finding(
                analysis, m.start, m.end,
                f"{m.name} is not in the knowledge base, which knows {best}; the article"
                f" also says {surname} elsewhere",
                suggestion=f"Did you mean {best}?", replacement=best,
            )  # fmt: skip

    def _variants(
        self, analysis: Analysis, kb: KnowledgeBase | None, variants: dict[str, list[PersonMention]]
    ) -> Iterator[Finding]:
        ids = {first: _known(kb, ms[0].name) for first, ms in variants.items()}
        firsts = sorted(variants, key=lambda f: (-len(variants[f]), variants[f][0].start))
        for odd in firsts:
            if ids[odd]:
                continue  # a known spelling is never the odd one
            for other in firsts:
                if other == odd or odd.startswith(other) or other.startswith(odd):
                    continue
                if not ids[other] and firsts.index(other) > firsts.index(odd):
                    continue  # between two unknown spellings, flag the rarer or later one
                if alike(odd, other) and (
                    ids[other] or fuzz.ratio(odd, other) >= UNKNOWN_SIMILARITY
                ):
                    m, ref = variants[odd][0], variants[other][0]
                    yield self.finding(
                        analysis, m.start, m.end,
                        f"{m.name} is also named {ref.name} in this article",
                        suggestion=f"Use one spelling throughout: {ref.name}?",
                        replacement=ref.name,
                        related=[analysis.document.span(ref.start, ref.end)],
                    )  # fmt: skip
                    break


def _known(kb: KnowledgeBase | None, name: str) -> frozenset[str]:
    return frozenset(p.id for p in kb.people_named(name)) if kb else frozenset()
