"""The import report dialog: what the reader recognised in a file and where it was unsure.

Shown after opening a file the reader had something to say about, and again from
File → Import Report. The summary and what was recognised sit on top; the warnings below,
one branch per kind with its count, every single warning inside (collapsed).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeView, QVBoxLayout, QWidget

from taskmatrix.gui.i18n import translate_io
from taskmatrix.io.report import ImportReport, brief

#: Warnings listed under one kind at most (the count says how many there are).
MAX_LISTED = 500


class ImportReportDialog(QDialog):
    """Shows one :class:`ImportReport`."""

    def __init__(self, report: ImportReport, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import Report: {name}").format(name=name))
        self.summary = QLabel(f"<b>{_escape(report.summary.localized(translate_io))}</b>", self)
        self.summary.setWordWrap(True)
        self.facts = QLabel("".join(f"<p style='margin:0 0 4px 0'>{_escape(f.localized(translate_io))}</p>"
                                    for f in report.facts), self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setVisible(bool(report.facts))
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("What the reader noted")])
        for group in report.groups:
            parent_item = QStandardItem(f"{group.title(translate_io)} ({group.count})")
            parent_item.setEditable(False)
            for notice in group.notices[:MAX_LISTED]:
                child = QStandardItem(" ".join(brief(notice, translate_io).split()))
                child.setToolTip(" ".join(notice.localized(translate_io).split()))
                child.setEditable(False)
                parent_item.appendRow(child)
            if group.count > MAX_LISTED:
                more = QStandardItem(translate_io("… and {count} more").format(count=group.count - MAX_LISTED))
                more.setEditable(False)
                parent_item.appendRow(more)
            self.model.appendRow(parent_item)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setVisible(bool(report.groups))
        self.none = QLabel(self.tr("The reader was sure of everything."), self)
        self.none.setVisible(not report.groups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.facts)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.none)
        layout.addWidget(buttons)
        char = self.fontMetrics().horizontalAdvance("中")
        lines = self.fontMetrics().lineSpacing()
        self.resize(char * 56, lines * (30 if report.groups else 10 + 2 * len(report.facts)))
        self.setWindowModality(Qt.WindowModality.WindowModal)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
