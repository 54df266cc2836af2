"""The round's progress report (进展情况汇总表): for the whole plan or one unit, a row per report
with its light printed as a symbol and a word (it survives black-and-white printing), and the
round's counts. Pure Python: the same rows go to a PDF (as a :class:`Sheet`), a workbook and
a CSV file."""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass

from taskmatrix.model.lights import COUNT_WORDS, Thresholds, printed
from taskmatrix.model.plan import Plan
from taskmatrix.model.progress import Progress, report_rows
from taskmatrix.model.rounds import Round
from taskmatrix.sheets.content import Sheet, SheetTable

HEADERS = ("序号", "重点任务", "填报单位", "完成时限", "状态", "完成进度", "进展情况", "存在问题", "下步计划", "亮灯")
#: Column widths in percent of the page (landscape A4).
PDF_COLUMNS = tuple(zip(HEADERS, (5, 13, 9, 8, 6, 6, 19, 13, 13, 8)))
#: The counts, in the order they are shown.
COUNTED = COUNT_WORDS


@dataclass
class ProgressReport:
    plan_title: str
    round: Round
    unit: str
    as_of: _dt.date
    rows: list[list[str]]
    counts: Counter[str]

    @property
    def title(self) -> str:
        return f"{self.unit}重点任务进展情况汇总表" if self.unit else "重点任务进展情况汇总表"

    @property
    def summary(self) -> str:
        counts = "，".join(f"{printed(light)[0]}{word} {self.counts.get(light, 0)} 项" for light, word in COUNTED)
        return f"{self.round.name}（统计截至 {self.as_of:%Y年%m月%d日}）：{counts}"


def progress_report(plan: Plan, round_: Round, unit: str = "", as_of: _dt.date | None = None,
                    thresholds: Thresholds | None = None) -> ProgressReport:
    """The report of ``round_`` (``unit``'s tasks only when given), lights as of ``as_of``."""
    progress = Progress(plan, round_.name, unit, as_of, thresholds)
    rows: list[list[str]] = []
    counts: Counter[str] = Counter()
    for task, entry in report_rows(plan, round_.name, unit):
        light = progress.light_of_entry(task, None if entry.is_empty() else entry)
        counts[light] += 1
        percent = "" if entry.percent is None else f"{entry.percent:g}%"
        rows.append([str(task.number), task.title, entry.unit, task.deadline, entry.status or "未报送", percent,
                     entry.progress, entry.problems, entry.next_steps, printed(light)])
    return ProgressReport(plan.title, round_, unit, progress.as_of, rows, counts)


def report_sheet(report: ProgressReport) -> Sheet:
    """The report as a printable sheet (landscape A4)."""
    return Sheet(name=report.unit or report.round.name, plan_title=report.plan_title, title=report.title,
                 summary=report.summary, tables=[SheetTable("", PDF_COLUMNS, report.rows)],
                 note="亮灯：✖ 红灯（逾期或严重滞后） ▲ 黄灯（临近时限或滞后） ● 绿灯（正常推进） ✔ 完成 ○ 持续推进")
