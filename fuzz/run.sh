#!/usr/bin/env bash
# Fuzz the loaders and rule packs, or the pipeline (extractors, constraints, solver), for a
# bounded time (default 300 s); not run in CI.
# Usage: fuzz/run.sh [SECONDS] [loaders|pipeline]   Crashes are written to fuzz/crashes/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
python="${PYTHON:-.venv/bin/python}"
mkdir -p fuzz/corpus fuzz/crashes
for f in seeds/*.txt rules/boilerplate/*.yaml tests/cases/*.yaml; do
  [ -e "fuzz/corpus/$(basename "$f")" ] || cp "$f" fuzz/corpus/
done
target="${2:-loaders}"
PYTHONPATH=. "$python" "fuzz/fuzz_${target}.py" -max_total_time="$seconds" -timeout=20 \
  -rss_limit_mb=2048 -artifact_prefix=fuzz/crashes/ fuzz/corpus
