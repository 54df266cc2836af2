"""Rows below a recognised header -> sections and tasks (see :mod:`taskmatrix.io.tableread`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from taskmatrix.io.errors import Cancelled, Notice, PlanFormatError
from taskmatrix.io.excel import layout as L
from taskmatrix.io.result import Progress, unknown_unit_notices
from taskmatrix.model.edits import regroup
from taskmatrix.model.plan import MAX_NUMBER, Plan, Section, Task, parse_chinese_numeral
from taskmatrix.model.resplist import (
    FIRST_GROUP,
    FIRST_UNIT,
    RULE_RE,
    parse_responsibility,
    parse_unit_list,
    split_lead_rule,
    split_top_level,
    unquote_unit,
)
from taskmatrix.model.units import UnitRegistry, registry_for

Merged = list[tuple[tuple[int, int], tuple[int, int]]]
Rows = list[list[Any]]


# -- rows to tasks -----------------------------------------------------------------------------
class SheetReader:
    """Turns the rows below a recognised header into sections and tasks."""

    def __init__(self, path: Path, rows: Rows, merged: Merged, header: L.HeaderInfo,
                 registry: UnitRegistry, progress: Progress | None, literal: bool = False,
                 choose_registry: bool = False) -> None:
        self.path = path
        self.literal = literal
        self.choose_registry = choose_registry
        self.rows = rows
        self.header = header
        self.registry = registry
        self.progress = progress
        self.warnings: list[Notice] = []
        self.facts: list[Notice] = []
        self.rule = FIRST_GROUP
        self.plan = Plan(registry=registry)
        self.fill: dict[tuple[int, int], Any] = {}
        self.unit_cache: dict[str, list[str]] = {}
        self.section_titles: dict[str, int] = {}
        self.horizontal: set[int] = set()
        self.width = width = max((len(row) for row in rows), default=0)
        self.filled_rows: set[int] = set()
        #: Each task with the first sheet row it was read from.
        self.task_rows: list[tuple[Task, int]] = []
        for (r0, c0), (r1, c1) in merged:
            if r1 > r0:
                value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
                for r in range(r0, r1 + 1):
                    for c in range(c0, c1 + 1):
                        if (r, c) != (r0, c0):
                            self.fill[(r, c)] = value
                            self.filled_rows.add(r)
            elif c1 > c0 and c1 - c0 + 1 >= max(2, width // 2):
                self.horizontal.add(r0)
        fields = header.fields
        names = ("title", "body", "deadline", "status", "progress", "notes")
        self.text_slots = [(slot, fields[name]) for slot, name in enumerate(names) if name in fields]
        self.leads_col = fields.get("leads", -1)
        self.parts_col = fields.get("participants", -1)

    def row(self, r: int) -> list[Any]:
        """Row ``r`` at full width, with the values of vertically merged cells filled in."""
        row = self.rows[r]
        if len(row) < self.width:
            row = row + [""] * (self.width - len(row))
        if r in self.filled_rows:
            row = list(row)
            for c in range(self.width):
                if (r, c) in self.fill:
                    row[c] = self.fill[(r, c)]
        return row

    def cell(self, r: int, c: int | None) -> Any:
        if c is None:
            return ""
        if (r, c) in self.fill:
            return self.fill[(r, c)]
        row = self.rows[r]
        return row[c] if c < len(row) else ""

    def units(self, text: str) -> list[str]:
        """Units of a cell; cells repeat a lot in a matrix, so each text is parsed once."""
        found = self.unit_cache.get(text)
        if found is None:
            if self.literal:  # as the app wrote them: names joined by 、
                found = list(dict.fromkeys(unquote_unit(u) for u in split_top_level(text, "、") if u))
            else:
                found = parse_unit_list(text, self.registry)
            self.unit_cache[text] = found
        return list(found)

    def text(self, r: int, field: str) -> str:
        return L.cell_text(self.cell(r, self.header.fields.get(field)))

    def read(self) -> tuple[Plan, list[Notice]]:
        self._title_area()
        fields = self.header.fields
        plan = self.plan
        plan.extra_fields = [name for _, name in self.header.extras]
        section: int | None = None
        seen: dict[int, int] = {}
        last_task: Task | None = None
        unnumbered: list[tuple[int, Task]] = []
        repeated: list[tuple[int, Task, int, int]] = []
        total = len(self.rows)
        number_col = fields.get("number")
        filled = self.filled_rows
        parse_number = L.parse_number
        for r in range(self.header.data_start, total):
            if r % 2000 == 0:
                _step(self.progress, 40 + int(55 * r / max(total, 1)))
            row = self.rows[r]
            raw = self.cell(r, number_col) if r in filled or number_col is None else row[number_col]
            if type(raw) is float and raw > 0 and raw.is_integer() and raw < 1e9:  # the usual case
                number: int | None = int(raw)
            else:
                number = parse_number(raw)
            if number is not None and not 1 <= number <= MAX_NUMBER:
                number = None  # numbered after the others, as a task without a number is
            texts: list[str] = []
            if number is None:
                texts = [L.cell_text(v) for v in row]
                if not any(texts) or self._is_summary_row(texts):
                    continue
                heading = self._section_heading(r, texts)
                if heading is not None:
                    section = self._add_section(*heading)
                    last_task = None
                    continue
            if (number is not None and last_task is not None and number == last_task.number
                    and (r, number_col) in self.fill):  # the number cell is merged over rows
                self._continue_task(r, last_task)
                continue
            task = self._task(r, number or 0)
            if "section" in fields:
                section_text = self.text(r, "section")
                if section_text:
                    section = self._section_from_column(section_text)
            task.section = section
            if number is None:
                if not (task.title or task.body or task.leads or task.participants):
                    self._stray(r, texts)
                    continue
                unnumbered.append((r + 1, task))
            elif number in seen:  # numbered after the others once all are read
                repeated.append((r + 1, task, number, seen[number]))
            else:
                seen[number] = r + 1
            plan.tasks.append(task)
            self.task_rows.append((task, r))
            last_task = task
        for row_no, task in unnumbered:
            task.number = plan.next_task_number()
            self.warnings.append(Notice("a task without a number was numbered {number}", row=row_no,
                                        kind="renumbered", number=task.number))
        for row_no, task, number, first in repeated:
            task.number = plan.next_task_number()
            self.warnings.append(Notice("task number {number} is used twice (rows {first} and {second}); the second "
                                        "task was numbered {new}", row=row_no, kind="task_number", number=number,
                                        first=first, second=row_no, new=task.number))
        if not plan.tasks and not self.literal:  # a workbook the app wrote may hold an empty plan
            raise PlanFormatError(self.path, "the task table has a header but no task rows")
        if not plan.is_grouped():
            regroup(plan)
            self.warnings.append(Notice("tasks were put in section order", kind="regrouped"))
        if self.choose_registry:
            plan.registry = registry_for(plan.units_used())
        self.warnings.extend(unknown_unit_notices(plan))
        return plan, self.warnings

    # -- pieces ------------------------------------------------------------------------------
    def _title_area(self) -> None:
        lines: list[str] = []
        for row in self.rows[: self.header.row]:
            texts = list(dict.fromkeys(t for t in (L.cell_text(v) for v in row) if t))
            if texts:
                lines.append(" ".join(texts))
        title = ""
        for line in lines:
            if len(line) > len(title) and ("计划" in line or "方案" in line or "分工" in line or not title):
                title = line
        if not title and lines:
            title = lines[0]
        if title:
            lines.remove(title)
            if title.endswith(L.TITLE_SUFFIX) and len(title) > len(L.TITLE_SUFFIX):
                title = title[: -len(L.TITLE_SUFFIX)]
        self.plan.title = title
        self.plan.preamble = "\n".join(lines)
        # The lead rule a note above or below the table (or a header cell) states.
        notes = lines + list(self.header.headers.values()) + [
            t for row in self.rows[-10:] for t in (L.cell_text(v) for v in row) if "牵头" in t]
        stated = next((m for m in map(RULE_RE.search, notes) if m), None)
        if stated is not None and "responsible" in self.header.fields:
            self.rule = FIRST_UNIT
            self.facts.append(Notice("lead rule: the first unit listed leads, the others take part "
                                     "(as the preamble states: “{rule}”)", rule=stated.group(0)))

    def _is_summary_row(self, texts: list[str]) -> bool:
        first = next((t for t in texts if t), "")
        return self.header.is_grid and first in (L.MATRIX_LEAD_TOTAL, L.MATRIX_PART_TOTAL)

    def _section_heading(self, r: int, texts: list[str]) -> tuple[int | None, str] | None:
        if self.literal:  # the app writes "一、title" in the first cell of a merged row
            first = L.cell_text(self.rows[r][0], strip=False) if self.rows[r] else ""
            match = L.LITERAL_SECTION.match(first)
            if match and not any(texts[1:]):
                number = parse_chinese_numeral(match.group(1))
                if number:
                    return number, match.group(2)
            return None
        distinct = list(dict.fromkeys(t for t in texts if t))
        if len(distinct) != 1:
            return None
        text = distinct[0]
        parsed = L.parse_section_heading(text)
        if parsed is not None:
            return parsed
        if len(text) > 40 or text.startswith(("注", "备注", "说明")) or any(ch in text for ch in "。：:；;"):
            return None
        first_col = next(i for i, t in enumerate(texts) if t)
        content_cols = {self.header.fields.get(f) for f in ("title", "body", "leads", "participants")}
        if r in self.horizontal or first_col not in content_cols:
            return None, text
        return None

    def _add_section(self, number: int | None, title: str) -> int:
        plan = self.plan
        known = self.section_titles.get(title)
        if known is not None and (number is None or known == number):
            return known
        if number is None or plan.section(number) is not None:
            if number is not None:
                self.warnings.append(Notice("section number {number} repeated; renumbered", kind="section_number",
                                            number=number))
            number = plan.next_section_number()
        plan.sections.append(Section(number, title))
        self.section_titles.setdefault(title, number)
        return number

    def _section_from_column(self, text: str) -> int:
        parsed = L.parse_section_heading(text)
        number, title = parsed if parsed is not None else (None, text)
        return self._add_section(number, title)

    def _task(self, r: int, number: int) -> Task:
        """The task in row ``r`` (the hot loop of a large open: kept to plain local work)."""
        row = self.row(r)
        strip = not self.literal
        values = ["", "", "", "", "", ""]  # title, body, deadline, status, progress, notes
        for slot, c in self.text_slots:
            value = row[c]
            if value != "":
                if type(value) is str and "\r" not in value:
                    values[slot] = value.strip() if strip else value
                else:
                    values[slot] = L.cell_text(value, strip)
        leads: list[str] = []
        participants: list[str] = []
        fields = self.header.fields
        if self.header.is_grid:
            self._grid_units(r, leads, participants)
        else:
            if self.leads_col >= 0:
                leads = self.units(_text(row[self.leads_col]))
            if self.parts_col >= 0:
                participants = self.units(_text(row[self.parts_col]))
            if "responsible" in fields:
                text, rule = _text(row[fields["responsible"]]), self.rule
                if "牵头" in text:
                    text, stated = split_lead_rule(text)
                    rule = FIRST_UNIT if stated is not None else rule
                resp = parse_responsibility(text, self.registry, rule)
                if "leads" in fields:
                    participants += resp.leads + resp.participants
                else:
                    leads += resp.leads
                    participants += resp.participants
            if participants and leads and not set(leads).isdisjoint(participants):
                lead_set = set(leads)
                participants = [u for u in dict.fromkeys(participants) if u not in lead_set]
        extra = {name: L.cell_text(row[c], strip) for c, name in self.header.extras}
        return Task(number, None, values[0], values[1], leads, participants, values[2], values[3], values[4],
                    values[5], extra)

    def _grid_units(self, r: int, leads: list[str], participants: list[str]) -> None:
        for c, name in self.header.unit_columns:
            mark = L.cell_text(self.cell(r, c))
            if not mark:
                continue
            unit = self.registry.canonical(name)
            if unit in leads or unit in participants:
                continue  # two columns for one unit: the first mark counts
            if mark in L.LEAD_MARKS:
                leads.append(unit)
            else:
                if mark not in L.PART_MARKS:
                    self.warnings.append(Notice(
                        "unknown mark “{mark}” for {unit} read as taking part", row=r + 1, kind="unknown_mark",
                        mark=mark, unit=unit))
                participants.append(unit)

    def _continue_task(self, r: int, task: Task) -> None:
        """A second row of a task whose number cell is merged over several rows."""
        more = self._task(r, task.number)
        task.leads = list(dict.fromkeys(task.leads + more.leads))
        task.participants = [u for u in dict.fromkeys(task.participants + more.participants)
                             if u not in task.leads]
        for name in ("title", "body", "deadline", "status", "progress", "notes"):
            extra_text = getattr(more, name)
            if extra_text and extra_text != getattr(task, name):
                setattr(task, name, "\n".join(t for t in (getattr(task, name), extra_text) if t))
        for name, value in more.extra.items():
            if value and value != task.extra.get(name):
                task.extra[name] = "\n".join(t for t in (task.extra.get(name, ""), value) if t)

    def _stray(self, r: int, texts: list[str]) -> None:
        text = " ".join(dict.fromkeys(t for t in texts if t))
        self.plan.preamble = "\n".join(p for p in (self.plan.preamble, text) if p)
        self.warnings.append(Notice("not a task row; its text was kept at the end of the preamble: {text}",
                                    row=r + 1, kind="stray_text", text=text if len(text) <= 30 else text[:30] + "…"))


def _text(value: Any) -> str:
    return value.strip() if type(value) is str and "\r" not in value else L.cell_text(value)


def _step(progress: Progress | None, percent: int) -> None:
    if progress is not None and progress(percent, 100) is False:
        raise Cancelled()
