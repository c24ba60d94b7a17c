"""Telling a notice from a person's reply: the automated-notice phrases are each found in a
notice, and a canned reply reads as a notice by its signs, while a person's macro does not."""

from __future__ import annotations

import pytest

from empathylint.document import PlaceholderVocabulary
from empathylint.formats import ReadOptions, read_document
from empathylint.language.notices import NOTICE_THRESHOLD, NoticeSigns, automated_notice_pattern, notice_signs
from empathylint.language.vocabulary import known_words


@pytest.mark.parametrize("phrase", sorted(known_words("automated-notices")))
def test_every_phrase_is_found_in_a_sentence(phrase: str) -> None:
    assert automated_notice_pattern().search(f"Hello,\n\n{phrase.capitalize()} about your account.\n")


def test_a_person_writing_about_automation_is_no_notice() -> None:
    assert automated_notice_pattern().search("Our automated backups run at night; reply if you need one.") is None


def signs_of(text: str) -> NoticeSigns:
    return notice_signs(read_document(text, "macro.md", ReadOptions("template", PlaceholderVocabulary())))


def test_a_system_placeholder_in_a_link_target_counts() -> None:
    signs = signs_of("Our emails to you bounced. Check [your address](%{base_url}/my/email) at %{site_name}.\n")
    assert (signs.system_slots, signs.account_events) == (2, 1)
    assert signs.weight >= NOTICE_THRESHOLD


def test_a_call_to_act_on_the_account_is_an_account_event() -> None:
    signs = signs_of("Click the button below to confirm your email address.\n\n{{ confirm_url }}\n")
    assert (signs.system_slots, signs.account_events) == (1, 1)
    assert signs.weight >= NOTICE_THRESHOLD
    assert signs_of("Please confirm your email address so I can look into the charge.\n").account_events == 1


def test_the_site_speaking_about_an_account_event_reads_as_a_notice() -> None:
    signs = signs_of("Your password was reset at %{site_name}.\n\nSign in again at %{base_url}/login.\n")
    assert (signs.system_slots, signs.account_events, signs.reader_object_first) == (2, 1, True)
    assert signs.weight >= NOTICE_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        # A person speaks, with the same placeholders and event.
        "I reset your password at %{site_name}. Sign in again at %{base_url}/login.\n",
        # The team acts in its own voice; a slot an agent fills is no system placeholder.
        "We have unlocked your account. See [Issue URL] for what changed.\n",
        # A person asks the reader to act on their account.
        "Please confirm your email address so I can look into the charge on %{site_name}.\n",
        # Named and signed, as a person's macro is.
        "Hi {{first_name}},\n\nYour account was created at %{site_name}.\n\nBest,\n{{agent_name}}\n",
    ],
)
def test_a_persons_macro_does_not(text: str) -> None:
    assert signs_of(text).weight < NOTICE_THRESHOLD
