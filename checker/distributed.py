"""Run the checker over an archive on Dask bag (`pip install 'factcheck[dask]'`).

Each partition is checked by one warm `Checker` per worker process (the spaCy pipeline and the
rules load once per process, not once per article), and yields plain JSON-ready dicts so results
move between processes cheaply and land in any Dask sink:

    import dask
    from checker import Config
    from checker.distributed import check_files

    bag = check_files(["archive/2015/*.txt", "archive/2016/*.html"], Config(time_budget=30))
    with dask.config.set(scheduler="processes", num_workers=8):
        bag.map(json.dumps).to_textfiles("reports/*.jsonl")   # one line per article

Each item is a `DocumentReport` dumped to a dict, or an `InputError` dict (it has "message" and
no "findings"). `check_texts` takes a bag of `(path, text)` pairs instead, for archives that live
in a database or a tarball rather than in files.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from typing import Any

from checker.config import Config
from checker.discover import iter_files
from checker.engine import Checker
from checker.models import InputError

_CHECKERS: dict[str, Checker] = {}  # one warm Checker per config per worker process


def _checker(config_json: str) -> Checker:
    if config_json not in _CHECKERS:
        _CHECKERS[config_json] = Checker(Config.model_validate_json(config_json)).warm_up()
    return _CHECKERS[config_json]


def _check_paths(paths: Iterable[str], config_json: str) -> list[dict[str, Any]]:
    checker = _checker(config_json)
    return [item.model_dump(mode="json") for item in checker.iter_check(paths)]


def _check_texts(pairs: Iterable[tuple[str, str]], config_json: str) -> list[dict[str, Any]]:
    checker = _checker(config_json)
    return [_check_text(checker, path, text) for path, text in pairs]


def _check_text(checker: Checker, path: str, text: str) -> dict[str, Any]:
    try:
        return checker.check_text(text, path=path).model_dump(mode="json")
    except Exception as exc:  # noqa: BLE001 - one bad article must not fail the partition
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        return InputError(path=path, message=f"internal error: {reason}").model_dump(mode="json")


def expand(patterns: Sequence[str | os.PathLike[str]]) -> list[str]:
    """Files to check: globs expanded, folders walked (txt, md, html), in a stable order."""
    found: list[str] = []
    for pattern in patterns:
        matches = sorted(glob.glob(os.fspath(pattern), recursive=True)) or [os.fspath(pattern)]
        found.extend(path for path, _ in iter_files(matches))
    return found


def check_files(
    patterns: Sequence[str | os.PathLike[str]],
    config: Config | None = None,
    npartitions: int | None = None,
):
    """A Dask bag of report dicts, one per file matched by the globs, folders or paths."""
    import dask.bag as db

    paths = expand(patterns)
    bag = db.from_sequence(paths, npartitions=npartitions or _partitions(len(paths)))
    return bag.map_partitions(_check_paths, (config or Config()).model_dump_json())


def check_texts(pairs, config: Config | None = None):
    """A Dask bag of report dicts from a bag (or sequence) of `(path, text)` pairs."""
    import dask.bag as db

    if not isinstance(pairs, db.Bag):
        pairs = list(pairs)
        pairs = db.from_sequence(pairs, npartitions=_partitions(len(pairs)))
    return pairs.map_partitions(_check_texts, (config or Config()).model_dump_json())


def _partitions(items: int) -> int:
    """About 50 articles a partition: long enough to amortise a task, short enough to balance."""
    return max(1, min(items, (items + 49) // 50))
