"""Cell editors for the task table: numbers, sections, statuses, multi-line text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QPlainTextEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from taskmatrix.gui.document.model import KeyRole, TaskRole, TaskTableModel

if TYPE_CHECKING:
    from taskmatrix.gui.table.proxy import TaskProxyModel
from taskmatrix.model.fields import field_of
from taskmatrix.model.plan import MAX_NUMBER

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_AnyIndex = QModelIndex | QPersistentModelIndex


class TaskDelegate(QStyledItemDelegate):
    """Chooses an editor by the column's key: Enter commits, Alt+Enter starts a new line.

    Painting asks the model for seven roles per cell; on the task proxy the delegate asks
    once for what the table uses (text, alignment, colour) instead.
    """

    def __init__(self, table: TaskTableModel, parent: Any = None, proxy: TaskProxyModel | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.proxy = proxy
        self._cjk_width = 0
        self._features: dict[Any, Any] = {}

    def initStyleOption(self, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        if self.proxy is None or index.model() is not self.proxy:
            super().initStyleOption(option, index)
            return
        text, align, brush = self.proxy.cell_style(index.row(), index.column())
        # Qt shapes a cell's whole text to measure and to elide it; text past what the cell
        # can show (two narrow characters per Chinese one) is cut before it gets there.
        limit = 2 * option.rect.width() // self._char_width(option) + 2
        if len(text) > limit:
            text = text[:limit] + "…"
        option.index = index  # type: ignore[assignment]
        option.text = text
        option.displayAlignment = align
        option.features |= _HAS_DISPLAY
        if brush is not None:
            option.palette.setBrush(QPalette.ColorRole.Text, brush)

    def _key(self, index: _AnyIndex) -> str:
        return str(index.model().headerData(index.column(), Qt.Orientation.Horizontal, KeyRole))

    def _char_width(self, option: QStyleOptionViewItem) -> int:
        if self._cjk_width <= 0:
            self._cjk_width = max(1, option.fontMetrics.horizontalAdvance("中"))
        return self._cjk_width

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _AnyIndex) -> QWidget:
        fld = field_of(self._key(index))
        if fld.editor == "number":
            spin = QSpinBox(parent)
            spin.setRange(1, MAX_NUMBER)
            return spin
        if fld.editor == "section":
            combo = QComboBox(parent)
            combo.addItem(self.tr("(no section)"), None)
            for s in self.table.plan.sections:
                combo.addItem(s.label, s.number)
            return combo
        if fld.editor == "choice":
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.addItems(["", *fld.choices])
            return combo
        if fld.editor == "multiline":
            edit = QPlainTextEdit(parent)
            edit.installEventFilter(self)
            return edit
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: _AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox):
            editor.setValue(int(value or 1))
        elif isinstance(editor, QComboBox) and field_of(self._key(index)).editor == "section":
            task = index.data(TaskRole)
            editor.setCurrentIndex(max(0, editor.findData(task.section)) if task.section is not None else 0)
        elif isinstance(editor, QComboBox):
            editor.setCurrentText(str(value or ""))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _AnyIndex) -> None:
        if isinstance(editor, QSpinBox):
            model.setData(index, editor.value())
        elif isinstance(editor, QComboBox) and field_of(self._key(index)).editor == "section":
            model.setData(index, editor.currentData())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText())
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, QPlainTextEdit):
            rect = editor.geometry()
            rect.setHeight(max(rect.height(), editor.fontMetrics().lineSpacing() * 5 + 10))
            rect.setWidth(max(rect.width(), editor.fontMetrics().horizontalAdvance("中") * 24))
            editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if isinstance(editor, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier):
                    editor.insertPlainText("\n")
                    return True
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(editor, event)
