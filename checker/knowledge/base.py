"""`KnowledgeBase`: read-only lookups over the compiled SQLite file.

People are looked up through indexes (by full name or alias, by surname, by title and
organisation), so a pack of hundreds of thousands of people costs a few index probes per
mention. Organisations, titles and places are small and held in memory for scanning text.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import re2

from checker.knowledge.models import PLACE_RANKS
from checker.knowledge.names import key


@dataclass(frozen=True)
class RoleRecord:
    person_id: str
    person_name: str
    organisation: str | None
    title: str
    title_key: str
    start: date | None
    end: date | None

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    @property
    def period(self) -> str:
        return f"{self.start or '?'} to {self.end or 'now'}"


@dataclass(frozen=True)
class PersonRecord:
    id: str
    name: str
    names: tuple[tuple[str, str, str], ...]  # (display, first key, surname key) per name/alias
    roles: tuple[RoleRecord, ...]

    def roles_on(self, on: date, organisation: str | None = None) -> list[RoleRecord]:
        return [r for r in self.roles if r.active(on) and organisation in (None, r.organisation)]


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: str
    country: str | None
    parent: str | None


@dataclass(frozen=True)
class PlaceRecord:
    id: str
    name: str
    kind: str
    parent: str | None
    preferred: str

    @property
    def rank(self) -> int:
        return PLACE_RANKS.get(self.kind, 2)


@dataclass(frozen=True)
class Unnamed:
    phrase: str
    title: str
    organisation: str | None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class KnowledgeBase:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self.person = lru_cache(maxsize=4096)(self._person)

    # SQLite connections are per thread; the object itself can be shared and pickled.
    @property
    def db(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def __getstate__(self) -> dict[str, Path]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Path]) -> None:
        # rebuilt from its path as new (per-thread connections, empty caches); mypy calls
        # __init__ on an instance unsound in general, as a subclass may take other arguments
        self.__init__(state["path"])  # type: ignore[misc]

    @cached_property
    def errors(self) -> list[str]:
        return [m for (m,) in self.db.execute("SELECT message FROM problem")]

    # people ---------------------------------------------------------------------------------
    def _person(self, pid: int) -> PersonRecord:
        ident, name = self.db.execute("SELECT id, name FROM person WHERE pid=?", (pid,)).fetchone()
        names = tuple(self.db.execute(
            "SELECT display, first, surname FROM person_name WHERE pid=?", (pid,)
        ))  # fmt: skip
        roles = tuple(
            RoleRecord(ident, name, org, title, tkey, _day(s), _day(e))
            for org, title, tkey, s, e in self.db.execute(
                'SELECT organisation, title, title_key, start, "end" FROM role WHERE pid=?', (pid,)
            )
        )
        return PersonRecord(ident, name, names, roles)

    def _people(self, sql: str, args: tuple[object, ...]) -> list[PersonRecord]:
        pids = dict.fromkeys(pid for (pid,) in self.db.execute(sql, args))
        return [self.person(pid) for pid in pids]

    def by_id(self, ident: str) -> PersonRecord | None:
        row = self.db.execute("SELECT pid FROM person WHERE id=?", (ident,)).fetchone()
        return self.person(row[0]) if row else None

    def people_named(self, name: str) -> list[PersonRecord]:
        """People whose name or an alias is exactly `name` (case and dots ignored)."""
        return self._people("SELECT pid FROM person_name WHERE key=?", (key(name),))

    def people_with_surname(
        self, surname: str, *, first: str | None = None, active_on: date | None = None
    ) -> list[PersonRecord]:
        """People with this surname; only those with this first name, or holding an office on
        `active_on`, when given (filtered in SQL, so a common surname stays cheap)."""
        sql, args = "SELECT n.pid FROM person_name n", [key(surname)]
        if active_on:
            day = active_on.isoformat()
            sql += (' JOIN role r ON r.pid = n.pid AND (r.start IS NULL OR r.start<=?)'
                    ' AND (r."end" IS NULL OR r."end">=?)')  # fmt: skip
            args = [day, day, *args]
        sql += " WHERE n.surname=?"
        if first is not None:
            sql, args = sql + " AND n.first=?", [*args, key(first)]
        return self._people(sql, tuple(args))

    def holders(
        self, title_key: str, organisation: str | None = None, on: date | None = None
    ) -> list[RoleRecord]:
        """Roles with this title (at this organisation), held on `on` when given."""
        sql = (
            'SELECT p.id, p.name, r.organisation, r.title, r.title_key, r.start, r."end"'
            " FROM role r JOIN person p ON p.pid = r.pid WHERE r.title_key=?"
        )
        args: list[object] = [title_key]
        if organisation:
            sql, args = sql + " AND r.organisation=?", [*args, organisation]
        if on:
            day = on.isoformat()
            sql += ' AND (r.start IS NULL OR r.start<=?) AND (r."end" IS NULL OR r."end">=?)'
            args += [day, day]
        return [
            RoleRecord(i, n, org, t, k, _day(s), _day(e))
            for i, n, org, t, k, s, e in self.db.execute(sql, args)
        ]

    # titles ---------------------------------------------------------------------------------
    @cached_property
    def titles(self) -> dict[str, tuple[str, str]]:
        """Every title spelling key -> (canonical title key, canonical display name)."""
        names = {k: n for k, n, c, _ in self.db.execute("SELECT * FROM title") if k == c}
        rows = {k: (c, names.get(c, n)) for k, n, c, _ in self.db.execute("SELECT * FROM title")}
        for tkey, title in self.db.execute("SELECT DISTINCT title_key, title FROM role"):
            rows.setdefault(tkey, (tkey, title))
        return rows

    @cached_property
    def title_words(self) -> frozenset[str]:
        return frozenset(w for k in self.titles for w in k.split() if w not in ("of", "the"))

    def title(self, phrase: str) -> tuple[str, str] | None:
        return self.titles.get(key(phrase))

    @cached_property
    def unnamed(self) -> list[Unnamed]:
        return [Unnamed(*row) for row in self.db.execute("SELECT * FROM unnamed")]

    # organisations --------------------------------------------------------------------------
    @cached_property
    def organisations(self) -> dict[str, Organisation]:
        return {row[0]: Organisation(*row) for row in self.db.execute("SELECT * FROM organisation")}

    @cached_property
    def _org_keys(self) -> dict[str, str]:
        keys: dict[str, str] = {}
        for k, ident, _ in self.db.execute("SELECT * FROM organisation_name"):
            keys.setdefault(k, ident)
            keys.setdefault(k.removeprefix("the "), ident)
        return keys

    def organisation(self, name: str) -> Organisation | None:
        k = key(name)
        ident = self._org_keys.get(k) or self._org_keys.get(k.removeprefix("the "))
        return self.organisations.get(ident) if ident else None

    @cached_property
    def _org_regex(self) -> Any:
        names = {d for _, _, d in self.db.execute("SELECT * FROM organisation_name")}
        return _alternation(names | {n[:1].upper() + n[1:] for n in names})

    def organisations_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, organisation id) of every organisation named in the text."""
        if self._org_regex is None:
            return []
        found = []
        for m in self._org_regex.finditer(text):
            org = self.organisation(m.group(1))
            if org:
                found.append((m.start(1), m.end(1), org.id))
        return found

    # places ---------------------------------------------------------------------------------
    @cached_property
    def places(self) -> dict[str, PlaceRecord]:
        return {row[0]: PlaceRecord(*row) for row in self.db.execute("SELECT * FROM place")}

    @cached_property
    def _place_names(self) -> dict[str, list[tuple[str, bool]]]:
        names: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        for k, ident, _, avoid in self.db.execute("SELECT * FROM place_name"):
            names[k].append((ident, bool(avoid)))
        return names

    def places_named(self, name: str) -> list[PlaceRecord]:
        return [self.places[i] for i, _ in self._place_names.get(key(name), []) if i in self.places]

    def avoided(self, name: str) -> PlaceRecord | None:
        """The place this spelling names when house style avoids the spelling."""
        hits = [i for i, avoid in self._place_names.get(key(name), []) if avoid]
        return self.places.get(hits[0]) if hits else None

    def keep_phrases(self, place_id: str) -> list[str]:
        return [
            p for (p,) in self.db.execute("SELECT phrase FROM place_keep WHERE id=?", (place_id,))
        ]

    @cached_property
    def place_regex(self) -> Any:
        """Every place name and spelling, case-sensitive, longest first."""
        return _alternation({d for _, _, d, _ in self.db.execute("SELECT * FROM place_name")})

    def ancestors(self, place_id: str) -> list[PlaceRecord]:
        chain: list[PlaceRecord] = []
        place = self.places.get(place_id)
        while place and place.parent and place.parent in self.places and len(chain) < 20:
            place = self.places[place.parent]
            chain.append(place)
        return chain


def _alternation(names: set[str], *, ignorecase: bool = False) -> Any:
    if not names:
        return None
    body = "|".join(re2.escape(n) for n in sorted(names, key=len, reverse=True))
    flags = "(?i)" if ignorecase else ""
    # RE2's \b is ASCII-only; lookarounds are not supported, so bound with explicit classes.
    return re2.compile(rf"{flags}(?:^|[^\pL\pN_])({body})(?:[^\pL\pN_]|$)")
