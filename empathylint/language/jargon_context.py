"""Where a jargon term is no jargon, from the draft around it: part of a name in capitals,
in a table's cell or a title-case list item (a feature's name), a label on the screen in
bold or quotes ("the **URI** field"), the writer's initials ("/OP"), inside an author's
fill-in slot or a phrase in which it is plain English, in the title of the article it is in
(its subject), as the text of a link to a page that defines it or beside a link to the help
centre's own page about it, or, in an article, in a sentence or a section for people who run the service
themselves."""

from __future__ import annotations

import bisect
import re

from empathylint.document import Document, Span
from empathylint.language.jargon_audience import page_title
from empathylint.language.jargon_terms import Term
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.phrases import normalize
from empathylint.language.regex_on_use import LazyPattern


def in_a_table(doc: Document, match: re.Match[str]) -> bool:
    """Whether the term stands in a table's cell: a comparison table's cells are the names
    of features, not prose that explains them."""
    start = doc.source_offset(match.start())
    line_start = doc.source.rfind("\n", 0, start) + 1
    line_end = doc.source.find("\n", start)
    line = doc.source[line_start : line_end if line_end >= 0 else len(doc.source)]
    return line.lstrip().startswith("|") or line.count(" | ") >= 2 or "<td" in line


def in_a_name_line(doc: Document, match: re.Match[str]) -> bool:
    """Whether the term stands in a short heading or list item written in title case
    ("APIs and Extensibility", "- Login with SSO"): a list of features or a section's title
    names things, like a table's cell; prose that explains them follows."""
    start = doc.source_offset(match.start())
    line_start = doc.source.rfind("\n", 0, start) + 1
    line_end = doc.source.find("\n", start)
    item = _HEADING_OR_ITEM.match(doc.source[line_start : line_end if line_end >= 0 else len(doc.source)])
    if item is None or _SENTENCE_STOP.search(item.group("text")):
        return False
    words = _MARKUP.sub(" ", item.group("text")).split()
    long_words = [word for word in words if len(word) > _SHORT_WORD]
    return (
        0 < len(words) <= _NAME_WORDS
        and words[0][0].isupper()
        and all(word[0].isupper() or word[0].isdigit() for word in long_words)
    )


_HEADING_OR_ITEM = LazyPattern(r"^[ \t]*(?:#{1,6}|[-*+]|\d{1,2}[.)])[ \t]+(?P<text>.+?)[ \t#]*$")
_MARKUP = LazyPattern(r"\]\([^)\s]*\)|[*_`\[\]()<>]+")
_SENTENCE_STOP = LazyPattern(r"[.!?:;,](?:\s|$)")
# A name in title case leaves its short words ("for", "with", "from") in lower case.
_SHORT_WORD = 4
_NAME_WORDS = 6


def labels_a_control(
    doc: Document, match: re.Match[str], control_words: frozenset[str], control_verbs: re.Pattern[str] | None
) -> bool:
    """Whether the term is (part of) a label in bold or quotes that names a field, button
    or tab of the product ("enter it in the **URI** field", "press the "Webhook" button"),
    or that the reader is told to click or choose ("Click **API keys**"): the reader finds
    those words on the screen, so the draft only has to point at them."""
    start, end = doc.source_span(match.start(), match.end())
    source = doc.source
    line_start = source.rfind("\n", 0, start) + 1
    opening = _LABEL_OPENS.search(source, max(line_start, start - _LABEL_REACH), start)
    closing = _LABEL_CLOSES.match(source, end)
    if opening is None or closing is None:
        return False
    # The control's word inside the label ("**URI field**", "[URI field](#fields)") or after it.
    inside_label = _NEXT_PLAIN_WORD.match(source, end, closing.start("mark"))
    following = inside_label or _NEXT_PLAIN_WORD.match(source, closing.end())
    if following is not None and normalize(following.group(1)).removesuffix("s") in control_words:
        return True
    reach = max(line_start, opening.start() - _LABEL_REACH)
    return control_verbs is not None and control_verbs.search(source, reach, opening.start()) is not None


# A label's opening mark (bold or a quotation mark) and the label's words before the term;
# its words after the term and its closing mark.
_LABEL_OPENS = LazyPattern(r"(?:\*\*|__|[\"“\[])[^*_\"“”\[\]\n]*\Z")
_LABEL_CLOSES = LazyPattern(r"[^*_\"“”\[\]\n]{0,40}?(?P<mark>\*\*|__|[\"”\]])")
_LABEL_REACH = 40
_NEXT_PLAIN_WORD = LazyPattern(r"[ \t]+([a-z]+)\b")


def signs_the_reply(text: str, match: re.Match[str], term: Term, body: Span) -> bool:
    """Whether a listed acronym is the writer's initials, signed at the reply's end after a
    slash, caret, tilde or dash set apart from the words ("… things up /OP")."""
    if not term.term.isupper() or text[match.end() : body.end].strip(" \t\n.!"):
        return False
    return _INITIALS_SIGN.search(text, max(0, match.start() - 3), match.start()) is not None


