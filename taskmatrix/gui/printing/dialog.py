"""Printing from the app: print preview of the selected unit, city, the filter or every unit,
to a printer or a PDF; page set-up remembered between runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QToolBar,
    QWidget,
)

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.i18n import describe
from taskmatrix.gui.settings import LAST_FOLDER, PAGE_MARGINS, PAGE_ORIENTATION, Settings
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.worker import run_here_with_progress
from taskmatrix.io.errors import Cancelled, PlanSaveError
from taskmatrix.model.filters import EMPTY_STATUS, ROLE_LEAD, ROLE_PARTICIPANT, FilterSpec
from taskmatrix.model.plan import Task
from taskmatrix.model.rounds import find_round
from taskmatrix.sheets.content import (
    Sheet,
    cities_with_tasks,
    city_sheet,
    filter_sheet,
    unit_sheet,
    units_with_tasks,
)
from taskmatrix.sheets.progress import progress_report, report_sheet
from taskmatrix.sheets.render import Fonts, PrintOptions, choose_fonts, render_sheets, write_pdf


class PrintController(QObject):
    """The print actions: sheets for the chosen unit or city (the view state's), for what the
    table shows, for every unit or city; page set-up; preview, printer and PDF.

    Signals:
        message(str): a line for the status bar.
    """

    message = Signal(str)
    BINDINGS = {ActionId.PRINT_UNIT: "print_unit", ActionId.PRINT_CITY: "print_city",
                ActionId.PRINT_FILTER: "print_filter", ActionId.PRINT_ALL_UNITS: "print_all_units",
                ActionId.PRINT_ALL_CITIES: "print_all_cities", ActionId.PAGE_SETUP: "page_setup",
                ActionId.PRINT_PROGRESS: "print_progress", ActionId.PRINT_UNIT_PROGRESS: "print_unit_progress"}

    def __init__(self, document: PlanDocument, state: ViewState, visible_tasks: Callable[[], list[Task]],
                 settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.state = state
        self.visible_tasks = visible_tasks
        self.settings = settings
        #: The widget dialogs open over.
        self.window = parent

    # -- page set-up ---------------------------------------------------------------------
    def options(self, landscape: bool | None = None) -> PrintOptions:
        """The page set-up remembered (``landscape`` overrides its orientation)."""
        options = self._remembered()
        if landscape is not None:
            options.landscape = landscape
        return options

    def _remembered(self) -> PrintOptions:
        try:
            margins = tuple(float(x) for x in self.settings.get(PAGE_MARGINS).split(","))
        except ValueError:
            margins = ()
        options = PrintOptions(landscape=self.settings.get(PAGE_ORIENTATION) == "landscape")
        if len(margins) == 4:
            options.margins_mm = (margins[0], margins[1], margins[2], margins[3])
        return options

    def printer(self, landscape: bool | None = None) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(self.options(landscape).page_layout())
        printer.setDocName(self.document.plan.title or "Task Matrix")
        return printer

    def page_setup(self) -> bool:
        """Orientation and margins (our own dialog: Qt's needs a native printer)."""
        dialog = PageSetupDialog(self.options(), self.window)
        if not self.exec_setup(dialog):
            return False
        self._remember(dialog.options().page_layout())
        return True

    def exec_setup(self, dialog: PageSetupDialog) -> int:
        return dialog.exec()

    def _remember(self, layout: QPageLayout) -> None:
        landscape = layout.orientation() == QPageLayout.Orientation.Landscape
        self.settings.set(PAGE_ORIENTATION, "landscape" if landscape else "portrait")
        m = layout.margins(QPageLayout.Unit.Millimeter)
        self.settings.set(PAGE_MARGINS, ",".join(f"{v:.1f}" for v in (m.left(), m.top(), m.right(), m.bottom())))

    # -- what to print -----------------------------------------------------------------------
    def print_unit(self) -> bool:
        unit = self.state.unit
        if not unit:
            return self._nothing(self.tr("Choose a unit first (in the Units list or the filter bar)."))
        return self.preview([unit_sheet(self.document.plan, unit)])

    def print_city(self) -> bool:
        city = self.state.city
        if not city:
            return self._nothing(self.tr("Choose a city first (in the Cities list or the filter bar)."))
        return self.preview([city_sheet(self.document.plan, city)])

    def print_filter(self) -> bool:
        plan = self.document.plan
        tasks = self.visible_tasks()
        return self.preview([filter_sheet(plan, tasks, filter_description(self.state.spec, plan))])

    def print_all_units(self) -> bool:
        plan = self.document.plan
        return self.preview([unit_sheet(plan, u) for u in units_with_tasks(plan)])

    def print_all_cities(self) -> bool:
        plan = self.document.plan
        return self.preview([city_sheet(plan, c) for c in cities_with_tasks(plan)])

    def print_progress(self) -> bool:
        """The round's progress report (进展情况汇总表) for the whole plan."""
        return self._progress_report("")

    def print_unit_progress(self) -> bool:
        if not self.state.unit:
            return self._nothing(self.tr("Choose a unit first (in the Units list or the filter bar)."))
        return self._progress_report(self.state.unit)

    def _progress_report(self, unit: str) -> bool:
        round_ = find_round(self.document.plan, self.state.round)
        if round_ is None:
            return self._nothing(self.tr("Choose a reporting round first (in the filter bar)."))
        plan = self.document.plan
        thresholds = self.document.model.index_.thresholds
        report = progress_report(plan, round_, unit, thresholds=thresholds)
        sheets = [report_sheet(report)]
        if not unit:  # the whole plan's report ends with the round's statistics and charts
            from taskmatrix.sheets.statistics import round_stats_sheet

            fonts = self.fonts()
            sheets.append(round_stats_sheet(plan, round_.name, report.as_of, fonts.body if fonts else "", thresholds))
        return self.preview(sheets, landscape=True)

    def _nothing(self, message: str) -> bool:
        QMessageBox.information(self.window, self.tr("Print"), message)
        return False

    # -- preview, printer, PDF -------------------------------------------------------------------
    def fonts(self) -> Fonts | None:
        fonts = choose_fonts()
        if fonts is not None:
            return fonts
        QMessageBox.warning(
            self.window, self.tr("No Chinese Font"),
            self.tr("No Chinese font is installed, so the Chinese text would print as boxes. Install one "
                    "(for example SimSun, FangSong, Noto Sans CJK SC or WenQuanYi Micro Hei) and try again."))
        return None

    def preview(self, sheets: list[Sheet], landscape: bool | None = None) -> bool:
        """Lay the sheets out for the preview (with a progress dialog), then show it; a cancelled
        layout shows and prints nothing. ``landscape``: an orientation the sheets need (the
        progress report), not remembered as the user's."""
        fonts = self.fonts()
        if fonts is None:
            return False
        printer = self.printer(landscape)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Print Preview"))
        cancelled: list[bool] = []
        dialog.paintRequested.connect(lambda device: self._paint(sheets, device, fonts, cancelled))
        toolbar = dialog.findChild(QToolBar)
        if toolbar is not None:
            pdf = QAction(self.tr("Save as PDF…"), dialog)
            pdf.triggered.connect(lambda: self.save_pdf(sheets, fonts, landscape=landscape))
            toolbar.addSeparator()
            toolbar.addAction(pdf)
        _fit_to_screen(dialog, self.window)
        # The pages are laid out before the preview shows (it would show the part done).
        widget = dialog.findChild(QPrintPreviewWidget)
        if widget is not None:
            widget.updatePreview()
        if cancelled:
            dialog.deleteLater()
            self.message.emit(self.tr("Printing cancelled; nothing was printed."))
            return False
        accepted = bool(self.exec_dialog(dialog))
        if landscape is None:
            self._remember(printer.pageLayout())
        return accepted and not cancelled

    def exec_dialog(self, dialog: QPrintPreviewDialog) -> int:
        return dialog.exec()

    def _paint(self, sheets: list[Sheet], device: QPrinter, fonts: Fonts, cancelled: list[bool]) -> None:
        if cancelled:
            return  # a later repaint (zoom, orientation) after a cancel: nothing to show
        options = self.options()
        layout = device.pageLayout()
        options.landscape = layout.orientation() == QPageLayout.Orientation.Landscape
        try:
            run_here_with_progress(self.window, self.tr("Preparing {count} sheet(s)…").format(count=len(sheets)),
                                   lambda progress: render_sheets(sheets, device, fonts, options, progress))
        except Cancelled:
            cancelled.append(True)
            if device.printerState() == QPrinter.PrinterState.Active:
                device.abort()  # nothing of what was laid out goes to a printer

    def save_pdf(self, sheets: list[Sheet], fonts: Fonts, path: Path | None = None,
                 landscape: bool | None = None) -> bool:
        if path is None:
            folder = Path(self.settings.get(LAST_FOLDER) or Path.home())
            name = sheets[0].title if len(sheets) == 1 else self.tr("Assignment sheets")
            chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save as PDF"), str(folder / f"{name}.pdf"),
                                                    self.tr("PDF (*.pdf)"))
            if not chosen:
                return False
            path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        options = self.options(landscape)
        title = self.document.plan.title
        try:
            # On the GUI thread: painting uses Qt (see worker.py); the progress keeps the window live.
            run_here_with_progress(self.window, self.tr("Writing {name}…").format(name=path.name),
                                   lambda progress: write_pdf(sheets, path, fonts, options, progress, title))
        except Cancelled:
            return False
        except PlanSaveError as exc:
            QMessageBox.critical(self.window, self.tr("Cannot Save"), describe(exc))
            return False
        self.message.emit(self.tr("Saved {path}").format(path=path))
        return True


def _fit_to_screen(dialog: QDialog, window: Any) -> None:
    """The preview fits the screen the window is on (a 768 px laptop screen too)."""
    screen = window.screen() if window is not None else None
    available = screen.availableGeometry() if screen is not None else None
    width, height = 1000, 800
    if available is not None:
        width = min(width, available.width() - 40)
        height = min(height, available.height() - 60)
    dialog.resize(width, height)


class PageSetupDialog(QDialog):
    """A4 page set-up for assignment sheets: orientation and margins in millimetres."""

    def __init__(self, options: PrintOptions, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Page Setup"))
        self.portrait = QRadioButton(self.tr("Portrait"), self)
        self.landscape = QRadioButton(self.tr("Landscape"), self)
        (self.landscape if options.landscape else self.portrait).setChecked(True)
        self.margins = []
        form = QFormLayout(self)
        orientation = QHBoxLayout()
        orientation.addWidget(self.portrait)
        orientation.addWidget(self.landscape)
        form.addRow(self.tr("Paper"), QLabel("A4", self))
        form.addRow(self.tr("Orientation"), orientation)
        labels = (self.tr("Left margin (binding)"), self.tr("Top margin"), self.tr("Right margin"),
                  self.tr("Bottom margin"))
        for label, value in zip(labels, options.margins_mm):
            spin = QDoubleSpinBox(self)
            spin.setRange(5, 60)
            spin.setDecimals(1)
            spin.setSuffix(" mm")
            spin.setValue(value)
            self.margins.append(spin)
            form.addRow(label, spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self, landscape: bool | None = None) -> PrintOptions:
        """The page set-up remembered (``landscape`` overrides its orientation)."""
        options = self._remembered()
        if landscape is not None:
            options.landscape = landscape
        return options

    def _remembered(self) -> PrintOptions:
        margins = tuple(spin.value() for spin in self.margins)
        return PrintOptions(landscape=self.landscape.isChecked(), margins_mm=margins)  # type: ignore[arg-type]


def filter_description(spec: FilterSpec, plan: Any) -> str:
    """The current filter in words, for the sheet's heading (Chinese, like the sheet)."""
    parts = []
    if spec.section is not None:
        section = plan.section(spec.section)
        parts.append(f"领域：{section.title if section else '无'}")
    if spec.unit:
        role = {ROLE_LEAD: "牵头", ROLE_PARTICIPANT: "参与"}.get(spec.role, "牵头或参与")
        parts.append(f"单位：{spec.unit}（{role}）")
    if spec.city:
        parts.append(f"地市：{spec.city}")
    if spec.status is not None:
        parts.append(f"状态：{'空' if spec.status in ('', EMPTY_STATUS) else spec.status}")
    if spec.text.strip():
        parts.append(f"搜索：{spec.text.strip()}")
    return "；".join(parts)
