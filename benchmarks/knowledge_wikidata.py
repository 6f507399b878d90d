"""The Wikidata importer on synthetic dumps of growing size: time and peak memory.

    PYTHONPATH=. python benchmarks/knowledge_wikidata.py [N ...]

Writes a gzipped dump of N entity lines (the fixture's entities repeated under new QIDs, a
third of them non-human) and imports it in a child process per size, so each peak memory
(ru_maxrss) is that run's own. Flat peak memory across sizes is what streaming promises.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

FIXTURE = Path(__file__).parent.parent / "tests" / "fixtures" / "wikidata" / "dump.json"
CHILD = """
import resource, sys, time
from pathlib import Path
from checker.knowledge.importers import records, write_pack
t = time.perf_counter()
skipped = []
n = write_pack(records("wikidata", Path(sys.argv[1])), Path(sys.argv[2]), skipped)
print(f"{time.perf_counter() - t:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} {n}")
"""


def dump(path: Path, size: int) -> None:
    entities = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        try:
            entities.append(json.loads(line.rstrip(",")))
        except ValueError:
            continue
    entities = [e for e in entities if isinstance(e, dict)]
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("[\n")
        for i in range(size):
            entity = dict(entities[i % len(entities)])
            if i >= len(entities):
                entity["id"] = f"Q{10_000_000 + i}"
            out.write(json.dumps(entity, separators=(",", ":")) + (",\n" if i < size - 1 else "\n"))
        out.write("]\n")


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    print("| entity lines | import time s | peak RSS MB | records written |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            source = Path(tmp) / f"dump-{size}.json.gz"
            dump(source, size)
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(source), str(Path(tmp) / "out.jsonl.gz")],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            seconds, rss, written = out.stdout.split()
            print(f"| {size:,} | {seconds} | {int(rss) / 1024:.0f} | {int(written):,} |")


if __name__ == "__main__":
    main()
