"""The editor's widgets: a text box that commits on leaving it, a label that wraps, and the
undo keys that reach the plan when a field has nothing of its own to undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget


class CommitTextEdit(QPlainTextEdit):
    """A plain-text editor that announces its text when it loses focus.

    Signals:
        committed(str): the text, on leaving the editor.
    """

    committed = Signal(str)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit(self.toPlainText())


class WrappingLabel(QLabel):
    """A word-wrapping label that asks its layout for every line it wraps to (a form layout
    otherwise gives a wrapped label the height of its unwrapped text, and cuts it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        height = self.heightForWidth(max(self.width(), 1))
        if height > 0 and height != self.minimumHeight():
            self.setMinimumHeight(height)


class FieldUndo(QObject):
    """Lets Ctrl+Z and Ctrl+Y reach the plan when a field has nothing of its own to undo or redo.

    A field's undo history holds only what the user typed since the task was shown (filling a
    field is not a user edit, and a committed edit is the plan's to undo): with none, the
    keys are left to the window's Undo and Redo, which act on the plan.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo) or (
                event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier)
            if undo or redo:
                available = _history(watched)
                if not (available[0] if undo else available[1]):
                    event.ignore()
                    return True  # not overridden: the shortcut goes to the window's action
        return False


def _history(widget: QObject) -> tuple[bool, bool]:
    """(undo available, redo available) of a field's own editing history."""
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable(), widget.isRedoAvailable()
    if isinstance(widget, QPlainTextEdit):
        document = widget.document()
        return document.isUndoAvailable(), document.isRedoAvailable()
    return False, False


def forget_history(widget: QWidget) -> None:
    """Clear a field's own undo history (after its text was committed to the plan)."""
    if isinstance(widget, QPlainTextEdit):
        widget.document().clearUndoRedoStacks()
    elif isinstance(widget, QLineEdit) and (widget.isUndoAvailable() or widget.isRedoAvailable()):
        position = widget.cursorPosition()
        widget.setText(widget.text())  # setText starts a new history
        widget.setCursorPosition(position)


def _set_line(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)


def _set_text(edit: QPlainTextEdit, text: str) -> None:
    if edit.toPlainText() != text:
        edit.setPlainText(text)
