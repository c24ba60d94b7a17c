"""The customer's mood read from grammar rather than single phrases: a plea for help, a
no questioned ("why can't I"), "won't load", "keeps crashing", "my 2nd email", kept waiting
("on hold for 3 hours", "since Sunday", "nothing in 2 weeks"), "cancel my plan", a pointed
"why do you…", a rhetorical "do you think that is fair?" or "how hard can it be?", a bare
"Why?"; and, through language/mood_events.py, what happened to them (a loss, nobody able
to help, sarcastic praise, a deadline, …). language/mood.py reads the phrases of the lexicon
and adds these cues to the same score; `negated` is the negation both read by.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from empathylint.language.mood_events import event_cues
from empathylint.language.mood_lexicon import PHRASE_KINDS, CompiledLexicon, CueKind
from empathylint.language.mood_marks import WORD, Found

_NEGATION_WINDOW = 3

# Kinds of cue read from grammar.
_PLEA = CueKind("upset", "plea for help", 2.0, 2.0)
# "Please help. Thank you!": a plea said with thanks is politeness, half a cue.
POLITE_PLEA = CueKind("upset", "plea for help", 1.0, 1.0)
_THANKS = re.compile(r"\b(?:thank\s*(?:you|u)|thanks|thx|tysm)\b", re.IGNORECASE)
_BREAKAGE = PHRASE_KINDS["breakage"]
_INDIGNATION = PHRASE_KINDS["indignation"]
_PERSISTENCE = PHRASE_KINDS["persistence"]
_REPEAT = PHRASE_KINDS["repeat-contact"]
_WAITING = PHRASE_KINDS["kept-waiting"]
_CANCEL = PHRASE_KINDS["cancel-demand"]
# "Why can't I cancel?", "why won't you accept it", "why is it not open": a no, questioned.
_WHY_NOT = CueKind("upset", "a why-not question", 1.5, 1.5)
# "Why are you allowing this?", "why did your app delete it", a bare "Why?": a why aimed at
# them, or asked of nobody.
_POINTED_WHY = CueKind("upset", "a pointed why", 1.5, 1.5)
_DISTRESS = PHRASE_KINDS["distress"]

_NEGATORS = frozenset(
    {"not", "no", "never", "without", "nothing", "hardly"}
    | {"dont", "didnt", "doesnt", "cant", "wont", "isnt", "wasnt", "arent", "havent", "hasnt", "couldnt"}
)
# "I can't believe how frustrating this is" is more upset, not less.
_NOT_NEGATING_VERBS = frozenset({"believe", "stand", "stop", "wait"})
# Phrases that carry their own "no": a "don't worry" before them does not turn them round.
_SELF_NEGATING = re.compile(r"\b(?:no (?:hurry|rush|worries)|no one|nobody|still not?)\b", re.IGNORECASE)

# A plea: "Help!", "please help.", "help me please", "Help @brand"; not the noun or the verb
# of a request ("I need some help with", "can you help.", "those tips don't help.").
_PLEA_PATTERN = re.compile(
    r"\bhelp(?:\s+(?:me|us))?(?:\s*,?\s*(?:please|pls|plz))?(?=\s*(?:[.!]|$|\n|@))|\bhelp\s+me\s+(?:please|pls|plz)\b",
    re.IGNORECASE,
)
_NOT_A_PLEA_AFTER = frozenset(
    {"need", "needs", "needed", "get", "getting", "for", "of", "to", "your", "the", "some", "any", "no", "a", "big"}
    | {"great", "much", "more", "little", "extra", "you", "u", "ya", "guys", "anyone", "someone", "somebody", "not"}
    | {"can", "could", "will", "would", "may", "might", "should", "must", "cant", "cannot", "wont", "dont", "doesnt"}
    | {"didnt", "really", "also", "greatly", "definitely", "certainly", "surely"}
)
_WHY_NOT_PATTERN = re.compile(
    r"\bwhy\s+(?:\w+n['’]t|can\s*not|(?:do|does|did|is|are|was|were|can|will|would)\s+(?:\w+\s+)?not)\b",
    re.IGNORECASE,
)
_POINTED_WHY_PATTERN = re.compile(
    r"\bwhy\s+(?:are|is|do|does|did|would|will|have|has|should)\s+(?:you|y['’]?all|your\s+[\w-]+)\b(?!\s+not\b)"
    r"|(?:^|(?<=[.!?\n]))[ \t]*(?:but\s+|so\s+|and\s+)?why\s*\?",
    re.IGNORECASE,
)
# A question that answers itself: "do you think that is fair?", "is this really acceptable?".
_RHETORICAL = re.compile(
    r"\b(?:do|does|would)\s+(?:you|anyone|anybody)\s+(?:really\s+|honestly\s+|seriously\s+)?(?:think|call|find)\s+"
    r"[^.?!\n]{0,80}?\b(?:reasonable|fair|acceptable|ok|okay|normal|right|good\s+enough|fine)\s*\?"
    r"|\b(?:is|was)\s+(?:that|this|it)\s+(?:really\s+)?(?:fair|reasonable|acceptable)\s*\?"
    # "How hard can it be to…?", "Why is it so difficult to…?": a difficulty they should not meet.
    r"|\bhow\s+(?:hard|difficult|complicated)\s+(?:can|could|is)\s+it\b"
    r"|\bwhy\s+is\s+(?:it|this|everything)\s+so\s+(?:hard|difficult|complicated)\b"
    # "Is anyone actually reading these?", "Does anyone there know what they're doing?"
    r"|\b(?:is|does|do)\s+(?:anyone|anybody)\s+(?:\w+\s+)?(?:actually|even|ever)\s+(?:read|check|look|answer|respond|care|work)"
    r"|\b(?:does|do)\s+(?:anyone|anybody)\s+(?:there|here|at\s+\w+)\s+know\s+what\b",
    re.IGNORECASE,
)
# An account taken from them: "my account was suspended", "you closed my account", "you've cut
# off my internet".
_ACCOUNT_TAKEN = re.compile(
    r"\b(?:my|our)\s+(?:[\w-]+\s+)?account\s+(?:was|is|got|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:suddenly\s+|just\s+|permanently\s+)?(?:suspended|banned|locked|disabled|deactivated|closed|terminated|restricted"
    r"|frozen|blocked|deleted)\b"
    r"|\b(?:you|they)(?:['’]ve|\s+guys)?\s+(?:have\s+|just\s+)?(?:suspended|banned|locked|closed|deleted|disabled"
    r"|terminated|blocked|froze|cut\s+off)\s+(?:my|our)\b",
    re.IGNORECASE,
)
_KEEPS_DOING = re.compile(r"\b(?:keeps?|kept)\s+(?:on\s+)?[a-z]+ing\b", re.IGNORECASE)
_COUNT = (
    r"(?:\d+\s*\+?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many|a\s+few|a\s+couple\s+of)"
)
_UNITS = r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_LONG_UNITS = r"(?:hours?|hrs?|days?|weeks?|months?)"
_SHORT_UNITS = r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?)"
_ABOUT = r"(?:over\s+|about\s+|almost\s+|nearly\s+|more\s+than\s+)?"
_SINCE = (
    rf"(?:{_DAYS}|yesterday|last\s+(?:week|month|night|year|{_DAYS})|this\s+morning|long\s+time"
    rf"|(?:a|one)\s+(?:week|month)|the\s+\d{{1,2}}(?:st|nd|rd|th))"
)
_KEPT_WAITING = re.compile(
    rf"""\b(?:
          (?:for|over)\s+(?:the\s+)?(?:last|past)\s+(?:{_COUNT}\s+)?{_UNITS}
        | been\b(?:(?!\b(?:user|customer|member|client|fan)s?\b)[^.!?\n]){{0,40}}?\bfor\s+{_ABOUT}{_COUNT}\s*{_UNITS}
        | (?:it['’]?s|it\s+has)\s+been\s+{_ABOUT}{_COUNT}\s*{_UNITS}
        | wait(?:ed|ing)\s+(?:for\s+)?{_ABOUT}{_COUNT}\s*{_UNITS}
        | since\s+{_SINCE}
        | (?:over|more\s+than|almost|nearly)\s+(?:a|one|two|three|\d+)\s+(?:weeks?|months?)
        | {_COUNT}\s*{_UNITS}\s+(?:now|already|straight|in\s+a\s+row|and\s+counting)
        | {_COUNT}\s*{_LONG_UNITS}\s+later
        | (?:spent|spending|wasted)\s+{_ABOUT}{_COUNT}\s*(?:hours?|hrs?|days?|weeks?)
        | took\s+{_ABOUT}{_COUNT}\s*(?:days?|weeks?|months?)
        | been\b[^.!?\n]{{0,30}}?\ball\s+(?:day|week|morning|afternoon|evening|night|month|weekend)
        | (?:n['’]t|\bnot|\bno|\bnothing|\bnever)\b[^.!?\n]{{0,40}}?\bin\s+{_ABOUT}{_COUNT}\s*{_SHORT_UNITS}
        )\b""",
    re.IGNORECASE | re.VERBOSE,
)


def grammar_cues(message: str, patterns: CompiledLexicon) -> Iterator[Found]:
    for pattern, kind in (
        (_PLEA_PATTERN, _PLEA),
        (_WHY_NOT_PATTERN, _WHY_NOT),
        (_POINTED_WHY_PATTERN, _POINTED_WHY),
        (_RHETORICAL, _INDIGNATION),
        (_ACCOUNT_TAKEN, _DISTRESS),
        (patterns.breakage, _BREAKAGE),
        (patterns.refused, _INDIGNATION),
        (_KEEPS_DOING, _PERSISTENCE),
        (patterns.repeat_ordinal, _REPEAT),
        (_KEPT_WAITING, _WAITING),
        (patterns.cancel_demand, _CANCEL),
    ):
        for match in pattern.finditer(message):
            if kind is _CANCEL and negated(message, match.start()):
                continue
            if kind is _PLEA and _is_a_request(message, match.start()):
                continue
            if kind is _PLEA and _THANKS.search(message):
                kind = POLITE_PLEA
            yield match.start(), match.end(), kind, " ".join(match.group().lower().split())
    yield from event_cues(message, patterns)


def _is_a_request(message: str, start: int) -> bool:
    """ "help" as the noun or verb of a request: "need some help.", "can you (please) help me."."""
    clause_start = max(message.rfind(mark, 0, start) for mark in ".!?\n") + 1
    before = [w.lower().replace("'", "").replace("’", "") for w in WORD.findall(message, clause_start, start)]
    if before and before[-1] in ("please", "pls", "plz"):
        before.pop()
    return bool(before) and (before[-1] in _NOT_A_PLEA_AFTER or before[-2:-1] in (["you"], ["u"]))


def negated(message: str, start: int) -> bool:
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
