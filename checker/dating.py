"""Calendar arithmetic for date phrases: which years a weekday and a date fit, which year a
yearless date means in an article of a given date, what a relative phrase resolves to, and the
article date inferred from weekday + date pairs when the file carries none.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from checker.extract.dates import MONTH_NAMES, WEEKDAYS, DatePhrase, ap_month

if TYPE_CHECKING:
    from checker.office_terms import Term
    from checker.year_bounds import YearBound

SEARCH_YEARS = 60  # how far from the reference year fitting years are looked for
AHEAD_DAYS, BEHIND_DAYS = 243, 300  # beyond these, a yearless date is last year's / next year's


@dataclass(frozen=True)
class Resolution:
    """The days a phrase means: `start`..`end` inclusive, and a label an editor can read."""

    start: date
    end: date
    label: str


@dataclass(frozen=True)
class Inference:
    """An article date inferred from weekday + date pairs."""

    day: date
    year: int
    reason: str
    basis: tuple[DatePhrase, ...]  # the pairs that fit `year`
    people: tuple[str, ...] = ()  # the titled office holders whose terms fit `year`
    conflicts: tuple[str, ...] = ()  # the pairs and office holders that do not


@dataclass(frozen=True)
class YearSpan:
    """The years an undated article may be from when the evidence fits several equally (the
    common term of the people it names, inside the bounds its comparisons set): no day is
    assumed, but a rule that needs only the span (an office held throughout) can use it."""

    low: int
    high: int
    reason: str
    start: date  # the first and last day: the years, narrowed to the common term's days
    end: date
    conflict: bool = False  # the evidence fits two or more runs of years: no span to use


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # Feb. 29 outside leap years
        return None


def fits(phrase: DatePhrase, year: int) -> bool:
    day = make_date(year, phrase.month or 0, phrase.day or 0)
    return day is not None and day.weekday() == phrase.weekday


def fitting_years(phrase: DatePhrase, low: int, high: int) -> list[int]:
    """Years in [low, high] in which the phrase's month and day fall on its weekday."""
    return [y for y in range(low, high + 1) if fits(phrase, y)]


def year_near(month: int, day: int, article: date) -> int:
    """The year a yearless "Feb. 2" means in an article of `article`: the article's year (AP
    style names the year only when it differs), unless that puts the day more than eight months
    ahead ("Dec. 29" in January: last year) or ten months behind ("Jan. 2" in late December:
    next year). Feb. 29 takes the nearest leap year."""
    same = make_date(article.year, month, day)
    if same is None:
        leap = [y for y in range(article.year - 4, article.year + 5) if make_date(y, month, day)]
        return min(leap, key=lambda y: (abs(y - article.year), y))
    if (same - article).days > AHEAD_DAYS:
        return article.year - 1
    if (article - same).days > BEHIND_DAYS:
        return article.year + 1
    return article.year


def nearest_weekday(day: date, weekday: int) -> date:
    """The day with that weekday closest to `day` (within three days)."""
    shift = (weekday - day.weekday()) % 7
    return day + timedelta(days=shift if shift <= 3 else shift - 7)


def ap_date(day: date, *, year: bool = True) -> str:
    text = f"{ap_month(day.month)} {day.day}"
    return f"{text}, {day.year}" if year else text


def _span_label(start: date, end: date) -> str:
    if start == end:
        return f"{WEEKDAYS[start.weekday()]}, {ap_date(start)}"
    if start.year != end.year:
        return f"{ap_date(start)} to {ap_date(end)}"
    if start.month != end.month:
        return f"{ap_date(start, year=False)} to {ap_date(end)}"
    return f"{ap_month(start.month)} {start.day}-{end.day}, {start.year}"


def days(start: date, end: date) -> Resolution:
    return Resolution(start, end, _span_label(start, end))


def month_of(year: int, month: int, first: int = 1, last: int | None = None) -> Resolution:
    last = last or calendar.monthrange(year, month)[1]
    whole = first == 1 and last == calendar.monthrange(year, month)[1]
    start, end = date(year, month, first), date(year, month, last)
    return Resolution(start, end, f"{MONTH_NAMES[month - 1]} {year}") if whole else days(start, end)


def year_of(year: int) -> Resolution:
    return Resolution(date(year, 1, 1), date(year, 12, 31), str(year))


