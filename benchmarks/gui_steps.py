"""GUI steps of the benchmark suite: start-up to the painted window, filter keystrokes,
choosing a unit or a city, sorting; measured offscreen, each ending with a synchronous repaint
of the table (what the user sees)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

STARTUP_SCRIPT = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import qInstallMessageHandler
qInstallMessageHandler(lambda *args: None)
import tempfile
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from taskmatrix.gui.app import build_window, create_app
from taskmatrix.gui.settings import Settings

path = Path(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] else None
app = create_app()
store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
window = build_window(path, Settings(store), "zh_CN", recovery_folder=Path(tempfile.mkdtemp()))
marks = {}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "painted" not in marks:
            if path is None or window.document.path == path:
                marks["painted"] = time.perf_counter()
                QTimer.singleShot(0, first_filter)
        return False

def first_filter():
    window.filter_bar.search.setText("科技")
    window.table.viewport().repaint()
    marks["filtered"] = time.perf_counter()
    hwm = int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0]) / 1024
    print(f"{marks['painted']:.6f} {marks['filtered']:.6f} {len(window.document.plan.tasks)} {hwm:.1f}", flush=True)
    window.document.undo_stack.setClean()
    os._exit(0)

watch = Watch()
window.table.viewport().installEventFilter(watch)
window.show()
app.exec()
"""


