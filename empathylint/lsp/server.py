"""The language server: pygls wiring. Which requests and notifications are answered, and
how; session.py holds the state and decides when to check.

When a checklist.toml, a pyproject.toml or a words file changes (saved in the editor or
seen by the client's file watcher), the configuration is read again and every open
document checked again."""

from __future__ import annotations

import contextlib

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from empathylint import __version__
from empathylint.config import ConfigError
from empathylint.config.layers import USER_CONFIG_NAME
from empathylint.lsp.actions import ADD_WORD, FIX_ALL, asked_for, code_actions, fix_all_action
from empathylint.lsp.checker import Buffer, Checked
from empathylint.lsp.diagnostics import to_range
from empathylint.lsp.dictionary import DictionaryError, add_word
from empathylint.lsp.explain import explanation, findings_at
from empathylint.lsp.session import CONFIG_NAMES, DEBOUNCE_SECONDS, Session
from empathylint.reporters.sarif import documentation_uri

WATCHERS_ID = "empathylint-configuration"


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
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
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
        only = params.context.only
        actions: list[types.CodeAction] = []
        if asked_for(types.CodeActionKind.QuickFix, only):
            actions += code_actions(
                checked,
                index,
                params.range,
                documentation_uri("what-it-checks"),
                words_file=session.shown(dictionary.target) if dictionary else USER_CONFIG_NAME,
                document_changes=document_changes,
            )
        # Fixing all re-checks after each pass: only when asked for by name, never for the
        # light bulb that follows the cursor.
        if only is not None and asked_for(FIX_ALL, only) and checked.report is not None:
            fixed = await session.fixed_text(checked)
            fix_all = fix_all_action(checked, index, fixed, document_changes=document_changes)
            actions += [fix_all] if fix_all is not None else []
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(params: types.HoverParams) -> types.Hover | None:
        result = await session.checked(params.text_document.uri)
        if result is None or result[0].report is None:
            return None
        checked, index = result
        offset = index.offset(params.position.line, params.position.character)
        found = findings_at(result[0].report.diagnostics, offset)
        if not found:
            return None
        return types.Hover(
            contents=types.MarkupContent(types.MarkupKind.Markdown, explanation(found, checked.config)),
            range=to_range(index, found[0].start, found[0].end),
        )

    @server.command(ADD_WORD)
    async def add_to_words(ls: LanguageServer, uri: str, word: str) -> None:
        # pygls hands the server in first and checks the arguments' number and types.
        buffer = session.buffer(uri)
        if buffer is None or not word.strip():
            return
        problem = await session.in_worker(lambda: _add_word(session, buffer, word.strip()))
        if problem is not None:
            session.message(types.MessageType.Error, problem)
            return
        session.recheck_all()

    return server


def serve() -> None:
    """Speak LSP over standard input and output until the client says exit."""
    build_server().start_io()


def _add_word(session: Session, buffer: Buffer, word: str) -> str | None:
    """Add the word to the dictionary of the buffer's configuration; what went wrong, if anything."""
    if session.checker is None:
        return None
    try:
        config = session.checker.config_for(buffer)
    except ConfigError as error:
        return f"{word!r} not added: {error}"
    dictionary = session.dictionary(Checked(buffer, config=config))
    if dictionary is None:
        return None
    try:
        add_word(dictionary, word)
    except DictionaryError as error:
        return f"{word!r} not added: {error}"
    return None
