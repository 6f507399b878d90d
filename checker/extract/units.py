"""Units written with a figure: scale words ("mln", "bn", "m") and currencies, as symbols
("$", "£", "C$") or as the wire writes them after the number ("dlrs", "cts", "stg", "yen",
"Swiss francs", "N.Z. Dlrs"). Cents and pence are counted in dollars and pounds, so that
"34 cts vs 1.19 dlrs" compares like with like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALE_WORDS = r"thousand|million|billion|trillion|mln|bln|bn"
ATTACHED_SCALE = r"m|mn|bn|k|tn"  # only written on the number, and only for money: "£350m"

# (pattern, code, symbol, factor); a country before the word decides the code
_MONEY = (
    (r"dlrs?|dollars?", "USD", "$", 1.0),
    (r"cts|cents?", "USD", "$", 0.01),
    (r"stg|sterling|pounds\s+sterling", "GBP", "£", 1.0),
    (r"pence", "GBP", "£", 0.01),
    (r"yen", "JPY", "¥", 1.0),
    # "the 1,237 mark" is a threshold: the singular only after a scale ("300 mln mark issue")
    (
        r"(?:d-|deutsche\s+)?marks|d-mark|(?<=mln\s)mark|(?<=million\s)mark|(?<=billion\s)mark",
        "DEM",
        "DM",
        1.0,
    ),
    (r"francs?", "FRF", "FFr", 1.0),
    (r"guilders?", "NLG", "fl", 1.0),
    (r"lire|lira", "ITL", "L", 1.0),
    (r"euros?|ecus?", "EUR", "€", 1.0),
    (r"pesos?", "peso", "peso", 1.0),
    (r"rupees?", "rupee", "rupee", 1.0),
    (r"riyals?", "riyal", "riyal", 1.0),
    (r"crowns?|kroner|kronor|krona", "crown", "kr", 1.0),
    (r"schillings?", "ATS", "S", 1.0),
)
_COUNTRY = {
    "u.s.": "USD", "us": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
    "n.z.": "NZD", "new zealand": "NZD", "hong kong": "HKD", "h.k.": "HKD", "hk": "HKD",
    "singapore": "SGD", "taiwan": "TWD", "swiss": "CHF", "french": "FRF", "belgian": "BEF",
    "luxembourg": "LUF", "danish": "DKK", "norwegian": "NOK", "swedish": "SEK",
    "west german": "DEM", "mexican": "MXN", "indian": "INR", "saudi": "SAR",
}  # fmt: skip
_SYMBOL = {"USD": "$", "CAD": "C$", "AUD": "A$", "NZD": "NZ$", "HKD": "HK$", "GBP": "£"}
_SYMBOL |= {"JPY": "¥", "EUR": "€", "CHF": "SFr", "FRF": "FFr", "DEM": "DM"}
_SIGN = {"$": "USD", "US$": "USD", "C$": "CAD", "A$": "AUD", "NZ$": "NZD", "HK$": "HKD"}
_SIGN |= {"£": "GBP", "€": "EUR", "¥": "JPY"}
_COUNTRIES = "|".join(
    re.escape(c).replace(r"\ ", r"\s+") for c in sorted(_COUNTRY, key=len, reverse=True)
)
_WORDS = "|".join(f"(?:{pattern})" for pattern, *_ in _MONEY)
CURRENCY_WORDS = rf"(?:(?:{_COUNTRIES})\s+)?(?:{_WORDS})\b(?!-\w)"
_READ = re.compile(rf"\s*(?:(?P<country>{_COUNTRIES})\s+)?(?P<word>{_WORDS}|mark)", re.IGNORECASE)


@dataclass(frozen=True)
class Money:
    symbol: str  # the copy's symbol, or one for the code: "$", "£", "C$", "DM"
    code: str  # "USD", "GBP", ...
    factor: float  # 0.01 for cents and pence


def money(sign: str | None, words: str | None, pence: bool) -> Money | None:
    """The currency of a figure from its symbol, the word after it, or a trailing 'p'."""
    if words:
        m = _READ.match(words)
        if m:
            word = m.group("word").lower()
            word = "marks" if word == "mark" else word  # the scale before it was checked
            for pattern, code, symbol, factor in _MONEY:
                if re.fullmatch(pattern, word):
                    country = m.group("country")
                    if country:
                        code = _COUNTRY.get(" ".join(country.lower().split()), code)
                        symbol = _SYMBOL.get(code, code)
                    if sign and _SIGN.get(sign.upper()) == code:
                        symbol = sign  # "$3 dollars": the symbol as written
                    return Money(symbol, code, factor)
    if pence:
        return Money("£", "GBP", 0.01)
    if sign:
        return Money(sign, _SIGN.get(sign.upper(), sign), 1.0)
    return None
