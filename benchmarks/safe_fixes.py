"""What `factcheck --fix` would change on real copy, per split, and whether a second run finds
anything new: the safe fixes on the review sample of benchmarks/sourcing_review.py.

    PYTHONPATH=. python benchmarks/safe_fixes.py [--tsv FILE] [--labels FILE]

For each article of the sample (read-only: nothing is written to the corpus) it computes the
edits `--fix` would make (`checker.fixes`), applies them in memory, checks the fixed text again
and counts: fixes per rule, fixes left for a second run (overlaps), and findings the fixed text
has that the original did not (a fix must never create one). `--tsv` writes every fix with its
context for a person to label `ok` / `wrong` (the column `label`, left empty here); `--labels`
(default benchmarks/review/safe_fixes_labels.tsv) counts today's fixes that a person labelled
ok or wrong, matched by (file, line, rule, text replaced), and the unlabelled ones. An article
is held-out when the SHA-1 of its path relative to the corpus is 0 modulo 3, else tuning.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.sourcing_review import CORPUS, in_split, sample
from checker import Checker, Config
from checker.fixes import applied, edits
from checker.load import load_text
from checker.rules.base import fix_safe

LABELS = ROOT / "benchmarks" / "review" / "safe_fixes_labels.tsv"


def _labels(path: Path) -> dict[tuple[str, ...], str]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {(r["file"], r["line"], r["rule"], r["before"]): r["label"] for r in rows}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tsv", type=Path, help="write every fix here, for labelling")
    parser.add_argument("--labels", type=Path, default=LABELS)
    args = parser.parse_args()
    labels = _labels(args.labels)
    checker = Checker(Config()).warm_up()
    safe = frozenset(r.id for r in checker.rules if fix_safe(r))
    per_split: dict[str, Counter[str]] = {"tuning": Counter(), "held-out": Counter()}
    rows = []
    for _, file in sample():
        split = "held-out" if in_split(file, "held-out") else "tuning"
        count = per_split[split]
        count["articles"] += 1
        path = CORPUS / file
        source = path.read_text(encoding="utf-8")
        report = checker.check_text(source, path=str(path))
        document = load_text(source, path=str(path))
        chosen = edits(document, report, safe)
        if not chosen:
            continue
        count["articles fixed"] += 1
        fixed = applied(source, chosen)
        again = checker.check_text(fixed, path=str(path))
        left = edits(load_text(fixed, path=str(path)), again, safe)
        before = Counter(f.rule_id for f in report.findings)
        after = Counter(f.rule_id for f in again.findings)
        count["left for a second run"] += len(left)
        count["new findings after fixing"] += sum((after - before).values())
        for edit in chosen:
            count[edit.rule_id] += 1
            line = source.count("\n", 0, edit.start) + 1
            key = (
                file,
                str(line),
                edit.rule_id,
                source[edit.start : edit.end].replace("\n", "\\n"),
            )
            count[f"labelled {labels.get(key, 'no label')}"] += 1
            context = " ".join(source[max(0, edit.start - 60) : edit.end + 60].split())
            rows.append([split, file, line, edit.rule_id, source[edit.start : edit.end],
                         edit.replacement, context, ""])  # fmt: skip
    keys = sorted({k for c in per_split.values() for k in c})
    print(f"{'':32} {'tuning':>8} {'held-out':>8}")
    for key in keys:
        print(f"{key:32} {per_split['tuning'][key]:>8} {per_split['held-out'][key]:>8}")
    if args.tsv:
        with args.tsv.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, delimiter="\t")
            out.writerow(["split", "file", "line", "rule", "before", "after", "context", "label"])
            out.writerows(rows)


if __name__ == "__main__":
    main()
