"""Entity and place findings on the PolNeAR dev articles, each checked at its file-name date.

    PYTHONPATH=. python benchmarks/entity_corpus.py [../shared/corpus/polnear/dev/text]

File names carry the publication date (`nyt_2016-09-12_...`). Prints every entity.*/place.*
finding with its sentence, then counts per rule, so a reviewer can judge each error by eye.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from checker import Checker, Config

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "dev" / "text"
DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def main(folder: Path) -> None:
    checker = Checker(Config(select=["entity", "place"])).warm_up()
    counts: Counter[str] = Counter()
    files = sorted(folder.glob("*.txt"))
    for path in files:
        found = DATE.search(path.name)
        report = checker.check_text(path.read_text(encoding="utf-8"), path=str(path),
                                    date=found.group(1) if found else None)  # fmt: skip
        for f in report.findings:
            counts[f"{f.rule_id} {f.severity.value}"] += 1
            print(f"{path.name}:{f.span.where} {f.severity.value} {f.rule_id}: {f.message}"
                  f"  [{f.span.text}]")  # fmt: skip
    print(f"\n{len(files)} articles")
    for rule, n in sorted(counts.items()):
        print(f"{n:5d}  {rule}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
