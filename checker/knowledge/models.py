"""What a knowledge pack holds: people with dated roles, organisations, places and titles.

One pydantic model per record; a pack file is a mapping of lists (`people`, `organisations`,
`places`, `titles`), any of which may be missing. Unknown keys are errors, so a typo in a pack is
reported instead of silently ignored.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
OrgKind = Literal[
    "government", "military", "intergovernmental", "publication", "company", "party", "other"
]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Role(Record):
    """An office a person held: `title` at `organisation` from `start` to `end` (open = ongoing)."""

    organisation: str | None = Field(None, pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    start: date | None = None
    end: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Role:
        if self.start and self.end and self.end < self.start:
            raise ValueError(
                f"role {self.title!r} ends ({self.end}) before it starts ({self.start})"
            )
        return self


class Person(Record):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)


class Organisation(Record):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    kind: OrgKind = "other"
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    parent: str | None = Field(None, pattern=ID_PATTERN)


class Place(Record):
    """A place, the place that contains it (`in`), and its spellings.

    `aliases` are accepted names (abbreviations such as "N.C."); `avoid` are spellings that still
    name the place but that house style replaces by `preferred` (default: `name`); `keep` are
    phrases where an avoided spelling stays (a dish, a club).
    """

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    kind: str = "place"
    in_: str | None = Field(None, alias="in", pattern=ID_PATTERN)
    aliases: list[str] = Field(default_factory=list)
    preferred: str | None = None
    avoid: list[str] = Field(default_factory=list)
    keep: list[str] = Field(default_factory=list)


class Title(Record):
    """A title's other spellings ("Sen." = Senator) and, for an office one person holds at a
    time, the bare phrases that refer to its holder ("the president") at `organisation`."""

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    organisation: str | None = Field(None, pattern=ID_PATTERN)
    unnamed: list[str] = Field(default_factory=list)


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
