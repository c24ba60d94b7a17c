"""Long documents: the shortcuts that keep a 10 MB help article linear (bisection over
sorted spans, one-pass splicing) must find and fix exactly what the plain scans did."""

from __future__ import annotations

import random

import pytest

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity, apply_edits
from empathylint.document import OBJECT, Document, PlaceholderVocabulary, Span, line_starts
from empathylint.document_builder import mask
from empathylint.fixes import choose_fixes
from empathylint.formats import ReadOptions, markdown_parts, read_document
from tests.conftest import lint_text

# One section of a help article, written for these tests: a closed door, a blame, a
# leftover filler sentence, a stray bracket, a typo, a cuttable filler word, an acronym.
SECTION = """## Exporting your invoices

Unfortunately, you can't export invoices until Friday. If the export failed, you forgot to pick a date range.
Lorem ipsum dolor sit amet. The CSV opens in any spreadsheet app (Excel, Numbers, Sheets.
We actually recieve most exports within a minute, and the API returns them as JSON.
We can't remove VAT from paid invoices, because they've already been reported.

"""


def _findings(text: str) -> list[tuple[str, str, str | None]]:
    # The rules that report every occurrence (jargon and eli5 report a term or a grade once).
    report = lint_text(text, path="help/exporting.md", select=("negative-language", "proofread", "unnecessary-words"))
    return [(d.rule_id, d.message, d.suggestion) for d in report.diagnostics]


def test_a_section_repeated_finds_the_same_things_in_every_copy() -> None:
    once = _findings(SECTION)
    assert len(once) >= 4
    repeated = _findings(SECTION * 40)
    assert sorted(repeated) == sorted(once * 40)


def _conflict(first: Edit, second: Edit) -> bool:
    return first.start == second.start or (first.start < second.end and second.start < first.end)


def _diagnostic(start: int, edits: tuple[Edit, ...]) -> Diagnostic:
    return Diagnostic("proofread:spelling", Severity.WARNING, start, start + 1, "m", fix=Fix(edits, safe=True))


def test_choosing_fixes_skips_exactly_the_ones_that_touch_a_chosen_edit() -> None:
    randomness = random.Random(8)
    for _ in range(300):
        diagnostics = []
        for _ in range(25):
            # A fix's own edits never touch one another ("re-sent" -> "resent" and a comma).
            first = randomness.randint(0, 60)
            edits = (Edit(first, first + randomness.choice((0, 1, 2, 4)), "x"),)
            if randomness.random() < 0.4:
                second = edits[0].end + randomness.randint(1, 6)
                edits += (Edit(second, second + randomness.choice((0, 1, 3)), "y"),)
            diagnostics.append(_diagnostic(first, edits))
        expected: list[Diagnostic] = []
        taken: list[Edit] = []
        for diagnostic in sorted(diagnostics, key=lambda d: (d.start, d.end, d.rule_id)):
            assert diagnostic.fix is not None
            if any(_conflict(edit, other) for edit in diagnostic.fix.edits for other in taken):
                continue
            expected.append(diagnostic)
            taken.extend(diagnostic.fix.edits)
        assert choose_fixes(diagnostics, unsafe_fixes=False) == expected


def test_edits_splice_in_as_if_applied_one_by_one_from_the_end() -> None:
    randomness = random.Random(3)
    text = "Hi José, we've refunded the order — thanks for waiting! 🙂 " * 3
    for _ in range(200):
        edits: list[Edit] = []
        position = 0
        while position < len(text):
            position += randomness.randint(0, 12)
            end = min(len(text), position + randomness.randint(0, 3))
            edits.append(Edit(position, end, randomness.choice(("", "z", "Zoë "))))
            position = end + 1
        expected = text
        for edit in sorted(edits, key=lambda e: e.start, reverse=True):
            expected = expected[: edit.start] + edit.replacement + expected[edit.end :]
        assert apply_edits(text, randomness.sample(edits, len(edits))) == expected


def test_masking_overlapping_spans_masks_each_character_once_and_keeps_line_breaks() -> None:
    randomness = random.Random(5)
    text = "Visit https://example.com/a or\r\n{{ticket.id}} now,\nthanks. " * 2
    for _ in range(200):
        spans = []
        for _ in range(randomness.randint(1, 6)):
            start = randomness.randint(0, len(text))
            spans.append(Span(start, randomness.randint(start, len(text))))
        expected = "".join(
            OBJECT if any(s.start <= i < s.end for s in spans) and c not in "\r\n" else c for i, c in enumerate(text)
        )
        assert mask(text, spans) == expected


# A section with a sentence in another language among English ones: its unknown words are
# left alone in every copy, however many sentences come before it.
FOREIGN_SECTION = """## Exportieren

Klicke oben rechts auf Rechnungen und dann auf Herunterladen. We keep a copy of each invoice for you.
The export recieves a new name each day.

"""


def test_a_sentence_in_another_language_is_left_alone_in_every_copy_of_a_long_article() -> None:
    once = _findings(FOREIGN_SECTION)
    assert any("recieves" in message for _, message, _ in once)
    assert not any(word in message for _, message, _ in once for word in ("Klicke", "Rechnungen", "Herunterladen"))
    assert sorted(_findings(FOREIGN_SECTION * 60)) == sorted(once * 60)


def _read_markdown(source: str, profile: str) -> Document:
    return read_document(source, "help/long.md", ReadOptions(profile=profile, vocabulary=PlaceholderVocabulary()))


