"""Every task field declared once: its key, its headers, how it is read, written, shown,
parsed and sorted.

The table model, the filters' sort, the Excel reader and writer, the editor and the delegates
all go through :func:`field_of`; nothing else dispatches on a field's key. Unit lists are
joined and split in one place (:func:`taskmatrix.model.resplist.join_units` and
:func:`~taskmatrix.model.resplist.parse_unit_list`), through the units fields.

Keys: the task attributes (``number``, ``title``, ``leads`` …), ``cities`` (worked out from the
units, read-only) and ``extra:NAME`` for the plan's extra fields. Pure Python, no Qt.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from taskmatrix.model import edits
from taskmatrix.model.lights import printed
from taskmatrix.model.plan import MAX_NUMBER, STATUSES, Plan, Task
from taskmatrix.model.queries import task_cities
from taskmatrix.model.resplist import join_units, parse_unit_list
from taskmatrix.model.rounds import Entry
from taskmatrix.model.translate import QT_TRANSLATE_NOOP
from taskmatrix.model.units import CITY_ORDER

EXTRA_PREFIX = "extra:"


#: The translation context of the fields' titles (the table's column headers).
TITLES_CONTEXT = "Columns"


@dataclass(frozen=True)
class Field:
    """One task field. ``kind`` says how it behaves: ``number``, ``section``, ``text``,
    ``units``, ``cities`` (read-only) or ``extra``.

    ``header``: the official column header (the task sheet's, 序号); ``title``: the table's
    header (English, translated in :data:`TITLES_CONTEXT`); ``synonyms``: the headers other
    workbooks use for it.
    """

    key: str
    kind: str
    header: str
    title: str
    synonyms: tuple[str, ...] = ()
    #: How a value is typed: ``number``, ``section``, ``choice`` (text with suggestions),
    #: ``multiline`` (``lines`` high in the editor), ``line``, ``units``, ``none`` (read-only).
    editor: str = "line"
    lines: int = 1
    choices: tuple[str, ...] = ()

    @property
    def editable(self) -> bool:
        return self.kind != "cities"

    @property
    def name(self) -> str:
        """An extra field's name (its key without ``extra:``), a report field's attribute; else the key."""
        if self.kind in ("extra", "report"):
            return self.key.partition(":")[2]
        return self.key

    # -- values ---------------------------------------------------------------------------
    def get(self, task: Task) -> Any:
        """The field's value (a copy for unit lists); cities are worked out by :meth:`text`."""
        if self.kind == "units":
            return list(getattr(task, self.key))
        if self.kind == "extra":
            return task.extra.get(self.name, "")
        if self.kind == "cities":
            return None
        return getattr(task, self.key)

    def set(self, plan: Plan, task: Task, value: Any) -> Any:
        """Set the value (not ``section``, which moves the task: see the table model); return
        the old one. Raises :class:`~taskmatrix.model.edits.EditError` on a refused value."""
        if self.kind == "number":
            return edits.set_number(plan, task, value)
        if self.kind == "units":
            return edits.set_units(task, self.key, value)
        if self.kind == "extra":
            return edits.set_extra(task, self.name, value)
        if self.kind == "text":
            return edits.set_text(task, self.key, value)
        raise edits.EditError(f"not an editable field: {self.key}")

    def display(self, plan: Plan) -> Callable[[Task], str]:
        """How the field's text is made from a task, as one fast function (painting calls it
        for every visible cell). Cities: see :meth:`text`."""
        if self.kind == "number":
            return lambda task: str(task.number)
        if self.kind == "section":
            return lambda task: plan.section_title(task.section)
        if self.kind == "units":
            key, registry = self.key, plan.registry
            return lambda task: join_units(getattr(task, key), registry)
        if self.kind == "cities":
            registry = plan.registry
            return lambda task: join_units(task_cities(task, registry))
        if self.kind == "extra":
            name = self.name
            return lambda task: task.extra.get(name, "")
        key = self.key
        return lambda task: getattr(task, key)

    def text(self, plan: Plan, task: Task) -> str:
        """The field as text: numbers as digits, units joined by 、, a section by its title."""
        return self.display(plan)(task)

    def parse(self, plan: Plan, value: Any) -> Any:
        """What an editor produced (text, a number, a list) as the field's value; ``None``
        when it cannot be one. A section may be ``None`` (no section)."""
        if self.kind == "number":
            try:
                number = int(value)
            except (TypeError, ValueError):
                return None
            return number if 1 <= number <= MAX_NUMBER else None
        if self.kind == "section":
            if value is None or isinstance(value, int):
                return value
            text = str(value).strip()
            for section in plan.sections:
                if text in (section.title, section.label, str(section.number)):
                    return section.number
            return None
        if self.kind == "units":
            if isinstance(value, list):
                return value
            return parse_unit_list(str(value), plan.registry)
        if self.kind == "cities":
            return None
        if self.kind == "report":
            return parse_report_value(self.name, value)
        return "" if value is None else str(value)

    def report_text(self, entry: Entry | None, light: str = "") -> str:
        """A report field's text: the entry's value (the light as symbol and word)."""
        if self.name == "light":
            return printed(light)
        if entry is None:
            return ""
        value = getattr(entry, self.name)
        if value is None:
            return ""
        if self.name == "percent":
            return f"{value:g}%"
        if self.name == "date":
            return value.isoformat()
        return str(value)

    def sort_key(self, plan: Plan) -> Callable[[Task], Any]:
        """Numbers as numbers, sections in plan order, units in the registry's official order
        (unregistered units after them, by name), cities in official order; text as text
        (the GUI collates it, Chinese by pinyin)."""
        if self.kind == "number":
            return lambda t: t.number
        if self.kind == "section":
            order = plan.section_order()
            return lambda t: (order.get(t.section, len(order)), t.number)
        if self.kind == "units":
            position, key = plan.registry.order_key, self.key
            return lambda t: tuple(position(u) for u in getattr(t, key))
        if self.kind == "cities":
            registry = plan.registry
            return lambda t: tuple(CITY_ORDER.get(c, len(CITY_ORDER)) for c in task_cities(t, registry))
        if self.kind == "extra":
            name = self.name
            return lambda t: t.extra.get(name, "")
        key = self.key
        return lambda t: getattr(t, key)


def _f(key: str, kind: str, header: str, title: str, synonyms: tuple[str, ...] = (), editor: str = "line",
       lines: int = 1, choices: tuple[str, ...] = ()) -> Field:
    return Field(key, kind, header, title, (header, *synonyms), editor, lines, choices)



#: The task fields in the table's order (``cities`` after the units, from them).
FIELDS: tuple[Field, ...] = (
    _f("number", "number", "序号", QT_TRANSLATE_NOOP("Columns", "No."), ("编号", "任务编号"), editor="number"),
    _f("section", "section", "领域", QT_TRANSLATE_NOOP("Columns", "Section"), ("类别", "板块", "所属领域"),
       editor="section"),
    _f("title", "text", "重点任务", QT_TRANSLATE_NOOP("Columns", "Task"),
       ("工作任务", "主要任务", "任务", "任务名称", "重点工作")),
    _f("body", "text", "具体内容", QT_TRANSLATE_NOOP("Columns", "Details"),
       ("工作内容", "具体措施", "主要内容", "任务内容", "工作措施"), editor="multiline", lines=6),
    _f("leads", "units", "牵头单位", QT_TRANSLATE_NOOP("Columns", "Lead units"), ("牵头部门", "牵头组织实施单位"),
       editor="units", lines=3),
    _f("participants", "units", "参与单位", QT_TRANSLATE_NOOP("Columns", "Participating units"),
       ("主要参加单位", "参加单位", "配合单位", "协办单位"), editor="units", lines=6),
    _f("cities", "cities", "涉及地市", QT_TRANSLATE_NOOP("Columns", "Cities"), editor="none"),
    _f("deadline", "text", "完成时限", QT_TRANSLATE_NOOP("Columns", "Deadline"), ("时间节点", "完成时间", "时限")),
    _f("status", "text", "状态", QT_TRANSLATE_NOOP("Columns", "Status"), ("完成状态",), editor="choice",
       choices=STATUSES),
    _f("progress", "text", "进展情况", QT_TRANSLATE_NOOP("Columns", "Progress"),
       ("工作进展", "落实情况", "推进情况"), editor="multiline", lines=3),
    _f("notes", "text", "备注", QT_TRANSLATE_NOOP("Columns", "Notes"), editor="multiline", lines=2),
)
#: The report fields of the round shown (``round:NAME``: an attribute of the report).
REPORT_PREFIX = "round:"
REPORT_FIELDS: tuple[Field, ...] = tuple(
    Field(REPORT_PREFIX + name, "report", header, title, (), editor, lines)
    for name, header, title, editor, lines in (
        ("light", "亮灯", QT_TRANSLATE_NOOP("Columns", "Light"), "none", 1),
        ("status", "状态", QT_TRANSLATE_NOOP("Columns", "Reported status"), "choice", 1),
        ("percent", "完成进度", QT_TRANSLATE_NOOP("Columns", "Done (%)"), "percent", 1),
        ("progress", "进展情况", QT_TRANSLATE_NOOP("Columns", "Progress reported"), "multiline", 3),
        ("problems", "存在问题", QT_TRANSLATE_NOOP("Columns", "Problems"), "multiline", 2),
        ("next_steps", "下步计划", QT_TRANSLATE_NOOP("Columns", "Next steps"), "multiline", 2),
        ("reporter", "填报人", QT_TRANSLATE_NOOP("Columns", "Reporter"), "line", 1),
        ("date", "填报日期", QT_TRANSLATE_NOOP("Columns", "Report date"), "date", 1),
    ))
_BY_KEY: dict[str, Field] = {f.key: f for f in (*FIELDS, *REPORT_FIELDS)}
#: The fields a task stores as text.
TEXT_KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS if f.kind == "text")
#: The two unit lists.
UNIT_KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS if f.kind == "units")


