"""Learn the attribution cue lexicon from the PolNeAR *train* split (never from dev).

    PYTHONPATH=. python benchmarks/learn_cues.py [--limit N] > checker/extract/cue_lexicon.py

For every token of every train article, the key (lemma, part of speech, complement) is counted,
complement being what the parse hangs on it: C (a clause: ccomp, parataxis), X (an infinitive:
xcomp), O (a direct object) or - (none of these). A key's rate is the share of its occurrences that
the annotators marked as (part of) a cue, averaged over annotators; tokens inside quotations are
not counted (the extractor skips them). RATE sits near half the F1 reached, which is where adding
a word starts to cost more precision than it brings recall. Keys of a verb with a rate of
at least RATE and at least MIN_GOLD gold occurrences make the lexicon, which the extractor reads
together with the hand-written lists in `checker/extract/cues.py`.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.attribution_polnear import articles, read_gold  # noqa: E402
from checker import nlp  # noqa: E402
from checker.extract.cues import complement_kind  # noqa: E402
from checker.extract.quotes import quoted_regions  # noqa: E402

RATE = 0.35
MIN_GOLD = 3.0
COMPLEMENTS = {"C": "with_clause", "X": "with_infinitive", "O": "with_object", "-": "bare"}


def count(limit: int | None) -> dict[tuple[str, str], list[float]]:
    stats: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for text_path, anns in articles("train", limit):
        text = text_path.read_text(encoding="utf-8")
        cues = [read_gold(a, text)["Cue"] for a in anns]
        _, sentences = nlp.annotate(text)
        regions = quoted_regions(text)
        for sent in sentences:
            for tok in sent.span:
                if tok.pos_ != "VERB" or any(s < sent.offset(tok) < e for s, e in regions):
                    continue  # the extractor leaves cues inside quotations out, so does the count
                a, b = sent.offset(tok), sent.token_end(tok)
                hit = sum(any(s <= a and b <= e for span in g for s, e in span) for g in cues)
                key = (tok.lemma_.lower(), complement_kind(tok))
                stats[key][0] += hit / len(cues)
                stats[key][1] += 1
    return stats


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rate", type=float, default=RATE)
    args = parser.parse_args()
    stats = count(args.limit)
    lists: dict[str, list[str]] = {name: [] for name in COMPLEMENTS.values()}
    for (lemma, comp), (gold, total) in sorted(stats.items()):
        if gold >= MIN_GOLD and gold / total >= args.rate and lemma.isalpha():
            lists[COMPLEMENTS[comp]].append(lemma)
    print('"""Cue verbs learned from PolNeAR train by benchmarks/learn_cues.py (do not edit by hand;')
    print('add words to checker/extract/cues.py instead)."""\n')
    for name, words in lists.items():
        lines = textwrap.wrap(" ".join(words), 88)
        ends = [" "] * (len(lines) - 1) + [""]
        body = "\n".join(f"        {line + end!r}" for line, end in zip(lines, ends))
        print(f"{name.upper()} = frozenset(\n    (\n{body}\n    ).split()\n)\n")


if __name__ == "__main__":
    main()
