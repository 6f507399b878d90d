"""Wikidata (CC0): people and the positions they held, from a user's own JSON dump.

SOURCE is `latest-all.json.gz` / `.bz2` or the plain file: a JSON array written one entity a
line (first line "[", each entity a line ending in ",", last line "]"). The dump is read as a
stream, twice, one line at a time (memory stays constant whatever its size): the first pass
keeps the ids of the entities whose English label names a position in `LABELS` (the only
labels the second pass can use, so the table bounds what is held); the second takes
each human (P31 = Q5) with an English label, their English aliases and short names (P1813),
and each "position held" (P39) with its start (P580) and end (P582) qualifiers, at the
precision Wikidata gives (9 = year, 10 = month, 11 = day; coarser dates count as undated).

A position maps to a starter-pack title and organisation by its QID (`POSITIONS`) or, when the
dump holds the position's entity, by its English label (`LABELS`); anything else is skipped and
counted. The QID is the person's external id (`wikidata`), which the store uses to merge them
with the congress-legislators people, then their name with the curated packs. A line that is
not an entity is one problem line with its line number; the run goes on.
"""

from __future__ import annotations

import bz2
import gzip
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from checker.knowledge.importers import Item
from checker.knowledge.models import parse_partial, widened_end
from checker.knowledge.packs import KnowledgeError

HUMAN = "Q5"
# Well-known positions: QID -> (organisation, title) in the starter packs.
POSITIONS = {
    "Q11696": ("us-gov", "President"),  # President of the United States
    "Q11699": ("us-gov", "Vice President"),  # Vice President of the United States
    "Q14213": ("us-state", "Secretary of State"),  # United States Secretary of State
    "Q4416090": ("us-senate", "Senator"),  # United States senator
    "Q13218630": ("us-house", "Representative"),  # member of the U.S. House of Representatives
    "Q14211": ("uk-gov", "Prime Minister"),  # Prime Minister of the United Kingdom
    "Q531471": ("uk-gov", "Chancellor of the Exchequer"),
}
# The same by a position entity's English label (lower case), for the QIDs not listed above.
LABELS = {
    "president of the united states": ("us-gov", "President"),
    "vice president of the united states": ("us-gov", "Vice President"),
    "united states secretary of state": ("us-state", "Secretary of State"),
    "united states secretary of defense": ("us-dod", "Secretary of Defense"),
    "united states attorney general": ("us-justice", "Attorney General"),
    "white house chief of staff": ("us-white-house", "Chief of Staff"),
    "white house press secretary": ("us-white-house", "Press Secretary"),
    "united states senator": ("us-senate", "Senator"),
    "member of the united states house of representatives": ("us-house", "Representative"),
    "prime minister of the united kingdom": ("uk-gov", "Prime Minister"),
    "chancellor of the exchequer": ("uk-gov", "Chancellor of the Exchequer"),
    "deputy prime minister of the united kingdom": ("uk-gov", "Deputy Prime Minister"),
}
PRECISION = {9: 4, 10: 7, 11: 10}  # Wikidata time precision -> characters of YYYY-MM-DD kept


def people(
    source: Path | None, positions: Path | None = None, since: int | None = None
) -> Iterator[Item]:
    if source is None:
        raise KnowledgeError("wikidata: name your Wikidata JSON dump (latest-all.json.gz)")
    keep = _wanted(positions) if positions else None
    yield "source", {"name": f"Wikidata JSON dump {source.name}", "licence": "CC0-1.0",
                     "url": "https://www.wikidata.org/wiki/Wikidata:Database_download"}  # fmt: skip
    labels = {}  # only the labels LABELS maps: memory stays bounded by that table
    for _n, entity in _entities(source, None):
        label = (_label(entity) or "").lower()
        if label in LABELS and HUMAN not in _targets(entity, "P31"):
            labels[entity["id"]] = label
    counts: Counter[str] = Counter()
    problems: list[str] = []
    for _n, entity in _entities(source, problems):
        counts["entities"] += 1
        if HUMAN not in _targets(entity, "P31"):
            counts["not human"] += 1
            continue
        person = _person(entity, labels, keep, since, counts)
        if person is None:
            counts["humans without a mapped dated position"] += 1
            continue
        counts["people"] += 1
        yield "person", person
    for line in problems:
        yield "problem", {"message": line}
    summary = ", ".join(f"{v:,} {k}" for k, v in counts.items())
    yield "problem", {"message": f"wikidata: {summary}, {len(problems):,} malformed lines"}


def _wanted(path: Path) -> set[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"wikidata: {path}: {exc}") from None
    return {w for line in text.splitlines() for w in line.split("#")[0].split() if w}


