"""Remove negative language.

What it does: finds language that closes a door or points at the customer, grouped by why
it hurts: refusals and inability, read by grammar ("we can't refund", "we aren't currently
offering", "we don't have a way to", "I'm unable to", "we have decided not to", "you won't
be able to edit", "refunds are no longer available", "refunds cannot be issued", "we have
to decline", "Acme does not offer refunds", "the store does not accept cheques", "your
request to join was declined", "there's no option to"); negative framing ("unfortunately",
"sadly", "I'm afraid", "impossible"); blame ("you failed to", "you didn't follow", "your
ticket lacks", "caused by your changes", "you entered the wrong code"); commands and scolding ("you must", "please
don't", "you're supposed to", "in the future, please", a curt "Please read the guide.", and
in replies "Do not …" or "… is required", and everywhere an order that keeps them from us:
"Never open a second ticket", "Do not contact us before …"); rule citing ("we use the tracker exclusively
for", "against our guidelines", "your post violates our terms", "per our policy", "may get
you suspended", "failure to renew it will result in …", "members who don't follow the
rules will be banned", "users who spam will be banned", "posts that do not meet the
guidelines are hidden", "you may not share it"); condescension ("obviously", "simply click", "as I
said", "as stated above", "I'd like to remind everyone"); dismissal ("it works for
everyone else", "we accept no liability"); and stock negatives ("not my department", "your complaint"). A no stays a
no: a rewrite never turns "we can't refund" into a promise; where a positive rewrite keeps
the meaning it is offered ("You can't export until Friday" → "You'll be able to export from
Friday"), and a shape with gaps (…) is a suggestion for a person to fill, never a fix.

Blame is an error; the rest are warnings. Two kinds of no are only hints (info): one that
already gives its reason in its sentence (reasoned-refusal: "we can't refund it, as it's
past 30 days"), and a limit of the product stated negatively (product-limit: "the export
can't handle files over 2 GB", or in a help article "you can't order boxes while paused",
"refunds are not available"), because it is aimed at the product, not the customer.

What stays silent: negation that brings good news ("nothing was lost", "no charge",
"no problem", "don't worry", "you won't be billed", "no action needed"); a promise that
keeps their things private ("we don't sell your personal data", "our team has no access
to your vault"); conditions and purposes ("if you
can't sign in", "so that no one can read it"); questions; expectations and instructions
("you should have received an email", "you need to restart the app"); "you must be so
frustrated"; in help articles, a warning that protects the reader ("Do not share your
password"), a requirement stated as how the product works ("two-step login is
required") and a limit of a tool or plan ("SMS codes are not supported", "the trial is
limited to 100 searches": article-limits), where the reader is told how it works.
"Simply" meaning "merely" ("topics are simply labels", "simply installing it is enough")
is left alone; before a click named as a deed ("simply tapping the card opens it") it talks
down. "Just" is left to unnecessary-words, so it is reported once. Whether a no gives its reason is
say-no-with-why's question; this rule reports the phrase once, with no rewrite that
contradicts that rule's.

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
from dataclasses import dataclass

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Document, Span
from empathylint.language.cant_until import cant_until_rewrites
from empathylint.language.clauses import in_condition, reason_in
from empathylint.language.orders import curt_reading, musts_quoted, word_before
from empathylint.language.phrase_edits import replacement_edit, rewritten_sentence, sentence_of, starts_sentence
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.phrases import find_phrases, match_case, normalize
from empathylint.language.refusals import Refusal, find_refusals
from empathylint.language.reproach import find_reproach
from empathylint.rule import Code, Rule
from empathylint.rules._negative_vocabulary import Matchers, Settings
from empathylint.rules._reply import quoted, refusal_rewrite, reply_sentence


@dataclass(frozen=True, slots=True)
class _Finding:
    code: str
    span: Span
    rewrite: str | None = None
    edit: Edit | None = None
    suggestion: str | None = None
    message: str | None = None


_MESSAGES = {
    "refusal": '"{phrase}" is a no; lead with what you can do, then give the no its reason.',
    "framing": '"{phrase}" frames this as a closed door; say what you can do, and when.',
    "blame": '"{phrase}" blames the customer; describe what happened, not what they did wrong.',
    "command": '"{phrase}" reads as an order or a telling-off; ask, or say why it helps.',
    "rule-citing": '"{phrase}" cites a rule at them; say where they will get help, and why it works better.',
    "condescension": '"{phrase}" can sound condescending; leave it out and let the answer speak.',
    "dismissive": '"{phrase}" brushes their problem aside; take it as theirs and say what you will check.',
    "stock-negative": '"{phrase}" is a stock phrase with a negative ring; say it warmly instead.',
    "product-limit": '"{phrase}" states a limit as a negative; say what the product does handle '
    '(e.g. "works with files up to 2 GB").',
}
_READER_CANT = '"{phrase}" tells them what they can\'t do; say what they can do instead, or when they can.'
_WITHHELD = '"{phrase}" says what isn\'t there; say what is, and why.'
_REASONED = '"{phrase}" is a no with its reason; lead with what you can do, so the no is not the first thing read.'

# Condescension only ever loses a tone word, so its fixes keep the meaning; every other
# rewrite changes what the sentence says and needs a person to check it.
_SAFE_CODES = frozenset({"condescension"})
# Findings that a condition or a purpose turns into something else: "if you must", "so
# that you can't lose it", "if you didn't get it".
_CONDITIONAL_CODES = frozenset({"refusal", "reasoned-refusal", "blame", "command", "rule-citing", "stock-negative"})

# People as the subject: "we don't support" is a refusal, not a product limit; "the export
# can't handle" is.
_PEOPLE = frozenset({"i", "we", "you", "they", "he", "she", "y'all"})


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    text, body = doc.text, doc.body
    matchers = settings.matchers
    exceptions = [Span(m.start(), m.end()) for m in find_phrases(matchers.exceptions, text, body)]
    findings = list(_cant_until(doc))
    reproach = list(find_reproach(text, body, matchers.reproach))
    findings += _refusals(doc, matchers, [span for code, span in reproach if code == "refusal"])
    for code, matcher, rewrites in matchers.tables:
        for match in find_phrases(matcher, text, body):
            findings.append(_Finding(code, Span(match.start(), match.end()), rewrites.get(normalize(match.group()))))
    # After the tables, so a phrase of theirs with its rewrite wins a tie ("you should have
    # read"); a reminder ("as I mentioned") only loses a tone word, so it is cut like "as I said".
    findings += [
        _Finding(code, span, "" if code == "condescension" else None) for code, span in reproach if code != "refusal"
    ]
    replying = doc.profile != "doc"
    for code, matcher, in_articles, bare_at_start in matchers.lists:
        if not (replying or in_articles):
            continue
        for match in find_phrases(matcher, text, body):
            bare = bare_at_start and not normalize(match.group()).startswith("please")
            if bare and not (replying and starts_sentence(text, match.start())):
                continue  # "Do not share your password" in an article protects the reader
            findings.append(_Finding(code, Span(match.start(), match.end())))
    findings += [_Finding("command", span) for span in curt_reading(text, body, matchers.reading)]
    if replying:
        findings += [_Finding("rule-citing", span) for span in musts_quoted(text, body)]
    for match in find_phrases(matchers.product_limits, text, body):
        if word_before(text, match.start()) not in _PEOPLE:
            findings.append(_Finding("product-limit", Span(match.start(), match.end())))
    findings = [finding for finding in findings if not _merely(text, finding, matchers.interface_gerunds)]
    if doc.profile == "doc":
        findings = [finding for finding in findings if not _describes_the_product(doc.text, finding, matchers)]
    yield from (_diagnostic(doc, finding) for finding in _kept(doc, findings, exceptions, matchers.openers))


_GERUND = re.compile(r"\s+([^\W\d_]{2,}ing)\b")


def _merely(text: str, finding: _Finding, interface_gerunds: frozenset[str]) -> bool:
    """ "Simply downloading the browser is often enough": "simply" before a deed named as a
    thing means "merely"; before an order ("simply click") or a click named as a deed
    ("simply clicking the item fills the form") it talks down."""
    if finding.code != "condescension" or normalize(text[finding.span.start : finding.span.end]) != "simply":
        return False
    gerund = _GERUND.match(text, finding.span.end)
    return gerund is not None and normalize(gerund.group(1)) not in interface_gerunds


def _describes_the_product(text: str, finding: _Finding, matchers: Matchers) -> bool:
    """In an article, "SMS codes are not supported" or "the trial is limited to 100
    searches" says how a tool or plan works; "you won't be able to edit it" still tells the
    reader no."""
    limits = matchers.article_limits
    return (
        finding.code == "product-limit"
        and limits is not None
        and limits.search(text, finding.span.start, finding.span.end) is not None
    )


def _kept(
    doc: Document, findings: list[_Finding], exceptions: list[Span], openers: PhraseTrie | None
) -> list[_Finding]:
    """One finding per stretch of text: exceptions and conditions drop findings, the longest
    of overlapping ones wins, and a framing word leading into a no joins it."""
    kept: list[_Finding] = []
    exception_starts = [span.start for span in exceptions]
    for finding in sorted(findings, key=lambda f: (f.span.start, -len(f.span))):
        if _overlaps_any(finding.span, exceptions, exception_starts):
            continue
        # Kept findings never overlap and come in order, so their ends rise too: only the
        # last one can reach into this finding (a scan of all of them was quadratic).
        if kept and _overlaps(finding.span, kept[-1].span):
            continue
        if finding.code in _CONDITIONAL_CODES and in_condition(doc.text, finding.span.start, openers):
            continue
        if kept and _continues(doc, kept[-1], finding):
            # "Unfortunately, we can't" or "I'm afraid we can't" is one closed door, not two.
            previous = kept[-1]
            span = Span(previous.span.start, finding.span.end)
            kept[-1] = _Finding(
                finding.code, span, finding.rewrite, suggestion=finding.suggestion, message=finding.message
            )
            continue
        kept.append(finding)
    return kept


def _refusals(doc: Document, matchers: Matchers, nos: list[Span]) -> Iterator[_Finding]:
    """Each no, as a refusal (a warning), or as a hint when it already says why in its own
    sentence ("…, because they've been reported") or, in an article, states a limit of the
    product rather than a person's no ("you can't order boxes while paused", "there is no
    way to", "refunds are not available"; but "we don't ship abroad" is a refusal)."""
    refusals: list[tuple[Span, Refusal | None]] = [
        (refusal.span, refusal) for refusal in find_refusals(doc.text, doc.body, matchers.refusals)
    ]
    refusals += [(Span(m.start(), m.end()), None) for m in find_phrases(matchers.refusal_phrases, doc.text, doc.body)]
    # "if the proxy is unavailable" is a condition, not a no (the grammar's own nos drop it too)
    refusals += [(span, None) for span in nos if not in_condition(doc.text, span.start, matchers.openers)]
    reasoned: dict[Span, bool] = {}  # a sentence is read for its reason once, however many nos it holds
    for span, refusal in refusals:
        subject = refusal.subject if refusal is not None else ""
        if subject == "i" and doc.profile == "doc":
            continue  # an article's "I" is the reader asking ("I can't sign in"), not a no
        message = _refusal_message(refusal)
        limit = refusal is None or refusal.kind == "withheld" or subject in matchers.readers
        if limit and doc.profile == "doc":
            yield _Finding("product-limit", span, message=message)
            continue
        sentence = reply_sentence(doc, span.start) or sentence_of(doc, span)
        if _gives_reason(doc, sentence_of(doc, span), matchers, reasoned):
            rewrite = refusal_rewrite(doc, sentence, span, needs_reason=False)
            yield _Finding("reasoned-refusal", span, suggestion=rewrite, message=message or _REASONED)
        else:
            rewrite = refusal_rewrite(doc, sentence, span, needs_reason=True)
            yield _Finding("refusal", span, suggestion=rewrite, message=message)


