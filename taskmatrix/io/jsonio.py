"""The plan as JSON, format ``taskmatrix/1`` (FORMATS.md §3), read and written losslessly.

``cities`` is written for the reader's convenience and recomputed on reading. Besides the
documented keys the writer adds ``extra_fields`` (the order of the extra columns, so a plan
with no tasks keeps them) and ``members`` on city groups; readers ignore unknown keys.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from taskmatrix.io.atomic import atomic_write_bytes
from taskmatrix.io.errors import Notice, PlanFormatError
from taskmatrix.io.files import read_bytes
from taskmatrix.io.indicatorsjson import indicators_to_json, read_indicators
from taskmatrix.io.progressjson import (
    deadline_from_json,
    deadline_to_json,
    plan_deadline_year,
    read_rounds,
    reports_from_json,
    round_meta,
    rounds_to_json,
)
from taskmatrix.io.result import Progress, ReadResult
from taskmatrix.model.plan import MAX_NUMBER, Plan, Section, Task
from taskmatrix.model.queries import CityResolver, task_cities
from taskmatrix.model.units import (
    DEFAULT_GROUP_MEMBERS,
    GROUP_CATEGORY,
    UNREGISTERED_LABEL,
    Unit,
    UnitRegistry,
)

FORMAT_ID = "taskmatrix/1"
MAX_JSON_BYTES = 512 * 1024 * 1024


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    doc = plan_header(plan)
    registry = plan.registry
    cities = CityResolver(registry)  # a plan names few combinations of cities: each is worked out once
    year = plan_deadline_year(plan)
    doc["tasks"] = [task_to_dict(t, registry, list(cities.resolve(t)[0]), deadline_to_json(t, year))
                    for t in plan.tasks]
    doc["units"] = doc.pop("units")  # keep the documented key order: tasks, then units
    doc["rounds"] = rounds_to_json(plan)
    doc["statuses"] = doc.pop("statuses")
    doc["indicators"] = indicators_to_json(plan)
    doc["indicators_kept"] = plan.indicators is not None
    return doc


def plan_header(plan: Plan) -> dict[str, Any]:
    """Everything of the plan but its tasks."""
    return {
        "format": FORMAT_ID,
        "title": plan.title,
        "preamble": plan.preamble,
        "sections": [{"number": s.number, "title": s.title} for s in plan.sections],
        "extra_fields": list(plan.extra_fields),
        "units": units_to_list(plan),
        "rounds": [round_meta(r) for r in plan.rounds],  # with their reports in plan_to_dict
        "statuses": list(plan.statuses),
        # the indicators the user kept (those read from the bodies are read again)
        **({"indicators": indicators_to_json(plan), "indicators_kept": True} if plan.indicators is not None else {}),
    }


def units_to_list(plan: Plan) -> list[dict[str, Any]]:
    """Registered units, then the unknown units the plan uses (with an empty category)."""
    units: list[dict[str, Any]] = []
    for unit in plan.registry:
        entry: dict[str, Any] = {"name": unit.name, "category": unit.category, "aliases": list(unit.aliases)}
        if unit.category == GROUP_CATEGORY:
            entry["members"] = list(unit.members)
        units.append(entry)
    for name in plan.unknown_units():
        units.append({"name": name, "category": "", "aliases": []})
    return units


def task_to_dict(t: Task, registry: UnitRegistry, cities: list[str] | None = None,
                 deadline: dict[str, object] | None = None) -> dict[str, Any]:
    """A task as the JSON document holds it; ``cities`` and ``deadline`` (its JSON form): if
    worked out already."""
    return {
        "number": t.number,
        "section": t.section,
        "title": t.title,
        "body": t.body,
        "leads": list(t.leads),
        "participants": list(t.participants),
        "cities": task_cities(t, registry) if cities is None else cities,
        "deadline": deadline if deadline is not None else deadline_to_json(t, None),
        "status": t.status,
        "progress": t.progress,
        "notes": t.notes,
        "extra": dict(t.extra),
    }


def dumps(plan: Plan) -> str:
    """The plan as JSON: one key of the document per line, one element per line in its lists
    (a task, a section, a unit), so it reads and compares line by line; written with the C
    encoder (``indent`` would take the pure-Python one, three times slower)."""
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    lines = ["{"]
    doc = plan_to_dict(plan)
    last = len(doc) - 1
    for i, (key, value) in enumerate(doc.items()):
        comma = "," if i < last else ""
        if isinstance(value, list) and value:
            lines.append(f"{encode(key)}: [")
            lines.append(",\n".join(map(encode, value)))
            lines.append("]" + comma)
        else:
            lines.append(f"{encode(key)}: {encode(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_json(plan: Plan, path: str | Path, backup: bool = False, progress: Progress | None = None) -> None:
    atomic_write_bytes(path, dumps(plan).encode("utf-8"), backup=backup)


def read_json(path: str | Path, registry: UnitRegistry | None = None, progress: Progress | None = None) -> ReadResult:
    """Read a Task Matrix JSON file (it carries its own registry: ``registry`` is not used)."""
    path = Path(path)
    data = read_bytes(path, MAX_JSON_BYTES)
    if not data.strip():
        raise PlanFormatError(path, "the file is empty")
    try:
        doc = json.loads(data.decode("utf-8-sig"), parse_constant=_refuse_constant, parse_int=_whole_number)
    except UnicodeDecodeError:
        raise PlanFormatError(path, "not a Task Matrix JSON file: the text is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise PlanFormatError(path, "not valid JSON: {reason}", row=exc.lineno, reason=exc.msg) from None
    except RecursionError:
        raise PlanFormatError(path, "not a Task Matrix JSON file: its values are nested too deeply") from None
    except _BadNumber as exc:
        raise PlanFormatError(path, "not a Task Matrix JSON file: the number {number} is not allowed here",
                              number=str(exc)) from None
    if _ESCAPED_SURROGATE.search(data):
        _check_encodable(doc, path)
    return ReadResult(*plan_from_dict(doc, path))


# ``\ud800``: a surrogate escape, which must come in pairs.
_ESCAPED_SURROGATE = re.compile(rb"\\[uU][dD][89abcdefABCDEF]")


class _BadNumber(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _BadNumber(name)  # NaN, Infinity, -Infinity: not JSON, and no value the plan can hold


def _whole_number(text: str) -> int:
    if len(text.lstrip("-")) > 18:
        raise _BadNumber(text[:20] + ("…" if len(text) > 20 else ""))
    return int(text)


def _check_encodable(value: Any, path: str | Path | None) -> None:
    """Every text in the document can be saved: no lone surrogate (``\\ud800`` unpaired)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise PlanFormatError(path, "not a Task Matrix JSON file: a text holds an unpaired surrogate "
                                            "(\\u{code:04x}), which no file can store",
                                      code=ord(item[_first_surrogate(item)])) from None
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _first_surrogate(text: str) -> int:
    return next(i for i, ch in enumerate(text) if 0xD800 <= ord(ch) <= 0xDFFF)


