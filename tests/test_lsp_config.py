"""The language server follows the folder's configuration as the CLI does, and reads it again
when it changes. Before: it read initializationOptions only, so in a folder whose
.factcheck.toml ignored rules, the CLI reported none of their findings and the editor all."""

from __future__ import annotations

from lsprotocol import types as lsp
from pygls.workspace import Workspace
from typer.testing import CliRunner

from checker.cli import app
from checker.lsp.server import FactcheckServer, build_server

from .conftest import SEED


def _style(report) -> list[str]:
    return [f.rule_id for f in report.findings if f.rule_id.startswith("style.")]


def test_the_server_follows_the_folders_config_and_reloads_it(tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    story = desk / "story.txt"
    story.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    config = desk / ".factcheck.toml"
    config.write_text('ignore = ["style"]\n')
    cli = CliRunner().invoke(app, [str(story), "--no-cache", "-f", "json"])
    assert '"style.' not in cli.stdout  # the CLI follows the folder's config

    server = build_server()
    server.protocol._workspace = Workspace(None)
    text = story.read_text(encoding="utf-8")
    assert _style(server.check_source(text, str(story))) == []  # so does the server

    config.write_text('ignore = ["boilerplate"]\n')  # edited: the server reads it again
    changed = server.protocol.fm.features[lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    changed(lsp.DidChangeWatchedFilesParams(changes=[
        lsp.FileEvent(uri=config.as_uri(), type=lsp.FileChangeType.Changed),
    ]))  # fmt: skip
    report = server.check_source(text, str(story))
    assert _style(report) and not [f for f in report.findings if f.rule_id == "boilerplate.web"]


def test_changed_settings_configure_the_server_again():
    server = build_server()
    server.protocol._workspace = Workspace(None)
    changed = server.protocol.fm.features[lsp.WORKSPACE_DID_CHANGE_CONFIGURATION]
    changed(lsp.DidChangeConfigurationParams(settings={"factcheck": {"ignore": ["style"]}}))
    assert not server.checker.config.selects("style.redundancy")
    assert isinstance(server, FactcheckServer) and server.options == {"ignore": ["style"]}
