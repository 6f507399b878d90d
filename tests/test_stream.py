"""Streaming: the CLI writes each document's report as it is checked and keeps only counts."""

from __future__ import annotations

import io

import pytest

from checker import Checker, Config
from checker.formats import render
from checker.models import DocumentReport, InputError
from checker.stream import Tally, run

from .conftest import SEED


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.md").write_text("# Head\n\nThe Pentagon said 300 troops will go.\n")
    (tmp_path / "c.txt").write_bytes(b"\xff\x00binary")
    (tmp_path / "d.html").write_text("<p>Moscow said 100,000 troops.</p>")
    return tmp_path


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_streamed_output_is_the_whole_report_rendered(checker, folder, fmt):
    out = io.StringIO()
    tally = run(checker, [folder, folder / "missing.txt"], fmt, out)
    report = checker.check_paths([folder, folder / "missing.txt"])
    assert out.getvalue() == render(report, fmt)
    assert tally == Tally.of(report) and tally.worst == report.worst()


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_streaming_an_empty_run(checker, tmp_path, fmt):
    out = io.StringIO()
    run(checker, [tmp_path], fmt, out)
    assert out.getvalue() == render(checker.check_paths([tmp_path]), fmt)


def test_iter_check_reads_each_file_only_when_asked(folder):
    later = folder / "later.txt"
    items = Checker(Config()).iter_check([folder / "b.md", later])
    assert isinstance(next(items), DocumentReport)
    later.write_text("The Pentagon said 300 troops will go.")  # did not exist at the start
    assert isinstance(next(items), DocumentReport)
    assert next(items, None) is None


def test_iter_check_yields_errors_in_order(folder):
    kinds = [type(i).__name__ for i in Checker().iter_check([folder])]
    assert kinds == ["DocumentReport", "DocumentReport", "InputError", "DocumentReport"]
    assert InputError.__name__ in kinds


def test_unwritable_output_is_one_line_and_exit_2(tmp_path):
    from typer.testing import CliRunner

    from checker.cli import app

    result = CliRunner().invoke(app, [str(SEED), "-o", str(tmp_path)])  # a folder, not a file
    assert result.exit_code == 2
    assert result.stderr.strip() == f"factcheck: cannot write the report to {tmp_path}: Is a directory"
