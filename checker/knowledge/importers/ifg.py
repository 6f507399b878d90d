"""Institute for Government ministers database (CC BY 4.0): UK ministers since 1979.

SOURCE is a checkout of instituteforgov/ifg-ministers-database-public (or its `data/` folder):
`person.csv` (one row per name a person went by, e.g. Peter Mandelson / Lord Mandelson),
`post.csv` (the post and its department), `organisation.csv` (departments with initialisms)
and `appointment.csv` (person, post, start, end). Prime Minister and Chancellor of the
Exchequer are held at `uk-gov` (the starter pack's UK government); other posts at their
department, whose initialism (DH, FCO) is an alias. "Secretary of State for Health" also
answers to "Health Secretary".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.knowledge.importers import Item, slug
from checker.knowledge.packs import KnowledgeError

GOVERNMENT = {"Prime Minister", "Chancellor of the Exchequer", "Deputy Prime Minister"}
SECRETARY = re.compile(r"^Secretary of State for (?:the )?(\w+(?: \w+)?)$")


def _rows(data: Path, name: str) -> list[dict[str, str]]:
    try:
        with (data / name).open(encoding="utf-8", newline="") as stream:
            return list(csv.DictReader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise KnowledgeError(f"ifg-ministers: {data / name}: {exc}") from None


def ministers(source: Path | None) -> Iterator[Item]:
    if source is None:
        raise KnowledgeError("ifg-ministers: name a checkout of the IfG ministers database")
    data = source / "data" if (source / "data").is_dir() else source
    yield "source", {"name": "Institute for Government ministers database",
                     "licence": "CC-BY-4.0",
                     "url": "https://github.com/instituteforgov/ifg-ministers-database-public"}  # fmt: skip
    orgs = {r["id"]: r for r in _rows(data, "organisation.csv")}
    for org in orgs.values():
        yield "organisation", _organisation(org)
    posts = {r["id"]: r for r in _rows(data, "post.csv")}
    titles: set[str] = set()
    for post in posts.values():
        match = SECRETARY.match(post["name"])
        if match and post["name"] not in titles:
            titles.add(post["name"])
            yield "title", {"name": post["name"], "aliases": [f"{match[1]} Secretary"]}
    names: dict[str, list[dict[str, str]]] = {}
    for row in _rows(data, "person.csv"):
        names.setdefault(row["id"], []).append(row)
    roles: dict[str, list[dict[str, Any]]] = {}
    for a in _rows(data, "appointment.csv"):
        held = posts.get(a["post_id"])
        end = a.get("end_date") or None
        if held is None or not a.get("start_date") or (end and end < a["start_date"]):
            continue  # undated, or a slip in the data (ends before it starts)
        at = "uk-gov" if held["name"] in GOVERNMENT else _org_id(orgs.get(held["organisation_id"]))
        roles.setdefault(a["person_id"], []).append(
            {"organisation": at, "title": held["name"],
             "start": a["start_date"], "end": end}
        )  # fmt: skip
    for ident, rows in names.items():
        yield "person", _person(ident, rows, roles.get(ident, []))


def _org_id(org: dict[str, str] | None) -> str:
    return f"uk-{slug(org['short_name'] or org['name'])}" if org else "uk-gov"


def _organisation(org: dict[str, str]) -> dict[str, Any]:
    aliases = [org["short_name"]] if org.get("short_name") else []
    return {"id": _org_id(org), "name": org["name"], "kind": "government", "country": "uk",
            "aliases": aliases}  # fmt: skip


def _person(ident: str, rows: list[dict[str, str]], roles: list[dict[str, Any]]) -> dict[str, Any]:
    # the current name: the row without an end date (or the latest one)
    rows = sorted(rows, key=lambda r: (not r.get("end_date"), r.get("start_date") or ""))
    current = rows[-1]
    name = current.get("display_name") or current["name"]
    aliases = [v for r in rows for v in (r["name"], r.get("display_name"), r.get("normalized_name"))
               if v and v != name]  # fmt: skip
    ids = {"ifg": ident}
    if current.get("id_parliament"):
        ids["parliament"] = current["id_parliament"].removesuffix(".0")
    return {"id": f"ifg-{ident}", "name": name, "aliases": list(dict.fromkeys(aliases)),
            "roles": roles, "ids": ids}  # fmt: skip
