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
from collections.abc import Iterable, Iterator, Mapping
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
    "repeat-contact": CueKind("upset", "repeated contact", 2.0, 2.0),
    "kept-waiting": CueKind("upset", "kept waiting", 2.0, 2.0),
    "cancel-demand": CueKind("upset", "cancel demand", 2.0, 2.0),
    "indignation": CueKind("upset", "indignation", 2.0, 2.0),
    "disappointment": CueKind("upset", "disappointment", 2.0, 2.0),
    "sarcasm": CueKind("upset", "sarcasm", 2.0, 2.0),
    # Money taken or work lost ("charged twice", "lost my data"): upset on its own; a mention
    # of what they paid ("I paid for the annual plan") only adds to other cues.
    "loss": CueKind("upset", "a loss to them", 2.0, 2.0),
    "cost-to-them": CueKind("upset", "cost to them", 1.5, 1.5),
    "persistence": CueKind("upset", "persistence", 1.0, 1.0),
    "breakage": CueKind("upset", "something broken", 1.0, 1.0),
    "expectation": CueKind("upset", "let down", 1.0, 1.0),
    # "I can't even log in", "not a single reply": the customer's own exasperation, a cue of
    # its own beside being let down ("yet you charge me"), so the two together are upset.
    "exasperation": CueKind("upset", "exasperation", 1.0, 1.0),
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
        "amicable-parting",
        "self-blame",
        "repeat-ordinal",
        "contact-noun",
        "upset-emoji",
        "cheerful-emoji",
        "short-stress",
        "harm-verb",
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
    if not team.upset_words and not team.cheerful_words:
        return shipped_lexicon()
    return shipped_lexicon().extended(team.upset_words, team.cheerful_words)


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


# A word of a message: letters and digits, with apostrophes, "*" ("f***") and inner dots
# ("a.s.a.p"); a hyphen separates words, so "rip-off" is "rip off".
_TOKEN = re.compile(r"[\w'’*]+(?:\.[\w'’*]+)*")
_BETWEEN_WORDS = re.compile(r"\s+|\s*-\s*")


def _key(word: str) -> str:
    """A word as phrases are looked up by: lower case, without apostrophes ("didnt" is "didn't")."""
    return word.lower().replace("'", "").replace("’", "")


@functools.lru_cache(maxsize=4)
def _tokens(message: str) -> tuple[list[re.Match[str]], list[str]]:
    """The message's words and their keys, for the last few messages: every index of a
    lexicon (cue phrases, partings, self-blame) reads the same message."""
    tokens = list(_TOKEN.finditer(message))
    return tokens, [_key(token.group()) for token in tokens]


