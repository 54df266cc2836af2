"""The one-shot timer the window uses wherever work waits for a pause (typing, a burst of
edits) or for the event loop to be free."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def pause_timer(parent: QObject, slot: Callable[[], object], ms: int = 0) -> QTimer:
    """A single-shot timer owned by ``parent`` that calls ``slot`` ``ms`` after its last start."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer
