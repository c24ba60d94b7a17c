"""Capitals: a sentence that starts in lower case, a lower-case "i", a step's verb with a
capital in mid-sentence ("To fix it, Upgrade the firmware") or a reply's next sentence run on
with no full stop ("it's compiled Check back"), and a name in the wrong case ("android", "Github")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from empathylint.diagnostics import Diagnostic, Edit, Fix
from empathylint.document import OBJECT, Document, Span, words
from empathylint.language import spelling
from empathylint.language.vocabulary import data_table
from empathylint.rules.proofread.codes import finding, replacing
from empathylint.rules.proofread.settings import Settings
from empathylint.rules.proofread.spans import inside_any, quoted, touches_object

_LOWERCASE_I = re.compile(r"(?<![\w'’.\-/@#\ufffc])i(?=[ \t\n,;]|['’](?:m|ve|ll|d)\b)")
# A sentence that follows these did not really start: "5 p.m. tomorrow", "and so on... then".
# A full stop inside brackets ("(see below.) for more") ends the aside, not the sentence; one
# inside quotes ('say "git add ." when') ends the quote; "1." inside a line counts a list ("only 1. when").
_NOT_A_SENTENCE_END = re.compile(
    r"(?:\.{2,}|…|(?:\b[a-zA-Z]\. ?){2,}|\b(?:approx|incl|no|vs|etc|et|al|ca|cf|eg|ie|resp|viz)\."
    r"|[.!?…][\"'”’]?\)|[.!?…][\"”]|(?:^|\s)\d{1,2}\.)$",
    re.IGNORECASE,
)


_AFTER_A_COMMA = re.compile(r",[ \t]*\Z")


def sentence_case(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    team_words = {w.lower() for w in settings.words}
    previous_end: int | None = None
    for sentence in doc.body_sentences:
        before = doc.text[previous_end - 12 if previous_end and previous_end > 12 else 0 : previous_end or 0]
        last_mark = (previous_end or 0) - 1 - (len(before) - len(before.rstrip()))
        previous_end = sentence.end
        first = next(words(doc.text, sentence), None)
        if first is None or first.start != sentence.start:
            continue  # starts with a list marker, a quote, a number or a placeholder
        word = doc.slice(first)
        if not word[0].islower() or any(c.isupper() for c in word) or word.lower() in team_words:
            continue
        if _LOWERCASE_I.match(doc.text, first.start) or touches_object(doc, first):
            continue  # lower-case "i" has its own finding; "{{x}}s" is not a word
        if len(word) == 1 and doc.text[first.end : first.end + 1] in (".", ")"):
            continue  # an initial, the second letter of "i. e." or a list's "b)", not a sentence
        if _names_a_program(doc.text, first.end, word):
            continue  # "gzip is a compressor", "eg/demo.pl shows …", "sshd(8) reads …": a name kept in lower case
        if before and _NOT_A_SENTENCE_END.search(before.rstrip()):
            continue
        if not before and _AFTER_A_COMMA.search(doc.text, max(0, first.start - 8), first.start):
            continue  # "@maria, we've fixed it": the opening handle and its comma lead the sentence in
        if before.rstrip().endswith((",", ";", ":", OBJECT)):
            # A list item that carries on the sentence above it ("While it's paused:\n- you
            # aren't charged,"), or the words after a code line ("…\n    cmd --x\nwhere x is …").
            continue
        if _opens_a_table_cell(doc, first.start) or _follows_code_line(doc.text, first.start):
            # "|via Email|": a cell is a label, whatever the cell before it ends with; and
            # "    cmd --x\n\nwhere x is …" carries on the sentence the code line stands in.
            continue
        after_full_stop = bool(before.rstrip()) and before.rstrip()[-1] in ".!?…"
        if after_full_stop and _ends_link_text(doc, last_mark):
            # "[Which plan is right for me?](…) and …", "click **Let's go!** below": the link's
            # or the button's label ended, not the sentence
            continue
        if not after_full_stop and doc.text[sentence.end - 1] not in ".!?":
            continue  # a heading, a table cell or a list item: lower case there is a style
        capital = word[0].upper()
        yield finding(
            "sentence-case",
            Span(first.start, first.start + 1),
            f'Start the sentence with a capital: "{capital}{word[1:]}".',
            suggestion=capital + word[1:],
            fix=Fix((Edit(first.start, first.start + 1, capital),)),
        )


# After a word, what makes it a file, a path or a manual page: "demo.pl", "eg/", "sshd(8)".
_FILE_OR_PAGE = re.compile(r"\.[A-Za-z]|[/_]|\(\d")


def _names_a_program(text: str, end: int, word: str) -> bool:
    """Whether the word opening a sentence is a program's, a library's or a file's name, which
    keeps its lower case: a word in no dictionary ("gzip", "dbus") or one glued to a path,
    an extension or a manual section."""
    return bool(_FILE_OR_PAGE.match(text, end)) or not spelling.is_dictionary_word(word)


def _ends_link_text(doc: Document, mark: int) -> bool:
    """Whether the mark at text offset `mark` is the last character of a Markdown link's text,
    or of a label in bold, italics or code (a button's name: "**Notify them?**")."""
    at = doc.source_offset(mark)
    return doc.source[at : at + 2] in ("?]", "!]", ".]") or doc.source[at + 1 : at + 2] in ("*", "_", "`")


def _opens_a_table_cell(doc: Document, offset: int) -> bool:
    """Whether a "|" is all that stands before this word on its source line (a Markdown table's cell)."""
    at = doc.source_offset(offset)
    line_start = doc.source.rfind("\n", 0, at) + 1
    return doc.source[max(line_start, at - 200) : at].rstrip().endswith("|")


_INDENTED_LINE = re.compile(r"(?:\n|^)(?: {4}|\t)[^\n]*\n[ \t]*\n?[ \t]*$")


def _follows_code_line(text: str, offset: int) -> bool:
    """Whether the line before this word (a blank line between or not) is indented as code."""
    return _INDENTED_LINE.search(text, max(0, offset - 300), offset) is not None


# A word in capitals right before and right after: "Mas i Ferrer", "Puig i Cadafalch".
_NAME_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][a-zà-ÿ]+[ \t]\Z")
_NAME_AFTER = re.compile(r"[ \t][A-Z][a-zà-ÿ]+(?!\w)")
# A name is rarer than this share of English words; an opener such as "When", "Hi" or "OK" is not.
_NAME_FREQUENCY = 1e-5


