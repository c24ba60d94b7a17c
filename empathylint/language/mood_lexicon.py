"""The words the customer's mood is read from: language/data/mood.tsv, plus a team's own.

The shipped file holds, for each kind of cue ("anger", "repeat-contact", "cheerful", …), the
words and phrases that show it, and the word classes the grammar cues are built from
("won't" or "can't" + a breakage verb, "cancel my" + a cancel object). A team adds words
with `[mood]` in checklist.toml (`upset-words`, `cheerful-words`); they join the shipped
ones, they never replace them. Everything is compiled once per lexicon and cached.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

from empathylint.document import TeamMoodWords

Leaning = Literal["upset", "cheer"]


@dataclass(frozen=True, slots=True)
class CueKind:
    """A kind of cue: which side of the score it adds to, the reason shown to the user, what
    one cue adds, and what all cues of the kind together may add (a kind is one piece of
    evidence, so ten "still"s weigh what one does)."""

    leaning: Leaning
    reason: str
    weight: float
    cap: float


# The cue kinds of mood.tsv.
PHRASE_KINDS: Mapping[str, CueKind] = {
    "anger": CueKind("upset", "frustration", 2.0, 2.0),
    "strong-words": CueKind("upset", "strong words", 2.5, 2.5),
    "profanity": CueKind("upset", "profanity", 2.0, 2.0),
    "distress": CueKind("upset", "distress", 2.0, 2.0),
    "urgency": CueKind("upset", "urgency", 2.0, 2.0),
    "repeat-contact": CueKind("upset", "repeat contact", 2.0, 2.0),
    "kept-waiting": CueKind("upset", "kept waiting", 2.0, 2.0),
    "cancel-demand": CueKind("upset", "cancel demand", 2.0, 2.0),
    "indignation": CueKind("upset", "indignation", 2.0, 2.0),
    "disappointment": CueKind("upset", "disappointment", 2.0, 2.0),
    "sarcasm": CueKind("upset", "sarcasm", 2.0, 2.0),
    "cost-to-them": CueKind("upset", "cost to them", 1.5, 1.5),
    "persistence": CueKind("upset", "persistence", 1.0, 1.0),
    "breakage": CueKind("upset", "something broken", 1.0, 1.0),
    "expectation": CueKind("upset", "let down", 1.0, 1.0),
    "cheerful": CueKind("cheer", "cheerful words", 1.0, 2.0),
    "team-upset": CueKind("upset", "your upset words", 2.0, 2.0),
    "team-cheerful": CueKind("cheer", "your cheerful words", 1.0, 2.0),
}
# Word classes, not cues on their own.
WORD_CLASSES = frozenset(
    {
        "breakage-verb",
        "cancel-verb",
        "cancel-object",
        "repeat-ordinal",
        "contact-noun",
        "not-shouting",
        "upset-emoji",
        "cheerful-emoji",
    }
)
# A cue of these kinds is cancelled by a "not" before it ("not urgent", "I don't want to
# cancel my plan"); the others carry their own negation ("still not", "won't load") or are
# not turned round by one.
NEGATABLE = frozenset(
    {
        "anger",
        "strong-words",
        "distress",
        "urgency",
        "cancel-demand",
        "breakage",
        "cheerful",
        "team-upset",
        "team-cheerful",
    }
)


@dataclass(frozen=True)
class MoodLexicon:
    """Entries by kind: phrases for the cue kinds, words for the word classes."""

    entries: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.entries.items())))

    def words(self, kind: str) -> tuple[str, ...]:
        return self.entries.get(kind, ())

    def extended(self, upset_words: Iterable[str] = (), cheerful_words: Iterable[str] = ()) -> MoodLexicon:
        """This lexicon with a team's own words (checklist.toml [mood])."""
        entries = dict(self.entries)
        entries["team-upset"] = tuple(sorted({w.lower() for w in upset_words}))
        entries["team-cheerful"] = tuple(sorted({w.lower() for w in cheerful_words}))
        return MoodLexicon(entries)


@functools.lru_cache(maxsize=8)
def lexicon_with(team: TeamMoodWords) -> MoodLexicon:
    """The shipped lexicon with a team's words added (the shipped one itself when there are none)."""
    if not team.upset and not team.cheerful:
        return shipped_lexicon()
    return shipped_lexicon().extended(team.upset, team.cheerful)


