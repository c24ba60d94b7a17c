"""The automated-notice phrases: each is found in a notice, and a person is no notice."""

from __future__ import annotations

import pytest

from empathylint.language.notices import automated_notice_pattern
from empathylint.language.vocabulary import known_words


@pytest.mark.parametrize("phrase", sorted(known_words("automated-notices")))
def test_every_phrase_is_found_in_a_sentence(phrase: str) -> None:
    assert automated_notice_pattern().search(f"Hello,\n\n{phrase.capitalize()} about your account.\n")


def test_a_person_writing_about_automation_is_no_notice() -> None:
    assert automated_notice_pattern().search("Our automated backups run at night; reply if you need one.") is None
