"""entity.name-role: a name that does not fit the office, or a known person's first name wrong."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from checker.analysis import ARTICLE_DATE, KB
from checker.knowledge.names import name_parts
from checker.models import Finding, Severity
from checker.rules.base import PythonRule
from checker.rules.entity import (
    capitalised,
    identify,
    misspelt_first,
    office,
)

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.extract.people import PersonMention
    from checker.knowledge import KnowledgeBase


class NameRole(PythonRule):
    """The person named for an office is not who held it on the article's date.

    ## What it checks
    A name written after an office ("Department of Defense press secretary Juan Kirby") is
    compared with the knowledge base's holder of that office on the article's date. Without
    a title, a full name whose surname belongs to a known office holder and whose first
    name is close to theirs ("Juan" for "John") is caught when the article names that
    holder's organisation. Titles after "former", "acting", "deputy", "a" and the like are
    not checked.

    ## Why it matters
    A wrong first name or the wrong holder of an office is a correction waiting to happen,
    and readers trust nothing else in a story that gets the spokesman's name wrong.

    ## Example
    Department of Defense press secretary Juan Kirby emphasized ... (2022-02-02)

    ## Suggested fix
    The U.S. Department of Defense press secretary on 2022-02-02 was John Kirby: write
    "John Kirby". When the office holder changed, check the date or add "former".
    """

    id = "entity.name-role"
    example = (
        "However, Department of Defense press secretary Juan Kirby emphasized that “these "
        "are not permanent movements.”"
    )
    example_date = "2022-02-02"
    severity = Severity.error
    requires = (KB, ARTICLE_DATE, "people", "organisations")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        kb, on = analysis.knowledge, analysis.known_date
        named = {org for _, _, org in analysis.organisations}
        for m in analysis.people:
            if m.full and not m.qualified:
                found = self._by_title(analysis, kb, m, on) or self._by_surname(
                    analysis, kb, m, on, named
                )
                if found:
                    yield found

    def _by_title(
        self, analysis: Analysis, kb: KnowledgeBase, m: PersonMention, on: date
    ) -> Finding | None:
        if not m.title_key:
            return None
        known = {p.id for p in identify(kb, m)}
        holders = kb.holders(m.title_key, m.organisation, on)
        if any(h.person_id in known for h in holders):
            return None
        if not holders:
            return self._out_of_term(analysis, kb, m, on, known)
        people = {h.person_id: h for h in holders}
        same = {i: h for i, h in people.items() if name_parts(h.person_name)[1] == m.surname}
        if m.organisation and len(people) == 1:
            holder = next(iter(people.values()))
        elif len(same) == 1:
            holder = next(iter(same.values()))
            person = kb.by_id(holder.person_id)
            if not person or not misspelt_first(m.first, person):
                return None
        else:
            return None
        return self.finding(
            analysis, m.start, m.end,
            f"{capitalised(office(kb, holder))} on {on} was {holder.person_name}, not {m.name}",
            suggestion=f"Write {holder.person_name}, or check the title and the article's date",
            replacement=holder.person_name,
        )  # fmt: skip

    def _out_of_term(
        self, analysis: Analysis, kb: KnowledgeBase, m: PersonMention, on: date, known: set[str]
    ) -> Finding | None:
        if not m.organisation or len(known) != 1:
            return None
        person = identify(kb, m)[0]
        terms = [r for r in person.roles
                 if r.title_key == m.title_key and r.organisation == m.organisation]  # fmt: skip
        if not terms:
            return None
        periods = "; ".join(f"from {r.start or '?'} to {r.end or 'now'}" for r in terms)
        return self.finding(
            analysis, m.start, m.end,
            f"{person.name} was {office(kb, terms[0])} {periods}, not on {on}",
            suggestion="Check the article's date, or write 'former' before the title",
        )  # fmt: skip

    def _by_surname(
        self, analysis: Analysis, kb: KnowledgeBase, m: PersonMention, on: date, named: set[str]
    ) -> Finding | None:
        """A full name no one in the knowledge base has, whose surname and first name are close
        to an office holder whose organisation the article names (Juan / John Kirby)."""
        if identify(kb, m):
            return None
        office_holders = [
            (p, r) for p in kb.people_with_surname(m.surname, active_on=on) for r in p.roles_on(on)
            if r.organisation in named or (m.title_key and r.title_key == m.title_key)
        ]  # fmt: skip
        candidates = {p.id: (p, r) for p, r in office_holders if misspelt_first(m.first, p)}
        if len(candidates) != 1:
            return None
        person, role = next(iter(candidates.values()))
        return self.finding(
            analysis, m.start, m.end,
            f"{m.name} is not known; {person.name} was {office(kb, role)} on {on} and the"
            " article names that organisation",
            suggestion=f"Did you mean {person.name}?", replacement=person.name,
        )  # fmt: skip
