"""Entity rules: people, their names and their offices, checked against the knowledge base."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from checker.knowledge.names import is_initial

if TYPE_CHECKING:
    from checker.extract.people import PersonMention
    from checker.knowledge import KnowledgeBase, PersonRecord, RoleRecord

# Two first names this alike (rapidfuzz ratio, 0-100) may be one name misspelt (Juan/John = 50)
# when they start alike; otherwise they must be closer (Heidi/Ted = 50 are two people).
FIRST_NAME_SIMILARITY = 50
FIRST_NAME_SIMILARITY_OTHER_INITIAL = 70
# Without an office in context, only near copies count: Hillery/Hillary = 86, Mary/Melania = 55.
STRICT_SIMILARITY = 75


def office(kb: KnowledgeBase, role: RoleRecord) -> str:
    """'the U.S. Department of Defense press secretary'."""
    org = kb.organisations.get(role.organisation or "")
    if org is None:
        return f"the {role.title.lower()}"
    name = org.name.removesuffix(" government").removesuffix(" state")
    return f"the {name} {role.title.lower()}"


def alike(a: str, b: str) -> bool:
    """Could first name `a` be a misspelling of `b`?"""
    if not a or not b or is_initial(a) or is_initial(b) or a == b:
        return False
    need = FIRST_NAME_SIMILARITY if a[0] == b[0] else FIRST_NAME_SIMILARITY_OTHER_INITIAL
    return fuzz.ratio(a, b) >= need


def spelt_firsts(names: tuple[tuple[str, str, str], ...]) -> list[str]:
    """The first names a person's names spell out: not joined initials ("M.A. Frost" gives
    "ma", which "Martin" is close to)."""
    return [f for written, f, _ in names if f and "." not in (written.split() or [""])[0]]


def misspelt_first(first: str, person: PersonRecord, *, strict: bool = False) -> bool:
    """Is `first` like, but not, a first name the person goes by? `strict`: only a near copy
    with the same initial and not a short form (Hillery for Hillary, not Don for Donald)."""
    if goes_by(person, first):
        return False
    if strict:
        return any(
            first[0] == f[0] and not (f.startswith(first) or first.startswith(f))
            and fuzz.ratio(first, f) >= STRICT_SIMILARITY
            for f in spelt_firsts(person.names)
        )  # fmt: skip
    return any(alike(first, f) for f in spelt_firsts(person.names))


def identify(kb: KnowledgeBase, m: PersonMention) -> list[PersonRecord]:
    """Known people this mention names: by full name or alias, else by first name and surname
    ("Paul D. Ryan" is Paul Ryan)."""
    found = kb.people_named(m.name)
    if found or not m.full:
        return found
    return kb.people_with_surname(m.surname, first=m.first)


def goes_by(person: PersonRecord, first: str) -> bool:
    return any(f == first for _, f, _ in person.names)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def when(days: tuple[date, date]) -> str:
    """ "on 2016-05-02", or for an undated article "in 1981-1989" (its report says why)."""
    if days[0] == days[1]:
        return f"on {days[0]}"
    return f"in {days[0].year}-{days[1].year} (the years the undated article's evidence fits)"
