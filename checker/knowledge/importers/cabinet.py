"""FiveThirtyEight's cabinet-turnover data (CC BY 4.0): U.S. cabinet-level officials since 1977.

SOURCE is `cabinet-turnover/cabinet-turnover.csv` of fivethirtyeight/data (or the folder):
one row per appointee and administration, `president, position, appointee, start_date,
end_date` with dates as `1/21/77` or `1/21/1977` (sworn in / left), "Aug. 1981" (a month)
or the other administration ("Reagan admin": the term runs on, and the row of that
administration gives its other end). The posts this module maps become titles at the
starter pack's organisations ("Secretary of Defense" at `us-dod`, the Treasury and the
departments without a curated body at `us-gov`); Vice President is left to executive.yaml;
other posts are skipped, and so are terms without an end (in office when the data was
last updated, which says nothing of today). The data writes many people by a short first
name ("Mac Baldrige", "Ed Meese"): each gets the formal first name as an alias (`FORMAL`,
or the person's own in `OWN` where the short name has several), so copy that writes
"Malcolm Baldrige" names the same person and a formal first name is never read as a
misspelt one.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.knowledge.importers import Item, slug
from checker.knowledge.packs import KnowledgeError

CSV = "cabinet-turnover.csv"
# position -> (organisation, title)
POSTS = {
    "Secretary of State": ("us-state", "Secretary of State"),
    "Secretary of the Treasury": ("us-gov", "Secretary of the Treasury"),
    "Secretary of Defense": ("us-dod", "Secretary of Defense"),
    "Attorney General": ("us-justice", "Attorney General"),
    "Chief of Staff": ("us-white-house", "Chief of Staff"),
    "U.S. Trade Representative": ("us-gov", "Trade Representative"),
    "UN Ambassador": ("us-gov", "Ambassador to the United Nations"),
    "OMB Director": ("us-gov", "Director of the Office of Management and Budget"),
    "Director of Central Intelligence": ("us-gov", "Director of Central Intelligence"),
    "EPA Administrator": ("us-gov", "EPA Administrator"),
}
# The other spellings of the titles the starter packs do not have.
SPELLINGS = {
    "Trade Representative": ["U.S. Trade Representative", "US Trade Representative",
                             "United States Trade Representative"],
    "Ambassador to the United Nations": ["U.N. Ambassador", "UN Ambassador",
                                         "U.S. Ambassador to the United Nations"],
    "Director of the Office of Management and Budget": ["Budget Director", "OMB Director",
                                                        "White House Budget Director"],
    "Director of Central Intelligence": ["CIA Director"],
    "EPA Administrator": ["Environmental Protection Agency Administrator"],
}  # fmt: skip
# "Secretary of Agriculture": the department's secretary, also "Agriculture Secretary"
DEPARTMENT = re.compile(r"^Secretary of (?:the )?(Agriculture|Commerce|Labor|Interior|Energy|"
                        r"Transportation|Education|Veterans Affairs|Homeland Security|"
                        r"Health & Human Services|Housing & Urban Development)$")  # fmt: skip
SHORT = {"Health & Human Services": "Health", "Housing & Urban Development": "Housing"}
# Short first names and the one formal name each stands for (English hypocorisms). Only
# unambiguous ones: a wrong alias makes the entity rules accept a misspelling ("Jack Lew" is
# Jacob, not John), so "Ed", "Al", "Pat", "Steve" and "Jack" are left to OWN below.
FORMAL = {
    "andy": "Andrew", "ben": "Benjamin", "bill": "William", "bob": "Robert",
    "chuck": "Charles", "dan": "Daniel", "dave": "David", "dick": "Richard", "don": "Donald",
    "jim": "James", "joe": "Joseph", "ken": "Kenneth", "larry": "Lawrence", "mac": "Malcolm",
    "mike": "Michael", "mitch": "Mitchell", "ray": "Raymond", "rob": "Robert",
    "ron": "Ronald", "sam": "Samuel", "tom": "Thomas",
}  # fmt: skip
# The data's people whose short name has more than one formal reading: their own first name
# (Jack Kemp and Jack Watson were christened Jack and get none).
OWN = {
    "Al Gore": "Albert", "Ed Derwinski": "Edward", "Ed Madigan": "Edward",
    "Ed Meese": "Edwin", "Ed Muskie": "Edmund", "Ed Schafer": "Edward", "Jack Lew": "Jacob",
    "Pat Saiki": "Patricia", "Steve Mnuchin": "Steven", "Steve Preston": "Steven",
}  # fmt: skip
OTHER_ADMIN = re.compile(r"^\s*[A-Z][\w ]* admin\s*$")
MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}  # fmt: skip


def _post(position: str) -> tuple[str, str, list[str]] | None:
    """(organisation, title, the title's other spellings if it is new to the packs)."""
    if position in POSTS:
        org, title = POSTS[position]
        return org, title, SPELLINGS.get(title, [])
    match = DEPARTMENT.match(position)
    if not match:
        return None
    dept = match[1].replace("&", "and")
    title = f"Secretary of {'the ' if dept == 'Interior' else ''}{dept}"
    return "us-gov", title, [f"{SHORT.get(match[1], match[1])} Secretary"]


def _day(text: str) -> str | None:
    """'1/21/77' -> '1977-01-21' (two-digit years: 70-99 are the 1900s, 00-69 the 2000s;
    the data runs from 1977 to 2023); 'Aug. 1981' -> '1981-08'; anything else (another
    administration, blank) -> None."""
    text = text.strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text)
    if m:
        year = int(m[3])
        if len(m[3]) == 2:
            year += 1900 if year >= 70 else 2000
        return f"{year:04d}-{int(m[1]):02d}-{int(m[2]):02d}"
    m = re.fullmatch(r"([A-Za-z]{3})[a-z]*\.? (\d{4})", text)
    if m and m[1].lower() in MONTHS:
        return f"{m[2]}-{MONTHS[m[1].lower()]:02d}"
    return None


