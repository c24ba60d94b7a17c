"""Where a text explains a term: beside it in brackets, as an appositive, with "called",
"means", "is a" or "is when", as a list item's label, in the sentence after it ("This means …"), or by
writing out the words an acronym's letters stand for."""

from __future__ import annotations

import re

from empathylint.language.phrases import normalize
from empathylint.language.regex_on_use import LazyPattern

# Cues that the words BEFORE them are being explained. Each pattern starts with a character
# or a class of them, so the regex engine skips ahead to where one can stand.
_EXPLAINS_BEFORE = (
    LazyPattern(r"\((?!\s*\*?\.\w+\))(?=[^()]*[a-z]{3})[^()]{3,120}\)"),  # SSO (single sign-on), not "(.csv)"
    LazyPattern(  # DNS, the internet's address book; Stripe, our payment company
        r"(?:,|—|–| - )\s*(?:the|a|an|or|our|i\.e\.|meaning|short\s+for|which\s+means|which\s+is\s+(?:the|a|an))\s"
    ),
    LazyPattern(r"\s(?:means|stands\s+for|is\s+short\s+for|is\s+what|is\s+how|refers\s+to)\b"),  # DNS means …
    # "via LDAP or another data source" names its kind; "a chargeback or payment reversal,"
    # gives the everyday words for it.
    LazyPattern(
        r"\sor\s+(?:(?:another|other|some\s+other|a\s+similar)\s|(?!(?:a|an|the|your|our|their|my|any|to|if|not|you|we|it)\s)[a-z]+\s+(?!(?:it|them|this|that|again|here|there|now)\b)[a-z]+(?=[.,;:!?)]))"
    ),
)
# A bracket that is an aside, not a gloss of the words before it: a condition or a pointer
# ("the webhook (if you use one)", "(see below)", "(optional)").
_ASIDE = LazyPattern(r"\(\W*(?:if|see|unless|optional|optionally)\b", re.IGNORECASE)
# Cues that explain the words AFTER them, or name what they explain in a group.
_ALIAS_IN_BRACKETS = LazyPattern(r"\(\s*(?P<named>[\w'’-]+(?:\s+[\w'’-]+){0,2})\s*\)")  # single sign-on (SSO)
_AFTER_A_WORD = LazyPattern(r"\w[ \t]*$")
# a copy called a cache
_CALLED = LazyPattern(r"(?:called|known\s+as|named)\s+(?:an?\s+|the\s+)?[“\"']?(?P<named>[\w'’-]+(?:\s+[\w'’-]+){0,3})")
# two-factor authentication, or 2FA
_OR_ALIAS = LazyPattern(r",(?<=\w,)\s+or\s+(?P<named>[A-Z][\w-]*[A-Z]\w*)\b")
# "A proxy is a server …", "The URIs can be …", "A chargeback is when your bank …",
# "Throttling happens when …": the subject opening a sentence is explained.
_DEFINES_SUBJECT = LazyPattern(r"\s(?:(?:is|are)\s+(?:an?|the|like|when)|can\s+be|happens\s+when)\s")
_SUBJECT_BEFORE = LazyPattern(
    r"(?:^|[.!?][ \t]+)[ \t]*(?:(?:an?|the)[ \t]+)?(?P<named>[\w'’-]+(?:[ \t]+[\w'’-]+){0,2})[ \t]*\Z",
    re.IGNORECASE | re.MULTILINE,
)
# "- End-to-end encrypted: only you can read it": a list item's label is explained.
_DEFINES_LABEL = LazyPattern(r"[:—–][ \t]+(?=\w)")
_LABEL_BEFORE = LazyPattern(
    r"^[ \t]*(?:[-*+•]|\d+[.)])?[\W_]*(?P<named>[\w'’-]+(?:[ \t]+[\w'’-]+){0,3})[\W_]*\Z", re.MULTILINE
)
_ARTICLE = LazyPattern(r"^(?:the|a|an)\s+")
_WORDS_BEFORE = LazyPattern(r"((?:[\w'’-]+\s+){0,3}[\w'’-]+)\s*\Z")
# A sentence that the next one explains as a whole: "… a zero-knowledge solution. This means …"
_EXPLAINS_PREVIOUS_SENTENCE = LazyPattern(r"[.!?]\s+(?:This|That|It)\s+means\b|[.!?]\s+In\s+other\s+words\b")
_SENTENCE_START = LazyPattern(r"(?:^|[.!?:]\s|\n)(?=[^.!?:\n]*$)")
# How far back from a cue the words it explains may start, in characters.
_REACH = 120