def _joins_two_names(text: str, start: int, end: int) -> bool:
    """Whether the "i" is the Catalan "and" of a double surname ("Mas i Ferrer"): between two
    capitalised words, the first no everyday word ("When i Went" keeps its finding)."""
    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if before is None or not _NAME_AFTER.match(text, end):
        return False
    return not spelling.is_common_word(before.group().strip().lower(), _NAME_FREQUENCY)


def lowercase_i(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    in_quotes: list[Span] | None = None
    for match in _LOWERCASE_I.finditer(doc.text, doc.body.start, doc.body.end):
        if _joins_two_names(doc.text, match.start(), match.end()):
            continue
        in_quotes = quoted(doc) if in_quotes is None else in_quotes
        if inside_any(match.start(), match.end(), in_quotes):
            continue  # the customer's words as they typed them: "i cant log in"
        span = Span(match.start(), match.end())
        yield replacing(
            "lowercase-i",
            span,
            'Write "I" as a capital.',
            "I",
            safe=True,
        )


# A step's verb after a comma or "and"/"then"/"or", with its object after it: "…, Select the tab".
_CAPITAL_AFTER = re.compile(
    r"(?:,|\b(?:and|then|or))[ \t]+(?P<verb>[A-Z][a-z]+)[ \t]+(?=(?:the|your|a|an|it|this|that|all|any|to|on|in)\b)"
)


@functools.cache
def _instruction_verbs() -> frozenset[str]:
    text = (Path(__file__).parents[2] / "language" / "data" / "instruction-verbs.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


# A lower-case word, then a word with a capital, then a lower-case word, inside a line.
_CAPITAL_BETWEEN = re.compile(r"(?<![\w'’\-\ufffc])(?P<before>[a-z]{2,}|i)[ \t]+(?P<verb>[A-Z][a-z]+)(?=[ \t]+[a-z])")


# More run-ons than this in one text are how it is written, not slips: none is reported.
_MOST_RUN_ONS = 3


def run_on_sentences(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    """A reply's sentence that ran on with no full stop into the next ("… is being compiled
    Check back tomorrow"): the next one's opener (data/sentence-openers.toml) keeps its capital
    after a lower-case word. Not in articles, whose steps name buttons ("select Try again")."""
    if doc.profile == "doc":
        return
    openers, not_after = _sentence_openers()
    found: list[re.Match[str]] = []
    for match in _CAPITAL_BETWEEN.finditer(doc.text, doc.body.start, doc.body.end):
        if match.group("verb").lower() in openers and match.group("before") not in not_after:
            found.append(match)
            if len(found) > _MOST_RUN_ONS:
                return  # the text's own pattern (labels in a row, a transcript), not slips
    for match in found:
        before, verb = match.group("before"), match.group("verb")
        span = Span(match.start("verb"), match.start("verb") + len(verb))
        yield finding(
            "capital-mid-sentence",
            span,
            f'A full stop seems missing before "{verb}": end the sentence after "{before}".',
            suggestion=f"{before}. {verb}",
            fix=Fix((Edit(match.end("before"), match.end("before"), "."),), safe=False),
        )


@functools.cache
def _sentence_openers() -> tuple[frozenset[str], frozenset[str]]:
    # Through the data-file loader: a wheel's JSON copy, not tomllib, on every cold run.
    data = data_table("sentence-openers")
    return frozenset(data["openers"]), frozenset(data["not_after"])


# A determiner after a comma, before a word in lower case: "…1,000,000, The chance is …" (a
# name keeps its capitals: "In London, The Shard"; a sign-off stands on its own line).
_DETERMINER_AFTER_COMMA = re.compile(r",[ \t]+(?P<verb>The|These|This|Those)[ \t]+(?=[a-z]{2,}\b)")


def capital_mid_sentence(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    verbs = _instruction_verbs()
    found = [
        m for m in _CAPITAL_AFTER.finditer(doc.text, doc.body.start, doc.body.end) if m.group("verb").lower() in verbs
    ]
    found += _DETERMINER_AFTER_COMMA.finditer(doc.text, doc.body.start, doc.body.end)
    for match in sorted(found, key=lambda m: m.start("verb")):
        verb = match.group("verb")
        span = Span(match.start("verb"), match.start("verb") + 1)
        lower = verb[0].lower()
        yield finding(
            "capital-mid-sentence",
            span,
            f'"{verb}" is mid-sentence; write "{lower}{verb[1:]}".',
            suggestion=lower + verb[1:],
            fix=Fix((Edit(span.start, span.end, lower),), safe=False),
        )


@functools.cache
def _name_casings() -> dict[str, str]:
    """The names of data/spelling/name-casing.txt by their lower case."""
    path = Path(__file__).parents[2] / "language" / "data" / "spelling" / "name-casing.txt"
    names = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {name.lower(): name for name in names if name and not name.startswith("#")}


# A word not part of a path, a handle, a tag, a file name or a longer word ("android/app",
# "#ios", "github.com"); looked up in the names, so no pattern of every name is compiled.
_NAME_WORD = re.compile(r"(?<![\w'’./@#\-\ufffc])[^\W\d_]\w*(?![\w'’/\-\ufffc]|\.\w)")


def name_casing(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    casings = _name_casings()
    in_quotes: list[Span] | None = None
    for match in _NAME_WORD.finditer(doc.text, doc.body.start, doc.body.end):
        written = match.group()
        name = casings.get(written.lower())
        if name is None or written == name or not written.islower():
            # As the name is written, or with capitals of its own ("Github", "MacOS", a heading's
            # capitals): reviewers let a brand's inner capitals pass; a name in lower case they mark.
            continue
        in_quotes = quoted(doc) if in_quotes is None else in_quotes
        if inside_any(match.start(), match.end(), in_quotes):
            continue  # quoted as someone typed it: "since tuesday"
        span = Span(match.start(), match.end())
        yield replacing("name-casing", span, f'"{written}" is a name; write it "{name}".', name, safe=False)
