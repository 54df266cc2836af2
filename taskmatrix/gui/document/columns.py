"""The task table's columns, declared once: key, header, width, alignment, editability."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt

from taskmatrix.model.plan import Plan

CONTEXT = "Columns"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Column:
    """One table column. ``key`` is a task field, ``cities``, or ``extra:NAME``."""

    key: str
    header: str
    width_chars: int
    editable: bool = True
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    translate: bool = True

    def title(self) -> str:
        if not self.translate:
            return self.header
        return QCoreApplication.translate(CONTEXT, self.header)

    @property
    def align_value(self) -> int:
        return int(self.align.value)


_CENTER = Qt.AlignmentFlag.AlignCenter

BASE_COLUMNS: tuple[Column, ...] = (
    Column("number", QT_TRANSLATE_NOOP("Columns", "No."), 3, align=_CENTER),
    Column("section", QT_TRANSLATE_NOOP("Columns", "Section"), 8),
    Column("title", QT_TRANSLATE_NOOP("Columns", "Task"), 14),
    Column("body", QT_TRANSLATE_NOOP("Columns", "Details"), 24),
    Column("leads", QT_TRANSLATE_NOOP("Columns", "Lead units"), 9),
    Column("participants", QT_TRANSLATE_NOOP("Columns", "Participating units"), 14),
    Column("cities", QT_TRANSLATE_NOOP("Columns", "Cities"), 9, editable=False),
    Column("deadline", QT_TRANSLATE_NOOP("Columns", "Deadline"), 6),
    Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), 5, align=_CENTER),
    Column("progress", QT_TRANSLATE_NOOP("Columns", "Progress"), 12),
    Column("notes", QT_TRANSLATE_NOOP("Columns", "Notes"), 8),
)


def columns_for(plan: Plan) -> list[Column]:
    """The declared columns, then one per extra field of the plan."""
    return list(BASE_COLUMNS) + [
        Column(f"extra:{name}", name, 8, translate=False) for name in plan.extra_fields
    ]
