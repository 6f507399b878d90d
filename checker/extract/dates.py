"""Date phrases as the copy states them, with exact spans: parsing only, no calendar arithmetic.

Four kinds, found in this order (an earlier kind wins an overlap):
- `weekday_date`: "Wednesday (Feb. 2)", "on Wednesday, Feb. 2", "Tuesday, March 1, 2022",
  "last Friday, January 29" (the qualifier kept as `shift`);
- `date`: "Feb. 2, 2022", "2 February 2022", "2022-02-02", and "Feb. 2" without a year;
- `relative`: "yesterday", "last month", "earlier this year", "next Tuesday", "two weeks ago";
- `weekday`: a bare "Wednesday" ("the Pentagon said Wednesday");
- `impossible`: a date that does not exist ("Feb. 30", "Feb. 29, 2022"), for `date.impossible`.
`checker.dating` resolves them against the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
_MONTHS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)})
_MONTHS["sept"] = 9

_WD = "|".join(WEEKDAYS)
# Full names, or AP abbreviations with or without the period; a day number always follows.
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_DATE = (
    rf"(?:{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?(?![\d,.]\d)"
    rf"|{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?(?![\d,.]\d)"
    rf"|{_YEAR}-[01]\d-[0-3]\d)(?![\w-])"
)
_PAIR = re.compile(
    rf"(?:\b(?P<qual>[Ll]ast|[Nn]ext|[Tt]his)\s+)?\b(?P<wd>{_WD})(?:\s*\(\s*(?P<d1>{_DATE})\s*\)|,?\s+(?:the\s+)?(?P<d2>{_DATE}))"
)
_FULL = re.compile(rf"(?<![\w-])(?P<d1>{_DATE})")
_PARTS_MDY = re.compile(rf"(?P<mon>{_MON})\s+(?P<day>\d+)\D*?(?P<year>{_YEAR})?$")
_PARTS_DMY = re.compile(
    rf"(?P<day>\d+)\D*?\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?$"
)
_PARTS_ISO = re.compile(r"(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)$")

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a few": 3,
}  # fmt: skip
_COUNT = r"(?:\d{1,3}|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
_RELATIVE = re.compile(
    rf"(?i:\b(?P<anchor>yesterday|tomorrow|last night)\b"
    rf"|\b(?P<shift>last|next|this|(?:the|this) (?:past|last)|(?:earlier|later) this)\s+"
    rf"(?P<unit>week|month|year|weekend|(?-i:{_WD}))\b"
    rf"|\b(?P<count>{_COUNT})\s+(?P<ago_unit>day|week|month|year)s?\s+ago\b)"
)
# A weekday inside a name or a habit is not a date: "Super Tuesday", "the Sunday Times", "Fridays".
_NOT_BEFORE = re.compile(
    r"(?:Ash|Good|Black|Super|Cyber|Bloody|Easter|Holy|Maundy|Palm|Shrove|Fat|Giving|Blue|Low)\s+$"
)
_NOT_AFTER = re.compile(
    r"^(?:s\b|'s\b|\s+(?:Times|Telegraph|Night\s+(?:Live|Football)|Morning\b|Show|Mail|Express"
    r"|Herald|Mirror|Review|Magazine|Edition|Book|school|service|Club|Addams))"
)
_DMY_CUE = re.compile(
    r"(?:\b(?:on|since|until|till|from|by|before|after|to|between|and)\s+|\(\s*)$"
)
_BARE_WEEKDAY = re.compile(rf"\b(?P<wd>{_WD})\b")


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase as written: month/day/year as stated (None when the copy leaves it out)."""

    start: int
    end: int
    text: str
    kind: str  # weekday_date | date | relative | weekday | impossible
    weekday: int | None = None  # 0 = Monday, as date.weekday()
    month: int | None = None
    day: int | None = None
    year: int | None = None
    shift: str | None = None  # "last", "next", "this", "the past", "earlier this", "ago", ...
    unit: str | None = None  # relative: "day", "week", "month", "year", "weekend" or a weekday name
    count: int = 1
    approx: bool = False  # "a few weeks ago"

    @property
    def weekday_name(self) -> str | None:
        return WEEKDAYS[self.weekday] if self.weekday is not None else None

    @property
    def month_day(self) -> str:
        """'Feb. 2' in AP style, for messages."""
        return f"{ap_month(self.month or 1)} {self.day}"


