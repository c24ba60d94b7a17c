"""Typing slips a reread catches: a word typed twice, doubled spaces, "!!!" and brackets and
quotes left open (ALL-CAPS shouting is in shouting.py)."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Iterator

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import OBJECT, Document, Span
from empathylint.language import spelling
from empathylint.rules.proofread.codes import finding, replacing
from empathylint.rules.proofread.settings import Settings

_REPEATED = re.compile(r"(?<![\w'’-])([^\W\d_]+)([ \t]+|[ \t]*\n[ \t]*)(\1)(?![\w'’-])", re.IGNORECASE)
# Two words typed twice ("the grantor the grantor"), with only spaces between.
_REPEATED_PAIR = re.compile(r"(?<![\w'’-])(([^\W\d_]+)[ \t]+([^\W\d_]+))([ \t]+)(\2[ \t]+\3)(?![\w'’-])", re.IGNORECASE)
# "more and more and more", "day by day by day": the middle word of an emphatic repeat.
_REPEAT_JOINERS = frozenset({"after", "and", "by", "for", "in", "or", "over", "to", "upon"})


def repeated_words(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    allowed = {w.lower() for w in settings.allowed_repeats}
    for match in _REPEATED.finditer(doc.text, doc.body.start, doc.body.end):
        word = match.group(1)
        if word.lower() in allowed:
            continue
        if any(
            doc.source[max(0, doc.source_offset(at) - 1) : doc.source_offset(at)] in ("*", "_")
            for at in (match.start(1), match.start(3))
        ):
            continue  # "our awesome _awesome_ members": emphasis on one of them makes the repeat a stress
        span = Span(match.start(2), match.end(3))
        yield finding(
            "repeated-word",
            Span(match.start(3), match.end(3)),
            f'"{word}" is typed twice; delete one.',
            suggestion=word,
            fix=Fix((Edit(span.start, span.end, ""),)),
        )
    for match in _REPEATED_PAIR.finditer(doc.text, doc.body.start, doc.body.end):
        first, second = match.group(2).lower(), match.group(3).lower()
        if first == second or second in _REPEAT_JOINERS or {first, second} <= allowed:
            continue  # "the the the the" is the single word's finding
        yield finding(
            "repeated-word",
            Span(match.start(5), match.end(5)),
            f'"{match.group(1)}" is typed twice; delete one.',
            suggestion=match.group(1),
            fix=Fix((Edit(match.start(4), match.end(5), ""),)),
        )


# Two spaces after ., !, ? or : are a house style and left alone; four or more line up columns.
_LIST_DASHES = frozenset("-*•–—")
_DOUBLED_SPACE = re.compile(r"(?<=[^\s.!?:])( {2,3})(?=[^\s])")


# A paragraph with this many doubled spaces is justified text, not a slip of the thumb.
_JUSTIFIED = 3


def doubled_spaces(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    if doc.source_format in ("markdown", "html"):
        return  # Markdown and HTML show a run of spaces as one: the reader never sees them
    found = []
    for match in _DOUBLED_SPACE.finditer(doc.text, doc.body.start, doc.body.end):
        span = Span(match.start(1), match.end(1))
        if doc.text[span.start - 1] in _LIST_DASHES:
            continue  # "-  Use proxy": a dash that lists, aligned
        if OBJECT in doc.text[span.start - 1 : span.end + 1] or not doc.is_verbatim(span.start - 1, span.end + 1):
            continue  # beside code or where markup was dropped ("`+` Y  `→`"): alignment, not a slip
        found.append(span)
    starts = doc.paragraphs.starts
    per_paragraph = Counter(bisect.bisect_right(starts, span.start) for span in found)
    for span in found:
        if per_paragraph[bisect.bisect_right(starts, span.start)] >= _JUSTIFIED:
            continue  # spaces spread to fill each line: justified text, laid out on purpose
        yield finding(
            "doubled-space",
            span,
            "Two spaces between words; use one.",
            fix=Fix((Edit(span.start, span.end, " "),)),
        )


# A ")" right after "(" closes an aside whose inside was markup ("(<span …></span>): …").
# Not "(8)", a manual page's section ("sshd(8)"), nor "0.8)" of a version; a mirrored one
# ("):") only after a space: "(Python 3.10+):" and "(`code`):" close their bracket.
_EMOTICON = re.compile(r"(?<![\w(.])[:;=8][-^'o]?[()\[\]DPp3/|](?!\w)|(?<!\S)[()][-^']?[:;=](?!\w)|<3|\(\s*[:;]")
# "1) first", "a) second", "(i) third", "2.) next": list markers close a bracket they never opened.
_LIST_MARKER = re.compile(r"(?:(?<=\s)|^)(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\.?\)", re.MULTILINE)
_PAIRS = {")": "(", "]": "[", "”": "“"}
_OPENERS = frozenset("([“")
# Every mark the balance is kept for: a paragraph is scanned for these alone, not char by char.
_BRACKETS_AND_QUOTES = re.compile(r'[()\[\]“”"]')


def unbalanced(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    # The whole text, never a copy up to each paragraph's end (quadratic on a long article):
    # every search below is bounded by the paragraph's own start and end.
    text = doc.text
    for paragraph in doc.paragraphs:
        marks = list(_BRACKETS_AND_QUOTES.finditer(text, paragraph.start, paragraph.end))
        if not marks:
            continue  # most paragraphs: nothing to balance, so no emoticon or list marker to look for
        ignored: set[int] = set()
        for match in _EMOTICON.finditer(text, paragraph.start, paragraph.end):
            ignored.update(range(match.start(), match.end()))
        # "2) pick a plan" closes nothing, but "(Step 2)" and "(ask X)" close their bracket.
        list_markers = {match.end() - 1 for match in _LIST_MARKER.finditer(text, paragraph.start, paragraph.end)}
        open_marks: list[int] = []
        straight_quotes: list[int] = []
        for mark in marks:
            index = mark.start()
            if index in ignored:
                continue
            if index in list_markers and not (open_marks and text[open_marks[-1]] == "("):
                continue
            char = mark.group()
            if char in _OPENERS:
                open_marks.append(index)
            elif char in _PAIRS:
                if open_marks and text[open_marks[-1]] == _PAIRS[char]:
                    open_marks.pop()
                else:
                    yield _unbalanced_diagnostic(index, char, closing=True)
            elif char == '"' and open_marks and text[open_marks[-1]] == "“":
                open_marks.pop()  # “…" closes, only with mixed quotes: a style slip, not an open quote
            elif char == '"' and (len(straight_quotes) % 2 or not (index > 0 and text[index - 1].isdigit())):
                # After a digit a lone '"' is inches (a 15" laptop); with a quote open it closes it ("+1").
                straight_quotes.append(index)
        for index in open_marks:
            yield _unbalanced_diagnostic(index, text[index], closing=False)
        if len(straight_quotes) % 2:
            yield _unbalanced_diagnostic(straight_quotes[-1], '"', closing=False)


def _unbalanced_diagnostic(index: int, mark: str, *, closing: bool) -> Diagnostic:
    if closing:
        message = f"This {mark} closes nothing; add its opening {_PAIRS[mark]} or delete it."
    else:
        partner = {"(": ")", "[": "]", "“": "”", '"': '"'}[mark]
        message = f"This {mark} is never closed; add the closing {partner} where the aside ends."
    return finding("unbalanced", Span(index, index + 1), message)


_EXCESS_PUNCTUATION = re.compile(r"[!?]*(?:!!|\?\?|\?!|!\?)[!?]*")


# Two full stops after a word, then a space: one too many for a full stop, one too few for "...".
_DOUBLED_FULL_STOP = re.compile(r"(?<=[A-Za-z])\.\.(?=[ \t\n]|$)")
# A comma between "make sure" and its "that" clause ("make sure, that you update"), as German and
# Dutch punctuate; not before "that's", "that," or "that way".
_THAT_CLAUSE = r"(,)[ \t]+that(?![\w'’-]|[ \t]*[,;:]|[ \t]+way\b)"
_COMMA_BEFORE_THAT = re.compile(
    rf"\b(?:make|makes|making|made)[ \t]+sure{_THAT_CLAUSE}|\b(?:ensure|please[ \t]+note){_THAT_CLAUSE}", re.IGNORECASE
)
# "Press et. al.": "et" is Latin's "and", a word of its own; "al." is the short one.
_ET_WITH_STOP = re.compile(r"(?<![\w'’-])et(\.)(?=[ \t]+al\b)", re.IGNORECASE)
_DOUBLED_COMMA = re.compile(r"(?<=\w),,(?!,)")
# "etc" is short for "et cetera" and keeps its full stop ("Google, Facebook, etc.)").
_ETC_WITHOUT_STOP = re.compile(r"(?<![\w'’-])etc(?![\w'’.-])", re.IGNORECASE)


def _etc_without_stop(doc: Document) -> Iterator[Diagnostic]:
    """A hint only: British house styles write "etc" with no stop, and a typography nit alone
    leaves a text ready to send (bench/accuracy/LABELING.md), so it blocks nothing."""
    for match in _ETC_WITHOUT_STOP.finditer(doc.text, doc.body.start, doc.body.end):
        span = Span(match.start(), match.end())
        dotted = match.group() + "."
        found = replacing(
            "punctuation",
            span,
            f'"{match.group()}" is short for "et cetera" and takes a full stop: "{dotted}".',
            dotted,
            safe=True,
        )
        yield dataclasses.replace(found, severity=Severity.INFO)


# Two words in lower case and in capitals joined by a full stop: "on its way.Please check".
# Not a name of code ("System.Collections", "foo.Bar()"): both must be dictionary words.
_NO_SPACE_AFTER_STOP = re.compile(r"(?<![\w.\-/@#])([a-z]{2,})(\.)([A-Z][a-z]+)(?![\w.(\-/@'’])")


def _no_space_after_stop(doc: Document) -> Iterator[Diagnostic]:
    """A full stop with no space after it ("way.Please"). A space before a comma or a full stop
    ("Thanks , we") is left alone: reviewers of the labeled set pass it."""
    for match in _NO_SPACE_AFTER_STOP.finditer(doc.text, doc.body.start, doc.body.end):
        if not doc.is_verbatim(match.start(), match.end()):
            continue  # markup dropped around the stop ("needs.[Create …](…)", "<br>"): laid out, not typed
        if not (spelling.is_dictionary_word(match.group(1)) and spelling.is_dictionary_word(match.group(3))):
            continue
        yield finding(
            "punctuation",
            Span(match.start(2), match.end(2)),
            f'No space after the full stop before "{match.group(3)}"; add one.',
            suggestion=". ",
            fix=Fix((Edit(match.start(2), match.end(2), ". "),), safe=False),
        )


def punctuation(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    yield from _no_space_after_stop(doc)
    for match in _ET_WITH_STOP.finditer(doc.text, doc.body.start, doc.body.end):
        et = match.group()[:-1]
        yield replacing(
            "punctuation",
            Span(match.start(), match.end()),
            f'"{et}" of "et al." is a whole word and takes no full stop: write "{et} al.".',
            et,
            safe=True,
        )
    for match in _DOUBLED_COMMA.finditer(doc.text, doc.body.start, doc.body.end):
        span = Span(match.start(), match.end())
        yield replacing(
            "punctuation",
            span,
            '",," is a comma typed twice; write ",".',
            ",",
            safe=True,
        )
    for match in _COMMA_BEFORE_THAT.finditer(doc.text, doc.body.start, doc.body.end):
        comma = 1 if match.group(1) else 2
        span = Span(match.start(comma), match.end(comma))
        yield finding(
            "punctuation",
            span,
            'A "that" clause takes no comma before it: "make sure that …", "please note that …".',
            fix=Fix((Edit(span.start, span.end, ""),), safe=True),
        )
    if doc.channel != "social":  # a social reply saves its characters: there "etc" is let pass
        yield from _etc_without_stop(doc)
    for match in _DOUBLED_FULL_STOP.finditer(doc.text, doc.body.start, doc.body.end):
        yield finding(
            "punctuation",
            Span(match.start(), match.end()),
            '".." is a full stop typed twice, or an ellipsis short of a dot: write "." or "...".',
        )
    for match in _EXCESS_PUNCTUATION.finditer(doc.text, doc.body.start, doc.body.end):
        marks = match.group()
        single = "?" if "?" in marks else "!"
        span = Span(match.start(), match.end())
        yield replacing(
            "punctuation",
            span,
            f'"{marks}" reads as shouting or disbelief; one "{single}" is enough.',
            single,
            safe=True,
        )
