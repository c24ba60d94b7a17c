"""The items of the support checklist (GUIDE.md) that the scorecard shows, in order.

Each rule group belongs to one item; an item is met when none of its rules found anything
at warning or above in a file, and not applicable when none of its rules apply to the file's
profile. Item 9, "Send", is the verdict over all the others."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    key: str
    number: int | None
    label: str
    title: str


ITEMS: tuple[ChecklistItem, ...] = (
    ChecklistItem("their-name", 1, "their name", "Use their name"),
    ChecklistItem("your-name", 2, "your name", "Use your name"),
    ChecklistItem("thanks", 3, "thanks", "Thank them for writing"),
    ChecklistItem("understood", 4, "understood", "Make sure you understood the request"),
    ChecklistItem("eli5", 5, "ELI5", "Explain it so anyone can follow"),
    ChecklistItem("positive", 6, "positive", "Remove negative language"),
    ChecklistItem("concise", 7, "concise", "Remove unnecessary words"),
    ChecklistItem("proofread", 8, "proofread", "Proofread"),
    ChecklistItem("acknowledged", None, "acknowledged", "Acknowledge how an upset customer feels"),
    ChecklistItem("action", None, "action", "Pair empathy with action"),
    ChecklistItem("one-apology", None, "one apology", "Apologise once, for what is ours"),
    ChecklistItem("expectations", None, "expectations", "Say when they will hear back"),
    ChecklistItem("reasoned-no", None, "reasoned no", "Say no with a why"),
    ChecklistItem("tone", None, "tone", "Match their tone"),
    ChecklistItem("personal", None, "personal", "Personalize canned replies"),
    ChecklistItem("open-question", None, "open question", "Ask one open question"),
    ChecklistItem("send", 9, "send", "Send"),
)

SEND = "send"

ITEMS_BY_KEY = {item.key: item for item in ITEMS}
