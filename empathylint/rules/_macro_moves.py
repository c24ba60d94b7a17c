"""The moves of a reply and of the message it answers. A stock reply is made, sentence by
sentence, of courtesies ("Sorry to hear that!", "Hope this helps.") and pointers elsewhere
(a link, "Please send us an email", "Check out this page"): it answers nobody in
particular, the same words could go to any customer who wrote about anything. Whether the
customer asked for something at all, what they say they already tried or waited through,
whether the reply suggests a step they already took, asks them about their case or says what
the agent already did in this case ("I've restored …") tell a stock reply from a fair one."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet

from empathylint.document import OBJECT, Document, Span
from empathylint.language.mood import mood_of
from empathylint.language.mood_lexicon import PHRASE_KINDS, shipped_lexicon
from empathylint.language.phrases import PhraseMatcher
from empathylint.language.vocabulary import known_words
from empathylint.rules._reply import run_in

_LETTERS = re.compile(r"[^\W\d_]{2,}")


def only_courtesy_and_pointers(doc: Document, courtesy: PhraseMatcher, pointers: PhraseMatcher) -> bool:
    """Whether every body sentence with words in it is a courtesy or points elsewhere (holds a
    link or a pointer phrase), and at least one points elsewhere. A placeholder is a
    deliberate slot the writer fills with the answer, so a sentence holding one answers."""
    pointed = False
    for sentence in doc.body_sentences:
        words = doc.slice(sentence)
        if not _LETTERS.search(words.replace(OBJECT, " ")):
            continue
        if _holds_link(doc, sentence, words) or (pointers is not None and pointers.search(words)):
            pointed = True
        elif courtesy is None or not courtesy.search(words) or doc.placeholders_in(sentence):
            return False
    return pointed


def _holds_link(doc: Document, sentence: Span, words: str) -> bool:
    """Whether the sentence holds masked text that is no placeholder: a link or an address."""
    if OBJECT not in words:
        return False
    slots = doc.placeholders_in(sentence)
    return any(
        char == OBJECT and not any(slot.span.start <= sentence.start + i < slot.span.end for slot in slots)
        for i, char in enumerate(words)
    )


def asked_for_something(doc: Document, asking: PhraseMatcher) -> bool:
    """Whether the customer asked for something: a question, a word of asking ("please",
    "how", "need") or a problem in their mood's cues. A remark, praise or a warning to others
    asks nothing, and a thanks with a link answers it fairly."""
    message = doc.customer_message or ""
    if "?" in message or (asking is not None and asking.search(message) is not None):
        return True
    mood = mood_of(doc)
    return mood is not None and any(cue.leaning == "upset" for cue in mood.cues)


def asks_about_their_case(doc: Document, courtesy: PhraseMatcher) -> bool:
    """Whether the reply asks them something about their case ("Could you confirm the carrier
    on the package?"): a conversation, not a macro. A courtesy ("Anything else?") and asking
    whether they tried a step ("Have you tried restarting?", the stock troubleshooting
    question) are no such question."""
    for sentence in doc.body_sentences:
        words = doc.slice(sentence).rstrip()
        if words.endswith("?") and not _TRIED.search(words) and (courtesy is None or not courtesy.search(words)):
            return True
    return False


_TRIED = re.compile(r"\btr(?:y|ied|ying)\b", re.IGNORECASE)


# "I've restored", "we have just sent": the agent says what they did in this case.
_AGENT_PERFECT = re.compile(
    r"\b(?:I|we)(?:['’]ve|\s+have)(?:\s+(?:just|already|now))?\s+(?P<done>[^\W\d_]+)\b", re.IGNORECASE
)


def agent_acted(doc: Document) -> bool:
    """Whether the reply says what the agent already did about it: a reply about this case."""
    irregular = known_words("irregular-participles")
    return any(
        done.endswith("ed") or done in irregular
        for done in (m.group("done").lower() for m in _AGENT_PERFECT.finditer(doc.text, doc.body.start, doc.body.end))
    )


# A word, or a mark that ends a clause: a step's details stop at the clause's end.
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\w-]*|[,.;:!?()]")
# How many words after a step's verb say what it was done to ("restarted the router").
_STEP_REACH = 6


def retried_step(
    doc: Document, suggesting: PhraseMatcher, sharing: frozenset[str], details: Callable[[str], set[str]]
) -> str | None:
    """The reply's words suggesting a step the customer says they already took ("Try
    restarting your router" to someone who restarted the router; "You can restore it from
    Settings" to someone who tried restoring from Settings): the stock answer that LABELING
    calls asking them to try what they tried. A step matches by its verb and one detail it
    was done to (`details` gives a clause's detail stems), and the reply's sentence suggests
    it (a suggesting phrase, or the verb opening the sentence as an order). Passing on details
    or getting in touch (`sharing`: "send", "call") is no step to retry."""
    not_steps = {verb_stem(verb) for verb in sharing}
    taken: dict[str, set[str]] = {}
    for verb, done_to, _ in _steps(doc.customer_message or "", details, past=True):
        taken.setdefault(verb, set()).update(done_to)
    if not taken:
        return None
    opening = run_in(doc)
    # Only the verbs they took can be a step retried: the details of the reply's other verbs
    # are never read.
    retriable = taken.keys() - not_steps
    if not retriable:
        return None
    for sentence in [opening, *doc.body_sentences] if opening is not None else doc.body_sentences:
        words = doc.slice(sentence).replace(OBJECT, " ")
        suggests = suggesting is not None and suggesting.search(words) is not None
        for verb, done_to, found in _steps(words, details, past=False, verbs=retriable):
            if done_to & taken[verb] and (suggests or words.lstrip().lower().startswith(found.lower())):
                return found
    return None


def _steps(
    text: str, details: Callable[[str], set[str]], *, past: bool, verbs: AbstractSet[str] | None = None
) -> Iterator[tuple[str, set[str], str]]:
    """(verb stem, detail stems of what it was done to, the verb as written) for each verb of
    the text: past forms ("restarted", "sent", "tried restarting") when `past`, else the forms
    of a suggestion ("restart", "restarting"), never a past form ("Deleted playlists …"). A
    particle right after the verb ("log out") is what it was done to as well. With `verbs`,
    only the verbs of those stems (the others' details are not read)."""
    tokens = _TOKEN.findall(text)
    irregular = known_words("irregular-participles")
    particles = known_words("verb-particles")
    trying = known_words("trying-verbs")
    for index, token in enumerate(tokens):
        word = token.lower()
        is_past = (word.endswith("ed") and len(word) > 4) or word in irregular
        if is_past != past or not word[0].isalpha():
            continue
        if past and word in trying:
            following = [t for t in tokens[index + 1 : index + 3] if t.lower() != "to"]
            if not following or not following[0][0].isalpha():
                continue
            index, word = tokens.index(following[0], index + 1), following[0].lower()
        stem = verb_stem(word)
        if verbs is not None and stem not in verbs:
            continue
        clause = []
        for later in tokens[index + 1 : index + 1 + _STEP_REACH]:
            if not later[0].isalnum():
                break
            clause.append(later)
        done_to = details(" ".join(clause))
        if clause and clause[0].lower() in particles:
            done_to.add(f"{clause[0].lower()} (particle)")  # "logged out", "logging out"
        if done_to:
            yield stem, done_to, token


def verb_stem(word: str) -> str:
    """A crude stem that brings a verb's forms together: "restarted", "restarting" and
    "restart" are "restart"; "logged" and "log" are "log"."""
    word = detail_stem(word)
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]
    return word


def linked_page_words(source: str) -> str:
    """The words of the addresses the reply links to, without their sites: a link to
    ".../how-to-cancel-your-flight" answers the customer who asked how to cancel a flight."""
    return " ".join(_NOT_A_WORD.sub(" ", _SITE.sub("", url)) for url in _URL.findall(source))


# An address, and its scheme and site with any archive prefix ("https://web.archive.org/web/2020…/https://…").
_URL = re.compile(r"https?://[^\s<>()\]]+")
_SITE = re.compile(r"^(?:https?://[^/]+(?:/web/\d+)?/)+|[?#].*$")
_NOT_A_WORD = re.compile(r"[\W_]+")


@functools.cache
def effort_stems() -> frozenset[str]:
    """The words of the effort cues' phrases (language/data/mood.tsv), as stems."""
    lexicon = shipped_lexicon()
    return frozenset(
        detail_stem(word) for kind in _EFFORT_KINDS for phrase in lexicon.words(kind) for word in phrase.split()
    )


# The customer's mood cues (language/data/mood.tsv) that tell what they already did or
# waited through: a reply that ignores them asks them to start over.
_EFFORT_KINDS = ("kept-waiting", "persistence", "repeat-contact")
_EFFORT_CUES = frozenset(PHRASE_KINDS[kind].reason for kind in _EFFORT_KINDS)
_PERSISTENCE = PHRASE_KINDS["persistence"].reason


def their_effort(doc: Document) -> str | None:
    """Their words for what they already tried or waited through ("tried all", "2nd time",
    "on hold for an hour"), if any; the problem coming back ("keeps crashing") is none."""
    mood = mood_of(doc)
    if mood is None:
        return None
    recurrence = known_words("recurrence-words")
    return next(
        (
            cue.found
            for cue in mood.cues
            if cue.reason in _EFFORT_CUES
            and not (cue.reason == _PERSISTENCE and not recurrence.isdisjoint(cue.found.lower().split()))
        ),
        None,
    )


def detail_stem(word: str) -> str:
    """A crude stem so "refunded" meets "refund" and "charges" meets "charge"."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word
