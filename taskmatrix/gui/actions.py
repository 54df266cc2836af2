"""Every user action declared once: an id, its text, shortcut and icon; one factory makes them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle

from taskmatrix.model.fields import QT_TRANSLATE_NOOP

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
