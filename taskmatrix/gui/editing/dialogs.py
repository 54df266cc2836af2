"""Dialogs of editing: the plan's title and preamble, a line of text."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


class PlanTextDialog(QDialog):
    """Edit the plan's title and preamble."""

    def __init__(self, title: str, preamble: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plan Title and Preamble"))
        self.title = QLineEdit(title, self)
        self.preamble = QPlainTextEdit(preamble, self)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Preamble"), self.preamble)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(700, 400)

    def values(self) -> tuple[str, str]:
        return self.title.text().strip(), self.preamble.toPlainText().strip()


def ask_text(parent: Any, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    value = value.strip()
    return value if ok and value else None

