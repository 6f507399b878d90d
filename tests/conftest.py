from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from checker import Checker, Config, Report

# CLI tests check afresh and leave no cache in the checkout; tests/test_runner.py tests the cache.
os.environ.setdefault("FACTCHECK_NO_CACHE", "1")

# No property test is timed: speed lives in benchmarks/, and a deadline only fails on a busy machine.
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_271244230b04580b.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "polnear"


def assert_quoted(path: Path, sentence: str) -> None:
    """A test sentence is quoted from its corpus file (skipped when the corpus is not beside the
    repository), white space folded, so tests cite real copy and never drift from it."""
    if not path.exists():
        pytest.skip("corpus not beside the repository")
    flat = " ".join(path.read_text(encoding="utf-8").split())
    assert " ".join(sentence.split())[:60] in flat, f"not quoted from {path.name}"


def constraints_of(checker: Checker, text: str, kind: str) -> list:
    """The constraints of one kind that the checker finds in the text."""
    return [k for k in checker.check_text(text).constraints if k.kind == kind]


@pytest.fixture(scope="session")
def checker() -> Checker:
    return Checker().warm_up()


@pytest.fixture(scope="session")
def stated_checker() -> Checker:
    """A desk that also wants unsourced figures stated as fact reported, at info
    (`sourcing.unsourced-number`'s `stated-figure = "info"`; off by default): what covers or
    excuses a figure then shows against a near miss that is only a stated figure."""
    options = {"sourcing.unsourced-number": {"stated-figure": "info"}}
    return Checker(Config(rule_options=options)).warm_up()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_report(checker: Checker) -> Report:
    return checker.check_paths([SEED])
