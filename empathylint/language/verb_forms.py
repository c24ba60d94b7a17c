"""Word forms for grammar patterns: a verb's forms after a negation ("offer", "offers",
"offering") and an alternation of words or phrases spelled as a regex."""

from __future__ import annotations

import re

APOSTROPHE = "['’]"


def inflections(verb: str) -> tuple[str, ...]:
    """A verb of offering in the forms a negation can take before it: "offer", "offers",
    "offering"; in a phrase only the first word changes ("have a way to", "having a way to")."""
    first, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    return tuple(dict.fromkeys(f"{form}{tail}" for form in (first, _third_person(first), _gerund(first))))


def _third_person(verb: str) -> str:
    if verb == "have":
        return "has"
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def _gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if len(re.findall(r"[aeiou]+", verb)) == 1 and re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):
        return verb + verb[-1] + "ing"  # "ship" -> "shipping", "plan" -> "planning"
    return verb + "ing"


def word_alternation(words: tuple[str, ...]) -> str:
    """An alternation of words or phrases (longest first), either apostrophe, any spacing."""
    spelled = sorted({" ".join(word.split()) for word in words}, key=lambda w: (-len(w), w))
    escaped = (re.escape(word).replace(r"\ ", r"\s+").replace("'", APOSTROPHE) for word in spelled)
    return "(?:" + "|".join(escaped) + ")"
