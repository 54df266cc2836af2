"""Pure edit operations on a plan, called by the GUI's undo commands.

Each operation changes the plan in place and returns what its inverse needs, so an undo
command is two calls. They keep the plan's invariants: unique task numbers, and tasks
grouped by section in section order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from taskmatrix.model.indicators import follow_numbers, numbers_changed
from taskmatrix.model.plan import TEXT_FIELDS, Plan, Section, Task
from taskmatrix.model.rounds import Reports, copy_reports, rename_reporting_unit
from taskmatrix.model.units import Unit, UnitRegistry, clean_unit_name

ROLES = ("leads", "participants")


class EditError(ValueError):
    """An edit that would break the plan (a duplicate number, an unknown section)."""


# -- task fields ---------------------------------------------------------------------
def set_text(task: Task, name: str, value: str) -> str:
    """Set a text field (``title``, ``body``, ``deadline``, ...); return the old value."""
    if name not in TEXT_FIELDS:
        raise EditError(f"not a text field: {name}")
    old: str = getattr(task, name)
    setattr(task, name, value)
    return old


def set_extra(task: Task, name: str, value: str) -> str:
    old = task.extra.get(name, "")
    task.extra[name] = value
    return old


def set_units(task: Task, role: str, units: list[str]) -> list[str]:
    """Set ``leads`` or ``participants``; a unit in both lists stays a lead only."""
    if role not in ROLES:
        raise EditError(f"not a unit role: {role}")
    old: list[str] = list(getattr(task, role))
    units = list(dict.fromkeys(u for u in units if u))
    setattr(task, role, units)
    lead_set = set(task.leads)
    task.participants = [u for u in task.participants if u not in lead_set]
    return old


def set_number(plan: Plan, task: Task, number: int) -> int:
    if number <= 0:
        raise EditError("task numbers start at 1")
    if any(t.number == number and t is not task for t in plan.tasks):
        raise EditError(f"task number {number} is taken")
    old = task.number
    task.number = number
    if sum(t.number == old for t in plan.tasks) == 0:  # the number was this task's alone
        follow_numbers(plan, {old: number})
    return old


def set_section(plan: Plan, task: Task, section: int | None) -> tuple[int | None, int]:
    """Move ``task`` into ``section`` (among its tasks by number); return (old section, old index)."""
    if section is not None and plan.section(section) is None:
        raise EditError(f"no section {section}")
    old_index = plan.tasks.index(task)
    old_section = task.section
    if section == old_section:
        return old_section, old_index
    new_index = section_target(plan, task, section)
    del plan.tasks[old_index]
    task.section = section
    plan.tasks.insert(new_index, task)
    return old_section, old_index


def section_target(plan: Plan, task: Task, section: int | None) -> int:
    """The row ``task`` ends up in when it moves into ``section``."""
    if section == task.section:
        return plan.tasks.index(task)
    order = plan.section_order()
    key = order.get(section, len(order))
    i = 0
    for other in plan.tasks:
        if other is task:
            continue
        other_key = order.get(other.section, len(order))
        if other_key > key or (other_key == key and other.number > task.number):
            return i
        i += 1
    return i


def place_task(plan: Plan, task: Task, index: int, section: int | None) -> None:
    """Put ``task`` back at ``index`` in ``section`` (the inverse of a move)."""
    plan.tasks.remove(task)
    task.section = section
    plan.tasks.insert(index, task)


# -- tasks -----------------------------------------------------------------------------
def insert_task(plan: Plan, index: int, task: Task) -> None:
    if any(t.number == task.number for t in plan.tasks):
        raise EditError(f"task number {task.number} is taken")
    if task.section is not None and plan.section(task.section) is None:
        raise EditError(f"no section {task.section}")
    for name in plan.extra_fields:
        task.extra.setdefault(name, "")
    plan.tasks.insert(index, task)


def new_task_index(plan: Plan, section: int | None, after: int | None = None) -> int:
    """Where a new task of ``section`` goes: after row ``after`` if that keeps grouping, else
    at the end of the section's block."""
    order = plan.section_order()
    key = order.get(section, len(order))
    if after is not None and 0 <= after < len(plan.tasks) and plan.tasks[after].section == section:
        return after + 1
    last = -1
    for i, t in enumerate(plan.tasks):
        if order.get(t.section, len(order)) <= key:
            last = i
    return last + 1


def remove_task(plan: Plan, index: int) -> Task:
    return plan.tasks.pop(index)


def move_task(plan: Plan, index: int, delta: int) -> tuple[int, int | None]:
    """Move the task at ``index`` one row up (-1) or down (+1).

    At a section boundary the task crosses into the neighbouring section and keeps its
    row. Returns the task's new index and its old section.
    """
    if delta not in (-1, 1):
        raise EditError("tasks move one row at a time")
    task = plan.tasks[index]
    old_section = task.section
    target = index + delta
    if 0 <= target < len(plan.tasks) and plan.tasks[target].section == task.section:
        plan.tasks[index], plan.tasks[target] = plan.tasks[target], task
        return target, old_section
    numbers: list[int | None] = [None] + [s.number for s in plan.sections]
    new_pos = numbers.index(task.section) + delta
    if not 0 <= new_pos < len(numbers):
        raise EditError("the task is at the edge already")
    task.section = numbers[new_pos]
    return index, old_section


def renumber(plan: Plan, start: int = 1) -> list[int]:
    """Number the tasks ``start, start+1, …`` in list order; return the old numbers."""
    old = [t.number for t in plan.tasks]
    for i, task in enumerate(plan.tasks):
        task.number = start + i
    _follow(plan, old)
    return old


