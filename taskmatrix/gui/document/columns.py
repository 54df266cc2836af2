"""The task table's columns: each a task field (:mod:`taskmatrix.model.fields`) with the
width and alignment the table gives it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt

from taskmatrix.model.fields import FIELDS, REPORT_FIELDS, TITLES_CONTEXT, Field, extra_key, field_of
from taskmatrix.model.plan import Plan

_CENTER = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
#: Width in characters and alignment of each declared field's column.
_LOOK: dict[str, tuple[int, Qt.AlignmentFlag]] = {
    "number": (3, _CENTER), "section": (8, _LEFT), "title": (14, _LEFT), "body": (24, _LEFT),
    "leads": (9, _LEFT), "participants": (14, _LEFT), "cities": (9, _LEFT), "deadline": (6, _LEFT),
    "status": (5, _CENTER), "progress": (12, _LEFT), "notes": (8, _LEFT),
}
_EXTRA_LOOK = (8, _LEFT)
_REPORT_LOOK: dict[str, tuple[int, Qt.AlignmentFlag]] = {
    "light": (5, _CENTER), "status": (5, _CENTER), "percent": (4, _CENTER), "progress": (16, _LEFT),
    "problems": (10, _LEFT), "next_steps": (10, _LEFT), "reporter": (5, _LEFT), "date": (6, _CENTER),
}


@dataclass(frozen=True)
class Column:
    """One table column: a field, its width in characters and its alignment."""

    field: Field
    width_chars: int
    align: Qt.AlignmentFlag = _LEFT

    @property
    def key(self) -> str:
        return self.field.key

    @property
    def editable(self) -> bool:
        return self.field.editable

    def title(self) -> str:
        if self.field.kind == "extra":
            return self.field.title  # the plan's own name for it
        return QCoreApplication.translate(TITLES_CONTEXT, self.field.title)

    @property
    def align_value(self) -> int:
        return int(self.align.value)


BASE_COLUMNS: tuple[Column, ...] = tuple(Column(f, *_LOOK[f.key]) for f in FIELDS)


REPORT_COLUMNS: tuple[Column, ...] = tuple(Column(f, *_REPORT_LOOK[f.name]) for f in REPORT_FIELDS)


def columns_for(plan: Plan) -> list[Column]:
    """The declared columns, one per extra field of the plan, and once the plan has rounds
    the report columns of the round shown."""
    return (list(BASE_COLUMNS) + [Column(field_of(extra_key(name)), *_EXTRA_LOOK) for name in plan.extra_fields]
            + (list(REPORT_COLUMNS) if plan.rounds else []))
