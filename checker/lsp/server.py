"""`factcheck lsp`: a pygls language server over stdio.

Diagnostics for .txt, .md and .html documents on open and on change (debounced; the latest
version wins), quick fixes for findings that carry fixes, and hover on a number. Checks run on
one worker thread, never on the event loop, so the server answers while an article is checked.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePath

from lsprotocol import types as lsp
from pydantic import ValidationError
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from checker import __version__
from checker.config import Config, ConfigError
from checker.configs import Configs
from checker.engine import Checker
from checker.load import TEXT_SUFFIXES
from checker.lsp.diagnostics import code_actions, diagnostics
from checker.lsp.hover import finding_markdown, findings_at, hover_markdown, quantity_at
from checker.lsp.positions import from_position, source_lines, to_range
from checker.models import DocumentReport
from checker.problems import Problems

DEBOUNCE_SECONDS = 0.3
MAX_CHECKERS = 8  # warm checkers kept, one per configuration in use
CONFIG_FILES = (".factcheck.toml", "pyproject.toml")
LANGUAGE_SUFFIXES = {"plaintext": ".txt", "markdown": ".md", "html": ".html"}
log = logging.getLogger(__name__)


WATCH_REGISTRATION = "factcheck-watched-files"
PACK_GLOB = "**/*.{yaml,yml,json}"  # rule packs are YAML; knowledge packs YAML or JSON


def watch_globs(*configs: Config) -> list[lsp.GlobPattern]:
    """What to watch: every config file (and TOML a config may `extend`), and the rule pack
    and knowledge pack folders or files the settings name."""
    globs: list[lsp.GlobPattern] = [f"**/{name}" for name in CONFIG_FILES]
    globs.append("**/*.toml")  # a file named by `extend`
    named_paths = dict.fromkeys(p for c in configs for p in [*c.packs, *c.knowledge])
    for named in named_paths:
        path = Path(named).resolve()
        if path.is_dir():
            globs.append(lsp.RelativePattern(base_uri=path.as_uri(), pattern=PACK_GLOB))
        else:
            globs.append(lsp.RelativePattern(base_uri=path.parent.as_uri(), pattern=path.name))
    return globs


@dataclass
class Checked:
    """The report of one version of a document, with the source it was made from."""

    version: int | None
    lines: list[str]
    report: DocumentReport


class FactcheckServer(LanguageServer):
    def __init__(self, config: Config | None = None, debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__("factcheck", __version__)
        self.checker = Checker(config)
        self.debounce = debounce
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factcheck-check")
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.checked: dict[str, Checked] = {}
        self.languages: dict[str, str] = {}
        self.problems = Problems()  # broken packs and failed rules, each shown to the user once
        # each document under the nearest .factcheck.toml / [tool.factcheck] above it, as the
        # CLI does, with the initializationOptions on top; cleared when a config file changes
        self.options: dict[str, object] = {}
        self.configs = Configs(self.options)
        self.checkers: dict[str, Checker] = {}

    @property
    def encoding(self) -> str:
        """The negotiated position encoding's name: "utf-16" unless the client chose another."""
        chosen = self.workspace.position_encoding
        return str(getattr(chosen, "value", chosen) or lsp.PositionEncodingKind.Utf16.value)

    def configure(self, options: object) -> None:
        """`initializationOptions` are `Config` fields (date, select, ignore, packs, ...)."""
        if not isinstance(options, dict) or not options:
            return
        try:
            self.checker = Checker(Config.model_validate(options))
            self.options = dict(options)
            self.reload()
        except ValidationError as exc:
            self.window_show_message(lsp.ShowMessageParams(
                type=lsp.MessageType.Warning,
                message=f"factcheck: ignoring initializationOptions: {exc.errors()[0]['msg']}",
            ))  # fmt: skip

    def path_for(self, uri: str) -> str | None:
        """The path whose suffix picks the format, or None for documents factcheck does not read."""
        try:
            path = to_fs_path(uri) or uri
        except Exception:  # noqa: BLE001 - a URI pygls cannot map: use it as the path
            path = uri
        if PurePath(path).suffix.lower() in TEXT_SUFFIXES:
            return path
        suffix = LANGUAGE_SUFFIXES.get(self.languages.get(uri, ""))
        return f"{path}{suffix}" if suffix else None

    def schedule(self, uri: str, delay: float) -> None:
        """(Re)start the countdown for a check of the document's latest version."""
        previous = self.pending.pop(uri, None)
        if previous:
            previous.cancel()
        if self.path_for(uri) is not None:
            self.pending[uri] = asyncio.ensure_future(self.check_later(uri, delay))

    async def check_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = self.workspace.text_documents.get(uri)
        path = self.path_for(uri)
        if document is None or path is None:
            return
        version, source = document.version, document.source
        loop = asyncio.get_running_loop()
        try:
            report = await loop.run_in_executor(self.worker, self.check_source, source, path)
        except Exception as exc:  # a bug must not take the editor's server down
            log.exception("check failed")
            self.window_log_message(lsp.LogMessageParams(
                type=lsp.MessageType.Error, message=f"factcheck: {uri}: {type(exc).__name__}: {exc}"
            ))  # fmt: skip
            return
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # closed, or a newer version is already scheduled
        self.pending.pop(uri, None)
        self.publish(uri, Checked(version, source_lines(source), report))

    def watch_files(self) -> None:
        """Ask the client to tell us when a config file, rule pack or knowledge pack changes
        (`workspace/didChangeWatchedFiles`), if it lets servers register watchers."""
        try:
            workspace = self.client_capabilities.workspace
        except AttributeError:  # not initialized by a client (a server built in-process)
            return
        watched = workspace.did_change_watched_files if workspace else None
        if not (watched and watched.dynamic_registration):
            return  # the client watches what its user configured, or nothing
        options = lsp.DidChangeWatchedFilesRegistrationOptions(
            watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in watch_globs(*self.watched())]
        )
        registration = lsp.Registration(
            id=WATCH_REGISTRATION, method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )  # fmt: skip
        self.client_register_capability(lsp.RegistrationParams(registrations=[registration]))

    def watched(self) -> list[Config]:
        """The settings, and the configuration of the workspace root, whose packs to watch."""
        configs = [self.checker.config]
        root = self.workspace.root_path
        if root and Path(root).is_dir():
            try:
                configs.append(self.configs.for_path(Path(root) / "x.txt"))
            except ConfigError:
                pass  # shown when a document under it is checked
        return configs

    def reload(self) -> None:
        """Read the config files again on the next check (one was edited, or the settings)."""
        self.configs = Configs(self.options)
        self.checkers.clear()
        self.problems = Problems()

    def checker_for(self, path: str) -> Checker:
        """The checker of the configuration that applies to `path` (a warm one per config)."""
        if not Path(path).is_absolute() or not Path(path).parent.is_dir():
            return self.checker  # an unsaved buffer: the settings alone
        try:
            config = self.configs.for_path(path)
        except ConfigError as exc:
            self.window_show_message(lsp.ShowMessageParams(
                type=lsp.MessageType.Error, message=f"factcheck: {exc}"
            ))  # fmt: skip
            return self.checker
        if config.config_file is None and not self.options:
            return self.checker
        key = config.model_dump_json()
        if key not in self.checkers:
            if len(self.checkers) >= MAX_CHECKERS:
                self.checkers.pop(next(iter(self.checkers)))
            self.checkers[key] = Checker(config)
        return self.checkers[key]

    def document_checker(self, uri: str) -> Checker:
        """The checker of an open document's configuration."""
        path = self.path_for(uri)
        return self.checker_for(path) if path else self.checker

    def check_source(self, source: str, path: str) -> DocumentReport:
        return self.checker_for(path).check_text(source, path=path)

    def recheck_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    def publish(self, uri: str, checked: Checked) -> None:
        failed = self.problems.document(checked.report)  # first: it notes the setup problems
        for problem in [*self.problems.finish(), *failed]:
            self.window_show_message(lsp.ShowMessageParams(
                type=lsp.MessageType.Error, message=f"factcheck: {problem.message}"
            ))  # fmt: skip
        self.checked[uri] = checked
        found = diagnostics(
            checked.report,
            uri,
            checked.lines,
            self.encoding,
            self.document_checker(uri).config.docs_url,
        )
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=checked.version)
        )

    def forget(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task:
            task.cancel()
        self.checked.pop(uri, None)
        self.languages.pop(uri, None)
        cleared = lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        self.text_document_publish_diagnostics(cleared)

    def current(self, uri: str) -> Checked | None:
        """The last report, if it was made from the version the editor shows now."""
        checked = self.checked.get(uri)
        document = self.workspace.text_documents.get(uri)
        if checked is None or document is None or document.version != checked.version:
            return None
        return checked


def build_server(
    config: Config | None = None, debounce: float = DEBOUNCE_SECONDS
) -> FactcheckServer:
    server = FactcheckServer(config, debounce)

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: FactcheckServer, params: lsp.InitializeParams) -> None:
        ls.configure(params.initialization_options)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: FactcheckServer, params: lsp.InitializedParams) -> None:
        ls.watch_files()
        try:  # load spaCy and the rules now, before the first document arrives
            await asyncio.get_running_loop().run_in_executor(ls.worker, ls.checker.warm_up)
        except Exception as exc:  # noqa: BLE001 - e.g. no spaCy pipeline installed: tell the user once
            ls.window_show_message(lsp.ShowMessageParams(
                type=lsp.MessageType.Error, message=f"factcheck cannot start: {exc}"
            ))  # fmt: skip

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(
        ls: FactcheckServer, params: lsp.DidChangeConfigurationParams
    ) -> None:
        settings = params.settings
        if isinstance(settings, dict) and isinstance(settings.get("factcheck"), dict):
            settings = settings["factcheck"]
        if isinstance(settings, dict) and settings:
            ls.configure(settings)
        else:
            ls.reload()
        ls.recheck_all()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(
        ls: FactcheckServer, params: lsp.DidChangeWatchedFilesParams
    ) -> None:
        # a config file, a rule pack or a knowledge pack changed: read them again
        ls.reload()
        ls.recheck_all()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactcheckServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.languages[params.text_document.uri] = params.text_document.language_id
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactcheckServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactcheckServer, params: lsp.DidSaveTextDocumentParams) -> None:
        if ls.current(params.text_document.uri) is None:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactcheckServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
    )
    def code_action(ls: FactcheckServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        only = params.context.only
        checked = ls.current(params.text_document.uri)
        if checked is None or (only and lsp.CodeActionKind.QuickFix not in only):
            return []
        return code_actions(
            checked.report, params.text_document.uri, checked.lines, ls.encoding, params.range,
            ls.document_checker(params.text_document.uri).config.docs_url,
        )  # fmt: skip

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactcheckServer, params: lsp.HoverParams) -> lsp.Hover | None:
        checked = ls.current(params.text_document.uri)
        if checked is None:
            return None
        line, column = from_position(checked.lines, params.position, ls.encoding)
        quantity = quantity_at(checked.report, line, column)
        findings = findings_at(checked.report, line, column)
        if quantity is None and not findings:
            return None
        docs = {r.id: r.docs for r in ls.document_checker(params.text_document.uri).rules}
        parts = [finding_markdown(f, docs.get(f.rule_id)) for f in findings]
        if quantity is not None:
            parts.append(hover_markdown(checked.report, quantity))
        span = quantity.span if quantity is not None else findings[0].span
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n".join(parts)),
            range=to_range(checked.lines, span, ls.encoding),
        )

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: FactcheckServer, params: None) -> None:
        for task in ls.pending.values():
            task.cancel()
        ls.worker.shutdown(wait=False, cancel_futures=True)

    return server


def serve(config: Config | None = None) -> None:
    """Run the server over stdin/stdout until the client says exit."""
    build_server(config).start_io()
