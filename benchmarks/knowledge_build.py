"""First build of the default knowledge base, its peak memory, and a cache hit.

    PYTHONPATH=. python benchmarks/knowledge_build.py

Builds into a fresh temporary cache folder in a child process (so its peak memory is its own),
then times opening the cached copy (digest + open + one lookup) in this process.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time

CHILD = """
import resource, time
from checker import Config
from checker.knowledge import knowledge_base
t = time.perf_counter()
kb, errors = knowledge_base(Config())
print(f"{time.perf_counter() - t:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} "
      f"{len(errors)} {kb.stats()['people']} {kb.stats()['places']}")
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "FACTCHECK_CACHE_DIR": cache}
        out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True,
                             text=True, check=True).stdout.split()  # fmt: skip
        seconds, peak_kb, errors, people, places = out
        print(
            f"first build: {seconds} s, peak {int(peak_kb) // 1024} MB, {errors} errors,"
            f" {int(people):,} people, {int(places):,} places"
        )
        os.environ["FACTCHECK_CACHE_DIR"] = cache
        from checker import Config
        from checker.knowledge import knowledge_base

        hits = []
        for _ in range(5):
            t = time.perf_counter()
            kb, _ = knowledge_base(Config())
            kb.people_named("John Kirby")
            hits.append(time.perf_counter() - t)
        print(
            f"cache hit: best {min(hits) * 1000:.0f} ms of 5 (digest, open, one lookup);"
            f" this process peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
        )


if __name__ == "__main__":
    main()