def loads(text: str) -> Plan:
    return plan_from_dict(json.loads(text), None)[0]


def plan_from_dict(doc: Any, path: str | Path | None) -> tuple[Plan, list[Notice]]:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_ID:
        raise PlanFormatError(path, "not a Task Matrix JSON file (format “{format}” expected)",
                              format=FORMAT_ID)
    warnings: list[Notice] = []
    try:
        registry = _registry(doc.get("units"), path)
        plan = Plan(
            title=_text(doc.get("title")),
            preamble=_text(doc.get("preamble")),
            registry=registry,
        )
        for i, s in enumerate(_list(doc.get("sections"), "sections", path)):
            number = _int(s.get("number"), f"sections[{i}].number", path)
            if plan.section(number) is not None:
                raise PlanFormatError(path, "section number {number} appears twice", number=number)
            plan.sections.append(Section(number, _text(s.get("title"))))
        plan.extra_fields = [str(f) for f in _list(doc.get("extra_fields") or [], "extra_fields", path)]
        seen: set[int] = set()
        canonical = registry.canonical
        year = plan_deadline_year(plan)
        for i, t in enumerate(_list(doc.get("tasks"), "tasks", path)):
            if not isinstance(t, dict):
                raise PlanFormatError(path, "tasks[{index}] is not an object", index=i)
            number = _int(t.get("number"), f"tasks[{i}].number", path)
            if number in seen:
                raise PlanFormatError(path, "duplicate task number {number}", number=number)
            seen.add(number)
            section = t.get("section")
            if section is not None:
                section = _int(section, f"tasks[{i}].section", path)
                if plan.section(section) is None:
                    raise PlanFormatError(path, "task {number} names section {section}, which does not exist",
                                          number=number, section=section)
            extra = t.get("extra") or {}
            if not isinstance(extra, dict):
                raise PlanFormatError(path, "tasks[{index}].extra is not an object", index=i)
            get = t.get
            deadline, due = deadline_from_json(get("deadline"), year, f"tasks[{i}].deadline", path)
            plan.tasks.append(Task(
                number,
                section,
                _text(get("title")),
                _text(get("body")),
                [canonical(u if type(u) is str else str(u)) for u in _list(get("leads") or [], "leads", path)],
                [canonical(u if type(u) is str else str(u))
                 for u in _list(get("participants") or [], "participants", path)],
                deadline,
                _text(get("status")),
                _text(get("progress")),
                _text(get("notes")),
                {str(k): _text(v) for k, v in extra.items()},
                due,
            ))
            if get("reports"):  # a recovery copy keeps each task's reports with it
                plan.tasks[-1].reports = reports_from_json(get("reports"), f"tasks[{i}].reports", path)
        read_rounds(doc, plan, path)
        warnings.extend(read_indicators(doc, plan, path))
    except PlanFormatError:
        raise
    except (AttributeError, TypeError, ValueError) as exc:
        raise PlanFormatError(path, "not a Task Matrix JSON file: {reason}", reason=exc) from None
    for task in plan.tasks:
        for name in task.extra:
            if name not in plan.extra_fields:
                plan.extra_fields.append(name)
    plan.ensure_extra_fields(())
    if not plan.is_grouped():
        from taskmatrix.model.edits import regroup

        regroup(plan)
        warnings.append(Notice("tasks were put in section order", kind="regrouped"))
    return plan, warnings


