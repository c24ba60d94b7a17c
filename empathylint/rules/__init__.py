"""The registry: every rule group, in the order of the checklist."""

from __future__ import annotations

from empathylint.rule import AnyRule
from empathylint.rules import (
    negative_language,
    proofread,
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
    negative_language.RULE,
    unnecessary_words.RULE,
    proofread.RULE,
)


def rule_by_id(rule_id: str) -> AnyRule | None:
    """The group of `use-their-name` or of `use-their-name.generic-greeting`."""
    group = rule_id.split(".", 1)[0]
    return next((rule for rule in RULES if rule.group == group), None)
