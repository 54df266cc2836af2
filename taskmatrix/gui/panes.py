"""A pane under the task table (the checks, the indicators): a row of controls over a table of
rows, each about a task; clicking a row asks for its task (``taskActivated``). Subclasses fill
the row and give the view its model; they translate their own texts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHBoxLayout, QTableView, QToolButton, QVBoxLayout, QWidget


class TaskPane(QDockWidget):
    """Signals:
        taskActivated(object): a row's task was chosen.
    """

    taskActivated = Signal(object)

    def __init__(self, title: str, name: str, parent: Any = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(f"{name}Dock")
        self.body = QWidget(self)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.top_row = QHBoxLayout()
        layout.addLayout(self.top_row)
        self.view = QTableView(self.body)
        self.view.setObjectName(f"{name}View")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        layout.addWidget(self.view)
        self.setWidget(self.body)

    def tool_button(self, text: str, tip: str = "") -> QToolButton:
        """A button at the end of the top row."""
        button = QToolButton(self.body)
        button.setText(text)
        button.setToolTip(tip)
        self.top_row.addWidget(button)
        return button
