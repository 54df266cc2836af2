"""``main.py send PLAN --round NAME OUTDIR [--unit U ...]`` and ``main.py receive PLAN --round NAME
FILE_OR_DIR... -o MERGED.{json,xlsx} [--accept all|none]``.

``send`` writes one workbook per unit (every unit with a task, or those named), the cover list
``报送说明.xlsx`` and ``报送通知.pdf`` (one notice per unit). ``receive`` merges the returns and
prints per file what matched, changed, was rejected or in conflict, then the units that have not
reported. ``--accept`` decides the conflicts (the office changed a report after sending and the
unit changed it too): ``none`` (the default) keeps the office's version, ``all`` takes the
unit's. Exit 0 when everything merged; 1 when rows were rejected or conflicts were left
unmerged (they are listed); 2 when a file was refused as a whole (the other files still merge).
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from taskmatrix.cli import say as _say
from taskmatrix.io.errors import PlanFormatError
from taskmatrix.model.feedback import CONFLICT, REJECTED, counts, expected_units, merge, not_reported, reporting_units
from taskmatrix.model.plan import Plan
from taskmatrix.sheets.command import resolve_units
from taskmatrix.sheets.report_command import choose_round

NOTICES = "报送通知.pdf"


def send(plan: Plan, src: Path, round_name: str | None, folder: Path, units: list[str]) -> int:
    from taskmatrix.io.feedback.send import send_round

    round_ = choose_round(plan, round_name, src)
    chosen = resolve_units(plan, units, src) if units else expected_units(plan)
    if folder.exists() and not folder.is_dir():
        raise PlanFormatError(folder, "is not a folder")
    sent = send_round(plan, round_, folder, chosen)
    from taskmatrix.sheets.command import ensure_gui_application

    ensure_gui_application()
    from taskmatrix.sheets.render import Fonts, choose_fonts

    write_notices(plan, round_, sent, folder / NOTICES, choose_fonts() or Fonts("", ""))
    for item in sent:
        _say(f"{item.path}: {item.unit}, {item.lead} task(s) as lead, {item.participant} as participant")
    _say(f"{folder}: {len(sent)} workbook(s) for round {round_.name}, with 报送说明.xlsx and {NOTICES}")
    return 0


def write_notices(plan: Plan, round_: Any, sent: list[Any], path: Path, fonts: Any) -> None:
    """报送通知.pdf: the notice for each unit sent a workbook (needs a Qt application)."""
    from taskmatrix.sheets.notices import send_notice
    from taskmatrix.sheets.render import PrintOptions, write_pdf

    sheets = [send_notice(plan, round_, s.unit, s.path.name) for s in sent]
    write_pdf(sheets, path, fonts, PrintOptions(), title=plan.title)


def receive(plan: Plan, src: Path, round_name: str | None, given: list[Path], out: Path, accept: str) -> int:
    from taskmatrix.io.feedback.receive import load_returns, return_paths
    from taskmatrix.io.formats import write_plan

    if out.suffix.lower() not in (".json", ".xlsx"):
        raise PlanFormatError(out, "the merged plan is written as .json or .xlsx")
    round_ = choose_round(plan, round_name, src)
    paths = return_paths(given)
    if not paths:
        raise PlanFormatError(given[0] if given else src, "holds no returned workbooks (.xlsx)")
    files, refused = load_returns(plan, paths, round_.name, _dt.date.today())
    if not files:
        for exc in refused[:-1]:
            _say(f"error: {' '.join(str(exc).split())}")
        raise refused[-1]
    rejected = unmerged = 0
    for file in files:
        for change in file.changes:
            if change.kind == CONFLICT:
                change.accepted = accept == "all"
        found = counts(file.changes)
        merged = merge(file.changes, round_.name)
        rejected += found[REJECTED]
        unmerged += found[CONFLICT] if accept != "all" else 0
        _say(f"{file.path}: {file.identity.unit}: {len(file.changes) - found[REJECTED]} matched, "
             f"{found['new']} new, {found['changed']} changed, {found['unchanged']} unchanged, "
             f"{found[REJECTED]} rejected, {found[CONFLICT]} conflict(s); {merged} merged")
        for change in file.changes:
            if change.kind in (REJECTED, CONFLICT):
                task = f"task {change.number}" if change.number is not None else "no task"
                what = "conflict" + (" (the unit's version taken)" if accept == "all" else " (kept the office's)")
                _say(f"  row {change.row} ({task}): {what if change.kind == CONFLICT else 'rejected'}: "
                     f"{change.reason}")
    for exc in refused:
        _say(f"error: {' '.join(str(exc).split())}")
    for notice in write_plan(plan, out):
        _say(f"warning: {out}: {notice}")
    outstanding = not_reported(plan, round_.name)
    expected = len(reporting_units(plan))
    _say(f"{out}: round {round_.name}: {expected - len(outstanding)} of {expected} lead unit(s) have reported")
    if outstanding:
        _say("not reported: " + "、".join(f"{o.unit}（牵头 {o.lead} 项）" for o in outstanding))
    if refused:
        return 2
    return 1 if rejected or unmerged else 0
