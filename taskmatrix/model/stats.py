"""The plan in numbers: tasks per unit and role, per unit and section, per city; per round the
lights per unit and per section, and how many reports came in.

Counted with pandas (imported here, when statistics are first asked for: start-up does not
pay for it). Each table is a :class:`StatTable` of plain values, in Chinese like the printed
sheets (its headings are those of an official table), with the columns a chart draws.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from taskmatrix.model.lights import COLOURS, COUNT_WORDS, Thresholds
from taskmatrix.model.plan import Plan
from taskmatrix.model.progress import Progress
from taskmatrix.model.queries import CityResolver, units_with_tasks
from taskmatrix.model.units import CITY_ORDER

LEAD, PART = "牵头", "参与"
#: The lights as the round tables count them, in column order.
LIGHT_COLUMNS: tuple[tuple[str, str], ...] = COUNT_WORDS
NO_SECTION = "（未分板块）"


@dataclass
class StatTable:
    key: str  # unit_role, unit_section, city, round_unit, round_section
    title: str
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)  # the first column labels the row
    chart: list[int] = field(default_factory=list)  # the columns a bar chart stacks
    total: bool = True  # the last row is a total
    colours: list[str] = field(default_factory=list)  # the charted columns' colours (else a palette)
    scale: float = 0.0  # the value a full-width bar stands for (0: the table's largest total)
    round_name: str = ""  # the round a round table counts


def statistics(plan: Plan, round_name: str | None = None, as_of: _dt.date | None = None,
               thresholds: Thresholds | None = None) -> list[StatTable]:
    """Every table: the plan's, then the round's (``round_name``, else the last round) if any,
    its lights as of ``as_of`` (today)."""
    import pandas as pd

    units = units_with_tasks(plan)
    order = {u: i for i, u in enumerate(units)}
    sections = {s.number: s.label for s in plan.sections}
    records = []
    for i, task in enumerate(plan.tasks):  # by place: two tasks may share a number
        section = sections.get(task.section, NO_SECTION) if task.section is not None else NO_SECTION
        leads = dict.fromkeys(task.leads)
        for unit in leads:
            records.append((i, section, unit, LEAD))
        for unit in dict.fromkeys(task.participants):
            if unit not in leads:
                records.append((i, section, unit, PART))
    frame = pd.DataFrame.from_records(records, columns=["task", "section", "unit", "role"])
    section_order = [s.label for s in plan.sections] + [NO_SECTION]
    tables = [_unit_role(frame, units), _unit_section(frame, units, section_order),
              _cities(plan)]
    round_ = _round(plan, round_name)
    if round_ is not None:
        progress = Progress(plan, round_, as_of=as_of, thresholds=thresholds)
        tables += _round_tables(plan, progress, order, sections, section_order)
    return tables


def _round(plan: Plan, name: str | None) -> str | None:
    names = [r.name for r in plan.rounds]
    if name in names:
        return name
    return names[-1] if names else None


def _crosstab(frame: Any, index: str, columns: str, order: list[str]) -> Any:
    import pandas as pd

    if frame.empty:
        return pd.DataFrame(0, index=pd.Index([], name=index), columns=order)
    table = frame.groupby([index, columns], sort=False, observed=True).size().unstack(fill_value=0)
    return table.reindex(columns=order, fill_value=0)


def _unit_role(frame: Any, units: list[str]) -> StatTable:
    table = _crosstab(frame, "unit", "role", [LEAD, PART])
    table = table.reindex(units, fill_value=0)
    rows = [[unit, int(r[LEAD]), int(r[PART]), int(r[LEAD] + r[PART])] for unit, r in table.iterrows()]
    rows.append(["合计", sum(r[1] for r in rows), sum(r[2] for r in rows), sum(r[3] for r in rows)])
    return StatTable("unit_role", "各单位牵头、参与任务数", ["单位", "牵头任务", "参与任务", "合计"], rows, [1, 2])


def _unit_section(frame: Any, units: list[str], sections: list[str]) -> StatTable:
    table = _crosstab(frame, "unit", "section", sections)
    used = [s for s in sections if s != sections[-1] or (not table.empty and table[s].sum() > 0)]
    table = table.reindex(index=units, columns=used, fill_value=0)
    rows = [[unit, *(int(v) for v in r), int(r.sum())] for unit, r in table.iterrows()]
    rows.append(["合计", *(sum(r[c] for r in rows) for c in range(1, len(used) + 2))])
    return StatTable("unit_section", "各单位分板块任务数（牵头和参与）", ["单位", *used, "合计"], rows,
                     list(range(1, len(used) + 1)))


def _cities(plan: Plan) -> StatTable:
    resolver = CityResolver(plan.registry)
    city_map = plan.registry.city_map()
    lead: dict[str, int] = {}
    part: dict[str, int] = {}
    for task in plan.tasks:
        cities = resolver.resolve(task)[0]
        if not cities:
            continue
        leading = {c for u in task.leads for c in city_map.get(u, ())}
        for city in cities:
            target = lead if city in leading else part
            target[city] = target.get(city, 0) + 1
    names = sorted(set(lead) | set(part), key=lambda c: CITY_ORDER.get(c, len(CITY_ORDER)))
    rows: list[list[Any]] = [[c, lead.get(c, 0), part.get(c, 0), lead.get(c, 0) + part.get(c, 0)] for c in names]
    rows.append(["合计", sum(r[1] for r in rows), sum(r[2] for r in rows), sum(r[3] for r in rows)])
    header = ["城市", "牵头任务", "参与任务", "合计"]
    return StatTable("city", "各市牵头、参与任务数（含经城市组）", header, rows, [1, 2])


def _light_row(label: str, counts: dict[str, int], reported: int, total: int) -> list[Any]:
    share = f"{100 * reported / total:.0f}%" if total else ""
    return [label, *(counts.get(light, 0) for light, _ in LIGHT_COLUMNS), total, reported, share]


def _light_header(first: str) -> list[str]:
    return [first, *(name for _, name in LIGHT_COLUMNS), "合计", "已报送", "报送率"]


def _round_tables(plan: Plan, progress: Progress, order: dict[str, int], sections: dict[int, str],
                  section_order: list[str]) -> list[StatTable]:
    """Per lead unit: the lights of its own reports on the tasks it leads, and how many it sent;
    per section: the tasks' lights (a task with several leads shows its worst) and how many
    tasks have at least one report. One pass over the tasks."""
    import pandas as pd

    records = []
    counts: dict[str, dict[str, int]] = {}
    sent: dict[str, list[int]] = {}
    round_name = progress.round_name
    for task in plan.tasks:
        entries = task.reports.get(round_name) or {}
        any_report = False
        for unit in dict.fromkeys(task.leads):  # a unit named twice reports once
            entry = entries.get(unit)
            reported = entry is not None and not entry.is_empty()
            any_report = any_report or reported
            records.append((unit, progress.light_of_entry(task, entry if reported else None), reported))
        if not any_report and entries:
            any_report = any(not e.is_empty() for e in entries.values())
        section = sections.get(task.section, NO_SECTION) if task.section is not None else NO_SECTION
        light = progress.light(task)
        bucket = counts.setdefault(section, {})
        bucket[light] = bucket.get(light, 0) + 1
        tally = sent.setdefault(section, [0, 0])
        tally[0] += any_report
        tally[1] += 1
    frame = pd.DataFrame.from_records(records, columns=["unit", "light", "reported"])
    unit_rows = []
    if not frame.empty:
        lights = _crosstab(frame, "unit", "light", [light for light, _ in LIGHT_COLUMNS])
        totals = frame.groupby("unit", sort=False)["reported"].agg(["sum", "count"])
        for unit in sorted(totals.index, key=lambda u: order.get(u, len(order))):
            row_counts = {light: int(lights.at[unit, light]) for light in lights.columns}
            unit_rows.append(_light_row(unit, row_counts, int(totals.at[unit, "sum"]), int(totals.at[unit, "count"])))
    unit_rows.append(_total_row(unit_rows))
    section_rows = [_light_row(s, counts[s], sent[s][0], sent[s][1]) for s in section_order if s in counts]
    section_rows.append(_total_row(section_rows))
    charted = list(range(1, len(LIGHT_COLUMNS) + 1))
    colours = [COLOURS[light] for light, _ in LIGHT_COLUMNS]  # each light in its own colour
    return [StatTable("round_unit", f"{round_name}各牵头单位推进情况", _light_header("牵头单位"), unit_rows, charted,
                      colours=colours, round_name=round_name),
            StatTable("round_section", f"{round_name}分板块推进情况", _light_header("板块"), section_rows, charted,
                      colours=colours, round_name=round_name)]


def _total_row(rows: list[list[Any]]) -> list[Any]:
    n = len(LIGHT_COLUMNS)
    counts = {light: sum(r[1 + i] for r in rows) for i, (light, _) in enumerate(LIGHT_COLUMNS)}
    return _light_row("合计", counts, sum(r[n + 2] for r in rows), sum(r[n + 1] for r in rows))
