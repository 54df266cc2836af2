"""What every reader returns, declared once: the plan, what was recognised, what was noticed.

``Progress`` is the cancellation/progress callback the readers and writers take:
``progress(done, total)``; it returns False to cancel (the reader then raises ``Cancelled``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from taskmatrix.io.errors import Notice
from taskmatrix.model.plan import Plan

Progress = Callable[[int, int], bool]


@dataclass
class ReadResult:
    """A plan read from a file, with what the reader noticed along the way.

    ``info``: the one line saying what was recognised (a workbook's sheet and columns);
    ``facts``: more of the same (the lead rule applied, the title block, the document's
    layout), shown in the import report; ``warnings``: every place the reader was unsure or
    changed something, each with a ``kind`` the report groups by.
    """

    plan: Plan
    warnings: list[Notice] = field(default_factory=list)
    info: Notice | None = None
    facts: list[Notice] = field(default_factory=list)


def unknown_unit_notices(plan: Plan) -> list[Notice]:
    """One warning per unit the plan names that its registry does not know, with its tasks."""
    unknown: dict[str, list[int]] = {name: [] for name in plan.unknown_units()}
    if not unknown:
        return []
    for task in plan.tasks:
        for unit in dict.fromkeys(task.leads + task.participants):
            if unit in unknown:
                unknown[unit].append(task.number)
    notices = []
    for unit, numbers in unknown.items():
        shown = ", ".join(map(str, numbers[:20])) + (" …" if len(numbers) > 20 else "")
        notices.append(Notice("unknown unit “{unit}” (tasks {tasks}) kept as written", kind="unknown_unit",
                              unit=unit, tasks=shown))
    return notices
