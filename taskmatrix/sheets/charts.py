"""Bar charts of the statistics, painted with QPainter (Qt Charts is not in PySide6-Essentials):
one horizontal stacked bar per row of a table (its total row left out), its label on the left,
its total at the end, a legend above. The same painting serves the window, the PNG export and
the printed report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from taskmatrix.io.atomic import atomic_write
from taskmatrix.io.statsfiles import series_colour
from taskmatrix.model.stats import StatTable

BAR = 1.5  # a bar's height, in lines of the font
#: Bars in one chart at most (a picture of 20,000 units would not be one anyone reads, or
#: that fits in memory); the rest are counted under the chart.
MAX_BARS = 400
LABEL_SHARE = 0.28  # at most this share of the width for the labels


def chart_font(family: str, pixels: int) -> QFont:
    """The font a chart picture is drawn in (sized in pixels: a picture has no resolution)."""
    font = QFont(family)
    font.setPixelSize(pixels)
    return font


def chart_rows(table: StatTable) -> list[list[object]]:
    rows = table.rows[:-1] if table.total else list(table.rows)
    return rows[:MAX_BARS]


def left_out(table: StatTable) -> int:
    return max(0, len(table.rows) - (1 if table.total else 0) - MAX_BARS)


def chart_height(table: StatTable, font: QFont, width: float) -> float:
    """The height the chart of ``table`` takes at ``width`` (the legend wraps to it)."""
    line = QFontMetricsF(font).height()
    lines = len({y for _, y, _ in legend_layout(table, QFontMetricsF(font), 0, 0, width)})
    return line * (1.6 + 1.2 * max(1, lines) + 0.4 + BAR * max(1, len(chart_rows(table))) + (
        1.5 if left_out(table) else 0))


def legend_layout(table: StatTable, metrics: QFontMetricsF, left: float, top: float,
                  width: float) -> list[tuple[float, float, str]]:
    """Where each legend entry goes (x, y of its line, its text): a line holds the entries
    that fit, the next starts below (the same rule for the height and the painting)."""
    line = metrics.height()
    x, y = left, top
    placed = []
    for column in table.chart:
        name = table.header[column]
        entry = line * 0.8 + 4 + metrics.horizontalAdvance(name) + line
        if x > left and x + entry > left + width:
            x, y = left, y + line * 1.2
        placed.append((x, y, name))
        x += entry
    return placed


def _number(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


def paint_chart(painter: QPainter, rect: QRectF, table: StatTable, font: QFont) -> list[QRectF]:
    """Paint ``table`` as a chart in ``rect``; returns the bars' rectangles (for tests, hit tests)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    metrics = QFontMetricsF(font)
    line = metrics.height()
    title_font = QFont(font)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(QColor("#000000"))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line * 1.3),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), table.title)
    painter.setFont(font)
    # the legend
    legend = legend_layout(table, metrics, rect.left(), rect.top() + line * 1.4, rect.width())
    for i, (x, y, name) in enumerate(legend):
        box = QRectF(x, y + line * 0.2, line * 0.8, line * 0.6)
        painter.fillRect(box, QColor(series_colour(table, i)))
        painter.drawText(QRectF(box.right() + 4, y, rect.right() - box.right() - 4, line),
                         int(Qt.AlignmentFlag.AlignVCenter), name)
    top = (legend[-1][1] if legend else rect.top() + line * 1.4) + line * 1.6
    rows = chart_rows(table)
    labels = [str(r[0]) for r in rows]
    label_width = min(rect.width() * LABEL_SHARE, max((metrics.horizontalAdvance(t) for t in labels), default=0) + 8)
    totals = [sum(_number(r[c]) for c in table.chart) for r in rows]
    biggest = table.scale or max(totals, default=0) or 1
    room = rect.width() - label_width - metrics.horizontalAdvance(f"{int(biggest)}") - 12
    bars: list[QRectF] = []
    painter.setPen(QPen(QColor("#606060"), 0))
    axis_x = rect.left() + label_width
    for r, (row, total) in enumerate(zip(rows, totals)):
        y = top + r * line * BAR
        label = metrics.elidedText(labels[r], Qt.TextElideMode.ElideMiddle, label_width - 6)
        painter.setPen(QColor("#000000"))
        painter.drawText(QRectF(rect.left(), y, label_width - 6, line * BAR),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
        x = axis_x
        for i, column in enumerate(table.chart):
            value = _number(row[column])
            if value <= 0:
                continue
            width = room * value / biggest
            bar = QRectF(x, y + line * 0.2, width, line * (BAR - 0.4))
            painter.fillRect(bar, QColor(series_colour(table, i)))
            bars.append(bar)
            x += width
        painter.drawText(QRectF(x + 4, y, rect.right() - x, line * BAR), int(Qt.AlignmentFlag.AlignVCenter),
                         f"{total:g}")
    painter.setPen(QPen(QColor("#606060"), 0))
    bottom = top + max(1, len(rows)) * line * BAR
    painter.drawLine(int(axis_x), int(top), int(axis_x), int(bottom))
    if left_out(table):
        painter.setPen(QColor("#000000"))
        painter.drawText(QRectF(rect.left(), bottom + line * 0.3, rect.width(), line),
                         int(Qt.AlignmentFlag.AlignLeft), f"（另有 {left_out(table)} 项未画出，见表格）")
    painter.restore()
    return bars


def charts_image(tables: Sequence[StatTable], font: QFont, width: int = 1400) -> QImage:
    """Every table's chart, one under the other, on white."""
    tables = [t for t in tables if t.chart]
    gap = QFontMetricsF(font).height() * 1.5
    heights = [chart_height(t, font, width - 2 * gap) for t in tables]
    image = QImage(width, max(1, int(sum(heights) + gap * (len(tables) + 1))), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        y = gap
        for table, height in zip(tables, heights):
            paint_chart(painter, QRectF(gap, y, width - 2 * gap, height), table, font)
            y += height + gap
    finally:
        painter.end()
    return image


def write_png(image: QImage, path: str | Path) -> None:
    def produce(tmp: Path) -> None:
        if not image.save(str(tmp), "PNG"):  # type: ignore[call-overload]
            raise OSError("the image could not be written")

    atomic_write(path, produce, backup=False)
