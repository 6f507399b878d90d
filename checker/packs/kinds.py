"""One pydantic model per declarative rule kind (Vale's extension points), compiled once.

Every kind shares `PackRule`'s fields (id, severity, message template, docs, link, example) and
offers named values to its message template, checked at load time. Tokens are literal phrases
(any whitespace matches any whitespace); patterns are RE2. Matches must sit on word edges unless
a rule says `nonword: true`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import pairwise
from string import Formatter
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from checker.models import Finding, Severity, Span
from checker.packs import matching as mt
from checker.rules.base import make_finding

if TYPE_CHECKING:
    from checker.analysis import Analysis


class PackRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")
    kind: str
    severity: Severity = Severity.warning
    message: str
    docs: str = ""
    link: str | None = None
    example: str = Field("", description="a sentence the rule fires on (shown by `explain`)")
    ignorecase: bool = True
    nonword: bool = Field(False, description="true: matches may start or end inside a word")
    skip_quotes: bool = Field(False, description="true: no findings inside quotation marks")
    fix_safe: bool = Field(
        False, description="true: --fix may apply its replacements (rewording only, no names)"
    )
    pack: str = ""
    origin: str = ""
    VALUES: ClassVar[tuple[str, ...]] = ("match",)
    _needles: tuple[str, ...] | None = PrivateAttr(None)

    @property
    def summary(self) -> str:
        return self.docs.strip().split("\n", 1)[0] if self.docs.strip() else self.message

    def compile(self) -> None:
        """Check the message template and compile the patterns; ValueError if either is bad."""
        for _, name, _, _ in Formatter().parse(self.message):
            if name is not None and name not in self.VALUES:
                offered = ", ".join(f"{{{v}}}" for v in self.VALUES)
                raise ValueError(f"message uses {{{name}}}; a {self.kind} rule offers {offered}")
        self.build()

    def build(self) -> None:
        raise NotImplementedError

    def check(self, analysis: Analysis) -> Iterator[Finding]:
        needles = self._needles
        if needles is not None and not mt.might_match(
            analysis, needles, whole_words=not self.nonword
        ):
            return iter(())
        if self.skip_quotes:
            layout = analysis.layout
            return (f for f in self.run(analysis) if not layout.in_quotation(f.span.start))
        return self.run(analysis)

    def run(self, analysis: Analysis) -> Iterator[Finding]:
        raise NotImplementedError

    def matches(self, regex: Any, text: str) -> Iterator[Any]:
        return mt.finditer(regex, text, whole_words=not self.nonword)

    def finding(
        self,
        analysis: Analysis,
        start: int,
        end: int,
        *,
        suggestion: str | None = None,
        replacement: str | None = None,
        related: Iterable[Span] = (),
        **values: Any,
    ) -> Finding:
        try:
            message = self.message.format(replacement=replacement, **values)
        except (ValueError, TypeError, AttributeError, IndexError):  # e.g. {max:d} with no max
            message = self.message
        return make_finding(
            analysis, self.id, self.severity, start, end, message,
            suggestion=suggestion, replacement=replacement, related=related,
        )  # fmt: skip


class Existence(PackRule):
    """Flags every occurrence of a phrase or pattern."""

    kind: Literal["existence"] = "existence"
    tokens: list[str] = Field(default_factory=list, description="literal phrases")
    patterns: list[str] = Field(default_factory=list, description="RE2 patterns")
    replacement: str | None = Field(None, description="fix text for every match; '' removes it")
    _regex: Any = PrivateAttr(None)

    def build(self) -> None:
        parts = [mt.alternation(self.tokens)] if self.tokens else []
        parts += [f"(?:{mt.compile_re2(p).pattern})" for p in self.patterns]
        if not parts:
            raise ValueError("an existence rule needs tokens or patterns")
        self._regex = mt.compile_re2("|".join(parts), ignorecase=self.ignorecase)
        if not self.patterns:
            self._needles = mt.needles(self.tokens)

    def run(self, analysis: Analysis) -> Iterator[Finding]:
        for m in self.matches(self._regex, analysis.text):
            yield self.finding(
                analysis, m.start(), m.end(), match=m.group(0), replacement=self.replacement
            )


def match_case(found: str, replacement: str, sentence_start: bool = True) -> str:
    """Keep a capital at the start of a sentence: "Prior to" -> "Before"."""
    if sentence_start and found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def opens_sentence(text: str, start: int) -> bool:
    """Whether `start` opens a sentence or a quotation (only spaces stand before the end of the
    previous sentence, an opening quote, or the start of the text)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\r(":
        i -= 1
    return i < 0 or text[i] in '.!?:\n“‘"'


def _key(text: str, ignorecase: bool) -> str:
    text = " ".join(text.split())
    return text.casefold() if ignorecase else text


class Substitution(PackRule):
    """Flags a phrase and offers its replacement as a one-edit fix."""

    kind: Literal["substitution"] = "substitution"
    swap: dict[str, str] = Field(description="phrase (or RE2 pattern if regex) -> replacement")
    regex: bool = False
    VALUES: ClassVar[tuple[str, ...]] = ("match", "replacement")
    _regex: Any = PrivateAttr(None)
    _lookup: dict[str, str] = PrivateAttr(default_factory=dict)

    def build(self) -> None:
        if not self.swap:
            raise ValueError("a substitution rule needs at least one swap entry")
        if self.regex:
            groups = [f"(?P<s{i}>{mt.compile_re2(p).pattern})" for i, p in enumerate(self.swap)]
            self._regex = mt.compile_re2("|".join(groups), ignorecase=self.ignorecase)
            return
        self._regex = mt.compile_re2(mt.alternation(self.swap), ignorecase=self.ignorecase)
        self._lookup = {_key(k, self.ignorecase): v for k, v in self.swap.items()}
        self._needles = mt.needles(self.swap)

    def replacement_for(self, m: Any) -> str | None:
        if not self.regex:  # None where RE2's case folding differs from Python's ("ſ" for "s")
            return self._lookup.get(_key(m.group(0), self.ignorecase))
        values = list(self.swap.values())
        return next(values[i] for i in range(len(values)) if m.group(f"s{i}") is not None)

    def run(self, analysis: Analysis) -> Iterator[Finding]:
        for m in self.matches(self._regex, analysis.text):
            found, wanted = m.group(0), self.replacement_for(m)
            if wanted is None:
                continue
            replacement = match_case(found, wanted, opens_sentence(analysis.text, m.start()))
            if _key(found, True) == _key(replacement, True):
                continue
            yield self.finding(
                analysis, m.start(), m.end(), match=found, replacement=replacement,
                suggestion=f"use '{replacement}'" if replacement else "delete it",
            )  # fmt: skip


class Repetition(PackRule):
    """Flags a word used twice: side by side ("the the"), two forms of one stem side by side
    ("escalating escalation", with `stem: true`), or twice in one sentence ("amid ... amid",
    with `scope: sentence` and the words to watch in `tokens`)."""

    kind: Literal["repetition"] = "repetition"
    scope: Literal["adjacent", "sentence"] = "adjacent"
    tokens: list[str] = Field(default_factory=list, description="only these words; empty = any")
    stem: bool = Field(False, description="adjacent: different words that share a stem")
    exceptions: list[str] = Field(default_factory=list, description="words never flagged")
    min_length: int = Field(1, ge=1, description="ignore shorter words")
    VALUES: ClassVar[tuple[str, ...]] = ("match", "word", "first", "where")
    _watch: frozenset[str] = PrivateAttr(frozenset())
    _skip: frozenset[str] = PrivateAttr(frozenset())

    def build(self) -> None:
        if self.scope == "sentence" and not self.tokens:
            raise ValueError("a sentence-scope repetition rule needs the words to watch in tokens")
        self._watch = frozenset(self._norm(t) for t in self.tokens)
        self._skip = frozenset(self._norm(e) for e in self.exceptions)
        if self.tokens:
            self._needles = mt.needles(self.tokens)

    def _norm(self, word: str) -> str:
        word = word.replace("’", "'")
        return word.lower() if self.ignorecase else word

    def _watched_words(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """(start, end, normalised word) of the words this rule looks at, in order."""
        watch, skip, shortest = self._watch, self._skip, self.min_length
        found = []
        text = analysis.text
        for a, b, lower in analysis.layout.words:
            norm = lower if self.ignorecase else text[a:b].replace("’", "'")
            if b - a >= shortest and norm not in skip and (not watch or norm in watch):
                found.append((a, b, norm))
        return found

    def run(self, analysis: Analysis) -> Iterator[Finding]:
        if self.scope == "adjacent":
            return self._adjacent(analysis)
        return self._in_sentence(analysis)

    def _adjacent(self, analysis: Analysis) -> Iterator[Finding]:
        text = analysis.text
        spans = self._watched_words(analysis)
        use_stem = self.stem
        for (a, b, n1), (c, d, n2) in pairwise(spans):
            if text[b:c].strip():  # not side by side: punctuation, or a word between
                continue
            if text[a - 1 : a] == "-" or text[d : d + 1] == "-":  # a compound: "cache-dir DIR"
                continue
            if _cells_of_a_row(analysis, a, text[b:c]):
                continue
            first, second = text[a:b], text[c:d]
            if n1 == n2 and (_shouted(first, second) or _closes_phrasal_verb(analysis, a)):
                continue
            if (n1 != n2 and mt.stem(first) == mt.stem(second)) if use_stem else n1 == n2:
                # "The the" keeps its capital; "Escalating escalation" becomes "Escalation"
                keep = match_case(first, second, opens_sentence(text, a)) if use_stem else first
                yield self.finding(
                    analysis, a, d, match=text[a:d], word=second, first=first,
                    where=analysis.document.span(a, b).where,
                    suggestion=f"keep one: '{keep}'", replacement=keep,
                )  # fmt: skip

    def _in_sentence(self, analysis: Analysis) -> Iterator[Finding]:
        text = analysis.text
        watched = self._watched_words(analysis)
        starts = [w[0] for w in watched]
        for start, end in mt.scopes(analysis, "sentence"):
            seen: dict[str, tuple[int, int]] = {}
            for a, b, norm in watched[bisect_left(starts, start) : bisect_left(starts, end)]:
                word = text[a:b]
                if norm in seen:
                    earlier = analysis.document.span(*seen[norm])
                    yield self.finding(
                        analysis, a, b, match=word, word=word, first=earlier.text,
                        where=earlier.where, related=[earlier],
                    )  # fmt: skip
                else:
                    seen[norm] = (a, b)


def _shouted(first: str, second: str) -> bool:
    """A word doubled in capitals ("all about ME ME AND ONLY ME") is emphasis, not a slip."""
    return len(first) > 1 and first.isupper() and second.isupper()


def _cells_of_a_row(analysis: Analysis, start: int, gap: str) -> bool:
    """Two cells of a table row, side by side across a column gap ("NORWAY   14   14   97"):
    the same figure in two columns is no doubled word."""
    return len(gap) > 1 and "\n" not in gap and analysis.layout.row_at(start) is not None


def _closes_phrasal_verb(analysis: Analysis, start: int) -> bool:
    """The word at `start` is a verb's particle, so the same word next to it is a preposition
    of its own: "voters who Democrats are counting on on Nov. 8" is grammar, not a slip."""
    sent = analysis.sentence_at(start)
    if sent is None:
        return False
    token = next((t for t in sent.span if sent.offset(t) == start), None)
    return token is not None and token.dep_ == "prt"


class Occurrence(PackRule):
    """Flags a sentence, paragraph or document in which a pattern occurs too often (or too
    rarely), e.g. a sentence of more than 60 words. Every non-empty match counts (`nonword`
    does not apply)."""

    kind: Literal["occurrence"] = "occurrence"
    scope: Literal["sentence", "paragraph", "document"] = "sentence"
    token: str = Field(description="RE2 pattern of what is counted")
    max: int | None = Field(None, ge=0)
    min: int | None = Field(None, ge=0)
    VALUES: ClassVar[tuple[str, ...]] = ("match", "count", "max", "min")
    _regex: Any = PrivateAttr(None)

    @model_validator(mode="after")
    def _has_limit(self) -> Occurrence:
        if self.max is None and self.min is None:
            raise ValueError("an occurrence rule needs max or min")
        return self

    def build(self) -> None:
        self._regex = mt.compile_re2(self.token, ignorecase=self.ignorecase)

    def run(self, analysis: Analysis) -> Iterator[Finding]:
        text = analysis.text
        scopes = mt.scopes(analysis, self.scope)
        # One RE2 pass over UTF-8 bytes (about 3x cheaper per match than over str), then bisect.
        data = mt.utf8(text)
        starts = [m.start() for m in self._regex.finditer(data) if m.end() > m.start()]
        at = mt.byte_offsets(text, {o for scope in scopes for o in scope})
        for start, end in scopes:
            count = bisect_left(starts, at[end]) - bisect_left(starts, at[start])
            too_many = self.max is not None and count > self.max
            if too_many or (self.min is not None and count < self.min):
                while end > start and text[end - 1].isspace():
                    end -= 1
                yield self.finding(
                    analysis, start, end, match=text[start:end], count=count, max=self.max,
                    min=self.min,
                )  # fmt: skip


class Consistency(PackRule):
    """Flags a document that spells one thing two ways ("percent" and "per cent"): every use of
    the rarer spelling (on a tie, the later one) is flagged, with the other as the fix."""

    kind: Literal["consistency"] = "consistency"
    either: list[tuple[str, str]] = Field(description="pairs of spellings (literal phrases)")
    VALUES: ClassVar[tuple[str, ...]] = ("match", "other", "where", "count")
    _regexes: list[tuple[Any, Any]] = PrivateAttr(default_factory=list)

    def build(self) -> None:
        if not self.either:
            raise ValueError("a consistency rule needs at least one pair in either")
        compile_one = lambda p: mt.compile_re2(mt.phrase_pattern(p), ignorecase=self.ignorecase)
        self._regexes = [(compile_one(a), compile_one(b)) for a, b in self.either]
        self._needles = mt.needles(p for pair in self.either for p in pair)

    def run(self, analysis: Analysis) -> Iterator[Finding]:
        text = analysis.text
        for (a, b), (ra, rb) in zip(self.either, self._regexes):
            uses = {a: self._words(ra, a, text), b: self._words(rb, b, text)}
            if not uses[a] or not uses[b]:
                continue
            keep = max((a, b), key=lambda v: (len(uses[v]), -uses[v][0].start()))
            drop = b if keep == a else a
            first = analysis.document.span(uses[keep][0].start(), uses[keep][0].end())
            for m in uses[drop]:
                replacement = match_case(m.group(0), keep, opens_sentence(text, m.start()))
                yield self.finding(
                    analysis, m.start(), m.end(), match=m.group(0), other=first.text,
                    where=first.where, count=len(uses[keep]), related=[first],
                    suggestion=f"use '{replacement}' as at {first.where}", replacement=replacement,
                )  # fmt: skip

    def _words(self, regex: Any, spelling: str, text: str) -> list[Any]:
        """Uses of one spelling, without names that contain it: a capital the rule's spelling
        lacks, away from a sentence start, marks a name ("Lenox Healthcare", not "health care")."""
        lower = spelling[:1].islower()
        return [
            m
            for m in self.matches(regex, text)
            if not (lower and m.group(0)[:1].isupper() and not opens_sentence(text, m.start()))
        ]


KINDS: dict[str, type[PackRule]] = {
    "existence": Existence,
    "substitution": Substitution,
    "repetition": Repetition,
    "occurrence": Occurrence,
    "consistency": Consistency,
}