def _registry(units: Any, path: str | Path | None) -> UnitRegistry:
    if units is None:
        return UnitRegistry.default()
    registry = UnitRegistry()
    for i, u in enumerate(_list(units, "units", path)):
        if not isinstance(u, dict):
            raise PlanFormatError(path, "units[{index}] is not an object", index=i)
        category = _text(u.get("category"))
        if not category or category == UNREGISTERED_LABEL:
            continue
        name = _text(u.get("name"))
        if not name or name in registry:
            continue
        aliases = [str(a) for a in _list(u.get("aliases") or [], "aliases", path)]
        if "members" in u:
            members = [str(m) for m in _list(u.get("members") or [], "members", path)]
        else:
            members = list(DEFAULT_GROUP_MEMBERS.get(name, ())) if category == GROUP_CATEGORY else []
        registry.add(Unit(name, category, aliases, members))
    return registry


def _list(value: Any, what: str, path: str | Path | None) -> list[Any]:
    if not isinstance(value, list):
        raise PlanFormatError(path, "“{what}” is not a list", what=what)
    return value


def _int(value: Any, what: str, path: str | Path | None) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)) or (isinstance(value, str) and len(value) > 18):
        raise PlanFormatError(path, "“{what}” is not a whole number", what=what)
    try:
        number = int(value)
    except ValueError:
        raise PlanFormatError(path, "“{what}” is not a whole number", what=what) from None
    if not 1 <= number <= MAX_NUMBER:
        raise PlanFormatError(path, "“{what}” is {number}: numbers run from 1 to 99,999,999", what=what,
                              number=number)
    return number


def _text(value: Any) -> str:
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