def explained_names(text: str) -> frozenset[str]:
    """Every run of up to four words the text explains somewhere: in brackets beside it,
    as an appositive ("DNS, the internet's address book"), with "called", "means", …
    A run is kept with all its endings ("your DNS" gives "your dns" and "dns") and, after
    "called", all its beginnings, so a term is explained when one of them is the term."""
    names: set[str] = set()
    for pattern in _EXPLAINS_BEFORE:
        for cue in pattern.finditer(text):
            before = _WORDS_BEFORE.search(text, max(0, cue.start() - _REACH), cue.start())
            if before is not None and not _ASIDE.match(cue.group()):
                names.update(_endings(before.group(1)))
    for cue in _EXPLAINS_PREVIOUS_SENTENCE.finditer(text):
        earliest = max(0, cue.start() - 300)
        opening = _SENTENCE_START.search(text, earliest, cue.start())
        words = normalize(text[opening.end() if opening else earliest : cue.start()]).split()
        names.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1))
    for cue in _ALIAS_IN_BRACKETS.finditer(text):
        if _AFTER_A_WORD.search(text, max(0, cue.start() - 8), cue.start()) and _aliases(text, cue):
            # "single sign-on (SSO)": the bracket holds another name for the words before it.
            names.add(_ARTICLE.sub("", normalize(cue.group("named"))))
    named = [cue.group("named") for cue in _CALLED.finditer(text) if _starts_a_word(text, cue.start())]
    named.extend(cue.group("named") for cue in _OR_ALIAS.finditer(text))
    for cue in _DEFINES_SUBJECT.finditer(text):
        subject = _SUBJECT_BEFORE.search(text, max(0, cue.start() - _REACH), cue.start())
        if subject is not None:
            named.append(subject.group("named"))
    for cue in _DEFINES_LABEL.finditer(text):
        label = _LABEL_BEFORE.search(text, text.rfind("\n", 0, cue.start()) + 1, cue.start())
        if label is not None:
            named.append(label.group("named"))
    for words in map(str.split, map(normalize, named)):
        names.update(" ".join(words[: i + 1]) for i in range(len(words)))
        names.update(" ".join(words[i:]) for i in range(len(words)))
    return frozenset(names)


def _aliases(text: str, cue: re.Match[str]) -> bool:
    """Whether the bracket names the words before it: an acronym in brackets does when those
    words spell its letters ("single sign-on (SSO)") or are everyday words that describe it
    ("Bank Account (ACH)"); after a product's name ("Acme Authenticator (TOTP)") the
    bracket says which standard the product uses, and the acronym is as unexplained as before."""
    from empathylint.language.grade import is_pronounceable

    named = cue.group("named")
    if not _BRACKETED_ACRONYM.fullmatch(named):
        return True
    letters = [_NUMBER_WORDS.get(letter, letter).lower() for letter in named.rstrip("s")]
    before = [
        word.group() for word in _WORD.finditer(text, max(0, cue.start() - _LONGEST_WORD * len(letters)), cue.start())
    ]
    if before and all(is_pronounceable(word) for word in before[-_DESCRIBING_WORDS:]):
        return True
    # The spelled words end at the bracket: a few small words may follow them, no more.
    nearest = before[-(len(letters) + _SMALL_WORDS_BETWEEN) :]
    return any(_consumes(letters, nearest[start:], capitals=False) for start in range(len(nearest)))


_SMALL_WORDS_BETWEEN = 2
# The words before an acronym's bracket that describe it in everyday words, at most.
_DESCRIBING_WORDS = 2
# An acronym as it stands alone in brackets: "(SSO)", "(2FA)", "(TOTPs)".
_BRACKETED_ACRONYM = LazyPattern(r"[A-Z0-9]*[A-Z][A-Z0-9]*s?")


