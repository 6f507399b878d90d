"""Fuzz what runs after the loaders: the extractors, the constraint builder and the solver.

    PYTHONPATH=. python fuzz/fuzz_pipeline.py -max_total_time=300 fuzz/corpus

Two targets, chosen by the first byte:
- text: the whole check of a short article built from fuzzed words, figures, quotation marks,
  cue verbs and line breaks; a crash is any exception, a span that does not quote the text, a
  constraint naming a quantity the report lacks, or a conflict set whose constraints hold;
- relations: the solver on relations made from fuzzed figures and intervals; a crash is any
  exception, or a reported conflict that z3 finds satisfiable.

Not part of the test suite (`fuzz/run.sh pipeline` runs it for a bounded time);
`tests/test_fuzz_harness.py` runs `one_input` on fixed inputs so the harness cannot rot.
"""

from __future__ import annotations

import sys

import z3

from checker import Checker, Config
from checker.constraints.context import Relation
from checker.models import Quantity, Span, Verdict
from checker.solve import bounds, conflicts, formula, verdict

WORDS = (
    "troops", "said", "Kirby", "of the", "the remaining", "another", "rose", "fell", "from", "to",
    "percent", "%", "million", "about", "more than", "between", "and", "“", "”", '"', "''", ",",
    ".", "\n", "\n\n", "according to", "including", "up from", "Pentagon", "told", "—",
)  # fmt: skip
KINDS = ("sum", "subset", "same_referent", "range", "percent_of", "change", "disjoint")
_checker: Checker | None = None


def checker() -> Checker:
    global _checker
    if _checker is None:
        _checker = Checker(Config(time_budget=5)).warm_up()
    return _checker


def article(data: bytes) -> str:
    """A short article from the bytes: a word or a figure per byte."""
    parts = []
    for i, b in enumerate(data[:400]):
        parts.append(f"{b * 37 + i:,}" if b % 3 == 0 else WORDS[b % len(WORDS)])
    return " ".join(parts)


def check_text(text: str) -> None:
    report = checker().check_text(text)
    assert report.errors == [], report.errors
    body = report.model_dump()
    ids = {q["id"] for q in body["quantities"]}
    for constraint in report.constraints:
        assert set(constraint.quantities) <= ids, constraint
    for f in report.findings:
        assert f.span.text == text[f.span.start : f.span.end] or "\r" in text, f


def _figure(qid: str, low: float, high: float) -> Quantity:
    span = Span(start=0, end=1, text="1", line=1, column=1, end_line=1, end_column=2)
    return Quantity(id=qid, span=span, value=(low + high) / 2, low=low, high=high)


def check_relations(data: bytes) -> None:
    relations: dict[str, Relation] = {}
    pool = [_figure(f"Q{i}", b * 10, b * 10 + (b % 4)) for i, b in enumerate(data[1:13])]
    if len(pool) < 3:
        return
    for n, b in enumerate(data[13:20]):
        kind = KINDS[b % len(KINDS)]
        size = 3 if kind in ("sum", "percent_of") else 2
        picked = [pool[(b + k * 5) % len(pool)] for k in range(size)]
        if len({q.id for q in picked}) < size:
            continue
        rel = Relation(kind, "fuzz", 0, 1, picked, direction=(1 if b % 2 else -1))
        relations[f"K{n + 1}"] = rel
        assert verdict(rel) in (Verdict.holds, Verdict.violated, Verdict.undetermined)
    sets, skipped = conflicts(relations)
    for group in sets:
        assert group and set(group) <= set(relations) and not set(group) & set(skipped)
        solver = z3.Solver()  # a conflict set is one whose constraints cannot all hold
        figures = {q.id: q for cid in group for q in relations[cid].quantities}
        solver.add(*bounds(figures.values()), *(formula(relations[cid]) for cid in group))
        assert solver.check() == z3.unsat, group


def one_input(data: bytes) -> None:
    if not data:
        return
    if data[0] % 2:
        check_relations(data)
    else:
        check_text(article(data[1:]))


def main() -> None:
    import atheris

    atheris.instrument_all()  # the checker's modules, imported above, give coverage feedback
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
