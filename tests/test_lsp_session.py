"""End to end: `python -m checker.cli lsp` as a subprocess, driven by a JSON-RPC client over
stdio: initialize, didOpen on the seed, diagnostics, a quick fix, hover, an edit, shutdown, exit."""

from __future__ import annotations

import os
import sys
import tempfile

import pytest

from .conftest import ROOT, SEED
from .lsp_client import LspSession

STARTUP = 180  # seconds: spaCy loads in the child, and the machine may be busy
URI = SEED.resolve().as_uri()


def published(uri: str, version: int):
    return lambda p: p["uri"] == uri and p.get("version") == version


@pytest.fixture(scope="module")
def session(seed_text):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile() as stderr:
        command = [sys.executable, "-m", "checker.cli", "lsp"]
        lsp = LspSession(command, cwd=str(ROOT), env=env, stderr=stderr)
        try:
            yield lsp
        finally:
            if lsp.proc.poll() is None:
                lsp.proc.kill()
            lsp.close()
            stderr.seek(0)
            sys.stderr.write(stderr.read().decode("utf-8", "replace")[-4000:])


@pytest.fixture(scope="module")
def opened(session, seed_text):
    result = session.request(
        "initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}}, STARTUP
    )
    session.notify("initialized", {})
    session.notify("textDocument/didOpen", {"textDocument": {
        "uri": URI, "languageId": "plaintext", "version": 1, "text": seed_text,
    }})  # fmt: skip
    diagnostics = session.wait_for("textDocument/publishDiagnostics", published(URI, 1), STARTUP)
    return result, diagnostics["diagnostics"]


def test_initialize_announces_the_features(opened):
    capabilities = opened[0]["capabilities"]
    assert capabilities["codeActionProvider"]
    assert capabilities["hoverProvider"]
    assert opened[0]["serverInfo"]["name"] == "factcheck"


def test_without_dynamic_registration_the_server_registers_no_watchers(session, opened):
    # `opened` waited for diagnostics, which come after `initialized`, where watchers would be
    # asked for (tests/test_lsp_watchers.py has a client that allows it)
    assert not [m for m in session.notifications if m["method"] == "client/registerCapability"]


def test_seed_diagnostics_include_the_boilerplate(opened):
    boilerplate = [d for d in opened[1] if d["code"] == "boilerplate.web"]
    assert len(boilerplate) == 2
    first = boilerplate[0]
    assert first["source"] == "factcheck" and first["severity"] == 1  # Error
    assert first["range"]["start"] == {"line": 20, "character": 0}
    assert "Sign up to receive our latest news!" in first["message"]


def test_code_action_removes_the_boilerplate_line(session, opened):
    diag = next(d for d in opened[1] if d["code"] == "boilerplate.web")
    actions = session.request("textDocument/codeAction", {
        "textDocument": {"uri": URI}, "range": diag["range"], "context": {"diagnostics": [diag]},
    })  # fmt: skip
    action = next(a for a in actions if a["diagnostics"][0]["code"] == "boilerplate.web")
    assert action["kind"] == "quickfix"
    assert action["title"] == "Remove 'Sign up to receive our latest news!'"
    (edit,) = action["edit"]["changes"][URI]
    assert edit == {
        "range": {"start": {"line": 20, "character": 0}, "end": {"line": 21, "character": 0}},
        "newText": "",
    }


def test_every_fix_in_the_report_is_offered_as_a_quick_fix(session, opened, seed_report):
    # boilerplate removal now; Kiev -> Kyiv and Juan Kirby -> John Kirby as those rules land
    fixed = [f for f in seed_report.findings if f.fixes]
    assert fixed
    for finding in fixed:
        position = {"line": finding.span.line - 1, "character": finding.span.column}
        actions = session.request("textDocument/codeAction", {
            "textDocument": {"uri": URI}, "range": {"start": position, "end": position},
            "context": {"diagnostics": []},
        })  # fmt: skip
        offered = {(a["diagnostics"][0]["code"], e["newText"])
                   for a in actions for e in a["edit"]["changes"][URI]}  # fmt: skip
        assert {(finding.rule_id, fix.replacement) for fix in finding.fixes} <= offered


