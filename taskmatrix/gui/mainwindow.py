"""The main window: filter bar and task table in the middle, docks for units, cities and
the task editor, menus and a toolbar built from the declared actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from taskmatrix.gui.actions import ActionId, create_actions
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.document.files import FileController
from taskmatrix.gui.document.recovery import RecoveryManager
from taskmatrix.gui.editing.actions import EditActions
from taskmatrix.gui.editing.editor import TaskEditor
from taskmatrix.gui.printing.dialog import PrintController
from taskmatrix.gui.settings import GEOMETRY, HEADER_STATE, LANGUAGE, RECENT_FILES, WINDOW_STATE, Settings
from taskmatrix.gui.table.filterbar import FilterBar
from taskmatrix.gui.table.proxy import TaskProxyModel
from taskmatrix.gui.table.view import TaskTableView
from taskmatrix.gui.units.docks import CitiesDock, UnitsDock
from taskmatrix.model.edits import EditError
from taskmatrix.model.filters import FilterSpec
from taskmatrix.model.plan import Task

APP_NAME = "Task Matrix"
WARM_SLICE = 3000
#: Characters of the plan's title shown in the window title.
TITLE_CHARS = 40


class MainWindow(QMainWindow):
    """The application window over one :class:`PlanDocument`."""

    def __init__(self, document: PlanDocument, settings: Settings, parent: Any = None,
                 language: str | None = None) -> None:
        super().__init__(parent)
        #: The language the interface runs in (``--lang`` or the setting).
        self.language = language or settings.get(LANGUAGE)
        self.setObjectName("mainWindow")
        self.document = document
        self.settings = settings
        self.actions_ = create_actions(self)
        self.files = FileController(self, document, settings)
        self.printing = PrintController(self, settings)
        self.edits = EditActions(self)
        #: Autosave and crash recovery (set by the application; tests may leave it out).
        self.recovery: RecoveryManager | None = None
        self.proxy = TaskProxyModel(document.model, self)
        self.filter_bar = FilterBar(self.actions_[ActionId.CLEAR_FILTERS], self)
        self.table = TaskTableView(self.proxy, self)
        self.units_dock = UnitsDock(document.model, self)
        self.cities_dock = CitiesDock(document.model, self)
        self.editor = TaskEditor(document.model, self)
        self.path_label = QLabel(self)
        # The status bar's messages need room at 1366 px: the path is cut in the middle.
        self.path_label.setMaximumWidth(self.fontMetrics().horizontalAdvance("中") * 18)
        self.count_label = QLabel(self)
        self.setAcceptDrops(True)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.units_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.cities_dock)
        self.tabifyDockWidget(self.units_dock, self.cities_dock)
        self.units_dock.raise_()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.editor)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.path_label)
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.timeout.connect(self._warm_index)
        self._build_menus()
        self._connect()
        self._plan_replaced()
        self.resize(1366, 768)
        self.resizeDocks([self.units_dock, self.editor], [300, 400], Qt.Orientation.Horizontal)

    # -- building -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.actions_
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(a[ActionId.OPEN])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        file_menu.addAction(a[ActionId.OPEN_DEFAULT])
        file_menu.addSeparator()
        for action_id in (ActionId.SAVE, ActionId.SAVE_AS, ActionId.EXPORT_JSON, ActionId.EXPORT_CSV):
            file_menu.addAction(a[action_id])
        file_menu.addSeparator()
        self.print_menu = file_menu.addMenu(self.tr("&Print Assignment Sheets"))
        for action_id in (ActionId.PRINT_UNIT, ActionId.PRINT_CITY, ActionId.PRINT_FILTER, ActionId.PRINT_ALL_UNITS,
                          ActionId.PRINT_ALL_CITIES):
            self.print_menu.addAction(a[action_id])
        self.print_menu.addSeparator()
        self.print_menu.addAction(a[ActionId.PAGE_SETUP])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.PLAN_PROPERTIES])
        file_menu.addAction(a[ActionId.IMPORT_REPORT])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.QUIT])

        edit_menu = bar.addMenu(self.tr("&Edit"))
        _fill(edit_menu, a, (ActionId.UNDO, ActionId.REDO, None, ActionId.ADD_TASK, ActionId.DUPLICATE_TASK,
                             ActionId.DELETE_TASKS, ActionId.MOVE_UP, ActionId.MOVE_DOWN, ActionId.RENUMBER, None,
                             ActionId.ADD_SECTION, ActionId.RENAME_SECTION, None, ActionId.MANAGE_UNITS))

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(a[ActionId.FIND])
        view_menu.addAction(a[ActionId.CLEAR_FILTERS])
        view_menu.addSeparator()
        for dock in (self.units_dock, self.cities_dock, self.editor):
            view_menu.addAction(dock.toggleViewAction())
        language = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for action_id, code in ((ActionId.LANGUAGE_ZH, "zh_CN"), (ActionId.LANGUAGE_EN, "en")):
            action = a[action_id]
            action.setData(code)
            action.setChecked(self.language.startswith(code[:2]))
            group.addAction(action)
            language.addAction(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(a[ActionId.ABOUT])

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        _fill(toolbar, a, (ActionId.OPEN, ActionId.SAVE, None, ActionId.UNDO, ActionId.REDO, None, ActionId.ADD_TASK,
                           ActionId.DELETE_TASKS, ActionId.MOVE_UP, ActionId.MOVE_DOWN, None, ActionId.PRINT_UNIT))
        # Keys that also mean something in text fields act on the table only.
        for action_id in (ActionId.DELETE_TASKS, ActionId.MOVE_UP, ActionId.MOVE_DOWN):
            a[action_id].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(a[action_id])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _connect(self) -> None:
        a, doc = self.actions_, self.document
        stack = doc.undo_stack
        a[ActionId.UNDO].triggered.connect(stack.undo)
        a[ActionId.REDO].triggered.connect(stack.redo)
        stack.canUndoChanged.connect(a[ActionId.UNDO].setEnabled)
        stack.canRedoChanged.connect(a[ActionId.REDO].setEnabled)
        a[ActionId.UNDO].setEnabled(False)
        a[ActionId.REDO].setEnabled(False)
        a[ActionId.OPEN].triggered.connect(self.files.open_dialog)
        a[ActionId.OPEN_DEFAULT].triggered.connect(self.open_default)
        a[ActionId.SAVE].triggered.connect(self.files.save)
        a[ActionId.SAVE_AS].triggered.connect(self.files.save_as)
        a[ActionId.EXPORT_JSON].triggered.connect(lambda: self.files.export(".json"))
        a[ActionId.EXPORT_CSV].triggered.connect(lambda: self.files.export(".csv"))
        a[ActionId.PLAN_PROPERTIES].triggered.connect(self.edits.edit_plan_text)
        a[ActionId.IMPORT_REPORT].triggered.connect(self.files.show_report)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.FIND].triggered.connect(self.filter_bar.focus_search)
        a[ActionId.CLEAR_FILTERS].triggered.connect(self.filter_bar.clear_all)
        a[ActionId.ADD_TASK].triggered.connect(self.edits.add_task)
        a[ActionId.DUPLICATE_TASK].triggered.connect(self.edits.duplicate_tasks)
        a[ActionId.DELETE_TASKS].triggered.connect(self.edits.delete_tasks)
        a[ActionId.MOVE_UP].triggered.connect(lambda: self.edits.move_task(-1))
        a[ActionId.MOVE_DOWN].triggered.connect(lambda: self.edits.move_task(1))
        a[ActionId.RENUMBER].triggered.connect(doc.renumber)
        a[ActionId.ADD_SECTION].triggered.connect(self.edits.add_section)
        a[ActionId.RENAME_SECTION].triggered.connect(self.edits.rename_section)
        a[ActionId.MANAGE_UNITS].triggered.connect(self.edits.manage_units)
        a[ActionId.PRINT_UNIT].triggered.connect(self.printing.print_unit)
        a[ActionId.PRINT_CITY].triggered.connect(self.printing.print_city)
        a[ActionId.PRINT_FILTER].triggered.connect(self.printing.print_filter)
        a[ActionId.PRINT_ALL_UNITS].triggered.connect(self.printing.print_all_units)
        a[ActionId.PRINT_ALL_CITIES].triggered.connect(self.printing.print_all_cities)
        a[ActionId.PAGE_SETUP].triggered.connect(self.printing.page_setup)
        a[ActionId.LANGUAGE_ZH].triggered.connect(lambda: self.set_language("zh_CN"))
        a[ActionId.LANGUAGE_EN].triggered.connect(lambda: self.set_language("en"))
        a[ActionId.ABOUT].triggered.connect(self.about)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

        doc.modifiedChanged.connect(self._update_title)
        doc.pathChanged.connect(self._update_title)
        doc.planReplaced.connect(self._plan_replaced)
        doc.propertiesChanged.connect(self._update_title)
        doc.model.sectionsChanged.connect(self._sections_changed)
        doc.model.unitsChanged.connect(self._units_changed)
        doc.model.rowsInserted.connect(self._update_counts)
        doc.model.rowsRemoved.connect(self._update_counts)
        self.filter_bar.specChanged.connect(self._filter_changed)
        self.proxy.countChanged.connect(self._count_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.units_dock.chosen.connect(lambda name: self.filter_bar.set_unit(name))
        self.cities_dock.chosen.connect(lambda name: self.filter_bar.set_city(name))
        self.units_dock.taskActivated.connect(self.show_task)
        self.cities_dock.taskActivated.connect(self.show_task)
        self.editor.editRequested.connect(self._edit_requested)
        self.files.message.connect(lambda text: self.statusBar().showMessage(text, 10000))

    # -- state ----------------------------------------------------------------------------
    def _plan_replaced(self) -> None:
        plan = self.document.plan
        self.filter_bar.set_plan(plan, self._units_used())
        self.filter_bar.clear_all()
        self.proxy.set_filter(FilterSpec())
        self._count_changed(self.proxy.rowCount(), len(plan.tasks))  # shown from the start
        self.units_dock.choose("")
        self.cities_dock.choose("")
        self.table.restore_header(self.settings.get(HEADER_STATE))
        self._update_title()
        self._update_counts()
        self._selection_changed()
        # Search texts are made after the first paint, a slice at a time, so the first
        # keystroke finds them ready and no slice holds up the window.
        self._warm_timer.start(250)

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
            tasks=len(plan.tasks), sections=len(plan.sections),
            units=len(self._units_used())))

    def _units_used(self) -> list[str]:
        return self.document.model.index_.units_used()

    def _sections_changed(self) -> None:
        self.filter_bar.set_plan(self.document.plan, self._units_used())

    def _units_changed(self) -> None:
        self.filter_bar.set_units(self.document.plan, self._units_used())
        QTimer.singleShot(0, self._update_counts)

    def _filter_changed(self, spec: FilterSpec) -> None:
        self.proxy.set_filter(spec)
        if spec.unit != self.units_dock.current:
            self.units_dock.choose(spec.unit)
        if spec.city != self.cities_dock.current:
            self.cities_dock.choose(spec.city)

    def _count_changed(self, visible: int, total: int) -> None:
        self.filter_bar.set_count(visible, total)

    def _selection_changed(self, *args: Any) -> None:
        task = self.table.current_task()
        self.editor.set_task(task)
        has = bool(self.table.selected_tasks())
        for action_id in (ActionId.DUPLICATE_TASK, ActionId.DELETE_TASKS, ActionId.MOVE_UP, ActionId.MOVE_DOWN):
            self.actions_[action_id].setEnabled(has)

    # -- actions --------------------------------------------------------------------------
    def show_task(self, task: Task) -> None:
        if not self.table.select_task(task):
            self.filter_bar.set_spec(FilterSpec(unit=self.filter_bar.spec.unit, role=self.filter_bar.spec.role,
                                                city=self.filter_bar.spec.city))
            if not self.table.select_task(task):
                self.filter_bar.clear_all()
                self.table.select_task(task)

    def _edit_requested(self, task: Task, key: str, value: Any) -> None:
        try:
            row = self.document.model.row_of(task)
            value = self.document.model.parse_input(key, value)
            if value is None and key != "section":
                raise EditError(self.tr("That value cannot be used here."))
            self.document.edit_field(row, key, value)
        except EditError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            self.editor.refresh()

    def open_default(self) -> None:
        if not self.files.confirm_discard():
            return
        from taskmatrix.io.defaults import load_default_plan
        from taskmatrix.io.report import build_report

        result = load_default_plan()
        self.document.replace_plan(result.plan, None)
        self.document.report = build_report(result)

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
        a = self.actions_
        menu = QMenu(self)
        _fill(menu, a, (ActionId.ADD_TASK, ActionId.DUPLICATE_TASK, ActionId.DELETE_TASKS, None, ActionId.MOVE_UP,
                        ActionId.MOVE_DOWN, ActionId.RENUMBER, None, ActionId.RENAME_SECTION, ActionId.MANAGE_UNITS))
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
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is not None:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.files.open_path(path))

    @staticmethod
    def _dropped_path(event: Any) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        # Any local file: what cannot be read (a .doc, say) gets the reader's message.
        for url in urls:
            if url.isLocalFile() and Path(url.toLocalFile()).is_file():
                return Path(url.toLocalFile())
        return None


def _fill(target: QMenu | QToolBar, actions: dict[ActionId, QAction], ids: tuple[ActionId | None, ...]) -> None:
    """Add the actions named by ``ids`` to a menu or toolbar; ``None`` is a separator."""
    for action_id in ids:
        if action_id is None:
            target.addSeparator()
        else:
            target.addAction(actions[action_id])
