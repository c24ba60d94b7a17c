"""Configuration: defaults in code with what each layer sets, the nearest checklist.toml per
file (as ruff finds its settings), and errors that name the file, the line and the fix."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from empathylint.cli import app
from empathylint.config import CommandLine, ConfigError, Resolver
from empathylint.config.schema import build_settings
from empathylint.rules import RULES
from empathylint.rules.thank_them import Settings as ThankThemSettings

REPLY = "Hi there,\n\nYour refund is on its way.\n\nBest,\nSam\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check(*args: str) -> Result:
    return CliRunner().invoke(app, ["check", "--output-format", "concise", *args])


def rules_of(result: Result, path: str) -> list[str]:
    return [line.split()[2] for line in result.stdout.splitlines() if line.startswith(f"{path}:")]


# --- defaults in code, and what the layers set ---------------------------------------------


def test_a_setting_no_layer_names_keeps_its_default_in_code(tmp_path: Path) -> None:
    config = Resolver(RULES, cwd=tmp_path, isolated=True).root
    assert config.rule_settings["thank-them"] == ThankThemSettings()
    assert config.sources == ("built-in defaults",)


def test_extend_appends_to_the_default_and_a_later_value_replaces_it(tmp_path: Path) -> None:
    write(tmp_path / "checklist.toml", '[rules.thank-them]\nextend-thanks-phrases = ["ta"]\n')
    extended = Resolver(RULES, cwd=tmp_path).root.rule_settings["thank-them"].thanks_phrases
    assert extended == (*ThankThemSettings().thanks_phrases, "ta")
    strict = write(tmp_path / "strict.toml", '[rules.thank-them]\nthanks-phrases = ["cheers"]\n')
    replaced = Resolver(RULES, cwd=tmp_path, config_file=strict).root.rule_settings["thank-them"].thanks_phrases
    assert replaced == ("cheers",)


def test_a_table_merges_into_its_default(tmp_path: Path) -> None:
    write(tmp_path / "checklist.toml", '[rules.negative-language.blame]\n"you broke it" = "it broke"\n')
    blame = Resolver(RULES, cwd=tmp_path).root.rule_settings["negative-language"].blame
    assert blame["you broke it"] == "it broke"
    assert blame["your fault"] == "what happened"


def test_the_acronym_list_and_the_mood_words_are_configurable(tmp_path: Path) -> None:
    write(tmp_path / "checklist.toml", '[acronyms]\nSLA = "everyday"\n\n[mood]\nextend-upset-words = ["grr"]\n')
    config = Resolver(RULES, cwd=tmp_path).root
    assert "SLA" in config.acronyms.everyday and "PDF" in config.acronyms.everyday
    assert config.mood_words.upset_words == ("grr",)
    reply = "Hi Maria,\n\nThanks for writing. Your SLA credit is on its way.\n\nBest,\nSam\n"
    write(tmp_path / "reply.txt", reply)
    write(tmp_path / "reply.customer.txt", "Grr. Grr! This broke again, grr.\n")
    result = CliRunner().invoke(app, ["check", "--output-format", "concise", str(tmp_path / "reply.txt")])
    found = {line.split()[2] for line in result.stdout.splitlines() if ":" in line.split()[0]}
    assert "acknowledge-feelings.missing-acknowledgement" in found, result.stdout
    assert "jargon.unexplained-acronym" not in found, result.stdout


# --- the nearest configuration, per file ---------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """top/checklist.toml ignores thank-them; top/help/pyproject.toml ignores use-their-name
    and excludes drafts; a reply in each folder."""
    write(tmp_path / "top" / "checklist.toml", 'ignore = ["thank-them"]\n')
    write(
        tmp_path / "top" / "help" / "pyproject.toml",
        '[project]\nname = "help"\n\n[tool.empathylint]\nignore = ["use-their-name"]\n\n'
        '[tool.empathylint.files]\nexclude = ["drafts/"]\n',
    )
    for folder in ("top", "top/help", "top/help/deep", "top/help/drafts", "elsewhere"):
        write(tmp_path / folder / "reply.txt", REPLY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_each_file_is_checked_with_the_configuration_nearest_to_it(tree: Path) -> None:
    result = check("top", "elsewhere")
    assert rules_of(result, "top/reply.txt") == ["use-their-name.generic-greeting"]
    assert rules_of(result, "top/help/reply.txt") == ["thank-them.missing-thanks"]
    assert rules_of(result, "top/help/deep/reply.txt") == ["thank-them.missing-thanks"]
    assert rules_of(result, "elsewhere/reply.txt") == ["use-their-name.generic-greeting", "thank-them.missing-thanks"]
    assert "top/help/drafts/reply.txt" not in result.stdout  # excluded by the pyproject nearer to it


def test_running_from_elsewhere_finds_the_same_settings(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree / "elsewhere")
    result = check("../top/help/reply.txt")
    assert rules_of(result, "../top/help/reply.txt") == ["thank-them.missing-thanks"]


def test_show_settings_names_the_configuration_of_each_file(tree: Path) -> None:
    result = check("--show-settings", "top/reply.txt", "top/help/deep/reply.txt", "elsewhere/reply.txt")
    assert result.exit_code == 0, result.output
    blocks = {block.split("\n", 1)[0]: block for block in result.stdout.split("\n\n")}
    assert str(tree / "top" / "checklist.toml") in blocks["# top/reply.txt"]
    assert 'ignore = ["thank-them"]' in blocks["# top/reply.txt"]
    assert str(tree / "top" / "help" / "pyproject.toml") in blocks["# top/help/deep/reply.txt"]
    assert "settings from: built-in defaults\n" in blocks["# elsewhere/reply.txt"]


def test_explain_names_the_configuration_in_force(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree / "top" / "help")
    result = CliRunner().invoke(app, ["explain", "thank-them"])
    assert result.exit_code == 0, result.output
    assert str(tree / "top" / "help" / "pyproject.toml") in " ".join(result.stdout.split())


def test_a_broken_configuration_below_is_that_folders_error(tree: Path) -> None:
    write(tree / "top" / "help" / "checklist.toml", "[rules.eli5]\nmax-paragraph-words = 0\n")
    result = check("top", "elsewhere")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    expected = "help/checklist.toml:2: rules.eli5.max-paragraph-words must be at least 1"
    assert errors and all(expected in error for error in errors)
    assert rules_of(result, "elsewhere/reply.txt")  # the other files are still checked
    assert rules_of(result, "top/reply.txt")


def test_config_option_reads_the_tool_table_of_a_pyproject(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "pyproject.toml", '[tool.empathylint]\nfail-on = "error"\n')
    assert Resolver(RULES, cwd=tmp_path, isolated=True, config_file=pyproject).root.fail_on.label == "error"


def test_the_resolver_reads_each_configuration_once(tree: Path) -> None:
    resolver = Resolver(RULES, cwd=tree)
    first = resolver.for_path(tree / "top" / "help" / "deep" / "reply.txt")
    assert resolver.for_path(tree / "top" / "help" / "reply.txt") is first
    assert resolver.for_path(tree / "top" / "reply.txt") is not first
    assert resolver.for_path(None) is resolver.root


# --- errors that say what to write instead ---------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("fail_on = 'error'\n", "unknown key 'fail_on' in the top level (did you mean 'fail-on'?)"),
        ("[rules.thank-them]\nopening-sentence = 2\n", "(did you mean 'opening-sentences'?)"),
        ("[rules.thank-them]\nthanks-phrase = []\n", "(did you mean 'thanks-phrases'?)"),
        ("[rules.thnak-them]\n", "unknown rule 'thnak-them' in [rules] (did you mean 'thank-them'?)"),
        ('ignore = ["use-their-nam"]\n', "unknown rule id 'use-their-nam' in ignore (did you mean 'use-their-name'?)"),
        (
            '[severity]\n"negative-language.blam" = "error"\n',
            "(did you mean 'negative-language.blame'?)",
        ),
        ('[per-file-ignores]\n"legal/**" = ["jargn"]\n', "(did you mean 'jargon'?)"),
        ("[profiles.docs]\ninclude = []\n", "unknown profile 'docs' in [profiles] (did you mean 'doc'?)"),
        ("[profiles.doc]\nincludes = []\n", "unknown key 'includes' in [profiles.doc] (did you mean 'include'?)"),
        ('profile = "replies"\n', "profile must be one of 'reply', 'template', 'doc', not 'replies' (did you mean"),
        ('fail-on = "warn"\n', "(did you mean 'warning'?)"),
        ("[rules.eli5]\nmax-paragraph-words = -3\n", "rules.eli5.max-paragraph-words must be at least 1, not -3"),
        ("[rules.eli5]\nmax-sentence-words = { reply = -3 }\n", "max-sentence-words must be at least 1, not -3"),
        ("[rules.eli5]\ngrade-margin = 40\n", "rules.eli5.grade-margin must be from 0 to 10, not 40"),
        ("[rules.eli5]\ntarget-grade = { replies = 8 }\n", "['replies'] must be one of 'reply', 'template', 'doc'"),
        ("[rules.eli5]\ntarget-grade = { reply = -1 }\n", "rules.eli5.target-grade must be from 0 to 30, not -1"),
        ('[rules.eli5]\nlong-paragraph-profiles = ["replies"]\n', "items must be one of"),
        ('[rules.jargon]\nprofiles = ["docs"]\n', "(did you mean 'doc'?)"),
        ('[acronyms]\nSLA = "sometimes"\n', "acronyms.SLA must be one of 'everyday', 'spell-out'"),
        ('[mood]\nupset-word = ["grr"]\n', "unknown key 'upset-word' in [mood] (did you mean 'upset-words'?)"),
        ("[rules.over-apology]\nmax-apologies = -1\n", "must be at least 0, not -1"),
    ],
)
def test_a_mistake_is_named_with_its_line_and_the_likely_fix(tmp_path: Path, content: str, expected: str) -> None:
    write(tmp_path / "checklist.toml", content)
    with pytest.raises(ConfigError) as raised:
        Resolver(RULES, cwd=tmp_path)
    assert expected in str(raised.value)
    assert raised.value.line is not None and raised.value.line <= content.count("\n")


def test_a_command_line_selector_gets_a_suggestion_too(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"did you mean 'negative-language'\?"):
        Resolver(RULES, cwd=tmp_path, command_line=CommandLine(select=("negative-langauge",)))


def test_the_settings_that_name_files_are_all_listed() -> None:
    """Config.named_files (the result cache's key, and when a configuration builds its
    rules' settings at once) knows every setting that names a file a rule reads."""
    import dataclasses

    from empathylint.config.sections import NAMED_FILES

    naming = {
        (rule.group, settings_field.name.replace("_", "-"))
        for rule in RULES
        for settings_field in dataclasses.fields(rule.settings)
        if settings_field.name.endswith("_file")
    }
    assert naming == set(NAMED_FILES)


@dataclasses.dataclass(frozen=True)
class _Unresolved:
    words: tuple[str, ...] = ("kept",)
    later: NotDefinedHere | None = None  # type: ignore[name-defined]  # noqa: F821


def test_settings_left_at_their_defaults_never_evaluate_their_annotations() -> None:
    """Without a table that sets a field, a settings object is its defaults as they are: a
    run without checklist.toml does not resolve every rule's field types (get_type_hints)."""
    defaults = _Unresolved()
    assert build_settings(defaults, {}) is defaults
    assert build_settings(defaults, {"profiles": ["doc"]}) is defaults
    with pytest.raises(NameError):  # a table that sets a field resolves the types
        build_settings(defaults, {"words": ["set"]})
