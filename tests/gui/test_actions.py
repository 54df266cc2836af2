"""The declared actions: every one placed in the menu bar exactly once and bound exactly once
(to the controller that owns it); menus, toolbar and context menu built from the declarations."""

from __future__ import annotations

from collections import Counter

from taskmatrix.gui import actions as declared
from taskmatrix.gui.actions import ActionId


def test_every_action_is_placed_in_the_menu_bar_exactly_once():
    counts = Counter(declared.placed(tuple(declared.MENU_BAR)))
    assert set(counts) == set(ActionId)
    assert [a for a, n in counts.items() if n != 1] == []
    assert set(declared.placed(declared.TOOLBAR)) <= set(ActionId)
    assert set(declared.placed(declared.TABLE_MENU)) <= set(ActionId)


def test_every_action_is_bound_exactly_once(qtbot, document, settings, monkeypatch):
    from taskmatrix.gui.checks.dock import ChecksController
    from taskmatrix.gui.document.files import FileController
    from taskmatrix.gui.editing.actions import EditController
    from taskmatrix.gui.feedback.controller import FeedbackController
    from taskmatrix.gui.indicators.dock import IndicatorsController
    from taskmatrix.gui.mainwindow import MainWindow
    from taskmatrix.gui.printing.dialog import PrintController
    from taskmatrix.gui.progress.controller import RoundController
    from taskmatrix.gui.stats.view import StatsController
    from taskmatrix.gui.table.filterbar import FilterBar

    classes = (FileController, PrintController, EditController, RoundController, FeedbackController, ChecksController,
               IndicatorsController, StatsController, FilterBar, MainWindow)
    owners = Counter(a for cls in classes for a in cls.BINDINGS)
    assert set(owners) == set(ActionId) and set(owners.values()) == {1}
    calls: Counter = Counter()
    for cls in classes:  # each bound method counts its calls instead of acting
        for action_id, method in cls.BINDINGS.items():
            monkeypatch.setattr(cls, method, lambda *args, _id=action_id: calls.update([_id]), raising=False)
    window = MainWindow(document, settings)
    qtbot.addWidget(window)
    for action in window.actions_.values():
        action.setEnabled(True)
        action.trigger()
    assert calls == Counter(set(ActionId))  # every action reached its method, once


def test_the_menus_show_the_declared_actions_in_order(window):
    bar = window.menuBar()
    menus = [a.menu() for a in bar.actions()]
    assert [m.objectName() for m in menus] == [m.name for m in declared.MENU_BAR]
    edit = menus[1]
    names = [a.objectName() for a in edit.actions() if not a.isSeparator()]
    assert names == [i.name.lower() for i in declared.MENU_BAR[1].items if isinstance(i, ActionId)]
    view = next(m for m in menus if m.objectName() == "viewMenu")
    assert {a.text() for a in view.actions()} >= {window.units_dock.toggleViewAction().text()}
    toolbar = window.findChild(type(window.addToolBar("x")), "mainToolbar")
    assert [a.objectName() for a in toolbar.actions() if not a.isSeparator()] == [
        i.name.lower() for i in declared.TOOLBAR if isinstance(i, ActionId)]
