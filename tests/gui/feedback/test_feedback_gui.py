"""Collecting reports in the window: sending the round's workbooks (units chosen in the dialog),
importing returns with the preview (rows ticked or not, conflicts left unticked), one undo step
per import, a dropped return imported, the units not reported exported."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from taskmatrix.gui.feedback import controller as feedback_controller
from taskmatrix.gui.feedback.dialogs import NotReportedDialog, ReturnsDialog, SendDialog
from taskmatrix.model.feedback import CONFLICT
from taskmatrix.model.rounds import Entry, Round
from tests.feedback.test_send_receive import fill

ROUND = "2019年第一季度"


@pytest.fixture
def sending(window, monkeypatch, tmp_path):
    """The window with a round, and the dialogs answered: send to 省科技厅 and 省教育厅 into
    ``tmp_path/out``; accept every import preview as ticked."""
    window.document.add_round(Round(ROUND, dt.date(2019, 1, 1), dt.date(2019, 3, 31), dt.date(2019, 4, 10)))
    seen: list = []

    def answer(self, dialog):
        seen.append(dialog)
        if isinstance(dialog, SendDialog):
            for i in range(dialog.units.count()):
                item = dialog.units.item(i)
                wanted = item.data(Qt.ItemDataRole.UserRole) in ("省科技厅", "省教育厅")
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            dialog.folder.setText(str(tmp_path / "out"))
        elif isinstance(dialog, ReturnsDialog):
            dialog._accept()
        return 1

    monkeypatch.setattr(feedback_controller.FeedbackController, "exec_dialog", answer)
    window.seen = seen
    return window


def test_send_writes_the_chosen_units_workbooks_and_notices(sending, tmp_path):
    assert sending.feedback.send_round()
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted([f"{ROUND}-省教育厅.xlsx", f"{ROUND}-省科技厅.xlsx", "报送说明.xlsx", "报送通知.pdf"])
    assert openpyxl.load_workbook(tmp_path / "out" / f"{ROUND}-省科技厅.xlsx")["进展填报"].max_row == 6 + 23


def test_import_with_preview_is_one_undo_step(sending, tmp_path):
    window = sending
    window.feedback.send_round()
    sent = tmp_path / "out" / f"{ROUND}-省科技厅.xlsx"
    fill(sent, tmp_path / "back.xlsx", {6: {7: "推进中", 9: "已完成选址"}, 8: {7: "已完成"}})
    depth = window.document.undo_stack.count()
    assert window.feedback.receive_returns([tmp_path / "back.xlsx"])
    preview = window.seen[-1]
    assert isinstance(preview, ReturnsDialog) and preview.tree.topLevelItemCount() == 1
    plan = window.document.plan
    task6 = next(t for t in plan.tasks if t.number == 6)
    assert task6.reports[ROUND]["省科技厅"].progress == "已完成选址"
    assert window.document.undo_stack.count() == depth + 1
    window.state.set_round(ROUND)
    window.document.undo_stack.undo()
    assert "省科技厅" not in task6.reports.get(ROUND, {})


def test_a_row_unticked_is_not_imported_and_conflicts_start_unticked(sending, tmp_path, qtbot):
    window = sending
    plan = window.document.plan
    task6 = next(t for t in plan.tasks if t.number == 6)
    window.feedback.send_round()
    window.document.merge_reports([(task6, ROUND, Entry("省科技厅", "滞后", progress="办公室改的"))], "edit")
    fill(tmp_path / "out" / f"{ROUND}-省科技厅.xlsx", tmp_path / "back.xlsx",
         {6: {7: "推进中"}, 8: {7: "已完成"}, 10: {7: "推进中"}})
    from taskmatrix.io.feedback.receive import load_returns

    files, refused = load_returns(plan, [tmp_path / "back.xlsx"], None, dt.date.today())
    dialog = ReturnsDialog(files, refused)
    qtbot.addWidget(dialog)
    changes = {c.number: c for c in files[0].changes}
    assert changes[6].kind == CONFLICT
    dialog.set_row(changes[10], False)
    dialog._accept()
    assert not changes[6].accepted and not changes[10].accepted and changes[8].accepted
    assert window.feedback.merge(files)
    assert task6.reports[ROUND]["省科技厅"].progress == "办公室改的"
    assert "省科技厅" not in next(t for t in plan.tasks if t.number == 10).reports.get(ROUND, {})
    assert next(t for t in plan.tasks if t.number == 8).reports[ROUND]["省科技厅"].status == "已完成"
    dialog = ReturnsDialog(files, refused)
    qtbot.addWidget(dialog)
    dialog.accept_all()
    dialog._accept()
    assert changes[6].accepted


def test_a_dropped_return_is_imported_and_a_refused_file_is_listed(sending, tmp_path):
    window = sending
    window.feedback.send_round()
    back = tmp_path / "back.xlsx"
    fill(tmp_path / "out" / f"{ROUND}-省教育厅.xlsx", back, {15: {7: "推进中"}})
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(back))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    from PySide6.QtTest import QTest

    QTest.qWait(50)
    task15 = next(t for t in window.document.plan.tasks if t.number == 15)
    assert task15.reports[ROUND]["省教育厅"].status == "推进中"
    window.feedback.receive_returns([bad])
    preview = window.seen[-1]
    assert preview.tree.topLevelItemCount() == 1 and "bad.xlsx" in preview.tree.topLevelItem(0).text(4)


def test_units_not_reported_listed_and_exported(sending, tmp_path):
    window = sending
    plan = window.document.plan
    task6 = next(t for t in plan.tasks if t.number == 6)
    window.document.merge_reports([(task6, ROUND, Entry("省科技厅", "推进中", date=dt.date(2019, 4, 2)))], "r")
    assert window.feedback.show_not_reported()
    dialog = window.seen[-1]
    assert isinstance(dialog, NotReportedDialog)
    units = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "省科技厅" not in units and "省发展改革委" in units
    assert "1 of 38" in dialog.summary.text() or "38" in dialog.summary.text()
    out = tmp_path / "nr.xlsx"
    assert window.feedback.export_not_reported(plan.rounds[0], out)
    ws = openpyxl.load_workbook(out).active
    assert [ws.cell(r, 2).value for r in range(4, ws.max_row + 1)] == units
