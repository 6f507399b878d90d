"""The CI gate behind `factcheck check`: run, stream every result to the chosen format, tally,
and decide the exit code (0 pass, 1 findings at or above the fail level, 2 input errors)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from checker import __version__, baseline, fixes, selection
from checker.config import Config
from checker.configs import Configs, plan
from checker.formats import statistics, writer
from checker.formats.base import RuleInfo, RunInfo, Totals
from checker.formats.fanout import FanOut
from checker.models import InputError
from checker.registry import all_rules
from checker.rules.base import fix_safe
from checker.runner import Result, Runner

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class GateOptions:
    fmt: str = "text"
    output: Path | None = None
    quiet: bool = False
    statistics: bool = False
    jobs: int = 1
    cache_dir: Path | None = None
    stdin_name: str | None = None
    write_baseline: Path | None = None
    # several outputs from one run, (format, file or None for stdout); empty: `fmt` to `output`
    outputs: list[tuple[str, Path | None]] = field(default_factory=list)
    fix: bool = False  # write the safe fixes, then report what is left
    diff: bool = False  # print the safe fixes as a unified diff instead of a report

    def sinks(self) -> list[tuple[str, Path | None]]:
        return self.outputs or [(self.fmt, self.output)]


@contextmanager
def _destination(output: Path | None, stdout: TextIO) -> Iterator[TextIO]:
    """stdout, or a hidden temporary file beside `output` that replaces it only when the report
    is complete: a CI job never reads half a report, and the run never checks its own output."""
    if output is None:
        yield stdout
        return
    target = output.resolve()  # write through symbolic links, never replace them
    if target.exists() and not target.is_file():  # /dev/stdout, a named pipe: write as it is
        with open(output, "w", encoding="utf-8") as handle:
            yield handle
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:  # name the file asked for, not the temporary one
        raise type(exc)(exc.errno, exc.strerror, str(output)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def run_gate(
    paths: Iterable[str | os.PathLike[str]],
    config: Config,
    options: GateOptions,
    *,
    configs: Configs | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: BinaryIO | None = None,
) -> int:
    """Check the paths, write the report, and return the exit code. With `configs`, each file
    is checked under its own configuration (`checker.configs`); `config` is the run's."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    runs = plan(paths, config, configs) if configs else [(config, [os.fspath(p) for p in paths])]
    runners: dict[int, Runner] = {}
    for run_config in [config, *(c for c, _ in runs)]:
        if id(run_config) in runners:
            continue
        available, load_errors = all_rules(run_config)
        wrong = selection.problems(run_config, available)
        if wrong:  # a gate that checks nothing must not pass
            named = run_config is not config and run_config.config_file
            where = f"{run_config.config_file}: " if named else ""
            for message in [*wrong, *load_errors]:
                stderr.write(f"factcheck: {where}{message}\n")
            return EXIT_ERROR
        runners[id(run_config)] = Runner(
            run_config, jobs=options.jobs, cache_dir=options.cache_dir, quiet=options.quiet
        )
    rules: dict[str, RuleInfo] = {}
    for runner in runners.values():
        for r in runner.rules:
            severity = runner.config.severity_for(r.id, r.severity)
            rules.setdefault(r.id, RuleInfo.of(r, severity, runner.config.rule_url(r.id)))
    info = RunInfo(
        rules=list(rules.values()),
        fail_on=config.fail_on,
        version=__version__,
        quiet=options.quiet,
    )
    if options.fix or options.diff:
        code = _apply_fixes(runs, runners, options, stdout, stderr)
        if options.diff or code == EXIT_ERROR:
            return code
    known = _read_baseline(config, stderr)
    totals, errors, entries = Totals(), [], []
    with ExitStack() as stack:  # every file is replaced only when the whole run is written
        sink = FanOut(
            [
                writer(fmt, stack.enter_context(_destination(path, stdout)), info)
                for fmt, path in options.sinks()
            ]
        )
        sink.start()
        for item in _results(runs, runners, options, stdin):
            if isinstance(item, InputError):
                errors.append(item)
                sink.error(item)
            else:
                if options.write_baseline:
                    entries.extend(baseline.entries(item, options.write_baseline.parent))
                if known:
                    known.filter(item)
                sink.document(item)
            totals.add(item)
        sink.finish(totals)
    for error in errors:
        stderr.write(f"factcheck: {error.path}: {error.message}\n")
    if known:
        stderr.write(
            f"factcheck: {known.dropped} findings in baseline {config.baseline} not shown\n"
        )
    if options.write_baseline:
        try:
            count = baseline.write_entries(entries, options.write_baseline)
        except OSError as exc:
            raise baseline.BaselineError(
                f"{options.write_baseline}: cannot write baseline: {exc.strerror or exc}"
            ) from None
        stderr.write(f"factcheck: wrote {count} findings to baseline {options.write_baseline}\n")
        return EXIT_ERROR if totals.errors else EXIT_OK
    if options.statistics:
        table = statistics.render(totals)
        to_stdout = ("text", None) in options.sinks()
        (stdout if to_stdout else stderr).write(("\n" if to_stdout else "") + table)
    if totals.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if info.gate_fails(totals) else EXIT_OK


