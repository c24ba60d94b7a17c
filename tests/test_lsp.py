"""`empathylint lsp` through a real LSP client over stdio: pygls's own client starts
`python -m empathylint lsp` as a subprocess and talks to it as an editor would."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar, Union

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed (pip install -e '.[test,lsp]')")

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.protocol import default_converter

T = TypeVar("T")
# Generous: a loaded CI machine starts Python and loads the word lists in a few seconds.
PATIENCE = 120.0

DRAFT = (
    "Hi Maria,\n"
    "\n"
    "Thanks for writing! 🎉 We will recieve your parcel on Monday and refund you the same day.\n"
    "\n"
    "Cheers,\n"
    "Sam\n"
)


def client_converter() -> Any:
    """pygls's converter, reading a code action that carries a command as the CodeAction it
    is: lsprotocol's client-side hook takes anything with a `command` key for a bare
    Command (a Command's `command` is a string, a CodeAction's an object)."""
    converter = default_converter()

    def action_or_command(value: Any, _: Any) -> types.Command | types.CodeAction:
        if isinstance(value.get("command"), str):
            return converter.structure(value, types.Command)
        return converter.structure(value, types.CodeAction)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], action_or_command)  # noqa: UP007
    return converter


class Editor:
    """The editor's side: what it opened, what it was told, and the edits it applied."""

    def __init__(self, folder: Path, encodings: list[str] | None = None) -> None:
        self.folder = folder
        self.encodings = encodings
        self.client = LanguageClient("test-editor", "1", converter_factory=client_converter)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.messages: list[str] = []
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published.append(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def shown(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

    async def start(self) -> None:
        command = [sys.executable, "-m", "empathylint", "lsp"]
        await self.client.start_io(*command, cwd=str(self.folder), env=os.environ.copy())
        capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)
            ),
            general=types.GeneralClientCapabilities(position_encodings=self.encodings),
        )
        initialized = await self.client.initialize_async(
            types.InitializeParams(
                capabilities=capabilities,
                root_uri=self.folder.as_uri(),
                workspace_folders=[types.WorkspaceFolder(self.folder.as_uri(), "team")],
            )
        )
        self.client.initialized(types.InitializedParams())
        self.capabilities = initialized.capabilities

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    def open(self, name: str, text: str, language: str = "markdown") -> str:
        uri = (self.folder / name).as_uri()
        self.texts[uri], self.versions[uri] = text, 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text))
        )
        return uri

    def replace_all(self, uri: str, text: str) -> None:
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def apply(self, edit: types.WorkspaceEdit) -> None:
        """Apply a workspace edit as an editor does: each document's edits against the version named."""
        assert edit.document_changes is not None
        for change in edit.document_changes:
            assert isinstance(change, types.TextDocumentEdit)
            uri = change.text_document.uri
            assert change.text_document.version == self.versions[uri]
            lines = self.texts[uri].splitlines(keepends=True)

            def offset(position: types.Position, lines: list[str] = lines) -> int:
                before = "".join(lines[: position.line])
                line = lines[position.line] if position.line < len(lines) else ""
                # The position counts UTF-16 code units.
                units = line.encode("utf-16-le")[: position.character * 2].decode("utf-16-le")
                return len(before) + len(units)

            text = self.texts[uri]
            edits = [e for e in change.edits if isinstance(e, types.TextEdit)]
            for text_edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
                start, end = offset(text_edit.range.start), offset(text_edit.range.end)
                text = text[:start] + text_edit.new_text + text[end:]
            self.replace_all(uri, text)

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        """The diagnostics published for the document's current version."""
        version = self.versions[uri]

        def latest() -> list[types.Diagnostic] | None:
            for params in reversed(self.published):
                if params.uri == uri and params.version == version:
                    return list(params.diagnostics)
            return None

        return await until(latest)


