"""Rendering assignment sheets onto any paged device (a QPdfWriter, a QPrinter): QtGui only.

Each sheet is its own QTextDocument laid out for the device's page, so every sheet starts
on a new page and its footer counts its own pages (第 X 页 共 Y 页), with the print date.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from taskmatrix.fonts import chinese_families, pick_family
from taskmatrix.io.atomic import atomic_write
from taskmatrix.io.errors import Cancelled, PlanSaveError
from taskmatrix.io.result import Progress
from taskmatrix.sheets.content import Sheet, sheet_parts

#: Chinese fonts in order of preference: official documents use FangSong for text and
#: SimHei for headings; then the fonts of domestic Linux desktops and of Debian.
BODY_FONTS = ("FangSong", "仿宋", "FangSong_GB2312", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC",
              "AR PL UMing CN", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
              "WenQuanYi Zen Hei", "Droid Sans Fallback")
HEADING_FONTS = ("SimHei", "黑体", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                 "WenQuanYi Zen Hei", "Noto Serif CJK SC", "AR PL UMing CN", "SimSun", "Droid Sans Fallback")
FOOTER_MM = 10.0


@dataclass
class PrintOptions:
    """Page set-up: A4 portrait by default, a wider left margin for binding."""

    landscape: bool = False
    margins_mm: tuple[float, float, float, float] = (25.0, 20.0, 20.0, 20.0)  # left, top, right, bottom
    point_size: float = 10.5

    def page_layout(self) -> QPageLayout:
        orientation = QPageLayout.Orientation.Landscape if self.landscape else QPageLayout.Orientation.Portrait
        left, top, right, bottom = self.margins_mm
        return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(left, top, right, bottom),
                           QPageLayout.Unit.Millimeter)


@dataclass(frozen=True)
class Fonts:
    body: str
    heading: str


def choose_fonts(preferred: str = "") -> Fonts | None:
    """The first available Chinese body and heading fonts; ``None`` when there is none."""
    available = chinese_families()
    if not available:
        return None

    def pick(candidates: Sequence[str]) -> str:
        return pick_family((preferred, *candidates), available) or available[0]

    return Fonts(pick(BODY_FONTS), pick(HEADING_FONTS))


#: Progress steps per sheet (a long sheet reports its parts' layout and its pages).
_STEPS = 1000


def render_sheets(sheets: Sequence[Sheet], device: QPagedPaintDevice, fonts: Fonts, options: PrintOptions,
                  progress: Progress | None = None, today: _dt.date | None = None) -> int:
    """Paint ``sheets`` on ``device`` (its page layout already set); returns the page count."""
    date_text = f"打印日期：{(today or _dt.date.today()):%Y年%m月%d日}"
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting on the output device")
    pages_done = 0
    try:
        width = device.width()
        footer_height = FOOTER_MM / 25.4 * device.logicalDpiY()
        body_height = device.height() - footer_height
        footer_font = QFont(fonts.body)
        footer_font.setPointSizeF(options.point_size - 1.5)
        for n, sheet in enumerate(sheets):

            def step(fraction: float, n: int = n) -> None:
                """Report ``fraction`` of sheet ``n`` done; raise Cancelled if the user cancelled."""
                done = n * _STEPS + int(fraction * _STEPS)
                if progress is not None and progress(done, len(sheets) * _STEPS) is False:
                    raise Cancelled()

            docs = []
            for html in sheet_parts(sheet, fonts.body, fonts.heading, options.point_size):
                step(0)
                docs.append(_document(html, device, fonts, options, QSizeF(width, body_height), sheet.images))
            count = 0
            for i, doc in enumerate(docs):  # lays each part out: the slow step of a long sheet
                step(0.5 * i / len(docs))
                count += doc.pageCount()
            number = 0
            for doc in docs:
                for page in range(doc.pageCount()):
                    step(0.5 + 0.5 * number / count)
                    if pages_done:
                        device.newPage()
                    painter.save()
                    painter.translate(0, -page * body_height)
                    clip = QRectF(0, page * body_height, width, body_height)
                    painter.setClipRect(clip)
                    doc.drawContents(painter, clip)
                    painter.restore()
                    number += 1
                    _footer(painter, QRectF(0, body_height, width, footer_height), footer_font, sheet.name,
                            f"第 {number} 页 共 {count} 页", date_text)
                    pages_done += 1
        if progress is not None:
            progress(len(sheets) * _STEPS, len(sheets) * _STEPS)
    except BaseException:
        painter.end()
        raise
    if not painter.end():
        raise OSError("the output device did not take the pages (a full disk, or the printer went away)")
    return pages_done


def _document(html: str, device: QPagedPaintDevice, fonts: Fonts, options: PrintOptions,
              page: QSizeF, images: Sequence[tuple[str, bytes, int]] = ()) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = QFont(fonts.body)
    font.setPointSizeF(options.point_size)
    doc.setDefaultFont(font)
    doc.documentLayout().setPaintDevice(device)
    doc.setPageSize(page)
    for name, data, _ in images:
        if name in html:
            image = QImage.fromData(data, "PNG")  # type: ignore[arg-type]
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
            # a picture as wide as asked of the page, and never taller than the page
            wanted = next(w for n, d, w in images if n == name)
            scale = min(page.width() * wanted / 100 / max(1, image.width()),
                        page.height() * 0.92 / max(1, image.height()))
            # QTextDocument sizes a picture in screen pixels and scales them to the device
            screen = QGuiApplication.primaryScreen()
            ratio = device.logicalDpiX() / (screen.logicalDotsPerInchX() if screen is not None else 96.0)
            html = re.sub(r'width="\{width:\d+\}"', f'width="{int(image.width() * scale / ratio)}"', html, count=1)
    doc.setHtml(html)
    return doc


def _footer(painter: QPainter, rect: QRectF, font: QFont, left: str, centre: str, right: str) -> None:
    painter.setFont(font)
    bottom = Qt.AlignmentFlag.AlignBottom
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | bottom), left)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | bottom), centre)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | bottom), right)


def write_pdf(sheets: Sequence[Sheet], path: str | Path, fonts: Fonts, options: PrintOptions,
              progress: Progress | None = None, title: str = "") -> int:
    """Write the sheets to a PDF atomically (nothing is left behind on failure or cancel)."""
    pages: list[int] = []

    def produce(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(300)
        writer.setCreator("Task Matrix")
        writer.setTitle(title)
        writer.setPageLayout(options.page_layout())
        pages.append(render_sheets(sheets, writer, fonts, options, progress))
        del writer  # closes the file
        check_pdf(tmp, Path(path))

    atomic_write(path, produce, backup=False)
    return pages[0]


def check_pdf(tmp: Path, path: Path) -> None:
    """Refuse a PDF the writer did not finish (QPdfWriter says nothing when the disk fills up)."""
    try:
        size = tmp.stat().st_size
        with open(tmp, "rb") as handle:
            handle.seek(max(0, size - 1024))
            tail = handle.read()
    except OSError as exc:
        raise PlanSaveError(path, "the PDF could not be written: {reason}", reason=exc.strerror or exc) from None
    if size < 64 or b"%%EOF" not in tail:
        raise PlanSaveError(path, "the PDF could not be written completely (is the disk full?); the previous "
                                  "file is unchanged")
