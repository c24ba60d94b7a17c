"""Capitals in a draft that are not an acronym to explain: initials that sign a reply, a
file name ("README.md"), shouting beside other capitals ("DO NOT REPLY"), a word written in
capitals ("NOT", "IT"), a reference or version ("RM 4421", "SOC 2"), a name's first word
("VS Code"). The jargon rule asks these of each run of capitals it finds."""

from __future__ import annotations

import re

from empathylint.document import Span

ACRONYM = re.compile(r"(?<![\w'’.@/-])(?P<acronym>[A-Z]{2,6})(?:s|['’]s)?(?![\w'’@/-]|\.\w)")
# Letters that open a reference or a version: tracking "RM 4421 9083 GB", "SOC 2", "NPM v5".
OPENS_A_REFERENCE = re.compile(r"[ -]?(?:\d{3}|v?\d)")
# What stands before initials that sign a reply: "^SH", "-JD", "/DC", "~ AF".
_SIGNS = re.compile(r"(?:[\^~/]|(?<![\w-])-)[ \t]?$")
# Capitals before a name's next word in capitals: "VS Code", "WP Rocket", "HTTPS Everywhere".
NAMES_SOMETHING = re.compile(r"[ \t]+[A-Z][a-z]")
ROMAN_NUMERAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_CAPS_WORD = re.compile(r"[A-Z]{2,}")
_FILE_EXTENSION = re.compile(r"\.[a-z]{1,4}\b")


def is_a_signature(text: str, match: re.Match[str], body: Span) -> bool:
    """Initials that sign a reply: after a caret, dash, tilde or slash, or alone at its end."""
    if len(match.group("acronym")) > 3:
        return False
    if _SIGNS.search(text, max(0, match.start() - 3), match.start()) is not None:
        return True
    rest = _BLANK_OR_STOP.match(text, match.end(), body.end)
    return rest is not None and rest.end() == body.end


_BLANK_OR_STOP = re.compile(r"[\s.!]*")


def is_file_name(text: str, match: re.Match[str]) -> bool:
    """ "README.md", "LICENSE.txt": capitals with a file extension are a file's name."""
    return _FILE_EXTENSION.match(text, match.end()) is not None


def is_shouting(text: str, match: re.Match[str]) -> bool:
    """An acronym beside another all-capital word is more likely shouting ("DO NOT REPLY"),
    which proofreading reports."""
    before = text[max(0, match.start() - 30) : match.start()].split()
    after = text[match.end() : match.end() + 30].split()
    neighbours = before[-1:] + after[:1]
    return any(_CAPS_WORD.fullmatch(word.strip(".,;:!?\"'()")) for word in neighbours)


def is_word(acronym: str) -> bool:
    """True when the capitals spell an English word written in capitals for emphasis
    ("NOT", "ASAP") rather than letters said one by one: the CMU dictionary knows the word
    and says it in fewer syllables than it has letters (D-N-S is three syllables). A
    two-letter code that is also a word ("IT", "US", "OR") is the word."""
    from empathylint.language.grade import dictionary_syllables

    word = acronym.lower()
    syllables = dictionary_syllables(word)
    return syllables is not None and syllables < len(word)
