"""False alarms of `numbers.constraint` on the PolNeAR dev articles (target: at most 1 error per
20 articles), and every constraint found, by kind and verdict.

    PYTHONPATH=. python benchmarks/constraints_dev.py [--all] [--mutate] [FOLDER]

Prints each constraint error with its sentence so a person can judge it; `--all` also prints
every constraint; `--mutate` changes one figure of each holding constraint in turn (x1.5) and
counts how many of those edits the rule catches. Timings are indicative only (shared machine).
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

from checker.config import Config
from checker.engine import Checker
from checker.load import load_text

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
    if "--mutate" in argv:
        caught, tried = mutation_recall(checker, files)
        print(f"mutation recall: {caught}/{tried} changed figures caught")
    print(
        f"\n{len(files)} articles, {errors} constraint errors "
        f"({errors / max(len(files), 1) * 20:.2f} per 20 articles; target <= 1)"
    )
    print("constraints:", ", ".join(f"{k}: {n}" for k, n in sorted(kinds.items())) or "none")
    print(f"{seconds:.1f} s ({seconds / max(len(files), 1):.2f} s/article, under load)")
    return 0


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
CHECKED = ("sum", "subset", "percent_of", "change", "range", "same_referent")


def breaking_edit(kind: str, figures: list) -> tuple[object, float]:
    """Which figure to change, and to what, so that the constraint can no longer hold."""
    first, last = figures[0], figures[-1]
    if kind == "subset":
        return last, first.value * 1.5
    if kind == "range":
        return first, last.value * 1.5
    if kind == "change" and len(figures) == 2:
        return last, first.value * (0.5 if last.value > first.value else 1.5)
    if kind in ("sum", "percent_of", "change"):
        return first, first.value * 1.5
    return last, last.value * 1.5  # same_referent: the later mention


def mutation_recall(checker: Checker, files: list[Path]) -> tuple[int, int]:
    """Edit one figure of every holding constraint so that it breaks; is the edit caught?"""
    caught = tried = 0
    for path in files:
        text = load_text(path.read_text(encoding="utf-8"), path=str(path)).text
        report = checker.check_text(text, path=str(path))
        quantities = {q.id: q for q in report.quantities}
        for k in report.constraints:
            if k.kind not in CHECKED or k.verdict.value != "holds":
                continue
            q, value = breaking_edit(k.kind, [quantities[i] for i in k.quantities])
            digits = _DIGITS.search(q.span.text)
            if digits is None or q.span.text != digits.group(0) and q.kind == "cardinal":
                continue  # words ("six") or a scaled figure: no simple digit edit
            new = f"{value:,.2f}".rstrip("0").rstrip(".")
            start = q.span.start + digits.start()
            edited = text[:start] + new + text[start + len(digits.group(0)) :]
            tried += 1
            found = bool(checker.check_text(edited, path=str(path)).findings)
            caught += found
            print(
                f"{'caught' if found else 'MISSED'} {path.name}:{q.span.where} {k.kind}: "
                f"{digits.group(0)} -> {new}"
            )
    return caught, tried


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
