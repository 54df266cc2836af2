"""Derived views of a plan: a task's cities, a unit's tasks, a city's tasks, counts.

All functions are pure and work on any :class:`~taskmatrix.model.plan.Plan`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.units import CATEGORIES, CITIES, CITY_ORDER, GROUP_CATEGORY, UnitRegistry

# Names containing a city's short name that do not mean the city.
_NOT_CITY_MENTIONS: dict[str, tuple[str, ...]] = {
    "中山": ("孙中山", "中山大学", "中山医", "中山纪念", "中山装", "中山路", "中山公园"),
}


def task_cities(task: Task, registry: UnitRegistry) -> list[str]:
    """Cities named as units of ``task`` plus the members of any city group, in official order."""
    city_map = registry.city_map()
    return list(_cities_of(_city_units(task, city_map), city_map))


def city_links(task: Task, registry: UnitRegistry) -> dict[str, str | None]:
    """For each city of ``task``: ``None`` when named directly, else the group it comes through."""
    return _links_of(_city_units(task, registry.city_map()), registry)


class CityResolver:
    """:func:`task_cities` and :func:`city_links` for many tasks under one registry.

    A plan names few distinct combinations of cities and city groups, so each combination is
    worked out once (for the cities of 10,000 tasks: 4 ms instead of 11). Make a new one after
    the registry changes.
    """

    def __init__(self, registry: UnitRegistry) -> None:
        self.registry = registry
        self._city_map = registry.city_map()
        self._found: dict[tuple[str, ...], tuple[tuple[str, ...], dict[str, str | None]]] = {}

    def links(self, task: Task) -> dict[str, str | None]:
        """As :func:`city_links`; shared between tasks: do not modify."""
        return self.resolve(task)[1]

    def resolve(self, task: Task) -> tuple[tuple[str, ...], dict[str, str | None]]:
        """``task``'s cities and city links (shared between tasks: do not modify)."""
        units = _city_units(task, self._city_map)
        found = self._found.get(units)
        if found is None:
            found = self._found[units] = (_cities_of(units, self._city_map), _links_of(units, self.registry))
        return found


def _city_units(task: Task, city_map: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The cities and city groups among ``task``'s units, leads first."""
    return tuple([u for u in chain(task.leads, task.participants) if u in city_map])


def _cities_of(units: tuple[str, ...], city_map: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    if not units:
        return ()
    if len(units) == 1:
        return city_map[units[0]]
    return tuple(sorted(set(chain.from_iterable(city_map[u] for u in units)),
                        key=lambda c: CITY_ORDER.get(c, len(CITY_ORDER))))


def _links_of(units: tuple[str, ...], registry: UnitRegistry) -> dict[str, str | None]:
    links: dict[str, str | None] = {}
    city_map = registry.city_map()
    for unit in units:
        if not registry.is_group(unit):  # a city, or its government (广州市人民政府)
            for city in city_map[unit]:
                links[city] = None
    for unit in units:
        if registry.is_group(unit):
            for city in city_map[unit]:
                links.setdefault(city, unit)
    return links


def mentioned_cities(task: Task) -> list[str]:
    """Cities merely mentioned in the title or body (a weaker relation than responsibility)."""
    return cities_named_in(task.title + task.body)


def cities_named_in(text: str) -> list[str]:
    """The cities ``text`` names (``中山`` in ``孙中山`` or ``中山大学`` is not the city)."""
    found = []
    for city in CITIES:
        short = city[:-1]
        if short not in text:
            continue
        cleaned = text
        for phrase in _NOT_CITY_MENTIONS.get(short, ()):
            cleaned = cleaned.replace(phrase, "")
        if short in cleaned:
            found.append(city)
    return found


@dataclass
class UnitTasks:
    """The tasks a unit leads and the tasks it takes part in."""

    lead: list[Task]
    participant: list[Task]


def units_with_tasks(plan: Plan) -> list[str]:
    """Every unit that leads or takes part in a task, in registry order (unregistered last)."""
    used = set(plan.units_used())
    return [u for u in plan.all_unit_names() if u in used]


def unit_tasks(plan: Plan, unit: str, among: Iterable[Task] | None = None) -> UnitTasks:
    """``unit``'s tasks, from ``among`` (any tasks of ``plan`` that include them all) or the plan."""
    lead: list[Task] = []
    part: list[Task] = []
    for task in plan.tasks if among is None else among:
        if unit in task.leads:
            lead.append(task)
        elif unit in task.participants:
            part.append(task)
    return UnitTasks(lead, part)


class CityTask(NamedTuple):
    """A task a city is responsible for; ``via`` names the city group it comes through."""

    task: Task
    lead: bool
    via: str | None


def city_tasks(plan: Plan, city: str, among: Iterable[Task] | None = None) -> list[CityTask]:
    """Tasks of ``city``: named directly (as lead or participant) or through a city group.

    ``among``: where to look instead of the whole plan (tasks that include all of the city's).
    """
    groups = {u.name for u in plan.registry if u.category == GROUP_CATEGORY and city in u.members}
    out = []
    for task in plan.tasks if among is None else among:
        leads, parts = task.leads, task.participants
        if city in leads:
            out.append(CityTask(task, True, None))
        elif city in parts:
            out.append(CityTask(task, False, None))
        elif groups:
            for unit in leads:
                if unit in groups:
                    out.append(CityTask(task, True, unit))
                    break
            else:
                for unit in parts:
                    if unit in groups:
                        out.append(CityTask(task, False, unit))
                        break
    return out


def unit_counts(plan: Plan) -> dict[str, tuple[int, int]]:
    """``unit -> (lead count, participation count)`` for every registered and used unit."""
    tasks = plan.tasks
    leads = Counter(chain.from_iterable(t.leads for t in tasks))
    parts = Counter(u for t in tasks for u in t.participants if u not in t.leads)
    names = plan.registry.names()
    names += [u for u in dict.fromkeys(chain(leads, parts)) if u not in plan.registry]
    return {name: (leads.get(name, 0), parts.get(name, 0)) for name in names}


def city_counts(plan: Plan, links: Sequence[dict[str, str | None]] | None = None) -> dict[str, tuple[int, int]]:
    """``city -> (direct task count, through-a-group task count)`` for the 21 cities.

    ``links``: each task's :func:`city_links`, as a :class:`CityResolver` gives them (tasks
    with the same combination share one dict, which is counted once per combination).
    """
    registry = plan.registry
    counts = {city: [0, 0] for city in registry.city_names() or CITIES}
    if links is None:
        resolver = CityResolver(registry)
        links = [resolver.links(task) for task in plan.tasks]
    shared = {id(found): found for found in links}
    for key, times in Counter(map(id, links)).items():
        for city, via in shared[key].items():
            if city in counts:
                counts[city][0 if via is None else 1] += times
    return {city: (c[0], c[1]) for city, c in counts.items()}


def category_counts(plan: Plan) -> dict[str, tuple[int, int, int]]:
    """``category -> (units, lead count, participation count)``; unknown units under ``""``."""
    out: dict[str, list[int]] = {c: [0, 0, 0] for c in CATEGORIES}
    for unit, (lead, part) in unit_counts(plan).items():
        row = out.setdefault(plan.registry.category(unit), [0, 0, 0])
        row[0] += 1
        row[1] += lead
        row[2] += part
    return {c: (r[0], r[1], r[2]) for c, r in out.items()}
