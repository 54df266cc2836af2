"""Progress texts for the screen: a deadline as read, a round's counts."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication

from taskmatrix.model.deadlines import FIXED, ONGOING, RECURRING, SPAN, Deadline
from taskmatrix.model.lights import BLUE, GREEN, GREY, RED, SYMBOLS, YELLOW
from taskmatrix.model.translate import QT_TRANSLATE_NOOP

CONTEXT = "Progress"
COUNTED = ((BLUE, QT_TRANSLATE_NOOP("Progress", "done")), (GREEN, QT_TRANSLATE_NOOP("Progress", "on track")),
           (YELLOW, QT_TRANSLATE_NOOP("Progress", "due soon or behind")),
           (RED, QT_TRANSLATE_NOOP("Progress", "overdue or far behind")),
           (GREY, QT_TRANSLATE_NOOP("Progress", "ongoing")))


def describe_deadline(deadline: Deadline) -> str:
    """``read as: by 2019-12-31`` (with ``(estimated)`` when fuzzy)."""
    if deadline.kind == FIXED and deadline.end:
        text = QCoreApplication.translate("Progress", "read as: by {end}").format(end=deadline.end.isoformat())
    elif deadline.kind == SPAN and deadline.start and deadline.end:
        text = QCoreApplication.translate("Progress", "read as: {start} to {end}").format(
            start=deadline.start.isoformat(), end=deadline.end.isoformat())
    elif deadline.kind == RECURRING:
        text = QCoreApplication.translate("Progress", "read as: recurring (every year, quarter or month)")
    elif deadline.kind == ONGOING:
        text = QCoreApplication.translate("Progress", "read as: ongoing, no end")
    elif deadline.text:
        text = QCoreApplication.translate("Progress", "not understood: correct it (Progress ▸ Correct the Deadline)")
    else:
        return ""
    if deadline.fuzzy and deadline.kind in (FIXED, SPAN):
        text += QCoreApplication.translate("Progress", " (estimated)")
    return text


def _translated(word: str) -> str:
    return QCoreApplication.translate(CONTEXT, word)


def round_counts(name: str, counts: Counter[str], shown: int) -> str:
    """``2019年第一季度 · 100 tasks shown: ✔ done 12 · ● on track 50 · …``."""
    parts = [f"{SYMBOLS[light]} {_translated(word)} {counts.get(light, 0)}" for light, word in COUNTED]
    head = QCoreApplication.translate("Progress", "{round} · {count} tasks shown: ").format(round=name, count=shown)
    return head + " · ".join(parts)
