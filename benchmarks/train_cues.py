"""Train the attribution cue classifier on the PolNeAR *train* split (never on dev).

    PYTHONPATH=. python benchmarks/train_cues.py [--limit N] [--out PATH]

Needs the `train` extra (scikit-learn); the checker itself only reads the JSON it writes
(`checker/extract/cue_weights.json`).

Fixed procedure:
- Examples: every verb and predicative adjective (`cue_model.candidate`) of every train article
  outside quotations (the extractor leaves cues inside quoted words out), a title-case headline
  read in sentence case as the extractor reads it. Its features are `cue_model.features`; its
  label is the share of the article's annotators whose gold cue span contains the word (an example is weighted by that share
  as a positive and by the rest as a negative). Features seen in fewer than MIN_COUNT examples
  are dropped.
- Model: L2-regularised logistic regression (scikit-learn, C below).
- Threshold and veto: 2-fold cross-validation over the train articles (first half, second half).
  A model fitted on one half scores the other half with the attribution benchmark's matching
  rule (benchmarks/attribution_polnear.py), for every (threshold, veto) pair of the grid; the
  pair with the best mean cue overlap F1 is kept. A verb of the hand-written lexicon is a cue when
  the model gives it at least `veto`; any other verb when it gives at least `threshold`.
- The model is then fitted on all train articles and written with the chosen pair.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.attribution_polnear import articles, figures, new_counts, predict, read_gold, tally
from checker import nlp
from checker.extract import cue_model, headline_case
from checker.layout import Layout

C = 0.3
MIN_COUNT = 2
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55)
VETOES = (0.0, 0.1, 0.2)
DIGITS = 4  # weights are rounded to this many decimals in the JSON


def parse(limit: int | None) -> list[tuple[str, list, list]]:
    """(text, gold spans per annotator, sentences) of every train article."""
    parsed = []
    for text_path, ann_paths in articles("train", limit):
        text = text_path.read_text(encoding="utf-8")
        _, sentences = nlp.annotate(text)
        sentences = headline_case.recased(sentences, text)  # as the extractor reads them
        parsed.append((text, [read_gold(a, text) for a in ann_paths], sentences))
    return parsed


def examples(parsed: list) -> tuple[list[list[str]], np.ndarray, np.ndarray]:
    rows: list[list[str]] = []
    labels: list[int] = []
    weights: list[float] = []
    for text, golds, sentences in parsed:
        layout = Layout(text)
        cues = [g["Cue"] for g in golds]
        for sent in sentences:
            for tok in sent.span:
                if not cue_model.candidate(tok) or layout.in_quotation(sent.offset(tok)):
                    continue
                a, b = sent.offset(tok), sent.token_end(tok)
                hit = sum(
                    any(s <= a and b <= e for span in g for s, e in span) for g in cues
                ) / len(cues)
                feats = cue_model.features(tok)
                for label, weight in ((1, hit), (0, 1 - hit)):
                    if weight > 0:
                        rows.append(feats)
                        labels.append(label)
                        weights.append(weight)
    return rows, np.array(labels), np.array(weights)


def fit(parsed: list) -> tuple[float, dict[str, float]]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels, weights = examples(parsed)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform({f: 1 for f in row} for row in rows)
    seen = np.asarray((matrix > 0).sum(axis=0)).ravel() >= MIN_COUNT
    names = vectorizer.get_feature_names_out()[seen]
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(matrix[:, seen], labels, sample_weight=weights)
    coef = {str(n): round(float(w), DIGITS) for n, w in zip(names, model.coef_[0])}
    return round(float(model.intercept_[0]), DIGITS), {n: w for n, w in sorted(coef.items()) if w}


def cue_f1(parsed: list) -> float:
    counts = new_counts()
    for text, golds, sentences in parsed:
        pred, _ = predict(text, sentences)
        tally(counts, text, pred, golds)
    return figures(counts)["cue overlap"]["F1"]


def choose(parsed: list) -> tuple[float, float, float]:
    """(threshold, veto, mean cue overlap F1) by 2-fold cross-validation."""
    half = len(parsed) // 2
    folds = ((parsed[:half], parsed[half:]), (parsed[half:], parsed[:half]))
    scores: dict[tuple[float, float], list[float]] = {}
    for fit_on, held_out in folds:
        bias, weights = fit(fit_on)
        for threshold in THRESHOLDS:
            for veto in VETOES:
                cue_model.use((bias, (threshold, veto), weights))
                scores.setdefault((threshold, veto), []).append(cue_f1(held_out))
    cue_model.use(None)
    for (threshold, veto), f1 in sorted(scores.items()):
        print(f"  threshold {threshold:.2f} veto {veto:.2f}: cue overlap F1 {np.mean(f1):.3f}")
    (threshold, veto), best = max(scores.items(), key=lambda kv: np.mean(kv[1]))
    return threshold, veto, float(np.mean(best))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, default=None, help="first N train articles only")
    parser.add_argument("--out", type=Path, default=cue_model.WEIGHTS)
    args = parser.parse_args()
    started = time.perf_counter()
    parsed = parse(args.limit)
    print(f"parsed {len(parsed)} train articles in {time.perf_counter() - started:.0f}s")
    threshold, veto, f1 = choose(parsed)
    print(f"chosen: threshold {threshold} veto {veto} (2-fold cue overlap F1 {f1:.3f})")
    bias, weights = fit(parsed)
    model = {
        "trained_on": f"PolNeAR train, {len(parsed)} articles (benchmarks/train_cues.py)",
        "C": C,
        "threshold": threshold,
        "veto": veto,
        "cv_cue_overlap_f1": round(f1, 4),
        "bias": bias,
        "weights": weights,
    }
    args.out.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(weights)} weights to {args.out} in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
