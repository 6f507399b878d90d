#!/usr/bin/env bash
# Fuzz the loaders and the rule-pack parser for a bounded time (default 300 s); not run in CI.
# Usage: fuzz/run.sh [SECONDS]   Crashes are written to fuzz/crashes/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
python="${PYTHON:-.venv/bin/python}"
mkdir -p fuzz/corpus fuzz/crashes
for f in seeds/*.txt rules/boilerplate/*.yaml tests/cases/*.yaml; do
  [ -e "fuzz/corpus/$(basename "$f")" ] || cp "$f" fuzz/corpus/
done
PYTHONPATH=. "$python" fuzz/fuzz_loaders.py -max_total_time="$seconds" -timeout=20 \
  -rss_limit_mb=2048 -artifact_prefix=fuzz/crashes/ fuzz/corpus
