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
    ("thanks for nothing"), a loss ("charged twice", "lost my data"), cost to them ("I
    paid for"), and the weak ones (1 point): persistence ("still", "again"), something
    broken, let down ("and yet"), exasperation ("can't even", "not a single")
  - grammar (language/mood_grammar.py): a plea for help ("Help!", "please help", "help me
    please"; half a cue in a message that thanks them: "Please help. Thank you." is
    politeness); "won't"/"can't" + a breakage verb ("won't load", "can't log in"); "keeps
    crashing"; "my 2nd email"; "cancel my membership", "cancelled my plan"; "on hold for
    3 hours", "since Sunday", "4 days now", "nothing in 3 weeks"; an account taken from them
    ("my account was suspended"); a loss in grammar ("all my notes are gone", "your update
    deleted my playlists"); nobody able to help; the replacement broken too; sarcastic praise
    ("Great, another outage.", "thanks for losing my parcel"); rhetorical effort ("how hard
    can it be?"); a demand ("you guys need to sort it out", "Seriously?"); and weak ones (1
    point): "had to … 4 times", "every 5 minutes", a deadline ("ends tonight"), a long wait
    named, the wrong item sent, years as a customer
  - "why" before a no ("why can't I cancel", "why won't you accept"), a why aimed at them
    or asked alone ("why are you letting…", "WHY?"), a question that answers itself ("do
    you think that is fair?"); the company refusing them, as indignation ("you won't accept
    my number", "you refuse to refund")
  - three question marks or more ("???"); shouting (two ALL-CAPS words that name
    nothing; five or more is a message shouted throughout), or one such word stressed
    ("I PAID for it", "I did NOT order it"); "?!", "??", "!!" with no cheerful word, or an
    "!" in a sentence about the problem; sad, angry or sarcastic emoji (these marks are
    read by language/mood_marks.py)
  - cheer: cheerful words (up to 2), emoji and emoticons (up to 2), "!" in a calm sentence
Annoyance at oneself: with a word of self-blame ("I forgot", "my bad", "by accident") and
nothing done to them, the sighs, "again", capitals and facepalms count for nothing.
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
from empathylint.language.mood_events import DEADPAN, SARCASM
from empathylint.language.mood_grammar import POLITE_PLEA, grammar_cues, negated
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
from empathylint.language.mood_marks import Found, emoji_cues, punctuation_cues, shouting_cues

MoodLabel = Literal["upset", "cheerful", "neutral"]

UPSET_THRESHOLD = 2.0
CHEER_THRESHOLD = 1.5
_NEGATED_PRAISE = CueKind("upset", "negated praise", 2.0, 2.0)
# They wrote before, or were kept waiting: what "Thank you for your patience" answers.
_PATIENCE_REASONS = frozenset({PHRASE_KINDS["repeat-contact"].reason, PHRASE_KINDS["kept-waiting"].reason})
_CANCEL = PHRASE_KINDS["cancel-demand"]
# What annoyance at oneself sounds like; with a word of self-blame ("I forgot", "my bad") and
# no cue of anything done to them, these are no upset with us.
_SELF_DIRECTED = frozenset(
    {
        *(PHRASE_KINDS[kind].reason for kind in ("anger", "persistence", "exasperation", "profanity")),
        "upset emoji",
        "a word in capitals",
        "exasperated punctuation",
    }
)
_POLITE_BEFORE = re.compile(r"(?:\bwould|['’]d)(?:\s+(?:really|also|so|just|have|be))*\s*$", re.IGNORECASE)

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
    found = _without_sarcastic_praise([*_phrase_cues(words, patterns), *grammar_cues(words, patterns)])
    if next(patterns.amicable_parting.find(words), None) is not None:
        # "Please cancel my plan, I'm changing jobs. Thanks for everything!" is a goodbye.
        found = [cue for cue in found if cue[2] is not _CANCEL]
    shouting = shouting_cues(words, (acronyms or shipped_acronyms()).known, patterns.short_stress)
    # The "!" of a plea said with thanks ("Please help! Thank you") is politeness too; one
    # beside a stressed word ("it's NOT here!") is raised voice.
    found += punctuation_cues(words, [cue for cue in found + shouting if cue[2] is not POLITE_PLEA])
    found += shouting
    found += emoji_cues(words, patterns)
    if next(patterns.self_blame.find(words), None) is not None and all(
        cue[2].leaning == "cheer" or cue[2].reason in _SELF_DIRECTED for cue in found
    ):
        # "I forgot the password AGAIN, ugh 🤦": the sigh is at themselves.
        found = [cue for cue in found if cue[2].leaning == "cheer"]
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
        if kind_name in NEGATABLE and negated(message, start):
            if kind.leaning == "cheer":
                yield start, end, _NEGATED_PRAISE, f"not {words}"
            continue
        if kind.leaning == "cheer" and _POLITE_BEFORE.search(message, max(0, start - 40), start):
            continue
        yield start, end, kind, words


def _without_sarcastic_praise(found: list[Found]) -> list[Found]:
    """The praise inside a sarcastic sentence ("Great, another outage") is no cheer; a flat
    "brilliant." at the end is sarcasm only after another upset cue ("Ordered one, it came
    today. Perfect." is praise)."""
    found = [
        cue
        for cue in found
        if cue[2] is not DEADPAN
        or any(other[2].leaning == "upset" and other[2] is not DEADPAN and other[0] < cue[0] for other in found)
    ]
    sarcastic = [(start, end) for start, end, kind, _ in found if kind is SARCASM or kind is DEADPAN]
    return [
        cue for cue in found if cue[2].leaning != "cheer" or not any(start <= cue[0] < end for start, end in sarcastic)
    ]


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
