"""Numeric relations labelled by hand in real copy (benchmarks/relations/*.yaml, see the README
there): how many the checker models, how many one-figure breaking edits it catches, how many traps
it wrongly flags, and its constraint errors on the clean originals, per corpus and kind, with the
tuning and held-out articles side by side. Never tune on the held-out part.

    PYTHONPATH=. python benchmarks/relations.py [--split tuning|held-out|all] [--corpus NAME]
    PYTHONPATH=. python benchmarks/relations.py --clean [--every 20] [--tsv FILE]

`--clean` reads no labels: it checks all PolNeAR dev and every Nth Reuters file, lists each
constraint error on that (published, presumed correct) copy for a person to judge, and prints
errors per 100 articles (tuning and held-out files apart) and the coverage (figures in a checked
relation) per corpus. `--tsv` writes the errors (file, line:col, kind, cue, arithmetic, sentence) with
columns `judged` and `note`, carrying over the judgements of rows already in the file.

Each labelled article is checked once, then once per relation with its mutation applied.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
from collections import Counter, defaultdict
from pathlib import Path

import yaml
from tabulate import tabulate

from checker import Checker, Config

LABELS = Path(__file__).resolve().parent / "relations"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
KINDS = ("sum", "subset", "disjoint", "percent_of", "change", "range", "same_referent")
KINDS += ("count_list", "difference", "fraction_percent", "ratio", "conversion", "date_arithmetic")
KINDS += ("count_price",)
RULE = "numbers.constraint"


def split_of(file: str) -> str:
    """The fixed split: a third of the articles, by a hash of their path, are held out."""
    return "held-out" if int(hashlib.sha1(file.encode()).hexdigest(), 16) % 3 == 0 else "tuning"


def fold(text: str) -> str:
    return " ".join(text.split())


def matches(figure: str, quantity: str) -> bool:
    return bool(quantity) and (quantity in figure or figure in quantity)


def covered(figures: list[str], spans: list[str]) -> int:
    """How many of the figures distinct spans account for (each span used once)."""
    used: set[int] = set()
    count = 0
    for figure in map(fold, figures):
        hit = next((i for i, s in enumerate(spans) if i not in used and matches(figure, s)), None)
        if hit is not None:
            used.add(hit)
            count += 1
    return count


def load(corpus: str | None) -> dict[str, dict[str, list[dict]]]:
    """Labels grouped by article: {file: {"relations": [...], "traps": [...]}}."""
    articles: dict[str, dict[str, list[dict]]] = defaultdict(lambda: {"relations": [], "traps": []})
    for path in sorted(LABELS.glob("*.yaml")):
        if corpus and path.stem != corpus:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section in ("relations", "traps"):
            for item in data.get(section) or []:
                articles[item["file"]][section].append({**item, "corpus": path.stem})
    return articles


WARNING = "[warning] "


def _tag(finding) -> str:
    """Warnings (likely relations) are listed with the errors, marked, and not counted as errors."""
    return WARNING if finding.severity.value == "warning" else ""


def constraint_messages(report) -> set[str]:
    return {f.message for f in report.findings if f.rule_id == RULE}


def evaluate(checker: Checker, file: str, labels: dict[str, list[dict]], out: dict) -> None:
    text = (CORPUS / file).read_text(encoding="utf-8")
    report = checker.check_text(text, path=str(CORPUS / file))
    spans = {q.id: fold(q.span.text) for q in report.quantities}
    constraints = [
        (k.kind, [spans[i] for i in k.quantities if i in spans], k) for k in report.constraints
    ]
    original = constraint_messages(report)
    for f in report.findings:
        if f.rule_id == RULE:
            out["errors"].append((split_of(file), f"{file}:{f.span.line}: {_tag(f)}{f.message}"))
    in_constraints = {i for k in report.constraints for i in k.quantities}
    out["quantities"][split_of(file)] += len(spans)
    out["constrained"][split_of(file)] += len(in_constraints & spans.keys())
    for rel in labels["relations"]:
        row = out["rows"][(split_of(file), rel["corpus"], rel["kind"])]
        row["relations"] += 1
        hits = [kind for kind, qs, _ in constraints if covered(rel["figures"], qs) >= 2]
        row["modelled"] += bool(hits)
        row["same kind"] += rel["kind"] in hits
        mutation = rel["mutation"]
        mutated = text.replace(mutation["find"], mutation["replace"], 1)
        new = constraint_messages(checker.check_text(mutated, path=str(CORPUS / file))) - original
        row["caught"] += bool(new)
        if not new:
            out["misses"].append((split_of(file), rel["kind"], file, rel["figures"]))
    for trap in labels["traps"]:
        row = out["rows"][(split_of(file), trap["corpus"], trap["looks_like"])]
        row["traps"] += 1
        violated = any(
            k.verdict.value == "violated" and covered(trap["figures"], qs) >= 2
            for _, qs, k in constraints
        )
        found = any(
            f.rule_id == RULE
            and covered(trap["figures"], [fold(s.text) for s in [f.span, *f.related]]) >= 2
            for f in report.findings
        )
        row["flagged"] += violated or found


def share(k: int, of: int) -> str:
    return f"{k} ({k / of:.0%})" if of else "-"


def cells(row: Counter) -> list[str]:
    n, t = row["relations"], row["traps"]
    same = str(row["same kind"]) if n else "-"
    traps = f"{row['flagged']}/{t}" if t else "-"
    return [str(n), share(row["modelled"], n), same, share(row["caught"], n), traps]


def pick(rows: dict, splits: tuple[str, ...], corpus: str, kind: str) -> Counter:
    """Sum of the rows of these splits, one corpus (or "all") and one kind (or "total")."""
    total: Counter = Counter()
    for (s, c, k), row in rows.items():
        if s in splits and corpus in (c, "all") and kind in (k, "total"):
            total.update(row)
    return total


def table(rows: dict, splits: list[str]) -> str:
    corpora = sorted({c for _, c, _ in rows})
    heads = ("relations", "modelled", "same kind", "caught", "traps flagged")
    header = ["corpus", "kind"] + [f"{s}\n{h}" for s in splits for h in heads]
    lines = []
    for corpus in corpora + (["all"] if len(corpora) > 1 else []):
        for kind in [*KINDS, "total"]:
            picked = [pick(rows, (s,), corpus, kind) for s in splits]
            if any(p["relations"] or p["traps"] for p in picked):
                lines.append([corpus, kind] + [c for p in picked for c in cells(p)])
    return tabulate(lines, headers=header)


def clean_files(every: int) -> dict[str, list[Path]]:
    """All PolNeAR dev articles and every Nth Reuters file (sorted by path)."""
    reuters = sorted(CORPUS.glob("reuters/reut2-*/*.txt"))
    return {
        "polnear dev": sorted(CORPUS.glob("polnear/dev/text/*.txt")),
        f"reuters (every {every}th)": reuters[::every],
    }


TSV_COLUMNS = ("corpus", "split", "file", "where", "kind", "cue", "message", "sentence")
TSV_COLUMNS += ("judged", "note")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(])|\n\s*\n")


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence around a span, hard-wrapped lines joined (no more of the article than that)."""
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return fold(text[before[-1] if before else 0 : after.start() if after else len(text)])


