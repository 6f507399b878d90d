"""entity.title: a known person given a title close to, but not, the office they held."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from checker.analysis import ARTICLE_YEARS, KB
from checker.knowledge.names import key
from checker.models import Finding, Severity
from checker.rules.base import PythonRule
from checker.rules.entity import identify, office, when
from checker.rules.entity.context import hypothetical, quoted

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.extract.people import PersonMention
    from checker.knowledge import PersonRecord, RoleRecord

_GLUE = frozenset({"of", "the", "for", "and"})
# Titles that name a function many offices carry, not one office: a press secretary is a
# spokesman too, and a director or chair may lead any board.
_FUNCTIONS = frozenset({"spokesperson", "director", "chair"})
# The titles of one chamber's seats: the House's members from territories are Delegates or the
# Resident Commissioner, which the congress-legislators import records as Representative.
_SEATS = {"us-house": frozenset({"representative", "delegate", "resident commissioner"})}


def _written_for(title: str, role: RoleRecord) -> bool:
    """Is the written title the role's own ("Chancellor of the Exchequer"), or its accepted
    short form ("Secretary Lloyd Austin" for Secretary of Defense, "Chancellor Nigel Lawson")?"""
    written, full = key(title), key(role.title)
    return written in (full, role.title_key) or full.startswith(written + " of ")


class Title(PythonRule):
    """A known person's title is incomplete or wrong for the office they held on the date.

    ## What it checks
    For a person the knowledge base knows, the title written before the name is compared
    with the offices they held on the article's date. It fires when the written title shares
    a word with the real one but is not it, or one of its recognised spellings ("NATO
    Secretary" for Secretary General). Titles the person held at another time, qualified
    titles ("former", "acting") and the short form of a "... of ..." title ("Secretary
    Lloyd Austin") are left alone. A known title the person never held, written for
    someone who held another office on the date ("Defense Secretary John Kerry" in 2016),
    is flagged too, except in a quotation or a hypothetical ("if ...") and except another
    seat title of the chamber the person sits in ("Del." for a House member). An undated
    article whose evidence fits a span of years is checked against the offices held some time
    in the span.

    ## Why it matters
    Titles are facts: "Secretary" and "Secretary General" are different offices, and an
    incomplete title misleads readers about who speaks for whom.

    ## Example
    NATO Secretary Jens Stoltenberg said last month ... (2022-02-02)

    ## Suggested fix
    Write his title on that date: "NATO Secretary General Jens Stoltenberg".
    """

    id = "entity.title"
    example = (
        "Similarly, NATO Secretary Jens Stoltenberg said last month that no alliance "
        "forces would be deployed in Ukraine."
    )
    example_date = "2022-02-02"
    severity = Severity.warning
    requires = (KB, ARTICLE_YEARS, "people")

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        kb = analysis.knowledge
        for m in analysis.people:
            if not m.title or m.qualified or not m.full:
                continue
            people = identify(kb, m)
            if len(people) != 1:
                continue
            person = people[0]
            if m.title_key and any(r.title_key == m.title_key for r in person.roles):
                continue
            if any(_written_for(m.title, r) for r in person.roles):
                continue
            found = self._similar(analysis, m, person)
            if found is None and m.title_key:
                found = self._another_office(analysis, m, person)
            if found:
                yield found

    def _similar(
        self, analysis: Analysis, m: PersonMention, person: PersonRecord
    ) -> Finding | None:
        """A title that shares a word with the one the person held ("NATO Secretary")."""
        kb, (on, until) = analysis.knowledge, analysis.known_days()
        written = set(key(m.title or "").split()) - _GLUE
        for role in person.roles_on(on, m.organisation, until):
            if written & (set(role.title_key.split()) | set(key(role.title).split())) - _GLUE:
                org = kb.organisations.get(role.organisation or "")
                at = f" ({org.name})" if org else ""
                right = role.title.lower() if (m.title or "").islower() else role.title
                return self.finding(
                    analysis, m.title_start, m.title_end,
                    f"{person.name}'s title {when((on, until))} was {role.title}{at},"
                    f" not '{m.title}'",
                    suggestion=f"Write {right}", replacement=right,
                )  # fmt: skip
        return None

    def _another_office(
        self, analysis: Analysis, m: PersonMention, person: PersonRecord
    ) -> Finding | None:
        """An office the person never held, written for someone who held another on the date
        ("Defense Secretary John Kerry" in 2016): a warning, as a knowledge base may lack an
        office; not in quotations or hypotheticals ("if President ... were")."""
        kb, (on, until) = analysis.knowledge, analysis.known_days()
        held = person.roles_on(on, until=until)
        if not held or m.title_key in _FUNCTIONS:
            return None
        if any(m.title_key in _SEATS.get(r.organisation or "", ()) for r in held):
            return None  # "Del. Stacey Plaskett": a seat of the chamber she sits in
        if quoted(analysis, m) or hypothetical(analysis, m):
            return None
        offices = " and ".join(office(kb, r) for r in held)
        return self.finding(
            analysis, m.title_start, m.title_end,
            f"{person.name} was {offices} {when((on, until))}; the knowledge base knows no"
            f" '{m.title}'"
            f" role for {person.name}",
            suggestion="Check the title (or add the role to a knowledge pack)",
        )  # fmt: skip
