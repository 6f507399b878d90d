"""Entity mutation benchmark: real office holders in corpus copy, broken on purpose.

    PYTHONPATH=. python benchmarks/entities.py [--cases benchmarks/entities/cases.yaml]
        [--corpus /work/shared/corpus] [--no-rate] [--show]

Each case in benchmarks/entities/cases.yaml puts `mutated` in place of `original` in the
article text (in memory), runs the entity rules and says whether an entity finding covers the
mutated span (caught). Traps are correct copy a naive rule would flag (former / then- /
deputy titles, namesakes, another country's office, a title in a historical context): any
entity finding in their sentence counts against the rules, and so does one on the clean
original sentence of a mutation case. Reuters cases are checked with their file-name date and
again without a date (the article date is then inferred). Figures are printed for the tuning
and the held-out split side by side (held out: sha1(file) % 3 == 0), by kind and corpus, and
"known" counts only cases whose real person the knowledge base knows, so the figure is
re-measured as the knowledge base grows. Last, entity findings per 100 clean articles over
PolNeAR dev and a Reuters sample (every 40th file).
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from checker import Checker, Config
from checker.knowledge import knowledge_base

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "corpus"
REUTERS_STEP = 40


def held_out(file: str) -> bool:
    return int(hashlib.sha1(file.encode()).hexdigest(), 16) % 3 == 0


def flex(words: str) -> re.Pattern[str]:
    """The words with any run of white space between them (Reuters lines are hard-wrapped)."""
    return re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, words.split())) + r"(?![\w-])")


@dataclass
class Outcome:
    case: dict
    run: str  # "dated" or "undated"
    hit: bool  # mutation: an entity finding covers the span; trap: any entity finding in it
    clean_flagged: bool  # an entity finding in the sentence of the unmutated article
    known: bool
    messages: list[str]


def locate(text: str, case: dict) -> tuple[int, int, int, int] | None:
    """(sentence start, end, original start, end) in the article."""
    sent = flex(case["sentence"]).search(text)
    if not sent:
        return None
    orig = flex(case["original"]).search(text, sent.start(), sent.end())
    return (sent.start(), sent.end(), orig.start(), orig.end()) if orig else None


def entity_findings(checker: Checker, text: str, day: str | None) -> list:
    report = checker.check_text(text, date=day)
    return [f for f in report.findings if f.rule_id.startswith("entity.")]


def overlaps(f, start: int, end: int) -> bool:
    return f.span.start < end and start < f.span.end


def run_case(checker: Checker, corpus: Path, case: dict, known: bool, clean: dict) -> list[Outcome]:
    text = (corpus / case["file"]).read_text(encoding="utf-8")
    where = locate(text, case)
    if where is None:
        raise SystemExit(f"{case['id']}: excerpt or span not found in {case['file']}")
    s, e, a, b = where
    new = text[:a] + case["mutated"] + text[b:]
    shift = len(case["mutated"]) - (b - a)
    runs = [("dated", case["date"])]
    if case["file"].startswith("reuters"):
        runs.append(("undated", None))
    out = []
    for run, day in runs:
        found = entity_findings(checker, new, day)
        if case["kind"] == "trap":
            hits = [f for f in found if overlaps(f, s, e + shift)]
        else:
            hits = [f for f in found if overlaps(f, a, a + len(case["mutated"]))]
        ck = (case["file"], run)
        if ck not in clean:
            clean[ck] = entity_findings(checker, text, day)
        dirty = [f for f in clean[ck] if overlaps(f, s, e)]
        out.append(Outcome(case, run, bool(hits), bool(dirty), known,
                           [f"{f.rule_id}: {f.message}" for f in hits + dirty]))  # fmt: skip
    return out


def is_known(kb, case: dict) -> bool:
    """Does the knowledge base know what the case needs: the real person of the original span,
    or for a wrong holder or title the person the mutation names?"""
    if case["kind"] == "trap":
        return True
    if kb.people_named(case["person"]):
        return True
    words = case["mutated"].split()
    return case["kind"] != "first_name" and any(
        kb.people_named(" ".join(words[-n:])) for n in (2, 3, 4) if n < len(words)
    )


def table(outcomes: list[Outcome]) -> None:
    keys = sorted({(o.case["kind"], o.case["file"].split("/")[0], o.run) for o in outcomes})
    print(
        f"{'kind':13} {'corpus':8} {'run':8} | {'tuning: all  known':>20} | {'held-out: all  known':>22}"
    )
    for kind, corpus, run in keys:
        cells = []
        for ho in (False, True):
            sel = [o for o in outcomes if (o.case["kind"], o.case["file"].split("/")[0], o.run)
                   == (kind, corpus, run) and held_out(o.case["file"]) == ho]  # fmt: skip
            kn = [o for o in sel if o.known]
            cells.append(
                f"{sum(o.hit for o in sel):3d}/{len(sel):<3d} {sum(o.hit for o in kn):3d}/{len(kn):<3d}"
            )
        label = "trap flagged" if kind == "trap" else kind
        print(f"{label:13} {corpus:8} {run:8} | {cells[0]:>20} | {cells[1]:>22}")
    for ho in (False, True):
        mut = [o for o in outcomes if o.case["kind"] != "trap" and held_out(o.case["file"]) == ho]
        kn = [o for o in mut if o.known]
        traps = [o for o in outcomes if o.case["kind"] == "trap" and held_out(o.case["file"]) == ho]
        dirty = sum(o.clean_flagged for o in mut)
        name = "held-out" if ho else "tuning"
        print(
            f"{name}: caught {sum(o.hit for o in mut)}/{len(mut)} all,"
            f" {sum(o.hit for o in kn)}/{len(kn)} known to the KB;"
            f" traps flagged {sum(o.hit for o in traps)}/{len(traps)};"
            f" clean originals flagged {dirty}/{len(mut)}"
        )


def rate(checker: Checker, corpus: Path, show: bool) -> None:
    dev = sorted((corpus / "polnear" / "dev" / "text").glob("*.txt"))
    reuters = sorted(corpus.glob("reuters/reut2-*/*.txt"))[::REUTERS_STEP]
    for name, files in (("PolNeAR dev", dev), ("Reuters sample", reuters)):
        counts: Counter[str] = Counter()
        for path in files:
            stamp = re.search(r"_(\d{4}-\d{2}-\d{2})_", path.name)
            for f in entity_findings(checker, path.read_text(encoding="utf-8"),
                                     stamp.group(1) if stamp else None):  # fmt: skip
                counts[f.severity.value] += 1
                if show:
                    print(
                        f"  {path.name}: {f.severity.value} {f.rule_id}: {f.message} [{f.span.text}]"
                    )
        per = {k: round(100 * v / len(files), 1) for k, v in sorted(counts.items())}
        print(f"{name}: {len(files)} articles, entity findings per 100 articles {per or 0}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=Path, default=HERE / "entities" / "cases.yaml")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-rate", action="store_true")
    ap.add_argument(
        "--show",
        action="store_true",
        help="print every miss and every false flag of the tuning split (held-out cases are never shown)",
    )
    args = ap.parse_args()
    cases = yaml.safe_load(args.cases.read_text(encoding="utf-8"))["cases"]
    checker = Checker(Config(select=["entity"])).warm_up()
    kb = knowledge_base(checker.config)[0]
    outcomes: list[Outcome] = []
    clean: dict = {}
    for case in cases:
        outcomes += run_case(checker, args.corpus, case, is_known(kb, case), clean)
    if args.show:
        for o in outcomes:
            if held_out(o.case["file"]):
                continue
            bad = o.hit if o.case["kind"] == "trap" else not o.hit
            if bad or o.clean_flagged:
                tag = (
                    "flagged"
                    if o.case["kind"] == "trap"
                    else ("missed" if not o.hit else "clean flagged")
                )
                print(
                    f"{o.case['id']} {o.run} {tag}: {o.case['mutated']} | {'; '.join(o.messages)}"
                )
    traps = sum(c["kind"] == "trap" for c in cases)
    print(f"{len(cases)} cases ({traps} traps), {sum(held_out(c['file']) for c in cases)} held out")
    table(outcomes)
    if not args.no_rate:
        rate(checker, args.corpus, args.show)


if __name__ == "__main__":
    main()
