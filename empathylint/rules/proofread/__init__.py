"""Proofread before sending.

What it does: finds the slips a careful reread catches: common misspellings, with their
correction (`spelling`, fixed safely when there is one meaning); a word in no dictionary that
is clearly a slip of a common one (`unknown-word`, a hint with its correction; one with no clear
correction is mostly a name or a term, and is said only with `unknown-without-correction`); a
real word where another was meant ("you account", "its been", "more then", "Setup a PIN",
"we is", "have went"), a verb or noun in the wrong form ("we will sending", "it doesn't works",
"happy help", "one of the reason", "every users", "on 10:00") or a word too many ("let us know
which plan do you need": `confused-word`);
a word typed twice ("the the"), doubled spaces between words (not in Markdown or HTML, which
show them as one), a sentence that starts in lower case, a step's verb capitalised in mid-sentence
("To fix it, Upgrade the app") or a reply's sentence run on into the next with no full stop
("it's being compiled Check back tomorrow"), a lower-case "i", a word typed with two capitals ("THe"),
"a"/"an" before the wrong sound ("a hour", "an user"), brackets and quotes left open,
ALL-CAPS shouting, "!!!", "??" and "..", a full stop with no space after it ("way.Please"),
"et." in "et al.", leftover TODO/TBD/XXX/FIXME, lorem ipsum, a "___" blank
or a Markdown link to nothing ("[our guide]()"),
in a reply a placeholder nobody filled in, and in a canned reply a placeholder with broken
braces ("{{first_name}").

The dictionary is SCOWL's, American and British, with software, support and brand words on
top. Spelling never looks at names in the greeting or the sign-off, capitalised words in mid
sentence (names and products), words with digits, ALL-CAPS acronyms, code, URLs, domains,
e-mail addresses, file names, paths, command lines, placeholders, markup (front matter keys,
HTML tags and entities, template tags, callout markers) or the customer's quoted text, nor at
a sentence in another language; nor does it report a writer's own term: a library's name, a
word spelt the same way three times, or one the draft also writes as code or in an address.
Add your product names and team words to `words` (or to a file named by `words-file`, one word
a line, relative to your checklist.toml); ignore `proofread.unknown-word` to keep only the
known misspellings (an ignored code does no work).

Two spaces after a full stop are a house style, not a typo, and are left alone; so are
runs of four or more spaces, which line up columns. "etc" without its full stop is a hint that
blocks nothing (British house styles write it so).

Why it matters: a typo in a reply tells the customer nobody looked twice; an unfilled
"{{ticket.requester.first_name}}" or a "TODO" tells them they got a form letter. Shouting
and "!!!" read as anger whatever the words say.

Example:
    Hi Maria,

    i have recieved your your request and and will get back to you ASAP!!!
    Its been passed to our team. Please do NOT reply to [AGENT NAME].

Use instead:
    Hi Maria,

    I have received your request and will get back to you by Friday.
    It's been passed to our team. Please reply here if anything changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from empathylint.diagnostics import Diagnostic
from empathylint.document import Document, Span
from empathylint.rule import Rule
from empathylint.rules.proofread import articles, capitals, confusables, placeholders, shouting, spelling, typography
from empathylint.rules.proofread.codes import CODES, GROUP
from empathylint.rules.proofread.settings import Settings

ALL_CODES = frozenset(code.name for code in CODES)

# The checks of the body's text, each run only when its code is selected, in this order.
_TEXT_CHECKS: tuple[tuple[str, Callable[[Document, Settings], Iterable[Diagnostic]]], ...] = (
    ("repeated-word", typography.repeated_words),
    ("doubled-space", typography.doubled_spaces),
    ("sentence-case", capitals.sentence_case),
    ("capital-mid-sentence", capitals.capital_mid_sentence),
    ("capital-mid-sentence", capitals.run_on_sentences),
    ("lowercase-i", capitals.lowercase_i),
    ("name-casing", capitals.name_casing),
    ("confused-word", confusables.confused_words),
    ("article", articles.articles),
    ("article", articles.doubled_determiners),
    ("unbalanced", typography.unbalanced),
    ("shouting", shouting.shouting),
    ("punctuation", typography.punctuation),
)


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    return check_codes(doc, settings, ALL_CODES)


def check_codes(doc: Document, settings: Settings, selected: frozenset[str]) -> Iterator[Diagnostic]:
    """The findings of the selected codes; a code left out does none of its work (spelling
    is most of the group's cost)."""
    leftovers = list(placeholders.leftovers(doc, settings))
    if "leftover" in selected:
        yield from leftovers
        yield from placeholders.empty_links(doc)
    in_template = doc.profile in ("reply", "template")
    malformed = list(placeholders.malformed_placeholders(doc)) if in_template else []
    if "malformed-placeholder" in selected:
        yield from malformed
    if doc.profile == "reply" and "unfilled-placeholder" in selected:
        yield from placeholders.unfilled_placeholders(doc, [Span(d.start, d.end) for d in malformed])
    if not doc.slice(doc.body).strip():
        return
    for code, check_text in _TEXT_CHECKS:
        if code in selected:
            yield from check_text(doc, settings)
    if "spelling" in selected:
        yield from spelling.shift_slips(doc, settings)
    if selected & {"spelling", "unknown-word"}:
        yield from spelling.misspellings(doc, settings, [Span(d.start, d.end) for d in leftovers], selected)


RULE = Rule(
    group=GROUP,
    item="proofread",
    codes=CODES,
    profiles=frozenset({"reply", "template", "doc"}),
    settings=Settings,
    check=check,
    check_selected=check_codes,
    doc=__doc__ or "",
)
