"""The language server registers its own file watchers (config files, rule and knowledge
packs) with `client/registerCapability` when the client allows dynamic registration."""

from __future__ import annotations

import os
import sys
import tempfile

from lsprotocol import types as lsp

from checker.config import Config
from checker.lsp.server import WATCH_REGISTRATION, watch_globs

from .conftest import ROOT
from .lsp_client import LspSession

STARTUP = 180  # seconds: the machine may be busy


def test_the_server_registers_watchers_for_configs_and_packs(tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / ".factcheck.toml").write_text('packs = ["house"]\n')
    capabilities = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "checker.cli", "lsp"]
    with tempfile.TemporaryFile() as stderr:
        session = LspSession(command, cwd=str(tmp_path), env=env, stderr=stderr)
        try:
            init = {
                "processId": os.getpid(),
                "rootUri": tmp_path.as_uri(),
                "capabilities": capabilities,
            }
            session.request("initialize", init, STARTUP)
            session.notify("initialized", {})
            params = session.wait_for("client/registerCapability", lambda p: True, STARTUP)
        finally:  # the registration comes before spaCy loads; nothing after it is needed
            session.proc.kill()
            session.close()
    (registration,) = params["registrations"]
    assert registration["id"] == WATCH_REGISTRATION
    assert registration["method"] == "workspace/didChangeWatchedFiles"
    globs = [w["globPattern"] for w in registration["registerOptions"]["watchers"]]
    assert "**/.factcheck.toml" in globs and "**/pyproject.toml" in globs
    assert {
        "baseUri": (tmp_path / "house").resolve().as_uri(),
        "pattern": "**/*.{yaml,yml,json}",
    } in globs


def test_watch_globs_name_pack_files_and_folders(tmp_path):
    folder = tmp_path / "knowledge"
    folder.mkdir()
    pack = tmp_path / "house.yaml"
    pack.write_text("rules: []\n")
    globs = watch_globs(Config(packs=[str(pack)], knowledge=[str(folder)]))
    relative = [g for g in globs if isinstance(g, lsp.RelativePattern)]
    assert [(g.base_uri, g.pattern) for g in relative] == [
        (tmp_path.resolve().as_uri(), "house.yaml"),
        (folder.resolve().as_uri(), "**/*.{yaml,yml,json}"),
    ]
    assert "**/*.toml" in globs  # a file a config extends
