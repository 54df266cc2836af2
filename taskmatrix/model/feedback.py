"""Collecting the units' reports offline: what a unit's workbook for a round says about itself,
how a returned row is matched to a task, checked, and merged.

The office sends each unit a workbook with its tasks for a round (:mod:`taskmatrix.io.feedback`)
and merges the returns. A sent workbook identifies itself by the plan (:func:`plan_key`, from
the plan's title), the round, the unit, and each row's task id (:func:`task_id`: number and a
digest of the title, so a row is found again if rows were sorted or moved); a check value over
all of them (:func:`check_value`) shows a hand-edited identity. Each row also carries a digest
of the report as sent (:func:`entry_digest`): when the office has changed that report since,
a return that changes it too is a conflict, not an overwrite. Pure Python.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.queries import unit_tasks, units_with_tasks
from taskmatrix.model.rounds import Entry
from taskmatrix.model.translate import QT_TRANSLATE_NOOP

FORMAT = "taskmatrix-return/1"
LEAD, PARTICIPANT = "牵头", "参与"
#: What a returned row is, once compared with the plan.
NEW, CHANGED, UNCHANGED, CONFLICT, REJECTED = "new", "changed", "unchanged", "conflict", "rejected"
KINDS = (NEW, CHANGED, UNCHANGED, CONFLICT, REJECTED)


def _digest(*parts: str, size: int = 16) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def plan_key(plan: Plan) -> str:
    """The plan a workbook was sent for (its title: the same plan saved elsewhere still matches)."""
    return _digest("plan", " ".join(plan.title.split()))


def task_id(task: Task) -> str:
    return f"{task.number}-{_digest('task', task.title.strip(), size=8)}"


def check_value(key: str, round_name: str, unit: str, ids: Iterable[str]) -> str:
    return _digest(FORMAT, key, round_name, unit, *sorted(ids), size=20)


def entry_digest(entry: Entry | None) -> str:
    """The report as it was sent (``-`` for none)."""
    if entry is None or entry.is_empty():
        return "-"
    return _digest(entry.status, "" if entry.percent is None else f"{entry.percent:g}", entry.progress,
                   entry.problems, entry.next_steps, entry.reporter,
                   entry.date.isoformat() if entry.date else "", size=12)


@dataclass
class Assignment:
    task: Task
    role: str  # LEAD or PARTICIPANT


def assignments(plan: Plan, unit: str) -> list[Assignment]:
    """The unit's tasks for a workbook: those it leads, then those it takes part in."""
    found = unit_tasks(plan, unit)
    return [Assignment(t, LEAD) for t in found.lead] + [Assignment(t, PARTICIPANT) for t in found.participant]


#: The units a round's workbooks go to: every unit that leads or takes part, in registry order.
expected_units = units_with_tasks


# -- a return, read -------------------------------------------------------------------------------
@dataclass
class Identity:
    """What a returned workbook says it is."""

    format: str
    plan: str  # plan_key
    plan_title: str
    round: str
    unit: str
    check: str
    #: task id -> (role, digest of the report as sent)
    sent: dict[str, tuple[str, str]] = field(default_factory=dict)

    def expected_check(self) -> str:
        return check_value(self.plan, self.round, self.unit, self.sent)


@dataclass
class ReturnedRow:
    """One row of a returned workbook, as typed (validated by :func:`compare`)."""

    row: int  # 1-based sheet row, for messages
    task_id: str
    number: str
    title: str
    status: str = ""
    percent: object = None
    progress: str = ""
    problems: str = ""
    next_steps: str = ""
    reporter: str = ""
    date: object = None

    def is_blank(self) -> bool:
        return not any((self.status, _text(self.percent), self.progress, self.problems, self.next_steps,
                        self.reporter, _text(self.date)))


@dataclass
class RowChange:
    """A returned row compared with the plan: its kind, the report it would put, the reason."""

    row: int
    kind: str
    number: int | None
    title: str
    task: Task | None = None
    old: Entry | None = None
    new: Entry | None = None
    reason: str = ""
    #: The reason as a template (translated in the ``Feedback`` context) and its values.
    template: str = ""
    params: dict[str, object] = field(default_factory=dict)
    #: Whether the user accepts it (new and changed rows start accepted, conflicts do not).
    accepted: bool = False


def _why(change: RowChange, kind: str, template: str, **params: object) -> None:
    change.kind, change.template, change.params = kind, template, params
    change.reason = template.format(**params)


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def find_task(plan: Plan, row: ReturnedRow, by_id: dict[str, Task]) -> Task | None:
    """The row's task: by its hidden id; else by the number and title shown."""
    task = by_id.get(row.task_id)
    if task is not None:
        return task
    title = row.title.strip()
    number = row.number.strip().rstrip(".．、")
    for task in plan.tasks:
        if str(task.number) == number and task.title.strip() == title:
            return task
    return None


def parse_percent(value: object) -> float | None:
    """0–100 from ``40``, ``40.5``, ``"40%"``, ``"４０％"``; raises ``ValueError`` otherwise."""
    if value is None or _text(value) == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = _text(value).translate(_FULL_WIDTH).rstrip("%").strip()
        number = float(text)
    if not 0 <= number <= 100 or number != number:
        raise ValueError(value)
    return number


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def parse_day(value: object) -> _dt.date | None:
    """A report date from a date cell or ``2019-04-08``, ``2019/4/8``, ``2019.4.8``, ``2019年4月8日``."""
    if value is None or _text(value) == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = _text(value).translate(_FULL_WIDTH)
    for sep in ("年", "月", "/", "."):
        text = text.replace(sep, "-")
    text = text.rstrip("日").strip()
    parts = text.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(value)
    return _dt.date(int(parts[0]), int(parts[1]), int(parts[2]))


