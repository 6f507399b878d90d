"""The pipeline fuzzer's harness (fuzz/fuzz_pipeline.py) on fixed inputs, so that it cannot rot
while nobody runs the fuzzer: each input takes one of its two targets."""

from __future__ import annotations

import importlib.util

import pytest

from .conftest import ROOT

spec = importlib.util.spec_from_file_location("fuzz_pipeline", ROOT / "fuzz" / "fuzz_pipeline.py")
assert spec is not None and spec.loader is not None
harness = importlib.util.module_from_spec(spec)
spec.loader.exec_module(harness)

INPUTS = [
    bytes(range(0, 120, 2)),  # text: words, figures, quotation marks, cue verbs
    bytes([0, 9, 9, 3, 3, 6, 6, 3, 12, 3, 0, 5, 1]),  # text with figures that may add up
    bytes([1, *range(40, 52), *range(7)]),  # relations over distinct figures
    bytes([3, 10, 10, 10, 20, 20, 30, 30, 30, 40, 40, 50, 50, 0, 2, 4, 6, 8, 10, 12]),
]


@pytest.mark.parametrize("data", INPUTS)
def test_the_pipeline_harness_runs_clean_on_fixed_inputs(data):
    harness.one_input(data)


def test_the_harness_builds_articles_with_figures_and_cues():
    text = harness.article(bytes(range(90)))
    assert any(ch.isdigit() for ch in text) and "said" in text and "“" in text
