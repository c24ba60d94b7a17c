"""The registry: every rule group, in the order of the checklist."""

from __future__ import annotations

from empathylint.rule import AnyRule
from empathylint.rules import (
    acknowledge_feelings,
    ask_openly,
    hollow_empathy,
    house_style,
    jargon,
    match_tone,
    negative_language,
    over_apology,
    personalize_template,
    proofread,
    readability,
    say_no_with_why,
    set_expectations,
    show_understanding,
    thank_them,
    unnecessary_words,
    use_their_name,
    use_your_name,
)

RULES: tuple[AnyRule, ...] = (
    use_their_name.RULE,
    use_your_name.RULE,
    thank_them.RULE,
    show_understanding.RULE,
    readability.RULE,
    jargon.RULE,
    negative_language.RULE,
    unnecessary_words.RULE,
    proofread.RULE,
    acknowledge_feelings.RULE,
    hollow_empathy.RULE,
    over_apology.RULE,
    set_expectations.RULE,
    say_no_with_why.RULE,
    match_tone.RULE,
    personalize_template.RULE,
    ask_openly.RULE,
    house_style.RULE,
)


def rule_by_id(rule_id: str) -> AnyRule | None:
    """The group of `use-their-name` or of `use-their-name.generic-greeting`."""
    group = rule_id.split(".", 1)[0]
    return next((rule for rule in RULES if rule.group == group), None)
