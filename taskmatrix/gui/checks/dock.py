"""The checks pane: every finding with its task, kind and message; a click shows the task in
the table. Kinds can be hidden (the Kinds menu, with their counts); the list is exported as
CSV and printed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.checks.model import ChecksModel, finding_message, kind_label
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.i18n import describe
from taskmatrix.gui.panes import TaskPane
from taskmatrix.gui.printing.dialog import PrintController
from taskmatrix.gui.settings import LAST_FOLDER, Settings
from taskmatrix.gui.state import ViewState
from taskmatrix.io.errors import PlanFormatError
from taskmatrix.model.checks import KINDS, Finding
from taskmatrix.sheets.content import Sheet, SheetTable

HEADERS = ["任务", "类别", "问题"]


class ChecksDock(TaskPane):
    """The findings (``taskActivated``: a finding's task was chosen)."""

    def __init__(self, model: ChecksModel, parent: Any = None) -> None:
        super().__init__(self.tr("Checks"), "checks", parent)
        self.model = model
        self.count_label = QLabel(self.body)
        self.count_label.setObjectName("checksCount")
        self.top_row.addWidget(self.count_label, 1)
        self.kinds_button = self.tool_button(self.tr("Kinds"))
        self.kinds_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kinds_menu = QMenu(self.kinds_button)
        self.kind_actions = {}
        for kind in KINDS:
            action = self.kinds_menu.addAction(kind_label(kind))
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda shown, k=kind: self.model.set_hidden(k, not shown))
            self.kind_actions[kind] = action
        self.kinds_button.setMenu(self.kinds_menu)
        self.export_button = self.tool_button(self.tr("Export…"), self.tr("Save the findings shown as a CSV file"))
        self.print_button = self.tool_button(self.tr("Print…"), self.tr("Print the findings shown"))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(ChecksModel.SortRole)
        self.view.setModel(self.proxy)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # task order
        self.view.setSortingEnabled(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        # Widths from the font, not from the contents: measuring 20,000 findings at every
        # change would cost more than the change.
        metrics = self.view.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("99999") + 24)
        header.resizeSection(1, max(metrics.horizontalAdvance(kind_label(k)) for k in KINDS) + 24)
        header.setStretchLastSection(True)
        self.view.clicked.connect(self._chosen)
        self.view.activated.connect(self._chosen)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        #: Called with a finding and a registered name to put in place of its unit (set by the controller).
        self.use_name: Callable[[Finding, str], object] | None = None
        model.countsChanged.connect(self._counts_changed)
        self._counts_changed()

    def _chosen(self, index: QModelIndex) -> None:
        finding = self.proxy.data(index, ChecksModel.FindingRole)
        task = self.model.task_of(finding) if finding is not None else None
        if task is not None:
            self.taskActivated.emit(task)

    def _context_menu(self, pos: Any) -> None:
        finding = self.proxy.data(self.view.indexAt(pos), ChecksModel.FindingRole)
        use = self.use_name
        if finding is None or not finding.suggestions or use is None:
            return
        menu = QMenu(self)
        for name in finding.suggestions:
            action = menu.addAction(self.tr("Use “{name}” for “{unit}” in task {number}").format(
                name=name, unit=finding.unit, number=finding.task))
            action.triggered.connect(lambda checked=False, n=name: use(finding, n))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _counts_changed(self) -> None:
        counts = self.model.counts()
        shown, total = self.model.rowCount(), sum(counts.values())
        text = self.tr("{count} findings").format(count=total) if shown == total else self.tr(
            "{shown} of {count} findings").format(shown=shown, count=total)
        self.count_label.setText(text if total else self.tr("No findings"))
        for kind, action in self.kind_actions.items():
            action.setText(f"{kind_label(kind)} ({counts[kind]})")


class ChecksController(QObject):
    """Show the pane, export and print the findings."""

    BINDINGS = {ActionId.SHOW_CHECKS: "show_checks", ActionId.EXPORT_FINDINGS: "export_findings",
                ActionId.PRINT_FINDINGS: "print_findings"}
    message = Signal(str)

    def __init__(self, document: PlanDocument, state: ViewState, printing: PrintController, settings: Settings,
                 place: Callable[[QDockWidget], None], window: QWidget) -> None:
        super().__init__(window)
        self.document, self.state, self.printing, self.settings, self.window = (
            document, state, printing, settings, window)
        self.place = place
        # Made when first asked for: the checks of a large plan are not worked out at start-up.
        self._model: ChecksModel | None = None
        self.dock: ChecksDock | None = None

    @property
    def model(self) -> ChecksModel:
        if self._model is None:
            self._model = ChecksModel(self.document.model, self.state, self)
        return self._model

    def show_checks(self) -> ChecksDock:
        self.model.update_now()
        if self.dock is None:
            self.dock = ChecksDock(self.model, self.window)
            self.dock.export_button.clicked.connect(lambda: self.export_findings())
            self.dock.print_button.clicked.connect(self.print_findings)
            self.dock.use_name = self.use_name
            self.place(self.dock)
        self.dock.show()
        self.dock.raise_()
        return self.dock

    def rows(self) -> list[list[str]]:
        self.model.update_now()
        return [[str(f.task), kind_label(f.kind), finding_message(f)] for f in self.model.findings()]

    def export_findings(self, path: Path | None = None) -> bool:
        if path is None:
            folder = Path(self.settings.get(LAST_FOLDER) or Path.home())
            chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export the Findings"),
                                                    str(folder / "检查结果.csv"), self.tr("CSV (*.csv)"))
            if not chosen:
                return False
            path = Path(chosen)
        from taskmatrix.io.tablefiles import write_table_csv

        path = path if path.suffix.lower() == ".csv" else path.with_suffix(".csv")
        try:
            write_table_csv(path, HEADERS, self.rows())
        except PlanFormatError as exc:
            QMessageBox.critical(self.window, self.tr("Cannot Save"), describe(exc))
            return False
        self.message.emit(self.tr("Saved {path}").format(path=path))
        return True

    def findings_sheet(self) -> Sheet:
        rows = self.rows()
        plan = self.document.plan
        return Sheet(name="检查结果", plan_title=plan.title, title="一致性检查结果", summary=f"共 {len(rows)} 项",
                     tables=[SheetTable("", (("任务", 8), ("类别", 34), ("问题", 58)), rows)],
                     sign_off=False)

    def print_findings(self) -> bool:
        return self.printing.preview([self.findings_sheet()])

    def use_name(self, finding: Finding, name: str) -> bool:
        """Put the registered ``name`` in place of a finding's unknown unit in its task (one
        undo step for the leads and the participants together)."""
        task = self.model.task_of(finding)
        if task is None or not finding.unit:
            return False
        stack = self.document.undo_stack
        stack.beginMacro(self.tr("Use “{name}” in task {number}").format(name=name, number=task.number))
        done = True
        try:
            for key in ("leads", "participants"):
                units = getattr(task, key)
                if finding.unit in units:
                    replaced = list(dict.fromkeys(name if u == finding.unit else u for u in units))
                    done = self.document.request_field(task, key, replaced) and done
        finally:
            stack.endMacro()
        self.model.update_now()
        return done
