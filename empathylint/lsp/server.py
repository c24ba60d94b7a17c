"""The language server: pygls wiring, and when to check.

A document is checked when it opens, and 300 ms after the last change while it is being
typed in (a run that a newer change makes stale is cancelled, or its result dropped when
it is already running), so diagnostics follow the text, not the saves. Checks run one at
a time in a worker thread: the connection keeps answering while a long article is checked.
When a checklist.toml, a pyproject.toml or a words file changes (saved in the editor or
seen by the client's file watcher), the configuration is read again and every open
document checked again."""

from __future__ import annotations

import asyncio
import contextlib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from empathylint import __version__
from empathylint.config import Config, ConfigError
from empathylint.config.layers import PYPROJECT_NAME, USER_CONFIG_NAME
from empathylint.lsp.actions import ADD_WORD, code_actions
from empathylint.lsp.checker import Buffer, Checked, Checker
from empathylint.lsp.diagnostics import lsp_diagnostics, to_range
from empathylint.lsp.dictionary import Dictionary, DictionaryError, add_word, dictionary_for
from empathylint.lsp.explain import explanation, findings_at
from empathylint.lsp.positions import UTF16, LineIndex
from empathylint.reporters.sarif import documentation_uri

DEBOUNCE_SECONDS = 0.3
CONFIG_NAMES = (USER_CONFIG_NAME, PYPROJECT_NAME)
WATCHERS_ID = "empathylint-configuration"


