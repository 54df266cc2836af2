"""A bar chart widget over one statistics table (painted by :mod:`taskmatrix.sheets.charts`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from taskmatrix.model.stats import StatTable
from taskmatrix.sheets.charts import chart_height, paint_chart


class ChartWidget(QWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table: StatTable | None = None
        #: The bars painted last (their rectangles), for hit tests and tests.
        self.bars: list[QRectF] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumWidth(320)

    def set_table(self, table: StatTable | None) -> None:
        self.table = table
        self._fit_height()
        self.update()

    def _fit_height(self) -> None:
        """As tall as the chart at the width it has (the legend wraps to it)."""
        self.setMinimumHeight(self.heightForWidth(max(self.width(), self.minimumWidth())))
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if self.table is None:
            return 200
        return int(chart_height(self.table, self.font(), width - 16) + 16)

    def sizeHint(self) -> QSize:
        return QSize(480, self.heightForWidth(480))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wanted = self.heightForWidth(self.width())
        if wanted != self.minimumHeight():
            self.setMinimumHeight(wanted)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self.table is not None:
            self.bars = paint_chart(painter, QRectF(self.rect()).adjusted(8, 8, -8, -8), self.table, self.font())
        painter.end()
