"""entity.name-role: a name that does not fit the office, or a known person's first name wrong."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from checker.analysis import ARTICLE_YEARS, KB
from checker.knowledge.names import name_parts
from checker.models import Finding, Severity
from checker.rules.base import PythonRule
from checker.rules.entity import (
    capitalised,
    identify,
    misspelt_first,
    office,
    when,
)
from checker.rules.entity.context import elsewhen, hypothetical, quoted, speaks_now

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.extract.people import PersonMention
    from checker.knowledge import KnowledgeBase, PersonRecord, RoleRecord


class NameRole(PythonRule):
    """The person named for an office is not who held it on the article's date.

    ## What it checks
    A name written after an office ("Department of Defense press secretary Juan Kirby") is
    compared with the knowledge base's holder of that office on the article's date. Without
    a title, a full name whose surname belongs to a known office holder and whose first
    name is close to theirs ("Juan" for "John") is caught when the article names that
    holder's organisation. Titles after "former", "then-", "acting", "deputy", "a" and the
    like are not checked. An undated article whose evidence fits a span of years and pins
    none (the people it names, its own comparisons) is checked over the whole span: a title
    is the wrong one only if the person held it on no day of the span, and a holder's
    misspelt first name is caught when they held the office some time in it.

    A person the knowledge base knows, given an office they held at another time, is an
    error where the sentence fixes the office to the article's day: an office they took up
    only later ("Vice President Mike Pence" in 2016) unless quoted or hypothetical ("if");
    an office they had left only where they speak or act now ("Senate Majority Leader Harry
    Reid says", in 2016) with no year or time phrase ("in 1981", "at the time", "under")
    that puts the sentence in their term: history keeps the title of its time.

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
    requires = (KB, ARTICLE_YEARS, "people", "organisations")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        kb, days = analysis.knowledge, analysis.known_days()
        named = {org for _, _, org in analysis.organisations}
        for m in analysis.people:
            if m.full and not m.qualified:
                found = self._by_title(analysis, kb, m, days)
                if found is None and days[0] == days[1]:
                    found = self._by_surname(analysis, kb, m, days[0], named)
                if found:
                    yield found

    def _by_title(
        self, analysis: Analysis, kb: KnowledgeBase, m: PersonMention, days: tuple[date, date]
    ) -> Finding | None:
        if not m.title_key:
            return None
        people = identify(kb, m)
        known = {p.id for p in people}
        holders = kb.holders(m.title_key, m.organisation, *days)
        if any(h.person_id in known for h in holders):
            return None
        if len(people) == 1:
            terms = [r for r in people[0].roles
                     if r.title_key == m.title_key and m.organisation in (None, r.organisation)]  # fmt: skip
            if terms:
                return self._out_of_term(analysis, kb, m, days, people[0], terms)
        if not holders:
            return None
        by_id = {h.person_id: h for h in holders}
        same = {i: h for i, h in by_id.items() if name_parts(h.person_name)[1] == m.surname}
        if m.organisation and len(by_id) == 1 and days[0] == days[1]:
            holder = next(iter(by_id.values()))
        elif len(same) == 1:
            holder = next(iter(same.values()))
            person = kb.by_id(holder.person_id)
            if not person or not misspelt_first(m.first, person):
                return None
        else:
            return None
        if quoted(analysis, m):
            return None
        return self.finding(
            analysis, m.start, m.end,
            f"{capitalised(office(kb, holder))} {when(days)} was {holder.person_name},"
            f" not {m.name}",
            suggestion=f"Write {holder.person_name}, or check the title and the article's date",
            replacement=holder.person_name,
        )  # fmt: skip

    def _out_of_term(
        self,
        analysis: Analysis,
        kb: KnowledgeBase,
        m: PersonMention,
        days: tuple[date, date],
        person: PersonRecord,
        terms: list[RoleRecord],
    ) -> Finding | None:
        """A known person given an office they held at another time. Future offices are an error
        unless quoted or hypothetical; past ones only where the sentence has them speak or act
        now with nothing that moves it to another time (history keeps the title of its time)."""
        if quoted(analysis, m) or hypothetical(analysis, m):
            return None
        future = all(r.start is not None and days[1] < r.start for r in terms)
        if not future and (elsewhen(analysis, m) or not speaks_now(analysis, m)):
            return None
        periods = "; ".join(f"from {r.start or '?'} to {r.end or 'now'}" for r in terms)
        now = kb.holders(terms[0].title_key, terms[0].organisation, *days)
        on = when(days)
        message = f"{person.name} was {office(kb, terms[0])} {periods}, not {on}"
        if len({r.person_id for r in now}) == 1:
            message = (f"{capitalised(office(kb, now[0]))} {on} was {now[0].person_name},"
                       f" not {person.name}, who held it {periods}")  # fmt: skip
        return self.finding(
            analysis, m.start, m.end, message,
            suggestion="Check the article's date, or write 'former' (or 'then-') before the title"
            if not future else "Check the article's date and the title",
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