def _open(source: Path) -> IO[bytes]:
    name = source.name.lower()
    if name.endswith(".gz"):
        return gzip.open(source, "rb")  # type: ignore[return-value]
    if name.endswith(".bz2"):
        return bz2.open(source, "rb")
    return source.open("rb")


def _entities(source: Path, problems: list[str] | None) -> Iterator[tuple[int, dict[str, Any]]]:
    """The dump's entities one line at a time; a bad line goes to `problems` (when given)."""
    try:
        with _open(source) as stream:
            for n, raw in enumerate(stream, 1):
                text = raw.strip().rstrip(b",").strip()
                if text in (b"", b"[", b"]"):
                    continue
                try:
                    entity = json.loads(text.decode("utf-8"))
                    if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
                        raise ValueError("not an entity (no id)")  # noqa: TRY004
                except (ValueError, UnicodeDecodeError, RecursionError) as exc:
                    if problems is not None:
                        problems.append(f"{source}:{n}: malformed entity line: {exc}")
                    continue
                yield n, entity
    except (OSError, EOFError, ValueError) as exc:  # a truncated or corrupt archive
        raise KnowledgeError(f"wikidata: {source}: {exc}") from None


def _label(entity: dict[str, Any]) -> str | None:
    labels = entity.get("labels")
    for lang in ("en", "en-gb", "en-us", "mul"):
        value = labels.get(lang) if isinstance(labels, dict) else None
        if isinstance(value, dict) and isinstance(value.get("value"), str):
            return str(value["value"]).strip() or None
    return None


def _claims(entity: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    claims = entity.get("claims")
    found = claims.get(prop) if isinstance(claims, dict) else None
    return [c for c in found if isinstance(c, dict)] if isinstance(found, list) else []


def _value(snak: object) -> Any:
    if not isinstance(snak, dict) or snak.get("snaktype", "value") != "value":
        return None
    data = snak.get("datavalue")
    return data.get("value") if isinstance(data, dict) else None


def _item(value: object) -> str | None:
    return value.get("id") if isinstance(value, dict) and isinstance(value.get("id"), str) else None


def _targets(entity: dict[str, Any], prop: str) -> list[str]:
    ids = (_item(_value(c.get("mainsnak"))) for c in _claims(entity, prop))
    return [i for i in ids if i]


def _time(qualifiers: object, prop: str) -> str | None:
    """A qualifier's date at its precision: '2009', '2009-01' or '2009-01-20'."""
    snaks = qualifiers.get(prop) if isinstance(qualifiers, dict) else None
    for snak in snaks if isinstance(snaks, list) else []:
        value = _value(snak)
        if not isinstance(value, dict) or not isinstance(value.get("time"), str):
            continue
        precision = value.get("precision")
        keep = PRECISION.get(precision) if isinstance(precision, int) else None
        text = value["time"]
        if keep is None or not text.startswith("+") or len(text) < 11 or text[5] != "-":
            return None  # a decade or century, or a year before 1000
        day = text[1 : 1 + keep]
        try:
            parse_partial(day)
        except ValueError:
            return None
        return day
    return None


def _person(
    entity: dict[str, Any],
    labels: dict[str, str],
    keep: set[str] | None,
    since: int | None,
    counts: Counter[str],
) -> dict[str, Any] | None:
    name = _label(entity)
    if name is None:
        return None
    roles = []
    for claim in _claims(entity, "P39"):
        qid = _item(_value(claim.get("mainsnak")))
        if qid is None or (keep is not None and qid not in keep):
            continue
        office = POSITIONS.get(qid) or LABELS.get(labels.get(qid, ""))
        if office is None:
            counts["unmapped position terms"] += 1
            continue
        start = _time(claim.get("qualifiers"), "P580")
        end = _time(claim.get("qualifiers"), "P582")
        if start is None:
            counts["undated position terms"] += 1
            continue
        first, last = parse_partial(start)[0], widened_end(end)
        if (
            last is not None
            and first is not None
            and (last < first or (since and last.year < since))
        ):
            counts["terms ended before --since or before they start"] += 1
            continue
        roles.append({"organisation": office[0], "title": office[1], "start": start, "end": end})
    if not roles:
        return None
    aliases = entity.get("aliases")
    english = aliases.get("en") if isinstance(aliases, dict) else None
    names = (
        [a.get("value") for a in english if isinstance(a, dict)]
        if isinstance(english, list)
        else []
    )
    names += [v.get("text") for c in _claims(entity, "P1813") if isinstance(v := _value(c.get("mainsnak")), dict)
              and v.get("language") == "en"]  # fmt: skip
    qid = entity["id"]
    return {"id": f"wd-{qid.lower()}", "name": name, "roles": roles, "ids": {"wikidata": qid},
            "aliases": [a for a in dict.fromkeys(n for n in names if isinstance(n, str) and n.strip()) if a != name]}  # fmt: skip
