"""Numerals: where numbers are written in the text and what they are worth.

Digits ("3,000", "1.2 million", "45%", "$3 billion"), words ("three thousand", "a dozen"),
fractions ("two-thirds", "half of", "7-3/4 pct", "down 1/8"), and the wire's and the British
press's shorthand (`units.py`: "310 mln dlrs", "45 pct", "34 cts", "£350m", "$2.4bn", "845p",
"905 mln Swiss francs"). A bare figure takes the unit of the figure it is paired with ("between
eight and 12 billion francs", "5.93 mln against 5.81"). Dates ("Feb. 2"), ordinals ("82nd"),
years ("2016"), times, scores, ages ("aged 19 to 64") and labels ("Article 5") are not numerals
of a count and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checker.extract.units import ATTACHED_SCALE, CURRENCY_WORDS, SCALE_WORDS, Money, money

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
    r"(?:No\.|Nos\.|[Nn]umber|Article|Section|Chapter|Title|Amendment|Route|Highway|Interstate|"
    r"Flight|Proposition|Prop\.|Page|Vol\.|Room|District|Level|Phase|Category|Game|Week|Day|"
    r"Stage|Round|Channel|Act|Resolution|Rule|Form|Class|Grade|Super Bowl|Air Force)\s+$"
)
_CURRENCY = r"(?P<cur>US\$|C\$|A\$|NZ\$|HK\$|\$|£|€|¥)"
_DIGITS = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_PART = r"(?P<fnum>\d{1,2})/(?P<fden>\d{1,2})"  # the wire's fractions: "1/8", "7-3/4"
_MIXED = r"(?P<mnum>\d{1,2})/(?P<mden>\d{1,2})"
_WORDS = rf"(?P<words>(?:an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:{_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_WORD}))*)"
_SCALE = (
    rf"(?:\s*(?P<scale>{SCALE_WORDS})\b|(?<=\d)(?P<short>{ATTACHED_SCALE})(?![\w'’])"
    r"|(?<=\d)(?P<pence>p)(?![\w'’]|\.\w))?"
)
_MONEY_WORD = rf"(?(cur)|(?P<curword>\s+{CURRENCY_WORDS})?)"  # "$1billion mark": no marks
_PERCENT = r"(?P<pct>\s*%|\s+percent(?:age points?)?\b|\s+per\s?cent\b|\s+pct(?:\s+points?)?\b)?"
_NUMBER = re.compile(
    rf"(?<![\w.,:/$£€¥-])(?P<neg>(?<![^\s(])-(?=[$£€¥]?\d))?{_CURRENCY}?"
    rf"(?:(?<![\d/]){_PART}(?![\d/])|{_DIGITS}(?:-{_MIXED})?|{_WORDS})"
    rf"{_SCALE}{_MONEY_WORD}{_PERCENT}(?![\w-]|[.,:/]\d)",
    re.IGNORECASE,
)
_DENOMINATORS = {2, 3, 4, 8, 16, 32, 64}
_FRACTION = re.compile(
    r"(?<![\w-])(?P<count>one|two|three|four|a)[\s-](?P<part>half|thirds?|quarters?|fourths?|fifths?|tenths?)\b"
    r"|(?<![\w-])(?<!first\s)(?<!second\s)(?<!other\s)(?<!latter\s)(?P<half>half)(?=\s+of\b)",
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
    currency: str | None = None  # as the copy's symbol: "$", "£", "C$", "¥", "DM", ...
    code: str | None = None  # what the value is in: "USD", "GBP", ... or "percent"
    scale: float | None = None  # the scale word's factor: 1e6 for "mln"


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


def _unit_written(m: re.Match[str]) -> bool:
    """A currency, scale or percent is written with the figure."""
    return any(m.group("cur", "scale", "short", "pence", "curword", "pct"))


def _excluded(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 25) : m.start()]
    after = text[m.end() : m.end() + 12]
    num = m.group("num")
    written = _unit_written(m)
    if m.group("short") and not (m.group("cur") or m.group("curword")):
        return True  # "100m", "5k": metres, a race; "£350m" and "15m euros" are money
    if (m.group("fden") or m.group("mden")) and not _fraction_ok(m):
        return True  # "9/11", "24/7": no fraction
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _AFTER_TIME.match(after):
        return True
    if _LABEL_BEFORE.search(before):
        return True
    if not written and _AGE_BEFORE.search(before):
        return True
    if num and not written and not m.group("fden"):
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
    if words and written and words.lower() not in ("a", "an", *SCALES):
        return False  # "one mln dlr", "one dlr": a figure, not the pronoun
    return bool(words) and words.lower() in ("one", "zero", "a", "an", *SCALES, "hundred", "dozen")


def _part(m: re.Match[str]) -> tuple[int, int] | None:
    """The fraction written, "1/8" or the "3/4" of "7-3/4", as (numerator, denominator)."""
    for num, den in (("fnum", "fden"), ("mnum", "mden")):
        if m.group(den):
            return int(m.group(num)), int(m.group(den))
    return None


def _fraction_ok(m: re.Match[str]) -> bool:
    num, den = _part(m) or (0, 0)
    return den in _DENOMINATORS and 0 < num < den


def find_numerals(text: str) -> list[Numeral]:
    found: list[Numeral] = []
    for m in _NUMBER.finditer(text):
        if _excluded(text, m):
            continue
        numeral = _numeral(m)
        if numeral is not None:
            found.append(numeral)
    found = _shared_units(text, _ratios(text, found))
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
    written = _part(m)
    part = written[0] / written[1] if written else 0.0
    if m.group("num"):
        digits = m.group("num")
        value = float(digits.replace(",", "")) + part
        unit = 0.0 if part else rounding_unit(digits)  # "7-3/4": exact
    elif m.group("fden"):
        value, unit = part, 0.0
    else:
        words = words_value(m.group("words"))
        if words is None:
            return None
        value, unit = words, 0.0  # written in words: exact
    scale = m.group("scale") or m.group("short")
    factor = SCALES[_SCALE_NAMES.get(scale.lower(), scale.lower())] if scale else None
    cash = money(m.group("cur"), m.group("curword"), bool(m.group("pence")))
    if m.group("neg"):
        value = -value
    numeral = Numeral(m.start(), m.end(), value, "cardinal", unit, scaled=bool(scale))
    numeral = _scaled(numeral, factor)
    if m.group("pct"):
        return replace(numeral, kind="percent", code="percent")
    return _priced(numeral, cash) if cash else numeral


_SCALE_NAMES = {"mln": "million", "m": "million", "mn": "million", "bln": "billion"}
_SCALE_NAMES |= {"bn": "billion", "k": "thousand", "tn": "trillion"}
_PAIRED = re.compile(r"\s*(?:to|and|or|-|–)\s*", re.IGNORECASE)  # "eight and 12 billion"
_LISTED = re.compile(r",\s*")  # "4,340, 4,345 and 4,350 dlrs"
_AGAINST = re.compile(r"\s+(?:vs\.?|versus|against|from|compared\s+with)\s+", re.IGNORECASE)


def _scaled(numeral: Numeral, factor: float | None) -> Numeral:
    if not factor:
        return numeral
    return replace(
        numeral,
        value=numeral.value * factor,
        unit=numeral.unit * factor,
        scaled=True,
        scale=factor,
    )


def _priced(numeral: Numeral, cash: Money) -> Numeral:
    return replace(
        numeral,
        value=numeral.value * cash.factor,
        unit=numeral.unit * cash.factor,
        kind="money",
        currency=cash.symbol,
        code=cash.code,
    )


def _bare(numeral: Numeral) -> bool:
    return numeral.kind == "cardinal" and numeral.scale is None


def _like(numeral: Numeral, model: Numeral) -> Numeral:
    """The bare figure in the unit and scale of the one it is paired with."""
    out = _scaled(numeral, model.scale)
    if model.kind == "percent":
        return replace(out, kind="percent", code="percent")
    if model.kind == "money":
        cash = Money(model.currency or "", model.code or "", 1.0)
        return _priced(out, cash)
    return out


def _akin(a: Numeral, b: Numeral) -> bool:
    """Figures of one range or list are of one magnitude: "992,760 and 164 mln stg" pairs
    tonnes with pounds, not 992,760 million pounds."""
    return bool(a.value and b.value) and 0.1 <= abs(a.value / b.value) <= 10


def _shared_units(text: str, found: list[Numeral]) -> list[Numeral]:
    """A bare figure paired with one that writes its unit shares it: the first of "A to B
    mln dlrs" (and the list before it, "A, B and C dlrs"), or the second of "A mln vs B";
    when the two are then of one magnitude."""
    out = list(found)
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if not (_bare(a) and not _bare(b) and _PAIRED.fullmatch(text[a.end : b.start])):
            continue
        j = i
        while j > 0 and _bare(out[j - 1]) and _akin(_like(out[j - 1], b), b):
            out[j - 1] = _like(out[j - 1], b)
            j -= 1
            if j == 0 or not _LISTED.fullmatch(text[out[j - 1].end : out[j].start]):
                break
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        gap = _AGAINST.fullmatch(text[a.end : b.start])
        share_from = a.kind == "percent" and gap and gap.group(0).strip().lower() == "from"
        paired = _bare(b) and not _bare(a) and a.kind != "fraction" and gap and not share_from
        if paired and _akin(a, _like(b, a)):
            out[i] = _like(b, a)  # but "fell 3 pct from 1,200": the level is no share
    return out
