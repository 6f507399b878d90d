"""Compiling knowledge packs into one indexed SQLite file, cached by the packs' contents.

The file lives in the user's cache folder (never in the source tree) and is named after a hash
of the pack paths and contents plus the schema version: a changed pack gives a new name, so a
stale cache is never read. Pack errors are stored in the file too, so a cache hit reports them
without parsing any YAML.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from checker.knowledge.models import Organisation, Pack, Person, Place
from checker.knowledge.names import key, name_parts
from checker.knowledge.packs import line_of, pack_files, read_packs

SCHEMA_VERSION = "3"

SCHEMA = """
CREATE TABLE person (pid INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT);
CREATE TABLE person_name (key TEXT, first TEXT, surname TEXT, pid INTEGER, display TEXT);
CREATE INDEX person_name_key ON person_name(key);
CREATE INDEX person_name_surname ON person_name(surname, first);
CREATE INDEX person_name_pid ON person_name(pid);
CREATE TABLE role (pid INTEGER, organisation TEXT, title TEXT, title_key TEXT,
                   start TEXT, "end" TEXT);
CREATE INDEX role_pid ON role(pid);
CREATE INDEX role_title ON role(title_key, organisation);
CREATE TABLE organisation (id TEXT PRIMARY KEY, name TEXT, kind TEXT, country TEXT, parent TEXT);
CREATE TABLE organisation_name (key TEXT, id TEXT, display TEXT);
CREATE INDEX organisation_name_key ON organisation_name(key);
CREATE TABLE place (id TEXT PRIMARY KEY, name TEXT, kind TEXT, parent TEXT, preferred TEXT);
CREATE TABLE place_name (key TEXT, id TEXT, display TEXT, avoid INTEGER);
CREATE INDEX place_name_key ON place_name(key);
CREATE TABLE place_keep (id TEXT, phrase TEXT);
CREATE TABLE title (key TEXT PRIMARY KEY, name TEXT, canonical TEXT, organisation TEXT);
CREATE TABLE unnamed (phrase TEXT, title_key TEXT, organisation TEXT);
CREATE TABLE problem (message TEXT);
"""


def cache_dir() -> Path:
    """$FACTCHECK_CACHE_DIR, else the user cache folder, else a per-user temp folder."""
    env = os.environ.get("FACTCHECK_CACHE_DIR")
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    for folder in ([base] if env else [base / "factcheck"]) + [_temp_dir()]:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if os.access(folder, os.W_OK):
                return folder
        except OSError:
            continue
    return _temp_dir()


def _temp_dir() -> Path:
    user = getattr(os, "getuid", lambda: "user")()
    return Path(tempfile.gettempdir()) / f"factcheck-{user}"


def files_digest(files: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    for path in files:
        digest.update(str(path.resolve()).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError as exc:  # unreadable: the error line comes from the build
            digest.update(repr(exc).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def compiled(folders: Iterable[Path], *, cache: Path | None = None) -> Path:
    """The SQLite file for these pack folders, built now if no cached copy matches."""
    files = pack_files(folders)
    target = (cache or cache_dir()) / f"knowledge-{files_digest(files)[:24]}.sqlite"
    if not target.exists():
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        os.close(fd)
        try:
            build(files, Path(tmp))
            os.replace(tmp, target)  # atomic: a parallel run sees the old name or a whole file
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return target


def build(files: list[Path], target: Path) -> None:
    packs, errors = read_packs(files)
    target.unlink(missing_ok=True)
    con = sqlite3.connect(target)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        errors += _insert(con, packs)
        con.executemany("INSERT INTO problem VALUES (?)", [(e,) for e in errors])
        con.commit()
    finally:
        con.close()


def _insert(con: sqlite3.Connection, packs: list[tuple[Path, Pack]]) -> list[str]:
    titles = _title_map(packs)
    con.executemany("INSERT OR IGNORE INTO title VALUES (?, ?, ?, ?)", titles.values())
    canonical = {k: row[2] for k, row in titles.items()}
    problems: list[str] = []
    org_ids = {o.id for _, p in packs for o in p.organisations}
    place_ids = {pl.id for _, p in packs for pl in p.places}
    seen: set[tuple[str, str]] = set()
    for path, pack in packs:
        problems += _check_refs(path, pack, org_ids, place_ids, seen)
        _insert_organisations(con, pack)
        _insert_places(con, pack)
        _insert_people(con, pack, canonical)
        con.executemany(
            "INSERT INTO unnamed VALUES (?, ?, ?)",
            [(key(u), key(t.name), t.organisation) for t in pack.titles for u in t.unnamed],
        )
    return problems


def _title_map(packs: list[tuple[Path, Pack]]) -> dict[str, tuple[str, str, str, str | None]]:
    rows: dict[str, tuple[str, str, str, str | None]] = {}
    for _, pack in packs:
        for t in pack.titles:
            for spelling in [t.name, *t.aliases]:
                rows.setdefault(
                    key(spelling), (key(spelling), spelling, key(t.name), t.organisation)
                )
    return rows


def _check_refs(
    path: Path, pack: Pack, org_ids: set[str], place_ids: set[str], seen: set[tuple[str, str]]
) -> Iterator[str]:
    text = path.read_text(encoding="utf-8")
    sections: tuple[tuple[str, Sequence[Person | Organisation | Place]], ...] = (
        ("people", pack.people),
        ("organisations", pack.organisations),
        ("places", pack.places),
    )  # the records that carry an id
    for section, items in sections:
        for i, item in enumerate(items):
            if (section, item.id) in seen:
                yield f"{path}:{line_of(text, [section, i, 'id'])}: {item.id!r} defined twice"
            seen.add((section, item.id))
    for i, person in enumerate(pack.people):
        for j, role in enumerate(person.roles):
            if role.organisation and role.organisation not in org_ids:
                where = line_of(text, ["people", i, "roles", j])
                yield f"{path}:{where}: {person.id}: unknown organisation {role.organisation!r}"
    for i, place in enumerate(pack.places):
        if place.in_ and place.in_ not in place_ids:
            yield f"{path}:{line_of(text, ['places', i, 'in'])}: {place.id}: unknown place {place.in_!r}"


def _insert_organisations(con: sqlite3.Connection, pack: Pack) -> None:
    con.executemany(
        "INSERT OR IGNORE INTO organisation VALUES (?, ?, ?, ?, ?)",
        [(o.id, o.name, o.kind, o.country, o.parent) for o in pack.organisations],
    )
    con.executemany(
        "INSERT INTO organisation_name VALUES (?, ?, ?)",
        [(key(n), o.id, n) for o in pack.organisations for n in {o.name, *o.aliases}],
    )


def _insert_places(con: sqlite3.Connection, pack: Pack) -> None:
    con.executemany(
        "INSERT OR IGNORE INTO place VALUES (?, ?, ?, ?, ?)",
        [(p.id, p.name, p.kind, p.in_, p.preferred or p.name) for p in pack.places],
    )
    rows = [(key(n), p.id, n, 0) for p in pack.places for n in {p.name, *p.aliases}]
    rows += [(key(n), p.id, n, 1) for p in pack.places for n in p.avoid]
    con.executemany("INSERT INTO place_name VALUES (?, ?, ?, ?)", rows)
    con.executemany(
        "INSERT INTO place_keep VALUES (?, ?)", [(p.id, k) for p in pack.places for k in p.keep]
    )


def _insert_people(con: sqlite3.Connection, pack: Pack, titles: dict[str, str]) -> None:
    for person in pack.people:
        cur = con.execute("INSERT OR IGNORE INTO person (id, name) VALUES (?, ?)",
                          (person.id, person.name))  # fmt: skip
        if not cur.rowcount:
            continue
        pid = cur.lastrowid
        names = dict.fromkeys([person.name, *person.aliases])
        con.executemany(
            "INSERT INTO person_name VALUES (?, ?, ?, ?, ?)",
            [(key(n), *name_parts(n), pid, n) for n in names],
        )
        con.executemany(
            "INSERT INTO role VALUES (?, ?, ?, ?, ?, ?)",
            [
                (pid, r.organisation, r.title, titles.get(key(r.title), key(r.title)),
                 r.start and r.start.isoformat(), r.end and r.end.isoformat())
                for r in person.roles
            ],
        )  # fmt: skip