async def until(probe: Callable[[], T | None]) -> T:
    """Wait, with a generous timeout, for `probe` to give something."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PATIENCE
    while loop.time() < deadline:
        found = probe()
        if found is not None:
            return found
        await asyncio.sleep(0.02)
    raise AssertionError("the server never answered")


def with_editor(
    folder: Path, scenario: Callable[[Editor], Awaitable[None]], encodings: list[str] | None = None
) -> None:
    async def run() -> None:
        editor = Editor(folder, encodings)
        await editor.start()
        try:
            await scenario(editor)
        finally:
            await editor.stop()

    asyncio.run(run())


def by_code(diagnostics: list[types.Diagnostic], code: str) -> types.Diagnostic:
    found = [d for d in diagnostics if d.code == code]
    assert found, f"no {code} in {[d.code for d in diagnostics]}"
    return found[0]


async def actions_for(editor: Editor, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    result = await editor.client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri), diagnostic.range, types.CodeActionContext(diagnostics=[diagnostic])
        )
    )
    return [action for action in result or [] if isinstance(action, types.CodeAction)]


def test_diagnostics_follow_the_text_and_a_fix_applies(tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        offered = editor.capabilities
        assert offered.hover_provider and offered.position_encoding == types.PositionEncodingKind.Utf16
        assert isinstance(offered.code_action_provider, types.CodeActionOptions)
        assert list(offered.code_action_provider.code_action_kinds or ()) == ["quickfix", "source.fixAll.empathylint"]
        assert offered.execute_command_provider is not None
        assert list(offered.execute_command_provider.commands) == ["empathylint.addWord"]
        assert isinstance(offered.text_document_sync, types.TextDocumentSyncOptions)
        assert offered.text_document_sync.save  # a saved checklist.toml is read again

        uri = editor.open("refund.md", DRAFT)
        diagnostics = await editor.diagnostics(uri)
        spelling = by_code(diagnostics, "proofread.spelling")
        # After an emoji (two UTF-16 code units), the column counts code units, as LSP requires.
        line = DRAFT.splitlines()[2]
        assert spelling.range.start == types.Position(2, line.index("recieve") + 1)
        assert spelling.range.end.character - spelling.range.start.character == len("recieve")
        assert spelling.severity == types.DiagnosticSeverity.Warning
        assert spelling.source == "empathylint"
        assert spelling.code_description is not None and spelling.code_description.href.startswith("file:")

        actions = await actions_for(editor, uri, spelling)
        fix = next(a for a in actions if a.is_preferred)
        assert fix.title == 'Replace "recieve" with "receive" (proofread.spelling)'
        assert fix.edit is not None
        editor.apply(fix.edit)
        assert "We will receive your parcel" in editor.texts[uri]
        diagnostics = await editor.diagnostics(uri)
        assert "proofread.spelling" not in [d.code for d in diagnostics]

        # Typing a new mistake: the diagnostics follow without a save.
        editor.replace_all(uri, editor.texts[uri].replace("the same day", "the the same day"))
        diagnostics = await editor.diagnostics(uri)
        assert "proofread.repeated-word" in [d.code for d in diagnostics]

        # On save, editors ask for source.fixAll: `--fix` on the buffer.
        whole = types.Range(types.Position(0, 0), types.Position(len(editor.texts[uri].splitlines()), 0))
        result = await editor.client.text_document_code_action_async(
            types.CodeActionParams(
                types.TextDocumentIdentifier(uri),
                whole,
                types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
            )
        )
        (fix_all,) = [a for a in result or [] if isinstance(a, types.CodeAction)]
        assert fix_all.kind == "source.fixAll.empathylint" and fix_all.edit is not None
        editor.apply(fix_all.edit)
        assert "refund you the same day" in editor.texts[uri]
        assert "proofread.repeated-word" not in [d.code for d in await editor.diagnostics(uri)]

    with_editor(tmp_path, scenario)


def test_suppression_comment_silences_the_finding_on_its_line(tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        text = DRAFT.replace("We will", "We will\nunfortunately")
        uri = editor.open("refund.md", text)
        framing = by_code(await editor.diagnostics(uri), "negative-language.framing")
        actions = await actions_for(editor, uri, framing)
        suppress = next(a for a in actions if a.title == "Disable negative-language.framing for this line")
        assert suppress.edit is not None
        editor.apply(suppress.edit)
        # Inside a paragraph the directive ends the line above, so the paragraph stays whole.
        assert "We will <!-- empathylint: disable-next-line=negative-language.framing -->\n" in editor.texts[uri]
        codes = [d.code for d in await editor.diagnostics(uri)]
        assert "negative-language.framing" not in codes
        assert "unknown-directive" not in codes

    with_editor(tmp_path, scenario)


def test_hover_shows_the_rule_explanation(tmp_path: Path) -> None:
    async def scenario(editor: Editor) -> None:
        uri = editor.open("refund.txt", DRAFT, language="plaintext")
        spelling = by_code(await editor.diagnostics(uri), "proofread.spelling")
        # This client prefers UTF-8 (as Neovim and Helix do): columns count its bytes.
        line = DRAFT.splitlines()[2]
        assert spelling.range.start.character == len(line[: line.index("recieve")].encode("utf-8"))
        hover = await editor.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), spelling.range.start)
        )
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert hover.contents.kind == types.MarkupKind.Markdown
        assert '"recieve" is a common misspelling' in hover.contents.value
        assert "**What it does:**" in hover.contents.value
        assert hover.range == spelling.range
        nothing = await editor.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(4, 0))
        )
        assert nothing is None

    with_editor(tmp_path, scenario, encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16])


def test_add_word_edits_the_checklist_and_rechecks(tmp_path: Path) -> None:
    checklist = tmp_path / "checklist.toml"
    original = (
        "# Our team's checklist.\n"
        "fail-on = 'error'   # strict\n"
        "\n"
        "[rules.proofread]\n"
        "unknown-without-correction = true  # a word with no clear correction too\n"
        "words = [\n"
        "    'Acme',  # the company\n"
        "]\n"
        "\n"
        "[rules.jargon]\n"
    )
    checklist.write_bytes(original.encode())

    async def scenario(editor: Editor) -> None:
        uri = editor.open("refund.md", DRAFT.replace("your parcel", "your blorptastic parcel"))
        unknown = by_code(await editor.diagnostics(uri), "proofread.unknown-word")
        actions = await actions_for(editor, uri, unknown)
        add = next(a for a in actions if a.command is not None)
        assert add.title == 'Add "blorptastic" to the team\'s words in checklist.toml'
        assert add.command is not None
        published = len(editor.published)
        await editor.client.workspace_execute_command_async(
            types.ExecuteCommandParams(add.command.command, add.command.arguments)
        )
        # The open document is checked again with the new words.
        await until(lambda: True if len(editor.published) > published else None)
        assert "proofread.unknown-word" not in [d.code for d in editor.published[-1].diagnostics]

    with_editor(tmp_path, scenario)
    # Only the word is added, after the last one and indented like it; the rest byte for byte.
    expected = original.replace("  # the company\n", '  # the company\n    "blorptastic",\n')
    assert checklist.read_bytes() == expected.encode()


def test_a_broken_checklist_is_named_and_its_repair_is_seen(tmp_path: Path) -> None:
    checklist = tmp_path / "checklist.toml"
    checklist.write_text("fail-on = \n")

    async def scenario(editor: Editor) -> None:
        uri = editor.open("refund.md", DRAFT)
        (diagnostic,) = await editor.diagnostics(uri)
        assert diagnostic.severity == types.DiagnosticSeverity.Error
        assert "checklist.toml:1" in diagnostic.message
        # Repaired on disk: the client's file watcher tells the server, which reads it again.
        checklist.write_text("fail-on = 'error'\n")
        published = len(editor.published)
        editor.client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams([types.FileEvent(checklist.as_uri(), types.FileChangeType.Changed)])
        )
        await until(lambda: True if len(editor.published) > published else None)
        assert "proofread.spelling" in [d.code for d in editor.published[-1].diagnostics]

    with_editor(tmp_path, scenario)