class PhraseIndex:
    """The cue phrases by their first word, so a message is read word by word: a regex
    alternation of five hundred phrases tried at every position cost ~13 ms a message, a
    look-up per word costs microseconds. At each word the longest phrase wins, and matches
    do not overlap (as a longest-first alternation finds them)."""

    def __init__(self, kind_of: Mapping[str, str]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        self._stems_by_start: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
        for phrase, kind in kind_of.items():
            stem = phrase.endswith("*") and not phrase.endswith("**")
            words = tuple(_key(word) for word in (phrase[:-1] if stem else phrase).split())
            entry = (words, stem, kind)
            if stem and len(words) == 1:
                self._stems_by_start.setdefault(words[0][:3], []).append(entry)
            else:
                self._by_first.setdefault(words[0], []).append(entry)
        for entries in (*self._by_first.values(), *self._stems_by_start.values()):
            entries.sort(key=lambda entry: -sum(map(len, entry[0])))

    def find(self, message: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, kind) of each phrase found, in order."""
        tokens, keys = _tokens(message)
        by_first, stems_by_start = self._by_first, self._stems_by_start
        index = 0
        while index < len(tokens):
            first = keys[index]
            if first not in by_first and first[:3] not in stems_by_start:
                index += 1  # no phrase starts with this word
                continue
            length, kind = self._longest_at(message, tokens, keys, index)
            if length:
                yield tokens[index].start(), tokens[index + length - 1].end(), kind
                index += length
            else:
                index += 1

    def _longest_at(self, message: str, tokens: list[re.Match[str]], keys: list[str], index: int) -> tuple[int, str]:
        first = keys[index]
        candidates = [*self._by_first.get(first, ()), *self._stems_by_start.get(first[:3], ())]
        best: tuple[int, int, str] = (0, 0, "")
        for words, stem, kind in candidates:
            end = index + len(words)
            if end > len(keys) or sum(map(len, words)) <= best[1]:
                continue
            head, last = keys[index : end - 1], keys[end - 1]
            if list(words[:-1]) != head or not (last.startswith(words[-1]) if stem else last == words[-1]):
                continue
            if all(
                _BETWEEN_WORDS.fullmatch(message, tokens[i].end(), tokens[i + 1].start()) for i in range(index, end - 1)
            ):
                best = (len(words), sum(map(len, words)), kind)
        return best[0], best[2]


@dataclass(frozen=True)
class CompiledLexicon:
    """The cue phrases indexed by their first word, plus the grammar cues built from the
    word classes."""

    phrases: PhraseIndex
    breakage: re.Pattern[str]
    refused: re.Pattern[str]
    # Thanks or praise for a harm: "thanks a lot for deleting my playlist", "nice job losing it".
    sarcastic_thanks: re.Pattern[str]
    cancel_demand: re.Pattern[str]
    repeat_ordinal: re.Pattern[str]
    amicable_parting: PhraseIndex
    # "I forgot my password again", "my bad": annoyance at oneself.
    self_blame: PhraseIndex
    upset_emoji: frozenset[str]
    cheerful_emoji: frozenset[str]
    # Short words that are stress in capitals ("NOT", "WHY"), lower case.
    short_stress: frozenset[str]
    # Emoticons written in punctuation (":(", ":-D"), standing alone between spaces.
    emoticons: re.Pattern[str]


@functools.lru_cache(maxsize=8)
def compiled(lexicon: MoodLexicon) -> CompiledLexicon:
    kind_of: dict[str, str] = {}
    for kind in PHRASE_KINDS:
        for phrase in lexicon.words(kind):
            kind_of.setdefault(phrase, kind)
    verbs = _alternation(lexicon.words("breakage-verb"))
    breakage = re.compile(
        r"\b(?:(?:won['’]?t|will\s+not)\s+(?!be\b|have\b|need\b)(?:even\s+)?[a-z]+"
        r"|(?:can['’]?t|cant|cannot|can\s+not|unable\s+to|not\s+able\s+to|doesn['’]?t|does\s+not|isn['’]?t"
        r"|aren['’]?t|not)\s+(?:even\s+)?(?:" + verbs + r")\b"
        r"|(?:haven['’]?t|hasn['’]?t|have\s+not|has\s+not|not|never)\s+(?:even\s+)?been\s+able\s+to\s+[a-z]+)",
        re.IGNORECASE,
    )
    # The company refusing them: "you won't accept my number", "you guys refuse to refund".
    refused = re.compile(
        r"\byou(?:\s+guys)?\s+(?:won['’]?t|wont|will\s+not|refuse[sd]?\s+to)\s+(?:even\s+)?(?:" + verbs + r")\b",
        re.IGNORECASE,
    )
    sarcastic_thanks = re.compile(
        r"\b(?:(?:thanks|thank\s+(?:you|u))(?:\s+(?:a\s+lot|so\s+much|very\s+much|again))?\s+for"
        r"|(?:nice|good|great)\s+(?:job|work)|well\s+done)\s+(?:on\s+)?(?:"
        + _alternation(lexicon.words("harm-verb"))
        + r")\b",
        re.IGNORECASE,
    )
    cancel_verbs = _alternation(form for verb in lexicon.words("cancel-verb") for form in _forms(verb))
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
        phrases=PhraseIndex(kind_of),
        breakage=breakage,
        refused=refused,
        sarcastic_thanks=sarcastic_thanks,
        cancel_demand=cancel_demand,
        repeat_ordinal=repeat_ordinal,
        amicable_parting=PhraseIndex(dict.fromkeys(lexicon.words("amicable-parting"), "amicable-parting")),
        self_blame=PhraseIndex(dict.fromkeys(lexicon.words("self-blame"), "self-blame")),
        upset_emoji=frozenset(lexicon.words("upset-emoji")),
        cheerful_emoji=frozenset(lexicon.words("cheerful-emoji")),
        short_stress=frozenset(lexicon.words("short-stress")),
        emoticons=re.compile(
            r"(?<!\S)(?:"
            + _alternation(e for e in (*lexicon.words("upset-emoji"), *lexicon.words("cheerful-emoji")) if e.isascii())
            + r")(?!\S)"
        ),
    )


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


def _forms(verb: str) -> tuple[str, ...]:
    """A verb with its -ing and past forms ("cancel": "cancelling", "canceling", "cancelled",
    "canceled"; "close": "closing", "closed"); a phrase ("unsubscribe from") changes its first word."""
    first, space, rest = verb.partition(" ")
    forms: tuple[str, ...]
    if first.endswith("e"):
        forms = (first, first[:-1] + "ing", first + "d")
    else:
        forms = (first, first + "ing", first + first[-1] + "ing", first + "ed", first + first[-1] + "ed")
    return tuple(form + space + rest for form in forms)
