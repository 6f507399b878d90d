"""The run loop over many files: cache look-ups, worker processes, results in input order.

`Runner.run` yields one `DocumentReport` or `InputError` per input, in the order the files are
listed, whatever `jobs` is, as soon as the next one in order is ready; at most `jobs * WINDOW`
documents are in flight, so memory stays flat however many files a run checks. Cache hits are
answered without starting a worker, so a fully cached run never loads spaCy. Each worker process
builds one warm `Checker` (spaCy pipeline, rules, knowledge) in the pool initializer.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from checker import __version__
from checker.cache import Cache, run_key
from checker.config import Config
from checker.discover import iter_files, named_filter
from checker.engine import Checker
from checker.limits import cap_memory
from checker.load import LoadError, decode, kind_for
from checker.models import DocumentReport, InputError
from checker.problems import Problems
from checker.progress import Progress, wanted
from checker.rules.base import Rule

STDIN = "-"
STDIN_NAME = "<stdin>"
WINDOW = 4  # documents in flight per worker: enough to keep workers busy, little to hold

Result = DocumentReport | InputError
InFlight = tuple["Job", Future[list[Result]], ProcessPoolExecutor]


@dataclass
class Job:
    """One input: a listed file, or the bytes read from stdin."""

    path: str
    problem: str | None = None
    data: bytes | None = None
    key: str | None = None


def check_job(checker: Checker, job: Job, cache: Cache | None) -> list[Result]:
    """Check one input with a warm checker; a failure is that input's error, never the run's.
    A rule that raised costs its findings and travels in the report's `errors`."""
    return [_check_one(checker, job, cache)]


