"""Time and peak memory of each hostile shape at 1x, 2x, 4x ... 64x its base size, with the
slope fitted on a log-log scale: a slope above 1.2 is a defect to fix, not to document.

    PYTHONPATH=. python benchmarks/scaling.py [--base CHARS] [--max 64] [SHAPE ...]

Each shape runs in a fresh process (so its peak memory is its own) with a warm checker, every
rule on and no time budget (the budget would hide the growth it exists to stop). Time is the
best of two runs per size; memory is the process's peak resident set above the warm baseline.
The memory slope is fitted on the sizes where the extra memory is at least 20 MB (below that it
is allocator noise); "-" when it never is. Exit code 1 if a time or memory slope is above 1.2.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.shapes import SHAPES

MAX_SLOPE = 1.2
NOISE_MB = 20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(shape: str, base: int, top: int) -> None:
    """In the child: check the shape at each size; one JSON line per size."""
    from checker import Checker, Config

    checker = Checker(Config(time_budget=0)).warm_up()
    checker.check_text("Kirby said 1,000 troops will go.")
    baseline = _peak_mb()
    factor = 1
    while factor <= top:
        text, suffix = SHAPES[shape](base * factor)
        best = math.inf
        for _ in range(2):
            started = time.perf_counter()
            checker.check_text(text, path=f"x.{suffix}")
            best = min(best, time.perf_counter() - started)
        extra = _peak_mb() - baseline
        print(json.dumps({"x": factor, "chars": len(text), "s": best, "mb": extra}), flush=True)
        factor *= 2


def slope(points: list[tuple[float, float]]) -> float | None:
    """The least-squares slope of log y against log x."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    var = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / var if var else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("shapes", nargs="*", default=list(SHAPES))
    parser.add_argument("--base", type=int, default=4000, help="characters at 1x")
    parser.add_argument("--max", type=int, default=64, help="largest multiple of the base")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        one(args.one, args.base, args.max)
        return 0
    rows, bad = [], 0
    for shape in args.shapes:
        command = [sys.executable, __file__, "--one", shape, "--base", str(args.base)]
        out = subprocess.run(
            [*command, "--max", str(args.max)], capture_output=True, text=True, check=True
        ).stdout
        runs = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        t = slope([(r["chars"], r["s"]) for r in runs])
        m = slope([(r["chars"], r["mb"]) for r in runs if r["mb"] >= NOISE_MB])
        bad += any(s is not None and s > MAX_SLOPE for s in (t, m))
        last = runs[-1]
        rows.append((
            shape, f"{runs[0]['chars']:,}", f"{last['chars']:,}",
            " ".join(f"{r['s']:.2f}" for r in runs), f"{last['mb']:.0f}",
            f"{t:.2f}" if t is not None else "-", f"{m:.2f}" if m is not None else "-",
        ))  # fmt: skip
    headers = ("shape", "1x chars", "top chars", "seconds 1x 2x 4x ...", "top MB")
    print(tabulate(rows, headers=(*headers, "time slope", "memory slope")))
    print(f"\nslope target <= {MAX_SLOPE}: {'all met' if not bad else f'{bad} shape(s) over'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
