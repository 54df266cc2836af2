"""Filtering and sorting tasks without Qt: a filter value object and a per-task search index.

The GUI's proxy maps rows through the list of task indices :meth:`SearchIndex.match`
returns; matching runs over precomputed per-task text, so one keystroke at 10,000 tasks
costs a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.queries import task_cities

ROLE_ANY = "any"
ROLE_LEAD = "lead"
ROLE_PARTICIPANT = "participant"
ROLES = (ROLE_ANY, ROLE_LEAD, ROLE_PARTICIPANT)
#: ``FilterSpec.section`` value meaning "tasks with no section".
NO_SECTION = 0
#: ``FilterSpec.status`` value meaning "tasks whose status is empty".
EMPTY_STATUS = "\0empty"


@dataclass(frozen=True)
class FilterSpec:
    """What the table is filtered by; the default value filters nothing."""

    text: str = ""
    section: int | None = None
    unit: str = ""
    role: str = ROLE_ANY
    city: str = ""
    status: str | None = None

    def is_active(self) -> bool:
        return bool(self.words() or self.section is not None or self.unit or self.city
                    or self.status is not None)

    def words(self) -> list[str]:
        return self.text.casefold().split()

    def with_(self, **changes: object) -> FilterSpec:
        return replace(self, **changes)  # type: ignore[arg-type]


def task_search_text(task: Task, plan: Plan, cities: list[str]) -> str:
    """Everything a free-text search looks at, joined and case-folded."""
    parts = [
        str(task.number), plan.section_title(task.section), task.title, task.body,
        " ".join(task.leads), " ".join(task.participants), " ".join(cities),
        task.deadline, task.status, task.progress, task.notes,
    ]
    parts.extend(task.extra.values())
    return "\n".join(parts).casefold()


class SearchIndex:
    """Per-task search text and cities (in official order), kept in step with ``plan.tasks``
    by the caller through :meth:`update`, :meth:`insert`, :meth:`remove` and :meth:`move`."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.texts: list[str] = []
        self.cities: list[tuple[str, ...]] = []
        self.rebuild()

    def rebuild(self) -> None:
        self.texts = []
        self.cities = []
        for task in self.plan.tasks:
            text, cities = self._entry(task)
            self.texts.append(text)
            self.cities.append(cities)

    def _entry(self, task: Task) -> tuple[str, tuple[str, ...]]:
        cities = task_cities(task, self.plan.registry)
        return task_search_text(task, self.plan, cities), tuple(cities)

    def update(self, index: int) -> None:
        self.texts[index], self.cities[index] = self._entry(self.plan.tasks[index])

    def insert(self, index: int) -> None:
        text, cities = self._entry(self.plan.tasks[index])
        self.texts.insert(index, text)
        self.cities.insert(index, cities)

    def remove(self, index: int) -> None:
        del self.texts[index]
        del self.cities[index]

    def move(self, source: int, dest: int) -> None:
        """Mirror ``plan.tasks.insert(dest, plan.tasks.pop(source))``."""
        self.texts.insert(dest, self.texts.pop(source))
        self.cities.insert(dest, self.cities.pop(source))

    def match(self, spec: FilterSpec) -> list[int]:
        """Indices of the tasks ``spec`` lets through, in plan order."""
        tasks = self.plan.tasks
        rows: list[int] | range = range(len(tasks))
        if spec.section is not None:
            wanted = None if spec.section == NO_SECTION else spec.section
            rows = [i for i in rows if tasks[i].section == wanted]
        if spec.status is not None:
            status = "" if spec.status == EMPTY_STATUS else spec.status
            rows = [i for i in rows if tasks[i].status == status]
        if spec.unit:
            rows = [i for i in rows if _has_unit(tasks[i], spec.unit, spec.role)]
        if spec.city:
            city = spec.city
            cities = self.cities
            rows = [i for i in rows if city in cities[i]]
        words = spec.words()
        if words:
            texts = self.texts
            if len(words) == 1:
                word = words[0]
                rows = [i for i in rows if word in texts[i]]
            else:
                rows = [i for i in rows if all(w in texts[i] for w in words)]
        return list(rows)


def _has_unit(task: Task, unit: str, role: str) -> bool:
    if role == ROLE_LEAD:
        return unit in task.leads
    if role == ROLE_PARTICIPANT:
        return unit in task.participants
    return unit in task.leads or unit in task.participants


def sort_key(plan: Plan, field: str) -> Callable[[Task], Any]:
    """A sort key for a column: numbers as numbers, sections in plan order, text as text."""
    if field == "number":
        return lambda t: t.number
    if field == "section":
        order = plan.section_order()
        return lambda t: (order.get(t.section, len(order)), t.number)
    if field in ("leads", "participants"):
        return lambda t: "、".join(getattr(t, field))
    if field == "cities":
        registry = plan.registry
        return lambda t: "、".join(task_cities(t, registry))
    if field.startswith("extra:"):
        name = field[len("extra:"):]
        return lambda t: t.extra.get(name, "")
    return lambda t: getattr(t, field)
