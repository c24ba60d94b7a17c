"""The customer's mood, read from their own message: upset, cheerful or neutral, with reasons.

A lexicon and a few rules of grammar, not a model: every point of the score comes from a cue
a support lead can see in the message ("third time", "unacceptable", "please help!", ALL
CAPS, "?!", a 😡), so `--explain-context` can show exactly why a reply was judged against
an upset customer. The words are data (language/data/mood.tsv, extended by a team's
`[mood]` in checklist.toml); language/mood_lexicon.py says how much each kind weighs.

What is read. Only the customer's own words: quoted lines (`>`), a forwarded or original
message below its marker, their signature (below "-- " or "Sent from my…"), a quotation
of four words or more (the automated email they pasted, what an agent told them),
bracketed capitals left from a web form, links, email addresses and @handles are set
aside first, and stretched letters are shortened ("heeelp", "ughhh").

Cues, each kind counted once (a kind is one piece of evidence):
  - words and phrases by kind: frustration, strong words, profanity, distress ("scared",
    "nothing works", "I can't use"), urgency ("asap"), repeat contact ("still waiting",
    "for the third time"), kept waiting ("for weeks"), cancel demands ("I want my money
    back"; not when they thank you for the time together: that is a goodbye),
    indignation ("this isn't right"), disappointment ("what am I paying for"), sarcasm
    ("thanks for nothing"), cost to them, and the weak ones (1 point): persistence
    ("still", "again"), something broken, let down ("and yet")
  - grammar: a plea for help ("Help!", "please help", "help me please"; half a cue in a
    message that thanks them: "Please help. Thank you." is politeness); "won't"/"can't" +
    a breakage verb ("won't load", "can't log in"); "keeps crashing"; "my 2nd email";
    "cancel my membership"; "on hold for 3 hours", "since Sunday"
  - "why" before a no ("why can't I cancel", "why won't you accept"); the company refusing
    them, as indignation ("you won't accept my number", "you refuse to refund")
  - three question marks or more ("???"); shouting (two ALL-CAPS words that name
    nothing; five or more is a message shouted throughout), or one such word stressed
    ("I PAID for it"); "?!", "??", "!!!", or an "!" in a sentence about the problem; sad,
    angry or sarcastic emoji (these marks are read by language/mood_marks.py)
  - cheer: cheerful words (up to 2), emoji and emoticons (up to 2), "!" in a calm sentence
Negation: an emotion, urgency, cancel or cheer cue within three words after "not", "no",
"never", "n't" (as written: "account" is no negation) or "without" does not count ("not
urgent", "I don't want to cancel my plan"); a negated cheerful word is frustration instead
("not happy"). Politeness is not cheer: "I'd love some help", "any info would be great".
The label is "upset" when the upset score reaches 2 and is at least the cheer score,
"cheerful" when the cheer score reaches 1.5 and beats the upset score, else "neutral".

Measured on the tune half of the blind labels (bench/mood_accuracy.py): see the commit that
last changed the lexicon or the cues for the figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from empathylint.document import Document
from empathylint.language.acronyms import Acronyms, shipped_acronyms
from empathylint.language.mood_lexicon import (
    NEGATABLE,
    PHRASE_KINDS,
    CompiledLexicon,
    CueKind,
    Leaning,
    MoodLexicon,
    compiled,
    lexicon_with,
    shipped_lexicon,
)
from empathylint.language.mood_marks import WORD, Found, emoji_cues, punctuation_cues, shouting_cues

MoodLabel = Literal["upset", "cheerful", "neutral"]

UPSET_THRESHOLD = 2.0
CHEER_THRESHOLD = 1.5
_NEGATION_WINDOW = 3

# Kinds of cue read from grammar and punctuation.
_PLEA = CueKind("upset", "plea for help", 2.0, 2.0)
# "Please help. Thank you!": a plea said with thanks is politeness, half a cue.
_POLITE_PLEA = CueKind("upset", "plea for help", 1.0, 1.0)
_THANKS = re.compile(r"\b(?:thank\s*(?:you|u)|thanks|thx|tysm)\b", re.IGNORECASE)
_BREAKAGE = PHRASE_KINDS["breakage"]
_INDIGNATION = PHRASE_KINDS["indignation"]
_PERSISTENCE = PHRASE_KINDS["persistence"]
_REPEAT = PHRASE_KINDS["repeat-contact"]
_WAITING = PHRASE_KINDS["kept-waiting"]
_CANCEL = PHRASE_KINDS["cancel-demand"]
# "Why can't I cancel?", "why won't you accept it", "why is it not open": a no, questioned.
_WHY_NOT = CueKind("upset", "a why-not question", 1.5, 1.5)
_NEGATED_PRAISE = CueKind("upset", "negated praise", 2.0, 2.0)
# They wrote before, or were kept waiting: what "Thank you for your patience" answers.
_PATIENCE_REASONS = frozenset({_REPEAT.reason, _WAITING.reason})

_NEGATORS = frozenset(
    {"not", "no", "never", "without", "nothing", "hardly"}
    | {"dont", "didnt", "doesnt", "cant", "wont", "isnt", "wasnt", "arent", "havent", "hasnt", "couldnt"}
)
# "I can't believe how frustrating this is" is more upset, not less.
_NOT_NEGATING_VERBS = frozenset({"believe", "stand", "stop", "wait"})
# Phrases that carry their own "no": a "don't worry" before them does not turn them round.
_SELF_NEGATING = re.compile(r"\b(?:no (?:hurry|rush|worries)|no one|nobody|still not?)\b", re.IGNORECASE)
_POLITE_BEFORE = re.compile(r"(?:\bwould|['’]d)(?:\s+(?:really|also|so|just|have|be))*\s*$", re.IGNORECASE)

# A plea: "Help!", "please help.", "help me please", "Help @brand"; not the noun or the verb
# of a request ("I need some help with", "can you help.", "those tips don't help.").
_PLEA_PATTERN = re.compile(
    r"\bhelp(?:\s+(?:me|us))?(?:\s*,?\s*(?:please|pls|plz))?(?=\s*(?:[.!]|$|\n|@))|\bhelp\s+me\s+(?:please|pls|plz)\b",
    re.IGNORECASE,
)
_NOT_A_PLEA_AFTER = frozenset(
    {"need", "needs", "needed", "get", "getting", "for", "of", "to", "your", "the", "some", "any", "no", "a", "big"}
    | {"great", "much", "more", "little", "extra", "you", "guys", "anyone", "someone", "somebody", "not"}
    | {"can", "could", "will", "would", "may", "might", "should", "must", "cant", "cannot", "wont", "dont", "doesnt"}
    | {"didnt", "really", "also", "greatly", "definitely", "certainly", "surely"}
)
_WHY_NOT_PATTERN = re.compile(
    r"\bwhy\s+(?:\w+n['’]t|can\s*not|(?:do|does|did|is|are|was|were|can|will|would)\s+(?:\w+\s+)?not)\b",
    re.IGNORECASE,
)
_KEEPS_DOING = re.compile(r"\b(?:keeps?|kept)\s+(?:on\s+)?[a-z]+ing\b", re.IGNORECASE)
_COUNT = (
    r"(?:\d+\s*\+?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many|a\s+few|a\s+couple\s+of)"
)
_UNITS = r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_ABOUT = r"(?:over\s+|about\s+|almost\s+|nearly\s+|more\s+than\s+)?"
_SINCE = (
    rf"(?:{_DAYS}|yesterday|last\s+(?:week|month|night|year)|this\s+morning|long\s+time|(?:a|one)\s+(?:week|month))"
)
_KEPT_WAITING = re.compile(
    rf"""\b(?:
          (?:for|over)\s+(?:the\s+)?(?:last|past)\s+(?:{_COUNT}\s+)?{_UNITS}
        | been\b(?:(?!\b(?:user|customer|member|client|fan)s?\b)[^.!?\n]){{0,40}}?\bfor\s+{_ABOUT}{_COUNT}\s*{_UNITS}
        | (?:it['’]?s|it\s+has)\s+been\s+{_ABOUT}{_COUNT}\s*{_UNITS}
        | wait(?:ed|ing)\s+(?:for\s+)?{_ABOUT}{_COUNT}\s*{_UNITS}
        | since\s+{_SINCE}
        )\b""",
    re.IGNORECASE | re.VERBOSE,
)

# What is not the customer speaking.
_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
# Where the customer's own words end: an earlier or forwarded message, or their signature
# ("-- " on its own line, "Sent from my phone"), whose disclaimers in capitals are no shouting.
_EARLIER_MESSAGE = re.compile(
    r"^[ \t]*(?:-{2,}\s*(?:original|forwarded)\s+message|begin\s+forwarded\s+message|on\s.{4,200}\swrote:\s*$"
    r"|--[ \t]*$|sent\s+from\s+my\s)",
    re.IGNORECASE | re.MULTILINE,
)
# A quotation on one line, at most 400 characters: a bound, so an unclosed quote in a long
# message costs a short scan, not one to the end of the text.
_QUOTATION = re.compile(r"[\"“][^\"”\n]{1,400}[\"”]")
_FORM_CAPITALS = re.compile(r"\[[^\]a-z\n]{1,200}\]")
# Links, email addresses (their parts bounded, so a long run of letters is scanned once) and
# @handles or #hashtags.
_NOT_WORDS = re.compile(r"https?://\S+|www\.\S+|[^\s@]{1,64}@[^\s@]{1,255}\.\w+|[@#]\w+")
_STRETCHED = re.compile(r"([A-Za-z])\1{2,}")


@dataclass(frozen=True, slots=True)
class MoodCue:
    """One thing in the customer's message that moved the score, e.g. ("repeated contact",
    "third time"); `weight` is what it added (0 when its kind had already counted)."""

    leaning: Leaning
    reason: str
    found: str
    weight: float


@dataclass(frozen=True, slots=True)
class Mood:
    label: MoodLabel
    upset_score: float
    cheer_score: float
    cues: tuple[MoodCue, ...]

    @property
    def is_upset(self) -> bool:
        return self.label == "upset"

    @property
    def is_cheerful(self) -> bool:
        return self.label == "cheerful"

    @property
    def repeat_contact(self) -> bool:
        """They have written before or been kept waiting ("still waiting", "my 2nd email",
        "on hold for an hour"): thank them for their patience rather than for writing."""
        return any(cue.reason in _PATIENCE_REASONS for cue in self.cues)

    def reasons(self, leaning: Leaning) -> list[str]:
        """The words behind one side of the score, as quoted in messages: '"third time"', 'ALL CAPS'."""
        seen: list[str] = []
        for cue in self.cues:
            if cue.leaning == leaning and cue.found not in seen:
                seen.append(cue.found)
        return seen

    def summary(self) -> str:
        return f"{self.label} (upset {self.upset_score:g}, cheer {self.cheer_score:g})"


def mood_of(doc: Document) -> Mood | None:
    """The customer's mood, computed once per document and shared by the rules; None when
    there is no customer message to read it from."""
    if doc.customer_message is None or not doc.customer_message.strip():
        return None
    message = doc.customer_message
    return doc.memo("mood", lambda: read_mood(message, lexicon_with(doc.mood_words), doc.acronyms))


def read_mood(message: str, lexicon: MoodLexicon | None = None, acronyms: Acronyms | None = None) -> Mood:
    """The mood of a message, read with a lexicon (by default the shipped one); words in
    capitals that are `acronyms` (by default the shipped ones) name things, not shouting."""
    words = own_words(message)
    patterns = compiled(lexicon or shipped_lexicon())
    found = [*_phrase_cues(words, patterns), *_grammar_cues(words, patterns)]
    if next(patterns.amicable_parting.find(words), None) is not None:
        # "Please cancel my plan, I'm changing jobs. Thanks for everything!" is a goodbye.
        found = [cue for cue in found if cue[2] is not _CANCEL]
    found += punctuation_cues(words, found)
    found += shouting_cues(words, (acronyms or shipped_acronyms()).known)
    found += emoji_cues(words, patterns)
    cues, upset, cheer = _score(found)
    if upset >= UPSET_THRESHOLD and upset >= cheer:
        label: MoodLabel = "upset"
    elif cheer >= CHEER_THRESHOLD and cheer > upset:
        label = "cheerful"
    else:
        label = "neutral"
    return Mood(label, round(upset, 2), round(cheer, 2), cues)


def own_words(message: str) -> str:
    """The customer's message without what someone else wrote or what no one says aloud."""
    earlier = _EARLIER_MESSAGE.search(message)
    if earlier is not None:
        message = message[: earlier.start()]
    message = _QUOTED_LINE.sub(" ", message)
    message = _QUOTATION.sub(lambda quote: " " if len(quote.group().split()) >= 4 else quote.group(), message)
    for pattern in (_FORM_CAPITALS, _NOT_WORDS):
        message = pattern.sub(" ", message)
    return _STRETCHED.sub(r"\1", message)


def _phrase_cues(message: str, patterns: CompiledLexicon) -> Iterator[Found]:
    for start, end, kind_name in patterns.phrases.find(message):
        kind = PHRASE_KINDS[kind_name]
        words = " ".join(message[start:end].lower().split())
        if kind_name in NEGATABLE and _negated(message, start):
            if kind.leaning == "cheer":
                yield start, end, _NEGATED_PRAISE, f"not {words}"
            continue
        if kind.leaning == "cheer" and _POLITE_BEFORE.search(message, max(0, start - 40), start):
            continue
        yield start, end, kind, words


def _grammar_cues(message: str, patterns: CompiledLexicon) -> Iterator[Found]:
    for pattern, kind in (
        (_PLEA_PATTERN, _PLEA),
        (_WHY_NOT_PATTERN, _WHY_NOT),
        (patterns.breakage, _BREAKAGE),
        (patterns.refused, _INDIGNATION),
        (_KEEPS_DOING, _PERSISTENCE),
        (patterns.repeat_ordinal, _REPEAT),
        (_KEPT_WAITING, _WAITING),
        (patterns.cancel_demand, _CANCEL),
    ):
        for match in pattern.finditer(message):
            if kind is _CANCEL and _negated(message, match.start()):
                continue
            if kind is _PLEA and _is_a_request(message, match.start()):
                continue
            if kind is _PLEA and _THANKS.search(message):
                kind = _POLITE_PLEA
            yield match.start(), match.end(), kind, " ".join(match.group().lower().split())


def _is_a_request(message: str, start: int) -> bool:
    """ "help" as the noun or verb of a request: "need some help.", "can you (please) help me."."""
    clause_start = max(message.rfind(mark, 0, start) for mark in ".!?\n") + 1
    before = [w.lower().replace("'", "").replace("’", "") for w in WORD.findall(message, clause_start, start)]
    if before and before[-1] in ("please", "pls", "plz"):
        before.pop()
    return bool(before) and (before[-1] in _NOT_A_PLEA_AFTER or before[-2:-1] == ["you"])


def _negated(message: str, start: int) -> bool:
    """True when one of the three words before `start`, in the same clause, negates it.

    "No rush, thanks so much" and "I can't believe how frustrating" are not negations: a
    self-negating phrase or a negator that goes with "believe" is passed over, and so is
    "wouldn't" ("it wouldn't be so frustrating if…" says that it is)."""
    clause_start = max(message.rfind(mark, 0, start) for mark in ".!?\n,;:") + 1
    before = _SELF_NEGATING.sub(" ", message[clause_start:start])
    written = [w.lower().replace("’", "'") for w in WORD.findall(before)]
    words = [w.replace("'", "") for w in written]
    window = words[-_NEGATION_WINDOW:]
    offset = len(words) - len(window)
    for index, word in enumerate(window):
        position = offset + index
        following = words[position + 1] if position + 1 < len(words) else ""
        preceding = words[position - 1] if position > 0 else ""
        counterfactual = word == "wouldnt" or (word == "not" and preceding == "would")
        # "n't" as written ("shouldn't"), not any word ending in "nt" ("my account has been hacked").
        negator = word in _NEGATORS or written[position].endswith("n't")
        if negator and following not in _NOT_NEGATING_VERBS and not counterfactual:
            return True
    return False


def _score(found: list[Found]) -> tuple[tuple[MoodCue, ...], float, float]:
    """Each cue in the order found, with what it added once its kind's cap is reached."""
    given: dict[str, float] = {}
    cues: list[MoodCue] = []
    totals = {"upset": 0.0, "cheer": 0.0}
    for _start, _end, kind, words in sorted(found, key=lambda cue: cue[0]):
        added = max(0.0, min(kind.weight, kind.cap - given.get(kind.reason, 0.0)))
        given[kind.reason] = given.get(kind.reason, 0.0) + added
        totals[kind.leaning] += added
        cues.append(MoodCue(kind.leaning, kind.reason, words, added))
    return tuple(cues), totals["upset"], totals["cheer"]
