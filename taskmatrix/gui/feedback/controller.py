"""Collecting the units' reports: send the round's workbooks, import the returns (dialog,
multi-select, a dropped file or folder) with a preview, and the units that have not reported
(exported, or printed as a reminder)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.feedback.dialogs import NotReportedDialog, ReturnsDialog, SendDialog
from taskmatrix.gui.i18n import describe
from taskmatrix.gui.printing.dialog import PrintController
from taskmatrix.gui.settings import LAST_FOLDER, Settings
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.worker import run_here_with_progress
from taskmatrix.io.errors import Cancelled, PlanFormatError
from taskmatrix.io.feedback.receive import ReturnFile, load_returns, return_paths
from taskmatrix.model.feedback import LEAD, accepted_entries, assignments, expected_units, not_reported, reporting_units
from taskmatrix.model.rounds import Round, find_round


class FeedbackController(QObject):
    BINDINGS = {ActionId.SEND_ROUND: "send_round", ActionId.RECEIVE_RETURNS: "receive_returns",
                ActionId.NOT_REPORTED: "show_not_reported"}

    message = Signal(str)

    def __init__(self, document: PlanDocument, state: ViewState, printing: PrintController, settings: Settings,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.state = state
        self.printing = printing
        self.settings = settings
        self.window = parent

    def exec_dialog(self, dialog: QDialog) -> int:
        """Run a dialog (tests replace this to answer it)."""
        return dialog.exec()

    def _round(self) -> Round | None:
        plan = self.document.plan
        found = find_round(plan, self.state.round) or (plan.rounds[-1] if plan.rounds else None)
        if found is None:
            QMessageBox.information(self.window, self.tr("Progress"),
                                    self.tr("The plan has no reporting round yet: add one first (Progress → New "
                                            "Reporting Round)."))
        return found

    # -- send -------------------------------------------------------------------------------------
    def send_round(self, folder: Path | None = None) -> bool:
        round_ = self._round()
        if round_ is None:
            return False
        plan = self.document.plan
        units = []
        for unit in expected_units(plan):
            rows = assignments(plan, unit)
            units.append((unit, sum(a.role == LEAD for a in rows), sum(a.role != LEAD for a in rows)))
        base = Path(self.settings.get(LAST_FOLDER) or Path.home())
        dialog = SendDialog(plan, round_.name, units, str(folder or base / f"{round_.name}填报表"), self.window)
        if not self.exec_dialog(dialog):
            return False
        chosen, target = dialog.chosen_units(), Path(dialog.folder.text().strip() or ".")
        if not chosen:
            return False
        from taskmatrix.io.feedback.send import send_round

        try:
            sent = run_here_with_progress(self.window, self.tr("Writing the units' workbooks…"),
                                          lambda progress: send_round(plan, round_, target, chosen, None, progress))
            self._notices(round_, sent, target)
        except Cancelled:
            self.message.emit(self.tr("Sending cancelled; the workbooks written so far are in {folder}.").format(
                folder=target))
            return False
        except (PlanFormatError, OSError) as exc:
            text = describe(exc) if isinstance(exc, PlanFormatError) else str(exc)
            QMessageBox.critical(self.window, self.tr("Cannot Write the Workbooks"), text)
            return False
        self.message.emit(self.tr("Wrote {count} workbook(s) for {round} into {folder}").format(
            count=len(sent), round=round_.name, folder=target))
        return True

    def _notices(self, round_: Round, sent: list, folder: Path) -> None:
        from taskmatrix.sheets.feedback_command import NOTICES, write_notices

        fonts = self.printing.fonts()  # says so when no Chinese font is installed
        if fonts is not None:
            write_notices(self.document.plan, round_, sent, folder / NOTICES, fonts)

    # -- receive ----------------------------------------------------------------------------------
    def receive_returns(self, paths: list[Path] | None = None) -> bool:
        if not self.document.plan.rounds:
            return self._round() is not None
        if paths is None:
            folder = self.settings.get(LAST_FOLDER) or str(Path.home())
            chosen, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import Returned Workbooks"), folder,
                                                     self.tr("Returned workbooks (*.xlsx *.xlsm *.et)"))
            if not chosen:
                return False
            paths = [Path(p) for p in chosen]
        files, refused = load_returns(self.document.plan, return_paths(paths), None, _dt.date.today())
        dialog = ReturnsDialog(files, refused, self.window)
        if not self.exec_dialog(dialog):
            return False
        return self.merge(files)

    def merge(self, files: list[ReturnFile]) -> bool:
        reports = [(task, f.identity.round, entry) for f in files for task, entry in accepted_entries(f.changes)]
        if not reports:
            self.message.emit(self.tr("Nothing was imported."))
            return False
        label = self.tr("Import {count} report(s) from {files} file(s)").format(count=len(reports), files=len(files))
        done = self.document.merge_reports(reports, label)
        if done:
            self.message.emit(self.tr("Imported {count} report(s) from {files} file(s)").format(
                count=len(reports), files=len(files)))
        return done

    # -- not reported -----------------------------------------------------------------------------
    def show_not_reported(self) -> bool:
        round_ = self._round()
        if round_ is None:
            return False
        plan = self.document.plan
        outstanding = not_reported(plan, round_.name)
        expected = len(reporting_units(plan))
        dialog = NotReportedDialog(round_.name, outstanding, expected, self.window)
        dialog.on_export(lambda: self.export_not_reported(round_, None))
        dialog.on_print(lambda: self.print_reminder(round_))
        self.exec_dialog(dialog)
        return True

    def reminder_rows(self, round_: Round) -> list[list[str]]:
        return [[str(i), o.unit, str(o.lead), str(o.participant)]
                for i, o in enumerate(not_reported(self.document.plan, round_.name), 1)]

    def export_not_reported(self, round_: Round, path: Path | None) -> bool:
        if path is None:
            folder = Path(self.settings.get(LAST_FOLDER) or Path.home())
            chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export Units Not Reported"),
                                                    str(folder / f"{round_.name}未报送单位.xlsx"),
                                                    self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not chosen:
                return False
            path = Path(chosen)
        from taskmatrix.io.tablefiles import write_table_csv, write_table_xlsx

        headers = ["序号", "单位", "牵头任务", "参与任务"]
        rows = self.reminder_rows(round_)
        try:
            if path.suffix.lower() == ".csv":
                write_table_csv(path, headers, rows)
            else:
                path = path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
                write_table_xlsx(path, "未报送单位", f"{round_.name}未报送单位", f"未报送 {len(rows)} 家", headers,
                                 [6, 30, 10, 10], rows)
        except PlanFormatError as exc:
            QMessageBox.critical(self.window, self.tr("Cannot Save"), describe(exc))
            return False
        self.message.emit(self.tr("Saved {path}").format(path=path))
        return True

    def print_reminder(self, round_: Round) -> bool:
        from taskmatrix.sheets.notices import reminder

        plan = self.document.plan
        sheet = reminder(plan, round_, not_reported(plan, round_.name), len(reporting_units(plan)))
        return self.printing.preview([sheet])