def _results(
    runs: list[tuple[Config, list[str]]],
    runners: dict[int, Runner],
    options: GateOptions,
    stdin: BinaryIO | None,
) -> Iterator[Result]:
    """Every run's results in input order; a broken pack's error once, not once per run."""
    seen: set[tuple[str, str]] = set()
    for run_config, paths in runs:
        runner = runners[id(run_config)]
        for item in runner.run(paths, stdin_name=options.stdin_name, stdin=stdin):
            if isinstance(item, InputError) and item.path not in paths:
                if (item.path, item.message) in seen:
                    continue
                seen.add((item.path, item.message))
            yield item


def _apply_fixes(
    runs: list[tuple[Config, list[str]]],
    runners: dict[int, Runner],
    options: GateOptions,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Check every file and write (--fix) or print (--diff) its safe fixes. --diff: 1 when
    there is a fix to show, 0 when none, 2 on an input error; --fix: 2 when a file could not be
    written, else 0 (the report that follows decides the exit)."""
    plans, failed = [], False
    for run_config, paths in runs:
        runner = runners[id(run_config)]
        safe = frozenset(r.id for r in runner.rules if fix_safe(r))
        for item in runner.run(paths, stdin_name=options.stdin_name):
            if isinstance(item, InputError):
                failed = failed or options.diff
                if options.diff:
                    stderr.write(f"factcheck: {item.path}: {item.message}\n")
                continue
            plan = fixes.plan_file(item, safe, run_config.max_bytes)
            if plan is not None:
                plans.append(plan)
    if options.diff:
        for plan in plans:
            stdout.write(plan.diff())
        return EXIT_ERROR if failed else EXIT_FINDINGS if plans else EXIT_OK
    for plan in plans:
        try:
            fixes.write(plan)
        except OSError as exc:
            stderr.write(f"factcheck: {plan.path}: cannot write fixes: {exc.strerror or exc}\n")
            failed = True
    count = sum(len(plan.edits) for plan in plans)
    findings = "finding" if count == 1 else "findings"
    files = "file" if len(plans) == 1 else "files"
    stderr.write(f"factcheck: fixed {count} {findings} in {len(plans)} {files}\n")
    return EXIT_ERROR if failed else EXIT_OK


def _read_baseline(config: Config, stderr: TextIO) -> baseline.Baseline | None:
    """The configured baseline, or None when there is none yet (every finding then counts)."""
    if not config.baseline:
        return None
    path = Path(config.baseline)
    if not path.exists():
        stderr.write(
            f"factcheck: no baseline {path} yet (--write-baseline makes one); every finding counts\n"
        )
        return None
    return baseline.Baseline(path)
