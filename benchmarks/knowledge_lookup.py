"""Knowledge-base scale: build a synthetic 200,000-person pack, then time the lookups the
entity rules make per mention.

    PYTHONPATH=. python benchmarks/knowledge_lookup.py [PEOPLE] [--json]

Prints the pack's build time (YAML or JSON parse, validation, SQLite compile; paid once, then
cached), the cached reopen time, and the mean time of each lookup over 10,000 random calls.

Measured 2026-11-25 on the shared 2-core machine under heavy load (load average about 9), so
read these as upper bounds: 200,000 people (JSON) build 82 s once, 62 MB, cached reopen 0.2 s;
per call: full name 1.4 ms, surname 0.8 ms, surname + first name 1.1 ms, surname in office on a
date 0.9 ms, office holders on a date 0.5 ms, unknown name 0.07 ms. A YAML pack parses about
seven times slower than JSON (20,000 people: 14.5 s against 2.0 s).
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from checker.knowledge import KnowledgeBase
from checker.knowledge.store import compiled

FIRST = [f"{a}{b}" for a in ("Jo", "Ma", "Ann", "Pe", "Lu", "Ka", "Da", "Mi", "Sa", "El")
         for b in ("hn", "ria", "a", "ter", "cas", "ren", "vid", "chael", "rah", "len")]  # fmt: skip
SYLLABLES = ["ber", "son", "mar", "ly", "ko", "vin", "del", "ra", "ton", "ski", "wel", "har"]
TITLES = ["Mayor", "Senator", "Governor", "Press Secretary", "Director", "Chair"]
CALLS = 10_000


def surname(i: int) -> str:
    """40,000 distinct surnames: each shared by five of 200,000 people."""
    n, parts = i % 40_000, []
    for _ in range(5):
        n, digit = divmod(n, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).capitalize()


def write_pack(folder: Path, people: int, *, as_json: bool = False) -> Path:
    if as_json:
        return _write_json(folder, people)
    path = folder / "people.yaml"
    lines = ["organisations:"]
    lines += [f"  - {{id: org-{o}, name: Organisation {o}}}" for o in range(2_000)]
    lines.append("people:")
    for i in range(people):
        start = 1990 + i % 30
        lines.append(f"  - id: p{i}\n    name: {FIRST[i % len(FIRST)]} {surname(i)}\n"
                     f"    roles: [{{organisation: org-{i % 2_000}, title: {TITLES[i % len(TITLES)]},"
                     f" start: {start}-01-20, end: {start + 4}-01-20}}]")  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _write_json(folder: Path, people: int) -> Path:
    path = folder / "people.json"
    pack = {
        "organisations": [{"id": f"org-{o}", "name": f"Organisation {o}"} for o in range(2_000)],
        "people": [
            {"id": f"p{i}", "name": f"{FIRST[i % len(FIRST)]} {surname(i)}",
             "roles": [{"organisation": f"org-{i % 2_000}", "title": TITLES[i % len(TITLES)],
                        "start": f"{1990 + i % 30}-01-20", "end": f"{1994 + i % 30}-01-20"}]}
            for i in range(people)
        ],
    }  # fmt: skip
    path.write_text(json.dumps(pack), encoding="utf-8")
    return path


def timed(label: str, fn, args: list[tuple]) -> None:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    for a in args:
        fn(*a)
    each = (time.perf_counter() - t) / len(args) * 1e6
    print(f"{label:<34}{each:10.1f} µs/call")


def main(people: int, as_json: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp), Path(tmp) / "cache"
        cache.mkdir()
        pack = write_pack(folder, people, as_json=as_json)
        t = time.perf_counter()
        db = compiled([pack], cache=cache)
        print(f"{people:,} people ({pack.suffix}): build {time.perf_counter() - t:.1f} s, "
              f"{db.stat().st_size / 1e6:.0f} MB")  # fmt: skip
        t = time.perf_counter()
        kb = KnowledgeBase(compiled([pack], cache=cache))
        assert not kb.errors, kb.errors[:3]
        print(f"cached reopen: {(time.perf_counter() - t) * 1000:.0f} ms")
        rng = random.Random(0)
        picks = [rng.randrange(people) for _ in range(CALLS)]
        names = [(f"{FIRST[i % len(FIRST)]} {surname(i)}",) for i in picks]
        timed("people_named (full name)", kb.people_named, names)
        timed("surname, all namesakes", kb.people_with_surname, [(surname(i),) for i in picks])
        timed(
            "surname + first name",
            lambda s, f: kb.people_with_surname(s, first=f),
            [(surname(i), FIRST[i % len(FIRST)]) for i in picks],
        )
        timed("surname, in office on a date", lambda s, d: kb.people_with_surname(s, active_on=d),
              [(surname(i), date(1990 + i % 30, 6, 1)) for i in picks])  # fmt: skip
        timed("holders (title, org, date)", kb.holders, [
            ("mayor", f"org-{i % 2_000}", date(1990 + i % 30, 6, 1)) for i in picks
        ])  # fmt: skip
        timed("people_named (unknown name)", kb.people_named, [("Nobody Atall",)] * CALLS)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--json"]
    main(int(args[0]) if args else 200_000, "--json" in sys.argv)
