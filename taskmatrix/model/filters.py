"""Filtering and sorting tasks without Qt: a filter value object and a per-task search index.

The GUI's proxy maps rows through the list of task indices :meth:`SearchIndex.match`
returns; matching runs over precomputed per-task text, so one keystroke at 10,000 tasks
costs a few milliseconds.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from taskmatrix.model.fields import field_of
from taskmatrix.model.lights import Thresholds
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.progress import Progress
from taskmatrix.model.queries import CityResolver, city_counts, unit_counts
from taskmatrix.model.rounds import entry_of

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
    #: The reporting round shown (not a filter: the status and light filters apply to it).
    round: str = ""
    light: str = ""

    def is_active(self) -> bool:
        return bool(self.words() or self.section is not None or self.unit or self.city
                    or self.status is not None or self.light)

    def cleared(self) -> FilterSpec:
        """No filter, the same round."""
        return FilterSpec(round=self.round)

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
    """Per-task search text, cities and city links (in official order), kept in step with
    ``plan.tasks`` by the caller through :meth:`update`, :meth:`insert`, :meth:`remove` and
    :meth:`move`, and what is derived from them until the next edit that changes it.

    The search texts are made when a text search first needs them (or by :meth:`warm`), so
    opening a large plan does not wait for them. A unit's and a city's rows, the units used
    and the unit and city counts are found once and kept until an edit changes units or rows:
    choosing a unit again, showing its tasks beside the filtered table, or editing a task's
    notes does not scan the whole plan.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._last: tuple[FilterSpec, list[str], list[int]] | None = None
        self.texts: list[str | None] = []
        self.cities: list[tuple[str, ...]] = []
        #: Each task's city links (see :func:`~taskmatrix.model.queries.city_links`); shared
        #: between tasks with the same cities and city groups: do not modify.
        self.links: list[dict[str, str | None]] = []
        self._resolver = CityResolver(plan.registry)
        self._cold = 0  # where the next warm() starts looking for missing texts
        self._unit_rows: dict[str, list[int]] = {}
        self._city_rows: dict[str, list[int]] = {}
        self._units_used: list[str] | None = None
        self._unit_counts: dict[str, tuple[int, int]] | None = None
        self._city_counts: dict[str, tuple[int, int]] | None = None
        self._progress: dict[tuple[str, str, _dt.date, Thresholds], Progress] = {}
        #: When lights turn (the app's settings).
        self.thresholds = Thresholds()
        self.rebuild()

    def forget_results(self) -> None:
        """Drop what was found for earlier filters, units and cities, and the counts (every
        edit of units or rows does this)."""
        self._last = None
        self._unit_rows.clear()
        self._city_rows.clear()
        self._units_used = None
        self._unit_counts = None
        self._city_counts = None

    def unit_rows(self, unit: str) -> list[int]:
        """Rows (in plan order) whose leads or participants name ``unit``; do not modify."""
        rows = self._unit_rows.get(unit)
        if rows is None:
            rows = [i for i, t in enumerate(self.plan.tasks) if unit in t.leads or unit in t.participants]
            self._unit_rows[unit] = rows
        return rows

    def city_rows(self, city: str) -> list[int]:
        """Rows (in plan order) whose cities include ``city``, directly or through a group."""
        rows = self._city_rows.get(city)
        if rows is None:
            rows = [i for i, cities in enumerate(self.cities) if city in cities]
            self._city_rows[city] = rows
        return rows

    def units_used(self) -> list[str]:
        """:meth:`Plan.units_used`, kept until units change; do not modify."""
        if self._units_used is None:
            self._units_used = self.plan.units_used()
        return self._units_used

    def unit_counts(self) -> dict[str, tuple[int, int]]:
        """:func:`~taskmatrix.model.queries.unit_counts`, kept until units change; do not modify."""
        if self._unit_counts is None:
            self._unit_counts = unit_counts(self.plan)
        return self._unit_counts

    def city_counts(self) -> dict[str, tuple[int, int]]:
        """:func:`~taskmatrix.model.queries.city_counts`, kept until units change; do not modify."""
        if self._city_counts is None:
            self._city_counts = city_counts(self.plan, self.links)
        return self._city_counts

    def rebuild(self) -> None:
        """Start again from the plan (after the registry or many tasks changed)."""
        self.forget_results()
        self._progress.clear()
        self._resolver = CityResolver(self.plan.registry)
        resolve = self._resolver.resolve
        found = [resolve(task) for task in self.plan.tasks]
        self.cities = [cities for cities, _ in found]
        self.links = [links for _, links in found]
        self.texts = [None] * len(self.plan.tasks)
        self._cold = 0

    def warm(self, limit: int | None = None) -> bool:
        """Make missing search texts (at most ``limit`` of them); True when none is missing.

        Every text before ``_cold`` is made; the edits below move ``_cold`` back as needed.
        """
        texts, tasks, cities = self.texts, self.plan.tasks, self.cities
        made = 0
        for i in range(self._cold, len(texts)):
            if texts[i] is None:
                if limit is not None and made >= limit:
                    self._cold = i
                    return False
                texts[i] = task_search_text(tasks[i], self.plan, list(cities[i]))
                made += 1
        self._cold = len(texts)
        return True

    def is_warm(self) -> bool:
        """True when every search text is made (a text search will not stop to make them)."""
        return self._cold >= len(self.texts)

    def update(self, index: int, units: bool = True) -> None:
        """Task ``index`` changed; ``units``: its leads or participants may have (else only
        its search text is made again)."""
        self._last = None
        self.forget_progress(self.plan.tasks[index])
        self._cold = min(self._cold, index)
        self.texts[index] = None
        if units:
            self.forget_results()
            self.cities[index], self.links[index] = self._resolver.resolve(self.plan.tasks[index])

    def insert(self, index: int) -> None:
        self.forget_results()
        self._cold = min(self._cold, index)
        cities, links = self._resolver.resolve(self.plan.tasks[index])
        self.cities.insert(index, cities)
        self.links.insert(index, links)
        self.texts.insert(index, None)

    def remove(self, index: int) -> None:
        self.forget_results()
        self._cold = min(self._cold, index)
        del self.texts[index]
        del self.cities[index]
        del self.links[index]

    def move(self, source: int, dest: int) -> None:
        """Mirror ``plan.tasks.insert(dest, plan.tasks.pop(source))``."""
        self.forget_results()
        self._cold = min(self._cold, source, dest)
        self.texts.insert(dest, self.texts.pop(source))
        self.cities.insert(dest, self.cities.pop(source))
        self.links.insert(dest, self.links.pop(source))

    def match(self, spec: FilterSpec) -> list[int]:
        """Indices of the tasks ``spec`` lets through, in plan order.

        Typing narrows a search: when only the text changed and every earlier word is part of
        the word now in its place, only the previous matches are searched again.
        """
        words = spec.words()
        if words:
            self.warm()
        last = self._last
        if last is not None and last[0] == spec.with_(text=last[0].text) and _refines(words, last[1]):
            rows = _search(last[2], self.texts, words)
        else:
            rows = _search(self._match_fields(spec), self.texts, words)
        self._last = (spec, words, rows)
        return list(rows)

    def _match_fields(self, spec: FilterSpec) -> list[int]:
        tasks = self.plan.tasks
        rows: list[int] | range = range(len(tasks))
        if spec.unit:
            rows = self.unit_rows(spec.unit)
            if spec.role != ROLE_ANY:
                rows = [i for i in rows if _has_unit(tasks[i], spec.unit, spec.role)]
        if spec.city and isinstance(rows, range):
            rows = self.city_rows(spec.city)
        elif spec.city:
            city, cities = spec.city, self.cities
            rows = [i for i in rows if city in cities[i]]
        if spec.section is not None:
            wanted = None if spec.section == NO_SECTION else spec.section
            rows = [i for i in rows if tasks[i].section == wanted]
        if spec.status is not None:
            status = "" if spec.status == EMPTY_STATUS else spec.status
            if spec.round:  # the status the unit (or the lead) reported in the round
                round_name, unit = spec.round, spec.unit
                rows = [i for i in rows if _reported_status(tasks[i], round_name, unit) == status]
            else:
                rows = [i for i in rows if tasks[i].status == status]
        if spec.light and spec.round:
            light = self.progress(spec.round, spec.unit).light
            rows = [i for i in rows if light(tasks[i]) == spec.light]
        return list(rows)

    # -- progress of a round ------------------------------------------------------------------
    def progress(self, round_name: str, unit: str = "") -> Progress:
        """The lights and reports of a round for ``unit`` (or each task's leads), as of today;
        kept until a task, a round or the thresholds change."""
        key = (round_name, unit, _dt.date.today(), self.thresholds)
        found = self._progress.get(key)
        if found is None:
            if len(self._progress) > 8:
                self._progress.clear()
            found = self._progress[key] = Progress(self.plan, round_name, unit, key[2], self.thresholds)
        return found

    def forget_progress(self, task: Task | None = None) -> None:
        """A task's reports (or, with no task, the rounds or thresholds) changed."""
        if task is None:
            self._progress.clear()
        else:
            for progress in self._progress.values():
                progress.forget(task)
        self._last = None


def _reported_status(task: Task, round_name: str, unit: str) -> str:
    entry = entry_of(task, round_name, unit)
    return entry.status if entry is not None else ""


def _refines(words: list[str], earlier: list[str]) -> bool:
    """True when each earlier word is contained in the word now at its place."""
    return len(words) >= len(earlier) and all(old in new for old, new in zip(earlier, words))


def _search(rows: list[int], texts: list[str | None], words: list[str]) -> list[int]:
    for word in words:
        rows = [i for i in rows if word in texts[i]]  # type: ignore[operator]  # warm() filled them
    return rows


def _has_unit(task: Task, unit: str, role: str) -> bool:
    if role == ROLE_LEAD:
        return unit in task.leads
    if role == ROLE_PARTICIPANT:
        return unit in task.participants
    return unit in task.leads or unit in task.participants


def sort_key(plan: Plan, field: str) -> Callable[[Task], Any]:
    """A sort key for a column (see :meth:`taskmatrix.model.fields.Field.sort_key`)."""
    return field_of(field).sort_key(plan)
