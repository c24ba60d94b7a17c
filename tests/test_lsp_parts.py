"""The language server's pure parts, without pygls: positions in code units, the
suppression edit, the dictionary edit, and the CLI's start-up path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from empathylint.diagnostics import apply_edits
from empathylint.lsp.dictionary import Dictionary, DictionaryError, add_word, dictionary_for, with_word
from empathylint.lsp.positions import UTF8, UTF16, UTF32, LineIndex
from empathylint.lsp.suppression import suppression_edit


@pytest.mark.parametrize(
    ("encoding", "column"),
    [(UTF16, 6), (UTF8, 8), (UTF32, 5)],
)
def test_a_position_after_an_emoji_counts_code_units(encoding: str, column: int) -> None:
    text = "Hi\r\nOK 🎉 no\rnext\n"
    index = LineIndex(text, encoding)
    offset = text.index("no")
    assert index.position(offset) == (1, column)
    assert index.offset(1, column) == offset
    assert index.position(text.index("next")) == (2, 0)
    # A position inside the emoji's code units is the emoji's start; past the line, its end.
    if encoding != UTF32:
        assert index.offset(1, 4) == text.index("🎉")
    assert index.offset(0, 99) == 2
    assert index.offset(9, 0) == len(text)


def suppressed(text: str, line: int, rule_id: str, format_name: str) -> str:
    edit = suppression_edit(LineIndex(text), line, rule_id, format_name, "draft")
    assert edit is not None
    return apply_edits(text, [edit])


def test_suppression_goes_on_a_line_of_its_own_above_a_paragraph() -> None:
    assert suppressed("Hi,\n\n  Unfortunately no.\n", 2, "jargon", "markdown") == (
        "Hi,\n\n  <!-- empathylint: disable-next-line=jargon -->\n  Unfortunately no.\n"
    )
    assert suppressed("Hi,\r\nUnfortunately no.\r\n", 1, "jargon", "plain") == (
        "Hi,\r\nempathylint: disable-next-line=jargon\r\nUnfortunately no.\r\n"
    )
    assert suppressed("<p>Hi,\nUnfortunately no.</p>\n", 1, "jargon", "html").startswith(
        "<p>Hi,\n<!-- empathylint: disable-next-line=jargon -->\nUnfortunately"
    )


def test_suppression_inside_a_markdown_paragraph_or_list_ends_the_line_above() -> None:
    text = "- First item\n- Unfortunately no.\n"
    assert suppressed(text, 1, "jargon", "markdown") == (
        "- First item <!-- empathylint: disable-next-line=jargon -->\n- Unfortunately no.\n"
    )
    assert suppression_edit(LineIndex("| a |\n|---|\n| b |\n"), 2, "jargon", "markdown", "a.md") is None
    front_matter = "---\ntitle: Unfortunately no\n---\nHi.\n"
    assert suppression_edit(LineIndex(front_matter), 1, "jargon", "markdown", "a.md") is None


def test_suppression_joins_a_directive_already_above() -> None:
    text = "Hi,\n<!-- empathylint: disable-next-line=jargon -->\nUnfortunately no.\n"
    assert suppressed(text, 2, "negative-language", "plain") == (
        "Hi,\n<!-- empathylint: disable-next-line=jargon,negative-language -->\nUnfortunately no.\n"
    )
    assert suppression_edit(LineIndex(text), 2, "jargon", "plain", "draft.txt") is None


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", '[rules.proofread]\nwords = ["Zap"]\n'),
        ("fail-on = 'error'", "fail-on = 'error'\n\n[rules.proofread]\nwords = [\"Zap\"]\n"),
        ("[rules.proofread]\nwords = []\n", '[rules.proofread]\nwords = ["Zap"]\n'),
        ("[rules.proofread]", '[rules.proofread]\nwords = ["Zap"]\n'),
        ("[rules.proofread]\nwords = ['a']  # ours\n[x]\n", "[rules.proofread]\nwords = ['a', \"Zap\"]  # ours\n[x]\n"),
        ("[rules.proofread]\nwords = ['a',]\n", "[rules.proofread]\nwords = ['a', \"Zap\"]\n"),
        (
            "[rules.proofread]\nshouting-min-frequency = 1e-6\n",
            '[rules.proofread]\nwords = ["Zap"]\nshouting-min-frequency = 1e-6\n',
        ),
        (
            "[ rules.proofread ]\r\nwords = [\r\n  'a]#',  # note\r\n  'b' # last\r\n]\r\n",
            "[ rules.proofread ]\r\nwords = [\r\n  'a]#',  # note\r\n  'b', # last\r\n  \"Zap\"\r\n]\r\n",
        ),
        ("[rules.proofread]\nextend-words = ['a']\n", "[rules.proofread]\nextend-words = ['a', \"Zap\"]\n"),
    ],
)
def test_a_word_is_added_keeping_the_rest_byte_for_byte(before: str, after: str) -> None:
    assert with_word(before, "Zap") == after


def test_add_word_writes_the_checklist_its_words_file_or_refuses(tmp_path: Path) -> None:
    checklist = tmp_path / "checklist.toml"
    checklist.write_bytes(b"\xef\xbb\xbf# ours\n[rules.proofread]\nwords = ['a']\n")
    add_word(Dictionary(checklist), "Zap")
    assert checklist.read_bytes() == b"\xef\xbb\xbf# ours\n[rules.proofread]\nwords = ['a', \"Zap\"]\n"

    words = tmp_path / "words.txt"
    words.write_bytes(b"# team words\r\nAcme")
    add_word(Dictionary(checklist, words), "Zap")
    assert words.read_bytes() == b"# team words\r\nAcme\r\nZap\r\n"

    inline = tmp_path / "inline" / "checklist.toml"
    inline.parent.mkdir()
    inline.write_text("rules = { proofread = { words = ['a'] } }\n")
    with pytest.raises(DictionaryError, match="add it by hand"):
        add_word(Dictionary(inline), "Zap")
    assert inline.read_text() == "rules = { proofread = { words = ['a'] } }\n"
    with pytest.raises(DictionaryError, match="not one word"):
        add_word(Dictionary(checklist), "two words")


def test_the_dictionary_is_the_nearest_configuration_or_a_new_checklist(tmp_path: Path) -> None:
    found = str(tmp_path / "team" / "pyproject.toml")
    assert dictionary_for(("built-in defaults", found), "", tmp_path / "team", tmp_path).target == Path(found)
    with_file = dictionary_for(("built-in defaults", found), "words.txt", tmp_path / "team", tmp_path)
    assert with_file.target == tmp_path / "team" / "words.txt"
    assert dictionary_for(("built-in defaults",), "", tmp_path, tmp_path).target == tmp_path / "checklist.toml"


def test_a_pyproject_gets_its_tool_table(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[project]\nname = 'x'\n\n[tool.empathylint]\nfail-on = 'error'\n")
    add_word(Dictionary(pyproject), "Zap")
    assert pyproject.read_text() == (
        "[project]\nname = 'x'\n\n[tool.empathylint]\nfail-on = 'error'\n\n"
        '[tool.empathylint.rules.proofread]\nwords = ["Zap"]\n'
    )


def run_cli(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=cwd, env=os.environ.copy(), timeout=120
    )


def test_check_never_imports_the_language_server(tmp_path: Path) -> None:
    (tmp_path / "draft.md").write_text("Hi Maria,\n\nThanks for writing.\n\nCheers,\nSam\n")
    script = (
        "import sys\n"
        "from empathylint.cli import main\n"
        "sys.argv = ['empathylint', 'check', 'draft.md']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'pygls', 'lsprotocol'} or 'lsp' in m))\n"
    )
    result = run_cli(script, tmp_path)
    assert result.stdout.splitlines()[-1] == "[]", result.stderr


def test_lsp_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    # A module set to None in sys.modules cannot be imported: as if pygls were not installed.
    script = (
        "import sys\n"
        "sys.modules['pygls'] = None\n"
        "from empathylint.cli import main\n"
        "sys.argv = ['empathylint', 'lsp']\n"
        "main()\n"
    )
    result = run_cli(script, tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "lsp extra" in line and "[lsp]" in line


def test_buffers_are_checked_by_language_or_extension_and_only_drafts(tmp_path: Path) -> None:
    from empathylint.lsp.checker import Buffer, Checker

    (tmp_path / "checklist.toml").write_text('[files]\nexclude = ["legal/**"]\n')
    checker = Checker(tmp_path)
    draft = "Hi Maria,\n\nThanks for writing. We will recieve it.\n\nCheers,\nSam\n"

    def findings(uri: str, language: str, path: Path | None) -> list[str] | None:
        report = checker.check(Buffer(uri, language, draft, 1, str(path) if path else None)).report
        return None if report is None else [d.rule_id for d in report.diagnostics]

    reply = tmp_path / "reply.txt"
    assert findings(reply.as_uri(), "plaintext", reply) == ["proofread.spelling"]
    assert findings(reply.as_uri(), "", reply) == ["proofread.spelling"]  # by its extension
    assert findings("untitled:Untitled-1", "markdown", None) == ["proofread.spelling"]
    assert findings("git:/reply.txt?HEAD", "plaintext", None) is None  # an old version in a diff
    assert findings((tmp_path / "a.py").as_uri(), "python", tmp_path / "a.py") is None
    legal = tmp_path / "legal" / "terms.md"
    assert findings(legal.as_uri(), "markdown", legal) is None  # excluded by the checklist