def parse_lexicon(text: str) -> MoodLexicon:
    """`kind<TAB>phrase` lines (comments start with #) as a lexicon; unknown kinds are an error."""
    entries: dict[str, list[str]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, phrase = line.partition("\t")
        if (kind not in PHRASE_KINDS and kind not in WORD_CLASSES) or not phrase:
            raise ValueError(f"mood.tsv:{number}: expected a known kind, a tab and a phrase: {line!r}")
        entries.setdefault(kind, []).append(phrase)
    return MoodLexicon({kind: tuple(phrases) for kind, phrases in entries.items()})


@functools.cache
def shipped_lexicon() -> MoodLexicon:
    """language/data/mood.tsv, read once and only when a customer message is read."""
    data = resources.files("empathylint.language").joinpath("data/mood.tsv").read_text(encoding="utf-8")
    return parse_lexicon(data)


@dataclass(frozen=True)
class CompiledLexicon:
    """One regex over every cue phrase (longest first) and the kind of each of its groups,
    plus the grammar cues built from the word classes."""

    phrases: re.Pattern[str]
    kind_of_group: Mapping[str, str]
    breakage: re.Pattern[str]
    cancel_demand: re.Pattern[str]
    repeat_ordinal: re.Pattern[str]
    not_shouting: frozenset[str]
    upset_emoji: frozenset[str]
    cheerful_emoji: frozenset[str]


@functools.lru_cache(maxsize=8)
def compiled(lexicon: MoodLexicon) -> CompiledLexicon:
    kind_of: dict[str, str] = {}
    for kind in PHRASE_KINDS:
        for phrase in lexicon.words(kind):
            kind_of.setdefault(phrase, kind)
    ordered = sorted(kind_of, key=lambda p: (-len(p), p))
    groups = [f"(?P<p{index}>{_phrase_pattern(phrase)})" for index, phrase in enumerate(ordered)]
    phrases = re.compile(r"(?<![\w'’])(?:" + "|".join(groups) + r")(?![\w'’])", re.IGNORECASE)
    verbs = _alternation(lexicon.words("breakage-verb"))
    breakage = re.compile(
        r"\b(?:(?:won['’]?t|will\s+not)\s+(?!be\b|have\b|need\b)(?:even\s+)?[a-z]+"
        r"|(?:can['’]?t|cant|cannot|can\s+not|unable\s+to|not\s+able\s+to|doesn['’]?t|does\s+not|isn['’]?t"
        r"|aren['’]?t|not)\s+(?:even\s+)?(?:" + verbs + r")\b"
        r"|(?:haven['’]?t|hasn['’]?t|have\s+not|has\s+not|not|never)\s+(?:even\s+)?been\s+able\s+to\s+[a-z]+)",
        re.IGNORECASE,
    )
    cancel_verbs = _alternation(form for verb in lexicon.words("cancel-verb") for form in _present_forms(verb))
    cancel_demand = re.compile(
        rf"\b(?:{cancel_verbs})\s+(?:my|our)\s+(?:[\w-]+\s+){{0,2}}?(?:{_alternation(lexicon.words('cancel-object'))})s?\b",
        re.IGNORECASE,
    )
    repeat_ordinal = re.compile(
        rf"\b(?:{_alternation(lexicon.words('repeat-ordinal'))})\s+(?:{_alternation(lexicon.words('contact-noun'))})s?\b"
        r"(?!\s+(?:address|account))",
        re.IGNORECASE,
    )
    return CompiledLexicon(
        phrases=phrases,
        kind_of_group={f"p{index}": kind_of[phrase] for index, phrase in enumerate(ordered)},
        breakage=breakage,
        cancel_demand=cancel_demand,
        repeat_ordinal=repeat_ordinal,
        not_shouting=frozenset(lexicon.words("not-shouting")),
        upset_emoji=frozenset(lexicon.words("upset-emoji")),
        cheerful_emoji=frozenset(lexicon.words("cheerful-emoji")),
    )


def _phrase_pattern(phrase: str) -> str:
    """A phrase as regex: either apostrophe or none ("didnt"), any spacing, a final "*" for a stem."""
    stem = phrase.endswith("*") and not phrase.endswith("**")
    body = re.escape(phrase.rstrip("*") if stem else phrase)
    body = body.replace(r"\ ", r"\s+").replace("'", "['’]?")
    return body + (r"[a-z]*" if stem else "")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


def _present_forms(verb: str) -> tuple[str, ...]:
    """A verb and its -ing forms ("cancel": "cancelling", "canceling"; "close": "closing")."""
    if verb.endswith("e"):
        return (verb, verb[:-1] + "ing")
    return (verb, verb + "ing", verb + verb[-1] + "ing")
