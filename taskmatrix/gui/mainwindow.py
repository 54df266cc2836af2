"""The main window: a shell that lays out the panes (filter bar and task table in the middle,
docks for units, cities and the task editor; the checks and the indicators when asked for),
builds the menus and the toolbar from the declarations in :mod:`taskmatrix.gui.actions`, and
hands each controller its collaborators (the document, the view state, the settings), never
itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QVBoxLayout, QWidget

from taskmatrix.gui import actions as declared
from taskmatrix.gui.actions import ActionId, bind, create_actions, fill
from taskmatrix.gui.checks.dock import ChecksController
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.document.files import FileController
from taskmatrix.gui.document.recovery import RecoveryManager
from taskmatrix.gui.editing.actions import EditController
from taskmatrix.gui.editing.editor import TaskEditor
from taskmatrix.gui.feedback.controller import FeedbackController
from taskmatrix.gui.indicators.dock import IndicatorsController
from taskmatrix.gui.printing.dialog import PrintController
from taskmatrix.gui.progress.controller import RoundController
from taskmatrix.gui.progress.strip import RoundStrip
from taskmatrix.gui.settings import GEOMETRY, HEADER_STATE, LANGUAGE, RECENT_FILES, WINDOW_STATE, Settings
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.stats.view import StatsController
from taskmatrix.gui.table.filterbar import FilterBar
from taskmatrix.gui.table.proxy import TaskProxyModel
from taskmatrix.gui.table.view import TaskTableView
from taskmatrix.gui.timers import pause_timer
from taskmatrix.gui.units.docks import CitiesDock, UnitsDock
from taskmatrix.io.feedback.receive import looks_like_return, return_paths
from taskmatrix.model.plan import Task

APP_NAME = "Task Matrix"
WARM_SLICE = 3000
#: Characters of the plan's title shown in the window title.
TITLE_CHARS = 40
MESSAGE_MS = 10000


class MainWindow(QMainWindow):
    """The application window over one :class:`PlanDocument`."""

    BINDINGS = {ActionId.QUIT: "close", ActionId.ABOUT: "about", ActionId.LANGUAGE_ZH: "use_chinese",
                ActionId.LANGUAGE_EN: "use_english"}

    def __init__(self, document: PlanDocument, settings: Settings, parent: Any = None,
                 language: str | None = None) -> None:
        super().__init__(parent)
        #: The language the interface runs in (``--lang`` or the setting).
        self.language = language or settings.get(LANGUAGE)
        self.setObjectName("mainWindow")
        self.document = document
        self.settings = settings
        self.state = ViewState(self)
        self.actions_ = create_actions(self)
        a = self.actions_
        #: Autosave and crash recovery (set by the application; tests may leave it out).
        self.recovery: RecoveryManager | None = None
        self.proxy = TaskProxyModel(document.model, self, self.state)
        self.filter_bar = FilterBar(self.state, a[ActionId.CLEAR_FILTERS], self)
        self.table = TaskTableView(self.proxy, self)
        self.units_dock = UnitsDock(document.model, self.state, self)
        self.cities_dock = CitiesDock(document.model, self.state, self)
        self.editor = TaskEditor(document.model, self)
        self.files = FileController(self, document, settings)
        self.printing = PrintController(document, self.state, self.proxy.visible_tasks, settings, self)
        self.edits = EditController(document, self.state, self.table, self.editor, a, self)
        self.rounds = RoundController(document, self.state, settings, self.table.current_task, self)
        self.feedback = FeedbackController(document, self.state, self.printing, settings, self)
        self.round_strip = RoundStrip(document.model, self.state, self.proxy.visible_tasks, self)
        self.checks = ChecksController(document, self.state, self.printing, settings, self._place_dock, self)
        self.indicators = IndicatorsController(document, self.state, self._place_dock, self)
        self.stats = StatsController(document, self.state, self.printing, settings, self)
        for controller in (self.files, self.printing, self.edits, self.rounds, self.feedback, self.checks,
                           self.indicators, self.stats, self.filter_bar, self):
            bind(controller, a, controller.BINDINGS)
        self._lay_out()
        self._build_menus()
        self._connect()
        self._plan_replaced()
        self.resize(1366, 768)
        self.resizeDocks([self.units_dock, self.editor], [300, 400], Qt.Orientation.Horizontal)

    # -- building -------------------------------------------------------------------------
    def _lay_out(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        self.filter_bar.round_layout.addWidget(self.round_strip, 1)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.units_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.cities_dock)
        self.tabifyDockWidget(self.units_dock, self.cities_dock)
        self.units_dock.raise_()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.editor)
        self.path_label = QLabel(self)
        # The status bar's messages need room at 1366 px: the path is cut in the middle.
        self.path_label.setMaximumWidth(self.fontMetrics().horizontalAdvance("中") * 18)
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.path_label)
        self.setAcceptDrops(True)
        self._warm_timer = pause_timer(self, self._warm_index)

    def _build_menus(self) -> None:
        a = self.actions_
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        docks = [d.toggleViewAction() for d in (self.units_dock, self.cities_dock, self.editor)]
        places: dict[str, Any] = {declared.RECENT: self.recent_menu, declared.DOCKS: docks}
        fill_bar = self.menuBar()
        for menu in declared.MENU_BAR:
            sub = fill_bar.addMenu(self.tr(menu.title))  # titles are declared in this context
            sub.setObjectName(menu.name)
            fill(sub, a, menu.items, places)
        group = QActionGroup(self)
        for action_id, code in ((ActionId.LANGUAGE_ZH, "zh_CN"), (ActionId.LANGUAGE_EN, "en")):
            a[action_id].setData(code)
            a[action_id].setChecked(self.language.startswith(code[:2]))
            group.addAction(a[action_id])
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        fill(toolbar, a, declared.TOOLBAR)
        for action_id in declared.TABLE_KEYS:
            a[action_id].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(a[action_id])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

    def _connect(self) -> None:
        doc = self.document
        doc.modifiedChanged.connect(self._update_title)
        doc.pathChanged.connect(self._update_title)
        doc.planReplaced.connect(self._plan_replaced)
        doc.propertiesChanged.connect(self._update_title)
        doc.refused.connect(lambda text: self.statusBar().showMessage(text, MESSAGE_MS))
        doc.model.sectionsChanged.connect(self._sections_changed)
        doc.model.unitsChanged.connect(self._units_changed)
        doc.model.roundsChanged.connect(lambda: self.filter_bar.set_rounds(self.document.plan))
        doc.model.roundsChanged.connect(self._reports_shown)
        self.state.changed.connect(self._reports_shown)
        doc.model.rowsInserted.connect(self._update_counts)
        doc.model.rowsRemoved.connect(self._update_counts)
        self.proxy.countChanged.connect(self.filter_bar.set_count)
        for dock in (self.units_dock, self.cities_dock):
            dock.taskActivated.connect(self.show_task)
        for controller in (self.files, self.printing, self.feedback, self.checks):
            controller.message.connect(lambda text: self.statusBar().showMessage(text, MESSAGE_MS))

    def _place_dock(self, dock: Any) -> None:
        """A pane made when first asked for (the checks, the indicators): under the table, its
        tasks shown in the table, its toggle in the View menu."""
        others = [d for d in (self.checks.dock, self.indicators.dock) if d is not None and d is not dock]
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        if others:
            self.tabifyDockWidget(others[0], dock)
        dock.taskActivated.connect(self.show_task)
        view_menu = self.menuBar().findChild(QMenu, "viewMenu")
        if view_menu is not None:
            view_menu.addAction(dock.toggleViewAction())

    # -- state ----------------------------------------------------------------------------
    def _plan_replaced(self) -> None:
        plan = self.document.plan
        self.filter_bar.set_plan(plan, self._units_used())
        self.state.clear()
        self.filter_bar.set_count(self.proxy.rowCount(), len(plan.tasks))  # shown from the start
        self.table.restore_header(self.settings.get(HEADER_STATE))
        self._reports_shown()
        self._update_title()
        self._update_counts()
        self.edits.selection_changed()
        # Search texts are made after the first paint, a slice at a time, so the first
        # keystroke finds them ready and no slice holds up the window.
        self._warm_timer.start(250)

    def _reports_shown(self, *args: object) -> None:
        self.table.show_reports(self.state.round)

    def _warm_index(self) -> None:
        if not self.document.model.index_.warm(limit=WARM_SLICE):
            self._warm_timer.start(0)

    def _update_title(self, *args: Any) -> None:
        doc = self.document
        title = doc.plan.title
        if len(title) > TITLE_CHARS:
            title = title[:TITLE_CHARS] + "…"
        parts = [p for p in (title, f"{doc.display_name()}[*]") if p]
        self.setWindowTitle(" — ".join([*parts, APP_NAME]))
        self.setWindowModified(doc.is_modified())
        path = str(doc.path) if doc.path else self.tr("Built-in plan (not saved yet)")
        self.path_label.setToolTip(path)
        self.path_label.setText(self.path_label.fontMetrics().elidedText(
            path, Qt.TextElideMode.ElideMiddle, self.path_label.maximumWidth()))

    def _update_counts(self, *args: Any) -> None:
        plan = self.document.plan
        self.count_label.setText(self.tr("{tasks} tasks · {sections} sections · {units} units").format(
            tasks=len(plan.tasks), sections=len(plan.sections), units=len(self._units_used())))

    def _units_used(self) -> list[str]:
        return self.document.model.index_.units_used()

    def _sections_changed(self) -> None:
        self.filter_bar.set_plan(self.document.plan, self._units_used())

    def _units_changed(self) -> None:
        self.filter_bar.set_units(self.document.plan, self._units_used())
        QTimer.singleShot(0, self._update_counts)

    # -- actions --------------------------------------------------------------------------
    def show_task(self, task: Task) -> None:
        self.table.reveal(task, self.state)

    def open_default(self) -> None:
        self.files.open_default()

    def use_chinese(self) -> None:
        self.set_language("zh_CN")

    def use_english(self) -> None:
        self.set_language("en")

    def set_language(self, code: str) -> None:
        """Remember the language for the next start (Qt cannot retranslate a running window)."""
        self.settings.set(LANGUAGE, code)
        if not self.language.startswith(code[:2]):
            QMessageBox.information(self, APP_NAME, self.tr(
                "The interface language changes the next time Task Matrix starts."))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Task Matrix"), self.tr(
            "<b>Task Matrix</b><p>Edit, filter, save and print a policy plan's task responsibility matrix "
            "(重点任务分工表).</p>"))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.get(RECENT_FILES):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda checked=False, p=path: self.files.open_path(Path(p)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        fill(menu, self.actions_, declared.TABLE_MENU)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # -- window events ----------------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = self.settings.get(GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)

    def save_layout(self) -> None:
        self.settings.set(GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        self.settings.set(HEADER_STATE, self.table.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.save_layout()
        if self.recovery is not None:
            self.recovery.close()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if not paths:
            return
        event.acceptProposedAction()
        # Units' returned workbooks (or a folder of them) are imported; any other file opens.
        returns = [p for p in return_paths(paths) if looks_like_return(p)]
        if returns:
            QTimer.singleShot(0, lambda: self.feedback.receive_returns(returns))
        elif paths[0].is_file():
            QTimer.singleShot(0, lambda: self.files.open_path(paths[0]))

    @staticmethod
    def _dropped_paths(event: Any) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        # Any local file: what cannot be read (a .doc, say) gets the reader's message.
        return [Path(url.toLocalFile()) for url in urls if url.isLocalFile() and Path(url.toLocalFile()).exists()]