def error_rows(corpus: str, name: str, text: str, report) -> list[dict[str, str]]:
    """One row per constraint error: where, the kinds and cues of its violated constraints, the
    arithmetic (the message) and the sentence."""
    violated = [k for k in report.constraints if k.verdict.value == "violated"]
    rows = []
    for f in (f for f in report.findings if f.rule_id == RULE):
        mine = [k for k in violated if k.explanation and k.explanation in f.message]
        rows.append(
            {
                "corpus": corpus,
                "split": split_of(name),
                "file": name,
                "where": f.span.where,
                "kind": ",".join(dict.fromkeys(k.kind for k in mine)),
                "cue": ",".join(dict.fromkeys(fold(k.cue) for k in mine)),
                "tag": _tag(f),  # "[warning] " for a likely relation, else empty: an error
                "message": fold(f.message),
                "sentence": sentence_at(text, f.span.start, f.span.end),
            }
        )
    return rows


def write_tsv(path: Path, rows: list[dict[str, str]]) -> None:
    """Writes the errors, keeping the judgements of any row already judged (same file, message)."""
    judged: dict[tuple[str, str], dict[str, str]] = {}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as old:
            for row in csv.DictReader(old, delimiter="\t"):
                judged[(row["file"], row["message"])] = row
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(
            out, TSV_COLUMNS, delimiter="\t", lineterminator="\n", extrasaction="ignore"
        )
        writer.writeheader()
        for row in rows:
            old_row = judged.get((row["file"], row["message"]), {})
            writer.writerow(
                {**row, "judged": old_row.get("judged", ""), "note": old_row.get("note", "")}
            )


