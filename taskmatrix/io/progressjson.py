"""Rounds, reports and deadlines in the JSON document (``taskmatrix/1``).

A task's ``deadline`` is ``{"text", "kind", "start", "end", "fuzzy"}`` (a plain string, as
older files have, is read as its text); where the user corrected the deadline, the object
holds the correction and reads back as one. ``rounds`` lists each round with its reports:
``{"name", "start", "end", "due", "entries": [{"task", "unit", "status", "percent", "progress",
"problems", "next_steps", "reporter", "date", "light"}]}`` (the light as of the day written;
it is worked out again on reading).
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.model.deadlines import Deadline, parse_deadline, plan_year
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.progress import Progress
from taskmatrix.model.rounds import Entry, Round


def deadline_to_json(task: Task, year: int | None) -> dict[str, object]:
    found = task.due if task.due is not None else parse_deadline(task.deadline, year)
    return found.as_dict()


def deadline_from_json(value: Any, year: int | None, what: str, path: str | Path | None) -> tuple[str, Deadline | None]:
    """A task's deadline: (its text, the correction or ``None`` when it reads as its text does)."""
    if not isinstance(value, dict):
        return ("" if value is None else str(value)), None
    text = "" if value.get("text") is None else str(value.get("text"))
    try:
        given = Deadline.from_dict(value)
    except (ValueError, TypeError) as exc:
        raise PlanFormatError(path, "“{what}” is not a deadline: {reason}", what=what, reason=str(exc)) from None
    return text, (None if given == parse_deadline(text, year) else given)


def entry_to_json(task: Task, entry: Entry, light: str) -> dict[str, object]:
    return {"task": task.number, "unit": entry.unit, "status": entry.status, "percent": entry.percent,
            "progress": entry.progress, "problems": entry.problems, "next_steps": entry.next_steps,
            "reporter": entry.reporter, "date": entry.date.isoformat() if entry.date else None, "light": light}


def rounds_to_json(plan: Plan, as_of: _dt.date | None = None) -> list[dict[str, object]]:
    out = []
    for round_ in plan.rounds:
        progress = Progress(plan, round_.name, as_of=as_of)
        entries = []
        for task in plan.tasks:
            for entry in (task.reports.get(round_.name) or {}).values():
                entries.append(entry_to_json(task, entry, progress.light_of_entry(task, entry)))
        out.append({**round_meta(round_), "entries": entries})
    return out


def round_meta(round_: Round) -> dict[str, object]:
    return {"name": round_.name, "start": _iso(round_.start), "end": _iso(round_.end), "due": _iso(round_.due)}


def round_from_json(value: Any, what: str, path: str | Path | None) -> Round:
    if not isinstance(value, dict) or not str(value.get("name") or "").strip():
        raise PlanFormatError(path, "“{what}” is not a round (it needs a name)", what=what)
    return Round(str(value["name"]), _day(value.get("start"), what, path), _day(value.get("end"), what, path),
                 _day(value.get("due"), what, path))


def entry_from_json(value: Any, what: str, path: str | Path | None) -> Entry:
    if not isinstance(value, dict):
        raise PlanFormatError(path, "“{what}” is not an object", what=what)
    percent = value.get("percent")
    if percent is not None:
        if isinstance(percent, bool) or not isinstance(percent, (int, float)) or not 0 <= percent <= 100:
            raise PlanFormatError(path, "“{what}.percent” is not a share from 0 to 100", what=what)
        percent = float(percent)
    return Entry(_s(value.get("unit")), _s(value.get("status")), percent, _s(value.get("progress")),
                 _s(value.get("problems")), _s(value.get("next_steps")), _s(value.get("reporter")),
                 _day(value.get("date"), what, path))


def reports_to_json(task: Task) -> dict[str, list[dict[str, object]]]:
    """A task's reports by round (the recovery copy's form: each task carries its own)."""
    return {name: [entry_to_json(task, e, "") for e in entries.values()] for name, entries in task.reports.items()}


def reports_from_json(value: Any, what: str, path: str | Path | None) -> dict[str, dict[str, Entry]]:
    if not isinstance(value, dict):
        raise PlanFormatError(path, "“{what}” is not an object", what=what)
    reports: dict[str, dict[str, Entry]] = {}
    for name, items in value.items():
        for j, item in enumerate(items if isinstance(items, list) else []):
            entry = entry_from_json(item, f"{what}[{j}]", path)
            reports.setdefault(str(name), {})[entry.unit] = entry
    return reports


def read_rounds(doc: dict[str, Any], plan: Plan, path: str | Path | None) -> None:
    """The document's rounds and their reports into ``plan`` (tasks read already)."""
    rounds = doc.get("rounds") or []
    if not isinstance(rounds, list):
        raise PlanFormatError(path, "“{what}” is not a list", what="rounds")
    by_number = {t.number: t for t in plan.tasks}
    for i, value in enumerate(rounds):
        round_ = round_from_json(value, f"rounds[{i}]", path)
        if any(r.name == round_.name for r in plan.rounds):
            raise PlanFormatError(path, "round “{name}” appears twice", name=round_.name)
        plan.rounds.append(round_)
        entries = value.get("entries") or []
        if not isinstance(entries, list):
            raise PlanFormatError(path, "“{what}” is not a list", what=f"rounds[{i}].entries")
        for j, item in enumerate(entries):
            what = f"rounds[{i}].entries[{j}]"
            entry = entry_from_json(item, what, path)
            task = by_number.get(item.get("task")) if isinstance(item.get("task"), int) else None
            if task is None:
                raise PlanFormatError(path, "“{what}” names task {number}, which does not exist", what=what,
                                      number=str(item.get("task")))
            task.reports.setdefault(round_.name, {})[entry.unit] = entry
    statuses = doc.get("statuses")
    if isinstance(statuses, list) and statuses:
        plan.statuses = [str(s) for s in statuses if str(s).strip()]


def plan_deadline_year(plan: Plan) -> int | None:
    return plan_year(plan.title, plan.preamble)


def _iso(day: _dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value: Any, what: str, path: str | Path | None) -> _dt.date | None:
    if value in (None, ""):
        return None
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise PlanFormatError(path, "“{what}” has a date that is not YYYY-MM-DD: {value}", what=what,
                              value=str(value)[:20]) from None


def _s(value: Any) -> str:
    return "" if value is None else str(value)
