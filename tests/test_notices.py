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


@pytest.mark.parametrize(
    "text",
    [
        # Interpolation (%{…}) is the sending program's, whatever the words inside.
        "Welcome aboard %{community_name}! %{starter_tips}\n\nWe hope you enjoy your time here.\n",
        "%{count} new members are waiting for your approval in [the review queue](%{base_url}/review).\n",
        # The reader as the one something was done to, in the passive.
        "Good news: you have been granted editor rights on %{space_title}.\n",
        "You were banned from the chat room until %{end_date}.\n",
        # Nouns and events of a system job.
        "Your nightly backup finished. Fetch it from [the backups page](%{base_url}/backups).\n",
        # A state the account is in now, as the site reports it.
        "Hi %{username},\n\nThe export of your messages is ready; [fetch it](%{download_url}) within a week.\n",
        # The system did it on its own.
        "This topic was automatically closed two weeks after its last reply.\n",
    ],
)
def test_a_systems_message_in_other_words_reads_as_a_notice(text: str) -> None:
    assert signs_of(text).weight >= NOTICE_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        # A person says what they did, with the same passive.
        "I checked, and you have been granted editor rights on %{space_title}.\n",
        # A helpdesk macro's own placeholder is no system slot unless its words are.
        "Your case {{ticket.id}} is with our billing team; they answer within a day.\n",
        # "you" acting is no passive.
        "You have finished the setup, so the widget should now show on your page.\n",
        # A person says the system did it, and what they did about it.
        "Your plan was automatically renewed, so I've refunded the charge and turned renewal off.\n",
    ],
)
def test_a_persons_macro_with_those_words_does_not(text: str) -> None:
    assert signs_of(text).weight < NOTICE_THRESHOLD


def test_a_bot_comment_is_signed_by_the_bot_and_its_thanks_is_a_hint() -> None:
    from empathylint import api

    bot = ":wave: @{issue-author}, this tracker is for bugs; questions get faster answers on our forum.\n"
    report = api.check_text(bot, profile="template", format="markdown")
    found = {d.rule_id: d.severity.name for d in report.diagnostics if d.rule_id.split(".")[0] in THANKS_AND_NAMES}
    assert found == {"thank-them.missing-thanks": "INFO"}
    person = bot.replace(":wave: @{issue-author}, this", "This")
    report = api.check_text(person, profile="template", format="markdown")
    found = {d.rule_id: d.severity.name for d in report.diagnostics if d.rule_id.split(".")[0] in THANKS_AND_NAMES}
    assert found == {
        "thank-them.missing-thanks": "WARNING",
        "use-their-name.missing-greeting": "WARNING",
        "use-your-name.missing-sign-off": "WARNING",
    }


THANKS_AND_NAMES = ("thank-them", "use-their-name", "use-your-name")