def test_hover_on_a_number_shows_the_quantity_and_its_constraints(
    session, opened, seed_text, seed_report
):
    # "approximately 1,700 are members of the 82nd Airborne" (par. 4 of the seed)
    line = next(i for i, text in enumerate(seed_text.split("\n")) if "1,700" in text)
    character = seed_text.split("\n")[line].index("1,700") + 2
    hover = session.request("textDocument/hover", {
        "textDocument": {"uri": URI}, "position": {"line": line, "character": character},
    })  # fmt: skip
    assert hover is not None
    text = hover["contents"]["value"]
    assert text.startswith("**") and "1,700" in text
    report = seed_report.documents[0]
    (quantity,) = [q for q in report.quantities
                   if q.span.line == line + 1 and "1,700" in q.span.text]  # fmt: skip
    for constraint in report.constraints:  # once the constraints stage lands, each one is listed
        if quantity.id in constraint.quantities:
            assert f"- {constraint.kind} ('{constraint.cue}'" in text
            assert constraint.verdict.value in text


def test_hover_on_a_finding_shows_its_rules_docs(session, opened, seed_text):
    # "Department of Defense press secretary Juan Kirby" (par. 3 of the seed): entity.name-role
    line = next(i for i, text in enumerate(seed_text.split("\n")) if "Juan Kirby" in text)
    character = seed_text.split("\n")[line].index("Juan Kirby") + 2
    hover = session.request("textDocument/hover", {
        "textDocument": {"uri": URI}, "position": {"line": line, "character": character},
    })  # fmt: skip
    text = hover["contents"]["value"]
    assert text.startswith("**entity.name-role** (error): ") and "John Kirby" in text
    assert "## What it checks" in text and "## Suggested fix" in text


def test_edits_are_checked_again_and_the_latest_version_wins(session, opened, seed_text):
    cleaned = seed_text.replace("Sign up to receive our latest news!", "")
    for version, text in ((2, seed_text + "\nShare this article\n"), (3, cleaned)):
        session.notify("textDocument/didChange", {
            "textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": text}],
        })  # fmt: skip
    latest = session.wait_for("textDocument/publishDiagnostics", published(URI, 3), STARTUP)
    codes = [d["code"] for d in latest["diagnostics"]]
    assert codes.count("boilerplate.web") == 1  # only the consent line is left


@pytest.mark.parametrize("language, text, start", [
    ("html", "<html><body><p>Officials met.</p>\n<p>Share this article</p></body></html>", (1, 3)),
    ("markdown", "# Talks\n\nOfficials met. **Share this article**\n", (2, 17)),
])  # fmt: skip
def test_html_and_markdown_buffers_map_back_to_the_source(session, opened, language, text, start):
    uri = f"untitled:{language}-buffer"
    session.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": language, "version": 1, "text": text,
    }})  # fmt: skip
    found = session.wait_for("textDocument/publishDiagnostics", published(uri, 1), STARTUP)
    (diag,) = [d for d in found["diagnostics"] if d["code"] == "boilerplate.web"]
    assert (diag["range"]["start"]["line"], diag["range"]["start"]["character"]) == start
    session.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    cleared = session.wait_for(
        "textDocument/publishDiagnostics",
        lambda p: p["uri"] == uri and not p["diagnostics"],
        STARTUP,
    )
    assert cleared["diagnostics"] == []


def test_the_server_follows_a_folders_config_and_reloads_it(session, opened, seed_text, tmp_path):
    (tmp_path / ".factcheck.toml").write_text('ignore = ["style"]\n')
    story = tmp_path / "story.txt"
    story.write_text(seed_text, encoding="utf-8")
    uri = story.resolve().as_uri()
    session.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": seed_text,
    }})  # fmt: skip
    first = session.wait_for("textDocument/publishDiagnostics", published(uri, 1), STARTUP)
    assert not [d for d in first["diagnostics"] if d["code"].startswith("style.")]
    (tmp_path / ".factcheck.toml").write_text('ignore = ["boilerplate"]\n')
    session.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": (tmp_path / ".factcheck.toml").resolve().as_uri(), "type": 2},
    ]})  # fmt: skip
    session.notifications.clear()  # wait for the check after the reload, not the first one
    again = session.wait_for("textDocument/publishDiagnostics", published(uri, 1), STARTUP)
    codes = [d["code"] for d in again["diagnostics"]]
    assert any(c.startswith("style.") for c in codes) and "boilerplate.web" not in codes
    session.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_shutdown_and_exit(session, opened):
    assert session.request("shutdown", None) is None
    session.notify("exit", None)
    assert session.close() == 0
