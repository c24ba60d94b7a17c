"""Personalize canned replies.

What it does: in a reply (not a canned reply being written), flags text with nothing of
this customer in it. With the customer's message at hand: no name (in the greeting or the
body) and none of their own content words or details (the order number, the feature,
the error they named). Without it: no name, no detail (a number, a link) and the stock
phrases of a macro ("We have received your request", "We apologise for any
inconvenience"), as a hint. Unfilled placeholders are proofreading's business.

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

import re
from collections.abc import Iterator
from dataclasses import dataclass

from empathylint.diagnostics import Diagnostic, Severity
from empathylint.document import OBJECT, Document, Span
from empathylint.language.phrases import compile_phrases, find_phrases
from empathylint.rule import Code, Rule


@dataclass(frozen=True)
class Settings:
    generic_names: tuple[str, ...]
    generic_words: tuple[str, ...]
    stock_phrases: tuple[str, ...]
    min_stock_phrases: int
    # A customer message with fewer content words than this gave no detail to ignore.
    min_customer_details: int


_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d[\w-]*\d|\d{3,}")
# Function words and fillers that say nothing about a particular customer's case.
_STOPWORDS = frozenset(
    (
        "a",
        "about",
        "above",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "don't",
        "done",
        "down",
        "during",
        "each",
        "even",
        "every",
        "few",
        "for",
        "from",
        "further",
        "get",
        "gets",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "i'd",
        "i'll",
        "i'm",
        "i've",
        "if",
        "in",
        "into",
        "is",
        "isn't",
        "it",
        "it's",
        "its",
        "just",
        "know",
        "let",
        "like",
        "make",
        "me",
        "more",
        "most",
        "much",
        "my",
        "need",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "really",
        "same",
        "see",
        "she",
        "should",
        "so",
        "some",
        "still",
        "such",
        "than",
        "that",
        "that's",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "us",
        "very",
        "want",
        "was",
        "we",
        "we're",
        "we've",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "would",
        "yes",
        "yet",
        "you",
        "you're",
        "your",
        "yours",
    )
)


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    sentences = doc.body_sentences
    if not sentences or _names_the_customer(doc, settings):
        return
    first = sentences[0]
    if doc.customer_message is not None and doc.customer_message.strip():
        theirs = _content_words(doc.customer_message, settings)
        if len(theirs) < settings.min_customer_details:
            return  # "I need some help": they gave no detail a reply could ignore
        if theirs.keys() & _content_words(doc.slice(doc.body), settings).keys():
            return
        topics = ", ".join(list(theirs.values())[:3])
        yield RULE.diagnostic(
            "no-specifics",
            first,
            f"Nothing here is about this customer: no name and none of what they wrote about ({topics}). "
            "Greet them by name and mention their case.",
            suggestion=f"Hi {_name(doc)}, thanks for the details about the {topics.split(', ')[0]}. …",
        )
        return
    stock = compile_phrases(settings.stock_phrases)
    found = list(find_phrases(stock, doc.text, doc.body))
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


def _names_the_customer(doc: Document, settings: Settings) -> bool:
    if any(p.role == "customer" for p in doc.placeholders):
        return True
    generic = {name.lower() for name in settings.generic_names}
    if doc.greeting_name is not None:
        written = doc.slice(doc.greeting_name)
        if OBJECT in written or any(w.lower() not in generic for w in re.findall(r"[^\W\d_][\w'’-]*", written)):
            return True
    if doc.customer_name:
        body = doc.slice(doc.body).lower()
        return any(part.lower() in body for part in doc.customer_name.split() if len(part) > 1)
    return False


def _content_words(text: str, settings: Settings) -> dict[str, str]:
    """Stem -> a word as written, for words that could say what this case is about."""
    generic = {_stem(w.lower()) for w in settings.generic_words}
    found: dict[str, str] = {}
    for word in _WORD.findall(text):
        lowered = word.lower().replace("’", "'")
        if lowered in _STOPWORDS or (len(lowered) < 3 and not lowered.isdigit()):
            continue
        stem = _stem(lowered)
        if stem not in generic:
            found.setdefault(stem, word)
    return found


def _stem(word: str) -> str:
    """A crude stem so "refunded" meets "refund" and "charges" meets "charge"."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _has_detail(doc: Document) -> bool:
    body = doc.slice(doc.body)
    return any(c.isdigit() for c in body) or OBJECT in body


def _name(doc: Document) -> str:
    return doc.customer_name.split()[0] if doc.customer_name else "<their name>"


RULE = Rule(
    group="personalize-template",
    item="personal",
    codes=(
        # Info: whether a stock reply ignored what mattered to the customer is a reviewer's
        # judgement; words alone get it right about half the time on real replies.
        Code("no-specifics", "A reply with no name and none of the customer's own details.", Severity.INFO),
        Code("stock-macro", "A stock macro sent as is, with no name and no detail.", Severity.INFO),
    ),
    profiles=frozenset({"reply"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
