"""`check --explain-context`: what empathylint read from the customer's message, per file,
printed before the findings so a reader can see why the mood rules judged as they did."""

from __future__ import annotations

from empathylint.engine import FileReport
from empathylint.language.mood import Mood, mood_of
from empathylint.reporters.lines import Pieces

LABEL_STYLE = {"upset": "bold red", "cheerful": "bold green", "neutral": "bold"}


def context_pieces(report: FileReport) -> Pieces:
    """The context as (text, style) pieces, a newline before each cue; all of it in bold,
    the text in no other style as one piece (as rich prints it: one run of bold)."""
    pieces: Pieces = []
    for text, style in _context(report):
        if pieces and not style and pieces[-1][1] == "bold":
            pieces[-1] = (pieces[-1][0] + text, "bold")
        else:
            pieces.append((text, f"bold {style}".rstrip()))
    return pieces


def _context(report: FileReport) -> Pieces:
    document = report.document
    pieces: Pieces = [("  Context  ", "")]
    if document is None or document.profile == "doc":
        return [*pieces, ("none (help articles have no customer)", "dim")]
    if document.customer_name:
        pieces.append((f"customer {document.customer_name} · ", ""))
    mood = mood_of(document)
    if mood is None:
        return [*pieces, ("no customer message: the mood rules have nothing to judge", "dim")]
    return [*pieces, *mood_pieces(mood)]


def mood_pieces(mood: Mood) -> Pieces:
    pieces: Pieces = [
        ("mood ", ""),
        (mood.label, LABEL_STYLE[mood.label]),
        (f" (upset {mood.upset_score:g}, cheer {mood.cheer_score:g})", ""),
    ]
    for cue in mood.cues:
        pieces.append((f"\n             {'+' if cue.leaning == 'upset' else '☺'} {cue.weight:g}  ", "dim"))
        pieces.append((f"{cue.reason}: ", ""))
        pieces.append((cue.found, "red" if cue.leaning == "upset" else "green"))
    if not mood.cues:
        pieces.append(("; no cues found", "dim"))
    return pieces
