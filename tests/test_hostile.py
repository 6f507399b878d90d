"""The hostile shapes of benchmarks/shapes.py, small: each is checked soundly, every cut is said
in its report, and a folder of all of them beside the seed keeps the seed's findings.

(Their full sizes, time and memory are measured by benchmarks/hostile_inputs.py --folder and
benchmarks/scaling.py, never here: a timed unit test measures the machine, not the code.)
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from benchmarks.shapes import SHAPES
from checker import Checker, Config
from checker.cli import app
from checker.nlp import SENTENCE_CAP

from .conftest import ROOT, SEED
from .test_properties import assert_sound

SIZE = 8_000  # characters: well past the sentence cap for the run-on shapes
RUN_ON = {"troops", "no-end", "cues", "quotes", "figures"}  # 600+ tokens, no end; table rows end


@pytest.fixture(scope="module")
def default_checker() -> Checker:
    return Checker(Config())


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_hostile_shape_is_checked_soundly_and_its_cuts_are_said(default_checker, shape):
    text, suffix = SHAPES[shape](SIZE)
    report = default_checker.check_text(text, path=f"x.{suffix}")
    assert report.errors == []
    cuts = [f for f in report.findings if f.rule_id == "input.sentence-cut"]
    if shape in RUN_ON:
        (cut,) = cuts
        assert f"of {SENTENCE_CAP} tokens" in cut.message
    else:
        assert cuts == []
    assert_sound(report, text, f"x.{suffix}")  # spans, JSON round trip, no other input.*


def test_a_folder_of_every_shape_keeps_the_seeds_findings(tmp_path):
    for name, make in SHAPES.items():
        text, suffix = make(SIZE)
        (tmp_path / f"{name}.{suffix}").write_text(text, encoding="utf-8")
    (tmp_path / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    runner = CliRunner()
    alone = json.loads(runner.invoke(app, [str(SEED), "-f", "json", "--no-cache"]).stdout)
    result = runner.invoke(app, [str(tmp_path), "-f", "json", "--no-cache"])
    assert result.exit_code == 1  # the seed's errors; no file failed to be checked
    report = json.loads(result.stdout)
    assert report["errors"] == [] and len(report["documents"]) == len(SHAPES) + 1
    (seed,) = [d for d in report["documents"] if d["path"].endswith(SEED.name)]
    key = lambda f: (f["rule_id"], f["span"]["start"], f["message"])
    assert sorted(map(key, seed["findings"])) == sorted(map(key, alone["documents"][0]["findings"]))


def test_the_memory_cap_turns_a_runaway_allocation_into_a_memory_error():
    code = (
        "from checker.limits import cap_memory\n"
        "assert cap_memory(1024)\n"
        "try:\n"
        "    bytearray(2 * 1024 ** 3)\n"
        "except MemoryError:\n"
        "    print('MemoryError')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "MemoryError"
