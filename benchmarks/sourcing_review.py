"""Precision of the sourcing findings against the labelled review set, per split and corpus.

    PYTHONPATH=. python benchmarks/sourcing_review.py [--labels FILE] [--split tuning|held-out|all]
        [--list] [--stated-figure off|info|warning]

Re-checks every article of the review sample with the current code (the sample, fixed here and
in benchmarks/review/README.md: all PolNeAR dev files; PolNeAR train files at sorted index i
with i % 12 == 1 or 5; Reuters files at sorted index i with i % 40 == 0 or 20) and matches the findings of the
reviewed rules to the labels by (file, rule, line, span), the span folded as in the TSV. A key
that occurs more than once is matched in order. An article is held-out when the SHA-1 of its
path (relative to the corpus) is 0 modulo 3, else tuning.

For each rule and severity it prints: `now` (current findings), `labelled` (of those, matched
to a label), `true`, `false`, `precision` (true / labelled) and `gone` (labels no current
finding matches); then false warnings (warning or error findings labelled false) per 100
articles, the labelled true findings still flagged ("true figures kept" for
sourcing.unsourced-number), the findings with no label, which a person must label, and the
done-criteria of issue 20 (warning precision per rule with 10+ labelled findings, false
warnings per 100 articles, true figures still flagged, info precision). Rows added after a
code change carry the commit in the `added` column. With `--list` it also lists each current
finding labelled false, grouped by its category, with the note and the sentence. With
`--stated-figure` it checks with that level for sourcing.unsourced-number's figures stated as
fact (default: the rule's own, `off`), as a desk that sets the option would.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import Checker, Config

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
LABELS = ROOT / "benchmarks" / "review" / "sourcing_labels.tsv"
RULES = {
    "sourcing.unsourced-number", "sourcing.quote-without-speaker", "sourcing.anonymous",
    "sourcing.second-hand", "sourcing.surname-first", "style.doubled-word",
    "style.consistent-spelling", "boilerplate.web",
}  # fmt: skip
NUMBER = "sourcing.unsourced-number"


def fold(text: str, limit: int) -> str:
    """Whitespace runs to one space, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def in_split(file: str, split: str) -> bool:
    """Whether the article (path relative to the corpus) belongs to the split."""
    held_out = int(hashlib.sha1(file.encode()).hexdigest(), 16) % 3 == 0
    return split == "all" or split == ("held-out" if held_out else "tuning")


def sample() -> list[tuple[str, str]]:
    """(corpus name, path relative to the corpus) of every article in the review sample."""
    train = sorted((CORPUS / "polnear" / "train" / "text").glob("*.txt"))
    reuters = sorted(CORPUS.glob("reuters/*/*.txt"))
    paths = [
        *(("polnear-dev", p) for p in sorted((CORPUS / "polnear" / "dev" / "text").glob("*.txt"))),
        *(("polnear-train", p) for i, p in enumerate(train) if i % 12 in (1, 5)),
        *(("reuters", p) for i, p in enumerate(reuters) if i % 40 in (0, 20)),
    ]
    return [(corpus, p.relative_to(CORPUS).as_posix()) for corpus, p in paths]


def current(articles: list[tuple[str, str]], stated_figure: str | None = None) -> list[dict]:
    """The reviewed rules' findings on each article today, in report order."""
    options = {NUMBER: {"stated-figure": stated_figure}} if stated_figure else {}
    checker = Checker(Config(rule_options=options)).warm_up()
    found = []
    for corpus, file in articles:
        path = CORPUS / file
        report = checker.check_text(path.read_text(encoding="utf-8"), path=str(path))
        for f in report.findings:
            if f.rule_id in RULES:
                sev = str(getattr(f.severity, "value", f.severity))
                span = fold(f.span.text, 120)
                found.append({"corpus": corpus, "file": file, "rule": f.rule_id,
                              "severity": sev, "line": f.span.line, "span": span})  # fmt: skip
    return found


def match(found: list[dict], labels: list[dict]) -> None:
    """Set `label` on each current finding (None when unlabelled) and `kept` on each label."""
    queue = defaultdict(list)
    for row in labels:
        row["kept"], row["kept_severity"] = False, None
        queue[row["file"], row["rule"], int(row["line"]), row["span"]].append(row)
    for f in found:
        waiting = queue[f["file"], f["rule"], f["line"], f["span"]]
        f["label"] = waiting.pop(0) if waiting else None
        if f["label"]:
            f["label"]["kept"] = True
            f["label"]["kept_severity"] = f["severity"]


def verdict(f: dict) -> str | None:
    return f["label"]["verdict"] if f["label"] else None


def list_false(found: list[dict]) -> None:
    """Each current finding labelled false, grouped by category, most frequent first."""
    false = [f for f in found if verdict(f) == "false"]
    groups = Counter(f["label"]["category"] or "-" for f in false)
    print(f"false findings by category ({len(false)}):")
    for category, n in groups.most_common():
        print(f"  [{category}] {n}")
        for f in false:
            if (f["label"]["category"] or "-") == category:
                print(f"    {f['file']}:{f['line']}\t{f['rule']}\t{f['severity']}\t{f['span']}"
                      f"\t{f['label']['note']}\t{fold(f['label']['sentence'], 160)}")  # fmt: skip


