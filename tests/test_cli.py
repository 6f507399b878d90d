"""The CLI on the seed and on bad input: exit codes, JSON round trip, one-line errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from checker.cli import app
from checker.models import Report

from .conftest import SEED

runner = CliRunner()


def test_seed_exits_1_because_of_boilerplate():
    result = runner.invoke(app, [str(SEED)])
    assert result.exit_code == 1, result.output
    assert "boilerplate.web" in result.output
    assert "Claims:" in result.output and "Findings:" in result.output
    assert result.output.rstrip().splitlines()[-1].startswith("1 document checked")


def test_json_parses_back_into_report():
    result = runner.invoke(app, [str(SEED), "--format", "json"])
    report = Report.model_validate_json(result.stdout)
    assert report.documents[0].path == str(SEED)
    assert (
        report.model_dump_json()
        == Report.model_validate_json(report.model_dump_json()).model_dump_json()
    )


def test_fail_on_never_exits_0():
    assert runner.invoke(app, [str(SEED), "--fail-on", "never"]).exit_code == 0


def test_ignoring_the_failing_rules_exits_0():
    assert (
        runner.invoke(app, [str(SEED), "--ignore", "boilerplate"]).exit_code == 1
    )  # entity.name-role
    assert (
        runner.invoke(app, [str(SEED), "--ignore", "boilerplate", "--ignore", "entity"]).exit_code
        == 0
    )


def test_bad_inputs_get_one_line_each_and_the_rest_is_checked(tmp_path):
    (tmp_path / "good.txt").write_text("The Pentagon said 300 troops will go to Poland.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / ".hidden.txt").write_text("Sign up to receive our latest news!")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    result = runner.invoke(app, [str(tmp_path), str(tmp_path / "missing.txt"), "-f", "json"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("factcheck:")]
    assert len(errors) == 3, result.stderr
    assert any("binary.txt" in e and "binary" in e for e in errors)
    assert any("latin1.txt" in e and "UTF-8" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)
    report = Report.model_validate_json(result.stdout)
    assert sorted(d.path.rsplit("/", 1)[-1] for d in report.documents) == ["empty.txt", "good.txt"]


def test_schema_is_json_schema_of_report():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "Report" and "documents" in schema["properties"]


def test_unknown_format_is_a_usage_error():
    result = runner.invoke(app, [str(SEED), "--format", "yaml"])
    assert result.exit_code == 2


def test_check_does_not_write_to_articles(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Sign up to receive our latest news!")
    before = article.stat().st_mtime_ns
    runner.invoke(app, [str(article)])
    assert (
        article.stat().st_mtime_ns == before
        and article.read_text() == "Sign up to receive our latest news!"
    )


def test_a_date_that_does_not_exist_is_a_usage_error():
    # an impossible --date used to be taken as given and silently turned every date check off
    for bad in ("2022-02-30", "2022/02/02", "yesterday"):
        result = runner.invoke(app, [str(SEED), "--date", bad])
        assert result.exit_code == 2, (bad, result.output)
        assert "date" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_output_in_a_missing_folder_names_the_output_not_a_temporary_file(tmp_path):
    target = tmp_path / "missing" / "report.json"
    result = runner.invoke(app, [str(SEED), "--format", "json", "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"factcheck: {target}: No such file or directory"


def test_version():
    from checker import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"factcheck {__version__}"
