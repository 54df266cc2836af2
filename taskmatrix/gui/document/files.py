"""Opening, saving and exporting files from the window, and the unsaved-changes prompt.

Errors are shown in a message box naming the file and the problem; the current plan is
left as it was. Saving refuses to overwrite a file changed on disk without asking, and a
save that fails (locked, read-only, disk full) offers Save As.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.i18n import describe
from taskmatrix.gui.settings import LAST_FOLDER, Settings
from taskmatrix.gui.worker import BackgroundJob, run_with_progress
from taskmatrix.io.errors import Cancelled, PlanFormatError, PlanSaveError
from taskmatrix.io.formats import READ_SUFFIXES
from taskmatrix.io.report import build_report
from taskmatrix.io.result import ReadResult

logger = logging.getLogger(__name__)
Button = QMessageBox.StandardButton
#: Formats the app saves to in place; anything else is saved as a new .xlsx.
SAVE_IN_PLACE = (".xlsx", ".json")


def start_reading(path: Path, started: bool = True) -> BackgroundJob:
    """A job reading ``path`` into a ``ReadResult``; running in the background unless ``started``
    is False (plain Python: calamine parses with the interpreter free for the GUI thread)."""
    from taskmatrix.io.formats import read_plan

    job = BackgroundJob(lambda progress: read_plan(path, progress=progress))
    return job.start() if started else job


class FileController(QObject):
    """Signals:
        opened(object ReadResult, str path): a file was opened into the document.
        message(str): a line for the status bar.
    """

    opened = Signal(object, str)
    message = Signal(str)
    BINDINGS = {ActionId.OPEN: "open_dialog", ActionId.OPEN_DEFAULT: "open_default", ActionId.SAVE: "save",
                ActionId.SAVE_AS: "save_as", ActionId.EXPORT_JSON: "export_json", ActionId.EXPORT_CSV: "export_csv",
                ActionId.IMPORT_REPORT: "show_report"}

    def __init__(self, window: QWidget, document: PlanDocument, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.settings = settings

    # -- unsaved changes ---------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when it is fine to replace or close the plan (saved, discarded, or unchanged)."""
        if not self.document.is_modified():
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved Changes"),
            self.tr("“{name}” has unsaved changes. Save them first?").format(name=self.document.display_name()),
            Button.Save | Button.Discard | Button.Cancel, Button.Save)
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    # -- open --------------------------------------------------------------------------------
    def open_filters(self) -> str:
        """The open dialog's file types: every plan, then each kind, then all files."""
        patterns = " ".join(f"*{s}" for s in READ_SUFFIXES)
        return ";;".join([
            self.tr("Plans ({patterns})").format(patterns=patterns),
            self.tr("Excel and WPS workbooks (*.xlsx *.xlsm *.xls *.et *.ett *.ods *.xlsb)"),
            self.tr("Word documents (*.docx)"),
            self.tr("PDF (*.pdf)"),
            self.tr("Plan text (*.txt)"),
            self.tr("CSV (*.csv)"),
            self.tr("Task Matrix JSON (*.json)"),
            self.tr("All files (*)"),
        ])

    def open_dialog(self) -> bool:
        if not self.confirm_discard():
            return False
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Plan"), self.settings.get(LAST_FOLDER), self.open_filters())
        if not path:
            return False
        return self.open_path(Path(path), confirmed=True)

    def open_path(self, path: Path, confirmed: bool = False, reading: BackgroundJob | None = None) -> bool:
        """Open ``path``; on any error say so and keep the current plan.

        ``reading``: :func:`start_reading` of ``path``, started earlier (at start-up, while the
        window was being built).
        """
        if not confirmed and not self.confirm_discard():
            if reading is not None:
                reading.cancel.set()
            return False
        try:
            result: ReadResult = run_with_progress(
                self.window, self.tr("Opening {name}…").format(name=path.name),
                reading or start_reading(path, started=False),
                then=lambda result: self.document.replace_plan(result.plan, path))
        except Cancelled:
            self.message.emit(self.tr("Opening cancelled; nothing changed."))
            return False
        except PlanFormatError as exc:
            QMessageBox.critical(self.window, self.tr("Cannot Open"), describe(exc))
            return False
        except Exception as exc:  # a reader bug must not take the window down
            logger.exception("reading %s failed", path)
            QMessageBox.critical(self.window, self.tr("Cannot Open"),
                                 self.tr("{path}: unexpected error: {error}").format(path=path, error=exc))
            return False
        self.settings.set(LAST_FOLDER, str(path.parent))
        self.settings.add_recent(str(path))
        self.document.report = build_report(result)
        self.opened.emit(result, str(path))
        said = [describe(self.document.report.summary)] + ([describe(result.info)] if result.info else [])
        self.message.emit(f"{path.name}: " + "; ".join(said))
        if result.warnings:
            self.show_report()
        return True

    def show_report(self) -> None:
        """The import report of the file the plan was opened from (File → Import Report)."""
        from taskmatrix.gui.document.report import ImportReportDialog

        report = self.document.report
        if report is None:
            QMessageBox.information(self.window, self.tr("Import Report"),
                                    self.tr("This plan was not opened from a file in this session."))
            return
        self.exec_report(ImportReportDialog(report, self.document.display_name(), self.window))

    def exec_report(self, dialog: QDialog) -> int:
        """Show the report dialog (tests replace this)."""
        try:
            return dialog.exec()
        finally:
            dialog.deleteLater()

    # -- save --------------------------------------------------------------------------------
    def save(self) -> bool:
        path = self.document.path
        if self.document.untitled or path is None or path.suffix.lower() not in SAVE_IN_PLACE:
            return self.save_as()
        if self.document.changed_on_disk():
            choice = self.ask_changed_on_disk(path)
            if choice == "save_as":
                return self.save_as()
            if choice != "overwrite":
                return False
        return self._write(path, mark_saved=True)

    def ask_changed_on_disk(self, path: Path) -> str:
        """``overwrite``, ``save_as`` or ``cancel``: the file changed since it was opened."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("File Changed on Disk"),
                          self.tr("{path} was changed by another program since it was opened or saved here. "
                                  "Overwriting it loses those changes.").format(path=path),
                          Button.Cancel, self.window)
        overwrite = box.addButton(self.tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton(self.tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        return "overwrite" if clicked is overwrite else "save_as" if clicked is save_as else "cancel"

    def save_as(self) -> bool:
        suggested = self._suggested_path(".xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save Plan As"), str(suggested),
            self.tr("Excel workbook (*.xlsx);;JSON (*.json)"))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() not in SAVE_IN_PLACE:
            target = target.with_suffix(".xlsx")
        return self._write(target, mark_saved=True)

    def export(self, suffix: str) -> bool:
        names = {".json": self.tr("JSON (*.json)"), ".csv": self.tr("CSV, UTF-8 (*.csv)")}
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export"), str(self._suggested_path(suffix)),
                                              names[suffix])
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        return self._write(target, mark_saved=False)

    def export_json(self) -> bool:
        return self.export(".json")

    def export_csv(self) -> bool:
        return self.export(".csv")

    def open_default(self) -> bool:
        """Open the built-in plan (after the unsaved-changes prompt)."""
        if not self.confirm_discard():
            return False
        from taskmatrix.io.defaults import load_default_plan

        result = load_default_plan()
        self.document.replace_plan(result.plan, None)
        self.document.report = build_report(result)
        return True

    def _suggested_path(self, suffix: str) -> Path:
        folder = Path(self.settings.get(LAST_FOLDER) or Path.home())
        if self.document.path is not None:
            return self.document.path.with_suffix(suffix)
        stem = self.document.plan.title or self.tr("Task matrix")
        return folder / f"{stem}{suffix}"

    def _write(self, path: Path, mark_saved: bool) -> bool:
        from taskmatrix.io.formats import write_plan

        plan = self.document.plan
        try:
            notices = run_with_progress(self.window, self.tr("Saving {name}…").format(name=path.name),
                                        lambda progress: write_plan(plan, path, progress=progress))
        except Cancelled:
            self.message.emit(self.tr("Saving cancelled; the file was not changed."))
            return False
        except PlanSaveError as exc:
            answer = QMessageBox.critical(
                self.window, self.tr("Cannot Save"),
                describe(exc) + "\n\n" + self.tr("Your changes are still here, unsaved. Save under another name?"),
                Button.Save | Button.Cancel, Button.Save)
            if answer == Button.Save:
                return self.save_as()
            return False
        except Exception as exc:
            logger.exception("writing %s failed", path)
            QMessageBox.critical(self.window, self.tr("Cannot Save"),
                                 self.tr("{path}: unexpected error: {error}; the previous file is unchanged.").format(
                                     path=path, error=exc))
            return False
        if mark_saved:
            self.document.mark_saved(path)
            self.settings.add_recent(str(path))
        self.settings.set(LAST_FOLDER, str(path.parent))
        self.message.emit(self.tr("Saved {path}").format(path=path))
        for notice in notices:
            QMessageBox.warning(self.window, self.tr("Saved with Changes"), describe(notice))
        return True
