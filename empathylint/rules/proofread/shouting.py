"""ALL-CAPS shouting: a run of capitals that spells common words ("DO NOT REPLY"), not an
acronym, a key's or a button's name, a project's file ("LICENSE"), a label ("NOTE:"), a
plain-text article's heading or a licence's disclaimer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from empathylint.diagnostics import Diagnostic, Edit, Fix
from empathylint.document import Document, Span
from empathylint.language import spelling
from empathylint.rules.proofread.codes import finding
from empathylint.rules.proofread.settings import Settings

# Not after "$" or "%" (a variable: "$PATH", "%APPDATA%") nor "." (a file's part: "COPYING.LESSER").
_CAPS_RUN = re.compile(
    r"(?<![\w'’\-\ufffc#@$%.])[A-Z]{2,}(?:['’][A-Z]+)?(?:[ \t]+[A-Z]{2,}(?:['’][A-Z]+)?)*(?![\w'’\-\ufffc])"
)
_CAPS_WORD = re.compile(r"[A-Z]{2,}(?:['’][A-Z]+)?")


def shouting(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    acronyms = {a.upper() for a in settings.acronyms}
    leftovers = {m for m in settings.leftover_markers if m.isupper()}
    # Each answer that reads the whole draft is asked once per word: a draft that shouts one
    # word a thousand times is read twice for it, not two thousand times.
    names_code: dict[str, bool] = {}
    is_a_term: dict[str, bool] = {}
    defined: dict[str, bool] = {}
    for run in _CAPS_RUN.finditer(doc.text, doc.body.start, doc.body.end):
        caps_words = [m for m in _CAPS_WORD.finditer(run.group()) if m.group() not in acronyms | leftovers]
        shouted = [
            m
            for m in caps_words
            if len(m.group()) >= 3 and spelling.is_common_word(m.group(), settings.shouting_min_frequency)
        ]
        if not shouted:
            continue
        # Short words beside a shouted one are part of the shout: "DO NOT".
        first = min(m.start() for m in caps_words if m.start() <= shouted[0].start() and _is_plain(m.group()))
        last = max(m.end() for m in caps_words if m.end() >= shouted[-1].end() and _is_plain(m.group()))
        start, end = run.start() + first, run.start() + last
        if _in_strong_markup(doc, start, end) and len(doc.text[start:end].split()) <= _LONGEST_LABEL:
            continue  # "**DELETE TOPIC**": a button's label, as the app writes it; a bold sentence is a shout
        shout = doc.text[start:end]
        if shout not in names_code:
            names_code[shout] = _names_code(doc, shout)
        if names_code[shout]:
            continue  # "replace TOKEN with your key" beside "`?token=TOKEN`": the code's own placeholder
        if " " not in shout and (shout in spelling.names_in_capitals() or _is_label(doc.text, start, end)):
            continue  # "see the file LICENSE", "your PATH"; "NOTE: …" opening a line is a label, not a raised voice
        if " " not in shout and shout not in is_a_term:
            is_a_term[shout] = _is_a_term(doc.text, shout)
        if " " not in shout and is_a_term[shout]:
            continue  # "an ENGINE", "each ENGINE": a word the article writes in capitals each time names a thing
        if " " not in shout and shout not in defined:
            defined[shout] = _is_defined(doc.text, shout)
        if " " not in shout and (_is_quoted(doc.text, start, end) or defined[shout]):
            continue  # '"DEFINE"' is a literal; "Serverless Application Model (SAM)" defines an acronym
        if doc.profile == "doc" and _is_heading(doc.text, start, end):
            continue  # "KNOWN ISSUES" on a line of its own, or before a gap: a plain-text article's heading
        if _DISCLAIMER.search(doc.text, *_paragraph_around(doc.text, start, end)):
            continue  # "WITHOUT WARRANTY OF ANY KIND": a licence's disclaimer, in capitals as the law asks
        quiet = shout.lower()
        yield finding(
            "shouting",
            Span(start, end),
            f'"{shout}" in capitals reads as shouting; write "{quiet}" (italics or bold if it needs stress).',
            suggestion=quiet,
            fix=Fix((Edit(start, end, quiet),), safe=False),
        )


# Words in the longest button or menu label written in capitals ("SAVE AND CONTINUE").
_LONGEST_LABEL = 3


def _in_strong_markup(doc: Document, start: int, end: int) -> bool:
    source_start = doc.source_offset(start)
    before = doc.source[max(0, source_start - 2) : source_start]
    return before in ("**", "__") or before[-1:] == "`"


def _names_code(doc: Document, shout: str) -> bool:
    """Whether a one-word shout also stands in code or a link the reader sees (masked in the
    text): then it is that code's name, not a raised voice."""
    if " " in shout:
        return False
    pattern = re.compile(rf"(?<![A-Za-z]){re.escape(shout)}(?![A-Za-z])")
    return len(pattern.findall(doc.source)) > len(pattern.findall(doc.text))


# The words of a licence's disclaimer, which is written in capitals to be conspicuous.
_DISCLAIMER = re.compile(r"\b(?:WARRANT(?:Y|IES)|LIABILITY|LIABLE|MERCHANTABILITY)\b")


def _paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph's bounds around text[start:end]: from the blank line before to the blank line after."""
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    return before + 1, after if after >= 0 else len(text)


def _is_heading(text: str, start: int, end: int) -> bool:
    """Whether the capitals fill their line, or stand at its start before a gap of spaces."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    return not text[line_start:start].strip() and (not rest.strip() or rest.startswith(("  ", "\t")))


# A one-word run of capitals written this many times in a draft is its name for something.
_TERM_REPEATS = 3


def _is_a_term(text: str, word: str) -> bool:
    """Whether the draft writes `word` in capitals, as a word of its own, three times or more."""
    return len(re.findall(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text)) >= _TERM_REPEATS


def _is_label(text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] opens its line (after a list or quote marker) or a
    sentence, and a colon follows it: "WARNING: back up first"."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip(" \t-*>")
    return text[end : end + 1] == ":" and (not before or before.endswith((".", "!", "?")))


def _is_plain(word: str) -> bool:
    return word.isalpha() or "'" in word or "’" in word


_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}


def _is_quoted(text: str, start: int, end: int) -> bool:
    """Whether one word in capitals stands alone in quotation marks: a keyword or a button's
    text quoted as written ('a group called "DEFINE"'), not a raised voice."""
    opening = text[start - 1 : start] if start else ""
    return opening in _QUOTES and text[end : end + 1] == _QUOTES[opening]


def _is_defined(text: str, word: str) -> bool:
    """Whether the draft defines `word` as an acronym: in brackets right after words whose
    initials spell it ("Serverless Application Model (SAM)"), or before them in brackets
    ("SAM (Serverless Application Model)")."""
    if f"({word})" not in text and f"{word} (" not in text:
        return False  # most drafts: no brackets beside the word, no regex over the whole text
    letters = len(word)
    after = re.search(rf"((?:[A-Za-z][\w-]*[ \t]+){{{letters}}})\({re.escape(word)}\)", text)
    if after and "".join(w[0] for w in after.group(1).split()).upper() == word:
        return True
    before = re.search(rf"(?<![\w-]){re.escape(word)}[ \t]+\(((?:[A-Za-z][\w-]*[ \t]*){{{letters}}})\)", text)
    return before is not None and "".join(w[0] for w in before.group(1).split()).upper() == word
