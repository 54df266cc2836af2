"""How the tasks stand in a round: each task's deadline (as parsed or as corrected), its
report, its light, and the round's counts. One :class:`Progress` serves many tasks: deadlines
are parsed once per text, and lights are kept until a task changes. Pure Python.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass

from taskmatrix.model.deadlines import Deadline, parse_deadline, plan_year
from taskmatrix.model.lights import Thresholds, light_of, worst
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.rounds import Entry, Round, entry_of, find_round, reporting_unit


def deadline_of(plan: Plan, task: Task) -> Deadline:
    """The task's deadline: the user's correction, else its text parsed (the plan's year
    anchors ``年内``)."""
    if task.due is not None:
        return task.due
    return parse_deadline(task.deadline, plan_year(plan.title, plan.preamble))


@dataclass(frozen=True)
class ProgressKey:
    round: str
    unit: str
    as_of: _dt.date
    thresholds: Thresholds


class Progress:
    """Lights and reports of one round, for one reporting unit (or each task's leads), as of
    a day. Call :meth:`forget` for a task that changed (or :meth:`clear`)."""

    def __init__(self, plan: Plan, round_name: str, unit: str = "", as_of: _dt.date | None = None,
                 thresholds: Thresholds | None = None) -> None:
        self.plan = plan
        self.round: Round | None = find_round(plan, round_name)
        self.round_name = round_name
        self.unit = unit
        self.as_of = as_of or _dt.date.today()
        self.thresholds = thresholds or Thresholds()
        year = plan_year(plan.title, plan.preamble)
        self._year = year
        self._start = _dt.date(year, 1, 1) if year else None
        self._deadlines: dict[str, Deadline] = {}
        self._lights: dict[int, str] = {}

    def deadline(self, task: Task) -> Deadline:
        if task.due is not None:
            return task.due
        found = self._deadlines.get(task.deadline)
        if found is None:
            found = self._deadlines[task.deadline] = parse_deadline(task.deadline, self._year)
        return found

    def entry(self, task: Task) -> Entry | None:
        """The report shown for ``task``: the chosen unit's if the task names it, else its first lead's."""
        return entry_of(task, self.round_name, self.unit)

    def light(self, task: Task) -> str:
        """The task's light: the shown report's; without a unit chosen, the worst of its leads'."""
        found = self._lights.get(id(task))
        if found is None:
            found = self._lights[id(task)] = self._light(task)
        return found

    def _light(self, task: Task) -> str:
        deadline = self.deadline(task)
        entries = task.reports.get(self.round_name) or {}
        if self.unit or len(task.leads) <= 1:
            entry = entries.get(reporting_unit(task, self.unit)) if entries else None
            return light_of(entry, deadline, self.as_of, self._start, self.thresholds)
        return worst([light_of(entries.get(u), deadline, self.as_of, self._start, self.thresholds)
                      for u in task.leads])

    def light_of_entry(self, task: Task, entry: Entry | None) -> str:
        """The light one report gives ``task`` (a unit's own light)."""
        return light_of(entry, self.deadline(task), self.as_of, self._start, self.thresholds)

    def forget(self, task: Task) -> None:
        self._lights.pop(id(task), None)

    def clear(self) -> None:
        self._lights.clear()
        self._deadlines.clear()

    def summary(self, tasks: list[Task] | None = None) -> Counter[str]:
        """How many of ``tasks`` (all the plan's) show each light."""
        return Counter(self.light(t) for t in (self.plan.tasks if tasks is None else tasks))


def report_rows(plan: Plan, round_name: str, unit: str = "") -> list[tuple[Task, Entry]]:
    """The round's reports in task order: each lead's (or ``unit``'s where the task names it);
    a reporting unit without a report gets an empty entry (it is still due)."""
    rows: list[tuple[Task, Entry]] = []
    for task in plan.tasks:
        if unit:
            if unit not in task.leads and unit not in task.participants:
                continue
            units = [unit]
        else:
            units = list(task.leads) or [""]
        entries = task.reports.get(round_name) or {}
        for u in units:
            rows.append((task, entries.get(u) or Entry(u)))
        for u, entry in entries.items():  # reports of units no longer its leads: shown, not lost
            if not unit and u not in units:
                rows.append((task, entry))
    return rows
