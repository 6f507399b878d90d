"""Quantities: numbers stated in the copy, with their spans and counted nouns.

A first extractor: numerals in digits ("3,000", "1.2 million", "45%", "$3 billion").
"""

from __future__ import annotations

import re

from checker.analysis import Analysis
from checker.models import Quantity

_NUMBER = re.compile(
    r"(?<![\w.,])(?P<cur>\$)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?:\s+(?P<scale>million|billion|trillion))?(?P<pct>\s*%|\s+percent)?(?![\w])"
)
_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12}


def extract(analysis: Analysis) -> None:
    found: list[Quantity] = []
    for m in _NUMBER.finditer(analysis.text):
        value = float(m.group("num").replace(",", "") + ("." + m.group("frac") if m.group("frac") else ""))
        if m.group("scale"):
            value *= _SCALES[m.group("scale")]
        kind = "percent" if m.group("pct") else "money" if m.group("cur") else "cardinal"
        if kind == "cardinal" and 1900 <= value <= 2100 and not m.group("frac") and "," not in m.group(0):
            kind = "year"
        found.append(
            Quantity(
                id=f"Q{len(found) + 1}",
                span=analysis.document.span(m.start(), m.end()),
                value=value,
                low=value,
                high=value,
                kind=kind,
            )
        )
    analysis.quantities = found
