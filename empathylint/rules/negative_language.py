"""Remove negative language.

What it does: finds phrases that close a door or point at the customer, grouped by why they
hurt, each with a positive rewrite: negative framing ("unfortunately", "it's not possible",
"we can't … until"), blame ("you failed to", "you forgot to", "your mistake"), commands and
scolding ("you must", "you need to understand"), condescension ("obviously", "simply",
"as I said", "per my last email", "calm down") and stock negatives ("no problem",
"not my department", "your complaint"). "You can't export until Friday" is rewritten to say
what can be done and when: "You'll be able to export from Friday".

Blame is an error; framing, commands, condescension and stock negatives are warnings; a
limit of the product stated negatively ("the export can't handle files over 2 GB") is only
a hint (info), because it is aimed at the product, not the customer.

What stays silent: negation that brings good news ("nothing was lost", "no charge",
"don't worry, your data is safe", "you won't be billed", "no action needed"); expectations
and instructions ("you should have received an email", "you need to restart the app to see
it", "if you didn't get the code"); "you must be so frustrated". "You need to …" fires only
when what follows scolds (read, understand, make sure, pay attention, be aware, remember),
never for a step to follow. "Just" is left to unnecessary-words, so it is reported once.

Why it matters: customers read "unfortunately" as a closed door and "you failed to" as a
scolding; both make the rest of a helpful reply harder to hear. Saying what can happen, and
when, answers the same question without the sting.

Example:
    Unfortunately you can't export until Friday. As I said, you failed to verify your email.

Use instead:
    You'll be able to export from Friday. It looks like the verification email didn't go
    through; here's a fresh link.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Document, Span
from empathylint.language.phrase_edits import replacement_edit, rewritten_sentence, sentence_of
from empathylint.language.phrases import find_phrases, match_case, normalize, phrase_lookup, phrase_matcher, phrase_set
from empathylint.language.vocabulary import default_phrases, default_rewrites
from empathylint.rule import Code, Rule


@dataclass(frozen=True)
class Settings:
    # Each table maps a phrase to its positive rewrite. An empty rewrite cuts the phrase; a
    # rewrite with "…" shows the shape of a better sentence and is offered as a suggestion only.
    framing: dict[str, str] = field(default_factory=default_rewrites("negative-language", "framing"))
    blame: dict[str, str] = field(default_factory=default_rewrites("negative-language", "blame"))
    commands: dict[str, str] = field(default_factory=default_rewrites("negative-language", "commands"))
    condescension: dict[str, str] = field(default_factory=default_rewrites("negative-language", "condescension"))
    stock_negatives: dict[str, str] = field(default_factory=default_rewrites("negative-language", "stock-negatives"))
    # Negated capabilities of the product, reported as info when the subject is not a person.
    product_limits: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "product-limits"))
    # People as the subject make a negated capability a refusal (say-no-with-why's business),
    # not a product limit: "we don't support" is one, "the export can't handle" the other.
    refusal_subjects: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "refusal-subjects"))
    # Phrases that contain a flagged one but mean something else ("you can't be charged twice").
    exceptions: tuple[str, ...] = field(default_factory=default_phrases("negative-language", "exceptions"))

    framing_matcher = phrase_matcher("framing")
    blame_matcher = phrase_matcher("blame")
    commands_matcher = phrase_matcher("commands")
    condescension_matcher = phrase_matcher("condescension")
    stock_negatives_matcher = phrase_matcher("stock_negatives")
    product_limits_matcher = phrase_matcher("product_limits")
    exceptions_matcher = phrase_matcher("exceptions")
    refusal_subject_set = phrase_set("refusal_subjects")
    framing_rewrites = phrase_lookup("framing")
    blame_rewrites = phrase_lookup("blame")
    commands_rewrites = phrase_lookup("commands")
    condescension_rewrites = phrase_lookup("condescension")
    stock_negatives_rewrites = phrase_lookup("stock_negatives")


@dataclass(frozen=True, slots=True)
class _Finding:
    code: str
    span: Span
    rewrite: str | None
    edit: Edit | None = None
    suggestion: str | None = None


_MESSAGES = {
    "framing": '"{phrase}" frames this as a closed door; say what you can do, and when.',
    "blame": '"{phrase}" blames the customer; describe what happened, not what they did wrong.',
    "command": '"{phrase}" reads as an order or a telling-off; ask, or say why it helps.',
    "condescension": '"{phrase}" can sound condescending; leave it out and let the answer speak.',
    "stock-negative": '"{phrase}" is a stock phrase with a negative ring; say it warmly instead.',
    "product-limit": '"{phrase}" states a limit as a negative; say what the product does handle '
    '(e.g. "works with files up to 2 GB").',
}

# Condescension only ever loses a tone word, so its fixes keep the meaning; every other
# rewrite changes what the sentence says and needs a person to check it.
_SAFE_CODES = frozenset({"condescension"})


_UNTIL = re.compile(r"until", re.IGNORECASE)
_CANT_UNTIL = re.compile(
    r"""(?P<lead>\bunfortunately\b[,;]?[ \t]+)?
        (?P<subject>\b(?:you|we|I|they)\b)
        (?P<negation>
            [ \t]+(?:can['’]t|cannot|can[ \t]+not
                    |won['’]t[ \t]+be[ \t]+able[ \t]+to|will[ \t]+not[ \t]+be[ \t]+able[ \t]+to
                    |aren['’]t[ \t]+able[ \t]+to|are[ \t]+not[ \t]+able[ \t]+to|are[ \t]+unable[ \t]+to)
          | ['’]re[ \t]+(?:unable|not[ \t]+able)[ \t]+to
        )
        [ \t]+(?P<action>[^.!?\n;,\ufffc]{1,80}?)
        [ \t]+until[ \t]+(?P<when>[^.!?\n;,\ufffc]{1,60}?)(?=[ \t]*(?:[.!?\n;,]|$))""",
    re.IGNORECASE | re.VERBOSE,
)
_FUTURE = {"you": "you'll", "we": "we'll", "i": "I'll", "they": "they'll"}
_POINT_IN_TIME = re.compile(
    r"""^(?:the[ \t]+)?(?:\d|today|tonight|tomorrow|next|this|midnight|noon|early|mid|late|end
        |monday|tuesday|wednesday|thursday|friday|saturday|sunday
        |january|february|march|april|may|june|july|august|september|october|november|december
        |jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|\d+(?:st|nd|rd|th))\b""",
    re.IGNORECASE | re.VERBOSE,
)


_REFUSAL = re.compile(r"\b(?:can['’]t|cannot|can not|unable|not able|not possible)\b", re.IGNORECASE)
_REASON = re.compile(
    r"\b(?:because|since|due to|as (?:the|our|it|they|we|this|that)|so that|for (?:\w+ ){0,2}reasons?)\b",
    re.IGNORECASE,
)


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    exceptions = [Span(m.start(), m.end()) for m in find_phrases(settings.exceptions_matcher, doc.text, doc.body)]
    findings = list(_cant_until(doc))
    tables = (
        ("blame", settings.blame_matcher, settings.blame_rewrites),
        ("framing", settings.framing_matcher, settings.framing_rewrites),
        ("command", settings.commands_matcher, settings.commands_rewrites),
        ("condescension", settings.condescension_matcher, settings.condescension_rewrites),
        ("stock-negative", settings.stock_negatives_matcher, settings.stock_negatives_rewrites),
    )
    for code, matcher, rewrites in tables:
        for match in find_phrases(matcher, doc.text, doc.body):
            findings.append(_Finding(code, Span(match.start(), match.end()), rewrites.get(normalize(match.group()))))
    for match in find_phrases(settings.product_limits_matcher, doc.text, doc.body):
        if _subject_word(doc.text, match.start()) not in settings.refusal_subject_set:
            findings.append(_Finding("product-limit", Span(match.start(), match.end()), None))
    kept: list[_Finding] = []
    exception_starts = [span.start for span in exceptions]
    for finding in sorted(findings, key=lambda f: (f.span.start, -len(f.span))):
        if _overlaps_any(finding.span, exceptions, exception_starts):
            continue
        # Kept findings never overlap and come in order, so their ends rise too: only the
        # last one can reach into this finding (a scan of all of them was quadratic).
        if kept and _overlaps(finding.span, kept[-1].span):
            continue
        if finding.code == "framing" and _refusal_with_reason(doc, finding.span):
            continue
        if kept and _continues(doc, kept[-1], finding):
            # "Unfortunately, we can't" or "I'm afraid we can't" is one closed door, not two.
            kept[-1] = _Finding("framing", Span(kept[-1].span.start, finding.span.end), finding.rewrite)
            continue
        kept.append(finding)
    for finding in kept:
        yield _diagnostic(doc, finding)


def _cant_until(doc: Document) -> Iterator[_Finding]:
    """ "You can't export until Friday" -> "You'll be able to export from Friday": the seed's
    own rewrite, done on the matched words so the rest of the sentence stays as written."""
    if not _UNTIL.search(doc.text, doc.body.start, doc.body.end):
        return  # most replies have no "until": the full pattern tries every word for a subject
    for match in _CANT_UNTIL.finditer(doc.text, doc.body.start, doc.body.end):
        subject = match.group("subject")
        future = _FUTURE[subject.lower()]
        when = match.group("when")
        preposition = "from" if _POINT_IN_TIME.match(when) else "once"
        capital_source = match.group("lead") or subject
        opening = match_case(capital_source, future) if capital_source[0].isupper() else future
        rewrite = f"{opening} be able to {match.group('action')} {preposition} {when}"
        span = Span(match.start(), match.end())
        edit = Edit(span.start, span.end, rewrite)
        yield _Finding("framing", span, rewrite, edit, rewritten_sentence(doc, span, edit))


def _diagnostic(doc: Document, finding: _Finding) -> Diagnostic:
    phrase = " ".join(doc.slice(finding.span).split())
    message = _MESSAGES[finding.code].format(phrase=phrase)
    if finding.code == "framing" and finding.edit is not None:
        message = f'"{phrase}" says what can\'t happen; say what will, and when.'
    edit = finding.edit
    suggestion = finding.suggestion
    if edit is None and finding.rewrite is not None and "…" not in finding.rewrite and _cuttable(doc, finding):
        edit = replacement_edit(doc, finding.span, finding.rewrite)
        suggestion = rewritten_sentence(doc, finding.span, edit)
    elif suggestion is None and finding.rewrite:
        suggestion = match_case(doc.slice(finding.span), finding.rewrite)
    fix = Fix((edit,), safe=finding.code in _SAFE_CODES) if edit is not None else None
    return RULE.diagnostic(finding.code, finding.span, message, suggestion=suggestion, fix=fix)


def _continues(doc: Document, previous: _Finding, finding: _Finding) -> bool:
    if previous.code != "framing" or finding.code != "framing" or previous.edit or finding.edit:
        return False
    return not doc.text[previous.span.end : finding.span.start].strip(" \t,;")


def _refusal_with_reason(doc: Document, span: Span) -> bool:
    """ "We can't remove VAT from paid invoices, because they've been reported" is the honest
    no with a why that the checklist asks for (say-no-with-why), not a closed door."""
    if not _REFUSAL.search(doc.text, span.start, span.end):
        return False
    sentence = sentence_of(doc, span)
    # sentence_of hands back the span object itself when no sentence holds it.
    return sentence is not span and _REASON.search(doc.text, sentence.start, sentence.end) is not None


def _cuttable(doc: Document, finding: _Finding) -> bool:
    """A phrase of several words can go only where a comma fences it off ("As I said, the
    invoice…"); in "As I said in my last reply, you…" cutting it would leave "In my last
    reply, you…", which says something else."""
    if finding.rewrite or len(doc.slice(finding.span).split()) == 1:
        return True
    return doc.text[finding.span.end :].lstrip(" \t").startswith(",")


def _subject_word(text: str, index: int) -> str:
    before = re.search(r"([\w'’]+)[ \t]*$", text[max(0, index - 40) : index])
    return normalize(before.group(1)) if before else ""


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _overlaps_any(span: Span, spans: list[Span], starts: list[int]) -> bool:
    """Whether `span` overlaps one of `spans` (in order, not overlapping each other, `starts`
    their starts): only the last one starting before its end can, so bisection finds it."""
    index = bisect.bisect_left(starts, span.end) - 1
    return index >= 0 and _overlaps(span, spans[index])


RULE = Rule(
    group="negative-language",
    item="positive",
    codes=(
        Code("blame", 'Blames the customer ("you failed to", "your mistake").', Severity.ERROR, "unsafe"),
        Code(
            "framing", 'Frames the answer as a closed door ("unfortunately", "we can\'t").', Severity.WARNING, "unsafe"
        ),
        Code("command", 'Orders or scolds ("you must", "you need to understand").', Severity.WARNING, "unsafe"),
        Code("condescension", 'Talks down ("obviously", "simply", "as I said").', Severity.WARNING, "safe"),
        Code("stock-negative", 'A stock phrase with a negative ring ("no problem").', Severity.WARNING, "unsafe"),
        Code("product-limit", 'A product limit stated negatively ("can\'t handle").', Severity.INFO),
    ),
    profiles=frozenset({"reply", "template", "doc"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
