"""unitedstates/congress-legislators (CC0): members of Congress and the presidents.

`legislators-current.yaml` / `legislators-historical.yaml` (a user's own copy: the historical
file is 9 MB): each legislator has `id {bioguide, wikidata, ...}`, `name {first, middle, last,
nickname, official_full}` and `terms [{type: sen|rep, start, end, state}]`. Senators become
Senator at `us-senate`, representatives Representative at `us-house`. `executive.yaml` has the
presidents and vice presidents since 1789 (`type: prez|viceprez`): President / Vice President
at `us-gov`, the starter pack's titles.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.knowledge.importers import Item, load_yaml, slug
from checker.knowledge.packs import KnowledgeError

CHAMBERS = {"sen": ("us-senate", "Senator"), "rep": ("us-house", "Representative")}
EXECUTIVE = {"prez": ("us-gov", "President"), "viceprez": ("us-gov", "Vice President")}
IDS = ("bioguide", "wikidata", "govtrack", "icpsr_prez")


def legislators(source: Path | None) -> Iterator[Item]:
    yield from _people(source, CHAMBERS, "congress-legislators")


def executive(source: Path | None) -> Iterator[Item]:
    yield from _people(source, EXECUTIVE, "congress-executive")


def _people(source: Path | None, offices: dict[str, tuple[str, str]], kind: str) -> Iterator[Item]:
    if source is None:
        raise KnowledgeError(f"{kind}: name the YAML file of unitedstates/congress-legislators")
    data = load_yaml(source)
    if not isinstance(data, list):
        raise KnowledgeError(f"{kind}: the file is a list of legislators")
    yield "source", {"name": f"unitedstates/congress-legislators {source.name}",
                     "licence": "CC0-1.0",
                     "url": "https://github.com/unitedstates/congress-legislators"}  # fmt: skip
    for i, item in enumerate(data):
        try:
            yield "person", _person(item, offices)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KnowledgeError(f"{kind}: person #{i + 1}: {exc!r}") from None


def _person(item: dict[str, Any], offices: dict[str, tuple[str, str]]) -> dict[str, Any]:
    name = item["name"]
    first, last = name["first"], name["last"]
    full = name.get("official_full") or f"{first} {last}"
    aliases = [f"{first} {last}"]
    if name.get("middle"):
        aliases.append(f"{first} {name['middle']} {last}")
    if name.get("nickname"):
        aliases.append(f"{name['nickname']} {last}")
    roles = [
        {"organisation": offices[t["type"]][0], "title": offices[t["type"]][1],
         "start": t.get("start"), "end": t.get("end")}
        for t in item.get("terms", []) if t.get("type") in offices
    ]  # fmt: skip
    ids = {s: str(item["id"][s]) for s in IDS if item["id"].get(s)}
    return {
        "id": slug(f"{full}-{ids.get('bioguide') or ''}"),
        "name": full,
        "aliases": [a for a in dict.fromkeys(aliases) if a != full],
        "roles": roles,
        "ids": ids,
    }