def ap_month(month: int) -> str:
    name = MONTH_NAMES[month - 1]
    return name if len(name) <= 5 else ("Sept." if month == 9 else name[:3] + ".")


def date_parts(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a date as `_DATE` matches it, real day or not."""
    text = " ".join(text.split())
    m = _PARTS_ISO.match(text) or _PARTS_MDY.match(text) or _PARTS_DMY.match(text)
    if not m:
        return None
    mon = m.group("mon")
    month = int(mon) if mon.isdigit() else _MONTHS[mon.rstrip(".").lower()]
    return month, int(m.group("day")), int(m.group("year")) if m.group("year") else None


def is_real(month: int, day: int, year: int | None) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: a yearless Feb. 29 stays possible
    except ValueError:
        return False
    return True


def parse_date(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a date as `_DATE` matches it, if it is a real day."""
    parts = date_parts(text)
    return parts if parts and is_real(*parts) else None


def find_dates(text: str) -> list[DatePhrase]:
    """Every date phrase in `text`, in order, none overlapping."""
    found: list[DatePhrase] = []
    taken = bytearray(len(text))  # 1 where an earlier kind already found a phrase

    def add(phrase: DatePhrase | None) -> None:
        if phrase and not any(taken[phrase.start : phrase.end]):
            found.append(phrase)
            taken[phrase.start : phrase.end] = b"\1" * (phrase.end - phrase.start)

    for m in _PAIR.finditer(text):
        add(_dated(m, "weekday_date"))
    for m in _FULL.finditer(text):
        add(_dated(m, "date"))
    for m in _RELATIVE.finditer(text):
        add(_relative(m))
    for m in _BARE_WEEKDAY.finditer(text):
        if not _NOT_BEFORE.search(text, max(0, m.start() - 10), m.start()) and not _NOT_AFTER.match(
            text[m.end() : m.end() + 24]
        ):
            add(DatePhrase(m.start(), m.end(), m.group(), "weekday", WEEKDAYS.index(m.group("wd"))))
    return sorted(found, key=lambda p: p.start)


def _dated(m: re.Match[str], kind: str) -> DatePhrase | None:
    written = m.group("d1") or m.group("d2")
    parts = date_parts(written)
    if parts is None:
        return None
    bare_day_month = kind == "date" and written[0].isdigit() and parts[2] is None
    # "7 March" is a date after "on", "since", "(": otherwise maybe "won 7 March contests"
    if bare_day_month and not _DMY_CUE.search(m.string, max(0, m.start() - 12), m.start()):
        return None
    if not is_real(*parts):
        if written[0].isdigit() and "-" in written:  # "2022-13-45" is more likely a code
            return None
        kind = "impossible"
    wd = m.groupdict().get("wd")
    weekday = WEEKDAYS.index(wd) if wd else None
    month, day, year = parts
    qualifier = m.groupdict().get("qual")
    shift = qualifier.lower() if qualifier else None
    return DatePhrase(m.start(), m.end(), m.group(), kind, weekday, month, day, year, shift)


def _relative(m: re.Match[str]) -> DatePhrase:
    text = m.group()
    if m.group("anchor"):
        return DatePhrase(m.start(), m.end(), text, "relative", shift=m.group("anchor").lower())
    if m.group("count"):
        raw = m.group("count").lower()
        count = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        unit = m.group("ago_unit").lower()
        return DatePhrase(
            m.start(), m.end(), text, "relative", shift="ago", unit=unit, count=count,
            approx=raw in ("a few", "a couple of"),
        )  # fmt: skip
    unit = m.group("unit")
    weekday = WEEKDAYS.index(unit) if unit in WEEKDAYS else None
    shift = " ".join(m.group("shift").lower().split())
    shift = "the past" if shift in ("this past", "the last", "this last") else shift
    return DatePhrase(
        m.start(),
        m.end(),
        text,
        "relative",
        weekday,
        shift=shift,
        unit=unit if weekday is not None else unit.lower(),
    )
