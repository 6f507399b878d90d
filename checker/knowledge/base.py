"""`KnowledgeBase`: read-only lookups over the compiled SQLite file.

People and places are looked up through indexes (people by full name or alias, by surname,
by title and organisation; places by name and by id), so a knowledge base of tens of thousands
of people and hundreds of thousands of places costs a few index probes per mention.
Organisations and titles are small and held in memory for scanning text; of the places, only
the notable ones (curated, countries, big cities) are matched in running text.
The API is documented in docs/knowledge.md ("The lookups").
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Mapping
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

    def active(self, on: date, until: date | None = None) -> bool:
        """Held on `on`, or on some day of [on, until]."""
        last = until or on
        return (self.start is None or self.start <= last) and (self.end is None or on <= self.end)

    @property
    def period(self) -> str:
        return f"{self.start or '?'} to {self.end or 'now'}"


@dataclass(frozen=True)
class PersonRecord:
    id: str
    name: str
    names: tuple[tuple[str, str, str], ...]  # (display, first key, surname key) per name/alias
    roles: tuple[RoleRecord, ...]

    def roles_on(
        self, on: date, organisation: str | None = None, until: date | None = None
    ) -> list[RoleRecord]:
        """The roles held on `on` (or on some day of [on, until])."""
        return [
            r for r in self.roles if r.active(on, until) and organisation in (None, r.organisation)
        ]


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
    population: int | None = None
    curated: bool = True

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
        self,
        surname: str,
        *,
        first: str | None = None,
        active_on: date | None = None,
        every: bool | None = None,
    ) -> list[PersonRecord]:
        """People with this surname; only those with this first name, or holding an office on
        `active_on`, when given (filtered in SQL, so a common surname stays cheap).

        A surname alone matches only the curated people unless `every`: among 25,000 imported
        legislators nearly any surname has a namesake, so "someone called Johnson" says
        nothing (measured: near-miss warnings on clean copy). With `first` or `active_on` the
        lookup is narrow enough to search everyone."""
        if every is None:
            every = first is not None or active_on is not None
        sql, args = "SELECT n.pid FROM person_name n", [key(surname)]
        if active_on:
            day = active_on.isoformat()
            sql += (' JOIN role r ON r.pid = n.pid AND (r.start IS NULL OR r.start<=?)'
                    ' AND (r."end" IS NULL OR r."end">=?)')  # fmt: skip
            args = [day, day, *args]
        if not every:
            sql += " JOIN person p ON p.pid = n.pid AND p.curated"
        sql += " WHERE n.surname=?"
        if first is not None:
            sql, args = sql + " AND n.first=?", [*args, key(first)]
        return self._people(sql, tuple(args))

    def holders(
        self,
        title_key: str,
        organisation: str | None = None,
        on: date | None = None,
        until: date | None = None,
    ) -> list[RoleRecord]:
        """Roles with this title (at this organisation), held on `on` when given (or on some
        day of [on, until]); the days are filtered in the query, not after it."""
        sql = (
            'SELECT p.id, p.name, r.organisation, r.title, r.title_key, r.start, r."end"'
            " FROM role r JOIN person p ON p.pid = r.pid WHERE r.title_key=?"
        )
        args: list[object] = [title_key]
        if organisation:
            sql, args = sql + " AND r.organisation=?", [*args, organisation]
        if on:
            sql += ' AND (r.start IS NULL OR r.start<=?) AND (r."end" IS NULL OR r."end">=?)'
            args += [(until or on).isoformat(), on.isoformat()]
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
        # the titles of curated people's roles; an import's own post names ("Minister for
        # London", "President of the Government") count only through a `title` record, or
        # every word of 900 UK posts would read as a title word in running text
        for tkey, title in self.db.execute(
            "SELECT DISTINCT r.title_key, r.title FROM role r JOIN person p"
            " ON p.pid = r.pid AND p.curated"
        ):
            rows.setdefault(tkey, (tkey, title))
        return rows

    @cached_property
    def title_words(self) -> frozenset[str]:
        return frozenset(w for k in self.titles for w in k.split() if w not in _LINKS)

    def title(self, phrase: str) -> tuple[str, str] | None:
        return self.titles.get(key(phrase))

    @cached_property
    def unnamed(self) -> list[Unnamed]:
        return [Unnamed(*row) for row in self.db.execute("SELECT * FROM unnamed")]

    # organisations --------------------------------------------------------------------------
    @cached_property
    def organisations(self) -> dict[str, Organisation]:
        return {
            row[0]: Organisation(*row)
            for row in self.db.execute("SELECT id, name, kind, country, parent FROM organisation")
        }

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
    def places(self) -> Mapping[str, PlaceRecord]:
        """Every place by id, read on demand (the big knowledge base has 200,000)."""
        return _Places(self)

    def _place(self, ident: str) -> PlaceRecord | None:
        row = self.db.execute(f"SELECT {_PLACE} FROM place WHERE id=?", (ident,)).fetchone()
        return _place_record(row) if row else None

    def places_named(self, name: str, *, every: bool = False) -> list[PlaceRecord]:
        """Places with this name or accepted spelling: curated ones first, then by population
        (the biggest Springfield first). Only notable places unless `every`."""
        sql = (
            f"SELECT DISTINCT {_PLACE_COLS} FROM place_name n JOIN place p ON p.id = n.id"
            " WHERE n.key=?"
            + ("" if every else " AND n.notable")
            + " ORDER BY p.curated DESC, coalesce(p.population, -1) DESC, p.rowid"
        )
        return [_place_record(row) for row in self.db.execute(sql, (key(name),))]

    def avoided(self, name: str) -> PlaceRecord | None:
        """The place this spelling names when house style avoids the spelling."""
        row = self.db.execute(
            "SELECT id FROM place_name WHERE key=? AND avoid ORDER BY rowid LIMIT 1", (key(name),)
        ).fetchone()
        return self.places.get(row[0]) if row else None

    def keep_phrases(self, place_id: str) -> list[str]:
        return [
            p for (p,) in self.db.execute("SELECT phrase FROM place_keep WHERE id=?", (place_id,))
        ]

    @cached_property
    def place_regex(self) -> Any:
        """Every notable place name and spelling, case-sensitive, longest first."""
        return _alternation(
            {d for (d,) in self.db.execute("SELECT display FROM place_name WHERE notable")}
        )

    def ancestors(self, place_id: str) -> list[PlaceRecord]:
        """The places that contain this one, smallest first: Vilseck -> Bavaria -> Germany."""
        chain: list[PlaceRecord] = []
        place = self.places.get(place_id)
        while place and place.parent and len(chain) < 20:
            place = self.places.get(place.parent)
            if place is None or place in chain:
                break
            chain.append(place)
        return chain

    def containment(self, place_id: str) -> list[PlaceRecord]:
        """The place itself and every place that contains it."""
        place = self.places.get(place_id)
        return [place, *self.ancestors(place_id)] if place else []

    # people: what they held -----------------------------------------------------------------
    def titles_of(self, person_id: str) -> list[RoleRecord]:
        """Every office this person held, earliest first (undated last)."""
        person = self.by_id(person_id)
        if person is None:
            return []
        return sorted(person.roles, key=lambda r: (r.start is None, r.start or date.min))

    # the whole ------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        """Counts of what the knowledge base holds, and where the imports come from."""
        one = lambda sql: self.db.execute(sql).fetchone()[0]
        return {
            "people": one("SELECT count(*) FROM person"),
            "people_with_dated_roles": one(
                "SELECT count(DISTINCT pid) FROM role WHERE start IS NOT NULL"
            ),
            "roles": one("SELECT count(*) FROM role"),
            "places": one("SELECT count(*) FROM place"),
            "notable_places": one("SELECT count(*) FROM place WHERE notable"),
            "organisations": one("SELECT count(*) FROM organisation"),
            "titles": one("SELECT count(DISTINCT canonical) FROM title"),
            "sources": [
                dict(zip(("name", "version", "licence", "url", "file"), row))
                for row in self.db.execute("SELECT * FROM source")
            ],
            "errors": len(self.errors),
        }


# Words that join title words without being any ("Secretary of State for Trade and Industry"):
# an "and" read as a title word would carry "Former prosecutor and Mayor" past its qualifier.
_LINKS = frozenset({"of", "the", "and", "for", "&", "to", "in", "on", "without"})
_PLACE = "id, name, kind, parent, preferred, population, curated"
_PLACE_COLS = ", ".join(f"p.{c}" for c in _PLACE.split(", ")) + ", p.rowid"


def _place_record(row: tuple[Any, ...]) -> PlaceRecord:
    ident, name, kind, parent, preferred, population, curated = row[:7]
    return PlaceRecord(ident, name, kind, parent, preferred, population, bool(curated))


class _Places(Mapping[str, PlaceRecord]):
    """Places by id from the SQLite file, the recent ones cached."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.get_record = lru_cache(maxsize=8192)(kb._place)

    def __getitem__(self, ident: str) -> PlaceRecord:
        place = self.get_record(ident)
        if place is None:
            raise KeyError(ident)
        return place

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self.get_record(ident) is not None

    def __iter__(self) -> Iterator[str]:
        return (i for (i,) in self.kb.db.execute("SELECT id FROM place ORDER BY rowid"))

    def __len__(self) -> int:
        return int(self.kb.db.execute("SELECT count(*) FROM place").fetchone()[0])


def _alternation(names: set[str], *, ignorecase: bool = False) -> Any:
    if not names:
        return None
    body = "|".join(re2.escape(n) for n in sorted(names, key=len, reverse=True))
    flags = "(?i)" if ignorecase else ""
    # RE2's \b is ASCII-only; lookarounds are not supported, so bound with explicit classes.
    options = re2.Options()
    options.max_mem = 256 << 20  # thousands of names: the default 8 MB DFA runs out
    return re2.compile(rf"{flags}(?:^|[^\pL\pN_])({body})(?:[^\pL\pN_]|$)", options)
