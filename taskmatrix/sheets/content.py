"""What an assignment sheet says: headings, a summary, task tables, a sign-off block.

Pure Python (no Qt): a :class:`Sheet` is built for a unit, a city or the current filter,
and turned into the HTML a QTextDocument lays out. The sheets are official documents that
go out with a notice, so their text is Chinese whatever the interface language.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.queries import city_tasks, unit_tasks, units_with_tasks  # noqa: F401 (re-exported)
from taskmatrix.model.resplist import join_units

#: (header, width in percent) of the two task tables.
LEAD_COLUMNS = (("序号", 8), ("重点任务", 20), ("具体内容", 42), ("参与单位", 18), ("完成时限", 12))
PART_COLUMNS = (("序号", 8), ("重点任务", 20), ("具体内容", 42), ("牵头单位", 18), ("完成时限", 12))
FILTER_COLUMNS = (("序号", 8), ("重点任务", 18), ("具体内容", 34), ("牵头单位", 14), ("参与单位", 16),
                  ("完成时限", 10))
SIGN_OFF = ("负责人", "联系人", "联系电话")
PART_ROWS = 200
_TABLE_OPEN = ('<table width="100%" border="1" cellspacing="0" cellpadding="4" '
               'style="border-collapse:collapse; border-color:#000000; margin-top:0px; margin-bottom:0px;">')


@dataclass
class SheetTable:
    heading: str
    columns: tuple[tuple[str, int], ...]
    rows: list[list[str]] = field(default_factory=list)
    #: The columns whose cells are centred (``None``: the number, and the deadline).
    centred: tuple[int, ...] | None = None


@dataclass
class Sheet:
    """One assignment sheet: printed starting on a new page, numbered on its own."""

    name: str
    plan_title: str
    title: str
    summary: str
    tables: list[SheetTable]
    note: str = ""
    #: Pictures printed after the tables: (resource name, PNG bytes, width in percent of the page).
    images: list[tuple[str, bytes, int]] = field(default_factory=list)
    sign_off: bool = True  # the 负责人 / 联系人 / 联系电话 line at the end


def _lead_row(task: Task, note: str = "") -> list[str]:
    return [str(task.number), task.title + note, task.body, join_units(task.participants), task.deadline]


def _part_row(task: Task, note: str = "") -> list[str]:
    return [str(task.number), task.title + note, task.body, join_units(task.leads), task.deadline]


def unit_sheet(plan: Plan, unit: str) -> Sheet:
    found = unit_tasks(plan, unit)
    return Sheet(
        name=unit, plan_title=plan.title, title=f"{unit}任务分工清单",
        summary=f"牵头任务 {len(found.lead)} 项，参与任务 {len(found.participant)} 项",
        tables=[
            SheetTable("一、牵头任务", LEAD_COLUMNS, [_lead_row(t) for t in found.lead]),
            SheetTable("二、参与任务", PART_COLUMNS, [_part_row(t) for t in found.participant]),
        ],
    )


def city_sheet(plan: Plan, city: str) -> Sheet:
    found = city_tasks(plan, city)
    lead = [c for c in found if c.lead and c.via is None]
    part = [c for c in found if not (c.lead and c.via is None)]
    via = sum(1 for c in found if c.via is not None)

    def mark(via_group: str | None) -> str:
        return f"〔经{via_group}〕" if via_group else ""

    return Sheet(
        name=city, plan_title=plan.title, title=f"{city}任务分工清单",
        summary=f"牵头任务 {len(lead)} 项，参与任务 {len(part)} 项（其中经城市组 {via} 项）",
        tables=[
            SheetTable("一、牵头任务", LEAD_COLUMNS, [_lead_row(c.task) for c in lead]),
            SheetTable("二、参与任务", PART_COLUMNS, [_part_row(c.task, mark(c.via)) for c in part]),
        ],
        note="标注〔经……〕的任务，是通过所列城市组（如“大湾区内地各市”）落到本市的任务。" if via else "",
    )


def filter_sheet(plan: Plan, tasks: list[Task], description: str) -> Sheet:
    rows = [[str(t.number), t.title, t.body, join_units(t.leads), join_units(t.participants), t.deadline]
            for t in tasks]
    return Sheet(
        name=description or "全部任务", plan_title=plan.title,
        title=f"重点任务清单（{description}）" if description else "重点任务清单",
        summary=f"共 {len(tasks)} 项任务", tables=[SheetTable("", FILTER_COLUMNS, rows)],
    )


def cities_with_tasks(plan: Plan) -> list[str]:
    return [c for c in plan.registry.city_names() if city_tasks(plan, c)]


def sheet_html(sheet: Sheet, body_font: str, heading_font: str, point_size: float = 10.5) -> str:
    """The whole sheet as one HTML document (see :func:`sheet_parts` for long sheets)."""
    return "".join(sheet_parts(sheet, body_font, heading_font, point_size, part_rows=0))


def sheet_parts(sheet: Sheet, body_font: str, heading_font: str, point_size: float = 10.5,
                part_rows: int | None = None) -> list[str]:
    """The sheet as HTML for QTextDocument, in parts of at most ``part_rows`` table rows.

    QTextDocument lays out a long table in more than linear time (a unit of a 10,000-task
    plan has thousands of rows); each part is its own document, starting on a new page, so
    time stays linear and a long print can be cancelled between parts. Header rows repeat
    on every page through ``<thead>``. ``part_rows=0`` keeps the sheet in one part.
    """
    e = html.escape
    if part_rows is None:
        part_rows = PART_ROWS
    opening = f'<html><body style="font-family:\'{e(body_font)}\'; font-size:{point_size}pt;">'
    closing = "</body></html>"
    parts: list[list[str]] = [[
        f'<p align="center" style="font-family:\'{e(heading_font)}\'; font-size:{point_size + 1.5}pt;">'
        f"{e(sheet.plan_title)}</p>" if sheet.plan_title else "",
        f'<h1 align="center" style="font-family:\'{e(heading_font)}\'; font-size:{point_size + 7.5}pt; '
        f'font-weight:bold;">{e(sheet.title)}</h1>',
        f'<p align="center" style="font-size:{point_size + 1}pt;">{e(sheet.summary)}</p>',
    ]]
    rows_in_part = 0
    for table in sheet.tables:
        header = "<thead><tr>" + "".join(
            f'<th width="{width}%" bgcolor="#e6e6e6" align="center" style="white-space:nowrap;">{e(name)}</th>'
            for name, width in table.columns) + "</tr></thead>"
        heading = (f'<h2 style="font-family:\'{e(heading_font)}\'; font-size:{point_size + 3}pt; '
                   f'font-weight:bold; margin-top:12px;">{{}}</h2>')
        if table.heading:
            parts[-1].append(heading.format(e(table.heading)))
        rows = [_row_html(table, row) for row in table.rows] or [
            f'<tr><td colspan="{len(table.columns)}" align="center">（无）</td></tr>']
        start = 0
        while start < len(rows):
            room = len(rows) - start if part_rows <= 0 else max(part_rows - rows_in_part, 0)
            if room == 0:
                parts.append([heading.format(e(table.heading + "（续）"))] if table.heading else [])
                rows_in_part = 0
                continue
            chunk = rows[start:start + room]
            parts[-1].append(_TABLE_OPEN + header + "".join(chunk) + "</table>")
            rows_in_part += len(chunk)
            start += len(chunk)
    for name, _, width in sheet.images:
        parts.append([f'<p align="center"><img src="{e(name)}" width="{{width:{width}}}"></p>'])
    if sheet.note:
        parts[-1].append(f'<p style="font-size:{point_size - 1}pt;">注：{e(sheet.note)}</p>')
    if sheet.sign_off:
        sign = "　　".join(f"{label}：__________" for label in SIGN_OFF)
        parts[-1].append(f'<p style="margin-top:24px; font-size:{point_size + 1}pt;">{sign}</p>')
    return [opening + "".join(part) + closing for part in parts]


def _row_html(table: SheetTable, row: list[str]) -> str:
    cells = []
    for i, value in enumerate(row):
        centred = (i in table.centred) if table.centred is not None else (i == 0 or table.columns[i][0] == "完成时限")
        align = ' align="center"' if centred else ""
        cells.append(f"<td{align}>{html.escape(value).replace(chr(10), '<br>')}</td>")
    return "<tr>" + "".join(cells) + "</tr>"
