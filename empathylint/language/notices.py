"""Telling an automated notice from a person's reply: by the words it says so with ("This is
an automated message"), or by how it reads.

A notice is what a system sends on an account event (a password reset, a hidden post, a
bounced email): the site speaks, about the reader's account, with placeholders the system
fills in, and greets and signs as nobody. A person's macro may also lack a greeting and a
sign-off (saved replies on an issue tracker), but a person speaks in it ("I", "let me know")
and it answers something the reader did. The signs below are weighed, and a text reads as a
notice when they reach NOTICE_THRESHOLD; word lists are language/data/words.toml's."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from empathylint.document import OBJECT, Document
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.phrases import compile_phrases
from empathylint.language.vocabulary import known_words

# How much the signs must weigh for a text to read as a notice. Tuned on the labeled
# canned replies: the system's placeholders and an account event together reach it, one
# of them alone does not, and a person speaking or a named greeting or sign-off pulls a
# text back below it.
NOTICE_THRESHOLD = 2


@functools.cache
def automated_notice_pattern() -> PhraseTrie:
    """language/data/words.toml's automated-notices as one pattern, built once when asked."""
    pattern = compile_phrases(tuple(sorted(known_words("automated-notices"))))
    if pattern is None:
        raise ValueError("words.toml lists no automated-notices")
    return pattern


@dataclass(frozen=True)
class NoticeSigns:
    """What a text shows of who sends it; `weight` sums them."""

    says_automated: bool = False  # "This is an automated message": decides on its own
    system_slots: int = 0  # distinct placeholders a system fills (%{base_url}, {{reset_token}})
    # sentences about an event on the reader's account ("your post was hidden") or telling
    # them to act on it ("Click the link to confirm your email")
    account_events: int = 0
    reader_object_first: bool = False  # a sentence opens with it: "Your account was created …"
    # a sentence says the system did it on its own: "This topic was automatically closed"
    done_automatically: bool = False
    person_speaks: bool = False  # "I", "me", "my": a person writes
    named_greeting: bool = False  # "Hi {{first_name}}", "@maria": addressed to one person
    signed: bool = False  # a sign-off that carries a name or a person's placeholder

    @property
    def weight(self) -> int:
        return (
            3 * self.says_automated
            + min(self.system_slots, 2)
            + min(self.account_events, 1)
            + self.reader_object_first
            + self.done_automatically
            - 2 * self.person_speaks
            - self.named_greeting
            - self.signed
        )


def reads_as_notice(doc: Document) -> bool:
    """Whether a text is an automated notice: it says so, or it is a canned reply whose signs
    reach NOTICE_THRESHOLD. A reply (to a customer's message) is no notice by its signs alone."""
    return doc.memo("reads-as-notice", lambda: _reads_as_notice(doc))


def _reads_as_notice(doc: Document) -> bool:
    if automated_notice_pattern().search(doc.text) is not None:
        return True
    if doc.profile != "template" or doc.customer_message is not None:
        return False
    return notice_signs(doc).weight >= NOTICE_THRESHOLD


# A mention of a placeholder, as bots on issue trackers greet the person who opened the
# issue (@{issue-author}, @{{ author }}, @%{username}): software fills it in, so a person's saved reply
# has none.
MENTION_SLOT = re.compile(r"@[%$]?\{\{?[^{}\n]{1,80}\}\}?[,.!:]?")


def is_bot_comment(doc: Document) -> bool:
    """Whether a canned reply is a bot's comment on an issue tracker: it mentions the
    reader by a placeholder only software fills in ("@{issue-author}, this looks like a
    support question"). A bot has no name to sign with, and its missing thanks is a nicety,
    not a reason to hold it back."""
    if doc.profile != "template" or doc.customer_message is not None:
        return False
    return doc.memo("is-bot-comment", lambda: MENTION_SLOT.search(doc.source) is not None)