def add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def resolve_relative(phrase: DatePhrase, article: date) -> Resolution | None:
    """What "last month", "next Tuesday", "two weeks ago" mean in an article of `article`."""
    shift, unit = phrase.shift, phrase.unit
    monday = article - timedelta(days=article.weekday())
    if shift in ("yesterday", "last night"):
        return days(article - timedelta(days=1), article - timedelta(days=1))
    if shift == "tomorrow":
        return days(article + timedelta(days=1), article + timedelta(days=1))
    if phrase.weekday is not None:
        return _relative_weekday(shift, phrase.weekday, article)
    if shift == "ago":
        exact = _ago(unit, phrase.count, article)
        return (
            Resolution(exact.start, exact.end, f"about {exact.label}") if phrase.approx else exact
        )
    if unit == "weekend":
        saturday = (
            monday
            + timedelta(days=5)
            + timedelta(weeks={"last": -1, "next": 1}.get(shift or "", 0))
        )
        return days(saturday, saturday + timedelta(days=1))
    if shift == "the past":
        length = {"week": 7, "month": 30, "year": 365}[unit or "week"]
        return days(article - timedelta(days=length), article)
    offset = {"last": -1, "next": 1}.get(shift or "", 0)
    if unit == "week":
        start = monday + timedelta(weeks=offset)
        return _part(days(start, start + timedelta(days=6)), shift, article)
    if unit == "month":
        year, month = add_months(article, offset)
        return _part(month_of(year, month), shift, article)
    return _part(year_of(article.year + offset), shift, article)


def _part(whole: Resolution, shift: str | None, article: date) -> Resolution:
    """ "earlier this month" is the part of the month before the article; "later" the part after."""
    if shift == "earlier this" and whole.start < article:
        return days(whole.start, article - timedelta(days=1))
    if shift == "later this" and article < whole.end:
        return days(article + timedelta(days=1), whole.end)
    return whole


def _relative_weekday(shift: str | None, weekday: int, article: date) -> Resolution:
    if shift == "last":
        back = (article.weekday() - weekday) % 7 or 7
        day = article - timedelta(days=back)
    elif shift == "next":
        day = article + timedelta(days=(weekday - article.weekday()) % 7 or 7)
    else:  # "this Tuesday": the coming one, or today
        day = article + timedelta(days=(weekday - article.weekday()) % 7)
    return days(day, day)


def _ago(unit: str | None, count: int, article: date) -> Resolution:
    if unit in ("day", "week"):
        day = article - timedelta(days=count * (7 if unit == "week" else 1))
        return days(day, day)
    if unit == "month":
        return month_of(*add_months(article, -count))
    return year_of(article.year - count)


def resolve_weekday(weekday: int, article: date, *, future: bool) -> Resolution:
    """A bare "Wednesday": the latest one on or before the article date, or for a future verb the
    next one on or after it (AP style uses the bare weekday for days within a week)."""
    if future:
        day = article + timedelta(days=(weekday - article.weekday()) % 7)
    else:
        day = article - timedelta(days=(article.weekday() - weekday) % 7)
    return days(day, day)


