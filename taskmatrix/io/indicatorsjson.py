"""The plan's indicators in JSON: ``indicators`` (``[{"task", "text", "value", "measure", "year",
"comparison", "source", "actuals"}]``) and ``indicators_kept`` (true once the user kept or
edited them; false: read from the task bodies, and read again after an edit)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from taskmatrix.io.errors import Notice, PlanFormatError
from taskmatrix.model.indicators import COMPARISONS, Indicator, indicators_of, plain_number
from taskmatrix.model.plan import MAX_NUMBER, Plan


def indicators_to_json(plan: Plan) -> list[dict[str, Any]]:
    return [{"task": i.task, "text": i.text, "value": plain_number(i.value), "measure": i.measure, "year": i.year,
             "comparison": i.comparison, "source": i.source,
             "actuals": {name: plain_number(v) for name, v in i.actuals.items()}}
            for i in indicators_of(plan)]


def read_indicators(doc: dict[str, Any], plan: Plan, path: str | Path | None) -> list[Notice]:
    """Keep the file's indicators when the user had kept them (else they are read afresh).
    An indicator of a task the plan does not have is kept, and said."""
    kept = doc.get("indicators_kept", False)
    if not isinstance(kept, bool):
        raise PlanFormatError(path, "“indicators_kept” is not true or false")
    values = doc.get("indicators")
    if not kept:
        return []
    if not isinstance(values, list):
        raise PlanFormatError(path, "“indicators” is not a list")
    numbers = {t.number for t in plan.tasks}
    found = []
    orphans: list[int] = []
    for i, value in enumerate(values):
        what = f"indicators[{i}]"
        if not isinstance(value, dict):
            raise PlanFormatError(path, "“{what}” is not an object", what=what)
        task = value.get("task")
        if not isinstance(task, int) or isinstance(task, bool) or not 1 <= task <= MAX_NUMBER:
            raise PlanFormatError(path, "“{what}.task” is not a task number", what=what)
        if task not in numbers:
            orphans.append(task)
        comparison = value.get("comparison") or ">="
        if comparison not in COMPARISONS:
            raise PlanFormatError(path, "“{what}.comparison” is not one of >=, <=, =", what=what)
        year = value.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2200):
            raise PlanFormatError(path, "“{what}.year” is not a year", what=what)
        actuals = value.get("actuals") or {}
        if not isinstance(actuals, dict):
            raise PlanFormatError(path, "“{what}.actuals” is not an object", what=what)
        read = {str(k): _number(v, f"{what}.actuals", path) for k, v in actuals.items()}
        found.append(Indicator(task, _s(value.get("text")), _number(value.get("value"), f"{what}.value", path),
                               _s(value.get("measure")), year, comparison, _s(value.get("source")),
                               {k: v for k, v in read.items() if v is not None}))
    plan.indicators = found
    if not orphans:
        return []
    return [Notice("{count} indicators name tasks the plan does not have (tasks {tasks}); they were kept",
                   kind="indicators", count=len(orphans), tasks="、".join(map(str, orphans[:10])))]


def _number(value: Any, what: str, path: str | Path | None) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else math.nan
    except OverflowError:
        number = math.nan
    if not math.isfinite(number):
        raise PlanFormatError(path, "“{what}” is not a number", what=what)
    return number


def _s(value: Any) -> str:
    return "" if value is None else str(value)
