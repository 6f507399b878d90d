"""The run loop: same results in the same order whatever --jobs is, and a cache that never lies."""

from __future__ import annotations

import io
import multiprocessing
import os
import shutil

import pytest
from typer.testing import CliRunner

from checker import runner as runner_module
from checker.cli import app
from checker.config import Config
from checker.models import DocumentReport, InputError, Report
from checker.progress import Progress, wanted
from checker.runner import Runner

from .conftest import CORPUS, SEED

ARTICLES = {
    "a.txt": "The Pentagon said 300 troops will go to Poland.\n",
    "b.md": "# Title\n\nSign up to receive our latest news!\n",
    "c.html": "<p>About 1,700 soldiers arrived on Wednesday.</p>",
    "d.txt": "Another 2,000 troops are on standby, officials said.\n",
}


@pytest.fixture()
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, body in ARTICLES.items():
        (folder / name).write_text(body, encoding="utf-8")
    (folder / "broken.txt").write_bytes("caf\xe9".encode("latin-1"))
    return folder


def dump(items) -> list[str]:
    return [item.model_dump_json() for item in items]


def test_two_jobs_give_the_same_results_in_the_same_order(articles):
    one = list(Runner(jobs=1).run([articles]))
    assert dump(Runner(jobs=2).run([articles])) == dump(one)
    assert [r.path.rsplit("/", 1)[-1] for r in one] == [
        "a.txt",
        "b.md",
        "broken.txt",
        "c.html",
        "d.txt",
    ]
    assert isinstance(one[2], InputError) and "UTF-8" in one[2].message


def _unreachable(*_a, **_k):
    raise AssertionError("a cached article was checked again")


def test_unchanged_article_comes_from_the_cache(articles, tmp_path):
    cache = tmp_path / "cache"
    first = dump(Runner(cache_dir=cache).run([articles]))
    again = Runner(cache_dir=cache)
    again.checker.check_document = _unreachable  # type: ignore[method-assign]
    assert dump(again.run([articles])) == first
    assert (cache / "CACHEDIR.TAG").exists() and (cache / ".gitignore").read_text() == "*\n"


def test_a_moved_article_is_a_hit_and_keeps_its_new_path(articles, tmp_path):
    cache = tmp_path / "cache"
    list(Runner(cache_dir=cache).run([articles / "a.txt"]))
    moved = shutil.copy(articles / "a.txt", tmp_path / "moved.txt")
    again = Runner(cache_dir=cache)
    again.checker.check_document = _unreachable  # type: ignore[method-assign]
    [report] = again.run([moved])
    assert report.path == str(moved)


def test_changed_article_or_rules_are_checked_again(articles, tmp_path):
    cache = tmp_path / "cache"
    list(Runner(cache_dir=cache).run([articles]))
    (articles / "b.md").write_text(
        "Sign up to receive our latest news! Twice: Sign up to receive our latest news!"
    )
    [report] = Runner(cache_dir=cache).run([articles / "b.md"])
    assert len(report.findings) == 2
    [ignored] = Runner(Config(ignore=["boilerplate"]), cache_dir=cache).run([articles / "b.md"])
    assert ignored.findings == []


def test_broken_cache_entries_are_ignored_and_replaced(articles, tmp_path):
    cache = tmp_path / "cache"
    first = dump(Runner(cache_dir=cache).run([articles]))
    entries = sorted((cache / "v1").rglob("*.json"))
    assert len(entries) == len(ARTICLES)  # the undecodable file is not cached
    entries[0].write_text('{"path": "x", "findings": [')
    entries[1].write_bytes(b"\x00\x01")
    assert dump(Runner(cache_dir=cache).run([articles])) == first


