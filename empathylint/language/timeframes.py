"""When the customer will hear back: timeframes in a reply ("by Thursday", "within 24 hours").

Shared by set-expectations (a promise needs a when) and hollow-empathy (a when is a kind of
action). "Soon", "shortly" and "as soon as possible" are not timeframes: they are the
vagueness the rules ask the writer to replace. A bare duration is not one either: "down for
two hours" is how long they waited, "within two hours" is when they will hear.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from empathylint.document import Span

_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_UNITS = r"(?:minutes?|mins?|hours?|hrs?|h|days?|business\s+days?|working\s+days?|weeks?|months?)"
_COUNT = (
    r"(?:\d+(?:[-–]\d+)?|a|an|one|two|three|four|five|six|seven|ten|twelve|twenty-four|forty-eight"
    r"|a\s+few|a\s+couple\s+of)"
)


@functools.lru_cache(maxsize=1)
def timeframe_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"""\b(?:
              today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week|weekend|month)
            | (?:next|this|on|by|before|until|till)\s+{_DAYS}
            | {_DAYS}(?:\s+(?:morning|afternoon|evening))?
            | next\s+(?:week|month)
            | (?:the\s+)?next\s+(?:few\s+|couple\s+of\s+|\d+\s+)?(?:business\s+|working\s+)?(?:hours?|days?|weeks?)
            | (?:over|by|before|after)\s+the\s+weekend
            | (?:within|in|over|takes?|up\s+to)\s+(?:the\s+next\s+|about\s+|around\s+)?{_COUNT}\s*{_UNITS}\b
            | \d+\s*[-–]\s*\d+\s+{_UNITS}
            | within\s+(?:the|an?)\s+(?:hour|day|week)
            | (?:by|before)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:day|week|month)|noon|midday|eod|cob)
            | end\s+of\s+(?:the\s+)?(?:day|week|month)|eod
            | \d{{1,2}}(?::\d{{2}})?\s*(?:am|pm)\b|\d{{1,2}}:\d{{2}}
            | {_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b
            | first\s+thing
            )""",
        re.IGNORECASE | re.VERBOSE,
    )


def find_timeframe(text: str, spans: Sequence[Span]) -> re.Match[str] | None:
    """The first timeframe in any of the spans, or None."""
    pattern = timeframe_pattern()
    for span in spans:
        match = pattern.search(text, span.start, span.end)
        if match is not None:
            return match
    return None
