"""`docs-url` links findings to their rule pages: SARIF `helpUri`, LSP `codeDescription`.

Without it there is no link at all: a missing link beats a wrong one."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lsprotocol import types as lsp
from pygls.workspace import Workspace
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config, ConfigError, load_config
from checker.lsp.diagnostics import code_actions, diagnostics
from checker.lsp.positions import source_lines
from checker.lsp.server import Checked, FactcheckServer
from checker.models import DocumentReport, Finding, Fix, Severity, Span

from .conftest import SEED

BASE = "https://example.org/factcheck/docs/rules"
SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
TEXT = "Moscow does not want a war with Kiev.\n"


def test_docs_url_is_a_config_key_written_with_a_dash(tmp_path):
    (tmp_path / ".factcheck.toml").write_text(f'docs-url = "{BASE}/"\n', encoding="utf-8")
    config = load_config([tmp_path])
    assert config.docs_url == f"{BASE}/"
    assert config.rule_url("place.spelling") == f"{BASE}/place.spelling.md"
    assert Config().docs_url is None and Config().rule_url("place.spelling") is None
    (tmp_path / ".factcheck.toml").write_text('docs-url = "docs/rules"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="docs-url: 'docs/rules' is not an absolute URL"):
        load_config([tmp_path])


def sarif_rules(tmp_path: Path, config_text: str) -> dict:
    config = tmp_path / "factcheck.toml"
    config.write_text(config_text, encoding="utf-8")
    out = tmp_path / "out.sarif"
    args = [str(SEED), "--config", str(config), "-f", "sarif", "-o", str(out), "--fail-on", "never"]
    assert CliRunner().invoke(app, args).exit_code == 0
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}


def test_sarif_rules_link_their_pages_only_with_a_docs_url(tmp_path):
    linked = sarif_rules(tmp_path, f'docs-url = "{BASE}"\n')
    assert linked["place.spelling"]["helpUri"] == f"{BASE}/place.spelling.md"
    assert all(r["helpUri"] == f"{BASE}/{rule_id}.md" for rule_id, r in linked.items())
    plain = sarif_rules(tmp_path, "")
    assert plain.keys() == linked.keys() and not any("helpUri" in r for r in plain.values())


def report() -> DocumentReport:
    start = TEXT.index("Kiev")
    kiev = Span(start=start, end=start + 4, text="Kiev", line=1, column=start + 1,
                end_line=1, end_column=start + 5)  # fmt: skip
    finding = Finding(rule_id="place.spelling", severity=Severity.info, span=kiev,
                      message="Kyiv", fixes=[Fix(span=kiev, replacement="Kyiv")])  # fmt: skip
    return DocumentReport(path="a.txt", findings=[finding])


def test_lsp_diagnostics_link_their_pages_only_with_a_docs_url():
    lines, utf16 = source_lines(TEXT), lsp.PositionEncodingKind.Utf16
    (plain,) = diagnostics(report(), "file:///a.txt", lines, utf16)
    assert plain.code == "place.spelling" and plain.code_description is None
    (linked,) = diagnostics(report(), "file:///a.txt", lines, utf16, BASE)
    assert linked.code_description == lsp.CodeDescription(href=f"{BASE}/place.spelling.md")
    everything = lsp.Range(start=lsp.Position(line=0, character=0),
                           end=lsp.Position(line=1, character=0))  # fmt: skip
    for action in code_actions(report(), "file:///a.txt", lines, utf16, everything, BASE):
        assert action.diagnostics == [linked]  # each action names the diagnostic as published


def test_the_server_links_diagnostics_with_the_configured_docs_url():
    server = FactcheckServer(Config(docs_url=BASE))
    server.protocol._workspace = Workspace(None)
    sent: list[lsp.PublishDiagnosticsParams] = []
    server.text_document_publish_diagnostics = sent.append  # type: ignore[method-assign]
    server.publish("file:///a.txt", Checked(1, source_lines(TEXT), report()))
    assert sent[0].diagnostics[0].code_description.href == f"{BASE}/place.spelling.md"
    server.configure({"docs_url": None, "date": "2022-02-02"})
    server.publish("file:///a.txt", Checked(2, source_lines(TEXT), report()))
    assert sent[1].diagnostics[0].code_description is None
