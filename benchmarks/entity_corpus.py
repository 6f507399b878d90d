"""Entity and place findings on the PolNeAR dev articles, each checked at its file-name date.

    PYTHONPATH=. python benchmarks/entity_corpus.py [FOLDER] [--mutate]

File names carry the publication date (`nyt_2016-09-12_...`). Prints every entity.*/place.*
finding with its sentence, then counts per rule, so a reviewer can judge each error by eye.
With --mutate, each article's first full name of a person the knowledge base knows gets a
misspelt first name (one vowel changed: Mike -> Mika), and the script counts how many of those
mutations an entity rule catches.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from checker import Checker, Config

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "polnear" / "dev" / "text"
DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


FULL_NAME = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b")
VOWELS = str.maketrans("aeiouAEIOU", "eiouaEIOUA")


def mutate(checker: Checker, text: str) -> tuple[str, str] | None:
    """The text with the first known person's first name misspelt, and the new name."""
    from checker.knowledge import knowledge_base

    kb = knowledge_base(checker.config)[0]
    body = text.find("\n") + 1  # headlines are in title case, which the tagger reads poorly
    for m in FULL_NAME.finditer(text, body):
        if kb.people_named(m.group(0)):
            first = m.group(1)
            at = next((i for i in range(len(first) - 1, 0, -1) if first[i] in "aeiou"), None)
            if at is None:
                continue
            wrong = first[:at] + first[at].translate(VOWELS) + first[at + 1 :]
            name = f"{wrong} {m.group(2)}"
            return text[: m.start()] + name + text[m.end() :], name
    return None


def main_mutate(folder: Path) -> None:
    checker = Checker(Config(select=["entity"])).warm_up()
    tried = caught = 0
    for path in sorted(folder.glob("*.txt")):
        found = DATE.search(path.name)
        mutated = mutate(checker, path.read_text(encoding="utf-8"))
        if not mutated:
            continue
        text, name = mutated
        report = checker.check_text(text, date=found.group(1) if found else None)
        rules = sorted({f.rule_id for f in report.findings if f.span.text == name})
        tried, caught = tried + 1, caught + bool(rules)
        print(f"{path.name}: {name}: {', '.join(rules) or 'missed'}")
    print(f"\n{caught} of {tried} misspelt first names caught")


def main(folder: Path) -> None:
    checker = Checker(Config(select=["entity", "place"])).warm_up()
    counts: Counter[str] = Counter()
    files = sorted(folder.glob("*.txt"))
    for path in files:
        found = DATE.search(path.name)
        report = checker.check_text(path.read_text(encoding="utf-8"), path=str(path),
                                    date=found.group(1) if found else None)  # fmt: skip
        for f in report.findings:
            counts[f"{f.rule_id} {f.severity.value}"] += 1
            print(f"{path.name}:{f.span.where} {f.severity.value} {f.rule_id}: {f.message}"
                  f"  [{f.span.text}]")  # fmt: skip
    print(f"\n{len(files)} articles")
    for rule, n in sorted(counts.items()):
        print(f"{n:5d}  {rule}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--mutate"]
    run = main_mutate if "--mutate" in sys.argv else main
    run(Path(args[0]) if args else DEFAULT)