def aliases_of(name: str) -> list[str]:
    """'Richard Edmund Lyng' -> ['Richard Lyng']; 'Mac Baldrige' -> ['Malcolm Baldrige'];
    'Ed Meese' -> ['Edwin Meese']; 'James Burnley IV' -> ['James Burnley']."""
    words = name.replace(".", ". ").split()
    while len(words) > 2 and words[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii", "iv"):
        words = words[:-1]
    while len(words) > 2 and len(words[0].rstrip(".")) == 1:
        words = words[1:]  # "W. Michael Blumenthal" goes by Michael
    if len(words) < 2 or len(words[0].rstrip(".")) == 1:
        return []
    first, last = words[0], words[-1]
    out = [f"{first} {last}"]
    formal = OWN.get(f"{first} {last}", FORMAL.get(first.lower()))
    if formal:
        out.append(f"{formal} {last}")
    return [a for a in dict.fromkeys(out) if a != name]


def officials(source: Path | None) -> Iterator[Item]:
    if source is None:
        raise KnowledgeError("cabinet-turnover: name fivethirtyeight/data's cabinet-turnover.csv")
    path = source / CSV if source.is_dir() else source
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = [{(k or "").strip().lower(): (v or "").strip() for k, v in r.items()}
                    for r in csv.DictReader(stream)]  # fmt: skip
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise KnowledgeError(f"cabinet-turnover: {path}: {exc}") from None
    yield "source", {"name": "FiveThirtyEight cabinet-turnover", "licence": "CC-BY-4.0",
                     "url": "https://github.com/fivethirtyeight/data/tree/master/cabinet-turnover"}  # fmt: skip
    titles: dict[str, list[str]] = {}
    people: dict[str, dict[str, Any]] = {}
    open_ends: dict[tuple[str, str], dict[str, Any]] = {}
    skipped = 0
    for row in rows:
        post = _post(row.get("position", ""))
        name = row.get("appointee", "")
        if post is None or not name:
            skipped += 1
            continue
        org, title, spellings = post
        titles.setdefault(title, spellings)
        start, end = _day(row.get("start_date", "")), _day(row.get("end_date", ""))
        ident = f"fte-{slug(name)}"
        person = people.setdefault(
            ident, {"id": ident, "name": name, "aliases": aliases_of(name), "roles": []}
        )
        held = open_ends.pop((ident, title), None)
        if held is not None:  # the other administration's row of one term
            held["start"] = held["start"] or start
            held["end"] = held["end"] or end
            continue
        role = {"organisation": org, "title": title, "start": start, "end": end}
        person["roles"].append(role)
        other = OTHER_ADMIN.match(row.get("start_date", "")) or OTHER_ADMIN.match(
            row.get("end_date", "")
        )
        if other:
            open_ends[ident, title] = role
    for title, spellings in titles.items():
        if spellings:  # a title the starter packs lack
            yield "title", {"name": title, "aliases": spellings}
    for person in people.values():
        # no end: in office when the data was last updated (2024), which says nothing of today
        person["roles"] = [r for r in person["roles"] if r["start"] and r["end"]]
        if person["roles"]:
            yield "person", person
    if skipped:
        yield "problem", {"message": f"cabinet-turnover: {skipped} rows of unmapped posts skipped"}
