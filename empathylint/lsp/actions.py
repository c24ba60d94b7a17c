"""Code actions on the findings under the cursor: apply a finding's fix (the very edits
`--fix` applies, under the same guard that keeps sentences whole), suppress the rule on
this line, and add a word the spelling check does not know to the team's dictionary (a
command: the server writes the file, then checks the open documents again)."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from empathylint.diagnostics import Diagnostic, Edit
from empathylint.engine import INTERNAL_ERROR, UNKNOWN_DIRECTIVE
from empathylint.fixes import applies, keeps_sentences
from empathylint.lsp.checker import Checked
from empathylint.lsp.diagnostics import lsp_diagnostic, to_range
from empathylint.lsp.positions import LineIndex
from empathylint.lsp.suppression import suppression_edit

ADD_WORD = "empathylint.addWord"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.empathylint"
# A word in no dictionary, which the team's words may hold (a common misspelling is
# reported whatever the words say).
UNKNOWN_WORD = "proofread.unknown-word"
# The engine's own findings: a failing rule, and a directive naming no rule.
NOT_SUPPRESSIBLE = frozenset({INTERNAL_ERROR, UNKNOWN_DIRECTIVE})
_SHOWN = 40


def findings_in(checked: Checked, index: LineIndex, request: types.Range) -> list[Diagnostic]:
    """The findings whose range meets the requested one (touching counts: a cursor right
    after a word is on it)."""
    if checked.report is None:
        return []
    start = index.offset(request.start.line, request.start.character)
    end = index.offset(request.end.line, request.end.character)
    return [finding for finding in checked.report.diagnostics if finding.start <= end and start <= finding.end]


def code_actions(
    checked: Checked,
    index: LineIndex,
    request: types.Range,
    docs: str,
    *,
    words_file: str,
    document_changes: bool,
) -> list[types.CodeAction]:
    """The actions for the findings in `request`; `words_file` names the file a word is
    added to."""
    buffer = checked.buffer
    format_name = buffer.format_name or "plain"
    actions: list[types.CodeAction] = []
    suppressions: dict[tuple[int, str], types.CodeAction] = {}
    for finding in findings_in(checked, index, request):
        diagnostic = lsp_diagnostic(finding, index, docs)
        if finding.fix is not None and applies(finding, unsafe_fixes=True) and keeps_sentences(index.text, finding.fix):
            actions.append(
                types.CodeAction(
                    title=fix_title(index.text, finding),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=finding.fix.safe,
                    edit=workspace_edit(checked, index, finding.fix.edits, document_changes),
                )
            )
        if finding.rule_id == UNKNOWN_WORD:
            word = index.text[finding.start : finding.end]
            actions.append(
                types.CodeAction(
                    title=f"Add {_quoted(word)} to the team's words in {words_file}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    command=types.Command(title=f"Add {_quoted(word)}", command=ADD_WORD, arguments=[buffer.uri, word]),
                )
            )
        line = index.position(finding.start)[0]
        if (line, finding.rule_id) in suppressions or finding.rule_id in NOT_SUPPRESSIBLE:
            continue  # one action per rule and line, however many findings it has there
        suppression = suppression_edit(index, line, finding.rule_id, format_name, buffer.name)
        if suppression is not None:
            suppressions[line, finding.rule_id] = types.CodeAction(
                title=f"Disable {finding.rule_id} for this line",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=workspace_edit(checked, index, [suppression], document_changes),
            )
    return actions + list(suppressions.values())


def asked_for(kind: str, only: Sequence[str] | None) -> bool:
    """Whether a request limited to the kinds `only` (None: any) takes actions of `kind`:
    `source.fixAll` takes `source.fixAll.empathylint`, as editors ask for it on save."""
    return only is None or any(kind == asked or kind.startswith(asked + ".") for asked in only)


def fix_all_action(
    checked: Checked, index: LineIndex, fixed: str, *, document_changes: bool
) -> types.CodeAction | None:
    """`--fix` on the buffer: every safe fix, re-checked and repeated as the CLI does, as
    one edit spanning what changed."""
    text = index.text
    if fixed == text:
        return None
    start = 0
    while start < min(len(text), len(fixed)) and text[start] == fixed[start]:
        start += 1
    end_old, end_new = len(text), len(fixed)
    while end_old > start and end_new > start and text[end_old - 1] == fixed[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    edit = Edit(start, end_old, fixed[start:end_new])
    return types.CodeAction(
        title="Apply every safe fix (empathylint check --fix)",
        kind=FIX_ALL,
        edit=workspace_edit(checked, index, [edit], document_changes),
    )


def workspace_edit(
    checked: Checked, index: LineIndex, edits: Sequence[Edit], document_changes: bool
) -> types.WorkspaceEdit:
    """The edits, on the version of the buffer they were made for where the client can
    tell versions apart (it then refuses them on a buffer changed since)."""
    text_edits = [types.TextEdit(to_range(index, edit.start, edit.end), edit.replacement) for edit in edits]
    buffer = checked.buffer
    if document_changes:
        identifier = types.OptionalVersionedTextDocumentIdentifier(uri=buffer.uri, version=buffer.version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(identifier, list(text_edits))])
    return types.WorkspaceEdit(changes={buffer.uri: list(text_edits)})


def fix_title(text: str, finding: Diagnostic) -> str:
    assert finding.fix is not None
    edits = finding.fix.edits
    if len(edits) == 1:
        old, new = text[edits[0].start : edits[0].end], edits[0].replacement
        if not new:
            what = f"Remove {_quoted(old.strip())}"
        elif not old:
            what = f"Insert {_quoted(new)}"
        else:
            what = f"Replace {_quoted(old)} with {_quoted(new)}"
    else:
        what = "Apply the rewrite"
    caution = "" if finding.fix.safe else ", which changes the meaning: review it"
    return f"{what} ({finding.rule_id}{caution})"


def _quoted(text: str) -> str:
    shown = " ".join(text.split())
    return f'"{shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"}"'