# What stands before initials that sign a reply, apart from the word before ("TLS/SSL" is "or").
_INITIALS_SIGN = LazyPattern(r"(?:^|\s)[\^~/-][ \t]?\Z")


# --- what is set aside ------------------------------------------------------------------

# An author's fill-in slot, "[Issue URL]", "[your repo name]": brackets that are no link.
_FILL_IN_SLOT = re.compile(r"\[[^\[\]\n]{1,60}\](?![(\[:])")


def set_aside(text: str, body: Span, everyday_uses: PhraseTrie | None) -> list[Span]:
    """Stretches of the body in which a term is not jargon, in order: fill-in slots, and
    the phrases in which a listed term is plain English ("for instance")."""
    spans = [Span(m.start(), m.end()) for m in _FILL_IN_SLOT.finditer(text, body.start, body.end)]
    pattern = everyday_uses
    if pattern is not None:
        spans.extend(Span(m.start(), m.end()) for m in pattern.finditer(text, body.start, body.end))
    return sorted(spans, key=lambda span: span.start)


def inside(spans: list[Span], match: re.Match[str]) -> bool:
    """Whether the match lies in one of the spans (sorted by start; found by bisection, so
    an article with hundreds of them costs no more per term than a reply)."""
    index = bisect.bisect_right(spans, match.start(), key=lambda span: span.start)
    return any(span.end >= match.end() for span in spans[max(0, index - _OVERLAPPING) : index])


# Set-aside spans that can start before one term and still cover it: slots and phrases
# are short, and a term sits inside at most a few of them.
_OVERLAPPING = 4


def subject(doc: Document) -> frozenset[str]:
    """The words of an article's title: the article is about them, so it explains them
    ("Connect through a proxy" explains "proxy")."""
    title = page_title(doc.source) if doc.profile == "doc" else None
    if title is None:
        return frozenset()
    words = normalize(re.sub(r"[^\w\s'’-]", " ", title)).split()
    return frozenset(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1))


# The link a term is the text of: Markdown "[user agent](https://…)" or HTML "<a href=…>user agent</a>".
_MARKDOWN_LINK_AFTER = LazyPattern(r"[^\[\]\n]{0,80}\]\((?P<url>[^)\s]+)")
_HTML_LINK_BEFORE = LazyPattern(r"<a\s[^>]*href=[\"'](?P<url>[^\"']+)[\"'][^>]*>[^<]{0,80}$", re.IGNORECASE)


def links_to_a_definition(doc: Document, match: re.Match[str], sites: tuple[str, ...]) -> bool:
    """Whether the term is the text of a link to a page that defines it: a page of one of the
    reference `sites`, or the help centre's own page named after the term, the link's text
    being that page's name ("[API keys](/help/api-keys/)", "[The DNS and You](../dns-you.md)").
    The reader is one click from the explanation; an encyclopedia elsewhere
    ("[telemetry](https://en.wikipedia.org/wiki/Telemetry)") sends them away instead."""
    start, end = doc.source_span(match.start(), match.end())
    link = _MARKDOWN_LINK_AFTER.match(doc.source, end) or _HTML_LINK_BEFORE.search(
        doc.source, max(0, start - 400), start
    )
    if link is None:
        return False
    address = link.group("url")
    if any(site in address for site in sites):
        return True
    if _ABSOLUTE.match(address):
        return False
    page = _PAGE_NAME.search(address)
    if page is None:
        return False
    # The link's text names the page, not a task on it ("[DNS for your shop](/help/dns/)").
    opening = max(doc.source.rfind("[", max(0, start - 80), start), doc.source.rfind(">", max(0, start - 80), start))
    closing = _LINK_TEXT_END.search(doc.source, end)
    if opening < 0 or closing is None:
        return False
    page_words = _words(page.group("page"))
    return _words(doc.source[opening + 1 : closing.start()]) - _LINKING_WORDS <= page_words


# Words a link's text may add to its page's name: "[The DNS and You](../dns-you.md)".
_LINKING_WORDS = frozenset({"a", "an", "and", "of", "the"})


_LINK_TEXT_END = LazyPattern(r"[\]<]")


# The last named part of an address: "cli" in "/help/cli/#import", "dns-you" in "../dns-you.md".
_PAGE_NAME = LazyPattern(r"(?P<page>[^/#?]+?)(?:\.\w{1,4})?/?(?:[#?].*)?$")


