"""The customer's mood read from marks rather than words: punctuation ("???", "?!", an
"!" in a sentence about the problem), capitals (a stressed word, a shouted message) and
emoji. language/mood.py reads the words and grammar and adds these cues to the same score.
"""

from __future__ import annotations

import bisect
import re

from empathylint.language.mood_lexicon import CompiledLexicon, CueKind

# A cue found at a place in the message: (start, end, its kind, the words).
Found = tuple[int, int, CueKind, str]

# A word of the message, as the grammar cues read it too.
WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'’*-]*")

# Two different words in capitals that name nothing ("NOT the plan I chose", "WHY IS THIS"):
# a raised voice; five or more is a message shouted throughout.
_SHOUTING = CueKind("upset", "shouting", 2.0, 2.0)
_SHOUTED_THROUGHOUT = CueKind("upset", "shouting", 2.0, 2.0)
_SHOUTED_WORDS = 5
# One word in capitals that names nothing ("I PAID for it", "WHY?"): stress, not yet shouting.
_STRESSED = CueKind("upset", "a word in capitals", 1.0, 1.0)
_EXASPERATED = CueKind("upset", "exasperated punctuation", 1.0, 1.0)
# "total outage???", "why????": a pile of question marks is a demand, not a question.
_QUESTION_PILE = CueKind("upset", "piled-up question marks", 2.0, 2.0)
_UPSET_EMOJI = CueKind("upset", "upset emoji", 1.5, 2.0)
_CHEERFUL_EMOJI = CueKind("cheer", "cheerful emoji", 1.0, 2.0)
# Exclamation marks alone never make a customer cheerful ("Open the listings!"): they only
# add to a cheerful word or emoji.
_EXCLAMATIONS = CueKind("cheer", "exclamation marks", 0.5, 1.0)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_EXASPERATED_MARKS = re.compile(r"\?!|!\?|\?\?")
# Pictographs; skin tones (U+1F3FB–1F3FF) and the gender signs of a ZWJ sequence are part
# of the emoji before them, not emoji of their own.
_EMOJI = re.compile("(?![\U0001f3fb-\U0001f3ff\u2640\u2642])[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2764]")


def punctuation_cues(message: str, found: list[Found]) -> list[Found]:
    """ "?!", "??" and "!!!" sound exasperated, and so does an "!" in a sentence about the
    problem ("it won't let me in!"); an "!" in a calm sentence reads as cheer."""
    cues: list[Found] = []
    about_problem = _SpanSet([(start, end) for start, end, kind, _ in found if kind.leaning == "upset"])
    cheerful = _SpanSet([(start, end) for start, end, kind, _ in found if kind.leaning == "cheer"])
    for sentence in _SENTENCE.finditer(message):
        text, start, end = sentence.group(), sentence.start(), sentence.end()
        if "!" not in text and "??" not in text:
            continue
        if "???" in text:
            cues.append((start, end, _QUESTION_PILE, "???"))
        elif _EXASPERATED_MARKS.search(text):
            cues.append((start, end, _EXASPERATED, "?!" if "!" in text else "??"))
        elif about_problem.overlaps(start, end) or _is_shouted(text):
            cues.append((start, end, _EXASPERATED, "!" if "!!" not in text else "!!!"))
        elif "!!" in text and not cheerful.overlaps(start, end):
            # "Fix it!!" with no cheerful word beside it: a run of marks is raised voice.
            cues.append((start, end, _EXASPERATED, "!!!" if "!!!" in text else "!!"))
        else:
            cues.append((start, end, _EXCLAMATIONS, "!"))
            if text.count("!") > 1:
                cues.append((start, end, _EXCLAMATIONS, "!"))
    return cues


class _SpanSet:
    """Spans asked whether any of them overlaps a range, in O(log n) a question: a message
    of many sentences and many cues stays linear."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self._starts = [start for start, _ in spans]
        self._furthest_end: list[int] = []
        for _, end in spans:
            self._furthest_end.append(max(end, self._furthest_end[-1] if self._furthest_end else end))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self._starts, end)
        return before > 0 and self._furthest_end[before - 1] > start


def _is_shouted(sentence: str) -> bool:
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def shouting_cues(message: str, acronyms: frozenset[str], short_stress: frozenset[str] = frozenset()) -> list[Found]:
    """Two different words in capitals, eight letters at least, that name nothing ("MDW",
    "PDF" and hashtags are names): "WHAT IS THIS", "BUT I DIDN'T CHANGE IT". One such word
    of four letters or more (and no digits), or a shorter one of `short_stress` ("NOT",
    "WHY"), is stress: "I PAID for next-day shipping", "I did NOT order this"."""
    shouted: list[str] = []
    stressed: list[re.Match[str]] = []
    for match in WORD.finditer(message):
        word = match.group()
        short = word.lower() in short_stress
        if (len(word) >= 3 or short) and word.isupper() and word.strip("'’*-") not in acronyms and word not in shouted:
            shouted.append(word)
            if word.isalpha() and (len(word) >= 4 or short):
                stressed.append(match)
    if len(shouted) >= 2 and sum(len(word) for word in shouted) >= 8:
        kind = _SHOUTED_THROUGHOUT if len(shouted) >= _SHOUTED_WORDS else _SHOUTING
        return [(0, 0, kind, "ALL CAPS (" + " ".join(shouted[:3]) + ")")]
    # Where the stressed word stands, so an "!" in its sentence reads as raised voice.
    return [(stressed[0].start(), stressed[0].end(), _STRESSED, stressed[0].group())] if len(stressed) == 1 else []


def emoji_cues(message: str, patterns: CompiledLexicon) -> list[Found]:
    """Sad, angry or sarcastic emoji and emoticons, and cheerful ones; the rest (🤔, 💻) say nothing."""
    cues: list[Found] = []
    for match in _EMOJI.finditer(message):
        emoji = match.group()
        if emoji in patterns.upset_emoji:
            cues.append((match.start(), match.end(), _UPSET_EMOJI, emoji))
        elif emoji in patterns.cheerful_emoji:
            cues.append((match.start(), match.end(), _CHEERFUL_EMOJI, emoji))
    for match in patterns.emoticons.finditer(message):
        kind = _UPSET_EMOJI if match.group() in patterns.upset_emoji else _CHEERFUL_EMOJI
        cues.append((match.start(), match.end(), kind, match.group()))
    return cues
