"""Importers: large public rosters turned into knowledge packs.

`congress-legislators` reads the unitedstates/congress-legislators YAML files
(legislators-current.yaml, legislators-historical.yaml): each legislator has `id.bioguide`,
`name {first, middle, last, nickname, official_full}` and `terms [{type: sen|rep, start, end,
state, party}]`. Senators get the role Senator at `us-senate`, representatives Representative
at `us-house` (organisations of the starter pack).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from checker.knowledge.models import Pack
from checker.knowledge.packs import KnowledgeError, _Loader

CHAMBERS = {"sen": ("us-senate", "Senator"), "rep": ("us-house", "Representative")}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _day(value: Any) -> date | None:
    if isinstance(value, date) or value is None:
        return value
    return date.fromisoformat(str(value))


def congress_legislators(data: Any) -> Iterator[dict[str, Any]]:
    if not isinstance(data, list):
        raise KnowledgeError("congress-legislators: the file is a list of legislators")
    for i, item in enumerate(data):
        try:
            yield _legislator(item)
        except (KeyError, TypeError, ValueError) as exc:
            raise KnowledgeError(f"congress-legislators: legislator #{i + 1}: {exc!r}") from None


def _legislator(item: dict[str, Any]) -> dict[str, Any]:
    name = item["name"]
    first, last = name["first"], name["last"]
    full = name.get("official_full") or f"{first} {last}"
    aliases = [f"{first} {last}"]
    if name.get("middle"):
        aliases.append(f"{first} {name['middle']} {last}")
    if name.get("nickname"):
        aliases.append(f"{name['nickname']} {last}")
    roles = []
    for term in item.get("terms", []):
        if term.get("type") in CHAMBERS:
            org, title = CHAMBERS[term["type"]]
            roles.append({"organisation": org, "title": title,
                          "start": _day(term.get("start")), "end": _day(term.get("end"))})  # fmt: skip
    ident = item["id"].get("bioguide") or full
    return {
        "id": _slug(f"{full}-{ident}"),
        "name": full,
        "aliases": [a for a in dict.fromkeys(aliases) if a != full],
        "roles": roles,
    }


IMPORTERS: dict[str, Callable[[Any], Iterator[dict[str, Any]]]] = {
    "congress-legislators": congress_legislators,
}


def import_roster(fmt: str, path: Path, *, as_json: bool = False) -> str:
    """The text of a knowledge pack (YAML, or JSON for very large rosters) made from a roster
    file; validated before returning."""
    if fmt not in IMPORTERS:
        raise KnowledgeError(f"unknown roster format {fmt!r} (one of {', '.join(IMPORTERS)})")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read roster: {exc}") from None
    people = list(IMPORTERS[fmt](data))
    Pack.model_validate({"people": people})
    if as_json:
        return json.dumps({"people": people}, default=str, ensure_ascii=False, indent=0) + "\n"
    header = f"# Imported from {path.name} ({fmt}) by `factcheck knowledge import`.\n"
    return header + yaml.safe_dump({"people": people}, sort_keys=False, allow_unicode=True)
