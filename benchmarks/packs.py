"""Rule-pack speed: RE2 on a pattern built to backtrack, and what the literal pre-filter saves.

    PYTHONPATH=. python benchmarks/packs.py [CORPUS_DIR]

Runs the YAML pack rules without spaCy (sentence-scope rules fall back to paragraphs), so it
measures the pack engine alone.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from checker.analysis import Analysis
from checker.config import Config
from checker.load import load_text
from checker.packs import load_packs
from checker.packs.kinds import KINDS
from checker.paths import rules_dir

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear"


def backtracking() -> None:
    rule = KINDS["existence"].model_validate(
        {"id": "bench.evil", "message": "m", "patterns": ["(a+)+b"]}
    )
    rule.compile()
    for n in (10_000, 100_000, 1_000_000):
        analysis = Analysis(document=load_text("a" * n + "!"), config=Config())
        t = time.perf_counter()
        list(rule.check(analysis))
        print(f"RE2 (a+)+b on {n:>9,} a's: {1000 * (time.perf_counter() - t):8.1f} ms")
    for n in (18, 20, 22):
        t = time.perf_counter()
        re.search(r"(a+)+b", "a" * n + "!")
        print(
            f"re  (a+)+b on {n:>9,} a's: {1000 * (time.perf_counter() - t):8.1f} ms  (doubles per a)"
        )


def house_rules(count: int = 200) -> list:
    """A large house-style list: `count` substitution rules of five place-name swaps each."""
    rules = []
    for i in range(count):
        swap = {f"Placename{i}x{j} Street": f"Placename{i}x{j} St." for j in range(5)}
        rule = KINDS["substitution"].model_validate(
            {"id": f"house.r{i}", "message": "m", "swap": swap}
        )
        rule.compile()
        rules.append(rule)
    return rules


def prefilter(corpus: Path, rules: list | None = None, limit: int | None = None) -> None:
    rules = rules or load_packs([rules_dir()])[0]
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/text/*.txt"))][:limit]
    docs = [load_text(t) for t in texts]
    for label, keep in (("with pre-filter", True), ("without", False)):
        saved = [r._needles for r in rules]
        if not keep:
            for r in rules:
                r._needles = None
        t = time.perf_counter()
        count = 0
        for d in docs:
            analysis = Analysis(document=d, config=Config())
            count += sum(len(list(r.check(analysis))) for r in rules)
        took = time.perf_counter() - t
        for r, n in zip(rules, saved):
            r._needles = n
        words = sum(len(t.split()) for t in texts)
        print(
            f"{len(rules)} pack rules, {len(docs)} docs, {words:,} words, {label}: "
            f"{took:.2f} s ({1000 * took / len(docs):.2f} ms/doc), {count} findings"
        )


if __name__ == "__main__":
    backtracking()
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    prefilter(corpus)
    prefilter(corpus, house_rules(), limit=200)
