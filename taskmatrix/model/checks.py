"""Consistency checks: what staff look for by eye before a plan is issued.

Each finding names its task (by number), a kind (:data:`KINDS`) and a message, with the
nearest registered names for a unit the registry does not know. :class:`Checker` keeps the
findings of every task and works again only on the tasks an edit touched (the numbering is
looked at as a whole each time: a count, cheap).
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from taskmatrix.model.deadlines import NONE, parse_deadline, plan_year
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.queries import CityResolver, cities_named_in
from taskmatrix.model.translate import QT_TRANSLATE_NOOP

KINDS: tuple[str, ...] = (
    "no_lead", "joint_lead", "unknown_unit", "lead_and_participant", "duplicate_number", "missing_number",
    "empty_title", "empty_body", "city_not_responsible", "bad_deadline", "no_report")
#: Each kind's name as shown (translated in the window through the "checks" context).
KIND_LABELS: dict[str, str] = {
    "no_lead": QT_TRANSLATE_NOOP("checks", "No lead"),
    "joint_lead": QT_TRANSLATE_NOOP("checks", "Joint leads"),
    "unknown_unit": QT_TRANSLATE_NOOP("checks", "Unit not in the registry"),
    "lead_and_participant": QT_TRANSLATE_NOOP("checks", "Lead and participant"),
    "duplicate_number": QT_TRANSLATE_NOOP("checks", "Duplicate number"),
    "missing_number": QT_TRANSLATE_NOOP("checks", "Missing number"),
    "empty_title": QT_TRANSLATE_NOOP("checks", "Empty title"),
    "empty_body": QT_TRANSLATE_NOOP("checks", "Empty body"),
    "city_not_responsible": QT_TRANSLATE_NOOP("checks", "City named, not responsible"),
    "bad_deadline": QT_TRANSLATE_NOOP("checks", "Deadline not understood"),
    "no_report": QT_TRANSLATE_NOOP("checks", "No report"),
}
#: The message templates (English; ``{name}`` fields filled from the finding's params).
TEMPLATES: dict[str, str] = {
    "no_lead": QT_TRANSLATE_NOOP("checks", "no lead"),
    "joint_lead": QT_TRANSLATE_NOOP("checks", "joint leads: {units}"),
    "unknown_unit": QT_TRANSLATE_NOOP("checks", "{unit} is not in the registry"),
    "unknown_unit_near": QT_TRANSLATE_NOOP("checks", "{unit} is not in the registry (did you mean {near}?)"),
    "lead_and_participant": QT_TRANSLATE_NOOP("checks", "{unit} is both a lead and a participant"),
    "duplicate_number": QT_TRANSLATE_NOOP("checks", "number {number} is used by {count} tasks"),
    "missing_number": QT_TRANSLATE_NOOP("checks", "number {number} is missing (between {before} and {after})"),
    "missing_more": QT_TRANSLATE_NOOP("checks", "and {count} more numbers are missing"),
    "empty_title": QT_TRANSLATE_NOOP("checks", "empty title"),
    "empty_body": QT_TRANSLATE_NOOP("checks", "empty body"),
    "city_not_responsible": QT_TRANSLATE_NOOP("checks", "the text names {city}, which is not responsible"),
    "bad_deadline": QT_TRANSLATE_NOOP("checks", "deadline “{text}” is not understood"),
    "no_report": QT_TRANSLATE_NOOP("checks", "no report in {round}"),
}
#: How many gaps in the numbering are listed one by one (a plan numbered 1, 1000 has 998).
MAX_MISSING = 50


@dataclass(frozen=True)
class Finding:
    task: int  # the task's number (for a missing number: the number that is missing)
    kind: str
    template: str  # a key of TEMPLATES
    params: tuple[tuple[str, str], ...] = ()
    suggestions: tuple[str, ...] = ()  # for an unknown unit: the nearest registered names
    unit: str = ""  # the unit the finding is about, if any

    def message(self, translate: Any = None) -> str:
        template = TEMPLATES[self.template]
        if translate is not None:
            template = translate(template)
        return template.format(**dict(self.params))

    def as_json(self) -> dict[str, Any]:
        return {"task": self.task, "kind": self.kind, "message": self.message()}


class Checker:
    """The findings of a plan, kept up to date task by task.

    ``round_name``: the round whose missing reports are findings (``None``: the plan's last
    round, if it has one).
    """

    def __init__(self, plan: Plan, round_name: str | None = None) -> None:
        self.plan = plan
        self.round_name = round_name
        self._by_task: dict[int, list[Finding]] = {}  # id(task) -> its own findings
        self._numbers: list[Finding] = []
        self._near: dict[str, tuple[str, ...]] = {}
        self.refresh()

    # -- what the checks found ---------------------------------------------------------------
    def findings(self) -> list[Finding]:
        """Every finding, in task order (numbering findings where their number falls)."""
        order = {id(t): i for i, t in enumerate(self.plan.tasks)}
        own = sorted(((order[k], f) for k, fs in self._by_task.items() if k in order for f in fs),
                     key=lambda p: p[0])
        found = [f for _, f in own]
        if self._numbers:
            found.extend(self._numbers)
            found.sort(key=lambda f: f.task)  # stable: a task's own findings keep their order
        return found

    # -- keeping them up to date -------------------------------------------------------------
    def refresh(self) -> None:
        """Everything worked out again (after the plan was replaced, or the registry changed)."""
        plan = self.plan
        self._resolver = CityResolver(plan.registry)
        self._near.clear()
        self._year = plan_year(plan.title, plan.preamble)
        self._round = self._report_round()
        self._by_task = {id(t): self._check_task(t) for t in plan.tasks}
        self._numbers = self._check_numbers()

    def update(self, tasks: list[Task]) -> None:
        """``tasks`` were edited, added or removed: check them again, and the numbering."""
        alive = {id(t) for t in self.plan.tasks}
        for key in [k for k in self._by_task if k not in alive]:
            del self._by_task[key]
        for task in tasks:
            if id(task) in alive:
                self._by_task[id(task)] = self._check_task(task)
        for task in self.plan.tasks:  # tasks added without being named
            if id(task) not in self._by_task:
                self._by_task[id(task)] = self._check_task(task)
        self._numbers = self._check_numbers()

    # -- the checks ----------------------------------------------------------------------------
    def _report_round(self) -> str | None:
        names = [r.name for r in self.plan.rounds]
        if self.round_name in names:
            return self.round_name
        return names[-1] if names else None

    def _check_task(self, task: Task) -> list[Finding]:
        n = task.number
        found: list[Finding] = []
        if not task.title.strip():
            found.append(Finding(n, "empty_title", "empty_title"))
        if not task.body.strip():
            found.append(Finding(n, "empty_body", "empty_body"))
        if not task.leads:
            found.append(Finding(n, "no_lead", "no_lead"))
        elif len(task.leads) > 1:
            found.append(Finding(n, "joint_lead", "joint_lead", (("units", "、".join(task.leads)),)))
        registry = self.plan.registry
        for unit in task.units():
            if unit not in registry:
                near = self.nearest(unit)
                if near:
                    found.append(Finding(n, "unknown_unit", "unknown_unit_near",
                                         (("unit", unit), ("near", "、".join(near))), near, unit))
                else:
                    found.append(Finding(n, "unknown_unit", "unknown_unit", (("unit", unit),), (), unit))
        leads = set(task.leads)
        for unit in dict.fromkeys(task.participants):
            if unit in leads:
                found.append(Finding(n, "lead_and_participant", "lead_and_participant", (("unit", unit),), (), unit))
        if task.body:
            responsible = set(self._resolver.resolve(task)[0])
            for city in cities_named_in(task.body):
                if city not in responsible:
                    found.append(Finding(n, "city_not_responsible", "city_not_responsible", (("city", city),),
                                         (), city))
        if task.deadline.strip() and task.due is None and parse_deadline(task.deadline, self._year).kind == NONE:
            found.append(Finding(n, "bad_deadline", "bad_deadline", (("text", task.deadline.strip()),)))
        if self._round is not None:
            entries = task.reports.get(self._round) or {}
            if not any(not e.is_empty() for e in entries.values()):
                found.append(Finding(n, "no_report", "no_report", (("round", self._round),)))
        return found

    def _check_numbers(self) -> list[Finding]:
        counts = Counter(t.number for t in self.plan.tasks)
        found = [Finding(number, "duplicate_number", "duplicate_number",
                         (("number", str(number)), ("count", str(count))))
                 for number, count in counts.items() if count > 1]
        numbers = sorted(counts)
        gaps = 0
        more = 0
        if numbers and numbers[0] > 1:
            found.append(Finding(1, "missing_number", "missing_number",
                                 (("number", "1" if numbers[0] == 2 else f"1–{numbers[0] - 1}"), ("before", "0"),
                                  ("after", str(numbers[0])))))
            gaps += 1
        for before, after in pairwise(numbers):
            if after - before < 2:
                continue
            if gaps >= MAX_MISSING:
                more += after - before - 1
                continue
            for missing in range(before + 1, after):
                if gaps == MAX_MISSING:
                    more += after - missing
                    break
                found.append(Finding(missing, "missing_number", "missing_number",
                                     (("number", str(missing)), ("before", str(before)), ("after", str(after)))))
                gaps += 1
        if more:  # a plan numbered 1, 1000000: the first gaps one by one, then how many more
            found.append(Finding(numbers[-1], "missing_number", "missing_more", (("count", str(more)),)))
        return found

    def nearest(self, unit: str) -> tuple[str, ...]:
        """The registered names nearest ``unit`` (an abbreviation whose characters a registered
        name holds in order first, ``省发改委`` -> ``省发展改革委``; then similar spellings)."""
        found = self._near.get(unit)
        if found is None:
            found = self._near[unit] = nearest_names(unit, self.plan.registry.names())
        return found


def nearest_names(unit: str, names: list[str], limit: int = 3) -> tuple[str, ...]:
    """Registered names close to ``unit``, best first."""
    abbreviations = [n for n in names if _holds_in_order(n, unit) and n != unit]
    abbreviations.sort(key=lambda n: (len(n) - len(unit), names.index(n)))
    similar = difflib.get_close_matches(unit, names, n=limit, cutoff=0.6)
    return tuple(dict.fromkeys(abbreviations + similar))[:limit]


def _holds_in_order(name: str, short: str) -> bool:
    """``short``'s characters appear in ``name`` in order, first and last at its ends' sides."""
    if len(short) < 2 or not name.startswith(short[0]):
        return False
    it = iter(name)
    return all(ch in it for ch in short)


def check_plan(plan: Plan, round_name: str | None = None) -> list[Finding]:
    return Checker(plan, round_name).findings()