def parse_report_value(name: str, value: Any) -> Any:
    """A report field's value from what an editor produced; ``None`` where it cannot be one
    (a share outside 0–100, a date that is not one). An empty percent or date is ``""``."""
    text = "" if value is None else str(value).strip()
    if name == "percent":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value) if 0 <= value <= 100 else None
        if not text:
            return ""
        try:
            number = float(text.rstrip("%％"))
        except ValueError:
            return None
        return number if 0 <= number <= 100 else None
    if name == "date":
        if isinstance(value, _dt.date):
            return value
        if not text:
            return ""
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            return None
    return "" if value is None else str(value)


def extra_key(name: str) -> str:
    return EXTRA_PREFIX + name


def field_of(key: str) -> Field:
    """The field with ``key`` (``extra:NAME`` for an extra field); ``KeyError`` for no field."""
    found = _BY_KEY.get(key)
    if found is not None:
        return found
    if key.startswith(EXTRA_PREFIX):
        name = key[len(EXTRA_PREFIX):]
        return Field(key, "extra", name, name)
    raise KeyError(key)


def plan_fields(plan: Plan) -> list[Field]:
    """The declared fields, then one per extra field of the plan."""
    return list(FIELDS) + [field_of(extra_key(name)) for name in plan.extra_fields]
