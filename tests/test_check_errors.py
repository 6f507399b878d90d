"""Problems of the checker itself travel in each document's report and every face shows them the
same way, once each (checker/problems.py).

Two bugs these reproduce: the module-level `check_text` never cleared the errors of a rule that
had crashed, so every later call reported that crash again, even on clean text; and the language
server never showed a broken pack or a crashing rule, while its list of them grew for ever.
"""

from __future__ import annotations

from collections.abc import Iterable

from pygls.workspace import Workspace
from typer.testing import CliRunner

from checker import engine
from checker.analysis import Analysis
from checker.cli import app
from checker.config import Config
from checker.engine import Checker
from checker.lsp.positions import source_lines
from checker.lsp.server import Checked, FactcheckServer
from checker.models import Finding, Severity
from checker.problems import REMEMBERED, Problems
from checker.rules.base import PythonRule

CLEAN = "The Pentagon said 300 troops will go to Poland."
BOOM = "The Pentagon said BOOM: 300 troops will go to Poland."


class Crashes(PythonRule):
    """Raises on copy that says BOOM, as a buggy plugin might.

    ## What it checks
    Nothing: a test rule.

    ## Why it matters
    A crash must cost its own findings on one document, and be shown once.

    ## Example
    BOOM.

    ## Suggested fix
    None.
    """

    id = "test.crashes"
    severity = Severity.warning

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        if "BOOM" in analysis.text:
            raise RuntimeError("boom")
        return ()


def _broken_pack(tmp_path) -> str:
    (tmp_path / "house.yaml").write_text("rules:\n  - id: house.x\n    kind: nosuchkind\n")
    return str(tmp_path)


def test_module_check_text_does_not_repeat_an_old_crash():
    config = Config(reference_year=1999)  # a checker of this test's own (one per config)
    shared, _ = engine._shared_checker(config)
    shared._rules = [*shared.rules, Crashes()]
    try:
        crashed = engine.check_text(BOOM, config=config)
        assert [e.message for e in crashed.errors] == [
            "rule test.crashes failed on <text>: RuntimeError: boom"
        ]
        assert crashed.documents[0].errors[0].rule_id == "test.crashes"
        clean = engine.check_text(CLEAN, config=config)
        assert clean.errors == [] and clean.documents[0].errors == []
    finally:
        engine._checker_for.cache_clear()


def test_a_broken_pack_travels_in_every_report_and_is_shown_once(tmp_path):
    checker = Checker(Config(packs=[_broken_pack(tmp_path)]))
    first, second = checker.check_text(CLEAN), checker.check_text(CLEAN)
    assert first.errors == second.errors and first.errors[0].origin == "setup"
    assert "house.yaml" in first.errors[0].message
    report = checker.check_paths([])  # no document: the broken pack is still said
    assert [e.path for e in report.errors] == ["<rules>"]


def test_the_cli_shows_each_problem_once_and_exits_2(tmp_path):
    (tmp_path / "pack").mkdir()
    config = tmp_path / "factcheck.toml"
    config.write_text(f"packs = [{_broken_pack(tmp_path / 'pack')!r}]\n")
    articles = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path in articles:
        path.write_text(CLEAN)
    result = CliRunner().invoke(app, [*map(str, articles), "--no-cache", "--config", str(config)])
    assert result.exit_code == 2
    assert result.stderr.count("house.yaml") == 1, result.stderr


def _server(checker: Checker) -> tuple[FactcheckServer, list[str]]:
    server = FactcheckServer()
    server.protocol._workspace = Workspace(None)
    server.checker = checker
    shown: list[str] = []
    server.window_show_message = lambda params: shown.append(params.message)  # type: ignore
    server.text_document_publish_diagnostics = lambda params: None  # type: ignore
    return server, shown


def _publish(server: FactcheckServer, text: str) -> None:
    report = server.check_source(text, "/desk/story.txt")
    server.publish("file:///desk/story.txt", Checked(1, source_lines(text), report))


def test_the_language_server_shows_a_broken_pack_and_a_crash_once_each(tmp_path):
    checker = Checker(Config(packs=[_broken_pack(tmp_path)]))
    checker._rules = [*checker.rules, Crashes()]
    server, shown = _server(checker)
    for text in (BOOM, BOOM, CLEAN):
        _publish(server, text)
    assert len(shown) == 2, shown
    assert "house.yaml" in shown[0]
    assert shown[1] == "factcheck: rule test.crashes failed on /desk/story.txt: RuntimeError: boom"


def test_a_long_session_remembers_a_bounded_number_of_problems():
    problems = Problems()
    for n in range(3 * REMEMBERED):
        problems.finish([f"pack {n} is broken"])
    assert len(problems.seen) <= REMEMBERED


def test_a_report_with_errors_is_not_cached(tmp_path):
    from checker.runner import Runner

    (tmp_path / "a.txt").write_text(BOOM)
    runner = Runner(Config(), cache_dir=tmp_path / "cache")
    runner.checker._rules = [*runner.rules, Crashes()]
    first = list(runner.run([tmp_path / "a.txt"]))
    assert any(getattr(i, "path", "") == "<rules>" for i in first)
    again = list(runner.run([tmp_path / "a.txt"]))  # checked again, so the crash shows again
    assert any(getattr(i, "path", "") == "<rules>" for i in again)


def test_a_broken_knowledge_pack_is_reported_with_worker_processes_too(tmp_path):
    # before: with --jobs 2 the workers opened the knowledge base and the parent, which listed
    # the problems, never did, so the broken pack went unreported
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "organisations.yaml").write_text("organisations: [{id: x, name: [unclosed\n")
    articles = [tmp_path / f"{n}.txt" for n in "ab"]
    for path in articles:
        path.write_text(CLEAN)
    command = [*map(str, articles), "--no-cache", "--jobs", "2", "--knowledge", str(knowledge)]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2
    assert result.stderr.count("organisations.yaml") == 1, result.stderr
