"""Every `sourcing.unsourced-number` finding on a corpus split, with its sentence, for review;
then the total and the rate per article.

    PYTHONPATH=. python benchmarks/unsourced_review.py [--split train] [--every 6] [--limit N]

`--every K` takes every K-th article (sorted by name), so a sample spans all seven outlets;
`--skip N` starts at the N-th (a second sample, held out from the first).

Each finding prints as `file:line<TAB>figures<TAB>sentence` (one line, the sentence's line
breaks folded), so a reviewer can label it in a copy of the output. With `--labels FILE` (the
same lines, each prefixed by a label and a tab, e.g. `real` or `fp:age`) the script instead
scores the current findings against those labels: labelled findings kept or dropped per label,
precision before and after, and how many real ones are lost (recall on the sample).

Reviews kept in benchmarks/results/: `unsourced_train_labels.tsv` (the findings before the
precision work on `--split train --every 6`) and `unsourced_heldout_labels.tsv` (the findings
after it on `--split train --skip 3 --every 12`). Labels: `real` (an editor must source it),
`fair` (a result of public record: delegates won, vote shares, a nomination threshold) and
`fp:<kind>` (a false alarm: time, age, name, list, quote, interview, headline, elsewhere = read
from a poll or report named in another paragraph, hypothetical, idiom, measure, attributed =
a cue the extractor missed, repeat).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import Checker
from checker.config import Config

CORPUS = ROOT.parent / "shared" / "corpus" / "polnear"
RULE = "sourcing.unsourced-number"


def findings(folder: Path, skip: int, every: int, limit: int | None) -> tuple[list[str], int]:
    """One review line per finding (`file:line<TAB>figures<TAB>sentence`) and the article count."""
    checker = Checker(Config(select=[RULE])).warm_up()
    paths = sorted(folder.glob("*.txt"))[skip::every][:limit]
    lines = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        report = checker.check_text(text, path=str(path))
        for f in report.findings:
            if f.rule_id != RULE:
                continue
            figures = ", ".join(re.findall(r"“([^”]*)”", f.message.split(" stated")[0]))
            sentence = " ".join(f.span.text.split())
            lines.append(f"{path.name}:{f.span.line}\t{figures}\t{sentence}")
    return lines, len(paths)


def score(lines: list[str], labels_file: Path) -> None:
    """Compare today's findings with a labelled review of an earlier run."""
    now = {line.split("\t", 1)[0] + "\t" + line.split("\t")[2] for line in lines}
    kept: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row in labels_file.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        label, where, _figures, sentence = row.split("\t", 3)
        total[label] += 1
        kept[label] += (where + "\t" + sentence) in now
    for label in sorted(total):
        print(f"{label:24} {total[label]:4} labelled, {kept[label]:4} still flagged")
    real_before, real_after = total["real"], kept["real"]
    before, after = sum(total.values()), sum(kept.values())
    new = len(now) - after
    print(f"precision on the labelled sample: {real_before}/{before} = {real_before / before:.2f}"
          f" -> {real_after}/{after} = {real_after / max(after, 1):.2f}"
          f"; real figures kept {real_after}/{real_before} (recall {real_after / real_before:.2f});"
          f" {new} findings not in the labels")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None, help="first N articles (sorted)")
    parser.add_argument("--every", type=int, default=1, help="every K-th article (sorted)")
    parser.add_argument("--skip", type=int, default=0, help="start at the N-th article")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--labels", type=Path, help="labelled review lines to score against")
    args = parser.parse_args()
    lines, articles = findings(args.corpus / args.split / "text", args.skip, args.every, args.limit)
    if args.labels:
        score(lines, args.labels)
    else:
        print("\n".join(lines))
    print(f"{len(lines)} {RULE} findings on {articles} {args.split} articles, "
          f"{len(lines) / max(articles, 1):.2f} per article")  # fmt: skip


if __name__ == "__main__":
    main()