def _gives_reason(doc: Document, sentence: Span, matchers: Matchers, reasoned: dict[Span, bool]) -> bool:
    if sentence not in reasoned:
        reasoned[sentence] = reason_in(doc.text, sentence, matchers.reasons, matchers.not_reasons)
    return reasoned[sentence]


def _refusal_message(refusal: Refusal | None) -> str | None:
    if refusal is None:
        return None
    if refusal.kind == "withheld":
        return _WITHHELD
    if refusal.subject == "you":
        return _READER_CANT
    return None


def _cant_until(doc: Document) -> Iterator[_Finding]:
    """ "You can't export until Friday" -> "You'll be able to export from Friday"."""
    message = '"{phrase}" says what can\'t happen; say what will, and when.'
    for span, rewrite in cant_until_rewrites(doc.text, doc.body):
        edit = Edit(span.start, span.end, rewrite)
        yield _Finding("framing", span, rewrite, edit, rewritten_sentence(doc, span, edit), message)


def _diagnostic(doc: Document, finding: _Finding) -> Diagnostic:
    phrase = quoted(doc, finding.span)
    message = (finding.message or _MESSAGES[finding.code]).format(phrase=phrase)
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
    """A framing word with no rewrite of its own, right before another framing word or a no
    (a no that explains itself stays a hint, and its framing word a warning of its own)."""
    if previous.code != "framing" or previous.edit or finding.edit or previous.rewrite:
        return False
    if finding.code not in ("framing", "refusal"):
        return False
    return not doc.text[previous.span.end : finding.span.start].strip(" \t,;")


