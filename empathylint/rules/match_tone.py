"""Match their tone.

What it does: compares the reply's tone with the customer's mood (read from their message).
To an upset customer it flags what reads as making light of the problem: emoji and
emoticons, "lol", "haha", "just kidding", and exclamation-heavy cheer (an "!" after a
greeting, a thanks, an apology or an offer of more help is warmth, and is not counted). To a cheerful
customer it hints at stiff formality ("Dear Sir", "We regret to inform you", "Please be
advised") with a friendlier wording. With no customer message, or a neutral one, the rule
has nothing to judge and stays silent.

Why it matters: a 😊 to someone who has been locked out for three days reads as not taking
them seriously; "Please be advised" to someone who wrote "love the app!! 🎉" reads as a
form letter. Meeting people where they are is half of sounding human.

Example:
    > Your app charged me TWICE. Unacceptable!!!

    No worries, happens to the best of us 😅 Refund is on its way!!

Use instead:
    I'm sorry about the double charge. I've refunded the second one; it will be back on
    your card within 5 days.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from empathylint.diagnostics import Diagnostic, Edit, Fix, Severity
from empathylint.document import Document, Span
from empathylint.language.mood import Mood, mood_of
from empathylint.language.phrase_trie import PhraseTrie
from empathylint.language.phrases import find_phrases, match_case, normalize, phrase_lookup, phrase_matcher
from empathylint.language.vocabulary import default_phrases, default_rewrites
from empathylint.rule import Code, Rule, bounded
from empathylint.rules._reply import quoted, reply_sentence, sentence_at


@dataclass(frozen=True)
class Settings:
    # Light-hearted words that read as making light of an upset customer's problem.
    light_phrases: tuple[str, ...] = field(default_factory=default_phrases("match-tone", "light-phrases"))
    # More exclamation marks than this in a reply to an upset customer read as upbeat.
    max_exclamations: int = bounded(1, minimum=0)
    # Sentences opening with these are courtesy (a greeting, a thanks, an apology, an offer of
    # more help): their "!" is warmth and is not counted.
    courtesy_openers: tuple[str, ...] = field(default_factory=default_phrases("match-tone", "courtesy-openers"))
    # Stiff formality and what to say to a cheerful customer instead.
    stiff_phrases: dict[str, str] = field(default_factory=default_rewrites("match-tone", "stiff-phrases"))

    light = phrase_matcher("light_phrases")
    courtesy = phrase_matcher("courtesy_openers")
    stiff = phrase_matcher("stiff_phrases")
    warm_rewrite_for = phrase_lookup("stiff_phrases")


# Pictographic emoji; dingbats such as ✓ and ★ mark lists and ratings, not mood.
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u26ff\u2764\u2b50]\ufe0f?")
_EXCLAMATIONS = re.compile(r"[!?]*![!?]*")
_LEADING_HANDLES = re.compile(r"\s*(?:@\w+[\s,:]*)*")
_EMOTICON = re.compile(r"(?<!\S)(?::-?[)(DPp]|;-?\)|xD|XD|:'\(|\^_*\^)(?!\S)")


def applies_to(doc: Document) -> bool:
    mood = mood_of(doc)
    return mood is not None and mood.label != "neutral"


def check(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    mood = mood_of(doc)
    if mood is None:
        return
    if mood.is_upset:
        yield from _too_light(doc, mood, settings)
    elif mood.is_cheerful:
        yield from _too_stiff(doc, settings)


def _too_light(doc: Document, mood: Mood, settings: Settings) -> Iterator[Diagnostic]:
    signs = ", ".join(f'"{reason}"' for reason in mood.reasons("upset")[:2])
    body = doc.body
    found = [
        *(m for m in _EMOJI.finditer(doc.text, body.start, body.end)),
        *(m for m in _EMOTICON.finditer(doc.text, body.start, body.end)),
        *find_phrases(settings.light, doc.text, body),
    ]
    for match in sorted(found, key=lambda m: m.start()):
        start = match.start()
        while start > body.start and doc.text[start - 1] in " \t":
            start -= 1
        yield RULE.diagnostic(
            "too-light",
            Span(match.start(), match.end()),
            f'"{match.group()}" reads as making light of it to a customer who is upset ({signs}); leave it out.',
            suggestion="(remove it)",
            fix=Fix((Edit(start, match.end(), ""),), safe=False),
        )
    courtesy = settings.courtesy
    runs = [
        run
        for run in _EXCLAMATIONS.finditer(doc.text, body.start, body.end)
        if not _is_courtesy(doc, reply_sentence(doc, run.start()), courtesy)
    ]
    count = sum(run.group().count("!") for run in runs)
    if count > settings.max_exclamations:
        first = runs[0]
        sentence = sentence_at(doc, first.start()) or Span(first.start(), first.end())
        yield RULE.diagnostic(
            "too-light",
            Span(first.start(), first.end()),
            f"{count} exclamation marks sound upbeat to a customer who is upset; end sentences with a full stop.",
            suggestion=_EXCLAMATIONS.sub(_calm, quoted(doc, sentence)),
            fix=Fix(tuple(Edit(_run_start(doc.text, run), run.end(), _calm(run)) for run in runs), safe=False),
        )


def _run_start(text: str, run: re.Match[str]) -> int:
    """Where a run of marks starts, counting marks before the body ("Hey Daniel!!" has its
    greeting's "!" outside the body): the whole run becomes one full stop, never "!."."""
    start = run.start()
    while start > 0 and text[start - 1] in "!?":
        start -= 1
    return start


def _is_courtesy(doc: Document, sentence: Span | None, courtesy: PhraseTrie | None) -> bool:
    """A greeting, a thanks, an apology or an offer of more help ("Hi there!", "Thanks for
    waiting!", "Oh no!", "Let us know if this helps!"), also when a greeting runs into it
    ("@maria Hi Maria, thanks for reaching out!"): its "!" is warmth, not cheer about the problem."""
    if sentence is None or courtesy is None:
        return False
    opening = _LEADING_HANDLES.match(doc.text, sentence.start, sentence.end)
    return courtesy.match(doc.text, opening.end() if opening else sentence.start, sentence.end) is not None


def _calm(run: re.Match[str]) -> str:
    return "?" if "?" in run.group() else "."


def _too_stiff(doc: Document, settings: Settings) -> Iterator[Diagnostic]:
    for match in find_phrases(settings.stiff, doc.text, Span(0, len(doc.text))):
        replacement = match_case(match.group(), settings.warm_rewrite_for[normalize(match.group())])
        yield RULE.diagnostic(
            "too-stiff",
            Span(match.start(), match.end()),
            f'"{match.group()}" is stiff next to the customer\'s cheerful message; match their warmth.',
            suggestion=replacement,
            fix=Fix((Edit(match.start(), match.end(), replacement),), safe=False),
        )


RULE = Rule(
    group="match-tone",
    item="tone",
    codes=(
        Code("too-light", "Emoji, jokes or exclamation-heavy cheer to an upset customer.", Severity.WARNING, "unsafe"),
        Code("too-stiff", "Stiff formality to a cheerful customer.", Severity.INFO, "unsafe"),
    ),
    profiles=frozenset({"reply", "template"}),
    settings=Settings,
    check=check,
    doc=__doc__ or "",
    applies_to=applies_to,
)