def infer_article_date(
    pairs: list[DatePhrase],
    reference_year: int,
    stated_years: list[int],
    terms: Sequence[Term] = (),
    bounds: Sequence[YearBound] = (),
) -> Inference | None:
    """The article date implied by yearless weekday + date pairs ("Wednesday (Feb. 2)") and by
    the terms of the titled office holders it names ("press secretary John Kirby": 2021-22).

    Each pair and each person is one piece of evidence; the year most of them fit wins, people
    before pairs on a tie (a calendar fits many years, a term few), then the year nearest the
    latest year the copy states, if it states one, else the latest up to `reference_year`. The
    people alone give a year only when they pin one: when several years fit them equally
    ("President Reagan": 1981-88), there is no year, since a stated year or the reference year
    would be a guess (a pair they outvote still gives one, to name the conflict). The
    day is the latest fitting pair (an article is rarely older than the days it names), else
    the middle of the year, kept inside the named people's common term. Evidence the chosen
    year does not fit is named in the reason (`Inference.conflicts`). Each of the copy's own
    comparisons of a relative year with a stated one (`checker.year_bounds`) and each sentence
    that tells a year in the past tense (`checker.year_tense`) counts as a person does: "last
    year ... from 1985" and "1987 ... from last year" pin 1987 together.
    """
    bare = [p for p in pairs if p.year is None and p.weekday is not None]
    if not bare:
        stated = _from_stated(pairs)
        if stated or not (terms or bounds):
            return stated
    low, high = reference_year - SEARCH_YEARS, reference_year
    anchor = max(stated_years) if stated_years else None

    def rank(y: int) -> tuple[int, int, int, int]:
        fit = [p for p in bare if pair_year(p, y, bare) is not None]
        day = max((make_date(y, p.month or 1, p.day or 1) for p in fit if fits(p, y)),
                  default=None, key=lambda d: d or date.min)  # fmt: skip
        people = sum(t.covers(y, day) for t in terms) + sum(b.fits(y) for b in bounds)
        near = -abs(y - anchor) if anchor is not None else y
        held = sum(t.share(y) >= 0.5 for t in terms)  # most of the year, not its first days
        return people + len(fit), people, held, near

    year = max(range(low, high + 1), key=lambda y: (rank(y), y))
    if rank(year)[0] == 0:
        return None
    if not bare and _tied(year, rank, low, high):
        return None  # only the people: their common term spans years, and none is pinned
    basis = tuple(p for p in bare if pair_year(p, year, bare) is not None)
    days_named = [
        make_date(pair_year(p, year, bare) or year, p.month or 1, p.day or 1) for p in basis
    ]
    days_named += [
        make_date(year, p.month or 1, p.day or 1) for p in pairs if p.year == year and fits(p, year)
    ]
    fitting = [
        t
        for t in terms
        if t.covers(year, max(days_named, default=None, key=lambda d: d or date.min))
    ]
    named = [d for d in days_named if d is not None]
    day = max(named) if named else _within_terms(year, fitting)
    misfits = [p for p in bare if p not in basis]
    odd_terms = [t for t in terms if not t.covers(year)]
    held = [b.label for b in bounds if b.fits(year)]
    reason = _reason(basis, bare, year, anchor, reference_year, fitting, odd_terms, held)
    odd = [b.label for b in bounds if not b.fits(year)]
    if odd:
        reason += f"; but {' and '.join(odd)} {'does' if len(odd) == 1 else 'do'} not fit {year}"
    conflicts = (
        tuple(_phrase_text(p) for p in misfits) + tuple(t.label for t in odd_terms) + tuple(odd)
    )
    return Inference(day, year, reason, basis, tuple(t.label for t in fitting), conflicts)


def infer_year_span(
    terms: Sequence[Term], bounds: Sequence[YearBound], reference_year: int
) -> YearSpan | None:
    """The years the most people and comparisons fit, when they are one run of years (the
    people's common term inside the bounds), and which evidence set each end."""
    low, high = reference_year - SEARCH_YEARS, reference_year

    def score(y: int) -> int:
        return sum(t.covers(y) for t in terms) + sum(b.fits(y) for b in bounds)

    best = max(score(y) for y in range(low, high + 1))
    years = [y for y in range(low, high + 1) if score(y) == best]
    if best == 0:
        return None
    if years[-1] - years[0] + 1 != len(years):
        return _conflict(terms, bounds, years)
    first, last = years[0], years[-1]
    start, end = date(first, 1, 1), date(last, 12, 31)
    for t in terms:
        inside = [(s, e) for s, e in t.periods
                  if (s is None or s <= end) and (e is None or start <= e)]  # fmt: skip
        if len(inside) == 1 and t.covers(first) and t.covers(last):
            start, end = max(start, inside[0][0] or start), min(end, inside[0][1] or end)
    evidence = [t.label for t in terms if t.covers(first) or t.covers(last)]
    evidence += [b.label for b in bounds if b.fits(first) and b.fits(last)]
    ends = "no year inside it is pinned" if first != last else "one year"
    reason = f"{' and '.join(evidence)} fit {first}-{last}; {ends}"
    return YearSpan(first, last, reason, start, end)


def _conflict(terms: Sequence[Term], bounds: Sequence[YearBound], years: list[int]) -> YearSpan:
    """Evidence that fits runs of years apart ("President Reagan", 1981-89, and "Secretary of
    State John Kerry", 2013-17): no year and no span, and the reason names each run's evidence."""
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    parts = []
    for run in runs:
        first, last = run[0], run[-1]
        evidence = [t.label for t in terms if t.covers(first) and t.covers(last)]
        evidence += [b.label for b in bounds if b.fits(first) and b.fits(last)]
        parts.append(f"{' and '.join(evidence)} fit {first}-{last}")
    low, high = years[0], years[-1]
    reason = "; ".join(parts) + "; no year fits them all"
    return YearSpan(low, high, reason, date(low, 1, 1), date(high, 12, 31), conflict=True)


