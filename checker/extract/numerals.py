"""Numerals: where numbers are written in the text and what they are worth.

Digits ("3,000", "1.2 million", "45%", "$3 billion"), words ("three thousand", "a dozen"),
fractions ("two-thirds", "half of"). Dates ("Feb. 2"), ordinals ("82nd"), years ("2016"), times,
scores, ages ("aged 19 to 64") and labels ("Article 5") are not numerals of a count and are
left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}  # fmt: skip

_WORD = "|".join(sorted([*SMALL, "hundred", "dozen", *SCALES], key=len, reverse=True))
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_LABEL = (
    r"(?:No\.|Nos\.|Number|Article|Section|Chapter|Title|Amendment|Route|Highway|Interstate|"
    r"Flight|Proposition|Prop\.|Page|Vol\.|Room|District|Level|Phase|Category|Game|Week|Day|"
    r"Stage|Round|Channel|Act|Resolution|Rule|Form|Class|Grade|Super Bowl|Air Force)\s+$"
)
_CURRENCY = r"(?P<cur>US\$|\$|£|€)"
_DIGITS = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_WORDS = rf"(?P<words>(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:{_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_WORD}))*)"
_SCALE = r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?"
_PERCENT = r"(?P<pct>\s*%|\s+percent(?:age points?)?\b|\s+per\s?cent\b)?"
_NUMBER = re.compile(
    rf"(?<![\w.,:/$£€-]){_CURRENCY}?(?:{_DIGITS}|{_WORDS}){_SCALE}{_PERCENT}(?![\w-]|[.,:/]\d)",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"(?<![\w-])(?P<count>one|two|three|four|a)[\s-](?P<part>half|thirds?|quarters?|fourths?|fifths?|tenths?)\b"
    r"|(?<![\w-])(?P<half>half)(?=\s+of\b)",
    re.IGNORECASE,
)
_AFTER_TIME = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s+$")
_MONTH_AFTER = re.compile(rf"\s+{_MONTH}(?!\w)")
_LABEL_BEFORE = re.compile(rf"(?:{_LABEL}|#\s*$)")
# an age is not a count: "aged 19 to 64", "ages 19 and 22", "at age 45"
_AGE_BEFORE = re.compile(
    r"(?<![\w])(?:aged?|ages)\s+(?:of\s+|between\s+|from\s+)?"
    r"(?:\w+\s*(?:to|and|-|–|through)\s*)?$",
    re.IGNORECASE,
)
_RATIO_AFTER = re.compile(rf"\s+in\s+(?:\d|(?:{_WORD})\b)", re.IGNORECASE)  # "one in five"
_PRONOUN_BEFORE = re.compile(r"(?<![\w])(?:no|any|every|some)\s*$", re.IGNORECASE)  # "no one"


@dataclass(frozen=True)
class Numeral:
    start: int
    end: int
    value: float
    kind: str  # cardinal | percent | money | fraction
    unit: float  # the rounding unit of the figure as written (100 for "1,700", 0.1 for "1.2")
    scaled: bool = False  # "1.2 million": a figure that is rounded by the way it is written
    currency: str | None = None


def words_value(text: str) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("a", "an"):
            current = 1.0
        elif word in SMALL:
            current += SMALL[word]
            seen = True
        elif word == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif word == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current, seen = 0.0, True
        elif word != "and":
            return None
    return total + current if seen else None


def rounding_unit(digits: str) -> float:
    """1,700 -> 100; 2,000 -> 1,000; 1.25 -> 0.01; 7 -> 1."""
    digits = digits.replace(",", "")
    if "." in digits:
        return 10.0 ** -len(digits.split(".", 1)[1])
    stripped = digits.rstrip("0")
    return 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0


def _excluded(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 25) : m.start()]
    after = text[m.end() : m.end() + 12]
    num = m.group("num")
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _AFTER_TIME.match(after):
        return True
    if _LABEL_BEFORE.search(before):
        return True
    if not (m.group("cur") or m.group("scale") or m.group("pct")) and _AGE_BEFORE.search(before):
        return True
    if num and not (m.group("cur") or m.group("scale") or m.group("pct")):
        plain = num.replace(",", "")
        if re.fullmatch(r"1[89]\d\d|20\d\d", num):  # a year
            return True
        if plain.startswith("0") and len(plain) > 1 and "." not in plain:  # codes, zip
            return True
    # "one of", "no one": a pronoun; "those million": no figure
    words = m.group("words")
    ratio = _RATIO_AFTER.match(after) and not _PRONOUN_BEFORE.search(before)
    if words and words.lower() == "one" and ratio:
        return False  # "one in five": a share (see `_ratios`)
    return bool(words) and words.lower() in ("one", "zero", "a", "an", *SCALES, "hundred", "dozen")


def find_numerals(text: str) -> list[Numeral]:
    found: list[Numeral] = []
    for m in _NUMBER.finditer(text):
        if _excluded(text, m):
            continue
        numeral = _numeral(m)
        if numeral is not None:
            found.append(numeral)
    found = _ratios(text, found)
    taken = [(n.start, n.end) for n in found]
    for m in _FRACTION.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if m.group("half"):
            value = 0.5
        else:
            count = (
                1 if m.group("count").lower() in ("a", "one") else SMALL[m.group("count").lower()]
            )
            value = count / FRACTIONS[m.group("part").lower()]
        found.append(Numeral(m.start(), m.end(), value, "fraction", 0.0))
    return sorted(found, key=lambda n: n.start)


def _ratios(text: str, found: list[Numeral]) -> list[Numeral]:
    """'6 in 10', 'one in five': a share, not two counts."""
    out: list[Numeral] = []
    for numeral in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == numeral.kind == "cardinal"
            and text[prev.end : numeral.start] == " in "
            and numeral.value
            and not prev.scaled
        ):
            out[-1] = Numeral(prev.start, numeral.end, prev.value / numeral.value, "fraction", 0.0)
            continue
        out.append(numeral)
    return out


def _numeral(m: re.Match[str]) -> Numeral | None:
    if m.group("num"):
        digits = m.group("num")
        value = float(digits.replace(",", ""))
        unit = rounding_unit(digits)
    else:
        words = words_value(m.group("words"))
        if words is None:
            return None
        value, unit = words, 0.0  # written in words: exact
    scale = m.group("scale")
    if scale:
        value *= SCALES[scale.lower()]
        unit *= SCALES[scale.lower()]
    kind = "percent" if m.group("pct") else "money" if m.group("cur") else "cardinal"
    return Numeral(
        m.start(), m.end(), value, kind, unit, scaled=bool(scale), currency=m.group("cur")
    )
