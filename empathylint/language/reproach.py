"""Nos, rules quoted and reminders that negative-language reads by grammar, beside the
refusal grammar of language/refusals.py (a subject and a negated verb of offering):

- a no said short ("We do not.", "We're unable to.") or as what a thing is ("the fare remains non-refundable");
- nothing to do it with: "there is no option to", "there's no way for us to";
- news or a date withheld: "we don't have any further information", "the team doesn't have
  a timeline", "there's no ETA", "no updates to share yet" (not "no updates for this device");
- a no in the passive, after a modal: "refunds cannot be issued", "the order can't be
  reversed", "this won't be extended" (the participles are a word class);
- a decision against the reader: "we have to decline", "we've rejected it", "your request
  was denied" (what they sent, as in blame's "your ticket lacks");
- a company that withholds, by its name: "Acme does not offer refunds", "Acme no longer
  ships abroad" (a capitalised name, and a verb of trade or goods offered, not a tool's
  abilities: "the browser does not offer tabs"), or by a common noun for a business
  (`organisations`): "the store does not accept cheques", "this repository doesn't accept issues";
- blame for a slip: "you entered the wrong code", "you posted in the wrong category";
- a rule quoted at them: "your post violates our guidelines", "this breaks the rules", "a
  violation of the terms", "removed for breaking the rules" (who broke it is the reader or
  their post; "a site that violates our terms" is someone else);
- a sanction held over them: "may get you banned", "will result in a permanent suspension",
  "failure to renew it will result in …", "members who don't follow the rules will be banned",
  and held over people for what they do: "users who spam will be banned", "you may be
  suspended for sharing it" (not "users who sign up today will be billed");
- what the reader may not do: "you may not share your account" (an act, not "you may not
  see it yet", which is a possibility);
- a reminder that they were told already: "as I mentioned", "as stated above", "as
  previously explained" (with who said it or when; "as outlined in the guide" only points),
  "I already told you", "this has already been answered";
- blame for what they should have done: "you should have backed it up" (not "you should
  have received an email", an expectation).

English grammar (auxiliaries, modals, who may be the subject) lives here; the word classes
are negative-language's settings (checklist.toml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from empathylint.document import Span
from empathylint.language.regex_openings import Gated
from empathylint.language.verb_forms import word_alternation
from empathylint.language.withheld_news import withheld_news

_APOSTROPHE = "['’]"
_END = r"(?![\w'’])"
_START = r"(?<![\w'’])"
# A modal that withholds before a passive: "cannot be", "won't be", "will not be".
_NEGATED_MODAL = (
    rf"(?:cannot|can{_APOSTROPHE}t|can\s+not|could\s+not|couldn{_APOSTROPHE}t|will\s+not|won{_APOSTROPHE}t|shall\s+not)"
)
# Words a name may not be: pronouns and determiners open a sentence in capitals too.
_NOT_NAMES = r"(?:It|This|That|These|Those|He|She|They|We|You|I|Which|What|Who|There|Here|The|A|An|If|When)"
# Verbs that withhold only with goods after them: "does not offer refunds", not a tool's "won't
# issue the popup".
_GIVING = r"(?:offers?|provides?|gives?|issues?)"
# What a business takes things in by: "the store does not accept cheques".
_TAKING = r"accepts?"
# Deeds in the past that are no regular "-ed": "you sent the wrong file".
_DEEDS = r"(?:sent|put|chose|wrote|picked|set|took|made|gave|bought|paid)"
# What is done to the reader, not by them: "you received the wrong item".
_RECEIVED = r"(?:received|charged|billed|shipped|delivered|offered|issued|assigned|emailed|mailed|quoted|refunded)"
# What the reader holds that may fall short: "your plan doesn't include".
_HOLDINGS = r"(?:plan|subscription|membership|tier|licen[cs]e|package|warranty|coverage)"
# Slips that are the reader's alone: "you skipped a step" (not "missed", as in "you missed our call").
_SLIPS = r"(?:skipped|overlooked|mistyped|misspelled|misspelt|misentered)"
# Steps the reader was to take, blamed when given as the reason: "because you never confirmed it".
_UNDONE = r"(?:confirmed|verified|responded|replied|completed|activated|submitted|updated|followed)"
# Other people the product works for, held up against the reader: "works for our other customers".
_OTHERS = r"(?:customers?|users?|members?|people|clients?)"
# Whom a sanction is held over: "users who spam", "anyone posting ads", "you".
_PEOPLE = rf"(?:you|anyone|anybody|those|{_OTHERS})"
# How it is held over them: "will be", "may get", "are (permanently)".
_SANCTIONED = (
    r"\s+(?:(?:will|may|can|could|might)\s+(?:be|get)|are|is|get)(?:\s+(?:temporarily|permanently|immediately))?\s+"
)
# What a thing they sent is for, after it: "your request (to join the group)", "your claim
# (for the lost parcel)".
_ABOUT = r"(?:\s+(?:to|for|of|about)(?:\s+[\w'’-]+){1,4}?)?"
# Up to three words between a verb and what it is about: "violates our community guidelines".
_FEW_WORDS = r"(?:\s+[\w-]+){0,3}?"


@dataclass(frozen=True)
class ReproachVocabulary:
    subjects: tuple[str, ...]
    hedges: tuple[str, ...]
    # What may be lacking: "there is no way to", "there's no option to".
    possessions: tuple[str, ...]
    # What they sent: "your request was denied".
    submissions: tuple[str, ...]
    # Adjectives that withhold after "is" or "remains": "the ticket remains non-refundable".
    withheld_adjectives: tuple[str, ...]
    # Participles withheld after a negated modal: "cannot be refunded".
    refused_participles: tuple[str, ...]
    # Verbs of turning down, in every form: "decline", "declined", "denied".
    refusal_verbs: tuple[str, ...]
    # Verbs of offering (the refusal grammar's): after "declined to", only these make a no.
    offer_verbs: tuple[str, ...]
    # Verbs a company withholds by ("refund", "sell", "ship"), with their third-person forms.
    trade_verbs: tuple[str, ...]
    # What a company offers, provides, gives or issues: "refunds", "discounts", "support".
    trade_goods: tuple[str, ...]
    # Verbs of breaking a rule, as written after a subject ("violates", "goes against").
    violations: tuple[str, ...]
    # What a rule is called: "guidelines", "terms", "rules".
    rule_nouns: tuple[str, ...]
    # What is done to them: "banned", "suspension".
    sanctions: tuple[str, ...]
    # Acts a reader may be forbidden: "share", "resell".
    prohibited_acts: tuple[str, ...]
    # How a thing was said: "mentioned", "stated", "pointed out".
    saying_verbs: tuple[str, ...]
    # What was said already, as a reproach: "I already told you", "this has already been answered".
    already_said: tuple[str, ...]
    # News withheld: "we don't have any further information", "no updates to share yet".
    news: tuple[str, ...] = ()
    # When a thing will come, withheld: "there's no ETA", "we don't have a timeline".
    timing: tuple[str, ...] = ()
    # What the reader is to do, held over them when they fail to: "failure to renew it will …".
    duties: tuple[str, ...] = ()
    # A business named by a common noun: "the store does not accept cheques".
    organisations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reproach:
    """The compiled patterns; each finds one shape, as (code, span) pairs, tried only where
    its opening words stand (regex_openings.py)."""

    nos: tuple[Gated, ...]
    rules: tuple[Gated, ...]
    blame: Gated
    orders: Gated | None
    reminders: Gated | None
    repeats: Gated | None


@functools.lru_cache(maxsize=64)
def compile_reproach(words: ReproachVocabulary) -> Reproach:
    hedge = rf"(?:\s+{word_alternation(words.hedges)})?" if words.hedges else ""
    subject = word_alternation(words.subjects)
    nos = [
        rf"{_START}{_NEGATED_MODAL}{hedge}\s+be{hedge}\s+(?:{word_alternation(words.refused_participles)}){_END}",
        rf"{_START}(?:{subject})(?:\s+(?:have|has|had)|{_APOSTROPHE}ve)?"
        rf"(?:\s+(?:must|will|have\s+to|had\s+to|need\s+to)|{_APOSTROPHE}ll)?{hedge}\s+{word_alternation(words.refusal_verbs)}{_END}"
        # "we declined to refund it", but "we declined to charge you the fee" is good news
        rf"(?!\s+to\s+(?!{word_alternation(words.offer_verbs)}{_END}))",
        # "your request (to join the group) was declined", "your claim (for a refund) has been denied"
        rf"{_START}(?:your|this|that)(?:\s+[\w-]+)?\s+{word_alternation(words.submissions)}{_ABOUT}\s+(?:was|were|has\s+been|have\s+been|is|are|will\s+be)"
        rf"{hedge}\s+{word_alternation(words.refusal_verbs)}{_END}",
        # "Do you have student prices? We do not." A no said short, at the end of a sentence.
        rf"{_START}(?:{subject})(?:\s+(?:do|does|can|will|are)\s+not|\s+cannot"
        rf"|\s+(?:don|doesn|can|won|aren){_APOSTROPHE}t|(?:\s+(?:are|am)|{_APOSTROPHE}(?:re|m))\s+unable\s+to)(?=\s*[.!](?!\w))",
        rf"{_START}(?:is|are|was|were|be|been|remains?|remained|becomes?|became)(?:\s+(?:now|still|then))?{hedge}"
        rf"\s+{word_alternation(words.withheld_adjectives)}{_END}",
        rf"{_START}there(?:\s+is|\s+are|\s+was|\s+will\s+be|{_APOSTROPHE}s){hedge}\s+no(?:\s+[\w-]+)?"
        rf"\s+{word_alternation(words.possessions)}\s+(?:to|for){_END}",
        rf"{_START}(?!{_NOT_NAMES}\s)(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*))?"
        rf"\s+(?:does\s+not|doesn{_APOSTROPHE}t|will\s+not|won{_APOSTROPHE}t|no\s+longer){hedge}"
        rf"\s+(?:{word_alternation(words.trade_verbs)}|{_GIVING}(?:\s+[\w-]+){{0,2}}?\s+{word_alternation(words.trade_goods)}){_END}",
    ]
    if words.organisations:
        # "the store does not accept cheques", "this repository no longer accepts issues": a
        # business by a common noun, as by its name, and what it takes in
        nos.append(
            rf"{_START}(?:the|this|our)\s+{word_alternation(words.organisations)}"
            rf"\s+(?:does\s+not|doesn{_APOSTROPHE}t|will\s+not|won{_APOSTROPHE}t|no\s+longer){hedge}"
            rf"\s+(?:{_TAKING}|{word_alternation(words.trade_verbs)}"
            rf"|{_GIVING}(?:\s+[\w-]+){{0,2}}?\s+{word_alternation(words.trade_goods)}){_END}"
        )
    # "your plan doesn't include priority support": what they bought, found short of it
    nos.append(
        rf"{_START}your(?:\s+[\w-]+)?\s+{_HOLDINGS}\s+(?:does\s+not|doesn{_APOSTROPHE}t|will\s+not|won{_APOSTROPHE}t)"
        rf"{hedge}\s+(?:include|cover|allow|support|come\s+with){_END}"
    )
    # "none of our plans include phone support"
    nos.append(
        rf"{_START}none\s+of\s+(?:our|the|your)(?:\s+[\w-]+)?\s+{_HOLDINGS}s?\s+{hedge}"
        rf"(?:includes?|covers?|offers?|allows?|supports?|comes?\s+with){_END}"
    )
    nos += withheld_news(words.news, words.timing, subject, hedge)
    rule = word_alternation(words.rule_nouns)
    rules = [
        # "your post violates our guidelines", "the pull request does not meet our guidelines"
        rf"{_START}(?:your(?:\s+[\w-]+){{1,2}}?|you|this(?:\s+[\w-]+)?|it|the(?:\s+[\w-]+)?\s+{word_alternation(words.submissions)})"
        rf"\s+{word_alternation(words.violations)}{_FEW_WORDS}\s+{rule}{_END}",
        rf"{_START}(?:a|any|repeated|serious|for)\s+(?:violation|violations|breach|breaches|violating|breaking|breaching)"
        rf"(?:\s+of)?{_FEW_WORDS}\s+{rule}{_END}",
        # "accounts that break our rules are suspended", "if you ignore the rules, your account
        # will be suspended": the sanction held over whoever does
        rf"{_START}(?:that|which|who|if\s+you)\s+{word_alternation(words.violations)}{_FEW_WORDS}\s+{rule}"
        rf"(?:,?\s+[\w-]+){{0,3}}?\s+(?:are|is|will\s+be|may\s+be|can\s+be|get|gets"
        # "… will have their accounts suspended"
        rf"|(?:will|may|can)\s+have\s+(?:their|your|its)(?:\s+[\w-]+){{1,2}}?)\s+{word_alternation(words.sanctions)}{_END}",
        rf"{_START}(?:get|gets|getting)\s+(?:you|your(?:\s+[\w-]+)?)(?:\s+(?:temporarily|permanently))?\s+{word_alternation(words.sanctions)}{_END}",
        # "users who spam the forum will be banned", "anyone posting ads may be suspended",
        # "you may be banned for spamming": a sanction held over people for what they do
        rf"{_START}{_PEOPLE}\s+(?:who|that|found|caught|[^\W\d_]+ing)(?:\s+[\w'’-]+){{1,6}}?{_SANCTIONED}"
        rf"{word_alternation(words.sanctions)}{_END}",
        rf"{_START}{_PEOPLE}{_SANCTIONED}{word_alternation(words.sanctions)}{_END}(?=\s+(?:for|if|when|without)\s)",
        rf"{_START}(?:lead|leads|result|results)\s+(?:to|in)(?:\s+(?:a|an|your|the))?(?:\s+(?:temporary|permanent|account))?"
        rf"\s+{word_alternation(words.sanctions)}{_END}",
    ]
    if words.duties:
        # "Failure to renew it will result in …": what they are to do, held over them
        rules.append(
            rf"{_START}(?:failure|failing|neglecting)\s+to\s+{word_alternation(words.duties)}{_END}(?:\s+[\w'’-]+){{0,6}}?"
            r"\s+(?:will|may|can|could|might|would)\s+(?:result\s+in|lead\s+to|cause)(?![\w'’])"
        )
    # "you (may have) entered the wrong code", "you posted in the wrong category"; not what they
    # were sent or charged ("you received the wrong size" is our slip).
    blame = (
        # "you should have backed it up", "you should've told us"; not "you should have received it"
        rf"{_START}you\s+should(?:\s+have|{_APOSTROPHE}ve)\s+(?!{_RECEIVED}{_END}|(?:noticed|been|gotten|seen|heard){_END})"
        rf"(?:[^\W\d_]+ed|{_DEEDS}|read|told|known|done|written|asked){_END}"
        rf"|{_START}you(?:\s+(?:may|might|must|probably))?(?:\s+have)?\s+(?!{_RECEIVED}{_END})(?:[^\W\d_]+ed|{_DEEDS})"
        rf"(?:\s+(?:in|on|to|into|at|for|from|with))?\s+(?:the|a|an)\s+(?:wrong|incorrect|invalid|expired|outdated){_END}"
        # "you skipped the second step", "you seem to have mistyped it"
        rf"|{_START}you(?:\s+(?:may|might|must|probably|seem\s+to|appear\s+to))?(?:\s+have)?\s+{_SLIPS}{_END}"
        # "cancelled because you never confirmed it": their omission given as the reason
        rf"|(?:(?<=because\s)|(?<=since\s))you\s+never\s+{_UNDONE}{_END}"
        # "your ticket was closed because it lacked the details": what they sent, found short
        rf"|{_START}(?:closed|removed|locked|rejected|deleted|hidden|declined)\s+(?:because|as|since)\s+"
        rf"(?:it|they|you|your\s+[\w-]+)\s+(?:lacked|lacks|lack|was\s+missing|is\s+missing|were\s+missing"
        rf"|did\s+not|didn{_APOSTROPHE}t|does\s+not|doesn{_APOSTROPHE}t|failed\s+to|broke|violated|ignored){_END}"
    )
    orders = rf"{_START}(?:you|users|members)\s+may\s+not\s+{word_alternation(words.prohibited_acts)}{_END}"
    saying = word_alternation(words.saying_verbs)
    who = r"(?:I|we)(?:\s+have|\s+had|['’]ve)?"
    when = (
        r"(?:above|before|earlier|previously|already"
        r"|in\s+(?:my|our)\s+(?:last|previous|earlier)\s+(?:reply|email|message|response))"
    )
    # "I already told you", "we've already answered this", "this has already been answered"
    said = word_alternation(words.already_said)
    repeats = (
        rf"{_START}(?:(?:I|we)(?:\s+have|{_APOSTROPHE}ve)?\s+already\s+{said}"
        rf"|(?:has|have)\s+already\s+been\s+{said}){_END}"
        # "I've already explained the delay to the courier" reports work done for them: said
        # to someone else, not a repeat the reader is blamed for asking for
        rf"(?!(?:\s+[\w'’-]+){{0,5}}?\s+to\s+(?:the|our|their|his|her|a|an|my)\s)"
    )
    reminders = (
        rf"{_START}as\s+(?:{who}(?:\s+{when})?\s+{saying}(?:\s+{when})?|(?:already|previously)\s+{saying}|{saying}\s+{when})"
        rf"{_END}"
        # "As mentioned, the link expires": said bare before a comma, it points back at us
        rf"|{_START}as\s+{saying}(?=\s*,)"
        # "Of course, you need to sign in first": the step they are told they should have known
        rf"|(?:^|(?<=[.!?]\s)|(?<=\n))of\s+course(?=,?\s+you(?:\s+will|{_APOSTROPHE}ll)?\s+(?:need|have\s+to|must|should){_END})"
        # "Clearly the card was entered twice": a sentence that opens on how plain it is;
        # "it's clearly marked" says how a thing is marked
        rf"|(?:^|(?<=[.!?]\s)|(?<=\n))(?:clearly|evidently)(?=\s*,|\s+(?:the|you|your|it|this|that|there|we|I){_END})"
    )
    # "it works fine for all our other customers", "no other users have reported it"
    repeats += (
        rf"|{_START}(?:works?|working|worked)(?:\s+(?:fine|ok|okay|well|normally|correctly|perfectly))?"
        rf"\s+(?:for|on)\s+(?:all\s+|every\s+)?(?:of\s+)?(?:our\s+|the\s+)?other\s+{_OTHERS}{_END}"
        rf"|{_START}no\s+other\s+{_OTHERS}\s+(?:have|has|had)(?:\s+(?:reported|mentioned|had|seen)){_END}"
    )
    return Reproach(
        nos=tuple(Gated(pattern, re.IGNORECASE) for pattern in nos),
        rules=tuple(Gated(pattern, re.IGNORECASE) for pattern in rules),
        blame=Gated(blame, re.IGNORECASE),
        orders=Gated(orders, re.IGNORECASE) if words.prohibited_acts else None,
        reminders=Gated(reminders, re.IGNORECASE) if words.saying_verbs else None,
        repeats=Gated(repeats, re.IGNORECASE) if words.already_said else None,
    )


def find_reproach(text: str, within: Span, reproach: Reproach) -> Iterator[tuple[str, Span]]:
    """Each shape found in text[within], as ("refusal" | "rule-citing" | "blame" | "command" |
    "condescension" | "dismissive", span); overlaps are left to the rule, which keeps one finding per stretch."""
    for code, patterns in (("refusal", reproach.nos), ("rule-citing", reproach.rules)):
        for pattern in patterns:
            for match in pattern.finditer(text, within.start, within.end):
                yield code, Span(match.start(), match.end())
    singles = (
        ("blame", reproach.blame),
        ("command", reproach.orders),
        ("condescension", reproach.reminders),
        ("dismissive", reproach.repeats),
    )
    for code, single in singles:
        if single is not None:
            for match in single.finditer(text, within.start, within.end):
                yield code, Span(match.start(), match.end())
