"""Undated Reuters 1987 articles: does the inferred year come out 1987?

    PYTHONPATH=. python benchmarks/dates_reuters.py [/work/shared/corpus/reuters] [--show] [--tuning]

Counts the articles that name a titled office holder the knowledge base knows (the ones the
people evidence can date; `checker.office_terms`), checks each without its date and reports how
many get 1987, for the tuning and the held-out split side by side (held out:
sha1("reuters/<folder>/<file>") % 3 == 0). Re-run after the knowledge base grows: the set of
articles and the figure both move with it. The articles not dated 1987 are counted by why: a
span of years that holds 1987 but pins no year (by its width: the people and the copy's own
comparisons fit several years equally), conflicting evidence, another year, or nothing. With --show, prints each
article's inferred date and the evidence that decided it. With --tuning, the held-out files are
not checked at all (for the runs made while a change is tuned).
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

from checker import Checker, Config
from checker.knowledge import knowledge_base
from checker.office_terms import named_terms

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reuters"
SPAN = re.compile(r"inferred range (\d{4})-(\d{4})")


def held_out(label: str) -> bool:
    return int(hashlib.sha1(label.encode()).hexdigest(), 16) % 3 == 0


def main(folder: Path, show: bool, tuning_only: bool = False) -> None:
    checker = Checker(Config(select=["date"], reference_year=2026)).warm_up()
    kb = knowledge_base(checker.config)[0]
    counts: Counter[tuple[str, str]] = Counter()
    why: Counter[tuple[str, str]] = Counter()
    total = 0
    for path in sorted(folder.glob("reut2-*/*.txt")):
        total += 1
        split = "held-out" if held_out(f"reuters/{path.parent.name}/{path.name}") else "tuning"
        if tuning_only and split == "held-out":
            continue
        text = path.read_text(encoding="utf-8")
        if not named_terms(kb, text):
            continue
        report = checker.check_text(text)
        year = (report.date or "none")[:4]
        counts[split, "1987" if year == "1987" else "other"] += 1
        span = SPAN.match(report.date_origin or "")
        if year != "1987":
            why[split, _why(year, span, report.date_origin or "")] += 1
        if show:
            print(f"{split:8} {path.name}: {report.date} {report.date_origin}")
    print(
        f"{total} Reuters articles; those naming a titled office holder the knowledge base knows:"
    )
    for split in ("tuning",) if tuning_only else ("tuning", "held-out"):
        hit, n = counts[split, "1987"], counts[split, "1987"] + counts[split, "other"]
        print(f"  {split:8} {hit}/{n} dated 1987 ({100 * hit / max(n, 1):.0f}%)")
        print("           not 1987: " + ", ".join(
            f"{k} {v}" for (sp, k), v in sorted(why.items(), key=lambda kv: -kv[1]) if sp == split
        ))  # fmt: skip


def _why(year: str, span: re.Match[str] | None, origin: str) -> str:
    if span:
        low, high = int(span.group(1)), int(span.group(2))
        inside = "with" if low <= 1987 <= high else "without"
        return f"span of {high - low + 1} years {inside} 1987"
    if year == "none" and origin.startswith("no date: the evidence conflicts"):
        return "conflicting evidence"
    return "no year or span" if year == "none" else f"dated {year}"


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a not in ("--show", "--tuning")]
    main(Path(args[0]) if args else DEFAULT, "--show" in sys.argv, "--tuning" in sys.argv)