def near_a_page_about_it(doc: Document, match: re.Match[str], term: Term) -> bool:
    """Whether the term's paragraph points to the help centre's own page about it: a link
    whose address, a page of this site (not an encyclopedia elsewhere), names the term
    ("[API clients](/help/api/)", "… if URIs are new to you, read [Using URIs](/article/uri-matching/)",
    "[certificates][ssl-certificates]"). The reader is one click from the explanation."""
    start, end = doc.source_span(match.start(), match.end())
    source = doc.source
    opening = source.rfind("\n\n", max(0, start - _PARAGRAPH_REACH), start)
    closing = source.find("\n\n", end, end + _PARAGRAPH_REACH)
    paragraph_start = opening + 2 if opening >= 0 else max(0, start - _PARAGRAPH_REACH)
    paragraph_end = closing if closing >= 0 else min(len(source), end + _PARAGRAPH_REACH)
    named = _words(term.term)
    for link in _OWN_PAGE_LINK.finditer(source, paragraph_start, paragraph_end):
        address = link.group("address") or link.group("reference") or link.group("html")
        if not _ABSOLUTE.match(address) and named <= _words(address):
            return True
    return False


# How far from the term its paragraph is looked at, either way, in characters.
_PARAGRAPH_REACH = 600
# The address of a Markdown link, inline or by reference, or of an HTML one.
_OWN_PAGE_LINK = LazyPattern(
    r"\]\((?P<address>[^)\s]+)\)|\]\[(?P<reference>[^\[\]\n]+)\]|href=[\"'](?P<html>[^\"']+)",
    re.IGNORECASE,
)
# An address on another site: the help centre's own pages are linked without a scheme.
_ABSOLUTE = LazyPattern(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _words(text: str) -> set[str]:
    """A link text's or a page name's words, singular: "API Keys" and "api-key" alike."""
    return {_singular(word) for word in re.split(r"[\W_]+", text.lower()) if word}


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 and not word.endswith("ss") else word


def in_a_passage_for_operators(doc: Document, match: re.Match[str], cues: PhraseTrie | None) -> bool:
    """Whether the term stands in a sentence or a section addressed to people who run the
    service themselves ("If you're self-hosting, set the environment variable", or anything
    under a "Self-hosting" heading, up to the next heading): they read it as a technical
    audience does, whoever the rest of the article is for."""
    if cues is None:
        return False
    sentences = doc.sentences
    index = bisect.bisect_right(sentences, match.start(), key=lambda span: span.start) - 1
    sentence = sentences[index] if index >= 0 else None
    if sentence is not None and sentence.end >= match.end() and cues.search(doc.text, sentence.start, sentence.end):
        return True
    source = doc.source
    start = doc.source_offset(match.start())
    headings = doc.memo("jargon.headings", lambda: [(h.start(), h.end()) for h in _HEADING.finditer(source)])
    above = bisect.bisect_right(headings, start, key=lambda heading: heading[0]) - 1
    return above >= 0 and cues.search(source, *headings[above]) is not None


_HEADING = LazyPattern(r"^#{1,6}[ \t]+.+$", re.MULTILINE)


# --- names in capitals ------------------------------------------------------------------


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence, a heading, a list item or a cell. The
    last character that is not a blank or markup is stepped back to rather than found by
    copying all the text before it (a whole article per finding)."""
    previous = start - 1
    while previous >= 0 and (text[previous].isspace() or text[previous] in "*_\"'“‘([#>|-•"):
        previous -= 1
    if previous < 0 or text[previous] in ".!?:;" or "\n" in text[previous:start]:
        return True
    # A social reply's first words follow the @handles it is addressed to: "@customer Streaming …".
    return _AFTER_HANDLES.search(text, max(0, start - _HANDLES_REACH), start) is not None


_AFTER_HANDLES = LazyPattern(r"(?:^|[.!?]\s)[ \t]*(?:@\w+[ \t,:]*)+\Z", re.MULTILINE)
_HANDLES_REACH = 80


def written_as_a_name(text: str, match: re.Match[str], term: Term) -> bool:
    """Whether the term is part of a name in capitals: a product, a feature, a button or a
    field ("VS Code", "Directory Services", "Empty Cache", "Events API", "URI 1"). A
    lower-case term with a capital inside a sentence, or before another capitalised word,
    is one; so is a term in capitals beside a capitalised word or a number."""
    written = match.group()
    following = _NEXT_WORD.match(text, match.end())
    next_is_a_name = following is not None and (following.group(1)[0].isupper() or following.group(1)[0].isdigit())
    if term.term.lower() == term.term:
        if not written[0].isupper():
            return False
        if not opens_sentence(text, match.start()):
            return True
        # A verb's -ing or -ed form opening a sentence is the verb ("Forking Chromium took a
        # year"), even before a name; a feature's name gives the word as listed.
        return next_is_a_name and not _VERB_FORM.search(written)
    previous = _PREVIOUS_WORD.search(text, max(0, match.start() - 40), match.start())
    after_a_name = (
        previous is not None and previous.group(1)[0].isupper() and not opens_sentence(text, previous.start(1))
    )
    return next_is_a_name or after_a_name


_VERB_FORM = LazyPattern(r"(?:ing|ed)$", re.IGNORECASE)
_NEXT_WORD = LazyPattern(r"[ \t]+([^\W_][\w.-]*)")
_PREVIOUS_WORD = LazyPattern(r"([^\W\d_][\w.-]*)[ \t]+$")
