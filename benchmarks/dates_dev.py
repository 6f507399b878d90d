"""False alarms of the date rules on the dev articles, each checked with the date its file name
carries (`nyt_2016-09-12_...`): prints the date findings, the phrases found by kind, and the
phrases left unresolved.

    PYTHONPATH=. python benchmarks/dates_dev.py [../shared/corpus/polnear/dev/text]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from checker import Checker
from checker.config import Config

DEFAULT = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "polnear" / "dev" / "text"
)


def main(folder: Path) -> None:
    checker = Checker(Config(select=["date"], reference_year=2026)).warm_up()
    kinds: Counter[str] = Counter()
    findings = unresolved = files = 0
    for path in sorted(folder.glob("*.txt")):
        stamp = re.search(r"_(\d{4}-\d{2}-\d{2})_", path.name)
        report = checker.check_text(path.read_text(encoding="utf-8"), date=stamp and stamp.group(1))
        files += 1
        kinds.update(m.kind for m in report.dates)
        unresolved += sum(m.resolved is None for m in report.dates)
        for f in report.findings:
            findings += 1
            print(f"{path.name}:{f.span.where}: {f.severity.value} {f.rule_id}: {f.message}")
    print(
        f"{files} articles, {findings} date findings, phrases {dict(kinds)}, {unresolved} unresolved"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