def test_a_cache_that_cannot_be_written_does_not_stop_the_run(articles, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    results = list(Runner(cache_dir=blocker / "cache").run([articles]))
    assert sum(isinstance(r, DocumentReport) for r in results) == len(ARTICLES)


def test_input_errors_are_reported_in_order_and_never_cached(articles, tmp_path):
    results = list(Runner(cache_dir=tmp_path / "cache").run([articles, tmp_path / "missing.txt"]))
    errors = [r for r in results if isinstance(r, InputError)]
    assert [e.path.rsplit("/", 1)[-1] for e in errors] == ["broken.txt", "missing.txt"]
    assert results[-1] is errors[-1]


def test_progress_bar_only_for_a_terminal_and_many_files():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert (
        not wanted(100, io.StringIO())
        and not wanted(5, Tty())
        and not wanted(100, Tty(), quiet=True)
    )
    assert wanted(100, Tty())
    stream = Tty()
    bar = Progress(3, stream, interval=0)
    for _ in range(3):
        bar.advance()
    bar.close()
    assert "3/3 files" in stream.getvalue() and stream.getvalue().endswith("\r")


# --- the CLI over the runner -------------------------------------------------------------------

cli = CliRunner()


def test_stdin_with_a_filename(tmp_path):
    result = cli.invoke(
        app,
        ["-", "--stdin-filename", "desk/story.md", "-f", "json", "--cache-dir", str(tmp_path)],
        input="# Story\n\nSign up to receive our latest news!\n",
    )
    assert result.exit_code == 1, result.output
    [doc] = Report.model_validate_json(result.stdout).documents
    assert doc.path == "desk/story.md" and doc.findings[0].span.line == 3


def test_quiet_prints_one_line_per_failing_finding(tmp_path):
    result = cli.invoke(app, [str(SEED), "--quiet", "--no-cache"])
    lines = result.stdout.splitlines()
    assert result.exit_code == 1 and lines and all(line.startswith(f"{SEED}:") for line in lines)
    assert all(" error " in line for line in lines)


def test_statistics_and_output_file(tmp_path):
    out = tmp_path / "report.sarif"
    result = cli.invoke(
        app, [str(SEED), "-f", "sarif", "-o", str(out), "--statistics", "--no-cache"]
    )
    assert result.exit_code == 1 and result.stdout == ""
    assert "boilerplate.web" in result.stderr and '"version": "2.1.0"' in out.read_text()


def test_output_to_a_missing_folder_is_exit_2(tmp_path):
    result = cli.invoke(
        app, [str(SEED), "-o", str(tmp_path / "no" / "such" / "file.json"), "--no-cache"]
    )
    assert result.exit_code == 2 and "factcheck:" in result.stderr


@pytest.mark.parametrize("fail_on,code", [("error", 1), ("never", 0)])
def test_exit_codes_hold_for_every_format(fail_on, code, tmp_path):
    for fmt in ("sarif", "junit", "github", "markdown"):
        result = cli.invoke(
            app, [str(SEED), "-f", fmt, "--fail-on", fail_on, "--cache-dir", str(tmp_path)]
        )
        assert result.exit_code == code, (fmt, result.output)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not available")
def test_corpus_article_same_report_cached_or_not(tmp_path):
    article = min((CORPUS / "train" / "text").glob("*.txt"))
    runs = [
        cli.invoke(
            app,
            [str(article), "-f", "sarif", "--cache-dir", str(tmp_path)],
            env={"FACTCHECK_NO_CACHE": "0"},
        )
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout and runs[0].exit_code == runs[1].exit_code
    assert len(list((tmp_path / "v1").rglob("*.json"))) == 1


def test_run_key_follows_knowledge_files_and_settings(tmp_path):
    from checker.cache import run_key

    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "people.yaml").write_text("people: []\n")
    config = Config(knowledge=[str(kb)])
    before = run_key(config, [], "0.1.0")
    assert run_key(config, [], "0.1.0") == before
    (kb / "people.yaml").write_text("people: [{id: x, name: X}]\n")
    changed = run_key(config, [], "0.1.0")
    assert (
        len(
            {
                before,
                changed,
                run_key(config, [], "0.2.0"),
                run_key(Config(date="2022-02-02"), [], "0.1.0"),
            }
        )
        == 4
    )


def test_statistics_table_counts_per_rule():
    from checker.formats import statistics
    from checker.formats.base import Totals

    from .test_formats import tricky_report

    table = statistics.render(Totals.of(tricky_report()))
    assert table.splitlines()[0].split() == ["count", "rule", "severity"]
    assert len(table.splitlines()) == 2 + 4 and "style.kyiv" in table


def test_output_file_is_complete_and_never_checked_itself(articles):
    out = articles / "report.md"
    result = cli.invoke(app, [str(articles), "-f", "markdown", "-o", str(out), "--no-cache"])
    assert result.exit_code == 2 and out.read_text().startswith("### factcheck report")
    assert "report.md" not in out.read_text() and not list(articles.glob(".*.tmp"))


def test_order_holds_when_cache_hits_and_workers_mix(articles, tmp_path):
    cache = tmp_path / "cache"
    list(Runner(cache_dir=cache).run([articles / "a.txt", articles / "d.txt"]))
    expected = dump(Runner().run([articles]))
    assert dump(Runner(jobs=2, cache_dir=cache).run([articles])) == expected


def _die_on_b(checker, job, cache):
    if job.path.endswith("b.md"):
        os._exit(3)
    return _real_check_job(checker, job, cache)


_real_check_job = runner_module.check_job


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the patch reaches workers by fork"
)
def test_a_dying_worker_costs_documents_not_the_run(articles, monkeypatch):
    monkeypatch.setattr(runner_module, "check_job", _die_on_b)
    results = list(Runner(jobs=2).run([articles]))
    assert [r.path.rsplit("/", 1)[-1] for r in results] == [
        "a.txt",
        "b.md",
        "broken.txt",
        "c.html",
        "d.txt",
    ]
    b = results[1]
    assert isinstance(b, InputError) and "worker process died" in b.message
    # the jobs in flight beside it are checked again on a fresh worker, not lost with it
    others = [results[i] for i in (0, 3, 4)]
    assert all(isinstance(r, DocumentReport) for r in others), others


def test_output_through_a_symlink_or_into_a_pipe(tmp_path):
    import stat
    import threading

    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert cli.invoke(app, [str(SEED), "-f", "json", "-o", str(link)]).exit_code == 1
    assert link.is_symlink() and Report.model_validate_json(real.read_text()).documents

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()))
    reader.start()
    assert cli.invoke(app, [str(SEED), "-f", "github", "-o", str(pipe)]).exit_code == 1
    reader.join(timeout=60)
    assert stat.S_ISFIFO(pipe.stat().st_mode) and "::error file=" in received[0]
