"""The workbooks sent to the units for a round, written fresh with XlsxWriter.

``<round>-<unit>.xlsx`` for each unit: an instruction block, then one row per task of the unit
(those it leads, then those it takes part in, marked), the task's text locked and the report
columns unlocked under sheet protection; the status a drop-down of the plan's statuses; the
task id in a hidden column; the identity (plan, round, unit, each row's task id and a digest of
the report as sent) and its check value in a hidden sheet and in the document properties.
``报送说明.xlsx`` lists what was sent.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from taskmatrix.io.atomic import atomic_write
from taskmatrix.io.errors import Cancelled, PlanFormatError
from taskmatrix.io.excel.sheetlayout import row_height
from taskmatrix.model.feedback import (
    FORMAT,
    LEAD,
    Assignment,
    assignments,
    check_value,
    entry_digest,
    plan_key,
    task_id,
)
from taskmatrix.model.plan import Plan
from taskmatrix.model.rounds import Round

SHEET = "进展填报"
IDENTITY_SHEET = "_taskmatrix"
COVER = "报送说明.xlsx"
HEADER_ROW = 5  # 0-based: the instruction block is above it
#: (header, width, editable) — column A is the hidden task id.
COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("任务编号", 12, False), ("序号", 5, False), ("角色", 5, False), ("重点任务", 14, False),
    ("具体内容", 30, False), ("完成时限", 9, False), ("状态", 8, True), ("完成比例(%)", 7, True),
    ("进展情况", 30, True), ("存在问题", 18, True), ("下步计划", 18, True), ("填报人", 7, True),
    ("填报日期", 10, True))
HEADERS = tuple(h for h, _, _ in COLUMNS)
REPORT_COLUMNS = {"status": 6, "percent": 7, "progress": 8, "problems": 9, "next_steps": 10, "reporter": 11,
                  "date": 12}
PROPERTY = "taskmatrix.return."
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')

Progress = Callable[[int, int], object]


def file_name(round_name: str, unit: str) -> str:
    """``<round>-<unit>.xlsx``, with characters no file system takes replaced."""
    stem = _UNSAFE.sub("_", f"{round_name}-{unit}").strip(" .") or "unit"
    return stem[:120] + ".xlsx"


@dataclass
class Sent:
    unit: str
    path: Path
    lead: int
    participant: int


def send_round(plan: Plan, round_: Round, folder: Path, units: Sequence[str], today: _dt.date | None = None,
               progress: Progress | None = None) -> list[Sent]:
    """Write each unit's workbook and the cover list into ``folder``; returns what was written.
    ``progress(done, total)`` returning ``False`` cancels (what was written stays, and the
    cover list is not written)."""
    today = today or _dt.date.today()
    folder.mkdir(parents=True, exist_ok=True)
    if not folder.is_dir():
        raise PlanFormatError(folder, "is not a folder")
    sent: list[Sent] = []
    names: dict[str, str] = {}
    for i, unit in enumerate(units):
        if progress is not None and progress(i, len(units)) is False:
            raise Cancelled()
        rows = assignments(plan, unit)
        name = file_name(round_.name, unit)
        if name.lower() in names:  # two units that read the same once made safe
            name = name[:-5] + f"-{i + 1}.xlsx"
        names[name.lower()] = unit
        path = folder / name
        write_unit_workbook(plan, round_, unit, rows, path, today)
        sent.append(Sent(unit, path, sum(a.role == LEAD for a in rows), sum(a.role != LEAD for a in rows)))
    if progress is not None:
        progress(len(units), len(units))
    write_cover(plan, round_, sent, folder / COVER, today)
    return sent


def write_unit_workbook(plan: Plan, round_: Round, unit: str, rows: list[Assignment], path: Path,
                        today: _dt.date) -> None:
    def produce(tmp: Path) -> None:
        _write(plan, round_, unit, rows, tmp, today)

    atomic_write(path, produce, backup=False)


def _write(plan: Plan, round_: Round, unit: str, rows: list[Assignment], target: Path, today: _dt.date) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(target), {"strings_to_formulas": False, "strings_to_numbers": False,
                                             "strings_to_urls": False, "in_memory": True})
    base = {"font_name": "宋体", "font_size": 10.5, "valign": "vcenter", "text_wrap": True, "border": 1}
    fmt = {
        "title": book.add_format({"font_name": "宋体", "font_size": 15, "bold": True, "align": "center",
                                  "valign": "vcenter", "text_wrap": True}),
        "note": book.add_format({"font_name": "宋体", "font_size": 10.5, "valign": "top", "text_wrap": True}),
        "header": book.add_format({**base, "bold": True, "align": "center", "bg_color": "#D9E1F2"}),
        "locked": book.add_format({**base, "bg_color": "#F2F2F2"}),
        "center": book.add_format({**base, "bg_color": "#F2F2F2", "align": "center"}),
        "open": book.add_format({**base, "locked": False, "bg_color": "#FFF9E5"}),
        "number": book.add_format({**base, "locked": False, "bg_color": "#FFF9E5", "num_format": "0.##"}),
        "day": book.add_format({**base, "locked": False, "bg_color": "#FFF9E5", "num_format": "yyyy-mm-dd"}),
    }
    ws = book.add_worksheet(SHEET)
    last = len(COLUMNS) - 1
    title = f"{plan.title}{round_.name}进展情况填报表" if plan.title else f"{round_.name}进展情况填报表"
    ws.merge_range(0, 0, 0, last, title, fmt["title"])
    ws.set_row(0, 30)
    due = f"请于{round_.due:%Y年%m月%d日}前" if round_.due else "请按时"
    lines = [f"填报单位：{unit}　　本表共 {len(rows)} 项任务（牵头 {sum(a.role == LEAD for a in rows)} 项）。",
             "填写说明：只需填写浅黄色单元格（状态、完成比例、进展情况、存在问题、下步计划、填报人、填报日期）；"
             "状态请从下拉列表中选择；完成比例填写 0 至 100 的数字；填报日期格式如 2019-04-08。",
             "灰色单元格为任务内容，已锁定，请勿修改；请勿删除隐藏的列和工作表，行可以排序；文件可以重命名。",
             f"{due}将本文件报送。"]
    for r, text in enumerate(lines, start=1):
        ws.merge_range(r, 0, r, last, text, fmt["note"])
        ws.set_row(r, row_height([text], [sum(w for _, w, _ in COLUMNS[1:])], 10.5))
    for c, header in enumerate(HEADERS):
        ws.write_string(HEADER_ROW, c, header, fmt["header"])
    ws.set_row(HEADER_ROW, 24)
    widths = [w for _, w, _ in COLUMNS]
    identity_rows: list[tuple[str, str, str]] = []
    for r, a in enumerate(rows, start=HEADER_ROW + 1):
        task = a.task
        entry = (task.reports.get(round_.name) or {}).get(unit)
        tid = task_id(task)
        identity_rows.append((tid, a.role, entry_digest(entry)))
        texts = [tid, str(task.number), a.role, task.title, task.body, task.deadline]
        for c, text in enumerate(texts):
            ws.write_string(r, c, text, fmt["center"] if c in (1, 2) else fmt["locked"])
        report = [""] * 5 if entry is None else [
            entry.status, entry.progress, entry.problems, entry.next_steps, entry.reporter]
        ws.write_string(r, 6, report[0], fmt["open"])
        if entry is not None and entry.percent is not None:
            ws.write_number(r, 7, entry.percent, fmt["number"])
        else:
            ws.write_blank(r, 7, None, fmt["number"])
        for c, text in zip(range(8, 12), report[1:5]):
            ws.write_string(r, c, text, fmt["open"])
        if entry is not None and entry.date is not None:
            ws.write_datetime(r, 12, _dt.datetime.combine(entry.date, _dt.time()), fmt["day"])
        else:
            ws.write_blank(r, 12, None, fmt["day"])
        ws.set_row(r, max(28.0, row_height(texts[3:5] + report[1:4], widths[3:5] + widths[8:11], 10.5)))
    for c, width in enumerate(widths):
        ws.set_column(c, c, width, None, {"hidden": c == 0})
    first, end = HEADER_ROW + 1, HEADER_ROW + max(len(rows), 1)
    ws.data_validation(first, 6, end, 6, {"validate": "list", "source": list(plan.statuses),
                                          "error_title": "状态", "error_message": "请从下拉列表中选择状态。"})
    ws.data_validation(first, 7, end, 7, {"validate": "decimal", "criteria": "between", "minimum": 0,
                                          "maximum": 100, "error_title": "完成比例",
                                          "error_message": "请填写 0 至 100 的数字。"})
    ws.data_validation(first, 12, end, 12, {"validate": "date", "criteria": "between",
                                            "minimum": _dt.date(2000, 1, 1), "maximum": _dt.date(2099, 12, 31),
                                            "error_title": "填报日期", "error_message": "请填写日期，如 2019-04-08。"})
    ws.freeze_panes(HEADER_ROW + 1, 3)
    ws.protect("", {"sort": True, "autofilter": True, "format_rows": True, "format_columns": True,
                    "select_locked_cells": True, "select_unlocked_cells": True})
    ws.autofilter(HEADER_ROW, 1, end, last)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(HEADER_ROW)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.7)
    ws.set_footer("&C第 &P 页 共 &N 页")
    ws.activate()

    key = plan_key(plan)
    check = check_value(key, round_.name, unit, [tid for tid, _, _ in identity_rows])
    hidden = book.add_worksheet(IDENTITY_SHEET)
    meta = [("format", FORMAT), ("plan", key), ("plan_title", plan.title), ("round", round_.name),
            ("unit", unit), ("check", check), ("sent", today.isoformat())]
    for r, (name, value) in enumerate(meta):
        hidden.write_string(r, 0, name)
        hidden.write_string(r, 1, value)
    hidden.write_row(len(meta), 0, ["task_id", "role", "sent"])
    for r, row in enumerate(identity_rows, start=len(meta) + 1):
        hidden.write_row(r, 0, list(row))
    hidden.protect("")
    hidden.very_hidden()
    book.set_properties({"title": title, "subject": f"{round_.name}进展情况填报（{unit}）",
                         "comments": "Task Matrix 进展填报表"})
    for name, value in meta:
        if name != "plan_title":
            book.set_custom_property(PROPERTY + name, value)
    book.close()


def write_cover(plan: Plan, round_: Round, sent: list[Sent], path: Path, today: _dt.date) -> None:
    """``报送说明``: each unit, its file, its tasks, the due date."""
    from taskmatrix.io.tablefiles import write_table_xlsx

    due = f"{round_.due:%Y-%m-%d}" if round_.due else ""
    rows = [[str(i), s.unit, s.path.name, str(s.lead), str(s.participant), due] for i, s in enumerate(sent, 1)]
    summary = (f"{today:%Y年%m月%d日}发出 {len(sent)} 个单位的填报表；" +
               (f"报送截止 {round_.due:%Y年%m月%d日}。" if round_.due else "请各单位按时报送。") +
               "各单位填写后将文件报回，办公室导入（进展 → 导入报送表）。")
    write_table_xlsx(path, "报送说明", f"{plan.title}{round_.name}进展情况报送说明", summary,
                     ["序号", "单位", "填报表文件", "牵头任务", "参与任务", "报送截止"], [6, 24, 40, 9, 9, 12], rows,
                     "牵头单位须报送其牵头任务的进展；参与单位可补充其参与任务的情况。")
