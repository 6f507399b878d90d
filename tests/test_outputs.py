"""Several outputs from one run: `--output FORMAT[:PATH]`, repeatable; `-o PATH` as before."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from checker.cli import app, parse_output, parse_outputs
from checker.formats import WRITERS, render
from checker.formats.base import Totals
from checker.formats.fanout import FanOut

from .conftest import SEED
from .test_formats import INFO, tricky_report

runner = CliRunner()


def test_a_value_is_a_format_a_format_and_file_or_a_path():
    assert parse_output("github", "text") == ("github", None)
    assert parse_output("sarif:out/f.sarif", "text") == ("sarif", Path("out/f.sarif"))
    assert parse_output("json:", "text") == ("json", None)
    assert parse_output("report.xml", "junit") == ("junit", Path("report.xml"))
    assert parse_output("C:\\r.json", "json") == ("json", Path("C:\\r.json"))  # no format "C"
    assert parse_output("a:b.txt", "text") == ("text", Path("a:b.txt"))
    assert parse_outputs([], "markdown") == [("markdown", None)]


@pytest.mark.parametrize(
    "values", [["github", "text"], ["sarif", "json:"], ["x.json", "./x.json"], ["nope:"]]
)
def test_two_stdouts_a_file_twice_or_an_unknown_format_is_a_usage_error(values):
    with pytest.raises(typer.BadParameter):
        parse_outputs(values, "json")


def test_the_fan_out_gives_every_writer_the_same_stream():
    report, outs = tricky_report(), {name: io.StringIO() for name in WRITERS}
    FanOut([WRITERS[name](out, INFO) for name, out in outs.items()]).write_all(
        [*report.documents, *report.errors], Totals.of(report)
    )
    for name, out in outs.items():
        assert out.getvalue() == render(report, name, INFO), name


def test_one_run_writes_every_output_as_single_runs_do(tmp_path):
    sarif, junit = tmp_path / "f.sarif", tmp_path / "f.xml"
    args = [str(SEED), "--output", f"sarif:{sarif}", "-o", f"junit:{junit}", "--output", "github"]
    both = runner.invoke(app, args)
    assert both.exit_code == 1, both.output
    alone = runner.invoke(app, [str(SEED), "--format", "github"])
    assert both.stdout == alone.stdout and "::" in both.stdout
    legacy = tmp_path / "legacy.sarif"  # `--format F -o PATH` still writes F to PATH
    assert runner.invoke(app, [str(SEED), "--format", "sarif", "-o", str(legacy)]).exit_code == 1
    assert sarif.read_bytes() == legacy.read_bytes()
    assert junit.read_text().startswith("<?xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.sarif", "f.xml", "legacy.sarif"]


def test_several_stdout_outputs_or_an_unknown_format_exit_2():
    for extra in (["--output", "github", "--output", "text"], ["--output", "sarfi:"]):
        result = runner.invoke(app, [str(SEED), *extra])
        assert result.exit_code == 2 and "--output" in result.stderr, result.output
