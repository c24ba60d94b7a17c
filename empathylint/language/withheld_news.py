"""News or a date withheld from the customer, one of the nos language/reproach.py reads by
grammar: "we don't have any further information", "the team doesn't have a timeline",
"there's no ETA", "no updates to share yet" (not "no updates for this device")."""

from __future__ import annotations

from empathylint.language.verb_forms import APOSTROPHE, word_alternation

_END = r"(?![\w'’])"
_START = r"(?<![\w'’])"

# What may stand before news or a date withheld: "no further updates", "no firm ETA".
_NEWS_ADJECTIVES = r"(?:\s+(?:any|an|a|the))?(?:\s+(?:further|more|additional|new|firm|exact|specific|set|clear))?"
# What makes "no updates" news withheld from them, not a fact ("there are no updates for this
# device"): "no updates to share", "no information yet", "no news at this time".
_FOR_NOW = r"\s+(?:to\s+share|yet|at\s+(?:this|the)\s+(?:time|moment|point)|right\s+now|for\s+now|at\s+present)"


def withheld_news(news: tuple[str, ...], timing: tuple[str, ...], subject: str, hedge: str) -> list[str]:
    """ "We don't have any further information", "the team doesn't have a timeline", "there's
    no ETA for the fix", "no updates to share yet": what they asked to know, withheld, as
    patterns for language/reproach.py (`news` and `timing` are its word classes, `subject`
    and `hedge` its patterns of who says it and the adverbs that may stand between)."""
    if not (news or timing):
        return []
    told = word_alternation(news + timing)
    who = rf"(?:{subject}|(?:our|the)\s+[^\W\d_]+\s+team)"
    patterns = [
        rf"{_START}{who}{hedge}\s+(?:do|does|did)(?:\s+not|n{APOSTROPHE}t){hedge}\s+have{_NEWS_ADJECTIVES}\s+{told}{_END}",
        rf"{_START}{who}{hedge}\s+(?:have|has)\s+no{_NEWS_ADJECTIVES}\s+{told}{_END}",
        rf"{_START}no{_NEWS_ADJECTIVES}\s+{word_alternation(news)}{_END}(?={_FOR_NOW})",
    ]
    if timing:
        patterns.append(rf"{_START}no{_NEWS_ADJECTIVES}\s+{word_alternation(timing)}{_END}")
    return patterns
