"""A count at a unit price against the total they make: "the 4.4 mln shares ... at 25 dlrs a
share for total consideration of 110 mln dlrs"; "3.6 mln shares ... for 43.2 mln dlrs, or 12
dlrs a share"; "at 14.168319 dlrs per share, or 70.58 shares per 1,000 dlrs principal amount".

The price is an amount followed by "a", "an", "per" or "each" and a unit noun ("25 dlrs a
share"); the count is a figure of that noun in the same sentence ("4.4 mln shares", "1,000
class A preference shares"; of "2.6 mln of the 3.06 mln shares" the 2.6 mln bought, not the
holding); the total is another amount in the price's currency. All three must be tied by the
words between them, or no relation is read:

- count and price: the count then "at", "for", "priced at" or "at a ... price of" the price
  (other words may come between, but no other amount and no other count of the unit), or the
  price then ", or" the count ("per share, or 70.58 shares"), or the price then "on" the count
  ("3.16 dlrs a share on 1.6 mln average shares");
- total: right after the count or price, behind ", or", "for", "for a total of", "for proceeds
  of", "for another", "per" ...; or right before them, followed by ", or", "issue ... of" or
  "principal amount".

Traps these ties leave alone: a total that pays for a list ("30 mln dlrs of debentures and 2.7
mln shares at 11 dlrs per share for a total of 59.7 mln dlrs"), a total of which the count is a
part ("two billion dlrs in new reserves, including 470 mln barrels"), a cost at another price
("to 25 dlrs per acre would lower the cost ... to 144,000 dlrs"), a dividend that names the
class ("four mln shares of 1.375 dlrs convertible preferred ... 25 dlrs per share").

The product holds within the rounding of the stated figures; a count in words with a scale
("five mln shares") is rounded to its last word, half a million either way. Net income over
shares "on" which it is counted, a total before "issue ... of", and "proceeds" (often net of
fees: "net proceeds", "proceeds of ... after underwriting fees") may be on another basis or
include fees: likely relations, a warning, never an error. The shares of an option, warrant or
right "to buy" are not a count: the price is the exercise price, not what was paid.
"""

from __future__ import annotations

import re

import z3

from checker.constraints.context import Context, Relation
from checker.constraints.explain import figure, number
from checker.models import Quantity, Verdict

