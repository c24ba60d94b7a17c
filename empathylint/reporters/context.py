"""`check --explain-context`: what empathylint read from the customer's message, per file,
printed before the findings so a reader can see why the mood rules judged as they did."""

from __future__ import annotations

from rich.text import Text

from empathylint.engine import FileReport
from empathylint.language.mood import Mood, mood_of

LABEL_STYLE = {"upset": "bold red", "cheerful": "bold green", "neutral": "bold"}


def context_block(report: FileReport) -> Text:
    document = report.document
    text = Text("  Context  ", style="bold")
    if document is None or document.profile == "doc":
        return text.append("none (help articles have no customer)", style="dim")
    if document.customer_name:
        text.append(f"customer {document.customer_name} · ")
    mood = mood_of(document)
    if mood is None:
        return text.append("no customer message: the mood rules have nothing to judge", style="dim")
    return text.append_text(mood_line(mood))


def mood_line(mood: Mood) -> Text:
    line = Text.assemble(
        "mood ", (mood.label, LABEL_STYLE[mood.label]), f" (upset {mood.upset_score:g}, cheer {mood.cheer_score:g})"
    )
    for cue in mood.cues:
        line.append(f"\n             {'+' if cue.leaning == 'upset' else '☺'} {cue.weight:g}  ", style="dim")
        line.append(f"{cue.reason}: ")
        line.append(cue.found, style="red" if cue.leaning == "upset" else "green")
    if not mood.cues:
        line.append("; no cues found", style="dim")
    return line
