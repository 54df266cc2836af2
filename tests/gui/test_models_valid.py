"""Every item model of the GUI passes the model tester, filled with the seed plan (and again
after an edit); a new model class must be added here to be allowed at all."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from PySide6.QtCore import QAbstractItemModel

import taskmatrix.gui
from taskmatrix.gui.document.model import TaskTableModel
from taskmatrix.gui.state import ViewState
from taskmatrix.gui.table.proxy import TaskProxyModel
from taskmatrix.gui.units.models import CityTableModel, TaskListModel, UnitTreeModel
from taskmatrix.gui.units.unitlist import UnitListModel
from taskmatrix.model.filters import FilterSpec


def _table(plan):
    return TaskTableModel(plan)


def _proxy(plan):
    state = ViewState()
    proxy = TaskProxyModel(TaskTableModel(plan), state=state)
    state.set_spec(FilterSpec(unit="省科技厅"))
    proxy.sort(2)
    return proxy


def _units(plan):
    model = UnitTreeModel()
    model.refresh(plan)
    return model


def _cities(plan):
    model = CityTableModel()
    model.refresh(plan)
    return model


def _tasks(plan):
    model = TaskListModel()
    model.set_tasks([(t, "lead") for t in plan.tasks[:30]])
    return model


def _unit_list(plan):
    model = UnitListModel()
    model.registry = plan.registry
    model.setStringList(["省科技厅", "某研究院"])
    return model


def _checks(plan):
    from taskmatrix.gui.checks.model import ChecksModel

    plan.tasks[0].leads = []  # a finding or two beyond the seed's own
    model = ChecksModel(TaskTableModel(plan), ViewState())
    model.set_hidden("empty_body", True)
    return model


def _indicators(plan):
    from taskmatrix.gui.document.document import PlanDocument
    from taskmatrix.gui.indicators.model import IndicatorsModel

    return IndicatorsModel(PlanDocument(plan), ViewState())


def _stat_table(plan):
    from taskmatrix.gui.stats.view import StatTableModel
    from taskmatrix.model.stats import statistics

    return StatTableModel(statistics(plan)[0])


def _stat_proxy(plan):
    from taskmatrix.gui.stats.view import StatProxy

    proxy = StatProxy()
    proxy.setSourceModel(_stat_table(plan))
    proxy.sort(1)
    return proxy


def _factories():
    from taskmatrix.gui.checks.model import ChecksModel
    from taskmatrix.gui.indicators.model import IndicatorsModel
    from taskmatrix.gui.stats.view import StatProxy, StatTableModel

    return {TaskTableModel: _table, TaskProxyModel: _proxy, UnitTreeModel: _units, CityTableModel: _cities,
            TaskListModel: _tasks, UnitListModel: _unit_list, ChecksModel: _checks, IndicatorsModel: _indicators,
            StatTableModel: _stat_table, StatProxy: _stat_proxy}


FACTORIES = _factories()


def _gui_model_classes() -> set[type]:
    for info in pkgutil.walk_packages(taskmatrix.gui.__path__, "taskmatrix.gui."):
        importlib.import_module(info.name)
    found: set[type] = set()
    todo = [QAbstractItemModel]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("taskmatrix.gui"):
                found.add(sub)
    return found


def test_every_item_model_of_the_gui_is_checked():
    assert _gui_model_classes() == set(FACTORIES)


@pytest.mark.parametrize("cls", list(FACTORIES), ids=lambda c: c.__name__)
def test_item_model_passes_the_model_tester(cls, seed_plan, valid_model):
    model = valid_model(FACTORIES[cls](seed_plan))
    if isinstance(model, (TaskTableModel, TaskProxyModel)):
        table = model if isinstance(model, TaskTableModel) else model.table()
        table.set_field(0, "leads", ["省科技厅", "省教育厅"])  # an edit while the tester watches
        copy = table.task(0).copy()
        copy.number = table.plan.next_task_number()
        table.insert_task(1, copy)
        table.remove_task(1)