def clean(every: int, tsv: Path | None = None) -> int:
    checker = Checker(Config()).warm_up()
    rows: list[dict[str, str]] = []
    for corpus, files in clean_files(every).items():
        errors: list[str] = []
        figures = checked = 0
        per_split: Counter = Counter()
        wrong: Counter = Counter()
        for path in files:
            text = path.read_text(encoding="utf-8")
            report = checker.check_text(text, path=str(path))
            figures += report.coverage.figures
            checked += report.coverage.checked
            name = str(path.relative_to(CORPUS))
            found = error_rows(corpus, name, text, report)
            rows += found
            per_split[split_of(name)] += 1
            wrong[split_of(name)] += sum(not r["tag"] for r in found)
            errors += [
                f"{r['file']}:{r['where']}: {r['tag']}[{r['kind']}] {r['message']}" for r in found
            ]
        warnings = sum(WARNING in e for e in errors)
        per_100 = 100 * (len(errors) - warnings) / max(len(files), 1)
        print(
            f"{corpus}: {len(errors) - warnings} constraint errors and {warnings} warnings on "
            f"{len(files)} articles ({per_100:.1f} errors per 100); coverage {checked}/{figures} "
            f"figures in a checked relation "
            f"({checked / max(figures, 1):.0%})"
        )
        for split in ("tuning", "held-out"):
            n = per_split[split]
            print(
                f"  {split}: {wrong[split]} on {n} ({100 * wrong[split] / max(n, 1):.2f} per 100)"
            )
        for error in errors:
            print(f"  {error}")
    if tsv:
        write_tsv(tsv, rows)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tuning", "held-out", "all"), default="all")
    parser.add_argument("--corpus", help="one labels file: polnear, reuters, ...")
    parser.add_argument("--clean", action="store_true", help="constraint errors on clean copy")
    parser.add_argument(
        "--every", type=int, default=20, help="with --clean: every Nth Reuters file"
    )
    parser.add_argument(
        "--tsv", type=Path, help="with --clean: write the errors to this file, keeping judgements"
    )
    parser.add_argument(
        "--misses", action="store_true", help="list the tuning relations whose mutation is missed"
    )
    args = parser.parse_args()
    if args.clean:
        return clean(args.every, args.tsv)
    articles = {
        f: labels
        for f, labels in load(args.corpus).items()
        if args.split == "all" or split_of(f) == args.split
    }
    if not articles:
        print(f"no labelled articles in {LABELS} for --split {args.split} --corpus {args.corpus}")
        return 0
    checker = Checker(Config()).warm_up()
    out: dict = {
        "rows": defaultdict(Counter),
        "errors": [],
        "quantities": Counter(),
        "constrained": Counter(),
        "misses": [],
    }
    for file in sorted(articles):
        evaluate(checker, file, articles[file], out)
    splits = ["tuning", "held-out"] if args.split == "all" else [args.split]
    counts = Counter(split_of(f) for f in articles)
    print(
        f"{len(articles)} labelled articles ({', '.join(f'{s}: {n}' for s, n in sorted(counts.items()))})\n"
    )
    print(table(out["rows"], splits))
    both = pick(out["rows"], ("tuning", "held-out"), "all", "total")
    print(
        f"\nall articles: {both['relations']} relations, {share(both['modelled'], both['relations'])} "
        f"modelled ({both['same kind']} of the same kind), {share(both['caught'], both['relations'])} "
        f"mutations caught, {both['flagged']}/{both['traps']} traps flagged"
    )
    print("\nmodelled: some constraint covers two of the figures (n same: of the labelled kind);")
    print("mutations caught: the one-figure edit adds a numbers.constraint finding;")
    print(
        "traps flagged: a finding or violated constraint covers two of the trap's figures (lower is better)"
    )
    for split in ("tuning", "held-out"):
        errors = [e for s, e in out["errors"] if s == split]
        articles_in = counts[split]
        if not articles_in:
            continue
        q, k = out["quantities"][split], out["constrained"][split]
        warned = sum(WARNING in e for e in errors)
        print(
            f"\n{split}: {len(errors) - warned} constraint errors and {warned} warnings on "
            f"{articles_in} clean originals; "
            f"coverage {k}/{q} quantities in some constraint ({k / max(q, 1):.0%})"
        )
        for error in errors:
            print(f"  {error}")
    if args.misses:
        print("\ntuning relations whose mutation is missed:")
        for split, kind, file, figures in out["misses"]:
            if split == "tuning":
                print(f"  {kind}\t{file}\t{' | '.join(map(str, figures))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
