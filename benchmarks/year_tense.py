"""How often a stated year's tense bounds the article's year, on dated copy (the tuning split).

    PYTHONPATH=. python benchmarks/year_tense.py [/work/shared/corpus] [--show KIND]

Every bare year in the paragraphs of the tuning Reuters files (dated by file name) and the
tuning PolNeAR train files (dated by file name; held out: sha1(label) % 3 == 0, as in
`dates_reuters.py`) is read by `checker.year_tense.year_told`. For each kind of telling, how
often the year is at most the article's year (a lower bound holds) and at least it (an upper
bound holds); then the kind the dates stage trusts (`trusted`), counted by year and by sentence
(the stage takes one bound a sentence). With --show KIND, prints the years of that kind ("past",
"future", ..., or "trusted") that would make a wrong bound.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from checker.nlp import pipeline
from checker.year_bounds import BARE_YEAR
from checker.year_tense import split_year, trusted, year_told

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus"
PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s{2,})")


def held_out(label: str) -> bool:
    return int(hashlib.sha1(label.encode()).hexdigest(), 16) % 3 == 0


def tuning_files(corpus: Path) -> Iterator[tuple[str, int, Path]]:
    for path in sorted(corpus.glob("reuters/reut2-*/*.txt")):
        label = f"reuters/{path.parent.name}/{path.name}"
        if not held_out(label):
            yield label, int(path.name.split("_")[1][:4]), path
    for path in sorted((corpus / "polnear" / "train" / "text").glob("*.txt")):
        label, stamp = f"polnear/train/{path.name}", re.search(r"_(\d{4})-\d\d-\d\d_", path.name)
        if stamp and not held_out(label):
            yield label, int(stamp.group(1)), path


def main(corpus: Path, show: str | None) -> None:
    items = [
        (label, truth, " ".join(para.split()))
        for label, truth, path in tuning_files(corpus)
        for para in PARAGRAPH.split(path.read_text(encoding="utf-8"))
        if BARE_YEAR.search(para)
    ]
    counts: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    sentences: defaultdict[str, dict[tuple[str, int], bool]] = defaultdict(dict)
    for (label, truth, para), doc in zip(items, pipeline().pipe(p for _, _, p in items)):
        where = label.split("/")[0]
        for m in BARE_YEAR.finditer(para):
            span = doc.char_span(m.start(1), m.end(1))
            if span is None or len(span) != 1:
                continue
            told = year_told(span[0])
            kinds = ["split year" if split_year(span[0]) else told.kind]
            if trusted(told, span[0]):
                kinds.append("trusted")
                key = (label, span[0].sent.start_char)
                sentences[where][key] = sentences[where].get(key, True) and told.year <= truth
            for kind in kinds:
                c = counts[kind, where]
                c[0] += 1
                c[1] += told.year <= truth
                c[2] += truth <= told.year
                if show == kind and told.year > truth:
                    print(f"{label}: {truth} {told.year} {told.prep} | {span[0].sent.text}")
    print(f"{'kind':12} {'corpus':8} {'years':>6} {'lower bound holds':>18} {'upper holds':>12}")
    for (kind, where), (n, low, high) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        print(f"{kind:12} {where:8} {n:6} {low / n:18.4f} {high / n:12.4f}")
    for where, held in sentences.items():
        print(f"trusted, one bound a sentence, {where}: {sum(held.values())}/{len(held)} hold")


if __name__ == "__main__":
    args = sys.argv[1:]
    show = args[args.index("--show") + 1] if "--show" in args else None
    rest = [a for i, a in enumerate(args) if a != "--show" and (i == 0 or args[i - 1] != "--show")]
    main(Path(rest[0]) if rest else DEFAULT, show)