def _check_one(checker: Checker, job: Job, cache: Cache | None) -> Result:
    try:
        if job.data is not None:
            item: Result = checker.check_text(decode(job.data), path=job.path)
        else:
            item = next(iter(checker.iter_check([job.path])))
    except LoadError as exc:
        return InputError(path=job.path, message=str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must cost one document, not the run
        return InputError(path=job.path, message=f"internal error: {type(exc).__name__}: {exc}")
    complete = isinstance(item, DocumentReport) and not item.errors  # else: checked again
    if cache is not None and job.key is not None and complete:
        assert isinstance(item, DocumentReport)
        cache.put(job.key, item)
    return item


# --- worker processes ---------------------------------------------------------------------------

_worker: Checker | None = None
_worker_error: str | None = None


def _init_worker(config: Config) -> None:
    global _worker, _worker_error
    try:
        cap_memory(config.max_memory)
        _worker = Checker(config).warm_up()
    except Exception as exc:  # noqa: BLE001 - reported per document rather than as a broken pool
        _worker_error = f"cannot start a worker: {type(exc).__name__}: {exc}"


def _check_in_worker(job: Job, cache: Cache | None) -> list[Result]:
    if _worker is None:
        return [InputError(path=job.path, message=_worker_error or "worker not started")]
    return check_job(_worker, job, cache)


# --- the run ------------------------------------------------------------------------------------


class Runner:
    def __init__(
        self,
        config: Config | None = None,
        *,
        jobs: int = 1,
        cache_dir: Path | None = None,
        progress: bool | None = None,
        quiet: bool = False,
    ) -> None:
        self.config = config or Config()
        self.checker = Checker(self.config)
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.cache = (
            Cache(cache_dir, run_key(self.config, self.checker.rules, __version__))
            if cache_dir is not None
            else None
        )
        self.progress = progress
        self.quiet = quiet
        self._pool: ProcessPoolExecutor | None = None

    @property
    def rules(self) -> list[Rule]:
        return self.checker.rules

    def list_jobs(
        self,
        paths: Iterable[str | os.PathLike[str]],
        stdin_name: str | None,
        stdin: BinaryIO | None,
    ) -> list[Job]:
        jobs: list[Job] = []
        for raw in paths:
            if str(raw) == STDIN:
                stream = stdin or sys.stdin.buffer
                jobs.append(Job(path=stdin_name or STDIN_NAME, data=stream.read()))
            else:
                found = iter_files(
                    [raw],
                    self.config.wants,
                    gitignore=self.config.respect_gitignore,
                    named=named_filter(self.config),
                )
                jobs.extend(Job(path=path, problem=problem) for path, problem in found)
        return jobs

    def run(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        stdin_name: str | None = None,
        stdin: BinaryIO | None = None,
    ) -> Iterator[Result]:
        """Every input's result in input order (a document's failed rules right after it), then
        one error per broken rule pack, plugin or knowledge pack (`checker.problems`)."""
        problems = Problems()
        jobs = self.list_jobs(paths, stdin_name, stdin)
        show = self.progress if self.progress is not None else wanted(len(jobs), quiet=self.quiet)
        bar = Progress(len(jobs)) if show else None
        try:
            for item in self._ordered(jobs):
                if bar:
                    bar.advance()
                yield item
                if isinstance(item, DocumentReport):
                    yield from problems.document(item)
        finally:
            if bar:
                bar.close()
            self._close()
        yield from problems.finish(self.checker.setup_errors)

    def _ordered(self, jobs: list[Job]) -> Iterator[Result]:
        pending: deque[list[Result] | InFlight] = deque()
        window = self.jobs * WINDOW
        for job in jobs:
            pending.append(self._start(job))
            while pending and (len(pending) >= window or _ready(pending[0])):
                yield from self._finish(pending.popleft(), pending)
        while pending:
            yield from self._finish(pending.popleft(), pending)

    def _start(self, job: Job) -> list[Result] | InFlight:
        if job.problem:
            return [InputError(path=job.path, message=job.problem)]
        if self.cache is not None:
            job.key = self._key(job)
            hit = self.cache.get(job.key, job.path) if job.key else None
            if hit is not None:
                return [hit]
        if self.jobs == 1 or job.data is not None:
            return check_job(self.checker, job, self.cache)
        pool = self._executor()
        return job, pool.submit(_check_in_worker, job, self.cache), pool

    def _key(self, job: Job) -> str | None:
        assert self.cache is not None
        try:
            data = job.data if job.data is not None else Path(job.path).read_bytes()
        except OSError:
            return None  # the check itself reports why the file cannot be read
        # per-file-ignores make the path part of what decides the report, not only the bytes
        off = [r.id for r in self.rules if self.config.ignored_in(job.path, r.id)]
        return self.cache.key(data, "\0".join([kind_for(job.path), *off]))

    def _finish(
        self, item: list[Result] | InFlight, pending: deque[list[Result] | InFlight]
    ) -> list[Result]:
        if not isinstance(item, tuple):
            return item
        job, future, pool = item
        try:
            return future.result()
        except BrokenProcessPool:  # a worker died (out of memory, killed): which job killed it?
            if pool is self._pool:
                pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            self._resubmit(pool, pending)  # the other jobs in flight did nothing wrong
            return self._alone(job)
        except Exception as exc:  # noqa: BLE001 - cancelled, or a result that could not be sent back
            return [
                InputError(path=job.path, message=f"internal error: {type(exc).__name__}: {exc}")
            ]

    def _resubmit(
        self, broken: ProcessPoolExecutor, pending: deque[list[Result] | InFlight]
    ) -> None:
        """Send the jobs that were in flight on a broken pool to a fresh one."""
        for i, entry in enumerate(pending):
            if isinstance(entry, tuple) and entry[2] is broken:
                pool = self._executor()
                pending[i] = (entry[0], pool.submit(_check_in_worker, entry[0], self.cache), pool)

    def _alone(self, job: Job) -> list[Result]:
        """Check a job on a worker of its own: if that worker dies too, the job killed it, and
        it costs its one file."""
        with ProcessPoolExecutor(1, initializer=_init_worker, initargs=(self.config,)) as pool:
            try:
                return pool.submit(_check_in_worker, job, self.cache).result()
            except BrokenProcessPool:
                why = "out of memory, or killed"
                return [InputError(path=job.path, message=f"worker process died ({why})")]

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.jobs, initializer=_init_worker, initargs=(self.config,)
            )
        return self._pool

    def _close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _ready(item: list[Result] | InFlight) -> bool:
    return not isinstance(item, tuple) or item[1].done()