KIND = "count_price"
_PER = re.compile(r"^\s+(?:a|an|per|each)\s+(?P<unit>[a-z]+)\b", re.IGNORECASE)
_UNIT_AFTER = r"^(?:\s+(?![\d(])[\w.'’-]+){{0,4}}?\s+(?P<unit>{unit})s?\b"
# count ... price
_TO_PRICE = re.compile(
    r"\b(?:at|for|priced\s+at|at\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:price|cost)\s+of)"
    r"\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
_PRICE_TO_COUNT = re.compile(r"^\s*(?P<way>,?\s*or|on)\s+(?:about\s+)?$", re.IGNORECASE)
# ... total (the total after the pair) and total ... (the total before it)
_TO_TOTAL = re.compile(
    r"(?:,?\s+or|\bfor|\bper(?:\s+each)?)"
    r"(?:\s+(?:a|an|the|total|aggregate|value|consideration|proceeds|cash|payment|another))*"
    r"(?:\s+of)?\s+(?:about\s+)?$",
    re.IGNORECASE,
)
_FROM_TOTAL = re.compile(
    r"^(?P<way>\s*,?\s*or\b|\s+(?:issue|offering)\b[^,;]{0,40}\bof\s*$|\s+principal\s+amount\b)",
    re.IGNORECASE,
)
# an amount that modifies a noun names something else: "or a 1.50 dlr premium over stated value"
# ("per 1,000 dlrs principal amount" is the unit the count is per, and is read)
_MODIFIER = re.compile(
    r"^\s+(?!(?:in|total|and|or|for|from|to|at|on|of|with|which|a|an|the|after|before|plus|"
    r"including|excluding|cash|net|he|she|it|they|was|were|is|are|will|would|said)\b)[a-z]"
)
_LIKELY_WAYS = ("on", "issue")
# "warrants to buy 2 mln shares at 10 dlrs a share for 500,000 dlrs": the price is what the
# shares will cost on exercise, the total what the rights cost, so the count is not read
_RIGHT_TO_BUY = re.compile(
    r"\b(?:options?|warrants?|rights?)\s+to\s+(?:buy|purchase|acquire)"
    r"(?:\s+(?:up\s+to|about|an?|another|additional|some))*\s+$",
    re.IGNORECASE,
)
# proceeds may be net of fees and costs: "for proceeds of 47.5 mln dlrs after underwriting fees"
_PROCEEDS = re.compile(r"\bproceeds\b", re.IGNORECASE)
_NET = re.compile(r"\bnet\s+proceeds\b", re.IGNORECASE)
_AFTER_FEES = re.compile(r"^[^.;]{0,20}?\b(?:after|net\s+of|less)\b", re.IGNORECASE)
_GAP = 160  # characters between the three figures at most


def find(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for i, qs in enumerate(ctx.sentences):
        money = [q for q in qs if q.kind == "money"]
        for price in money:
            m = _PER.match(ctx.text[price.span.end : price.span.end + 30])
            if m is None:
                continue
            rel = _relation(ctx, qs, price, m.group("unit").lower(), price.span.end + m.end())
            if rel is not None:
                found.append(rel)
    return found


def _is_price(ctx: Context, q: Quantity) -> bool:
    return q.kind == "money" and _PER.match(ctx.text[q.span.end : q.span.end + 30]) is not None


def _stem(word: str) -> str:
    return word.lower().removesuffix("s")


def _relation(
    ctx: Context, qs: list[Quantity], price: Quantity, unit: str, price_end: int
) -> Relation | None:
    counted = _counts(ctx, qs, _stem(unit))
    totals = [
        q
        for q in qs
        if q.kind == "money" and q.unit == price.unit and q is not price and not _is_price(ctx, q)
    ]
    between = _total_between(ctx, counted, totals, price)
    if between is not None:
        count, total = between
        way = "between"
        likely = False
    else:
        tie = _count_for(ctx, counted, price, price_end)
        if tie is None:
            return None
        count, count_end, likely = tie
        first, last = min(count.span.start, price.span.start), max(count_end, price_end)
        found, way = _total_for(ctx, totals, first, last)
        if found is None:
            return None
        total = found
    if _listed(ctx, qs, count, price):
        return None
    start = min(q.span.start for q in (count, price, total))
    end = max(q.span.end for q in (count, price, total))
    if price.span.end < price_end and end == price.span.end:
        end = price_end
    if end - start > _GAP * 2 or ";" in ctx.text[start:end]:
        return None
    if any(
        q.kind == "money" and q not in (price, total) and start < q.span.start < end for q in qs
    ):
        return None  # another amount among them: a list, or a second purchase
    cue = " ".join(ctx.text[start:end].split())
    notes = {}
    if likely or way in _LIKELY_WAYS:
        notes["likely"] = "a total that may be on another basis"
    elif _PROCEEDS.search(cue):
        tail = ctx.text[end : end + 60]
        net = _NET.search(cue) or _AFTER_FEES.match(tail)
        notes["likely"] = "proceeds net of fees" if net else "proceeds that may be net of fees"
    return Relation(KIND, cue, start, end, [count, price, total], notes=notes)


def _counts(ctx: Context, qs: list[Quantity], unit: str) -> list[tuple[Quantity, int]]:
    """The cardinals of the sentence that count `unit`, each with the end of its noun; of
    "2.6 mln of the 3.06 mln shares" the 2.6 mln."""
    pattern = re.compile(_UNIT_AFTER.format(unit=re.escape(unit)), re.IGNORECASE)
    found: list[tuple[Quantity, int]] = []
    cardinals = [q for q in qs if q.kind == "cardinal"]
    for n, q in enumerate(cardinals):
        m = pattern.match(ctx.text[q.span.end : q.span.end + 60])
        if m is None:
            continue
        end = q.span.end + m.end()
        if _RIGHT_TO_BUY.search(ctx.before(q, 60)):
            continue  # the shares of an option: the total paid is not count x exercise price
        before = cardinals[n - 1] if n else None
        if before is not None and re.fullmatch(
            r"\s+of\s+(?:the|its|their)\s+", ctx.text[before.span.end : q.span.start]
        ):
            q = before  # "2.6 mln of the 3.06 mln shares": the part is what is counted
        found.append((q, end))
    return found


def _count_for(
    ctx: Context, counted: list[tuple[Quantity, int]], price: Quantity, price_end: int
) -> tuple[Quantity, int, bool] | None:
    """The count the price is tied to, the end of its noun, and whether the tie is a likely
    one ("on 1.6 mln average shares")."""
    before = [(q, end) for q, end in counted if end <= price.span.start]
    if before:
        q, end = before[-1]
        gap = ctx.text[end : price.span.start]
        if len(gap) <= _GAP and _TO_PRICE.search(gap) and not _figures_between(ctx, end, price):
            return q, end, False
    after = [(q, end) for q, end in counted if q.span.start >= price_end]
    if after:
        q, end = after[0]
        m = _PRICE_TO_COUNT.match(ctx.text[price_end : q.span.start])
        if m is not None:
            return q, end, m.group("way").strip() == "on"
    return None


def _total_between(
    ctx: Context, counted: list[tuple[Quantity, int]], totals: list[Quantity], price: Quantity
) -> tuple[Quantity, Quantity] | None:
    """Count, total, price in that order: "3.6 mln shares ... for 43.2 mln dlrs, or 12 dlrs a
    share"; "six mln common shares in Canada for 60,750,000 dlrs at 10.125 dlrs a share"."""
    inside = [q for q in totals if q.span.end <= price.span.start]
    if not inside:
        return None
    total = inside[-1]
    before = [(q, end) for q, end in counted if end <= total.span.start]
    if not before:
        return None
    count, end = before[-1]
    to_total, to_price = (
        ctx.text[end : total.span.start],
        ctx.text[total.span.end : price.span.start],
    )
    if len(to_total) > _GAP or len(to_price) > _GAP:
        return None
    if not re.search(r"(?:\bfor|,\s*or)\s+(?:about\s+)?$", to_total, re.IGNORECASE):
        return None
    if not re.fullmatch(r"\s*,?\s*or\s+|.*\bat\s+", to_price, re.IGNORECASE | re.DOTALL):
        return None
    return count, total


def _listed(ctx: Context, qs: list[Quantity], count: Quantity, price: Quantity) -> bool:
    """A count listed after another amount ("30 mln dlrs of debentures and 2.7 mln common
    shares at ... for a total of"): the total may pay for the whole list."""
    if not re.search(r"\band\s+(?:the\s+|another\s+)?$", ctx.before(count, 12)):
        return False
    return any(q.kind == "money" and q is not price and q.span.end <= count.span.start for q in qs)


def _figures_between(ctx: Context, start: int, price: Quantity) -> bool:
    """Another amount between a count and its price: the count is not the price's."""
    i = ctx.index[price.id]
    return any(
        q.kind == "money" and start <= q.span.start < price.span.start for q in ctx.sentences[i]
    )


def _total_for(
    ctx: Context, totals: list[Quantity], first: int, last: int
) -> tuple[Quantity | None, str]:
    """The total tied to the count and price spanning [first, last): right after them behind
    "for" / ", or" ..., else right before them followed by ", or" / "issue ... of"."""
    after = [q for q in totals if q.span.start >= last]
    if after and len(gap := ctx.text[last : after[0].span.start]) <= _GAP:
        m = _TO_TOTAL.search(gap)
        per = m is not None and m.group(0).strip().lower().startswith("per")
        follows = ctx.text[after[0].span.end : after[0].span.end + 30]
        if m is not None and (per or not _MODIFIER.match(follows)):
            return after[0], "after"
    before = [q for q in totals if q.span.end <= first]
    if before:
        m = _FROM_TOTAL.match(ctx.text[before[-1].span.end : first])
        if m is not None:
            way = m.group("way").split()[0].strip(",").lower()
            return before[-1], way
    return None, ""


def _slack(q: Quantity) -> float:
    """Half the last word of a scaled count in words ("five mln": 4.5 to 5.5 mln), else 0."""
    if q.scale and q.low == q.high and not q.span.text[:1].isdigit():
        return q.scale / 2
    return 0.0


def formula(rel: Relation, xs: list[z3.ArithRef]) -> z3.BoolRef:
    count, price, total = xs
    slack = z3.RealVal(repr(_slack(rel.quantities[0])))
    return z3.And(
        (count - slack) * price <= total * z3.RealVal("1.001"),
        (count + slack) * price * z3.RealVal("1.001") >= total,
    )


def explain(rel: Relation, verdict: Verdict) -> str:
    count, price, total = rel.quantities
    slack = _slack(count)
    low, high = (count.low - slack) * price.low, (count.high + slack) * price.high
    made = number(round(low))
    if round(high) != round(low):
        made += f"-{number(round(high))}"
    reading = f"{figure(count)} x {figure(price)} is {made}"
    if slack:
        reading += f" ({count.span.text} rounded)"
    if verdict == Verdict.violated:
        return f"{reading}, not {figure(total)} ✗"
    return f"{reading}, which fits {figure(total)} ✓"
