"""The terms of the titled office holders an article names: evidence for an undated article's
year ("Treasury Secretary Janet Yellen" was in office 2021-25).

A scan of the text, not of the parse, so that the dates stage (which runs first) can use it:
a known title ("Treasury Secretary", "Sen.", "President") right before one to three capitalised
words, read as a full name the knowledge base knows ("President Ronald Reagan") or as the
surname of exactly one known holder of that title ("President Reagan"). Titles after a
qualifier ("former", "then-", "acting") say nothing about the article's day and are skipped,
and so are titles the person never held (those are for the entity rules to report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from checker.extract.dates import MONTH_NAMES, WEEKDAYS
from checker.extract.people import QUALIFIERS
from checker.knowledge.names import key, name_parts
from checker.rules.entity import alike, spelt_firsts

if TYPE_CHECKING:
    from checker.knowledge import KnowledgeBase, RoleRecord

CALENDAR_WORDS = frozenset(w.lower() for w in (*WEEKDAYS, *MONTH_NAMES))
# a word, or an initialism as one word ("U.S.": "Former U.S. Secretary of State" is former)
WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][\w'’-]*\.?")
MAX_TITLE, MAX_NAME = 5, 3
HONORIFICS = frozenset({"sir", "dame"})
MAX_WORDS = 5000  # longer copy is read up to here: the first pages name the people it is about


@dataclass(frozen=True)
class Term:
    """A person named with a title, and the periods they held it."""

    text: str  # "Treasury Secretary James Baker" as written (white space folded)
    person: str  # display name
    periods: tuple[tuple[date | None, date | None], ...]
    title: str = ""  # the title key ("president")

    def covers(self, year: int, day: date | None = None) -> bool:
        """Held on `day`, or without one on some day of the year."""
        low, high = (day, day) if day else (date(year, 1, 1), date(year, 12, 31))
        return any((s is None or s <= high) and (e is None or low <= e) for s, e in self.periods)

    def share(self, year: int) -> float:
        """The part of the year held (a president who left on Jan. 20 barely covers that year)."""
        low, high = date(year, 1, 1), date(year, 12, 31)
        held = sum(
            max(0, (min(high, e or high) - max(low, s or low)).days + 1) for s, e in self.periods
        )
        return min(1.0, held / 365)

    @property
    def label(self) -> str:
        spans = ", ".join(
            f"{s.year if s else '?'}-{e.year if e else 'now'}" for s, e in self.periods
        )
        # Name the person the knowledge base knows when the copy spells them otherwise, so a
        # misspelt name ("Juan Kirby") is not echoed as if it were the office holder.
        known = "" if self.person.casefold() in self.text.casefold() else f"{self.person}, "
        return f"{self.text} ({known}{spans})"


def named_terms(kb: KnowledgeBase, text: str) -> list[Term]:
    """One `Term` per known person named with a title they held, in order of first mention."""
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)][:MAX_WORDS]
    found: dict[str, Term] = {}
    for j in range(len(words)):
        for n in range(min(MAX_NAME, j), 0, -1):
            term = _term_at(kb, text, words, j - n + 1, j + 1)
            if term:
                found.setdefault(term.person, term)
                break
    return _successions(list(found.values()))


def _successions(terms: list[Term]) -> list[Term]:
    """Holders of one title who followed one another ("President Carter" and "President
    Reagan", who meet on the hand-over day only) are one piece of evidence, the union of their
    terms: one of them is named in history, and their meeting day says nothing."""
    merged: list[Term] = []
    for term in terms:
        for i, other in enumerate(merged):
            if term.title and term.title == other.title and _succeed(term, other):
                merged[i] = Term(f"{other.text} or {term.text}", f"{other.person} or "
                                 f"{term.person}", other.periods + term.periods, term.title)  # fmt: skip
                break
        else:
            merged.append(term)
    return merged


def _succeed(a: Term, b: Term) -> bool:
    """Do the two terms touch at most on one day (one took over from the other)?"""
    for s1, e1 in a.periods:
        for s2, e2 in b.periods:
            low, high = max(s1 or date.min, s2 or date.min), min(e1 or date.max, e2 or date.max)
            if (high - low).days > 1:
                return False
    return True


def _joined(text: str, words: list[tuple[int, int, str]], a: int, b: int) -> bool:
    """Are words [a, b) separated by white space only?"""
    return all(not text[words[i][1] : words[i + 1][0]].strip() for i in range(a, b - 1))


def _opens(kb: KnowledgeBase, phrase: str) -> bool:
    """A title the title table lacks but a role may carry: "Chancellor of the Exchequer" (its
    linking words are no title words); `_roles` then wants it inside the person's own title."""
    first, _, rest = phrase.partition(" ")
    return bool(rest) and first in kb.title_words


def _continues(text: str, words: list[tuple[int, int, str]], b: int) -> bool:
    """Does the name go on past word `b - 1` (a capitalised word right after it, no stop)?"""
    if b >= len(words) or words[b - 1][2].endswith(".") or not _joined(text, words, b - 1, b + 1):
        return False
    after = words[b][2]
    return after[:1].isupper() and not after.isupper() and key(after) not in CALENDAR_WORDS


def _term_at(
    kb: KnowledgeBase, text: str, words: list[tuple[int, int, str]], a: int, b: int
) -> Term | None:
    """A title ending at word `a` and a name in words [a, b)."""
    name_words = [w.rstrip(".") if len(w) > 2 else w for _, _, w in words[a:b]]
    if not all(w[:1].isupper() and not w.isupper() for w in name_words) or not _joined(
        text, words, a, b
    ):
        return None
    if _continues(text, words, b):
        return None  # "Sen. Paul Sarbanes" is not "Sen. Paul": a longer name the KB lacks
    for t in range(max(0, a - MAX_TITLE), a):
        if not _joined(text, words, t, a + 1):
            continue
        phrase = key(" ".join(w for _, _, w in words[t:a]))
        head, _, last = phrase.rpartition(" ")
        phrase = head if head and last in HONORIFICS else phrase  # "Foreign Secretary Sir"
        title = kb.title(phrase)
        if title is None and not (set(phrase.split()) <= kb.title_words or _opens(kb, phrase)):
            continue
        before = words[t - 1][2] if t else ""
        if key(before.rstrip(".")) in QUALIFIERS:
            return None  # "former President", "then-Sen." (the hyphen is not a word)
        roles = _roles(kb, title[0] if title else None, phrase, " ".join(name_words))
        if roles:
            shown = " ".join([*(w for _, _, w in words[t:a]), *name_words])
            periods = tuple((r.start, r.end) for r in roles)
            return Term(shown, roles[0].person_name, periods, roles[0].title_key)
    return None


def _roles(kb: KnowledgeBase, title_key: str | None, phrase: str, name: str) -> list[RoleRecord]:
    """The roles with this title of the one known person this name names: by full name, else by
    surname among the title's holders (a misspelt "Juan Kirby" still dates the article). A title
    the knowledge base does not know counts when it is part of one of the person's own titles
    ("NATO Secretary Jens Stoltenberg": Secretary General)."""
    first, surname = name_parts(name)
    people = (
        (kb.people_named(name) or kb.people_with_surname(surname, first=first)) if first else []
    )
    if len(people) == 1:
        words = set(phrase.split())
        return [r for r in people[0].roles
                if r.title_key == title_key or (title_key is None and words <= set(r.title_key.split()))]  # fmt: skip
    if people or title_key is None:
        return []
    holders = [r for r in kb.holders(title_key) if name_parts(r.person_name)[1] == surname]
    if first:  # a misspelt first name only ("Juan" for John), not another person's (Mario Cuomo)
        holders = [r for r in holders if any(alike(first, f) for f in spelt_firsts(_names(kb, r)))]
    return holders if len({r.person_id for r in holders}) == 1 else []


def _names(kb: KnowledgeBase, role: RoleRecord) -> tuple[tuple[str, str, str], ...]:
    person = kb.by_id(role.person_id)
    return person.names if person else ()
