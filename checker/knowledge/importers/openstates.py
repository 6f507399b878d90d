"""openstates/people (CC0): US state legislators, governors, statewide officers and mayors.

SOURCE is a checkout of the repository (or its `data/` folder): one YAML file per person under
`data/<state>/{legislature,retired,executive,municipalities}/`, each with `id` (an OCD person
id), `name`, `other_names`, `other_identifiers` (bioguide, wikidata, ...) and dated `roles`
(`type`, `jurisdiction`, `start_date`, `end_date`). Chambers become the state's Senate and House
(Assembly, House of Delegates where that is the name), statewide offices the state government,
mayors the city government; members of Congress in `data/us/` keep the starter pack's
`us-senate` and `us-house`, and their bioguide id merges them with congress-legislators.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.knowledge.importers import Item, load_yaml
from checker.knowledge.importers.us_states import STATES
from checker.knowledge.packs import KnowledgeError

ASSEMBLY = {"ca", "ny", "nv", "wi", "nj"}
DELEGATES = {"md", "va", "wv"}
STATEWIDE = {
    "governor": "Governor", "lt_governor": "Lieutenant Governor",
    "secretary of state": "Secretary of State", "attorney general": "Attorney General",
    "treasurer": "Treasurer", "auditor": "Auditor", "chief election officer": "Chief Election Officer",
}  # fmt: skip
TITLES = [
    {"name": "State Senator", "aliases": ["state Sen.", "State Sen.", "state senator"]},
    {
        "name": "State Representative",
        "aliases": ["state Rep.", "State Rep.", "state representative"],
    },
    {"name": "Assemblymember", "aliases": ["Assemblyman", "Assemblywoman", "Assembly Member"]},
    {"name": "Delegate", "aliases": ["Del."]},
    {"name": "Lieutenant Governor", "aliases": ["Lt. Gov.", "Lt. Governor", "Lieutenant Gov."]},
    {"name": "Attorney General", "aliases": ["Atty. Gen.", "AG"]},
]
JURISDICTION = re.compile(r"country:us(?:/state:(\w\w))?(?:/place:(\w+))?")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # mojibake such as "O\x92 Neal": left out
FOLDERS = ("legislature", "retired", "executive", "municipalities")


def people(source: Path | None) -> Iterator[Item]:
    if source is None:
        raise KnowledgeError("openstates: name a checkout of openstates/people")
    data = source / "data" if (source / "data").is_dir() else source
    files = sorted(p for folder in FOLDERS for p in data.glob(f"*/{folder}/*.yml"))
    if not files:
        raise KnowledgeError(f"openstates: no data/<state>/legislature/*.yml under {source}")
    yield "source", {"name": "openstates/people", "licence": "CC0-1.0",
                     "url": "https://github.com/openstates/people"}  # fmt: skip
    for title in TITLES:
        yield "title", title
    cities = _municipalities(data)
    orgs: set[str] = set()
    for path in files:
        item = load_yaml(path)
        if not isinstance(item, dict) or not item.get("name"):
            continue
        person, wanted = _person(item, cities)
        for org in wanted:
            if org["id"] not in orgs:
                orgs.add(org["id"])
                yield "organisation", org
        yield "person", person


def _municipalities(data: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for path in sorted(data.glob("*/municipalities.yml")):
        for city in load_yaml(path) or []:
            if isinstance(city, dict) and city.get("id") and city.get("name"):
                names[str(city["id"])] = str(city["name"])
    return names


def _person(item: dict[str, Any], cities: dict[str, str]) -> tuple[dict[str, Any], list[dict]]:
    name = " ".join(str(item["name"]).split())  # "Christopher\t Piper"
    aliases = [" ".join(str(o["name"]).split()) for o in item.get("other_names") or []
               if o.get("name") and not CONTROL.search(str(o["name"]))]  # fmt: skip
    if item.get("given_name") and item.get("family_name"):
        aliases.append(f"{item['given_name']} {item['family_name']}")
    ids = {"openstates": str(item["id"])}
    for other in item.get("other_identifiers") or []:
        if other.get("scheme") in ("bioguide", "wikidata") and other.get("identifier"):
            ids.setdefault(other["scheme"], str(other["identifier"]))
    roles, orgs = [], []
    for role in item.get("roles") or []:
        office = _office(role, cities)
        if office is None:
            continue
        org, title = office
        start, end = role.get("start_date") or None, role.get("end_date") or None
        if start and end and str(end) < str(start):
            continue  # a slip in the roster (a term that ends before it starts): left out
        orgs.append(org)
        roles.append({"organisation": org["id"], "title": title, "start": start, "end": end})
    ident = "ocd-" + str(item["id"]).rsplit("/", 1)[-1].lower()
    person = {"id": ident, "name": name, "roles": roles, "ids": ids,
              "aliases": [a for a in dict.fromkeys(aliases) if a and a != name]}  # fmt: skip
    return person, orgs


def _office(role: dict[str, Any], cities: dict[str, str]) -> tuple[dict[str, Any], str] | None:
    kind = str(role.get("type") or "")
    where = JURISDICTION.search(str(role.get("jurisdiction") or ""))
    if not where:
        return None
    state, place = where.group(1), where.group(2)
    if state is None:  # Congress
        if kind == "upper":
            return {"id": "us-senate", "name": "U.S. Senate", "kind": "government"}, "Senator"
        if kind == "lower":
            return {"id": "us-house", "name": "U.S. House of Representatives",
                    "kind": "government"}, "Representative"  # fmt: skip
        return None
    state_name = STATES.get(state.upper(), state.upper())
    if place:
        city = cities.get(str(role.get("jurisdiction")), place.replace("_", " ").title())
        org: dict[str, Any] = {"id": f"us-{state}-{place.replace('_', '-')}-gov", "kind": "government",
               "name": f"City of {city}", "country": "us"}  # fmt: skip
        return (org, "Mayor") if kind == "mayor" else None
    if kind in STATEWIDE:
        gov = {"id": f"us-{state}-gov", "name": f"State of {state_name}", "kind": "government",
               "aliases": [f"{state_name} state government"], "country": "us"}  # fmt: skip
        return gov, STATEWIDE[kind]
    return _chamber(state, state_name, kind)


def _chamber(state: str, state_name: str, kind: str) -> tuple[dict[str, Any], str] | None:
    base = {"kind": "government", "country": "us"}
    if kind in ("upper", "senate") or (kind == "legislature" and state == "ne"):
        org = {**base, "id": f"us-{state}-senate", "name": f"{state_name} Senate",
               "aliases": [f"{state_name} State Senate"]}  # fmt: skip
        if state == "ne":
            org = {**base, "id": "us-ne-legislature", "name": "Nebraska Legislature"}
        return org, "State Senator"
    if kind in ("lower", "house"):
        if state in ASSEMBLY:
            house = "State Assembly" if state != "nj" else "General Assembly"
            return {**base, "id": f"us-{state}-house", "name": f"{state_name} {house}",
                    "aliases": [f"{state_name} Assembly"]}, "Assemblymember"  # fmt: skip
        if state in DELEGATES:
            return {**base, "id": f"us-{state}-house",
                    "name": f"{state_name} House of Delegates"}, "Delegate"  # fmt: skip
        return {**base, "id": f"us-{state}-house",
                "name": f"{state_name} House of Representatives",
                "aliases": [f"{state_name} House"]}, "State Representative"  # fmt: skip
    if kind == "legislature" and state == "dc":
        return {**base, "id": "us-dc-council",
                "name": "Council of the District of Columbia"}, "Councilmember"  # fmt: skip
    return None
