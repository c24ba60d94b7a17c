"""The automated-notice phrases stay honest data: sorted, unique, lower case, each found."""

from __future__ import annotations

from empathylint.language.notices import automated_notice_pattern, read_notice_phrases


def test_phrases_are_sorted_unique_and_lower_case() -> None:
    phrases = read_notice_phrases()
    assert list(phrases) == sorted(set(phrases))
    assert all(phrase == phrase.lower().strip() for phrase in phrases)


def test_every_phrase_is_found_in_a_sentence() -> None:
    for phrase in read_notice_phrases():
        sentence = f"Hello,\n\n{phrase.capitalize()} about your account.\n"
        assert automated_notice_pattern().search(sentence), phrase


def test_a_person_writing_about_automation_is_no_notice() -> None:
    assert automated_notice_pattern().search("Our automated backups run at night; reply if you need one.") is None
