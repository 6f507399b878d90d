"""Speed of the CI gate, measured in one run so the ratios compare like with like.

    python benchmarks/throughput.py                 # the 840 PolNeAR train articles
    python benchmarks/throughput.py --limit 100     # a quicker look

Each figure runs the real `factcheck` CLI in a fresh process (every rule on, JSON to a file):
  cold start   `factcheck seeds/` with no cache: start-up plus one article
  jobs 1       the corpus with one process, filling an empty cache
  cached       the same command again: every article comes from the cache
  jobs 2       the corpus with two worker processes, no cache
Words are the documents' `words` in the report; CPU seconds are user + system time of the run's
processes (on a loaded machine words per CPU second is the fair per-process figure); peak memory
is the largest resident set of any one process of that run (getrusage of the children). Targets: >= 4,000 words/s per process,
near-linear gain from a second job, cached re-run >= 20x faster than cold.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "polnear" / "train" / "text"
MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:]).returncode; "
    "r = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(time.perf_counter() - t, r.ru_utime + r.ru_stime, r.ru_maxrss, code)"
)


def factcheck(args: list[str], report: Path) -> dict[str, float]:
    """Run the CLI once in a measuring parent: wall and CPU seconds, peak MiB, words checked."""
    command = [
        sys.executable,
        "-m",
        "checker.cli",
        *args,
        "-f",
        "json",
        "-o",
        str(report),
        "--fail-on",
        "never",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, cpu, peak_kib, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"factcheck exited {code}: {out.stderr[-2000:]}")
    words = sum(d["words"] for d in json.loads(report.read_text(encoding="utf-8"))["documents"])
    return {
        "seconds": float(seconds),
        "cpu": float(cpu),
        "peak_mib": int(peak_kib) / 1024,
        "words": words,
    }


def corpus_folder(limit: int | None, work: Path) -> Path:
    if not limit:
        return CORPUS
    folder = work / "articles"
    folder.mkdir()
    for path in sorted(CORPUS.glob("*.txt"))[:limit]:
        shutil.copy(path, folder / path.name)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"corpus not found: {CORPUS}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        articles = corpus_folder(args.limit, work)
        report, cache = work / "report.json", work / "cache"
        started = time.strftime("%Y-%m-%d %H:%M:%S")
        runs = {
            "cold start": factcheck([str(ROOT / "seeds"), "--no-cache"], report),
            "jobs 1": factcheck([str(articles), "--cache-dir", str(cache)], report),
            "cached": factcheck([str(articles), "--cache-dir", str(cache)], report),
            "jobs 2": factcheck([str(articles), "--no-cache", "--jobs", "2"], report),
        }
    figures = summarise(runs)
    if args.json:
        print(
            json.dumps(
                {"started": started, "cpus": os.cpu_count(), "load": os.getloadavg(), **figures}
            )
        )
        return
    print(
        f"factcheck gate benchmark, {started}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}"
    )
    for name, run in runs.items():
        rate = run["words"] / run["seconds"]
        print(f"  {name:<11} {run['seconds']:8.2f} s  {run['cpu']:8.2f} CPU s  {run['words']:>7} words  "
              f"{rate:7.0f} words/s  peak {run['peak_mib']:4.0f} MiB")  # fmt: skip
    print(f"  speed-up from a second job: {figures['jobs2_speedup']:.2f}x (target near 2x)")
    print(f"  cached re-run vs cold:      {figures['cache_speedup']:.1f}x (target >= 20x)")
    print(
        f"  words/s per process:        {figures['words_per_s_jobs1']:.0f} wall, "
        f"{figures['words_per_cpu_s']:.0f} per CPU second, "
        f"{figures['words_per_cpu_s_after_start']:.0f} per CPU second after start-up (target >= 4,000)"
    )
    print(
        "  (on a loaded machine trust the CPU-second figure; the wall-clock ratios need idle CPUs)"
    )


def summarise(runs: dict[str, dict[str, float]]) -> dict[str, float]:
    one, two, cached = runs["jobs 1"], runs["jobs 2"], runs["cached"]
    return {
        "cold_start_s": runs["cold start"]["seconds"],
        "words": one["words"],
        "words_per_s_jobs1": one["words"] / one["seconds"],
        "words_per_s_jobs2": two["words"] / two["seconds"],
        "words_per_cpu_s": one["words"] / one["cpu"],
        "words_per_cpu_s_after_start": one["words"]
        / max(one["cpu"] - runs["cold start"]["cpu"], 1e-9),
        "jobs2_speedup": one["seconds"] / two["seconds"],
        "cache_speedup": one["seconds"] / cached["seconds"],
        "peak_mib_jobs1": one["peak_mib"],
        "peak_mib_jobs2": two["peak_mib"],
    }


if __name__ == "__main__":
    main()
