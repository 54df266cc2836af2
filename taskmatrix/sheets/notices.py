"""Printable notices for a round: one per unit sent a workbook (报送通知), and the reminder to the
units that have not reported (催报通知). What goes on the page only; pure Python."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from taskmatrix.model.feedback import LEAD, Outstanding, assignments
from taskmatrix.model.plan import Plan
from taskmatrix.model.rounds import Round
from taskmatrix.sheets.content import Sheet, SheetTable

NOTICE_COLUMNS = (("序号", 8), ("角色", 8), ("重点任务", 30), ("具体内容", 54))
REMINDER_COLUMNS = (("序号", 8), ("单位", 40), ("牵头任务", 16), ("参与任务", 16), ("填报表文件", 40))


def _due(round_: Round) -> str:
    return f"{round_.due:%Y年%m月%d日}前" if round_.due else "按时"


def send_notice(plan: Plan, round_: Round, unit: str, file_name: str) -> Sheet:
    """The notice that goes with a unit's workbook: what to fill in, by when, and its tasks."""
    rows = assignments(plan, unit)
    lead = sum(a.role == LEAD for a in rows)
    summary = (f"{unit}：请于{_due(round_)}填写随附的填报表《{file_name}》并报回。本次共 {len(rows)} 项任务，"
               f"其中牵头 {lead} 项、参与 {len(rows) - lead} 项。只需填写浅黄色单元格（状态、完成比例、进展情况、"
               "存在问题、下步计划、填报人、填报日期），请勿修改任务内容和隐藏的列、工作表。")
    table = SheetTable("需报送进展的任务", NOTICE_COLUMNS,
                       [[str(a.task.number), a.role, a.task.title, a.task.body] for a in rows])
    return Sheet(name=unit, plan_title=plan.title, title=f"关于报送{round_.name}工作进展情况的通知",
                 summary=summary, tables=[table], note="牵头单位须报送牵头任务进展；参与单位可补充参与任务的情况。")


def reminder(plan: Plan, round_: Round, outstanding: Sequence[Outstanding], expected: int,
             files: dict[str, str] | None = None, today: _dt.date | None = None) -> Sheet:
    """催报: the units that have not reported, with their task counts."""
    today = today or _dt.date.today()
    files = files or {}
    done = expected - len(outstanding)
    summary = (f"截至{today:%Y年%m月%d日}，{round_.name}应报送单位 {expected} 家，已报送 {done} 家，"
               f"未报送 {len(outstanding)} 家。请以下单位{_due(round_) if round_.due else '尽快'}报送填报表。")
    rows = [[str(i), o.unit, str(o.lead), str(o.participant), files.get(o.unit, "")]
            for i, o in enumerate(outstanding, 1)]
    return Sheet(name="催报", plan_title=plan.title, title=f"{round_.name}工作进展情况催报通知",
                 summary=summary, tables=[SheetTable("未报送单位", REMINDER_COLUMNS, rows)])
