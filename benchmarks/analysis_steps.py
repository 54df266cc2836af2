"""Analysis steps: the consistency checks on the whole plan and after one edit (the model, and
the checks pane's update with its repaint), and opening the statistics view in a fresh
process (pandas imported then, as in the app), with 4 reporting rounds."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

STATS_SCRIPT = r"""
import os, sys, time, tempfile
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings, qInstallMessageHandler
qInstallMessageHandler(lambda *args: None)
from PySide6.QtWidgets import QApplication
app = QApplication([])
from benchmarks.synth import add_rounds
from taskmatrix.io.formats import read_plan
from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.mainwindow import MainWindow
from taskmatrix.gui.settings import Settings
plan = add_rounds(read_plan(Path(sys.argv[1])).plan, 4)
store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(PlanDocument(plan), Settings(store))
window.show()
app.processEvents()
window.state.set_round(plan.rounds[-1].name)
app.processEvents()
assert "pandas" not in sys.modules
start = time.perf_counter()
dialog = window.stats.show_statistics()
dialog.repaint()
dialog.charts[0].repaint()
print(f"{time.perf_counter() - start:.6f}", flush=True)
window.document.undo_stack.setClean()
os._exit(0)
"""


def statistics_view(path: Path) -> float:
    """Seconds from asking for the statistics to the painted view, pandas not yet imported."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", STATS_SCRIPT, str(path)], capture_output=True, text=True, cwd=ROOT,
                         env=env, timeout=600, check=True)
    return float(out.stdout.split()[-1])


def analysis_steps(suite: Any, size: int, paths: dict[str, Path], tmp: Path) -> None:
    from benchmarks.suite import Row
    from taskmatrix.io.formats import read_plan
    from taskmatrix.model.checks import Checker

    if size > 10_000:
        return
    plan = read_plan(paths["xlsx"]).plan
    suite.time("checks on the whole plan", size, lambda: Checker(plan).findings(), target="<300 ms at 10k")
    checker = Checker(plan)
    task = plan.tasks[len(plan.tasks) // 2]
    leads = list(task.leads)

    def edit() -> None:
        task.leads = [] if task.leads else leads
        checker.update([task])
        checker.findings()

    suite.time("checks after one edit (model)", size, edit, target="<30 ms at 10k")
    _pane_steps(suite, size, paths)
    views = [statistics_view(paths["xlsx"]) for _ in range(suite.repeat)]
    suite.add(Row("statistics view (pandas imported, 4 rounds)", size, views, target="<500 ms at 10k",
                  note="fresh process; from the menu to the painted tables and chart"))


def _pane_steps(suite: Any, size: int, paths: dict[str, Path]) -> None:
    """An edit of the task table seen in the open checks pane: the update and its repaint."""
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from benchmarks.gui_steps import quiet_qt
    from benchmarks.suite import Row
    from taskmatrix.gui.document.document import PlanDocument
    from taskmatrix.gui.mainwindow import MainWindow
    from taskmatrix.gui.settings import Settings
    from taskmatrix.io.formats import read_plan

    quiet_qt()
    app = QApplication.instance() or QApplication([])
    store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(PlanDocument(read_plan(paths["xlsx"]).plan), Settings(store))
    try:
        window.resize(1366, 768)
        window.show()
        dock = window.checks.show_checks()
        app.processEvents()
        row = len(window.document.plan.tasks) // 2
        times = []
        for i in range(suite.repeat + 1):
            window.document.edit_field(row, "title", f"改过的标题{i}")
            start = time.perf_counter()
            window.checks.model.update_now()
            dock.view.viewport().repaint()
            times.append(time.perf_counter() - start)
        suite.add(Row("checks pane after one edit (+ repaint)", size, times[1:], target="<30 ms at 10k"))
    finally:
        window.document.undo_stack.setClean()
        window.close()
