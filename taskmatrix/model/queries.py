"""Derived views of a plan: a task's cities, a unit's tasks, a city's tasks, counts.

All functions are pure and work on any :class:`~taskmatrix.model.plan.Plan`.
"""

from __future__ import annotations

from dataclasses import dataclass

from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.units import CATEGORIES, CITIES, CITY_ORDER, UnitRegistry

# Names containing a city's short name that do not mean the city.
_NOT_CITY_MENTIONS: dict[str, tuple[str, ...]] = {
    "中山": ("孙中山", "中山大学", "中山医", "中山纪念", "中山装", "中山路", "中山公园"),
}


def task_cities(task: Task, registry: UnitRegistry) -> list[str]:
    """Cities named as units of ``task`` plus the members of any city group, in official order."""
    found: set[str] = set()
    for unit in task.leads:
        found.update(registry.cities_of(unit))
    for unit in task.participants:
        found.update(registry.cities_of(unit))
    return sorted(found, key=lambda c: CITY_ORDER.get(c, len(CITY_ORDER)))


def city_links(task: Task, registry: UnitRegistry) -> dict[str, str | None]:
    """For each city of ``task``: ``None`` when named directly, else the group it comes through."""
    links: dict[str, str | None] = {}
    for unit in task.leads + task.participants:
        if registry.is_city(unit):
            links[unit] = None
    for unit in task.leads + task.participants:
        if registry.is_group(unit):
            for city in registry.cities_of(unit):
                links.setdefault(city, unit)
    return links


def mentioned_cities(task: Task) -> list[str]:
    """Cities merely mentioned in the title or body (a weaker relation than responsibility)."""
    text = task.title + task.body
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


def unit_tasks(plan: Plan, unit: str) -> UnitTasks:
    lead = [t for t in plan.tasks if unit in t.leads]
    part = [t for t in plan.tasks if unit in t.participants and unit not in t.leads]
    return UnitTasks(lead, part)


@dataclass
class CityTask:
    """A task a city is responsible for; ``via`` names the city group it comes through."""

    task: Task
    lead: bool
    via: str | None


def city_tasks(plan: Plan, city: str) -> list[CityTask]:
    """Tasks of ``city``: named directly (as lead or participant) or through a city group."""
    out = []
    registry = plan.registry
    for task in plan.tasks:
        if city in task.leads:
            out.append(CityTask(task, True, None))
        elif city in task.participants:
            out.append(CityTask(task, False, None))
        else:
            via = next((u for u in task.leads + task.participants
                        if registry.is_group(u) and city in registry.cities_of(u)), None)
            if via is not None:
                out.append(CityTask(task, via in task.leads, via))
    return out


def unit_counts(plan: Plan) -> dict[str, tuple[int, int]]:
    """``unit -> (lead count, participation count)`` for every registered and used unit."""
    counts: dict[str, list[int]] = {name: [0, 0] for name in plan.all_unit_names()}
    for task in plan.tasks:
        for unit in task.leads:
            counts.setdefault(unit, [0, 0])[0] += 1
        lead_set = set(task.leads)
        for unit in task.participants:
            if unit not in lead_set:
                counts.setdefault(unit, [0, 0])[1] += 1
    return {name: (c[0], c[1]) for name, c in counts.items()}


def city_counts(plan: Plan) -> dict[str, tuple[int, int]]:
    """``city -> (direct task count, through-a-group task count)`` for the 21 cities."""
    counts = {city: [0, 0] for city in plan.registry.city_names() or CITIES}
    for task in plan.tasks:
        for city, via in city_links(task, plan.registry).items():
            if city in counts:
                counts[city][0 if via is None else 1] += 1
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
