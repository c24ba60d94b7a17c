"""Real words in the wrong place ("you account", "its been", "more then"): the rules of
context, read from data/confused-words.toml, and the matcher that applies them to a run of
words. Each rule names the wrong words with what was meant and the words that must stand
right before and after; a rule fires only where the other reading is (nearly) impossible."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.phrases import WORD_CHARACTERS, compile_phrases
from empathylint.language.vocabulary import data_table

SENTENCE_START = "^"
"""In `before`: the word opens a sentence. An entry of two words names the two before ("suggest you")."""
CLAUSE_START = ","
"""In `before`: a comma, a semicolon or a colon stands right before ("…, setup a PIN", "Step 2: Setup")."""
CLAUSE_END = "$"
"""In `after`: a comma, full stop, colon, semicolon, "!" or "?" follows right away ("Once setup, …").
An entry of two words names the two that follow ("its related to": "related to")."""
ANY_WORD = "*"
"""In `after`, as the first of two words: any one word, then the second ("You plan is": "* is")."""


@dataclass(frozen=True)
class ConfusedWord:
    wrong: str
    meant: str
    before: frozenset[str]
    after: frozenset[str]
    why: str
    # Words after which the other reading is the likely one ("Setup guide": a noun); an entry
    # of two words names the two after ("Your welcome email").
    not_after: frozenset[str] = frozenset()
    # Words before which leave the word as written ("try its best to": its own best).
    not_before: frozenset[str] = frozenset()

    @functools.cached_property
    def pairs_before(self) -> frozenset[str]:
        """The entries of `before` that name two words ("suggest you")."""
        return frozenset(entry for entry in self.before if " " in entry)

    @functools.cached_property
    def pairs_not_after(self) -> frozenset[str]:
        """The entries of `not_after` that name two words ("welcome email")."""
        return frozenset(entry for entry in self.not_after if " " in entry)


@dataclass(frozen=True)
class Confusion:
    start: int
    end: int
    written: str
    meant: str
    why: str


@functools.cache
def _rules() -> dict[str, tuple[ConfusedWord, ...]]:
    by_word: dict[str, list[ConfusedWord]] = {}
    for rule in data_table("confused-words")["rule"]:
        before, after = frozenset(rule.get("before", ())), frozenset(rule.get("after", ()))
        not_after, not_before = frozenset(rule.get("not_after", ())), frozenset(rule.get("not_before", ()))
        for wrong, meant in rule["words"].items():
            found = ConfusedWord(wrong, meant, before, after, rule["why"], not_after, not_before)
            by_word.setdefault(wrong, []).append(found)
    return {word: tuple(rules) for word, rules in by_word.items()}


def rules() -> dict[str, tuple[ConfusedWord, ...]]:
    """The rules by the wrong word they look for (lower case, ’ or ')."""
    return _rules()


def confusions(text: str, start: int, end: int, sentence_starts: frozenset[int]) -> Iterator[Confusion]:
    """The confused words of text[start:end]: neighbours count only when nothing but spaces
    stands between (no punctuation, no line break, no masked object)."""
    by_word = _rules()
    # One pass finds the few words a rule names; only their neighbours are read.
    for word in _wrong_words().finditer(text, start, end):
        candidates = by_word[word.group().lower().replace("’", "'")]
        lead = text[max(start, word.start() - _LONGEST_NEIGHBOUR) : word.start()].rstrip(" \t")
        # After a colon a capital opens a clause ("Step 2: Setup your team") as at a sentence's start.
        at_start = word.start() in sentence_starts or lead.endswith(":")
        if word.group()[0].isupper() and not at_start:
            continue  # capitalised mid-sentence: a product's term ("Login items"), not a slip
        previous = _word_before(text, max(start, word.start() - _LONGEST_NEIGHBOUR), word.start())
        if previous:
            before: str | None = previous.lower().replace("’", "'")
        else:
            before = CLAUSE_START if lead.endswith((",", ";", ":")) else None
        # The word before settles most of them ("to" is everywhere, "is to late" is rare): the
        # words after are read only for a rule still standing.
        standing = [
            rule
            for rule in candidates
            if (not rule.before or before in rule.before or (at_start and SENTENCE_START in rule.before))
            and before not in rule.not_before
        ]
        if previous and any(rule.pairs_before for rule in candidates):
            pair = _pair_before(text, max(start, word.start() - _LONGEST_NEIGHBOUR), word.start(), previous)
            standing += [rule for rule in candidates if rule not in standing and pair in rule.pairs_before]
        if not standing:
            continue
        following = _WORD_AFTER.match(text, word.end(), end)
        if following:
            after: str | None = following.group(1).lower().replace("’", "'")
        else:
            after = CLAUSE_END if text[word.end() : word.end() + 1] in _CLAUSE_MARKS and word.end() < end else None
        for rule in standing:
            if rule.after and after not in rule.after and not _pair_after(text, following, end) & rule.after:
                continue
            if rule.not_after and (after is None or after in rule.not_after):
                continue  # nothing after on the line ("## Setup") reads as the noun too
            if rule.pairs_not_after and _pair_after(text, following, end) & rule.pairs_not_after:
                continue  # "Your welcome email": the two words after name a thing
            yield Confusion(word.start(), word.end(), word.group(), _in_case_of(word.group(), rule.meant), rule.why)
            if after in _JOINING and following:
                yield from _joined(text, following.end(), end, rule, by_word)
            break


def inverted_questions(text: str, start: int, end: int) -> Iterator[Confusion]:
    """A question inside a sentence with the order of a direct one: "let us know which plan
    do you need" (read from `[embedded-question]` in data/confused-words.toml): its "do" is a
    word too many. "Which plan do you need?" on its own is right."""
    frame = data_table("confused-words")["embedded-question"]
    for found in _inverted_question().finditer(text, start, end):
        yield Confusion(found.start("aux"), found.end("aux"), found.group("aux"), "", frame["why"])


@functools.cache
def _inverted_question() -> re.Pattern[str]:
    frame = data_table("confused-words")["embedded-question"]

    def one_of(words: list[str]) -> str:
        return "|".join(re.escape(word).replace(r"\ ", "[ \t]+") for word in words)

    # Up to two words between the question word and "do" ("which plan", "how many seats"),
    # none of them "to": "what to do" is a verb of its own.
    between = r"(?:[ \t]+(?!to\b)[^\W\d_][\w'’-]*){0,2}?"
    return re.compile(
        rf"(?<![\w'’-])(?:{one_of(frame['lead'])})[ \t]+(?:{one_of(frame['question'])}){between}"
        rf"[ \t]+(?P<aux>{one_of(frame['auxiliary'])})[ \t]+(?:{one_of(frame['subject'])})(?![\w'’-])",
        re.IGNORECASE,
    )


_JOINING = frozenset({"and", "or"})


def _joined(
    text: str, at: int, end: int, rule: ConfusedWord, by_word: dict[str, tuple[ConfusedWord, ...]]
) -> Iterator[Confusion]:
    """The second of two verbs joined by "and" or "or" takes the first one's form: "you
    haven't download or use it" (a word of the same rule, read only after the first fired)."""
    second = _WORD_AFTER.match(text, at, end)
    if rule.after or not second:
        return
    for other in by_word.get(second.group(1).lower().replace("’", "'"), ()):
        if other.before == rule.before and other.why == rule.why:
            written = second.group(1)
            yield Confusion(second.start(1), second.end(1), written, _in_case_of(written, other.meant), other.why)
            return


@functools.cache
def _wrong_words() -> PhraseTrie:
    """The words the rules name, in either apostrophe, as one trie-shaped regex (a plain
    alternation is tried at every position of the text); not inside a hyphenated word."""
    pattern = compile_phrases(tuple(_rules()), word_characters=WORD_CHARACTERS + "-")
    assert pattern is not None, "confused-words.toml names no words"
    return pattern


_CLAUSE_MARKS = frozenset(",.;:!?")
# The word right before or after, with only spaces between.
_LONGEST_NEIGHBOUR = 40
_TRAILING_WORD = re.compile(r"(?<![\w'’-])[^\W_](?:[\w'’-]*[^\W_])?\Z")


def _word_before(text: str, low: int, high: int) -> str | None:
    """The word that ends text[low:high] before its spaces, searched from the last whitespace
    only (a regex ending in "$" is tried at every position of the window)."""
    window = text[low:high]
    stripped = window.rstrip(" \t")
    if len(stripped) == len(window) or not stripped:
        return None
    last_space = max(stripped.rfind(" "), stripped.rfind("\t"), stripped.rfind("\n"))
    found = _TRAILING_WORD.search(stripped, last_space + 1)
    return found.group() if found else None


_WORD_AFTER = re.compile(r"[ \t]+([^\W_](?:[\w'’-]*[^\W_])?)(?![\w'’-])")


def _pair_after(text: str, following: re.Match[str] | None, end: int) -> frozenset[str]:
    """The two words after as `after` may name them ("related to", "* is"), read only for a
    rule that the next word alone did not settle."""
    second = _WORD_AFTER.match(text, following.end(), end) if following else None
    if not (following and second):
        return frozenset()
    first, then = following.group(1).lower().replace("’", "'"), second.group(1).lower().replace("’", "'")
    return frozenset((f"{first} {then}", f"{ANY_WORD} {then}"))


def _pair_before(text: str, low: int, high: int, previous: str) -> str | None:
    """The two words before ("suggest you" of "suggest you to"), with only spaces between."""
    previous_end = low + len(text[low:high].rstrip(" \t"))
    first = _word_before(text, low, previous_end - len(previous))
    return f"{first} {previous}".lower().replace("’", "'") if first else None


def _in_case_of(original: str, replacement: str) -> str:
    if not replacement:
        return replacement  # a word to delete
    return replacement[0].upper() + replacement[1:] if original[0].isupper() else replacement
