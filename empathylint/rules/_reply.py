"""Small helpers the empathy rules share: quoting the reply back, finding its sentences,
telling an automated notice from a person's reply."""

from __future__ import annotations

import bisect
import functools
import re

from empathylint.document import Document, Span
from empathylint.language.notices import is_bot_comment, reads_as_notice
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.phrases import compile_phrases
from empathylint.language.vocabulary import default_words


def quoted(doc: Document, span: Span) -> str:
    """The reply's own words for a span, for a suggestion: masked links and placeholders
    come back as written in the source, line breaks become spaces."""
    if doc.encoded_source:
        return " ".join(doc.text[span.start : span.end].split())
    start, end = doc.source_span(span.start, span.end)
    return " ".join(doc.source[start:end].split())


def sentence_at(doc: Document, offset: int) -> Span | None:
    """The body sentence holding a text offset."""
    index = _last_starting_at_or_before(doc, offset)
    if index >= 0 and offset < doc.body_sentences[index].end:
        return doc.body_sentences[index]
    return None


def run_in(doc: Document) -> Span | None:
    """The body's words in the sentence a greeting runs into ("@maria Hi there, we're sorry
    for the trouble."): that sentence starts before the body, so it is no body sentence."""
    first = doc.body_sentences[0].start if doc.body_sentences else doc.body.end
    words = doc.text[doc.body.start : first]
    if first > doc.body.start and words.strip():
        return Span(doc.body.start + len(words) - len(words.lstrip()), first)
    return None


def reply_sentence(doc: Document, offset: int) -> Span | None:
    """The body sentence holding an offset, or the words a greeting runs into when it is
    there ("@maria Hi there, we don't offer refunds on gift cards.")."""
    sentence = sentence_at(doc, offset)
    if sentence is None:
        opening = run_in(doc)
        if opening is not None and opening.start <= offset < opening.end:
            return opening
    return sentence


def neighbourhood(doc: Document, sentence: Span, before: int, after: int) -> list[Span]:
    """The sentence with up to `before` body sentences before it and `after` after it."""
    sentences = doc.body_sentences
    index = _last_starting_at_or_before(doc, sentence.start)
    if index < 0 or sentences[index] != sentence:
        raise ValueError(f"{sentence} is not a body sentence")
    return sentences[max(0, index - before) : index + after + 1]


def _last_starting_at_or_before(doc: Document, offset: int) -> int:
    """Body sentences follow one another without overlapping, so the one holding an offset
    is found by bisection: a scan per finding was quadratic on a long help article."""
    return bisect.bisect_right(doc.body_sentences.starts, offset) - 1


def is_automated_notice(doc: Document) -> bool:
    """Whether the text is a notice a system sends, not a person's reply: sent on the notice
    channel, or reading as one (language/notices.py: "This is an automated message", or the
    site speaking about the reader's account with the system's placeholders)."""
    return doc.channel == "notice" or reads_as_notice(doc)


def is_bot(doc: Document) -> bool:
    """Whether nobody writes the text as themselves: a notice, or a bot's comment on an issue
    tracker (language/notices.py), so that no person's name belongs under it."""
    return is_automated_notice(doc) or is_bot_comment(doc)


# A refusal's rewrite leads with what can be done and keeps the no word for word: a no is
# never rewritten into a yes. The gaps (…) are for the writer to fill, so it is shown, never
# written. negative-language and say-no-with-why give the same rewrite for one sentence.
_LEAD = "What {who} can do is …"
_WHY = "That's because …"
# Where a clause after the no may start: a comma, semicolon, colon or a dash between spaces,
# then a connective that goes when the clauses swap ("but", "however").
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:]|\s[-–—])\s*(?:(?:but|however|though|and|so)\b,?\s*)?", re.IGNORECASE)
# A no in a clause that leans on the next ("While we don't offer X, we do offer Y").
_SUBORDINATE = re.compile(r"(?:while|whilst|although|though)\b", re.IGNORECASE)
_READER = re.compile(r"you\b", re.IGNORECASE)
# "We can only …" and "we do not …" are other nos, not alternatives.
_ONLY = re.compile(r"\s+(?:only|not)\b", re.IGNORECASE)


@functools.cache
def _alternative_openers() -> PhraseTrie | None:
    """How an alternative opens ("you can", "please", "we do offer"): language/data/refusals.toml."""
    return compile_phrases(default_words("refusals", "alternative-openers")())


def refusal_rewrite(doc: Document, sentence: Span, refusal: Span, *, needs_reason: bool) -> str:
    """The sentence holding a no, rewritten to lead with what can be done, the no kept:
    an alternative already in the sentence or the next one goes first ("We cannot remove it
    for you, you will need to follow these steps" -> "You will need to follow these steps.
    We cannot remove it for you."); else a gap for it ("What we can do is … We cannot
    refund it."). A no without its reason gets a gap for that too ("That's because …")."""
    why = f" {_WHY}" if needs_reason else ""
    text = doc.text
    within = _alternative_within(text, refusal.end, sentence.end)
    if within is not None:
        no_end, alternative_start = within
        no = quoted(doc, Span(sentence.start, no_end))
        alternative = quoted(doc, Span(alternative_start, sentence.end)).rstrip(" .!")
        alternative = capitalised(alternative)
        if _SUBORDINATE.match(no):
            return f"{alternative}, {no[:1].lower()}{no[1:]}.{why}"
        return f"{alternative}. {capitalised(no)}.{why}"
    following = _next_sentence(doc, sentence)
    if following is not None and _opens_alternative(text, following.start):
        return f"{quoted(doc, following)} {capitalised(quoted(doc, sentence))}{why}"
    who = "you" if _READER.match(text, refusal.start) else "we"
    return f"{_LEAD.format(who=who)} {capitalised(quoted(doc, sentence))}{why}"


def capitalised(words: str) -> str:
    """The words with a capital first letter, as a sentence of a suggestion starts."""
    return words[:1].upper() + words[1:]


def _alternative_within(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the no's clause ends and an alternative right after it starts, in text[start:end]."""
    found = _CLAUSE_BREAK.search(text, start, end)
    if found is None or not _opens_alternative(text, found.end()):
        return None
    return found.start(), found.end()


def _opens_alternative(text: str, start: int) -> bool:
    """Whether an alternative opens at `start`: "you can …", not "we can only …" or "we do not …"."""
    openers = _alternative_openers()
    opener = openers.match(text, start) if openers is not None else None
    return opener is not None and _ONLY.match(text, opener.end()) is None


def _next_sentence(doc: Document, sentence: Span) -> Span | None:
    """The body sentence after `sentence` (after a greeting's run-in, the first one)."""
    index = _last_starting_at_or_before(doc, sentence.start)
    sentences = doc.body_sentences
    if index >= 0 and sentences[index] != sentence:
        return None  # not a body sentence, nor a run-in before them
    return sentences[index + 1] if index + 1 < len(sentences) else None
