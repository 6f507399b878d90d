"""Streaming the records of every pack into the SQLite file, merging people and places.

Records go in one at a time, in file order: curated packs first, so they win. An imported
person is merged into one already known with the same external id (Wikidata QID, bioguide,
openstates id), or into the one curated person with exactly their name; an imported place into
the curated place that names its GeoNames id. References (a role's organisation, a place's
`in`) are checked once everything is in, with one SQL query, and each dangling one is an error
line naming the file and line of the record that made it.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from checker.knowledge.models import (
    Organisation,
    Person,
    Place,
    Record,
    Role,
    Source,
    Title,
    parse_partial,
    widened_end,
)
from checker.knowledge.names import key, name_parts
from checker.knowledge.packs import (
    RECORD_KINDS,
    KnowledgeError,
    compose,
    is_lines,
    line_of,
    read_lines,
    read_pack,
)

# An imported place is "notable" (matched in running text, returned by `places_named`) when it
# is a country or a city this big; the rest are reached by id, containment and `every=True`.
NOTABLE_POPULATION = 200_000
SECTIONS = {"people": "person", "organisations": "organisation", "places": "place",
            "titles": "title"}  # fmt: skip
Where = Callable[[list[object]], str]
Office = tuple[str | None, str, date | None, date | None]


def _line_at(text: str) -> Where:
    return lambda _: text


class Builder:
    def __init__(self, con: sqlite3.Connection, *, show: bool = False) -> None:
        self.con = con
        self.problems: list[str] = []
        self.pids: dict[str, int] = {}
        self.person_ext: dict[tuple[str, str], int] = {}
        self.curated_names: dict[str, list[int]] = {}
        self.curated_roles: dict[int, set[tuple[str | None, str]]] = {}
        # imported people by name key, and the offices each holds (organisation, title key,
        # first and last day): one person in two imports is one record
        self.imported_names: dict[str, list[int]] = {}
        self.offices: dict[int, list[Office]] = {}
        self.file_of: dict[int, Path] = {}  # the import file that made each imported person
        self.file = Path()
        self.place_ext: dict[tuple[str, str], str] = {}
        self.redirect: dict[str, str] = {}
        self.places: set[str] = set()
        self.orgs: set[str] = set()
        self.curated_ids: set[tuple[str, str]] = set()
        self.count = 0
        self.queued: dict[str, list[tuple[object, ...]]] = {}
        self.show = show
        self.drawn = 0.0
        self.started = time.monotonic()

    # files ---------------------------------------------------------------------------------
    def add_file(self, path: Path) -> None:
        self.file = path
        if is_lines(path):
            self._add_lines(path)
        else:
            self._add_pack(path)

    def _add_pack(self, path: Path) -> None:
        try:
            pack = read_pack(path)
        except KnowledgeError as exc:
            self.problems.append(str(exc))
            return
        tree: list[Any] = []

        def where(loc: list[object]) -> str:
            if not tree:  # composed once per file, and only when something is wrong
                tree.append(compose(path.read_text(encoding="utf-8")))
            return f"{path}:{line_of(tree[0], loc)}"

        def at(section: str, i: int) -> Where:
            return lambda loc: where([section, i, *loc])

        for section, kind in SECTIONS.items():
            for i, record in enumerate(getattr(pack, section)):
                self.add(kind, record, at(section, i), True)

    def _add_lines(self, path: Path) -> None:
        for number, kind, record, error in read_lines(path):
            if error:
                self.problems.append(f"{path}:{number}: {error}" if number else f"{path}: {error}")
            elif isinstance(record, Source) and record.importer:
                self._add_import(path, number, record)
            elif record is not None:
                self.add(kind, record, _line_at(f"{path}:{number}"), False)

    def _add_import(self, path: Path, number: int, source: Source) -> None:
        """Records an importer makes at build time (GeoNames from the installed package)."""
        from checker.knowledge.importers import run_importer

        at = f"{path}:{number}"
        try:
            for n, (kind, body) in enumerate(run_importer(source, path), 1):
                try:
                    record = RECORD_KINDS[kind].model_validate(body)
                except ValidationError as exc:
                    err = exc.errors()[0]
                    self.problems.append(f"{at}: {source.importer} record {n}: {err['msg']}")
                    continue
                self.add(kind, record, lambda _: at, False)
        except KnowledgeError as exc:
            self.problems.append(f"{at}: {exc}")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # a malformed source
            self.problems.append(f"{at}: {source.importer}: unreadable record: {exc!r}")

    # records -------------------------------------------------------------------------------
    def _queue(self, sql: str, rows: Iterable[tuple[object, ...]]) -> None:
        """Rows go in by thousands (one executemany per table), not one statement each."""
        batch = self.queued.setdefault(sql, [])
        batch.extend(rows)
        if len(batch) >= 5000:
            self.con.executemany(sql, batch)
            batch.clear()

    def flush(self) -> None:
        for sql, batch in self.queued.items():
            self.con.executemany(sql, batch)
            batch.clear()

    def add(self, kind: str, record: Record, where: Where, curated: bool) -> None:
        self.count += 1
        if self.show and self.count % 2000 == 0:
            self._draw()
        if isinstance(record, Person):
            self._person(record, where, curated)
        elif isinstance(record, Place):
            self._place(record, where, curated)
        elif isinstance(record, Organisation):
            self._organisation(record, where, curated)
        elif isinstance(record, Title):
            self._title(record)
        elif isinstance(record, Source):
            self.con.execute(
                "INSERT INTO source VALUES (?, ?, ?, ?, ?)",
                (record.name, record.version, record.licence, record.url, where([])),
            )

    def _twice(self, section: str, ident: str, where: Where, curated: bool) -> bool:
        """A curated id defined twice is an error; an import's repeat is merged quietly."""
        if (section, ident) in self.curated_ids and curated:
            self.problems.append(f"{where(['id'])}: {ident!r} defined twice")
            return True
        if curated:
            self.curated_ids.add((section, ident))
        return False

    def _person(self, person: Person, where: Where, curated: bool) -> None:
        if self._twice("people", person.id, where, curated):
            return
        pid = self._known_person(person, curated)
        names = [person.name, *person.aliases]
        if pid is None:
            pid = len(self.pids) + 1
            self._queue("INSERT INTO person VALUES (?, ?, ?, ?)",
                        [(pid, person.id, person.name, int(curated))])  # fmt: skip
            self.pids[person.id] = pid
            if curated:
                for k in {key(n) for n in names}:
                    self.curated_names.setdefault(k, []).append(pid)
            else:
                self.file_of[pid] = self.file
                for k in _full_names(names):
                    self.imported_names.setdefault(k, []).append(pid)
        else:
            self.flush()
            known = {k for (k,) in self.con.execute(
                "SELECT key FROM person_name WHERE pid=?", (pid,))}  # fmt: skip
            names = [n for n in names if key(n) not in known]
            self.pids.setdefault(person.id, pid)
        for scheme, value in person.ids.items():
            if (scheme, value) not in self.person_ext:
                self.person_ext[scheme, value] = pid
                self._queue("INSERT INTO person_ext VALUES (?, ?, ?)", [(scheme, value, pid)])
        self._queue(
            "INSERT INTO person_name VALUES (?, ?, ?, ?, ?)",
            [(key(n), *name_parts(n), pid, n) for n in dict.fromkeys(names)],
        )
        self._roles(pid, person, where, curated)

    def _known_person(self, person: Person, curated: bool) -> int | None:
        if curated:
            return None
        if person.id in self.pids:
            return self.pids[person.id]
        for scheme, value in person.ids.items():
            if (scheme, value) in self.person_ext:
                return self.person_ext[scheme, value]
        names = {key(n) for n in [person.name, *person.aliases]}
        same = {p for n in names for p in self.curated_names.get(n, [])}
        if len(same) == 1:
            return same.pop()
        # a person from another import with one of their full names ("George Shultz", not
        # "G. Shultz") who held one of their offices at an overlapping time (Secretary of
        # State in the cabinet data and in the State Department's): one person, not two
        # namesakes. Two records of one file stay two: the source tells them apart.
        mine = [_office(r) for r in person.roles]
        full = _full_names([person.name, *person.aliases])
        for pid in dict.fromkeys(p for n in full for p in self.imported_names.get(n, [])):
            if self.file_of.get(pid) != self.file and any(
                _overlap(a, b) for a in mine for b in self.offices.get(pid, [])
            ):
                return pid
        return None

    def _roles(self, pid: int, person: Person, where: Where, curated: bool) -> None:
        held = self.curated_roles.get(pid)
        offices = None if curated or held is not None else self.offices.setdefault(pid, [])
        earlier = list(offices or [])  # the terms of an earlier import of this person
        rows = []
        for j, role in enumerate(person.roles):
            tkey = key(role.title)
            if held is not None and not curated and (role.organisation, tkey) in held:
                continue  # the curated record already says when this person held this office
            if offices is not None:
                term = _office(role)
                if any(_overlap(term, o) for o in earlier):
                    continue  # another import already has this term
                offices.append(term)
            start, start_precision = parse_partial(role.start)
            end, end_precision = widened_end(role.end), parse_partial(role.end)[1]
            if not curated and start is None:
                continue  # an import's undated start would make the term cover every earlier day
            rows.append((pid, role.organisation, role.title, tkey,
                         start and start.isoformat(), end and end.isoformat(),
                         start_precision, end_precision))  # fmt: skip
            if role.organisation and role.organisation not in self.orgs:
                self._queue(
                    "INSERT INTO ref VALUES ('organisation', ?, ?, ?)",
                    [(role.organisation, person.id, where(["roles", j]))],
                )
        if curated:
            self.curated_roles[pid] = {(r.organisation, key(r.title)) for r in person.roles}
        self._queue("INSERT INTO role VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def _organisation(self, org: Organisation, where: Where, curated: bool) -> None:
        if self._twice("organisations", org.id, where, curated) or org.id in self.orgs:
            return
        self.orgs.add(org.id)
        self.con.execute(
            "INSERT INTO organisation VALUES (?, ?, ?, ?, ?, ?)",
            (org.id, org.name, org.kind, org.country, org.parent, int(curated)),
        )
        self.con.executemany(
            "INSERT INTO organisation_name VALUES (?, ?, ?)",
            [(key(n), org.id, n) for n in dict.fromkeys([org.name, *org.aliases])],
        )

    def _place(self, place: Place, where: Where, curated: bool) -> None:
        if self._twice("places", place.id, where, curated):
            return
        same = next((self.place_ext[s, v] for s, v in place.ids.items()
                     if (s, v) in self.place_ext), None)  # fmt: skip
        if same is not None and not curated:
            self.redirect[place.id] = same  # the curated record stands; its children follow
            if place.population:
                self.flush()
                self.con.execute(
                    "UPDATE place SET population=coalesce(population, ?) WHERE id=?",
                    (place.population, same),
                )
            return
        if place.id in self.places:
            return
        self.places.add(place.id)
        for scheme, value in place.ids.items():
            self.place_ext.setdefault((scheme, value), place.id)
            self._queue("INSERT INTO place_ext VALUES (?, ?, ?)", [(scheme, value, place.id)])
        notable = (
            curated or place.kind == "country" or (place.population or 0) >= NOTABLE_POPULATION
        )
        parent = self.redirect.get(place.in_ or "", place.in_)
        self._queue(
            "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(place.id, place.name, place.kind, parent, place.preferred or place.name,
              place.population, int(curated), int(notable))],
        )  # fmt: skip
        names = dict.fromkeys([place.name, *place.aliases])
        rows = [(key(n), place.id, n, 0, int(notable and (curated or n == place.name)))
                for n in names]  # fmt: skip
        rows += [(key(n), place.id, n, 1, int(notable)) for n in place.avoid]
        self._queue("INSERT INTO place_name VALUES (?, ?, ?, ?, ?)", rows)
        self._queue("INSERT INTO place_keep VALUES (?, ?)", [(place.id, k) for k in place.keep])
        if parent and parent not in self.places:  # known parents need no check at the end
            self._queue(
                "INSERT INTO ref VALUES ('place', ?, ?, ?)", [(parent, place.id, where(["in"]))]
            )

    def _title(self, title: Title) -> None:
        canonical = key(title.name)
        self.con.executemany(
            "INSERT OR IGNORE INTO title VALUES (?, ?, ?, ?)",
            [(key(s), s, canonical, title.organisation) for s in [title.name, *title.aliases]],
        )
        self.con.executemany(
            "INSERT INTO unnamed VALUES (?, ?, ?)",
            [(key(u), canonical, title.organisation) for u in title.unnamed],
        )

    # the end -------------------------------------------------------------------------------
    def finish(self) -> None:
        """Canonical titles for every role, redirected parents, and the dangling references."""
        self.flush()
        con = self.con
        con.execute(
            "UPDATE role SET title_key=(SELECT canonical FROM title WHERE title.key=role.title_key)"
            " WHERE title_key IN (SELECT key FROM title)"
        )
        con.executemany(
            "UPDATE place SET parent=? WHERE parent=?", [(t, s) for s, t in self.redirect.items()]
        )
        con.executemany(
            "UPDATE ref SET target=? WHERE kind='place' AND target=?",
            [(t, s) for s, t in self.redirect.items()],
        )
        self.problems += list(self._dangling())
        if self.show:
            self._draw(final=True)

    def _dangling(self) -> Iterator[str]:
        for at, owner, target in self.con.execute(
            "SELECT at, owner, target FROM ref WHERE kind='organisation'"
            " AND target NOT IN (SELECT id FROM organisation)"
        ):
            yield f"{at}: {owner}: unknown organisation {target!r}"
        for at, owner, target in self.con.execute(
            "SELECT at, owner, target FROM ref WHERE kind='place'"
            " AND target NOT IN (SELECT id FROM place)"
        ):
            yield f"{at}: {owner}: unknown place {target!r}"

    def _draw(self, *, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self.drawn < 0.2:
            return
        self.drawn = now
        line = f"building the knowledge base: {self.count:,} records, {now - self.started:.0f}s"
        sys.stderr.write(f"\r{line}" + ("\n" if final else ""))
        sys.stderr.flush()


def _office(role: Role) -> Office:
    start = parse_partial(role.start)[0]
    return role.organisation, key(role.title), start, widened_end(role.end)


def _overlap(a: Office, b: Office) -> bool:
    """One office (organisation and title) held over days that overlap."""
    if a[:2] != b[:2] or a[2] is None or b[2] is None:
        return False
    return (b[3] is None or a[2] <= b[3]) and (a[3] is None or b[2] <= a[3])


def _full_names(names: Iterable[str]) -> set[str]:
    """The keys of the names that spell out a first name: not "J. Smith" or "Smith, J."."""
    out = set()
    for name in names:
        words = name.split()
        if len(words) >= 2 and "," not in name and len(words[0].rstrip(".")) > 1:
            out.add(key(name))
    return out
