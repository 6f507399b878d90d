"""Score attribution extraction against the gold PolNeAR annotations (source, cue, content spans).

    PYTHONPATH=. python benchmarks/attribution_polnear.py [--split dev] [--limit N] [--errors K]

Corpus layout: `<corpus>/<split>/text/<article>.txt` and
`<corpus>/<split>/attributions/<article>_<annotator>.ann` (brat standoff; the last `_` part of
the file name is the annotator). Offsets are character offsets into the .txt file, which the
extractor reads unchanged.

Matching rule (fixed; every figure printed by this script follows it):
- Each role (Source, Cue, Content) is scored on its own, as a set of spans per article: a span
  shared by several gold attributions (one source, two cues) counts once, and so does a
  predicted span. A gold span may be discontinuous (fragments `a b;c d`).
- Exact: a predicted span matches a gold span when its start and end equal the gold span's first
  start and last end, after trimming whitespace at both edges.
- Overlap: a predicted span matches a gold span when they share at least one non-space
  character of a gold fragment. Matching is one-to-one: pairs are taken greedily by the number
  of shared characters, largest first.
- P = matched / predicted, R = matched / gold, F1 = their harmonic mean, micro-averaged over
  articles.
- Several annotators: some articles were annotated by more than one annotator (one .ann file
  each). Each annotation file is scored against the same predictions, and its counts (matched,
  predicted, gold) are weighted by 1/k, k being the number of annotation files of the article, so
  every article weighs the same whatever the number of annotators; an article with no
  annotation file is skipped.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import nlp
from checker.claims import trim
from checker.extract.attribution import Found, find_all
from checker.layout import Layout

CORPUS = ROOT.parent / "shared" / "corpus" / "polnear"
ROLES = ("Source", "Cue", "Content")
_SPAN_LINE = re.compile(r"^T\d+\t(Source|Cue|Content) ([\d ;]+)\t")

Frags = tuple[tuple[int, int], ...]


def read_gold(path: Path, text: str) -> dict[str, set[Frags]]:
    """Distinct gold spans per role (brat lines that continue a multi-line span are skipped)."""
    gold: dict[str, set[Frags]] = {r: set() for r in ROLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _SPAN_LINE.match(line)
        if m:
            frags = tuple(trim(text, *map(int, f.split())) for f in m.group(2).split(";"))
            gold[m.group(1)].add(tuple(f for f in frags if f[1] > f[0]) or frags)
    return gold


def predict(
    text: str, sentences: list[nlp.Sentence] | None = None
) -> tuple[dict[str, set[Frags]], list[Found]]:
    """Predicted spans per role (the text is parsed unless its sentences are given)."""
    if sentences is None:
        _, sentences = nlp.annotate(text)
    found = find_all(Layout(text, sentences))
    pred: dict[str, set[Frags]] = {r: set() for r in ROLES}
    for f in found:
        for role, span in zip(ROLES, (f.source, f.cue, f.content)):
            if span:
                pred[role].add((trim(text, *span),))
    return pred, found


def _shared(text: str, a: Frags, b: Frags) -> int:
    return sum(
        sum(1 for i in range(max(s1, s2), min(e1, e2)) if not text[i].isspace())
        for s1, e1 in a
        for s2, e2 in b
    )


def match(text: str, pred: set[Frags], gold: set[Frags], exact: bool) -> int:
    if exact:
        hulls = {(g[0][0], g[-1][1]) for g in gold}
        return sum(1 for p in pred if (p[0][0], p[-1][1]) in hulls)
    pairs = sorted(
        ((_shared(text, p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for shared, i, j in pairs:
        if shared == 0:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def articles(split: str, limit: int | None, skip: int = 0) -> Iterable[tuple[Path, list[Path]]]:
    folder = CORPUS / split
    anns: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((folder / "attributions").glob("*.ann")):
        anns[ann.stem.rsplit("_", 1)[0]].append(ann)
    names = sorted(n for n in anns if (folder / "text" / f"{n}.txt").is_file())[skip:]
    for name in names[:limit] if limit else names:
        yield folder / "text" / f"{name}.txt", anns[name]


Counts = dict[tuple[str, str], list[float]]  # (role, mode) -> [matched, predicted, gold]


def new_counts() -> Counts:
    return defaultdict(lambda: [0.0, 0.0, 0.0])


def tally(
    counts: Counts, text: str, pred: dict[str, set[Frags]], golds: list[dict[str, set[Frags]]]
) -> None:
    """Add one article's counts, each annotation file weighted 1/k (see the matching rule)."""
    weight = 1 / len(golds)
    for gold in golds:
        for role in ROLES:
            for mode in ("exact", "overlap"):
                c = counts[(role, mode)]
                c[0] += weight * match(text, pred[role], gold[role], mode == "exact")
                c[1] += weight * len(pred[role])
                c[2] += weight * len(gold[role])


def figures(counts: Counts) -> dict[str, dict[str, float]]:
    """P, R and F1 per "role mode" key, micro-averaged."""
    result: dict[str, dict[str, float]] = {}
    for (role, mode), (tp, npred, ngold) in counts.items():
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        result[f"{role.lower()} {mode}"] = {
            "P": p,
            "R": r,
            "F1": 2 * p * r / (p + r) if p + r else 0.0,
        }
    return result


def score(split: str, limit: int | None, errors: int, skip: int = 0) -> dict[str, dict[str, float]]:
    counts = new_counts()
    shown = 0
    started = time.perf_counter()
    n = 0
    for text_path, ann_paths in articles(split, limit, skip):
        text = text_path.read_text(encoding="utf-8")
        pred, _ = predict(text)
        n += 1
        golds = [read_gold(ann, text) for ann in ann_paths]
        tally(counts, text, pred, golds)
        if errors and shown < errors:
            shown += _show_errors(text_path.name, text, pred, golds[0], errors - shown)
    elapsed = time.perf_counter() - started
    print(f"{split}: {n} articles in {elapsed:.1f}s")
    return figures(counts)


def _show_errors(name: str, text: str, pred, gold, budget: int) -> int:
    """Cue errors of one article: predicted cues with no overlapping gold cue, and the reverse."""
    shown = 0
    for label, mine, theirs in (("FP", pred["Cue"], gold["Cue"]), ("FN", gold["Cue"], pred["Cue"])):
        for span in sorted(mine):
            if shown >= budget:
                return shown
            if not any(_shared(text, span, other) for other in theirs):
                s, e = span[0][0], span[-1][1]
                print(
                    f"{label} {name}: {text[max(0, s - 60) : s]}[[{text[s:e]}]]{text[e : e + 40]}".replace(
                        "\n", " "
                    )
                )
                shown += 1
    return shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print up to K cue errors")
    args = parser.parse_args()
    result = score(args.split, args.limit, args.errors, args.skip)
    print(f"{'role':18} {'P':>6} {'R':>6} {'F1':>6}")
    for key in sorted(result, key=lambda k: (ROLES.index(k.split()[0].title()), k)):
        row = result[key]
        print(f"{key:18} {row['P']:6.3f} {row['R']:6.3f} {row['F1']:6.3f}")


if __name__ == "__main__":
    main()
