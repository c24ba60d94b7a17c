"""Where a text explains a term: beside it in brackets, as an appositive, with "called" or
"means", by spelling out an acronym's words, or by being an article about it."""

from __future__ import annotations

import re

from empathylint.language.phrases import normalize

# Cues that the words BEFORE them are being explained, and cues that explain the words AFTER them.
_EXPLAINS_BEFORE = re.compile(
    r"""\s*\((?!\s*\*?\.\w+\))(?=[^()]*[a-z]{3})[^()]{3,120}\)   # SSO (single sign-on), not "(.csv)"
    | \s*(?:,|—|–|\ -\ )\s*(?:the|a|an|or|our|i\.e\.|meaning|short\s+for|which\s+means|which\s+is\s+(?:the|a|an))\s
                                                   # DNS, the internet's address book; Stripe, our payment company
    | \s+(?:means|stands\s+for|is\s+short\s+for|is\s+what|is\s+how|refers\s+to)\b   # DNS means …""",
    re.VERBOSE,
)
_EXPLAINS_AFTER = re.compile(
    r"""(?<=\w)[ \t]*\(\s*(?P<inside>[\w'’-]+(?:\s+[\w'’-]+){0,2})\s*\)   # single sign-on (SSO)
    | \b(?:called|known\s+as|named)\s+(?:an?\s+|the\s+)?[“"']?(?P<after>[\w'’-]+(?:\s+[\w'’-]+){0,3})
                                                                      # a copy called a cache
    | (?<=\w),\s+or\s+(?P<alias>[A-Z][\w-]*[A-Z]\w*)\b                # two-factor authentication, or 2FA
    | (?:^|(?<=[.!?]\s)|(?<=\n))(?:an?\s+|the\s+)?(?P<subject>[\w'’-]+(?:\s+[\w'’-]+){0,2})
      \s+(?:(?:is|are)\s+(?:an?|the|like)|can\s+be)\s                  # A proxy is a server …; The URIs can be …
    | ^[ \t]*(?:[-*+•]|\d+[.)])?[\W_]*(?P<defined>[\w'’-]+(?:[ \t]+[\w'’-]+){0,3})[\W_]*?[ \t]*[:—–][ \t]+(?=\w)
                                                                      # - End-to-end encrypted: data in a Send …""",
    re.VERBOSE | re.MULTILINE,
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_WORDS_BEFORE = re.compile(r"((?:[\w'’-]+\s+){0,3}[\w'’-]+)$")
# A sentence that the next one explains as a whole: "… a zero-knowledge solution. This means …"
_EXPLAINS_PREVIOUS_SENTENCE = re.compile(r"[.!?]\s+(?:This|That|It)\s+means\b|[.!?]\s+In\s+other\s+words\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s|\n)(?=[^.!?:\n]*$)")


def explained_names(text: str) -> frozenset[str]:
    """Every run of up to four words the text explains somewhere: in brackets beside it,
    as an appositive ("DNS, the internet's address book"), with "called", "means", …
    A run is kept with all its endings ("your DNS" gives "your dns" and "dns") and, after
    "called", all its beginnings, so a term is explained when one of them is the term."""
    names: set[str] = set()
    for cue in _EXPLAINS_BEFORE.finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, cue.start() - 120), cue.start())
        if before is not None:
            words = normalize(before.group(1)).split()
            names.update(" ".join(words[i:]) for i in range(len(words)))
    for cue in _EXPLAINS_PREVIOUS_SENTENCE.finditer(text):
        earliest = max(0, cue.start() - 300)
        opening = _SENTENCE_START.search(text, earliest, cue.start())
        words = normalize(text[opening.end() if opening else earliest : cue.start()]).split()
        names.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1))
    for cue in _EXPLAINS_AFTER.finditer(text):
        if cue.group("inside"):
            # "single sign-on (SSO)": the bracket holds another name for the words before it.
            names.add(_ARTICLE.sub("", normalize(cue.group("inside"))))
            continue
        named = cue.group("after") or cue.group("alias") or cue.group("subject") or cue.group("defined")
        words = normalize(named).split()
        names.update(" ".join(words[: i + 1]) for i in range(len(words)))
        names.update(" ".join(words[i:]) for i in range(len(words)))
    return frozenset(names)


def is_explained(explained: frozenset[str], term: str, written: str) -> bool:
    keys = {normalize(term), normalize(written)}
    return any(key in explained or f"{key}s" in explained or key.rstrip("s") in explained for key in keys)


# The words an acronym's letters can stand for: "two-factor authentication" for 2FA,
# "Time-based One-Time Password" for TOTP. Small words may be skipped ("Bank of England").
_NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four"}
_SKIPPABLE = frozenset({"and", "for", "of", "the", "to", "&", "a", "an", "in", "on"})
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def spells_out(acronym: str, text: str, where: int) -> bool:
    """Whether the text writes out the words the acronym's letters stand for: near the
    acronym (at `where`) in any case ("2FA: turn on two-factor authentication"), or
    anywhere as a name in capitals ("Google Tag Manager … our GTM guide"). Initials in
    lower case far away are chance ("please reply" is not PR)."""
    letters = [_NUMBER_WORDS.get(letter, letter).lower() for letter in acronym]
    for match in _WORD.finditer(text):
        if match.group()[0].lower() != letters[0][0]:
            continue
        following = [found.group() for found in _WORD.finditer(text, match.start(), match.start() + 40 * len(letters))]
        if _consumes(letters, following, capitals=abs(match.start() - where) > _NEAR):
            return True
    return False


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
