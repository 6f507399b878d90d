"""EveryPolitician term files (everypolitician/everypolitician-data): members of a legislature
by term, built from unitedstates/congress-legislators and Wikidata (both CC0) for Congress.

SOURCE is a folder with `term-NN.csv` files (searched below it: `House/`, `Senate/`) or one such
file, in the form of `data/United_States_of_America/Senate/term-100.csv`: one row per member
and term with `name`, `sort_name` ("Gore, Albert"), `chamber` (Senate or House), `term` (the
Congress: the 100th sat from Jan. 3, 1987 to Jan. 3, 1989), `start_date` / `end_date` when
the member sat for part of it only, `image` (whose file name is the bioguide id) and
`wikidata`. This is the route to the members who left before the current roster: the 97th to
the 116th Congress (1981-2021) for "Sen. Paul Sarbanes" in 1987 copy. Rows of one person
(by Wikidata id, else bioguide, else name) are one person with a role per term, Senator at
`us-senate` or Representative at `us-house`, so the store merges them with congress-current.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from checker.knowledge.importers import Item, slug
from checker.knowledge.importers.congress import CHAMBERS
from checker.knowledge.packs import KnowledgeError

CHAMBER = {"senate": CHAMBERS["sen"], "house": CHAMBERS["rep"]}
BIOGUIDE = re.compile(r"/([A-Z]\d{6})\.\w+$")
SUFFIX = re.compile(r",\s*(?:Jr|Sr|I{2,3}|IV)\.?$")


def congress_days(term: int) -> tuple[date, date]:
    """The days the Congress sat: from March 4 until the 73rd, from Jan. 3 since the 74th."""
    year = 1789 + 2 * (term - 1)
    day = (1, 3) if term >= 74 else (3, 4)
    return date(year, *day), date(year + 2, *day)


def members(source: Path | None) -> Iterator[Item]:
    if source is None:
        raise KnowledgeError("everypolitician: name a folder of term-NN.csv files (or one file)")
    files = [source] if source.is_file() else sorted(source.rglob("term-*.csv"))
    if not files:
        raise KnowledgeError(f"everypolitician: {source}: no term-NN.csv files")
    yield "source", {"name": "EveryPolitician term files (congress-legislators and Wikidata)",
                     "licence": "CC0-1.0",
                     "url": "https://github.com/everypolitician/everypolitician-data"}  # fmt: skip
    people: dict[str, dict[str, Any]] = {}
    for path in files:
        for line, row in _rows(path):
            try:
                _add(people, row)
            except (KeyError, ValueError) as exc:
                raise KnowledgeError(f"everypolitician: {path}:{line}: {exc!r}") from None
    for person in people.values():
        person["roles"].sort(key=lambda r: r["start"])
        yield "person", person


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            yield from enumerate(csv.DictReader(stream), start=2)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise KnowledgeError(f"everypolitician: {path}: {exc}") from None


def _add(people: dict[str, dict[str, Any]], row: dict[str, str]) -> None:
    office = CHAMBER.get(row["chamber"].strip().lower())
    if office is None:
        return
    first, last = congress_days(int(row["term"]))
    start, end = row.get("start_date") or first.isoformat(), row.get("end_date") or last.isoformat()
    bioguide = BIOGUIDE.search(row.get("image") or "")
    ids = {"wikidata": row.get("wikidata") or "", "bioguide": bioguide.group(1) if bioguide else ""}
    ids = {k: v for k, v in ids.items() if v}
    name = SUFFIX.sub("", row["name"].strip())
    key = ids.get("wikidata") or ids.get("bioguide") or name
    person = people.setdefault(key, {
        "id": slug(f"{name}-{ids.get('bioguide') or ids.get('wikidata') or ''}"),
        "name": name, "aliases": [], "roles": [], "ids": ids,
    })  # fmt: skip
    surname, _, given = (row.get("sort_name") or "").partition(",")
    plain = f"{given.strip()} {surname.strip()}".strip()
    if plain and plain != person["name"] and plain not in person["aliases"]:
        person["aliases"].append(plain)  # "Gore, Albert": Albert Gore beside "Albert Gore, Jr."
    person["roles"].append(
        {"organisation": office[0], "title": office[1], "start": start, "end": end}
    )
