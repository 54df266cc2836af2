"""The filter-and-sort proxy on the seed: model-tester clean, filters narrow as expected,
sorting by numbers, selections kept, rows added while filtered stay visible."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from taskmatrix.gui.document.model import TaskRole, TaskTableModel
from taskmatrix.gui.table.proxy import TaskProxyModel
from taskmatrix.model.filters import ROLE_LEAD, FilterSpec
from taskmatrix.model.plan import Task


def shown(proxy):
    return [proxy.index(r, 0).data(TaskRole).number for r in range(proxy.rowCount())]


def make(seed_plan):
    table = TaskTableModel(seed_plan)
    return table, TaskProxyModel(table)


def test_model_tester_through_filters_sorts_and_edits(qtmodeltester, seed_plan):
    table, proxy = make(seed_plan)
    qtmodeltester.check(proxy)
    proxy.set_filter(FilterSpec(unit="省科技厅"))
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    table.set_field(table.row_of(seed_plan.task(6)), "status", "推进中")
    table.insert_task(0, Task(101, None, "新"))
    table.remove_task(table.row_of(seed_plan.task(8)))
    proxy.set_filter(FilterSpec(city="江门市"))
    table.set_plan(seed_plan)
    proxy.set_filter(FilterSpec())


def test_unit_as_lead_gives_its_lead_tasks(seed_plan):
    _, proxy = make(seed_plan)
    counts = []
    proxy.countChanged.connect(lambda visible, total: counts.append((visible, total)))
    proxy.set_filter(FilterSpec(unit="省科技厅", role=ROLE_LEAD))
    assert shown(proxy) == [6, 8, 10, 11, 12, 14, 15]
    assert counts[-1] == (7, 100)


def test_city_includes_tasks_through_its_group(seed_plan):
    _, proxy = make(seed_plan)
    proxy.set_filter(FilterSpec(city="江门市"))
    numbers = shown(proxy)
    assert 94 in numbers and 53 in numbers and 1 in numbers and 96 in numbers
    assert len(numbers) == 35


def test_text_section_and_status_filters(seed_plan):
    seed_plan.tasks[41].status = "已完成"
    _, proxy = make(seed_plan)
    proxy.set_filter(FilterSpec(text="生态环境 规划"))
    assert 42 in shown(proxy)
    proxy.set_filter(FilterSpec(section=5))
    assert shown(proxy) == list(range(42, 50))
    proxy.set_filter(FilterSpec(section=5, status="已完成"))
    assert shown(proxy) == [42]


def test_sorting_numbers_as_numbers_and_back_to_plan_order(seed_plan):
    table, proxy = make(seed_plan)
    proxy.sort(table.column_of("number"), Qt.SortOrder.DescendingOrder)
    assert shown(proxy)[:3] == [100, 99, 98]
    proxy.sort(table.column_of("number"), Qt.SortOrder.AscendingOrder)
    assert shown(proxy)[:3] == [1, 2, 3]  # not 1, 10, 100
    proxy.sort(-1)
    assert shown(proxy) == list(range(1, 101))


def test_selection_follows_its_task_through_filtering(qtbot, seed_plan):
    from PySide6.QtWidgets import QTableView

    _, proxy = make(seed_plan)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.selectionModel().setCurrentIndex(proxy.index(5, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
    assert view.currentIndex().data(TaskRole).number == 6
    proxy.set_filter(FilterSpec(unit="省科技厅", role=ROLE_LEAD))
    assert view.currentIndex().row() == 0 and view.currentIndex().data(TaskRole).number == 6
    assert view.verticalHeader().count() == 7
    proxy.set_filter(FilterSpec(unit="省教育厅", role=ROLE_LEAD))
    assert not view.currentIndex().isValid()


def test_a_task_added_under_a_filter_stays_visible_until_the_filter_changes(seed_plan):
    table, proxy = make(seed_plan)
    assert proxy.table() is table
    proxy.set_filter(FilterSpec(unit="省科技厅", role=ROLE_LEAD))
    table.insert_task(0, Task(101, 1, "新任务"))
    assert shown(proxy) == [101, 6, 8, 10, 11, 12, 14, 15]
    proxy.set_filter(FilterSpec(unit="省科技厅"))
    assert 101 not in shown(proxy)


def test_the_filter_applies_again_after_a_rename_and_its_undo(qapp, seed_plan):
    from taskmatrix.model import edits

    table, proxy = make(seed_plan)
    proxy.set_filter(FilterSpec(text="国家金融监督管理总局广东监管局"))
    assert shown(proxy) == []
    snapshot = table.change_units(lambda plan: edits.rename_unit(plan, "广东银保监局", "国家金融监督管理总局广东监管局"))
    qapp.processEvents()
    renamed = shown(proxy)
    assert len(renamed) > 5
    table.restore_units(snapshot)  # the undo
    qapp.processEvents()
    assert shown(proxy) == []  # the rows that no longer match are gone


def test_an_edited_task_stays_in_sight_until_the_filter_changes(qapp, seed_plan):
    seed_plan.task(6).status = "推进中"
    seed_plan.task(7).status = "推进中"
    table, proxy = make(seed_plan)
    proxy.set_filter(FilterSpec(status="推进中"))
    assert shown(proxy) == [6, 7]
    table.set_field(table.row_of(seed_plan.task(6)), "status", "已完成")
    qapp.processEvents()
    assert shown(proxy) == [6, 7]  # the user sees what they just did
    proxy.set_filter(FilterSpec(status="已完成"))
    proxy.set_filter(FilterSpec(status="推进中"))
    assert shown(proxy) == [7]


def test_titles_sort_by_pinyin_and_units_in_the_registry_order(seed_plan):
    from PySide6.QtCore import QCollator, QLocale

    table, proxy = make(seed_plan)
    title = table.column_of("title")
    proxy.sort(title)
    titles = [proxy.index(r, title).data() for r in range(proxy.rowCount())]
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert titles == sorted(titles, key=collator.sortKey) and titles != sorted(titles)  # not code points
    leads = table.column_of("leads")
    proxy.sort(leads)
    names = seed_plan.registry.names()
    firsts = [names.index(proxy.index(r, 0).data(TaskRole).leads[0]) for r in range(proxy.rowCount())]
    assert firsts == sorted(firsts)
    assert proxy.index(0, 0).data(TaskRole).leads[0] == min((t.leads[0] for t in seed_plan.tasks), key=names.index)


def test_sort_keys_follow_an_edit(qapp, seed_plan):
    table, proxy = make(seed_plan)
    title = table.column_of("title")
    proxy.sort(title)
    table.set_field(table.row_of(seed_plan.task(50)), "title", "阿")  # "a": first by pinyin
    qapp.processEvents()
    assert proxy.index(0, 0).data(TaskRole).number == 50