def task_ids(plan: Plan) -> dict[str, Task]:
    """Each task by its id (work it out once for all the files of an import)."""
    return {task_id(t): t for t in plan.tasks}


def compare(plan: Plan, identity: Identity, rows: Sequence[ReturnedRow], statuses: Sequence[str],
            received: _dt.date, by_id: dict[str, Task] | None = None) -> list[RowChange]:
    """Each returned row against the plan's report of the unit in the round."""
    by_id = task_ids(plan) if by_id is None else by_id
    id_of = {id(t): tid for tid, t in by_id.items()}
    unit, round_name = identity.unit, identity.round
    seen: dict[int, int] = {}
    changes: list[RowChange] = []
    for row in rows:
        number = _number(row.number)
        task = find_task(plan, row, by_id)
        change = RowChange(row.row, UNCHANGED, task.number if task else number, task.title if task else row.title,
                           task)
        changes.append(change)
        if task is None:
            _why(change, REJECTED, QT_TRANSLATE_NOOP("Feedback", "names no task of the plan"))
            continue
        if unit not in task.leads and unit not in task.participants:
            _why(change, REJECTED, QT_TRANSLATE_NOOP("Feedback", "the task is no longer the unit's"))
            continue
        if id(task) in seen:
            _why(change, REJECTED, QT_TRANSLATE_NOOP("Feedback", "the task is also on row {other}"),
                 other=seen[id(task)])
            continue
        seen[id(task)] = row.row
        old = (task.reports.get(round_name) or {}).get(unit)
        change.old = old
        if row.is_blank():
            continue  # nothing reported on this task
        problem = _invalid(row, statuses)
        if problem:
            _why(change, REJECTED, problem[0], **problem[1])
            continue
        new = Entry(unit, row.status.strip(), parse_percent(row.percent), row.progress, row.problems,
                    row.next_steps, row.reporter.strip(), parse_day(row.date) or received)
        change.new = new
        if old is not None and replace(old, date=new.date) == new and old.date is not None:
            continue
        sent = identity.sent.get(id_of.get(id(task)) or task_id(task))
        office_changed = sent is not None and sent[1] != entry_digest(old)
        if office_changed and (old is None or replace(old, date=None) != replace(new, date=None)):
            _why(change, CONFLICT, QT_TRANSLATE_NOOP("Feedback", "the office changed this report after sending"))
            continue
        change.kind = NEW if old is None or old.is_empty() else CHANGED
        change.accepted = True
    return changes


def _invalid(row: ReturnedRow, statuses: Sequence[str]) -> tuple[str, dict[str, object]] | None:
    status = row.status.strip()
    if status and status not in statuses:
        return (QT_TRANSLATE_NOOP("Feedback", "status “{status}” is not one of {statuses}"),
                {"status": status, "statuses": "、".join(statuses)})
    try:
        parse_percent(row.percent)
    except ValueError:
        return (QT_TRANSLATE_NOOP("Feedback", "percent “{value}” is not a number from 0 to 100"),
                {"value": _text(row.percent)})
    try:
        parse_day(row.date)
    except ValueError:
        return QT_TRANSLATE_NOOP("Feedback", "date “{value}” is not a date (YYYY-MM-DD)"), {"value": _text(row.date)}
    return None


def _number(text: str) -> int | None:
    text = text.strip().rstrip(".．、")
    return int(text) if text.isdigit() else None


def counts(changes: Iterable[RowChange]) -> dict[str, int]:
    found = dict.fromkeys(KINDS, 0)
    for change in changes:
        found[change.kind] += 1
    return found


# -- who has reported --------------------------------------------------------------------------
@dataclass
class Outstanding:
    unit: str
    lead: int
    participant: int


def reported_units(plan: Plan, round_name: str) -> set[str]:
    """Units with a dated report in the round (a draft carried from the last round has none)."""
    found: set[str] = set()
    for task in plan.tasks:
        for unit, entry in (task.reports.get(round_name) or {}).items():
            if entry.date is not None:
                found.add(unit)
    return found


def not_reported(plan: Plan, round_name: str) -> list[Outstanding]:
    """The units that lead a task and have not reported in the round, with their task counts."""
    done = reported_units(plan, round_name)
    out = []
    for unit in expected_units(plan):
        if unit in done:
            continue
        lead = sum(unit in t.leads for t in plan.tasks)
        if lead:
            part = sum(unit in t.participants and unit not in t.leads for t in plan.tasks)
            out.append(Outstanding(unit, lead, part))
    return out


def reporting_units(plan: Plan) -> list[str]:
    """The units expected to report: those that lead a task."""
    leads = {u for t in plan.tasks for u in t.leads}
    return [u for u in expected_units(plan) if u in leads]


def accepted_entries(changes: Iterable[RowChange]) -> list[tuple[Task, Entry]]:
    """The reports the accepted rows put (new, changed, and conflicts the user accepted)."""
    return [(c.task, c.new) for c in changes
            if c.accepted and c.task is not None and c.new is not None and c.kind in (NEW, CHANGED, CONFLICT)]


def merge(changes: Iterable[RowChange], round_name: str) -> int:
    """Put the accepted reports into their tasks; returns how many."""
    from taskmatrix.model.rounds import set_entry

    done = 0
    for task, entry in accepted_entries(changes):
        set_entry(task, round_name, entry)
        done += 1
    return done
