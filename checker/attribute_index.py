"""An indexed stand-in for spaCy's `AttributeRuler.match`: the same matches, found faster.

The model's attribute ruler (tag map and exceptions: about 180 one- or two-token patterns) runs
every pattern's predicates on every token through the generic Matcher, about an eighth of the
pipeline's CPU. Here each pattern is filed under the values its first token can have (TAG,
LOWER, DEP or IS_SPACE, equal or IN), so a token only tries the few patterns that can start at
it, on the token attributes' integer ids. The ruler still applies the matches itself
(`set_annotations`). A pattern using anything not understood here keeps the Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Row = tuple[int, ...]  # one token's attribute ids, in FIELDS order
Test = Callable[[Row], bool]
Pattern = tuple[int, int, tuple[Test, ...]]  # attr id, match id, one test per token

FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE", "ORTH")
INDEXED = ("TAG", "LOWER", "DEP", "IS_SPACE")


def install(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Replace the ruler's `match` by the indexed one; False (Matcher kept) if not possible."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    index = build(ruler)
    if index is None:
        return False
    ruler.match = index.match
    return True


class Index:
    def __init__(self, strings: Any) -> None:
        self.strings = strings
        self.by: dict[tuple[int, int], list[Pattern]] = {}  # one-token patterns
        self.anywhere: list[Pattern] = []
        self.longer: dict[tuple[int, int], list[Pattern]] = {}  # patterns of two tokens or more
        self.longer_anywhere: list[Pattern] = []
        # per row: its one-token matches, and the longer patterns that may start there
        self.memo: dict[Row, tuple[list[tuple[int, int]], list[Pattern]]] = {}

    def id(self, value: object) -> int:
        return int(value) if isinstance(value, bool) else int(self.strings[value])

    def add(self, first: dict[str, Any], pattern: Pattern) -> None:
        by, anywhere = (
            (self.by, self.anywhere)
            if len(pattern[2]) == 1
            else (self.longer, self.longer_anywhere)
        )
        for field in INDEXED:
            value = first.get(field)
            values = value.get("IN") if isinstance(value, dict) and len(value) == 1 else [value]
            if isinstance(values, list) and all(isinstance(v, (str, bool)) for v in values):
                slot = FIELDS.index(field)
                for v in dict.fromkeys(values):
                    by.setdefault((slot, self.id(v)), []).append(pattern)
                return
        anywhere.append(pattern)

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        from spacy.attrs import IDS

        rows: list[Row] = [tuple(r) for r in doc.to_array([IDS[f] for f in FIELDS]).tolist()]
        found: list[tuple[int, int, int, int]] = []
        memo, n = self.memo, len(rows)
        if len(memo) > 200_000:  # a long-lived server sees an open-ended vocabulary
            memo.clear()
        for i, row in enumerate(rows):
            known = memo.get(row)
            if known is None:  # what can match here depends on the row alone
                known = memo[row] = (
                    [
                        (a, m)
                        for a, m, (test,) in _candidates(self.by, self.anywhere, row)
                        if test(row)
                    ],
                    _candidates(self.longer, self.longer_anywhere, row),
                )
            singles, longer = known
            for a, m in singles:
                found.append((a, m, i, i + 1))
            for a, m, tests in longer:
                if i + len(tests) <= n and all(t(r) for r, t in zip(rows[i:], tests)):
                    found.append((a, m, i, i + len(tests)))
        return sorted(set(found))


def _candidates(
    by: dict[tuple[int, int], list[Pattern]], anywhere: list[Pattern], row: Row
) -> list[Pattern]:
    """The patterns filed under one of the row's values, then those filed nowhere."""
    found = [p for slot in range(len(INDEXED)) for p in by.get((slot, row[slot]), ())]
    return found + anywhere if anywhere else found


def build(ruler: Any) -> Index | None:
    index = Index(ruler.vocab.strings)
    for attr_id, entry in enumerate(ruler.patterns):
        match_id = index.id(str(attr_id))
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or not pattern:
                return None
            tests = [_tests(index, spec) for spec in pattern]
            if any(t is None for t in tests):
                return None
            index.add(pattern[0], (attr_id, match_id, tuple(tests)))  # type: ignore[arg-type]
    return index


def _tests(index: Index, spec: object) -> Test | None:
    if not isinstance(spec, dict) or not spec:
        return None
    tests = [_test(index, key, value) for key, value in spec.items()]
    if any(t is None for t in tests):
        return None
    if len(tests) == 1:
        return tests[0]
    return lambda r: all(t(r) for t in tests)  # type: ignore[misc]


def _test(index: Index, key: str, value: object) -> Test | None:
    if key not in FIELDS:
        return None
    slot = FIELDS.index(key)
    if isinstance(value, dict):
        if len(value) != 1:
            return None
        op, values = next(iter(value.items()))
        if op == "REGEX" and isinstance(values, str):
            return _regex(index, slot, values)
        if not isinstance(values, list):
            return None
        chosen = frozenset(index.id(v) for v in values)
        if op == "IN":
            return lambda r: r[slot] in chosen
        if op == "NOT_IN":
            return lambda r: r[slot] not in chosen
        return None
    if isinstance(value, bool) != (key == "IS_SPACE") or not isinstance(value, (str, bool)):
        return None
    wanted = index.id(value)
    return lambda r: r[slot] == wanted


def _regex(index: Index, slot: int, pattern: str) -> Test:
    """As the Matcher: re.search on the attribute's string; answers kept per string id."""
    search = re.compile(pattern).search
    seen: dict[int, bool] = {}

    def test(r: Row) -> bool:
        if r[slot] not in seen:
            if len(seen) > 100_000:  # a long-lived server sees an open-ended vocabulary
                seen.clear()
            seen[r[slot]] = bool(search(index.strings[r[slot]]))
        return seen[r[slot]]

    return test
