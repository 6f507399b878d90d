"""`factcheck knowledge show NAME`: what the knowledge base knows about a name, as text lines."""

from __future__ import annotations

from checker.knowledge.base import KnowledgeBase

MAX_PLACES = 10


def describe(kb: KnowledgeBase, name: str) -> list[str]:
    """People (a surname alone lists everyone with it), then places, then organisations."""
    lines: list[str] = []
    people = kb.people_named(name) or (
        kb.people_with_surname(name) if " " not in name.strip() else []
    )
    for person in people:
        lines.append(f"{person.name} ({person.id})")
        for role in kb.titles_of(person.id):
            org = kb.organisations.get(role.organisation or "")
            lines.append(f"  {role.title}, {org.name if org else '-'}: {role.period}")
    places = kb.places_named(name, every=True)
    for place in places[:MAX_PLACES]:
        chain = " > ".join(p.name for p in kb.containment(place.id))
        people_count = f", population {place.population:,}" if place.population else ""
        lines.append(f"{chain} ({place.kind}, {place.id}{people_count})")
    if len(places) > MAX_PLACES:
        lines.append(f"  ... and {len(places) - MAX_PLACES} more places called {name}")
    org = kb.organisation(name)
    if org:
        lines.append(f"{org.name} ({org.kind}, {org.id})")
    return lines
