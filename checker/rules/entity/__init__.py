"""Entity rules: people, their names and their offices, checked against the knowledge base."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from checker.knowledge.names import is_initial

if TYPE_CHECKING:
    from checker.analysis import Analysis
    from checker.extract.people import PersonMention
    from checker.knowledge import KnowledgeBase, PersonRecord, RoleRecord

# Two first names this alike (rapidfuzz ratio, 0-100) may be one name misspelt: Juan/John = 50.
FIRST_NAME_SIMILARITY = 50


def people_in(analysis: Analysis) -> list[PersonMention]:
    return list(analysis.extras.get("people", []))


def office(kb: KnowledgeBase, role: RoleRecord) -> str:
    """'the U.S. Department of Defense press secretary'."""
    org = kb.organisations.get(role.organisation or "")
    if org is None:
        return f"the {role.title.lower()}"
    name = org.name.removesuffix(" government").removesuffix(" state")
    return f"the {name} {role.title.lower()}"


def first_name_similarity(first: str, person: PersonRecord) -> float:
    """How alike a written first name is to any first name the person goes by (0-100)."""
    if not first or is_initial(first):
        return 0.0
    return max((fuzz.ratio(first, f) for _, f, _ in person.names if f), default=0.0)


def goes_by(person: PersonRecord, first: str) -> bool:
    return any(f == first for _, f, _ in person.names)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
