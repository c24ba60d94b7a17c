"""What the server keeps between messages, and when it checks.

A document is checked when it opens, and 300 ms after the last change while it is being
typed in (a check that a newer change makes stale is cancelled while it waits, or its
result dropped when it is already running), so diagnostics follow the text, not the saves.
Checks run one at a time in a worker thread: the connection keeps answering while a long
article is checked. When the configuration changes, it is read again and every open
document checked again."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from empathylint.config import Config
from empathylint.config.layers import PYPROJECT_NAME, USER_CONFIG_NAME
from empathylint.engine import FileReport
from empathylint.lsp.checker import Buffer, Checked, Checker
from empathylint.lsp.diagnostics import lsp_diagnostics
from empathylint.lsp.dictionary import Dictionary, dictionary_for
from empathylint.lsp.positions import UTF16, LineIndex

T = TypeVar("T")
DEBOUNCE_SECONDS = 0.3
CONFIG_NAMES = (USER_CONFIG_NAME, PYPROJECT_NAME)


class Session:
    """What the server knows between messages: the last check of each open document and
    the checks waiting to run."""

    def __init__(self, server: LanguageServer) -> None:
        self.server = server
        self.checker: Checker | None = None
        self.folder = Path.cwd()
        self.results: dict[str, tuple[Checked, LineIndex]] = {}
        # Counts the configuration's reloads: a check begun before one is stale.
        self.generation = 0
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
        was closed, changed again or the configuration reloaded meanwhile (a newer check is
        on its way)."""
        buffer = self.buffer(uri)
        if buffer is None or self.checker is None:
            return None
        known = self.results.get(uri)
        if known is not None and known[0].buffer == buffer:
            return known
        checker, generation = self.checker, self.generation
        checked = await self.in_worker(lambda: checker.check(buffer))
        if self.buffer(uri) != buffer or self.generation != generation:
            return None
        result = (checked, LineIndex(buffer.text, self.encoding))
        self.results[uri] = result
        if checked.config is not None:
            self._remember_config_files(checked.config)
        return result

    async def fixed_text(self, checked: Checked) -> str:
        """The buffer's text after `--fix`: the safe fixes, re-checked and repeated."""
        from empathylint.fixes import fix_text

        checker = self.checker
        buffer = checked.buffer
        if checker is None or checked.report is None:
            return buffer.text

        def fix() -> str:
            def recheck(text: str) -> FileReport:
                report = checker.check(dataclasses.replace(buffer, text=text)).report
                return report if report is not None else FileReport(buffer.name)

            return fix_text(buffer.text, recheck).text

        return await self.in_worker(fix)

    async def in_worker(self, work: Callable[[], T]) -> T:
        """Run in the checking thread, after the checks queued before it: the configuration
        and the rules' caches are only ever touched from there."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, work)

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
        self.generation += 1
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
