"""factbook/factbook.json (CC0): chiefs of state and heads of government, 2014 onwards.

SOURCE is a git clone of the repository: its weekly history is read one snapshot a quarter
(`git log`, `git cat-file --batch`: read-only, local). Each country file's `Government >
Executive branch` says "President Frank-Walter STEINMEIER (since 19 March 2017)"; a holder's
term ends when the next holder of that office starts. The office is held at `<country>-gov`
(the starter pack's `germany-gov`, `uk-gov` where they exist), with the capital from
`Government > Capital`.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from checker.knowledge.importers import Item, slug
from checker.knowledge.packs import KnowledgeError

# The words of an office ("Prime Minister", "Supreme Leader"); what follows, up to a surname in
# capitals, is the holder's name: "Prime Minister David CAMERON (since 11 May 2010)".
OFFICE = (
    "President|Vice|Prime|Minister|Chancellor|King|Queen|Emperor|Emir|Amir|Sultan|Supreme|"
    "Leader|Premier|Chairman|Chairwoman|Chair|General|Governor|Grand|Duke|Prince|Princess|"
    "Sheikh|Chief|Executive|Co-Prince|State|Council|Counsellor|Head|Federal|First|Deputy|"
    "Crown|Acting|Interim|Transitional|Captain|Regent|Pope|Taoiseach|Administrator|Secretary|"
    "Government|Republic|Ministers|Presidency|Presidium|Union|Confederation|Federation|Sovereign"
)
HOLDER = re.compile(
    rf"(?P<title>(?:{OFFICE})(?:[ -](?:{OFFICE}|of|the))*)\s+"
    r"(?P<name>(?:[A-Z][a-z'.]+(?:-[A-Z][a-z'.]+)*\s)*[A-Z][A-Z'-]+(?:\s(?:[A-Z][A-Z'-]+|[IVX]+))*)"
    r"\s*(?:\([^()]{1,40}\)\s*)?\(since (?P<since>[^)]*?\d{4})\)"
)
SHORT = {"united-kingdom": "uk", "united-states": "us"}
BROKEN = re.compile(r"(?: of| the|^General|^Republic|^Vice|^Deputy|^Minister)$")  # cut short
MONARCH = {"King": "monarch", "Queen": "monarch"}
Terms = dict[tuple[str, str], dict[str, tuple[list[str], str]]]  # office -> start -> names, title
ROMAN = re.compile(r"^[IVX]+$")


def _git(source: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", f"--git-dir={source}", *args], input=data,
                              capture_output=True, check=True, timeout=600)  # fmt: skip
    except (OSError, subprocess.SubprocessError) as exc:
        raise KnowledgeError(f"factbook: {source}: git failed: {exc}") from None
    return done.stdout


def _snapshots(source: Path) -> list[str]:
    """The first commit of each quarter, oldest first."""
    picked: dict[str, str] = {}
    for line in _git(source, "log", "--format=%H %cI", "HEAD").decode().splitlines()[::-1]:
        commit, when = line.split()
        quarter = f"{when[:4]}-{(int(when[5:7]) - 1) // 3}"
        picked.setdefault(quarter, commit)
    return list(picked.values())


def _blobs(source: Path, commit: str) -> Iterator[tuple[str, bytes]]:
    names = [
        n for n in _git(source, "ls-tree", "-r", "--name-only", commit).decode().splitlines()
        if re.fullmatch(r"[a-z-]+/[a-z]{2}\.json", n)
    ]  # fmt: skip
    out = _git(
        source, "cat-file", "--batch", data="".join(f"{commit}:{n}\n" for n in names).encode()
    )
    at = 0
    for name in names:
        header_end = out.index(b"\n", at)
        header = out[at:header_end].split()
        if len(header) < 3:  # missing
            at = header_end + 1
            continue
        size = int(header[2])
        yield name, out[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1


def _day(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text.strip())
    for fmt, out in (("%d %B %Y", "%Y-%m-%d"), ("%B %Y", "%Y-%m"), ("%Y", "%Y")):
        try:
            return datetime.strptime(text[-len(text) :], fmt).strftime(out)
        except ValueError:
            continue
    match = re.search(r"(\d{4})$", text)
    return match.group(1) if match else None


def _name(caps: str) -> str:
    return " ".join(w if ROMAN.match(w) or not w.isupper() else w.title() for w in caps.split())


def leaders(source: Path | None) -> Iterator[Item]:
    if source is None or not (source / "HEAD").exists():
        raise KnowledgeError("factbook: name a git clone (its .git folder) of factbook.json")
    head = _git(source, "rev-parse", "HEAD").decode().strip()
    yield "source", {"name": "factbook/factbook.json", "licence": "CC0-1.0", "version": head,
                     "url": "https://github.com/factbook/factbook.json"}  # fmt: skip
    terms: Terms = {}
    countries: dict[str, str] = {}
    for commit in _snapshots(source):
        for name, blob in _blobs(source, commit):
            try:
                data = json.loads(blob)
                gov = data["Government"]
                country = gov["Country name"]["conventional short form"]["text"]
                branch = gov["Executive branch"]
            except (ValueError, KeyError, TypeError):
                continue
            if not isinstance(country, str) or country.lower() == "none":
                continue
            org = _org_id(country)
            countries[org] = country
            for slot in ("chief of state", "head of government"):
                text = re.sub(r"<[^>]+>", " ", str((branch.get(slot) or {}).get("text") or ""))
                # an office's holders in order (Queen, then King: one office); a holder's
                # term ends when the next one's starts; one start, two spellings: one person
                for m in HOLDER.finditer(text):
                    since, title = _day(m["since"]), m["title"]
                    if since and not BROKEN.search(title):
                        office = (org, MONARCH.get(title, title))
                        names, _ = terms.setdefault(office, {}).setdefault(since, ([], title))
                        if _name(m["name"]) not in names:
                            names.append(_name(m["name"]))
    for org, country in sorted(countries.items()):
        yield "organisation", {"id": org, "name": f"Government of {country}",
                               "kind": "government"}  # fmt: skip
    yield from _people(terms)


def _org_id(country: str) -> str:
    ident = slug(country)
    return f"{SHORT.get(ident, ident)}-gov"


def _people(terms: Terms) -> Iterator[Item]:
    people: dict[str, dict[str, Any]] = {}
    for (org, _), holders in sorted(terms.items()):
        starts = sorted(holders)
        # a re-election restates the start ("since 2020"): one term until someone else's
        starts = [s for i, s in enumerate(starts)
                  if i == 0 or holders[s][0][0] != holders[starts[i - 1]][0][0]]  # fmt: skip
        for i, since in enumerate(starts):
            names, title = holders[since]
            if i and len(since) < 10:
                # a handover known to the month or year only: the predecessor's term is
                # widened to its end, so this one would overlap it; left out
                continue
            end = starts[i + 1] if i + 1 < len(starts) else None
            ident = f"factbook-{slug(names[0])}"  # one Charles III, King in fifteen realms
            person = people.setdefault(ident, {"id": ident, "name": names[0], "roles": []})
            person.setdefault("aliases", [])
            person["aliases"] += [n for n in names[1:] if n not in person["aliases"]]
            person["roles"].append(
                {"organisation": org, "title": title, "start": since, "end": end}
            )
    for person in people.values():
        yield "person", person
