"""Snapshot the JSON reports of a fixed set of articles, and compare two snapshots.

A refactor that must not change behaviour is checked with it: dump before, dump after, compare.

    PYTHONPATH=. python benchmarks/report_snapshot.py dump before.json
    PYTHONPATH=. python benchmarks/report_snapshot.py dump after.json
    PYTHONPATH=. python benchmarks/report_snapshot.py compare before.json after.json

The set: the seed article (`seeds/`), every PolNeAR dev article, and the first `--reuters N`
Reuters articles in name order (default 200; 0 leaves them out). Each is checked on its own with
every rule and no cache, at a fixed reference year, so two dumps of the same code are identical.
`compare` prints, per article, the first field path that differs (exit 1), or "identical" (exit 0).
A field only the newer report has, and that is empty there (a new `errors: []`), is no
difference: nothing a reader of the older report relied on has changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
REFERENCE_YEAR = 2026  # fixed, so a dump does not change with the calendar


def articles(reuters: int) -> list[Path]:
    seeds = sorted(p for p in (ROOT / "seeds").iterdir() if p.is_file())
    dev = sorted((CORPUS / "polnear" / "dev" / "text").glob("*.txt"))
    wire = sorted((CORPUS / "reuters").glob("*/*.txt"))[:reuters]
    return [*seeds, *dev, *wire]


def dump(out: Path, reuters: int) -> int:
    from checker.config import Config
    from checker.engine import Checker

    checker = Checker(Config(reference_year=REFERENCE_YEAR)).warm_up()
    reports: dict[str, Any] = {}
    for path in articles(reuters):
        name = str(path.relative_to(path.parents[2]))
        result = checker.check_paths([path])
        reports[name] = json.loads(result.model_dump_json())
    out.write_text(json.dumps(reports, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    findings = sum(len(d["findings"]) for r in reports.values() for d in r["documents"])
    print(f"{len(reports)} articles, {findings} findings -> {out}")
    return 0


def first_difference(a: Any, b: Any, where: str = "") -> Iterator[str]:
    if type(a) is not type(b):
        yield f"{where}: {a!r:.80} != {b!r:.80}"
    elif isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a and b[key] in ([], {}, None, ""):
                continue  # a new, empty field
            if key not in a or key not in b:
                yield f"{where}.{key}: only in {'after' if key not in a else 'before'}"
            else:
                yield from first_difference(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list):
        if len(a) != len(b):
            yield f"{where}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            yield from first_difference(x, y, f"{where}[{i}]")
    elif a != b:
        yield f"{where}: {a!r:.80} != {b!r:.80}"


def compare(before: Path, after: Path) -> int:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    changed = 0
    for name in sorted(set(old) | set(new)):
        if name not in old or name not in new:
            print(f"{name}: only in {'after' if name not in old else 'before'}")
            changed += 1
            continue
        difference = next(first_difference(old[name], new[name]), None)
        if difference:
            print(f"{name}{difference}")
            changed += 1
    print(f"{len(old)} / {len(new)} articles, {changed} differ" if changed else "identical")
    return 1 if changed else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--reuters", type=int, default=200)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out, args.reuters)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
