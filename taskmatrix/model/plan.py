"""The plan: sections, numbered tasks with lead and participating units, and the registry.

Pure Python, no Qt. Invariants kept by the edit operations in :mod:`taskmatrix.model.edits`:
task numbers are unique, and tasks are grouped by section in section order (tasks with no
section first), so a plan can always be written as a list with section rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, pairwise
from typing import TYPE_CHECKING, Any

from taskmatrix.model.deadlines import Deadline
from taskmatrix.model.rounds import PROGRESS_STATUSES, Entry, Round
from taskmatrix.model.units import UnitRegistry

if TYPE_CHECKING:
    from taskmatrix.model.indicators import Indicator

#: Plain-text fields of a task, in display order.
TEXT_FIELDS: tuple[str, ...] = ("title", "body", "deadline", "status", "progress", "notes")
#: Every field a task has, in display order (``extra`` holds the plan's extra fields).
TASK_FIELDS: tuple[str, ...] = (
    "number", "section", "title", "body", "leads", "participants",
    "deadline", "status", "progress", "notes",
)
#: Task and section numbers run from 1 to this (what the editor offers, what JSON accepts).
MAX_NUMBER = 99_999_999
#: Values offered for the status field (any text is accepted).
STATUSES: tuple[str, ...] = ("未启动", "推进中", "已完成", "滞后")


@dataclass
class Section:
    """A numbered section heading (``一、优化提升空间发展格局``)."""

    number: int
    title: str

    @property
    def label(self) -> str:
        return f"{chinese_numeral(self.number)}、{self.title}"


@dataclass
class Task:
    """One numbered task with its responsible units."""

    number: int
    section: int | None = None
    title: str = ""
    body: str = ""
    leads: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    deadline: str = ""
    status: str = ""
    progress: str = ""
    notes: str = ""
    #: Extra fields (columns the source file had that the app does not model), ordered.
    extra: dict[str, str] = field(default_factory=dict)
    #: The deadline as the user corrected it (``None``: as read from ``deadline``).
    due: Deadline | None = None
    #: Progress reports: round name -> reporting unit -> entry (see :mod:`taskmatrix.model.rounds`).
    reports: dict[str, dict[str, Entry]] = field(default_factory=dict)

    def units(self) -> list[str]:
        """Leads then participants, each once."""
        seen: dict[str, None] = dict.fromkeys(self.leads)
        seen.update(dict.fromkeys(self.participants))
        return list(seen)

    def copy(self) -> Task:
        """A new task with the same content (and deadline); its progress history is its own."""
        return Task(
            self.number, self.section, self.title, self.body, list(self.leads),
            list(self.participants), self.deadline, self.status, self.progress,
            self.notes, dict(self.extra), self.due,
        )


@dataclass
class SourceLook:
    """How the source workbook's task sheet looked, kept for the next save: column widths by
    column key (``title``, ``extra:NAME``…), row heights by the :func:`task_fingerprint` of the
    task the row held (a row the user did not change keeps its height), the print set-up."""

    widths: dict[str, float] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)
    page: Any = None


@dataclass
class ForeignContent:
    """What a source workbook held that the app does not model, kept for the next save.

    ``workbook`` is the source file's bytes; ``sheets`` the names of its sheets that are
    written back as they were; ``replaced`` the sheets the app writes anew (the task sheet,
    and the matrix and summary sheets of a workbook the app wrote); ``look`` how its task
    sheet looked.
    """

    workbook: bytes
    sheets: list[str]
    replaced: list[str] = field(default_factory=list)
    look: SourceLook | None = None


@dataclass
class Plan:
    """A task responsibility matrix."""

    title: str = ""
    preamble: str = ""
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    registry: UnitRegistry = field(default_factory=UnitRegistry.default)
    #: Names of the extra fields, in column order.
    extra_fields: list[str] = field(default_factory=list)
    #: Reporting rounds, oldest first (each task keeps its reports in ``task.reports``).
    rounds: list[Round] = field(default_factory=list)
    #: The statuses a report may have (editable per plan).
    statuses: list[str] = field(default_factory=lambda: list(PROGRESS_STATUSES))
    #: Quantitative targets as the user kept them (``None``: read from the bodies when asked;
    #: see :mod:`taskmatrix.model.indicators`).
    indicators: list[Indicator] | None = None
    foreign: ForeignContent | None = field(default=None, compare=False, repr=False)
    _sections_by_number: dict[int, Section] = field(default_factory=dict, init=False, compare=False, repr=False)
    _sections_key: tuple[int, int, int] = field(default=(0, 0, 0), init=False, compare=False, repr=False)

    # -- lookups --------------------------------------------------------------------
    def section(self, number: int | None) -> Section | None:
        """The section numbered ``number``; a dictionary kept fresh against ``sections``."""
        if number is None:
            return None
        sections = self.sections
        key = (id(sections), len(sections), id(sections[-1]) if sections else 0)
        if key != self._sections_key:
            list_id, old_len, old_last = self._sections_key
            if list_id == id(sections) and 0 < old_len < len(sections) and id(sections[old_len - 1]) == old_last:
                for s in sections[old_len:]:  # appended since: extend the dictionary
                    self._sections_by_number.setdefault(s.number, s)
            else:
                self._sections_by_number = {}
                for s in sections:
                    self._sections_by_number.setdefault(s.number, s)
            self._sections_key = key
        found = self._sections_by_number.get(number)
        if found is not None and found.number != number:  # renumbered in place: look again
            self._sections_key = (0, 0, 0)
            return next((s for s in sections if s.number == number), None)
        return found

    def section_title(self, number: int | None) -> str:
        section = self.section(number)
        return section.title if section else ""

    def task(self, number: int) -> Task | None:
        for task in self.tasks:
            if task.number == number:
                return task
        return None

    def next_task_number(self) -> int:
        return max((t.number for t in self.tasks), default=0) + 1

    def next_section_number(self) -> int:
        """An unused section number: one past the last (or the count), else one past the highest."""
        candidate = max(len(self.sections), self.sections[-1].number if self.sections else 0) + 1
        if self.section(candidate) is None:
            return candidate
        return max(s.number for s in self.sections) + 1

    def units_used(self) -> list[str]:
        """Every unit named by a task, in first-use order."""
        return list(dict.fromkeys(chain.from_iterable(
            units for task in self.tasks for units in (task.leads, task.participants))))

    def unknown_units(self, used: Sequence[str] | None = None) -> list[str]:
        """Units named by tasks but not registered; ``used``: :meth:`units_used` if known."""
        registry = self.registry
        return [u for u in (self.units_used() if used is None else used) if u not in registry]

    def all_unit_names(self, used: Sequence[str] | None = None) -> list[str]:
        """Registered units in registry order, then unknown units in first-use order."""
        return self.registry.names() + self.unknown_units(used)

    def ensure_extra_fields(self, names: Iterable[str]) -> None:
        """Add extra fields (keeping order) and give every task a value for each."""
        for name in names:
            if name not in self.extra_fields:
                self.extra_fields.append(name)
        for task in self.tasks:
            for name in self.extra_fields:
                task.extra.setdefault(name, "")

    def section_order(self) -> dict[int | None, int]:
        order: dict[int | None, int] = {None: -1}
        for i, section in enumerate(self.sections):
            order[section.number] = i
        return order

    def is_grouped(self) -> bool:
        """True when tasks run section by section, in section order."""
        order = self.section_order()
        keys = [order.get(t.section, len(order)) for t in self.tasks]
        return all(a <= b for a, b in pairwise(keys))


def task_fingerprint(task: Task) -> int:
    """A number that changes when anything a task's row shows changes (not its number)."""
    return hash((task.title, task.body, tuple(task.leads), tuple(task.participants), task.deadline, task.status,
                 task.progress, task.notes, tuple(task.extra.items())))


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """``1`` -> ``一``, ``10`` -> ``十``, ``21`` -> ``二十一``, ``10000`` -> ``一万``."""
    if n <= 0 or n >= 100_000_000:
        return str(n)
    if n >= 10000:
        wan, rest = divmod(n, 10000)
        head = chinese_numeral(wan) + "万"
        if rest == 0:
            return head
        tail = chinese_numeral(rest)
        if rest < 1000:
            tail = "零" + (_DIGITS[1] + tail if 10 <= rest < 20 else tail)
        return head + tail
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            tail = ""
        elif rest < 10:
            tail = "零" + _DIGITS[rest]
        elif rest < 20:
            tail = _DIGITS[1] + chinese_numeral(rest)
        else:
            tail = chinese_numeral(rest)
        return _DIGITS[hundreds] + "百" + tail
    thousands, rest = divmod(n, 1000)
    if rest == 0:
        return _DIGITS[thousands] + "千"
    mid = chinese_numeral(rest)
    if rest < 100:
        mid = "零" + (_DIGITS[1] + mid if 10 <= rest < 20 else mid)
    return _DIGITS[thousands] + "千" + mid


_VALUES = {c: i for i, c in enumerate(_DIGITS)} | {"〇": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def parse_chinese_numeral(text: str) -> int | None:
    """Inverse of :func:`chinese_numeral`; ``None`` when ``text`` is not such a numeral."""
    if not text:
        return None
    total, section, current = 0, 0, 0
    for ch in text:
        if ch in _VALUES:
            current = _VALUES[ch]
        elif ch in _UNITS:
            section += (current or 1) * _UNITS[ch]
            current = 0
        elif ch == "万":
            total += (section + current) * 10000
            section, current = 0, 0
        else:
            return None
    return total + section + current
