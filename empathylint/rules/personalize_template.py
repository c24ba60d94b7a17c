"""Personalize canned replies.

What it does: in a reply (not a canned reply being written), flags text with nothing of
this customer in it. With the customer's message at hand: a reply suggesting a step they say
they already took ("Try restarting your router" to someone who restarted it); a stock answer to someone who
said what they already tried or how long they waited ("still", "tried everything", "third
time"), taking up at most one of their content words or details (the order number, the
feature, the error they named) in the reply or in the address of a page it links to
(".../move-your-seat" answers a question about a seat); or a macro phrase with no name (in
the greeting, or said to them mid-sentence: "Thanks for writing, Priya!") and none of
their words; or, to a customer who asked for something, a reply made only of courtesies and
pointers elsewhere ("Sorry to hear that! Please send us an email here: …") that takes up at
most one of their details, and whose links' addresses name none of them. A reply that asks
them something about their case ("Which browser are you using?") is a conversation, not a
macro. Without it: no name, no detail (a number, a link) and the stock
phrases of a macro ("We have received your request", "We apologise for any
inconvenience"), as a hint. A notice (the notice channel, or a text that says it is an
automated message) is stock by design and is not checked. Unfilled placeholders are
proofreading's business.

Why it matters: a macro is a start, not a reply. A customer who wrote three lines about
their broken export and gets a paragraph that could go to anyone feels unheard, however
correct the paragraph is.

Example:
    > My CSV export from the Reports page stops at 500 rows.

    Hello, thank you for contacting us. We have received your request and a member of our
    team will assist you.

Use instead:
    Hi Dana, thanks for the details on the CSV export stopping at 500 rows. …
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import OBJECT, Document, Span
from empathylint.language.phrases import find_phrases, phrase_matcher, phrase_set
from empathylint.language.vocabulary import default_phrases, known_words
from empathylint.rule import Code, Rule, bounded
from empathylint.rules._macro_moves import (
    agent_acted,
    asked_for_something,
    asks_about_their_case,
    detail_stem,
    effort_stems,
    linked_page_words,
    only_courtesy_and_pointers,
    retried_step,
    their_effort,
)
from empathylint.rules._reply import is_automated_notice, run_in


@dataclass(frozen=True)
class Settings:
    # Words after "Hi" that name nobody.
    generic_names: tuple[str, ...] = field(default_factory=default_phrases("personalize-template", "generic-names"))
    # Support words that appear in any reply and say nothing about this customer's case.
    generic_words: tuple[str, ...] = field(default_factory=default_phrases("personalize-template", "generic-words"))
    # Phrases of a macro sent unchanged.
    stock_phrases: tuple[str, ...] = field(default_factory=default_phrases("personalize-template", "stock-phrases"))
    # How many stock phrases make a reply with no name or detail read as a macro.
    min_stock_phrases: int = bounded(2, minimum=1)
    # Function words and fillers that say nothing about a particular customer's case.
    function_words: tuple[str, ...] = field(default_factory=default_phrases("personalize-template", "function-words"))
    # A customer message with fewer content words than this ("I need some help") gave no
    # detail that a stock reply could ignore.
    min_customer_details: int = bounded(5, minimum=0)
    # To a customer who said what they tried or how long they waited, or to anyone who gave
    # details when the reply only points elsewhere, a reply that takes up no more of their
    # details than this reads as stock.
    max_shared_details: int = bounded(1, minimum=0)
    # Sentences of courtesy that say nothing of the case ("Sorry to hear that!", "Hope this helps").
    courtesy_phrases: tuple[str, ...] = field(
        default_factory=default_phrases("personalize-template", "courtesy-phrases")
    )
    # What sends the customer elsewhere instead of answering ("send us an email", "check out"),
    # besides a link.
    pointer_phrases: tuple[str, ...] = field(default_factory=default_phrases("personalize-template", "pointer-phrases"))
    # Words of a customer asking for something; with none (and no "?") they remarked, praised
    # or warned, and a thanks with a link is a fair answer.
    asking_words: tuple[str, ...] = field(default_factory=default_phrases("personalize-template", "asking-words"))
    # What makes a sentence of the reply suggest a step ("try", "we recommend"): suggesting a
    # step the customer says they already took asks them to try what they tried.
    suggesting_phrases: tuple[str, ...] = field(
        default_factory=default_phrases("personalize-template", "suggesting-phrases")
    )
    # What a reply says to take up what they already tried ("thanks for trying that", "already").
    effort_words: tuple[str, ...] = field(default_factory=default_phrases("personalize-template", "effort-words"))
    # Verbs of passing on details or reaching us ("share", "send", "call"): asking for
    # details again (privately) or to get in touch is no step they are asked to retry.
    sharing_verbs: tuple[str, ...] = field(default_factory=default_phrases("personalize-template", "sharing-verbs"))

    generic_name_set = phrase_set("generic_names")
    generic_word_set = phrase_set("generic_words")

    @functools.cached_property
    def generic_stems(self) -> frozenset[str]:
        """The generic words as stems, so "issues" is as generic as "issue"."""
        return frozenset(detail_stem(word) for word in self.generic_word_set)

    function_word_set = phrase_set("function_words")
    stock = phrase_matcher("stock_phrases")
    courtesy = phrase_matcher("courtesy_phrases")
    pointers = phrase_matcher("pointer_phrases")
    asking = phrase_matcher("asking_words")
    suggesting = phrase_matcher("suggesting_phrases")
    sharing_verb_set = phrase_set("sharing_verbs")
    effort_taken_up = phrase_matcher("effort_words")


_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d[\w-]*\d|\d{3,}")


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    # A social reply can be one sentence the greeting runs into ("@maria Hi there, try …").
    if not doc.body_sentences and run_in(doc) is None:
        return
    if doc.customer_message is not None and doc.customer_message.strip():
        yield from _against_their_message(doc, settings)
        return
    if _names_the_customer(doc, settings):
        return
    found = list(find_phrases(settings.stock, doc.text, doc.body))
    if len(found) < settings.min_stock_phrases or _has_detail(doc):
        return
    quoted_stock = ", ".join(f'"{m.group()}"' for m in found[:2])
    yield RULE.diagnostic(
        "stock-macro",
        Span(found[0].start(), found[0].end()),
        f"This reads as a stock macro ({quoted_stock}) with no name and no detail of the case; "
        "add their name and one line about their situation.",
        suggestion=f"Hi {_name(doc)}, about your … : …",
    )


def _against_their_message(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    """A stock answer to a customer who said what they already tried or how long they have
    waited ("still", "tried everything", "third time"), taking up at most one of their
    details: what LABELING calls asking them to try what they tried. Otherwise only a macro
    (a stock phrase) with no name and none of their words."""
    theirs = _content_words(doc.customer_message or "", settings)
    if len(theirs) < settings.min_customer_details:
        return  # "I need some help": they gave no detail a reply could ignore
    ours = _content_words(doc.slice(doc.body) + " " + linked_page_words(doc.source), settings)
    shared = theirs.keys() & ours.keys()
    topics = ", ".join(list(theirs.values())[:3])
    first = doc.body_sentences[0] if doc.body_sentences else run_in(doc) or doc.body
    retried = retried_step(
        doc, settings.suggesting, settings.sharing_verb_set, lambda clause: set(_content_words(clause, settings))
    )
    if retried is not None and not agent_acted(doc):
        yield RULE.diagnostic(
            "retried-step",
            first,
            f'This asks them to "{retried}" …, which they say they already did: a stock answer reads as if '
            "nobody read it. Take it up and say what comes next.",
            suggestion="Thanks for trying that already. Since it didn't help, here is what I see in your case: …",
        )
        return
    if asks_about_their_case(doc, settings.courtesy):
        return  # "Could you confirm the carrier?": a conversation about this case, not a macro
    effort = their_effort(doc)
    if (
        effort is not None
        and len(shared) <= settings.max_shared_details
        and not agent_acted(doc)
        # "Thanks for trying that already": the reply takes up what they did
        and not any(find_phrases(settings.effort_taken_up, doc.text, doc.body))
    ):
        yield RULE.diagnostic(
            "no-specifics",
            first,
            f'They said "{effort}", and this takes up {"one" if shared else "none"} of what they wrote about '
            f"({topics}): a stock answer reads as if nobody read it. Say what you see in their case.",
            suggestion=f'You wrote "{effort}" about the {_topic(theirs)}, so here is what I see in your case: …',
        )
        return
    if (
        asked_for_something(doc, settings.asking)
        and len(shared) <= settings.max_shared_details
        and only_courtesy_and_pointers(doc, settings.courtesy, settings.pointers)
        # a page whose address names their topic (".../booking-changes") answers them
        and theirs.keys().isdisjoint(_content_words(linked_page_words(doc.source), settings))
    ):
        yield RULE.diagnostic(
            "no-specifics",
            first,
            f"This only says sorry or thanks and points elsewhere, and takes up {'one' if shared else 'none'} "
            f"of what they wrote about ({topics}): it could go to anyone. Answer their question here.",
            suggestion=f"About the {_topic(theirs)}: …",
        )
        return
    if shared or _names_the_customer(doc, settings) or not any(find_phrases(settings.stock, doc.text, doc.body)):
        return
    yield RULE.diagnostic(
        "no-specifics",
        first,
        f"Nothing here is about this customer: no name and none of what they wrote about ({topics}). "
        "Greet them by name and mention their case.",
        suggestion=f"Hi {_name(doc)}, thanks for the details about the {topics.split(', ')[0]}. …",
    )


def _topic(theirs: dict[str, str]) -> str:
    """The first detail they wrote that is not a word of trying or waiting ("tried", "still")."""
    return next((word for stem, word in theirs.items() if stem not in effort_stems()), "problem")


def _names_the_customer(doc: Document, settings: Settings) -> bool:
    if any(p.role == "customer" for p in doc.placeholders):
        return True
    generic = settings.generic_name_set
    if doc.greeting_name is not None:
        written = doc.slice(doc.greeting_name)
        if OBJECT in written or any(w.lower() not in generic for w in re.findall(r"[^\W\d_][\w'’-]*", written)):
            return True
    opening = doc.greeting.start if doc.greeting is not None else doc.body.start
    for vocative in _VOCATIVE.finditer(doc.text, opening, doc.body.end):
        name = vocative.group("greeted") or vocative.group("addressed")
        if name.lower() not in generic and name.lower() not in known_words("not-names"):
            return True  # "Thanks for reaching out, Jessica!": a social reply greets mid-sentence
    if doc.customer_name:
        body = doc.slice(doc.body).lower()
        return any(part.lower() in body for part in doc.customer_name.split() if len(part) > 1)
    return False


# A name said to the reader: after a greeting word ("¡Hi Cassie!", "Hi, Jason."), or after a
# comma at the end of a sentence ("Sorry for the trouble, Nick!"; a list's "Mac, iOS" is none).
_VOCATIVE = re.compile(
    r"(?:\b(?:Hi|Hello|Hey|Dear)[ \t]*,?[ \t]+(?P<greeted>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=[ \t]*[!.,?](?!\w))"
    r"|,[ \t]+(?P<addressed>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=[ \t]*[!.?](?!\w)))"
)


def _content_words(text: str, settings: Settings) -> dict[str, str]:
    """Stem -> a word as written, for words that could say what this case is about."""
    found: dict[str, str] = {}
    for word in _WORD.findall(text):
        lowered = word.lower().replace("’", "'")
        if lowered in settings.function_word_set or (len(lowered) < 3 and not lowered.isdigit()):
            continue
        stem = detail_stem(lowered)
        if stem not in settings.generic_stems:
            found.setdefault(stem, word)
    return found


def _has_detail(doc: Document) -> bool:
    body = doc.slice(doc.body)
    return any(c.isdigit() for c in body) or OBJECT in body


def applies_to(doc: Document) -> bool:
    """A notice (the notice channel, or "This is an automated message") is the same for
    everyone by design: there is no one to personalise it for."""
    return not is_automated_notice(doc)


def _name(doc: Document) -> str:
    return doc.customer_name.split()[0] if doc.customer_name else "<their name>"


RULE = Rule(
    group="personalize-template",
    item="personal",
    codes=(
        # Info: whether a stock reply ignored what mattered to the customer is a reviewer's
        # judgement; words alone get it right about half the time on real replies.
        Code("no-specifics", "A reply with no name and none of the customer's own details.", Severity.INFO),
        # Warning: asking them to redo the step they named is what LABELING calls not ready,
        # and it is read from their own words, not guessed.
        Code("retried-step", "A reply asking the customer to try what they say they already tried.", Severity.WARNING),
        Code("stock-macro", "A stock macro sent as is, with no name and no detail.", Severity.INFO),
    ),
    profiles=frozenset({"reply"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
    applies_to=applies_to,
)