def restore_numbers(plan: Plan, numbers: list[int]) -> None:
    current = [t.number for t in plan.tasks]
    for task, number in zip(plan.tasks, numbers):
        task.number = number
    _follow(plan, current)


def _follow(plan: Plan, old: list[int]) -> None:
    """The kept indicators follow the tasks' new numbers."""
    follow_numbers(plan, numbers_changed(old, [t.number for t in plan.tasks]))


def regroup(plan: Plan) -> None:
    """Stable-sort tasks so they run section by section in section order."""
    order = plan.section_order()
    plan.tasks.sort(key=lambda t: order.get(t.section, len(order)))


# -- sections --------------------------------------------------------------------------
def add_section(plan: Plan, title: str, index: int | None = None) -> Section:
    section = Section(plan.next_section_number(), title)
    if index is None:
        plan.sections.append(section)
    else:
        plan.sections.insert(index, section)
        regroup(plan)
    return section


def remove_section(plan: Plan, number: int) -> tuple[int, Section]:
    """Remove a section with no tasks; return its index and itself."""
    if any(t.section == number for t in plan.tasks):
        raise EditError(f"section {number} still has tasks")
    section = plan.section(number)
    if section is None:
        raise EditError(f"no section {number}")
    index = plan.sections.index(section)
    del plan.sections[index]
    return index, section


def rename_section(plan: Plan, number: int, title: str) -> str:
    section = plan.section(number)
    if section is None:
        raise EditError(f"no section {number}")
    old = section.title
    section.title = title
    return old


# -- units across the plan -------------------------------------------------------------
@dataclass
class UnitsSnapshot:
    """The units of the tasks an operation touched, and the registry before it."""

    tasks: dict[int, tuple[list[str], list[str]]]
    registry: UnitRegistry
    #: The touched tasks' progress reports (a unit's reports follow it when renamed or merged).
    reports: dict[int, Reports] = field(default_factory=dict)


def restore_units(plan: Plan, snapshot: UnitsSnapshot) -> None:
    for index, (leads, participants) in snapshot.tasks.items():
        plan.tasks[index].leads = list(leads)
        plan.tasks[index].participants = list(participants)
    for index, reports in snapshot.reports.items():
        plan.tasks[index].reports = copy_reports(reports)
    plan.registry = snapshot.registry.copy()


def rename_unit(plan: Plan, old: str, new: str, keep_alias: bool = True) -> UnitsSnapshot:
    """Rename a unit in every task and in the registry (the old name becomes an alias)."""
    new = clean_unit_name(new)
    if not new:
        raise EditError("a unit needs a name")
    if new == old:
        raise EditError("the new name is the old one")
    if new in plan.registry or new in plan.units_used():
        raise EditError(f"unit {new} exists already; merge the two instead")
    snapshot = _snapshot(plan, old)
    for task in plan.tasks:
        task.leads = [new if u == old else u for u in task.leads]
        task.participants = [new if u == old else u for u in task.participants]
        if task.reports:
            rename_reporting_unit(task, old, new)
    unit = plan.registry.get(old)
    if unit is not None:
        aliases = [a for a in unit.aliases if a != new]
        if keep_alias:
            aliases.append(old)
        plan.registry.replace(old, Unit(new, unit.category, aliases, list(unit.members)))
    return snapshot


def merge_units(plan: Plan, source: str, target: str) -> UnitsSnapshot:
    """Replace ``source`` by ``target`` everywhere; ``source`` becomes an alias of ``target``.

    A task naming both keeps ``target`` once, as a lead if either was a lead.
    """
    if source == target:
        raise EditError("a unit cannot be merged into itself")
    snapshot = _snapshot(plan, source)
    for task in plan.tasks:
        if source not in task.leads and source not in task.participants:
            continue
        leads = [target if u == source else u for u in task.leads]
        leads = list(dict.fromkeys(leads))
        parts = [target if u == source else u for u in task.participants]
        parts = [u for u in dict.fromkeys(parts) if u not in leads]
        task.leads, task.participants = leads, parts
        if task.reports:
            rename_reporting_unit(task, source, target)
    src_unit = plan.registry.get(source)
    dst_unit = plan.registry.get(target)
    if src_unit is not None:
        inherited = [a for a in [source, *src_unit.aliases] if a != target]
        if dst_unit is None:
            # The target takes the source's place, category and aliases in the registry.
            plan.registry.replace(source, Unit(target, src_unit.category, inherited, list(src_unit.members)))
        else:
            plan.registry.remove(source)
            merged = dst_unit.copy()
            merged.aliases = list(dict.fromkeys(dst_unit.aliases + inherited))
            plan.registry.replace(target, merged)
    return snapshot


def update_unit(plan: Plan, name: str, category: str, aliases: list[str]) -> UnitsSnapshot:
    """Set a unit's category and aliases, registering it if it was unknown."""
    snapshot = UnitsSnapshot({}, plan.registry.copy())
    aliases = [a for a in dict.fromkeys(clean_unit_name(a) for a in aliases) if a and a != name]
    unit = plan.registry.get(name)
    if unit is None:
        plan.registry.add(Unit(name, category, aliases))
    else:
        plan.registry.replace(name, Unit(name, category, aliases, list(unit.members)))
    return snapshot


def _snapshot(plan: Plan, unit: str) -> UnitsSnapshot:
    touched = {
        i: (list(t.leads), list(t.participants))
        for i, t in enumerate(plan.tasks)
        if unit in t.leads or unit in t.participants
    }
    reports = {i: copy_reports(plan.tasks[i].reports) for i in touched if plan.tasks[i].reports}
    return UnitsSnapshot(touched, plan.registry.copy(), reports)