def _cuttable(doc: Document, finding: _Finding) -> bool:
    """A phrase of several words can go only where a comma fences it off ("As I said, the
    invoice…"); in "As I said in my last reply, you…" cutting it would leave "In my last
    reply, you…", which says something else."""
    if finding.rewrite or len(doc.slice(finding.span).split()) == 1:
        return True
    following = doc.text[finding.span.end : finding.span.end + 20].lstrip(" \t")
    return following.startswith(",") or normalize(doc.slice(finding.span)).endswith(" that")


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
        Code("refusal", 'A no or an inability ("we can\'t", "we don\'t offer", "not possible").', Severity.WARNING),
        Code(
            "reasoned-refusal",
            "A no that gives its reason (\"we can't refund it, as it's past 30 days\").",
            Severity.INFO,
        ),
        Code("blame", 'Blames the customer ("you failed to", "your mistake").', Severity.ERROR, "unsafe"),
        Code("framing", 'Frames the answer as a closed door ("unfortunately", "sadly").', Severity.WARNING, "unsafe"),
        Code("command", 'Orders or scolds ("you must", "please don\'t").', Severity.WARNING, "unsafe"),
        Code("rule-citing", 'Quotes a rule at them ("against our guidelines").', Severity.WARNING),
        Code("condescension", 'Talks down ("obviously", "simply", "as I said").', Severity.WARNING, "safe"),
        Code("dismissive", 'Brushes the problem aside ("works for everyone else").', Severity.WARNING),
        Code("stock-negative", 'A stock phrase with a negative ring ("not my job").', Severity.WARNING, "unsafe"),
        Code("product-limit", 'A product limit stated negatively ("can\'t handle").', Severity.INFO),
    ),
    profiles=frozenset({"reply", "template", "doc"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
)