def report(name: str, articles: Counter, found: list[dict], labels: list[dict]) -> None:
    """One split's tables: per corpus and over all, per rule and severity."""
    corpora = [*sorted(articles), "all"]
    articles["all"] = sum(articles.values())
    print(f"\n== {name}: " + ", ".join(f"{articles[c]} {c}" for c in corpora) + " articles")
    print(f"{'corpus':14} {'rule':31} {'severity':8} {'now':>4} {'labelled':>8} {'true':>5}"
          f" {'false':>5} {'precision':>9} {'gone':>5}")  # fmt: skip
    for corpus in corpora:
        mine = [f for f in found if corpus in ("all", f["corpus"])]
        lost = [r for r in labels if corpus in ("all", r["corpus"]) and not r["kept"]]
        keys = {(x["rule"], x["severity"]) for x in [*mine, *lost]}
        for rule, sev in sorted(keys):
            now = Counter(verdict(f) for f in mine if (f["rule"], f["severity"]) == (rule, sev))
            labelled = now["true"] + now["false"]
            gone = sum((r["rule"], r["severity"]) == (rule, sev) for r in lost)
            precision = f"{now['true'] / labelled:.2f}" if labelled else "-"
            print(f"{corpus:14} {rule:31} {sev:8} {now.total():4} {labelled:8} {now['true']:5}"
                  f" {now['false']:5} {precision:>9} {gone:5}")  # fmt: skip
    false = Counter(f["corpus"] for f in found
                    if f["severity"] in ("warning", "error") and verdict(f) == "false")  # fmt: skip
    false["all"] = sum(false.values())
    rates = ", ".join(f"{c} {100 * false[c] / max(articles[c], 1):.1f}" for c in corpora)
    print(f"false warnings per 100 articles: {rates}")
    true = [r for r in labels if r["verdict"] == "true"]
    figures = [r for r in true if r["rule"] == NUMBER]
    kept, kept_figures = sum(r["kept"] for r in true), sum(r["kept"] for r in figures)
    print(
        f"labelled true findings still flagged: {kept}/{len(true)} "
        f"({kept / max(len(true), 1):.2f}); true figures kept: {kept_figures}/{len(figures)}"
    )
    new = [f for f in found if not f["label"]]
    print(f"current findings with no label: {len(new)}")
    for f in new:
        print(f"  {f['file']}:{f['line']}\t{f['rule']}\t{f['severity']}\t{f['span']}")
    criteria(found, figures, articles["all"])


def criteria(found: list[dict], figures: list[dict], articles: int) -> None:
    """The done-criteria of issue 20 for this split, each with its figure and whether it holds.
    Unlabelled findings count in neither precision (they are listed above, to be labelled)."""
    print("done criteria:")
    per_rule: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for f in found:
        level = "warning" if f["severity"] in ("warning", "error") else "info"
        per_rule[f["rule"], level][verdict(f)] += 1
    for (rule, level), n in sorted(per_rule.items()):
        labelled = n["true"] + n["false"]
        if level == "warning" and labelled >= 10:
            p = n["true"] / labelled
            mark = "ok" if p >= 0.80 else "NOT MET"
            print(f"  warning precision {rule}: {p:.2f} ({labelled} labelled) >= 0.80 {mark}")
    false = sum(n["false"] for (_, level), n in per_rule.items() if level == "warning")
    rate = 100 * false / max(articles, 1)
    print(
        f"  false warnings per 100 articles: {rate:.1f} <= 10 {'ok' if rate <= 10 else 'NOT MET'}"
    )
    flagged = sum(r["kept"] for r in figures)
    warned = sum(r["kept"] and r["kept_severity"] != "info" for r in figures)
    share = flagged / max(len(figures), 1)
    print(f"  true figures still flagged: {flagged}/{len(figures)} ({share:.2f}) >= 0.90"
          f" {'ok' if share >= 0.90 else 'NOT MET'}; as warnings: {warned}/{len(figures)}")  # fmt: skip
    info = Counter()
    for (rule, level), n in per_rule.items():
        if level == "info":
            info += n
            labelled = n["true"] + n["false"]
            if labelled:
                print(f"  info precision {rule}: {n['true'] / labelled:.2f} ({labelled} labelled)")
    labelled = info["true"] + info["false"]
    p = info["true"] / labelled if labelled else 0.0
    print(f"  info precision, all rules: {p:.2f} ({labelled} labelled) >= 0.60"
          f" {'ok' if p >= 0.60 else 'NOT MET'}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--split", choices=["tuning", "held-out", "all"], default="all")
    parser.add_argument("--list", action="store_true", help="list the false findings")
    parser.add_argument("--stated-figure", choices=["off", "info", "warning"], default=None)
    args = parser.parse_args()
    with args.labels.open(encoding="utf-8", newline="") as handle:
        labels = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    articles = [(c, file) for c, file in sample() if in_split(file, args.split)]
    labels = [r for r in labels if in_split(r["file"], args.split)]
    found = current(articles, args.stated_figure)
    match(found, labels)
    for name in ["tuning", "held-out", "all"] if args.split == "all" else [args.split]:
        report(
            name,
            Counter(c for c, file in articles if in_split(file, name)),
            [f for f in found if in_split(f["file"], name)],
            [r for r in labels if in_split(r["file"], name)],
        )
        if args.list:
            list_false([f for f in found if in_split(f["file"], name)])


if __name__ == "__main__":
    main()
