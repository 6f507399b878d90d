"""Peak memory of one `factcheck` run over N articles built by repeating the train corpus.

    PYTHONPATH=. python benchmarks/scale.py --articles 1000          # one case, ~minutes
    PYTHONPATH=. python benchmarks/scale.py --articles 1000 10000    # the second takes hours

Each case runs the CLI (`-f json -o FILE`, streamed) in a child process, samples its resident
memory (VmRSS) every second against the number of documents written so far, and takes the peak
from the kernel (ru_maxrss). Results go to benchmarks/results/scale.json as each case finishes;
a case already there is skipped unless --force, so an interrupted run resumes where it stopped.
The article folders are symlinks into the corpus, built once under --workdir and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "polnear" / "train" / "text"
RESULTS = ROOT / "benchmarks" / "results" / "scale.json"
DOC_MARK = b'\n    {\n      "path": '  # a document's start in the streamed JSON


def build(folder: Path, articles: int) -> Path:
    """`articles` files under `folder`, article i being train file i mod 840 (symlinks)."""
    sources = sorted(CORPUS.glob("*.txt"))
    if not sources:
        sys.exit(f"no corpus at {CORPUS}")
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(articles):
        link = folder / f"{i:05d}_{sources[i % len(sources)].name}"
        if not link.is_symlink():
            link.symlink_to(sources[i % len(sources)])
    return folder


def rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def measure(folder: Path, articles: int, out: Path) -> dict:
    """Run the CLI over the folder; sample RSS against documents written; return the figures."""
    cmd = [
        sys.executable,
        "-m",
        "checker.cli",
        "check",
        str(folder),
        "-f",
        "json",
        "-o",
        str(out),
        "--fail-on",
        "never",
        "--no-cache",
    ]  # fmt: skip  (repeated articles must be checked)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    child = subprocess.Popen(cmd, env=env, cwd=ROOT)
    samples: list[tuple[int, int]] = []  # (documents written, RSS in KB)
    written, tail, handle = 0, b"", None
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(1)
        if handle is None:  # the CLI writes a hidden temporary file, renamed when complete
            partial = next(iter(out.parent.glob(f".{out.name}.*.tmp")), None)
            partial = partial or (out if out.exists() else None)
            handle = partial.open("rb") if partial else None
        if handle is not None:
            data = tail + handle.read()
            written += data.count(DOC_MARK)
            tail = data[-(len(DOC_MARK) - 1) :]
        rss = rss_kb(child.pid)
        if rss:
            samples.append((written, rss))
    if handle is not None:
        handle.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.monotonic() - started
    peak_kb = usage.ru_maxrss
    return {
        "articles": articles,
        "exit_code": child.returncode,
        "seconds": round(elapsed, 1),
        "articles_per_second": round(articles / elapsed, 2),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "rss_mb_by_documents": _curve(samples),
        "report_mb": round(out.stat().st_size / 2**20, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
        "measured": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def _curve(samples: list[tuple[int, int]], points: int = 10) -> dict[str, float]:
    """RSS at about every tenth of the run, keyed by documents written so far."""
    if not samples:
        return {}
    step = max(1, len(samples) // points)
    picked = samples[::step] + [samples[-1]]
    return {str(done): round(kb / 1024, 1) for done, kb in picked}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/factcheck-scale"))
    parser.add_argument("--force", action="store_true", help="re-measure finished cases")
    args = parser.parse_args()
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for n in args.articles:
        if str(n) in results and not args.force:
            print(f"{n}: already measured (use --force): {results[str(n)]['peak_rss_mb']} MB peak")
            continue
        folder = build(args.workdir / str(n), n)
        print(f"{n}: checking {folder} ...", flush=True)
        results[str(n)] = measure(folder, n, args.workdir / f"report-{n}.json")
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
        print(json.dumps(results[str(n)], indent=2), flush=True)


if __name__ == "__main__":
    main()
