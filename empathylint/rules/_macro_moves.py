"""The moves of a reply and of the message it answers. A stock reply is made, sentence by
sentence, of courtesies ("Sorry to hear that!", "Hope this helps.") and pointers elsewhere
(a link, "Please send us an email", "Check out this page"): it answers nobody in
particular, the same words could go to any customer who wrote about anything. Whether the
customer asked for something at all, and whether the agent says what they already did in
this case ("I've restored …"), tell a stock reply from a fair one."""

from __future__ import annotations

import re

from empathylint.document import OBJECT, Document, Span
from empathylint.language.mood import mood_of
from empathylint.language.phrases import PhraseMatcher
from empathylint.language.vocabulary import known_words

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