def notice_signs(doc: Document) -> NoticeSigns:
    """The signs of a notice in a reply or canned reply."""
    nouns = known_words("notice-account-nouns")
    events = known_words("notice-account-events")
    pronouns = known_words("person-pronouns")
    actions = known_words("notice-account-actions")
    person_speaks = False
    account_events = 0
    reader_object_first = False
    done_automatically = False
    for sentence in doc.sentences:
        words = _words(doc.slice(sentence))
        person_speaks = person_speaks or any(word in pronouns for word in words)
        if _reader_passive(words, events):
            # "You have been granted moderator status", "You were suspended until %{date}":
            # something was done to the reader, as only the site tells them.
            account_events += 1
            reader_object_first = reader_object_first or words[:1] in (["you"], ["you've"])
            continue
        if not any(_singular(word) in nouns for word in words):
            continue
        if any(word in events for word in words):
            account_events += 1
            done_automatically = done_automatically or "automatically" in words
            reader_object_first = reader_object_first or _opens_with_reader_object(words, nouns)
        elif _calls_to_act(words, actions):
            account_events += 1
    return NoticeSigns(
        says_automated=automated_notice_pattern().search(doc.text) is not None,
        system_slots=len(_system_slots(doc.source)),
        account_events=account_events,
        reader_object_first=reader_object_first,
        done_automatically=done_automatically,
        person_speaks=person_speaks,
        named_greeting=doc.handle is not None or doc.greeting_name is not None,
        signed=_signed(doc),
    )


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A placeholder in a system's own syntax: an identifier in braces (%{base_url}, {{ reset_token }},
# ${site.title}), not a person's fill-in slot written in words ([Issue URL]).
_MACHINE_SLOT = re.compile(r"(%\{|\$\{|\{\{?)[ \t]*([a-z][a-z0-9_.]{0,80})[ \t]*\}")
# String interpolation (%{count}, ${name}) is filled by the program that sends the text, never
# by an agent in a helpdesk, so any identifier in it is the system's; a helpdesk macro's
# {{ticket.id}} counts only when its words are the system's (a link, a token, the site).
_INTERPOLATION = ("%{", "${")


def _words(sentence: str) -> list[str]:
    return [word.lower().replace("’", "'") for word in _WORD.findall(sentence)]


def _singular(word: str) -> str:
    """ "emails" is "email": the account nouns are listed in the singular."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _system_slots(source: str) -> set[str]:
    """The system's placeholders in the source, link targets included ("[your settings](%{base_url}/my)")."""
    slot_words = known_words("notice-slot-words")
    return {
        slot.group(2)
        for slot in _MACHINE_SLOT.finditer(source)
        if slot.group(1) in _INTERPOLATION or not slot_words.isdisjoint(re.split(r"[_.]", slot.group(2)))
    }


def _signed(doc: Document) -> bool:
    """A sign-off with a name, a person's placeholder or words beside a thing's ("%{site_name}
    Moderators"); a last line that is only a thing ("%{confirm_url}") signs as nobody."""
    if doc.sign_off_name is None:
        return False
    placeholders = doc.placeholders_in(doc.sign_off_name)
    beside = doc.slice(doc.sign_off_name).replace(OBJECT, "").strip()
    return bool(beside) or any(p.role != "other" for p in placeholders)


# What may stand between "you" and what was done to them ("you have now been granted").
_PASSIVE_AUXILIARIES = frozenset({"are", "been", "have", "just", "now", "were"})
_PASSIVE_MARKERS = frozenset({"are", "been", "were"})


def _reader_passive(words: list[str], events: frozenset[str]) -> bool:
    """ "You were suspended", "you've been promoted": the reader as the subject of an account
    event in the passive."""
    for index, word in enumerate(words):
        if word not in ("you", "you've"):
            continue
        between: list[str] = []
        for following in words[index + 1 : index + 5]:
            if following in events:
                # "you have finished" is the reader acting: a passive needs "been", "were" or "are".
                return not _PASSIVE_MARKERS.isdisjoint(between)
            if following not in _PASSIVE_AUXILIARIES:
                break
            between.append(following)
    return False


def _calls_to_act(words: list[str], actions: frozenset[str]) -> bool:
    """ "Click the link below to confirm your email", "Please verify your address": the
    sentence opens by telling the reader to act on their account."""
    head = words[1:2] if words[:1] == ["please"] else words[:1]
    return bool(head) and head[0] in actions


def _opens_with_reader_object(words: list[str], nouns: frozenset[str]) -> bool:
    """ "Your post was hidden …", "A new account was created …": the reader's account is what
    the sentence is about, and something was done to it."""
    head = words[:4]
    return bool(head) and head[0] in ("your", "a", "the") and any(_singular(word) in nouns for word in head[1:])