def _tied(year: int, rank: Callable[[int], tuple[int, ...]], low: int, high: int) -> bool:
    """Does another year fit as many pieces of evidence as `year`? (Which year a term holds
    most of, or which lies nearest a stated year, is a preference, not evidence.)"""
    best = rank(year)[:2]
    return any(rank(y)[:2] == best for y in range(low, high + 1) if y != year)


def _within_terms(year: int, terms: list[Term]) -> date:
    """July 1 of the year, moved inside every named term that covers some of the year."""
    day, low, high = date(year, 7, 1), date(year, 1, 1), date(year, 12, 31)
    for t in terms:
        for s, e in t.periods:
            if (s is None or s.year <= year) and (e is None or year <= e.year):
                low, high = max(low, s or low), min(high, e or high)
    return min(max(day, low), high) if low <= high else day


def pair_year(phrase: DatePhrase, year: int, bare: list[DatePhrase]) -> int | None:
    """The year a pair's day falls in if the article is from `year`: that year, or the year
    before for a November or December day when a January or February pair fits `year` (copy
    written across the new year: "Thursday (Dec. 29)" and "Monday (Jan. 2)")."""
    if fits(phrase, year):
        return year
    early = any((p.month or 0) <= 2 and fits(p, year) for p in bare)
    if early and (phrase.month or 0) >= 11 and fits(phrase, year - 1):
        return year - 1
    return None


def _from_stated(pairs: list[DatePhrase]) -> Inference | None:
    """Only full pairs ("Monday, May 2, 2016"): the latest one whose weekday is right."""
    right = [p for p in pairs if p.year is not None and fits(p, p.year)]
    if not right:
        return None
    latest = max(right, key=lambda p: (p.year, p.month, p.day))
    day = date(latest.year or 1, latest.month or 1, latest.day or 1)
    return Inference(
        day,
        day.year,
        f"{_phrase_text(latest)} is the latest full date with its weekday; assumed {day.isoformat()}",
        (latest,),
    )


def _reason(
    basis: tuple[DatePhrase, ...],
    bare: list[DatePhrase],
    year: int,
    anchor: int | None,
    reference_year: int,
    fitting: list[Term],
    odd_terms: list[Term],
    held: list[str],
) -> str:
    why = (
        f", nearest the latest year the copy states ({anchor})"
        if anchor is not None
        else f", the latest up to {reference_year}"
    )
    parts = []
    if basis:
        names = " and ".join(_phrase_text(p) for p in basis)
        others = [y for p in basis[:1] for y in _neighbours(p, year)]
        also = f" (also {', '.join(map(str, others))})" if others else ""
        parts.append(f"{names} {'fits' if len(basis) == 1 else 'fit'} {year}{also}")
    if fitting:
        verb = "was" if len(fitting) == 1 else "were"
        parts.append(f"{' and '.join(t.label for t in fitting)} {verb} in office then")
    if held:
        parts.append(f"the copy's own years fit it: {' and '.join(held)}")
    text = f"{'; '.join(parts)}; assumed {year}{why}"
    misfits = [p for p in bare if p not in basis]
    if misfits and fitting:  # the people outvote the calendar: say which years it would give
        text += "; but " + "; ".join(
            f"{_phrase_text(p)} fits {' and '.join(map(str, _neighbours(p, year)))}, not {year}"
            for p in misfits
        )
    elif misfits:
        text += f"; {' and '.join(_phrase_text(p) for p in misfits)} {'does' if len(misfits) == 1 else 'do'} not"
    if odd_terms:
        text += f"; but {' and '.join(t.label for t in odd_terms)} {'does' if len(odd_terms) == 1 else 'do'} not fit {year}"
    return text


def _phrase_text(phrase: DatePhrase) -> str:
    return " ".join(phrase.text.split())


def _neighbours(phrase: DatePhrase, year: int) -> list[int]:
    """The fitting years just before and just after `year`."""
    before = fitting_years(phrase, year - SEARCH_YEARS, year - 1)
    after = fitting_years(phrase, year + 1, year + SEARCH_YEARS)
    return before[-1:] + after[:1]
