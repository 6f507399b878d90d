"""Principal Officers of the U.S. Department of State (HistoryAtState/pocom; public domain, CC0).

SOURCE is a checkout of HistoryAtState/pocom (the Office of the Historian's data): each
`positions-principals/*.xml` names a post (`names/singular`: "Secretary of State", "U.S. Trade
Representative", "Deputy Secretary of State") and lists its `principal`s with `person-id` and
`started` / `ended` dates (`YYYY-MM-DD`, sometimes `YYYY-MM`); `people/<letter>/<id>.xml` has
the person's `surname`, `forename`, `genName` and `altname` ("George P. Shultz"). A term with
no start is left out; one with no end and a successor ends when the successor starts. Every
post is held at `us-state` but the Trade Representative (`us-gov`, as in the cabinet data).
The person id is the external id `pocom`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.knowledge.importers import Item
from checker.knowledge.packs import KnowledgeError

TRADE = "U.S. Trade Representative"
AD_INTERIM = re.compile(r"\bad interim\b|Continental Congress")
DAY = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise KnowledgeError(f"pocom: {path}: {exc}") from None


def _text(node: ET.Element | None, path: str) -> str:
    found = node.find(path) if node is not None else None
    return " ".join((found.text or "").split()) if found is not None else ""


def _date(node: ET.Element, what: str) -> str | None:
    text = _text(node, f"{what}/date")
    return text if DAY.match(text) else None


def names_of(root: ET.Element) -> tuple[str, list[str]]:
    """('James Addison Baker III', ['James Baker', 'James A. Baker', ...]) from a person file."""
    surname, forename = _text(root, "persName/surname"), _text(root, "persName/forename")
    gen, alt = _text(root, "persName/genName"), _text(root, "persName/altname")
    full = " ".join(p for p in (forename, surname, gen) if p)
    name = alt or full  # "George P. Shultz", as the copy of the time writes him
    words = forename.split()
    aliases = [full]
    if words:
        aliases.append(f"{words[0]} {surname}")
        if len(words) > 1 and len(words[1].rstrip(".")) > 1:
            aliases.append(f"{words[0]} {words[1][0]}. {surname}")
        aliases.append(f"{forename} {surname}")
    return name, [a for a in dict.fromkeys(aliases) if a and a != name]


def principals(source: Path | None) -> Iterator[Item]:
    if source is None or not (source / "positions-principals").is_dir():
        raise KnowledgeError("pocom: name a checkout of HistoryAtState/pocom")
    yield "source", {"name": "HistoryAtState/pocom (Office of the Historian)",
                     "licence": "CC0-1.0", "url": "https://github.com/HistoryAtState/pocom"}  # fmt: skip
    roles: dict[str, list[dict[str, Any]]] = {}
    for post_file in sorted((source / "positions-principals").glob("*.xml")):
        post = _parse(post_file)
        title = _text(post, "names/singular")
        if not title or AD_INTERIM.search(title):
            continue
        org, title = ("us-gov", "Trade Representative") if title == TRADE else ("us-state", title)
        held = [
            (p.findtext("person-id", "").strip(), _date(p, "started") or _date(p, "appointed"),
             _date(p, "ended"))
            for p in post.iter("principal")
        ]  # fmt: skip
        held.sort(key=lambda h: h[1] or "")
        for i, (who, start, end) in enumerate(held):
            if not who or not start:
                continue
            if end is None and i + 1 < len(held):
                end = held[i + 1][1]  # no end given: it ends when the successor starts
            roles.setdefault(who, []).append(
                {"organisation": org, "title": title, "start": start, "end": end}
            )
    for who, held_roles in sorted(roles.items()):
        path = source / "people" / who[:1] / f"{who}.xml"
        if not path.exists():
            yield "problem", {"message": f"pocom: no person file for {who!r}"}
            continue
        name, aliases = names_of(_parse(path))
        if name:
            yield "person", {"id": f"pocom-{who}", "name": name, "aliases": aliases,
                             "roles": held_roles, "ids": {"pocom": who}}  # fmt: skip