def _endings(run: str) -> list[str]:
    words = normalize(run).split()
    return [" ".join(words[i:]) for i in range(len(words))]


def _starts_a_word(text: str, at: int) -> bool:
    return at == 0 or not text[at - 1].isalnum()


def is_explained(explained: frozenset[str], term: str, written: str) -> bool:
    keys = {normalize(term), normalize(written)}
    return any(key in explained or f"{key}s" in explained or key.rstrip("s") in explained for key in keys)


# The words an acronym's letters can stand for: "two-factor authentication" for 2FA,
# "Time-based One-Time Password" for TOTP. Small words may be skipped ("Bank of England").
_NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four"}
_SKIPPABLE = frozenset({"and", "for", "of", "the", "to", "&", "a", "an", "in", "on"})
_WORD = LazyPattern(r"[^\W_]+(?:-[^\W_]+)*")


class Spellings:
    """Where a text writes out the words an acronym's letters stand for: near the acronym
    in any case ("2FA: turn on two-factor authentication"), or anywhere as a name in
    capitals ("Google Tag Manager … our GTM guide"). Initials in lower case far away are
    chance ("please reply" is not PR). Built once per text: its capitalised words are
    indexed by their initial, so a long article costs one pass, not one per acronym."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._capitalised: dict[str, list[int]] = {}
        for match in _CAPITALISED_WORD.finditer(text):
            self._capitalised.setdefault(match.group()[0].lower(), []).append(match.start())
        self._named: dict[str, bool] = {}

    def spell_out(self, acronym: str, where: int) -> bool:
        letters = [_NUMBER_WORDS.get(letter, letter).lower() for letter in acronym]
        if acronym not in self._named:
            starts = self._capitalised.get(letters[0][0], [])
            self._named[acronym] = any(self._spelled_from(letters, start, capitals=True) for start in starts)
        if self._named[acronym]:
            return True
        window = _WORD.finditer(self._text, max(0, where - _NEAR), where + _NEAR)
        return any(self._spelled_from(letters, word.start(), capitals=False) for word in window)

    def _spelled_from(self, letters: list[str], start: int, *, capitals: bool) -> bool:
        if self._text[start].lower() != letters[0][0]:
            return False
        following = _WORD.finditer(self._text, start, start + _LONGEST_WORD * len(letters))
        return _consumes(letters, [word.group() for word in following], capitals=capitals)


# A word that can stand for a letter of an acronym in a name: "Google", "Two-factor", "2";
# not the acronyms themselves ("GTM"), which are most of a text's capitals.
_CAPITALISED_WORD = LazyPattern(r"(?<![^\W_])(?:[A-Z][a-z]|[0-9])")
# Enough characters for an acronym's words, letter by letter.
_LONGEST_WORD = 24


def spells_out(acronym: str, text: str, where: int) -> bool:
    """Whether `text` writes out the acronym's words (see Spellings), for one look-up."""
    return Spellings(text).spell_out(acronym, where)


# How near an acronym its words may be written out in lower case, in characters.
_NEAR = 150


def _consumes(letters: list[str], words: list[str], *, capitals: bool) -> bool:
    """Whether the words, from the first, spell the letters in order: each word gives its
    initial, a hyphenated word the initial of its first part and, where they fit, of the
    others ("Time-based" is T, "One-Time" is OT), a digit its word ("2" is "two"); small
    words may be skipped. With `capitals`, every word spelling a letter starts with one."""
    position = 0
    for word in words:
        if position == len(letters):
            break
        parts = word.lower().split("-")
        letter = letters[position]
        if word.lower() in _SKIPPABLE and not parts[0].startswith(letter):
            continue
        stands = parts[0] == letter if len(letter) > 1 else parts[0][0] == letter
        if not stands or (capitals and not (word[0].isupper() or word[0].isdigit())):
            return False
        position += 1
        for part in parts[1:]:
            if position < len(letters) and len(letters[position]) == 1 and part[0] == letters[position]:
                position += 1
    return position == len(letters)
