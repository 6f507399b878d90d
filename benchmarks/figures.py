"""Figures read: of the figures the relation labels list (benchmarks/relations/*.yaml), the share
the checker reads as a quantity with a matching span and value, per corpus and split (tuning and
held-out side by side), and the forms still missed; with `--forms`, the hand-labelled figure forms
of benchmarks/figures/forms.yaml, each checked for its exact span, value, kind and unit.

    PYTHONPATH=. python benchmarks/figures.py [--corpus polnear|reuters] [--forms]

A label's figure is *read* when a quantity's text holds it or sits in it (whitespace folded), and
*read right* when such a quantity also has the figure's value. The value is read off the label
here, independently of the checker: the first number written (digits, a fraction such as 3-1/2,
or a small number word), times a scale word (thousand, mln, billion, bn, m), cents and pence
counted in hundredths. Figures with no number written ("Sharon Werner") are left out.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

import yaml
from tabulate import tabulate

from benchmarks.relations import CORPUS, fold, load, matches, share, split_of
from checker import Checker, Config

FORMS = Path(__file__).resolve().parent / "figures" / "forms.yaml"
SPLITS = ("tuning", "held-out")
_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
_PARTS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5}
_NUMBER = re.compile(
    r"(?<![\d-])(?P<fn>\d+)/(?P<fd>\d+)"
    r"|(?P<whole>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:-(?P<n>\d+)/(?P<d>\d+))?"
    rf"|\b(?P<word>{'|'.join(_WORDS)})(?:-(?P<unit>{'|'.join(_WORDS)}|{'|'.join(_PARTS)}))?\b",
    re.IGNORECASE,
)
_SCALE = re.compile(
    r"^\s*(?:(?P<w>thousand|million|mln|billion|bln|trillion)\b|(?P<s>bn|m)\b)", re.IGNORECASE
)
_HUNDREDTHS = re.compile(r"^\s*(?:\w+\s+)?(?:cts|cents|pence)\b|^p\b", re.IGNORECASE)
_FACTOR = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9}
_FACTOR |= {"bn": 1e9, "trillion": 1e12}


def expected_value(figure: str) -> float | None:
    """The value the figure states, read independently of the checker."""
    m = _NUMBER.search(figure)
    if m is None or (m.group("word") and m.group("word").lower() in ("a", "an")):
        return None
    if m.group("word"):
        value = float(_WORDS[m.group("word").lower()])
        unit = (m.group("unit") or "").lower()
        value = value / _PARTS[unit] if unit in _PARTS else value + _WORDS.get(unit, 0)
    elif m.group("fn"):
        value = int(m.group("fn")) / int(m.group("fd"))
    else:
        value = float(m.group("whole").replace(",", ""))
        if m.group("n"):
            value += int(m.group("n")) / int(m.group("d"))
    rest = figure[m.end() :]
    scale = _SCALE.match(rest)
    if scale:
        value *= _FACTOR[(scale.group("w") or scale.group("s")).lower()]
        rest = rest[scale.end() :]
    if _HUNDREDTHS.match(rest):
        value /= 100
    return value


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def form_of(figure: str) -> str:
    """The shape of a figure, digits folded: '6.4 mln bags' -> '9.9 mln bags'."""
    return re.sub(r"\d+", "9", fold(figure).lower())


def measure_labels(checker: Checker, corpus: str | None) -> tuple[dict, dict]:
    rows: dict = defaultdict(Counter)
    missed: dict = defaultdict(Counter)
    for file, labels in sorted(load(corpus).items()):
        items = labels["relations"] + labels["traps"]
        figures = {(item["corpus"], fold(f)) for item in items for f in item["figures"]}
        text = (CORPUS / file).read_text(encoding="utf-8")
        report = checker.check_text(text, path=str(CORPUS / file))
        quantities = [(fold(q.span.text), q.value) for q in report.quantities]
        for name, figure in sorted(figures):
            value = expected_value(figure)
            if value is None:
                continue
            row = rows[(split_of(file), name)]
            row["figures"] += 1
            hits = [v for span, v in quantities if matches(figure, span)]
            row["read"] += bool(hits)
            right = any(same_value(v, value) for v in hits)
            row["right"] += right
            if not right:
                missed[(split_of(file), name)][form_of(figure)] += 1
    return rows, missed


def measure_forms(checker: Checker) -> tuple[dict, list[str]]:
    entries = yaml.safe_load(FORMS.read_text(encoding="utf-8"))["forms"]
    rows: dict = defaultdict(Counter)
    wrong: list[str] = []
    for entry in entries:
        file = entry["file"]
        report = checker.check_text((CORPUS / file).read_text(encoding="utf-8"), path=file)
        figure = fold(entry["figure"])
        found = [q for q in report.quantities if fold(q.span.text) == figure]
        problems = []
        if not found:
            problems.append("no quantity with this exact span")
        else:
            q = found[0]
            checks = {
                "value": same_value(q.value, float(entry["value"])),
                "kind": q.kind == entry["kind"],
                "unit": q.unit == entry.get("unit"),
                "noun": "noun" not in entry or q.noun == entry["noun"],
            }
            problems += [f"{k} ({getattr(q, k)!r})" for k, ok in checks.items() if not ok]
        row = rows[split_of(file)]
        row["forms"] += 1
        row["right"] += not problems
        if problems:
            wrong.append(f"{split_of(file)}: {entry['form']}: {figure!r} in {file}: {problems}")
    return rows, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="one labels file: polnear, reuters, ...")
    parser.add_argument("--forms", action="store_true", help="check forms.yaml instead")
    args = parser.parse_args()
    checker = Checker(Config()).warm_up()
    if args.forms:
        rows, wrong = measure_forms(checker)
        print(
            tabulate(
                [[s, rows[s]["forms"], share(rows[s]["right"], rows[s]["forms"])] for s in SPLITS],
                headers=["split", "forms", "span, value, kind and unit right"],
            )
        )
        print("\n".join(["", *wrong]) if wrong else "\nall forms read right")
        return 0
    rows, missed = measure_labels(checker, args.corpus)
    corpora = sorted({c for _, c in rows})
    lines = []
    for name in corpora:
        cells = []
        for split in SPLITS:
            row = rows[(split, name)]
            n = row["figures"]
            cells += [n, share(row["read"], n), share(row["right"], n)]
        lines.append([name, *cells])
    heads = ["figures", "read (span)", "read right (span and value)"]
    print(tabulate(lines, headers=["corpus"] + [f"{s}\n{h}" for s in SPLITS for h in heads]))
    for (split, name), forms in sorted(missed.items()):
        if split != "tuning":
            continue  # the held-out misses are counted above, never read for tuning
        listed = ", ".join(f"{form!r} x{n}" for form, n in forms.most_common(25))
        print(f"\nmissed in {name} {split} ({sum(forms.values())}): {listed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
