"""Reporting rounds (期次) and the progress each unit reports in them.

A plan has rounds (:class:`Round`: a name such as ``2019年第一季度``, a period, a due date for
the reports). Each task keeps its own reports (``task.reports``: round name -> reporting unit ->
:class:`Entry`), so renumbering, moving, deleting and undoing tasks carry their history with
them. Who reports for a task: its lead units, each for itself (a task without a lead reports as
a whole, unit ``""``). A new round starts from the last round's entries as a draft; it never
overwrites them. Pure Python.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taskmatrix.model.plan import Plan, Task

#: The statuses offered for a report (a plan may edit the list).
PROGRESS_STATUSES: tuple[str, ...] = ("未启动", "推进中", "已完成", "滞后", "暂缓")
DONE = "已完成"
LATE = "滞后"
PAUSED = "暂缓"
#: The text fields of a report, in order (for the table, the editor and the sheets).
ENTRY_TEXTS: tuple[str, ...] = ("progress", "problems", "next_steps", "reporter")


@dataclass
class Entry:
    """One unit's report on one task in one round."""

    unit: str = ""
    status: str = ""
    percent: float | None = None  # done so far, 0–100, where the task has a measurable target
    progress: str = ""  # 进展情况
    problems: str = ""  # 存在问题
    next_steps: str = ""  # 下步计划
    reporter: str = ""
    date: _dt.date | None = None

    def copy(self) -> Entry:
        return replace(self)

    def is_empty(self) -> bool:
        return not (self.status or self.progress or self.problems or self.next_steps or self.reporter
                    or self.percent is not None or self.date is not None)


@dataclass
class Round:
    """A reporting round: its name (unique in the plan), period and due date for reports."""

    name: str
    start: _dt.date | None = None
    end: _dt.date | None = None
    due: _dt.date | None = None

    def copy(self) -> Round:
        return replace(self)


Reports = dict[str, dict[str, Entry]]


def reporting_unit(task: Task, unit: str = "") -> str:
    """Whose report on ``task`` is meant: ``unit`` if the task names it, else its first lead
    (``""`` for a task without a lead)."""
    if unit and (unit in task.leads or unit in task.participants):
        return unit
    return task.leads[0] if task.leads else ""


def entry_of(task: Task, round_name: str, unit: str = "") -> Entry | None:
    """The report of ``reporting_unit(task, unit)`` in the round, if any."""
    entries = task.reports.get(round_name)
    if not entries:
        return None
    return entries.get(reporting_unit(task, unit))


def set_entry(task: Task, round_name: str, entry: Entry | None) -> Entry | None:
    """Put ``entry`` (for its unit) into the round, or remove the unit's report with ``None``
    (give the unit through an empty ``Entry(unit)``); return the old one."""
    raise_if_nameless(round_name)
    entries = task.reports.setdefault(round_name, {})
    return _put(entries, entry)


def _put(entries: dict[str, Entry], entry: Entry | None) -> Entry | None:
    if entry is None:
        return None
    old = entries.get(entry.unit)
    if entry.is_empty():
        entries.pop(entry.unit, None)
    else:
        entries[entry.unit] = entry
    return old


def restore_entry(task: Task, round_name: str, unit: str, old: Entry | None) -> None:
    entries = task.reports.setdefault(round_name, {})
    if old is None:
        entries.pop(unit, None)
    else:
        entries[unit] = old
    if not entries:
        task.reports.pop(round_name, None)


def raise_if_nameless(name: str) -> None:
    from taskmatrix.model.edits import EditError

    if not name.strip():
        raise EditError("a round needs a name")


def add_round(plan: Plan, new: Round) -> None:
    """Add ``new`` after the last round; each task's reports in the last round become the new
    round's draft (their content, without a report date)."""
    from taskmatrix.model.edits import EditError

    raise_if_nameless(new.name)
    if any(r.name == new.name for r in plan.rounds):
        raise EditError(f"a round named {new.name} exists already")
    last = plan.rounds[-1].name if plan.rounds else None
    plan.rounds.append(new)
    if last is None:
        return
    for task in plan.tasks:
        previous = task.reports.get(last)
        if previous:
            task.reports[new.name] = {u: replace(e, date=None) for u, e in previous.items()}


def remove_round(plan: Plan, name: str) -> tuple[int, Round, dict[int, dict[str, Entry]], dict[int, float]]:
    """Take a round, its reports and the actual values of the indicators in it out; return what
    :func:`put_back_round` needs."""
    index = next(i for i, r in enumerate(plan.rounds) if r.name == name)
    removed = plan.rounds.pop(index)
    reports = {id(t): t.reports.pop(name) for t in plan.tasks if name in t.reports}
    actuals = {n: i.actuals.pop(name) for n, i in enumerate(plan.indicators or []) if name in i.actuals}
    return index, removed, reports, actuals


def put_back_round(plan: Plan, index: int, round_: Round, reports: dict[int, dict[str, Entry]],
                   actuals: dict[int, float] | None = None) -> None:
    plan.rounds.insert(index, round_)
    for task in plan.tasks:
        if id(task) in reports:
            task.reports[round_.name] = reports[id(task)]
    for n, indicator in enumerate(plan.indicators or []):  # by place: undo puts the list back in order
        if actuals and n in actuals:
            indicator.actuals[round_.name] = actuals[n]


def change_round(plan: Plan, name: str, changed: Round) -> Round:
    """Rename a round or change its dates; return the round as it was."""
    from taskmatrix.model.edits import EditError

    raise_if_nameless(changed.name)
    index = next(i for i, r in enumerate(plan.rounds) if r.name == name)
    if changed.name != name and any(r.name == changed.name for r in plan.rounds):
        raise EditError(f"a round named {changed.name} exists already")
    old = plan.rounds[index]
    plan.rounds[index] = changed
    if changed.name != name:
        from taskmatrix.model.indicators import rename_actuals

        rename_actuals(plan, name, changed.name)
        for task in plan.tasks:
            if name in task.reports:
                task.reports[changed.name] = task.reports.pop(name)
    return old


def rename_reporting_unit(task: Task, old: str, new: str) -> None:
    """A unit renamed or merged: its reports go with it (a report the new name has kept wins)."""
    for entries in task.reports.values():
        entry = entries.pop(old, None)
        if entry is not None and new not in entries:
            entries[new] = replace(entry, unit=new)


def copy_reports(reports: Reports) -> Reports:
    return {name: {u: e.copy() for u, e in entries.items()} for name, entries in reports.items()}


def find_round(plan: Plan, name: str) -> Round | None:
    return next((r for r in plan.rounds if r.name == name), None)


@dataclass
class RoundSummary:
    """How many tasks of a round are done, on track, behind, overdue, ongoing (by light)."""

    counts: dict[str, int] = field(default_factory=dict)

    def count(self, light: str) -> int:
        return self.counts.get(light, 0)
