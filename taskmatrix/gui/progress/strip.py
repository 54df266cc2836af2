"""The round summary strip under the filter bar: how many of the tasks shown are done, on
track, due soon or behind, overdue, ongoing, in the round shown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from taskmatrix.gui.document.model import TaskTableModel
from taskmatrix.gui.progress.texts import round_counts
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.timers import pause_timer
from taskmatrix.model.plan import Task

REFRESH_MS = 60


class RoundStrip(QLabel):
    def __init__(self, model: TaskTableModel, state: ViewState, visible_tasks: Callable[[], list[Task]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundStrip")
        self.setStyleSheet("QLabel#roundStrip { padding: 2px 8px; background: palette(alternate-base); }")
        # The counts are cut (…) where the window is narrow, never widening it; the whole line
        # is the tooltip.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full_text = ""
        self.model = model
        self.state = state
        self.visible_tasks = visible_tasks
        self._timer = pause_timer(self, self.refresh, REFRESH_MS)
        for signal in (state.changed, model.planEdited, model.roundsChanged, model.modelReset):
            signal.connect(self.schedule)
        self.refresh()

    def schedule(self, *args: object) -> None:
        self._timer.start()

    def refresh(self) -> None:
        name = self.state.round
        self.setVisible(bool(name))
        if not name:
            return
        progress = self.model.index_.progress(name, self.state.unit)
        tasks = self.visible_tasks()
        counts: Counter[str] = Counter(progress.light(t) for t in tasks)
        self.full_text = round_counts(name, counts, len(tasks))
        self.setToolTip(self.full_text)
        self._fit()

    def _fit(self) -> None:
        room = max(0, self.width() - 20)
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room)
                     if room else self.full_text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
