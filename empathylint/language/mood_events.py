"""The customer's mood read from what happened to them, in grammar: a loss ("all my notes
are gone", "your update deleted my playlists", "charged for a plan I never ordered"), nobody
able to help, the replacement broken too, the wrong item sent, a demand ("you guys need to
sort your app out", "Seriously?"), doing it "4 times" or "every 5 minutes", a deadline ("the
sale ends tonight"), a long wait named, years as a customer, and praise said with sarcasm
("Great, another outage.", "thanks for losing my playlist", a flat "brilliant." after the
problem, "another day, another outage"). language/mood_grammar.py reads the questions, pleas
and waiting; both add to the same score.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from empathylint.language.mood_lexicon import PHRASE_KINDS, CompiledLexicon, CueKind
from empathylint.language.mood_marks import Found

_LOSS = PHRASE_KINDS["loss"]
_DISAPPOINTMENT = PHRASE_KINDS["disappointment"]
_LET_DOWN = PHRASE_KINDS["expectation"]
_INDIGNATION = PHRASE_KINDS["indignation"]
_REPEAT = PHRASE_KINDS["repeat-contact"]
_PERSISTENCE = PHRASE_KINDS["persistence"]
SARCASM = PHRASE_KINDS["sarcasm"]
# "The sale ends tonight", "my flight leaves tomorrow", "I need it in the next 30 minutes": a
# deadline adds to a problem.
_DEADLINE = CueKind("upset", "a deadline", 1.0, 1.0)
_COUNT = (
    r"(?:\d+\s*\+?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|many|a\s+few|a\s+couple\s+of)"
)

# Something of theirs gone ("all my notes are gone", "all my photos from the trip have vanished"),
# money taken for what they never chose ("charged for a plan I never signed up for", "a payment
# I never made"), time lost ("lost three hours").
_LOST = re.compile(
    r"\b(?:all|half|most|some|many|part)\s+(?:of\s+)?(?:my|our|it|them|the)\b(?:\s+[\w'’-]+){0,5}?\s+"
    r"(?:is|are|was|were|has|have|got)\s+(?:been\s+|now\s+|just\s+)?"
    r"(?:gone|missing|lost|deleted|wiped|erased|disappeared|vanished)\b"
    r"|\b(?:charged|billed|charges?|payments?|transactions?|purchases?)\b[^.!?\n]{0,50}?"
    r"\b(?:never|didn['’]?t|did\s+not)\s+(?:\w+\s+)?"
    r"(?:order|ordered|sign|signed|agree|agreed|authori[sz]ed?|buy|bought|use|used|want|wanted|ask|asked|make|made)\b"
    r"|\blost\s+(?:\d+|a\s+few|two|three|four|five|six|several|many|countless)\s+(?:hours?|days?|weeks?)\b",
    re.IGNORECASE,
)
# Praise said flat at the end, after the problem ("…and then the call dropped. brilliant."):
# sarcasm only where another upset cue stands before it (language/mood.py keeps it then).
DEADPAN = CueKind("upset", "sarcasm", 2.0, 2.0)
_DEADPAN_PATTERN = re.compile(
    r"(?<=[.!?])[ \t]+(?:just\s+|oh\s+|how\s+|well\s+)?(?:great|brilliant|wonderful|perfect|fantastic|lovely|marvellous"
    r"|marvelous|super|awesome|terrific)\s*\.(?=\s*$)",
    re.IGNORECASE,
)
# The same again: "another day, another outage", "another week, another delay".
_SAME_AGAIN = re.compile(
    r"\banother\s+(?:day|week|month|year|morning|update|time|order|month),?\s+another\s+\w+", re.IGNORECASE
)
# Nobody able to help: "nobody at the desk can tell me anything", "no one in your store could help".
_NOBODY_HELPS = re.compile(
    r"\b(?:no\s*one|nobody|none\s+of\s+(?:your|the|them))\b[^.!?\n]{0,30}?\b(?:can|could|would|will|was\s+able\s+to"
    r"|is\s+able\s+to)\s+(?:even\s+)?(?:tell|help|explain|answer|fix|sort|give|find)\b",
    re.IGNORECASE,
)
# A demand on the company ("you guys really need to sort your app out"), a "Seriously?" alone.
_DEMAND = re.compile(
    r"\byou(?:\s+guys|\s+people|\s+lot|\s+all)?\s+(?:really\s+|seriously\s+|honestly\s+|clearly\s+)?need\s+to\s+"
    r"(?:sort|fix|get|stop|start|learn|improve|hire|train|figure|do\s+better)\b"
    r"|(?:^|(?<=[.!?\n]))[ \t]*seriously\s*[?!]",
    re.IGNORECASE,
)
# Their thing destroyed by the company or the product: "your update deleted all my playlists",
# "the app update wiped my recipes".
_DESTROYED = re.compile(
    r"\b(?:you|you\s+guys|your(?:\s+[\w-]+){1,2}?|it|the\s+(?:[\w-]+\s+)?(?:app|update|system|site|website|upgrade))"
    r"\s+(?:just\s+|has\s+|have\s+)?"
    r"(?:deleted|wiped|erased|lost|removed|cancell?ed|canceled|ruined|destroyed)\s+(?:all\s+(?:of\s+)?)?(?:my|our)\b",
    re.IGNORECASE,
)
# The fix or the replacement failing too: "the replacement you sent is broken too".
_REPLACEMENT_FAILED = re.compile(
    r"\b(?:replacement|new\s+one|second\s+one|another\s+one|exchanged?\s+one)\b[^.!?\n]{0,40}?"
    r"\b(?:broken|broke|damaged|faulty|defective|doesn['’]?t\s+work|isn['’]?t\s+working|not\s+working|same\s+problem)\b",
    re.IGNORECASE,
)
# The wrong thing sent: "ordered a blue one, got a pink one".
_WRONG_ITEM = re.compile(
    r"\bordered\s+(?:a|an|the|one|two|\d+)\b[^.!?\n]{0,30}?(?:,\s*(?:but\s+)?|\s+but\s+)(?:i\s+)?(?:got|received"
    r"|(?:they|you)\s+sent)\s+(?:a|an|the|one|two|\d+)\b",
    re.IGNORECASE,
)
# Getting in touch over and over: "I've asked four times for an invoice", "called you twice today".
_ASKED_MANY_TIMES = re.compile(
    r"\b(?:asked|requested|emailed|called|phoned|rang|messaged|written|wrote|tweeted|contacted|chased|reported)\b"
    r"[^.!?\n]{0,40}?\b(?:twice|(?:[2-9]|\d{2}|two|three|four|five|six|seven|eight|nine|ten|several|multiple"
    r"|many|numerous)\s+times)\b",
    re.IGNORECASE,
)
# A loyal customer's years: "a customer for 10 years", "a member since 2015".
_YEARS_WITH_US = re.compile(
    r"\b(?:customer|member|client|user|subscriber)\s+(?:for|since)\s+(?:over\s+|more\s+than\s+)?"
    r"(?:\d+\s+years|\d{4}|many\s+years|years|a\s+decade|decades|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
# Doing it over and over: "had to reset my password 4 times", "the 5th time this month".
_MANY_TIMES = re.compile(
    r"\b(?:had|have|having)\s+to\b[^.!?\n]{0,40}?\b(?:[3-9]|\d{2}|three|four|five|six|seven|eight|nine|ten|several"
    r"|multiple)\s+times\b",
    re.IGNORECASE,
)
_DEADLINE_PATTERN = re.compile(
    r"\b(?:ends|expires|closes|is\s+due|leaves|departs|starts|runs\s+out)\s+(?:tonight|today|tomorrow|in\s+(?:an?|\d+)\s+"
    r"(?:hours?|minutes?|mins?))\b"
    r"|\bin\s+the\s+next\s+(?:\d+|an?|few|couple\s+of)\s+(?:hours?|minutes?|mins?)\b",
    re.IGNORECASE,
)
# Every few minutes: "logs me out every 5 minutes".
_EVERY_FEW = re.compile(
    r"\bevery\s+(?:\d+|few|couple\s+of|two|three|five|ten|other)\s*(?:seconds?|secs?|minutes?|mins?|hours?|days?)\b",
    re.IGNORECASE,
)
# Praise opening a sentence that goes on to the problem: "Great, another outage.", "Oh perfect,
# it logged me out again."; not "Great, it works again!" nor "Awesome, I'll try that again".
_SARCASTIC_PRAISE = re.compile(
    r"(?:^|(?<=[.!?\n]))[ \t]*(?:oh\s+|just\s+|well\s+)?(?:great|brilliant|wonderful|perfect|fantastic|awesome|lovely"
    r"|nice|super|terrific|marvellous|marvelous)\s*[,!.]+\s*"
    r"(?:(?:yet\s+)?another\b|(?![^.!?\n]*\b(?:works?|working|worked|fixed|solved|resolved|thanks?|thank)\b)"
    r"(?:now\s+)?(?:it|the|my|your|this|you|they)\b[^.!?\n]{0,60}?\b(?:again|still|broke|broken|crashed|lost)\b)",
    re.IGNORECASE,
)

# A long wait named ("a 2 hour wait on the chat"): weaker than being kept waiting, since
# "do I count the 2 hour wait" only plans for one.
_LONG_WAIT = CueKind("upset", "a long wait", 1.0, 1.0)
_LONG_WAIT_PATTERN = re.compile(
    rf"\b{_COUNT}[\s-]*(?:hours?|hrs?|days?|weeks?|months?)\s+(?:wait|queue|hold)\b"
    rf"|\b{_COUNT}[\s-]*(?:minutes?|mins?|hours?|hrs?)\s+(?:on\s+hold|in\s+(?:the\s+)?queue)\b",
    re.IGNORECASE,
)


def event_cues(message: str, patterns: CompiledLexicon) -> Iterator[Found]:
    for pattern, kind in (
        (_LOST, _LOSS),
        (_DESTROYED, _LOSS),
        (_NOBODY_HELPS, _DISAPPOINTMENT),
        (_REPLACEMENT_FAILED, _DISAPPOINTMENT),
        (_DEMAND, _INDIGNATION),
        (_WRONG_ITEM, _LET_DOWN),
        (_YEARS_WITH_US, _LET_DOWN),
        (_MANY_TIMES, _REPEAT),
        (_ASKED_MANY_TIMES, _REPEAT),
        (_EVERY_FEW, _PERSISTENCE),
        (_DEADLINE_PATTERN, _DEADLINE),
        (_LONG_WAIT_PATTERN, _LONG_WAIT),
        (_SARCASTIC_PRAISE, SARCASM),
        (_DEADPAN_PATTERN, DEADPAN),
        (_SAME_AGAIN, SARCASM),
        (patterns.sarcastic_thanks, SARCASM),
    ):
        for match in pattern.finditer(message):
            yield match.start(), match.end(), kind, " ".join(match.group().lower().split())
