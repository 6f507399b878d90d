"""Editor latency: the median time a warm `Checker` takes to check one ~800-word article.

    PYTHONPATH=. python benchmarks/latency.py            # corpus article nearest 800 words
    PYTHONPATH=. python benchmarks/latency.py --article seeds/000_271244230b04580b.txt

Without --article it takes the PolNeAR dev article whose length is nearest 800 words (when the
corpus is beside the checkout), else the seed repeated paragraph by paragraph up to 800 words.
Prints one line per figure; exits 1 if the median misses the target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from checker import Checker, nlp

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_271244230b04580b.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "polnear" / "dev" / "text"
WORDS, RUNS, TARGET_MS = 800, 20, 300.0


def corpus_article(words: int) -> Path | None:
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    sized = [(abs(len(p.read_text(encoding="utf-8").split()) - words), p.name, p) for p in files]
    return min(sized)[2] if sized else None


def seed_article(words: int) -> str:
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out: list[str] = []
    while sum(len(p.split()) for p in out) < words:
        out.append(paragraphs[len(out) % len(paragraphs)])
    return "\n\n".join(out) + "\n"


def timed(work: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per run of `work`. CPU time is what a busy machine
    inflates least, so it says what the wall clock would be on an idle one."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--article", type=Path, help="the article to check (default: see above)")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--target-ms", type=float, default=TARGET_MS)
    args = parser.parse_args()
    path = args.article or corpus_article(WORDS)
    text = path.read_text(encoding="utf-8") if path else seed_article(WORDS)
    name = str(path) if path else f"{SEED.name} repeated"

    started = time.perf_counter()
    checker = Checker().warm_up()
    checker.check_text(text, path="article.txt")  # first document: lazy caches fill
    warm_up = time.perf_counter() - started
    times, cpu = timed(lambda: checker.check_text(text, path="article.txt"), args.runs)
    spacy_times, _ = timed(lambda: nlp.annotate(text), args.runs)

    median = statistics.median(times)
    print(f"article: {name} ({len(text.split())} words)")
    print(f"warm-up (pipeline, rules, first check): {warm_up:.2f} s")
    print(f"checks: {args.runs}; median {median:.0f} ms; min {min(times):.0f} ms; "
          f"max {max(times):.0f} ms; CPU median {statistics.median(cpu):.0f} ms")  # fmt: skip
    print(f"of which spaCy (nlp.annotate alone): median {statistics.median(spacy_times):.0f} ms")
    verdict = "met" if median < args.target_ms else "MISSED"
    print(f"target: median < {args.target_ms:.0f} ms: {verdict}")
    return 0 if median < args.target_ms else 1


if __name__ == "__main__":
    sys.exit(main())
