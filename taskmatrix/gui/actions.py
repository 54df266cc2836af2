"""Every user action declared once: an id, its text, shortcut and icon; one factory makes them.
Where they are placed is declared here too (the menu bar, the toolbar, the table's context
menu); each controller binds its own actions (its ``BINDINGS``: action id -> method name)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QToolBar

from taskmatrix.model.translate import QT_TRANSLATE_NOOP

CONTEXT = "Actions"
Key = QKeySequence.StandardKey
Icon = QStyle.StandardPixmap


class ActionId(Enum):
    OPEN = auto()
    SAVE = auto()
    SAVE_AS = auto()
    EXPORT_JSON = auto()
    EXPORT_CSV = auto()
    OPEN_DEFAULT = auto()
    PLAN_PROPERTIES = auto()
    IMPORT_REPORT = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    CLEAR_FILTERS = auto()
    ADD_TASK = auto()
    DUPLICATE_TASK = auto()
    DELETE_TASKS = auto()
    MOVE_UP = auto()
    MOVE_DOWN = auto()
    RENUMBER = auto()
    ADD_SECTION = auto()
    RENAME_SECTION = auto()
    MANAGE_UNITS = auto()
    PRINT_UNIT = auto()
    PRINT_CITY = auto()
    PRINT_FILTER = auto()
    PRINT_ALL_UNITS = auto()
    PRINT_ALL_CITIES = auto()
    PAGE_SETUP = auto()
    NEW_ROUND = auto()
    EDIT_ROUND = auto()
    DELETE_ROUND = auto()
    CORRECT_DEADLINE = auto()
    PROGRESS_SETTINGS = auto()
    PRINT_PROGRESS = auto()
    PRINT_UNIT_PROGRESS = auto()
    SEND_ROUND = auto()
    RECEIVE_RETURNS = auto()
    NOT_REPORTED = auto()
    SHOW_CHECKS = auto()
    EXPORT_FINDINGS = auto()
    PRINT_FINDINGS = auto()
    SHOW_INDICATORS = auto()
    REREAD_INDICATORS = auto()
    SHOW_STATISTICS = auto()
    LANGUAGE_ZH = auto()
    LANGUAGE_EN = auto()
    ABOUT = auto()


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: Key | str | None = None
    icon: Icon | None = None
    tip: str = ""
    checkable: bool = False


ACTIONS: dict[ActionId, ActionSpec] = {
    ActionId.OPEN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Open…"), Key.Open, Icon.SP_DialogOpenButton),
    ActionId.SAVE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Save"), Key.Save, Icon.SP_DialogSaveButton),
    ActionId.SAVE_AS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Save &As…"), Key.SaveAs),
    ActionId.EXPORT_JSON: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Export as &JSON…")),
    ActionId.EXPORT_CSV: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Export as &CSV…")),
    ActionId.OPEN_DEFAULT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Open the &Built-in Plan")),
    ActionId.PLAN_PROPERTIES: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Plan &Title and Preamble…")),
    ActionId.IMPORT_REPORT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Import Report…")),
    ActionId.QUIT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Quit"), Key.Quit),
    ActionId.UNDO: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Undo"), Key.Undo, Icon.SP_ArrowBack),
    ActionId.REDO: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Redo"), "Ctrl+Y", Icon.SP_ArrowForward),
    ActionId.FIND: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Find"), Key.Find),
    ActionId.CLEAR_FILTERS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Clear All Filters"), "Ctrl+Shift+L",
                                       Icon.SP_DialogResetButton),
    ActionId.ADD_TASK: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&New Task"), Key.New, Icon.SP_FileIcon),
    ActionId.DUPLICATE_TASK: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Dup&licate Task"), "Ctrl+D"),
    ActionId.DELETE_TASKS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Delete Tasks"), Key.Delete,
                                      Icon.SP_TrashIcon),
    ActionId.MOVE_UP: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Move U&p"), "Ctrl+Up", Icon.SP_ArrowUp),
    ActionId.MOVE_DOWN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Move Do&wn"), "Ctrl+Down", Icon.SP_ArrowDown),
    ActionId.RENUMBER: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Renum&ber Tasks")),
    ActionId.ADD_SECTION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Add &Section…")),
    ActionId.RENAME_SECTION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Renam&e Section…")),
    ActionId.MANAGE_UNITS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Manage Units…"), "Ctrl+U"),
    ActionId.PRINT_UNIT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Print the Selected &Unit's Sheet…"), Key.Print,
                                    Icon.SP_FileDialogDetailedView),
    ActionId.PRINT_CITY: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Print the Selected &City's Sheet…")),
    ActionId.PRINT_FILTER: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Print the Current &Filter…")),
    ActionId.PRINT_ALL_UNITS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Print &Every Unit's Sheet…")),
    ActionId.PRINT_ALL_CITIES: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Print Every C&ity's Sheet…")),
    ActionId.PAGE_SETUP: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Pa&ge Setup…")),
    ActionId.NEW_ROUND: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&New Reporting Round…"), "Ctrl+Shift+N"),
    ActionId.EDIT_ROUND: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Edit the Round…")),
    ActionId.DELETE_ROUND: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Delete the Round…")),
    ActionId.CORRECT_DEADLINE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Correct the Dead&line…")),
    ActionId.PROGRESS_SETTINGS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Lights and &Statuses…")),
    ActionId.SEND_ROUND: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Send Workbooks to the &Units…")),
    ActionId.RECEIVE_RETURNS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Import Returned Workbooks…")),
    ActionId.NOT_REPORTED: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Units Not Rep&orted…")),
    ActionId.PRINT_PROGRESS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Print the Round's &Progress Report…")),
    ActionId.PRINT_UNIT_PROGRESS: ActionSpec(QT_TRANSLATE_NOOP("Actions",
                                                               "Print the Selected Unit's Progress &Report…")),
    ActionId.SHOW_CHECKS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Consistency Checks"), "F7"),
    ActionId.EXPORT_FINDINGS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Export the Findings…")),
    ActionId.PRINT_FINDINGS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Print the Findings…")),
    ActionId.SHOW_INDICATORS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Indicators"), "F8"),
    ActionId.REREAD_INDICATORS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Read the Indicators Again from the Bodies")),
    ActionId.SHOW_STATISTICS: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Statistics…"), "F9"),
    ActionId.LANGUAGE_ZH: ActionSpec(QT_TRANSLATE_NOOP("Actions", "中文"), checkable=True),
    ActionId.LANGUAGE_EN: ActionSpec(QT_TRANSLATE_NOOP("Actions", "English"), checkable=True),
    ActionId.ABOUT: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&About Task Matrix")),
}


def create_actions(parent: QObject) -> dict[ActionId, QAction]:
    """One QAction per declared id, with its translated text, shortcut and icon."""
    style = QApplication.style()
    actions: dict[ActionId, QAction] = {}
    for action_id, spec in ACTIONS.items():
        action = QAction(QCoreApplication.translate(CONTEXT, spec.text), parent)
        action.setObjectName(action_id.name.lower())
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon is not None:
            action.setIcon(style.standardIcon(spec.icon))
        action.setCheckable(spec.checkable)
        actions[action_id] = action
    return actions


# -- where the actions are placed ---------------------------------------------------------------
#: Places filled at run time: the recent files (a menu of their own) and the docks' toggles.
RECENT = "recent"
DOCKS = "docks"
MENU_CONTEXT = "MainWindow"


@dataclass(frozen=True)
class Menu:
    """A menu: its title (translated in :data:`MENU_CONTEXT`), its items (action ids, menus,
    run-time places, ``None`` for a separator) and its object name."""

    title: str
    items: tuple[MenuItem, ...]
    name: str = ""


MenuItem = ActionId | Menu | str | None
A = ActionId

#: The menu bar. Every action is placed in it exactly once.
MENU_BAR: tuple[Menu, ...] = (
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&File"), (
        A.OPEN, RECENT, A.OPEN_DEFAULT, None, A.SAVE, A.SAVE_AS, A.EXPORT_JSON, A.EXPORT_CSV, None,
        Menu(QT_TRANSLATE_NOOP("MainWindow", "&Print Assignment Sheets"), (
            A.PRINT_UNIT, A.PRINT_CITY, A.PRINT_FILTER, A.PRINT_ALL_UNITS, A.PRINT_ALL_CITIES, None, A.PAGE_SETUP),
            "printMenu"),
        None, A.PLAN_PROPERTIES, A.IMPORT_REPORT, None, A.QUIT), "fileMenu"),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&Edit"), (
        A.UNDO, A.REDO, None, A.ADD_TASK, A.DUPLICATE_TASK, A.DELETE_TASKS, A.MOVE_UP, A.MOVE_DOWN, A.RENUMBER,
        None, A.ADD_SECTION, A.RENAME_SECTION, None, A.MANAGE_UNITS), "editMenu"),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&Progress"), (
        A.NEW_ROUND, A.EDIT_ROUND, A.DELETE_ROUND, None, A.CORRECT_DEADLINE, A.PROGRESS_SETTINGS, None,
        A.SEND_ROUND, A.RECEIVE_RETURNS, A.NOT_REPORTED, None, A.PRINT_PROGRESS, A.PRINT_UNIT_PROGRESS),
        "progressMenu"),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&Analysis"), (
        A.SHOW_CHECKS, A.EXPORT_FINDINGS, A.PRINT_FINDINGS, None, A.SHOW_INDICATORS, A.REREAD_INDICATORS, None,
        A.SHOW_STATISTICS), "analysisMenu"),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&View"), (
        A.FIND, A.CLEAR_FILTERS, None, DOCKS,
        Menu(QT_TRANSLATE_NOOP("MainWindow", "&Language"), (A.LANGUAGE_ZH, A.LANGUAGE_EN), "languageMenu")),
        "viewMenu"),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&Help"), (A.ABOUT,), "helpMenu"),
)
TOOLBAR: tuple[MenuItem, ...] = (
    A.OPEN, A.SAVE, None, A.UNDO, A.REDO, None, A.ADD_TASK, A.DELETE_TASKS, A.MOVE_UP, A.MOVE_DOWN, None,
    A.PRINT_UNIT)
TABLE_MENU: tuple[MenuItem, ...] = (
    A.ADD_TASK, A.DUPLICATE_TASK, A.DELETE_TASKS, None, A.MOVE_UP, A.MOVE_DOWN, A.RENUMBER, None,
    A.RENAME_SECTION, A.MANAGE_UNITS)
#: Keys that also mean something in text fields (Delete, Ctrl+Up): they act on the table only.
TABLE_KEYS: tuple[ActionId, ...] = (A.DELETE_TASKS, A.MOVE_UP, A.MOVE_DOWN)


def placed(items: tuple[MenuItem, ...]) -> list[ActionId]:
    """The action ids among ``items`` and their submenus, in order."""
    found: list[ActionId] = []
    for item in items:
        if isinstance(item, Menu):
            found += placed(item.items)
        elif isinstance(item, ActionId):
            found.append(item)
    return found


def fill(target: QMenu | QToolBar, actions: Mapping[ActionId, QAction], items: tuple[MenuItem, ...],
         places: Mapping[str, list[QAction] | QMenu] | None = None) -> None:
    """Put ``items`` into a menu or toolbar: actions, submenus (made here), separators, and the
    run-time ``places`` (a list of actions, or a menu)."""
    for item in items:
        if item is None:
            target.addSeparator()
        elif isinstance(item, ActionId):
            target.addAction(actions[item])
        elif isinstance(item, Menu):
            assert isinstance(target, QMenu)
            sub = target.addMenu(QCoreApplication.translate(MENU_CONTEXT, item.title))
            sub.setObjectName(item.name)
            fill(sub, actions, item.items, places)
        else:
            place = (places or {}).get(item)
            if isinstance(place, QMenu):
                assert isinstance(target, QMenu)
                target.addMenu(place)
            elif place is not None:
                for action in place:
                    target.addAction(action)


def bind(controller: QObject, actions: Mapping[ActionId, QAction], bindings: Mapping[ActionId, str]) -> None:
    """Connect each action named in ``bindings`` to the controller's method of that name."""
    for action_id, method in bindings.items():
        actions[action_id].triggered.connect(getattr(controller, method))