class Session:
    """What the server knows between messages: the last check of each open document and
    the checks waiting to run."""

    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self.checker: Checker | None = None
        self.folder = Path.cwd()
        self.results: dict[str, tuple[Checked, LineIndex]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        # Files whose change means the configuration must be read again (words files).
        self.config_files: set[str] = set()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="empathylint-check")

    def start(self) -> None:
        workspace = self.server.workspace
        root = workspace.root_path or next((to_fs_path(f.uri) for f in workspace.folders.values()), None)
        if root and os.path.isdir(root):
            self.folder = Path(root)
        self.checker = Checker(self.folder)

    @property
    def encoding(self) -> str:
        return str(self.server.workspace.position_encoding or UTF16)

    def buffer(self, uri: str) -> Buffer | None:
        if uri not in self.server.workspace.text_documents:
            return None
        document = self.server.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return Buffer(uri, document.language_id or "", document.source, document.version, path)

    # --- checking ----------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check the document after `delay`, instead of any check of it still waiting."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            checked = await self.checked(uri)
            if checked is not None:
                self.publish(checked)
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def checked(self, uri: str) -> tuple[Checked, LineIndex] | None:
        """The check of the document as it is now: the last one, or a new one. None when it
        was closed or changed again meanwhile (a newer check is on its way)."""
        buffer = self.buffer(uri)
        if buffer is None or self.checker is None:
            return None
        known = self.results.get(uri)
        if known is not None and known[0].buffer == buffer:
            return known
        checked = await asyncio.get_running_loop().run_in_executor(self.executor, self.checker.check, buffer)
        if self.buffer(uri) != buffer:
            return None
        result = (checked, LineIndex(buffer.text, self.encoding))
        self.results[uri] = result
        if checked.config is not None:
            self._remember_config_files(checked.config)
        return result

    def publish(self, result: tuple[Checked, LineIndex]) -> None:
        checked, index = result
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=checked.buffer.uri, diagnostics=lsp_diagnostics(checked, index), version=checked.buffer.version
            )
        )

    def recheck_all(self) -> None:
        """Read the configuration again, then check every open document."""
        if self.checker is not None:
            self.checker.reload()
        self.results.clear()
        for uri in list(self.server.workspace.text_documents):
            self.schedule(uri, 0)

    def _remember_config_files(self, config: Config) -> None:
        words_file = getattr(config.rule_settings.get("proofread"), "words_file", "")
        if words_file:
            self.config_files.add(os.path.normcase(os.path.abspath(config.root / words_file)))

    def is_config_file(self, uri: str) -> bool:
        if not uri.startswith("file:"):
            return False
        path = to_fs_path(uri) or ""
        return os.path.basename(path) in CONFIG_NAMES or os.path.normcase(os.path.abspath(path)) in self.config_files

    def closed(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.results.pop(uri, None)
        self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # --- the team's words --------------------------------------------------------------

    def dictionary(self, checked: Checked) -> Dictionary | None:
        config = checked.config
        if config is None:
            return None
        words_file = getattr(config.rule_settings.get("proofread"), "words_file", "")
        buffer = checked.buffer
        fallback = self.folder
        if buffer.path is not None and not Path(buffer.path).resolve().is_relative_to(self.folder.resolve()):
            fallback = Path(buffer.path).parent
        return dictionary_for(config.sources, words_file, config.root, fallback)

    def shown(self, path: Path) -> str:
        with contextlib.suppress(ValueError):
            return str(path.resolve().relative_to(self.folder.resolve()))
        return str(path)

    def message(self, kind: types.MessageType, text: str) -> None:
        self.server.window_show_message(types.ShowMessageParams(type=kind, message=f"empathylint: {text}"))


def build_server() -> LanguageServer:
    server = LanguageServer("empathylint", __version__)
    session = Session(server)

    @server.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        session.start()
        workspace = server.client_capabilities.workspace
        watching = workspace.did_change_watched_files if workspace is not None else None
        if watching is not None and watching.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = types.Registration(WATCHERS_ID, types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
            with contextlib.suppress(Exception):  # a client that offered to watch, then refused
                await server.client_register_capability_async(types.RegistrationParams([registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        if session.checker is None:
            session.start()
        session.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        session.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        if session.is_config_file(params.text_document.uri):
            session.recheck_all()
        else:  # the customer's message beside a draft may have changed with it
            session.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        session.closed(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(params: types.DidChangeWatchedFilesParams) -> None:
        if any(session.is_config_file(change.uri) for change in params.changes):
            session.recheck_all()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        result = await session.checked(params.text_document.uri)
        if result is None:
            return None
        checked, index = result
        dictionary = session.dictionary(checked)
        workspace_edit = server.client_capabilities.workspace
        document_changes = bool(
            workspace_edit and workspace_edit.workspace_edit and workspace_edit.workspace_edit.document_changes
        )
        return code_actions(
            checked,
            index,
            params.range,
            documentation_uri("what-it-checks"),
            words_file=session.shown(dictionary.target) if dictionary else USER_CONFIG_NAME,
            document_changes=document_changes,
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(params: types.HoverParams) -> types.Hover | None:
        result = await session.checked(params.text_document.uri)
        if result is None or result[0].report is None:
            return None
        checked, index = result
        assert checked.report is not None
        offset = index.offset(params.position.line, params.position.character)
        found = findings_at(checked.report.diagnostics, offset)
        if not found:
            return None
        return types.Hover(
            contents=types.MarkupContent(types.MarkupKind.Markdown, explanation(found, checked.config)),
            range=to_range(index, found[0].start, found[0].end),
        )

    @server.command(ADD_WORD)
    async def add_to_words(ls: LanguageServer, uri: str, word: str) -> None:
        # pygls hands the server in first and checks the arguments' number and types.
        word = word.strip()
        buffer = session.buffer(uri)
        if buffer is None or session.checker is None or not word:
            return
        try:
            config = session.checker.config_for(buffer)
        except ConfigError as error:
            session.message(types.MessageType.Error, str(error))
            return
        dictionary = session.dictionary(Checked(buffer, config=config))
        if dictionary is None:
            return
        try:
            add_word(dictionary, word)
        except DictionaryError as error:
            session.message(types.MessageType.Error, f"{word!r} not added: {error}")
            return
        session.recheck_all()

    return server


def serve() -> None:
    """Speak LSP over standard input and output until the client says exit."""
    build_server().start_io()
