"""The Dask bag adapter, run locally with two worker processes (skipped without dask)."""

from __future__ import annotations

import shutil

import pytest

from checker import Checker, Config
from checker.models import DocumentReport, InputError

from .conftest import CORPUS, SEED

db = pytest.importorskip("dask.bag")
dask = pytest.importorskip("dask")

from checker.distributed import check_files, check_texts, expand


@pytest.fixture()
def archive(tmp_path):
    articles = sorted((CORPUS / "train" / "text").glob("*.txt"))[:4] or [SEED]
    for i, article in enumerate(articles):
        shutil.copy(article, tmp_path / f"{i:02d}_{article.name}")
    (tmp_path / "zz_binary.txt").write_bytes(b"\x00\x01\x02")
    return tmp_path


def test_check_files_on_two_worker_processes_matches_a_local_run(archive):
    config = Config(select=["boilerplate", "input"])
    bag = check_files([archive / "*.txt", archive / "missing.txt"], config, npartitions=2)
    with dask.config.set(scheduler="processes", num_workers=2):
        results = bag.compute()
    local = Checker(config).iter_check(expand([archive / "*.txt", archive / "missing.txt"]))
    assert results == [item.model_dump(mode="json") for item in local]
    docs = [DocumentReport.model_validate(r) for r in results if "findings" in r]
    errors = [InputError.model_validate(r) for r in results if "findings" not in r]
    assert len(docs) == len(results) - 2 and all(doc.claims for doc in docs)
    assert {e.path.rsplit("/", 1)[-1] for e in errors} == {"zz_binary.txt", "missing.txt"}


def test_check_texts_takes_path_text_pairs(archive):
    pairs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(archive.glob("0*.txt"))[:2]]
    with dask.config.set(scheduler="sync"):
        results = check_texts(db.from_sequence(pairs, npartitions=2)).compute()
    assert [r["path"] for r in results] == [name for name, _ in pairs]
    assert results[0] == Checker().check_text(pairs[0][1], path=pairs[0][0]).model_dump(mode="json")