def startup(path: Path | None) -> tuple[float, float, int, float]:
    """Seconds from process start to the painted window with the plan and to a first filter;
    the task count; the process's peak resident memory in MB."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # As on a user's machine from the second start on: Python keeps compiled modules. (Where
    # PYTHONDONTWRITEBYTECODE is set, every start compiles the app's modules again: ~50 ms.
    # The first, discarded, run writes them.)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", STARTUP_SCRIPT, str(path) if path else ""], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=600, check=True)
    painted, filtered, tasks, hwm = out.stdout.split()
    # perf_counter is system-wide on Linux (CLOCK_MONOTONIC), so the child's marks compare.
    return float(painted) - start, float(filtered) - start, int(tasks), float(hwm)


def quiet_qt() -> None:
    """Drop the offscreen plugin's warnings (propagateSizeHints) from the table's output."""
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(lambda *args: None)


class Interactive:
    """A window on a plan, for timing interactions in this process."""

    def __init__(self, path: Path) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import tempfile

        from PySide6.QtCore import QSettings

        from taskmatrix.gui.app import create_app
        from taskmatrix.gui.document.document import PlanDocument
        from taskmatrix.gui.mainwindow import MainWindow
        from taskmatrix.gui.settings import Settings
        from taskmatrix.io.formats import read_plan

        self.app = create_app()
        quiet_qt()
        store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(PlanDocument(read_plan(path).plan, path), Settings(store))
        self.window.resize(1920, 1080)
        self.window.show()
        self.settle()
        # Steady state: the search texts the window makes in the background after opening.
        while not self.window.document.model.index_.is_warm():
            self.app.processEvents()

    def settle(self) -> None:
        for _ in range(3):
            self.app.processEvents()

    def repaint(self, *more: Any) -> None:
        """Run what the change posted (delayed layouts), then paint the table and ``more`` now."""
        self.app.processEvents()
        self.window.table.viewport().repaint()
        for widget in more:
            widget.repaint()

    def keystrokes(self, text: str) -> list[float]:
        """Type ``text`` one character at a time; each time: filter, then repaint."""
        bar = self.window.filter_bar
        bar.clear_all()
        self.settle()
        times = []
        typed = ""
        for ch in text:
            typed += ch
            start = time.perf_counter()
            bar.search.setText(typed)
            if bar._debounce:
                bar._timer.stop()
                bar._emit()
            self.repaint()
            times.append(time.perf_counter() - start)
        bar.clear_all()
        self.settle()
        return times

    def choose_unit(self, name: str) -> float:
        """Choose ``name`` as if for the first time since the last edit (its rows not yet found)."""
        return self._choose(self.window.units_dock, lambda: self.window.filter_bar.set_unit(name))

    def choose_city(self, name: str) -> float:
        return self._choose(self.window.cities_dock, lambda: self.window.filter_bar.set_city(name))

    def _choose(self, dock: Any, choose: Any) -> float:
        self.window.filter_bar.clear_all()
        dock.raise_()
        self.settle()
        self.window.document.model.index_.forget_results()
        start = time.perf_counter()
        choose()
        self.repaint(dock.tasks)
        return time.perf_counter() - start

    def sort(self, key: str, descending: bool) -> float:
        from PySide6.QtCore import Qt

        column = self.window.document.model.column_of(key)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        if self.window.filter_bar.spec.is_active():
            self.window.filter_bar.clear_all()
            self.settle()
        start = time.perf_counter()
        self.window.table.sortByColumn(column, order)
        self.repaint()
        return time.perf_counter() - start

    def switch_round(self, name: str) -> float:
        """Show round ``name`` with its lights not yet computed (as after an edit); repaint the
        table and the round strip."""
        self.window.document.model.index_.forget_progress()
        start = time.perf_counter()
        self.window.state.set_round(name)
        self.repaint(self.window.round_strip)
        return time.perf_counter() - start

    def filter_light(self, light: str) -> float:
        state = self.window.state
        state.set_spec(state.spec.with_(light=""))
        self.settle()
        start = time.perf_counter()
        state.set_spec(state.spec.with_(light=light))
        self.repaint(self.window.round_strip)
        return time.perf_counter() - start

    def close(self) -> None:
        self.window.document.undo_stack.setClean()
        self.window.close()
        self.window.deleteLater()
        self.settle()


def gui_steps(suite: Any, size: int, paths: dict[str, Path], tmp: Path) -> None:
    from benchmarks.suite import Row

    rep = 1 if size >= 100_000 else suite.repeat
    if size <= 100:
        runs = [startup(None) for _ in range(rep + 1)][1:]
        suite.add(Row("start-up to window painted (built-in plan)", 100, [r[0] for r in runs], target="≤0.5 s"))
    runs = [startup(paths["xlsx"]) for _ in range(rep + 1)][1:]
    suite.add(Row("start-up to window painted with .xlsx", size, [r[0] for r in runs],
                  target="≤0.6 s at 10k; progress shown at 100k"))
    suite.add(Row("start-up to first filter result", size, [r[1] for r in runs]))
    ui = Interactive(paths["xlsx"])
    try:
        strokes = []
        for _ in range(rep):
            strokes += ui.keystrokes("广州 科技 平台")
        suite.add(Row("filter keystroke to repaint", size, strokes,
                      target="≤25 ms median at 10k; ≤100 ms at 100k (debounced)",
                      note=f"{len(strokes)} keystrokes"))
        suite.add(Row("choose a unit (filter + dock + repaint)", size,
                      [ui.choose_unit(u) for u in ["省科技厅", "省发展改革委", "省教育厅"] * rep],
                      target="≤30 ms at 10k; <200 ms at 100k"))
        suite.add(Row("choose a city (filter + dock + repaint)", size,
                      [ui.choose_city(c) for c in ["江门市", "广州市", "汕头市"] * rep],
                      target="≤30 ms at 10k; <200 ms at 100k"))
        sorts = []
        for _ in range(rep):
            for key in ("number", "leads", "deadline", "title"):
                sorts.append(ui.sort(key, True))
                sorts.append(ui.sort(key, False))
        suite.add(Row("sort a column (+ repaint)", size, sorts, target="≤30 ms at 10k; <200 ms at 100k"))
    finally:
        ui.close()
    suite.add(Row("peak memory of the app with the plan open", size, [max(r[3] for r in runs)],
                  unit="MB", target="≤500 MB at 100k"))


def progress_steps(suite: Any, size: int, paths: dict[str, Path], tmp: Path) -> None:
    """A plan with 4 rounds (each lead reporting on its task): save with the round sheets, switch
    rounds, filter by light."""
    from benchmarks.suite import Row
    from benchmarks.synth import add_rounds
    from taskmatrix.io.excel.write import write_xlsx
    from taskmatrix.io.formats import read_plan

    if size > 10_000:
        return
    plain = read_plan(paths["xlsx"]).plan
    tracked = add_rounds(read_plan(paths["xlsx"]).plan, 4)
    rounded = tmp / "rounds.xlsx"
    write_xlsx(tracked, rounded, backup=False)
    suite.time("save .xlsx (for the round sheets)", size, lambda: write_xlsx(plain, tmp / "p.xlsx", backup=False))
    suite.time("save .xlsx with 4 round sheets", size, lambda: write_xlsx(tracked, tmp / "r.xlsx", backup=False),
               baseline="save .xlsx (for the round sheets)", target="≤1.5x")
    ui = Interactive(rounded)
    try:
        names = [r.name for r in tracked.rounds]
        ui.window.state.set_round(names[0])
        ui.settle()
        switches = [ui.switch_round(name) for _ in range(suite.repeat) for name in names[1:] + names[:1]]
        suite.add(Row("switch rounds (lights + table + strip repaint)", size, switches, target="≤50 ms at 10k",
                      note="lights of the round computed afresh each time"))
        from taskmatrix.model.lights import LIGHTS

        lights = [ui.filter_light(light) for _ in range(suite.repeat) for light in LIGHTS]
        suite.add(Row("filter by light (+ repaint)", size, lights, target="≤30 ms at 10k"))
    finally:
        ui.close()


def print_steps(suite: Any, size: int, paths: dict[str, Path], tmp: Path) -> None:
    """One unit's sheet and every unit's sheets to PDF (on the seed plan at size 100)."""
    from taskmatrix.gui.app import create_app
    from taskmatrix.io.defaults import load_default_plan
    from taskmatrix.io.formats import read_plan
    from taskmatrix.model.queries import unit_counts
    from taskmatrix.sheets.content import unit_sheet, units_with_tasks
    from taskmatrix.sheets.render import PrintOptions, choose_fonts, write_pdf

    create_app()
    fonts = choose_fonts()
    assert fonts is not None, "no Chinese font installed"
    plan = load_default_plan().plan if size <= 100 else read_plan(paths["xlsx"]).plan
    label = "seed" if size <= 100 else f"{size:,} tasks"
    counts = unit_counts(plan)
    ranked = sorted((u for u in counts if sum(counts[u])), key=lambda u: sum(counts[u]))
    # The busiest unit of the seed and of 10,000 tasks; a middling one of 100,000 tasks, whose
    # busiest unit alone fills some 15,000 pages.
    unit = ranked[-1] if size <= 10_000 else ranked[len(ranked) // 2]
    pages: list[int] = []

    def one() -> None:
        pages.append(write_pdf([unit_sheet(plan, unit)], tmp / "one.pdf", fonts, PrintOptions()))

    row = suite.time(f"one unit's sheet to PDF ({label})", size, one, target="<1 s (seed)",
                     repeat=1 if size >= 10_000 else None)
    row.note = f"{unit}: {pages[-1]} pages, {pages[-1] / row.median:.0f} pages/s"
    if size > 10_000:
        row.note += "; every unit at this size would be ~20x the pages of 10,000 tasks: not run"
        return
    units = units_with_tasks(plan)

    def every() -> None:
        sheets = [unit_sheet(plan, u) for u in units]
        pages.append(write_pdf(sheets, tmp / "all.pdf", fonts, PrintOptions()))

    row = suite.time(f"every unit's sheets to one PDF ({label})", size, every, target="<3 s (seed)",
                     repeat=1 if size >= 10_000 else None)
    row.note = f"{len(units)} units, {pages[-1]} pages"