# Blocks of a help article, written for these tests, with the constructs a part must not
# cut through: fences with blank lines and Markdown inside, HTML blocks that run over blank
# lines, loose lists, a quote, a table, inline markup, an entity and a suppression.
LONG_ARTICLE_BLOCKS = (
    "# Moving your invoices\n\nOpen **Billing** and pick `Export` &amp; wait a moment.\n",
    "```text\nAn example in a fence\n\nNot a paragraph: *still code*\n```\n",
    "<!-- a note for editors\n\nSpans a blank line -->\n",
    "<pre>\nPreformatted\n\nStill preformatted\n</pre>\n",
    "- First step\n\n- Second step, [with a link](https://example.com/a) to read.\n",
    "> A callout that is read by customers.\n",
    "| Plan | Limit |\n|---|---|\n| Basic | Ten exports |\n",
    "Unfortunately, you can't export until Friday.\n<!-- empathylint: disable-next-line -->\nWe actually recieve it.\n",
    "~~~~\nA tilde fence\n\n~~~\nstill inside\n~~~~\n",
)


def test_a_long_markdown_article_parsed_in_parts_reads_as_parsed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    randomness = random.Random(19)
    source = "\n".join(randomness.choice(LONG_ARTICLE_BLOCKS) for _ in range(400))
    for profile in ("doc", "reply"):
        whole = _read_markdown(source, profile)
        monkeypatch.setattr(markdown_parts, "PART_SIZE", 500)
        assert len(list(markdown_parts.parts(source, line_starts(source)))) > 20
        in_parts = _read_markdown(source, profile)
        monkeypatch.undo()
        assert in_parts.text == whole.text
        assert list(in_parts.offsets or ()) == list(whole.offsets or ())
        assert in_parts.suppressions == whole.suppressions


def test_a_markdown_article_whose_parts_cannot_be_told_is_parsed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown_parts, "PART_SIZE", 10)
    paragraphs = "First paragraph here.\n\nSecond paragraph here.\n\n"
    for uncertain in ("[guide]: https://example.com/guide\n", "- step\n\n  ```\n  code\n  ```\n", "  <!--\n\n-->\n"):
        source = paragraphs + uncertain + paragraphs
        assert list(markdown_parts.parts(source, line_starts(source))) == [(0, len(line_starts(source)))]
    assert len(list(markdown_parts.parts(paragraphs * 3, line_starts(paragraphs * 3)))) > 1


def test_the_grade_check_keeps_no_sentences_after_it_ran() -> None:
    """eli5 reads every sentence of an article; once its check is done, only the word count
    and the grade stay with the document (for the metrics), not a record of each sentence."""
    import gc

    from empathylint.rules import readability

    doc = _read_markdown(SECTION * 20, "doc")
    settings = readability.Settings()
    gc.collect()
    before = sum(isinstance(held, readability.SentenceReading) for held in gc.get_objects())
    list(readability.check(doc, settings))
    gc.collect()
    assert sum(isinstance(held, readability.SentenceReading) for held in gc.get_objects()) == before
    assert readability.metrics(doc, settings) == readability.metrics(_read_markdown(SECTION * 20, "doc"), settings)


def test_the_grade_check_keeps_only_the_sentences_it_can_report_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article's short sentences are counted and graded as they go by, not kept (a long
    article's sentence records outweigh its text): the word count and grade are the same."""
    from empathylint.rules import readability

    doc = _read_markdown(SECTION * 3 + "We " + "really " * 40 + "mean it.\n", "doc")
    settings = readability.Settings()
    every = readability._read(doc, settings.min_words_for_grade, kept_from=0)
    monkeypatch.setattr(readability, "_JOINED_AT_ONCE", 2)  # the prose joined in many pieces
    reported = readability._read(doc, settings.min_words_for_grade, readability._reported_from(doc, settings))
    assert len(every.sentences) > len(reported.sentences) == 1
    assert reported.sentences[0].word_count > settings.max_sentence_words["doc"]
    assert (reported.word_count, reported.grade) == (every.word_count, every.grade)
    assert every.grade is not None


@pytest.mark.parametrize(
    ("source", "text", "dropped"),
    [
        # A continuation line's indent, dropped by the parser, is markup before the text.
        (
            "- First step, which runs\n  onto a second line.\n",
            "\n\nFirst step, which runs\nonto a second line.\n",
            "  ",
        ),
        # Escapes and entities before a text's first character are still read character by character.
        ("Open **Billing** \\*then\\* &amp; &#42;pick* it.\n", "Open Billing *then* & *pick* it.\n", "&#42;"),
        (
            "A [link *to* &lt;here&gt;](https://x.example) and\n   more &amp;&amp; words.\n",
            "A link to <here> and\nmore && words.\n",
            "   ",
        ),
    ],
)
def test_inline_text_is_aligned_with_its_source(source: str, text: str, dropped: str) -> None:
    doc = _read_markdown(source, "doc")
    assert doc.text == text
    assert doc.offsets is not None
    # Every character read as it is maps to the same character of the source.
    assert all(
        doc.source[offset] == character
        for offset, character in zip(doc.offsets, doc.text, strict=True)
        if character.isalpha()
    )
    skipped = source.index(dropped) + len(dropped)
    assert skipped in doc.offsets and skipped - 1 not in doc.offsets
