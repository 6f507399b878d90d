"""False alarms of `numbers.constraint` on the PolNeAR dev articles (target: at most 1 error per
20 articles), and every constraint found, by kind and verdict.

    PYTHONPATH=. python benchmarks/constraints_dev.py [--all] [FOLDER]

Prints each constraint error with its sentence so a person can judge it; `--all` also prints
every constraint. Timings printed here are indicative only (shared machine).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from checker.config import Config
from checker.engine import Checker

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "polnear" / "dev" / "text"


def main(argv: list[str]) -> int:
    show_all = "--all" in argv
    folder = Path(next((a for a in argv if not a.startswith("--")), DEV))
    checker = Checker(Config(select=["numbers.constraint"])).warm_up()
    files = sorted(folder.glob("*.txt"))
    kinds: Counter[str] = Counter()
    errors = 0
    started = time.perf_counter()
    for path in files:
        report = checker.check_text(path.read_text(encoding="utf-8"), path=str(path))
        claims = {c.id: c for c in report.claims}
        for k in report.constraints:
            kinds[f"{k.kind} {k.verdict.value}"] += 1
            if show_all:
                print(f"{path.name}: {k.id} {k.kind} [{k.cue}] {k.verdict.value}: {k.explanation}")
        for f in report.findings:
            errors += 1
            print(f"ERROR {path.name}:{f.span.where}: {f.message}")
            for cid in sorted(
                {c for k in report.constraints for c in k.claims if k.verdict.value == "violated"}
            ):
                print(f"    {cid}: {' '.join(claims[cid].span.text.split())}")
    seconds = time.perf_counter() - started
    print(
        f"\n{len(files)} articles, {errors} constraint errors "
        f"({errors / max(len(files), 1) * 20:.2f} per 20 articles; target <= 1)"
    )
    print("constraints:", ", ".join(f"{k}: {n}" for k, n in sorted(kinds.items())) or "none")
    print(f"{seconds:.1f} s ({seconds / max(len(files), 1):.2f} s/article, under load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
