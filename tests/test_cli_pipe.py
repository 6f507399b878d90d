"""`factcheck ... | head`: a reader that stops early is not an error worth a message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import SEED

ROOT = Path(__file__).resolve().parent.parent


def test_closed_pipe_is_silent():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FACTCHECK_NO_CACHE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", str(SEED), "--format", "sarif"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()  # like `head -1`: read a line, then stop reading
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait()
    assert err == ""
    assert proc.returncode == 2  # the report was not delivered in full
