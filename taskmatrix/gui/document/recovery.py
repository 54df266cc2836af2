"""Autosave and crash recovery.

While the document has unsaved changes, a recovery copy is written into the user's
application-data folder (never next to the user's file): a second after the last edit, and
every minute. The copy is JSON lines: a header (format, source file, time, plan fields),
then one task per line. The snapshot is taken in slices between events, restarting if the
plan changes meanwhile, and written by a background thread, so a 100,000-task plan never
freezes the window. Each running app holds a lock file beside its copy; a copy whose lock
is stale was left by a crash, and the next start offers to restore it. A clean exit, a save
or undoing back to the saved state removes the copy.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QStandardPaths, QTimer, Signal

from taskmatrix.gui.document.document import PlanDocument
from taskmatrix.gui.timers import pause_timer
from taskmatrix.io.atomic import atomic_write_bytes
from taskmatrix.io.jsonio import plan_from_dict, plan_header, task_to_dict
from taskmatrix.io.progressjson import deadline_to_json, plan_deadline_year, reports_to_json
from taskmatrix.model.plan import Plan, Task
from taskmatrix.model.units import UnitRegistry

logger = logging.getLogger(__name__)

FORMAT = "taskmatrix-recovery/1"
SUFFIX = ".tmrec"
QUIET_MS = 1000
PERIOD_MS = 60_000
SLICE = 2000


def default_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


@dataclass
class RecoveryCopy:
    """A recovery copy left by an earlier run."""

    path: Path
    source: Path | None
    saved_at: _dt.datetime
    tasks: int

    def load(self) -> Plan:
        return read_recovery(self.path)


class RecoveryManager(QObject):
    """Signals:
        written(str): a recovery copy was written to this path.
    """

    written = Signal(str)

    def __init__(self, document: PlanDocument, folder: Path | None = None, quiet_ms: int = QUIET_MS,
                 period_ms: int = PERIOD_MS, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = folder or default_folder()
        self.folder.mkdir(parents=True, exist_ok=True)  # OSError: the caller starts without autosave
        #: Damaged copies found by :meth:`orphans`, renamed to ``….damaged`` (kept, not offered again).
        self.damaged: list[Path] = []
        self.path = self.folder / f"recovery-{os.getpid()}-{id(self):x}{SUFFIX}"
        self._lock = QLockFile(str(self.path.with_suffix(".lock")))
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)
        self._quiet = pause_timer(self, self.snapshot, quiet_ms)
        self._period = QTimer(self)
        self._period.setInterval(period_ms)
        self._period.timeout.connect(self.snapshot)
        self._period.start()
        self._slicer = QTimer(self)
        self._slicer.setInterval(0)
        self._slicer.timeout.connect(self._next_slice)
        self._job: _Snapshot | None = None
        self._writer: threading.Thread | None = None
        self._outcome: list[bool] = []
        self._poll = QTimer(self)
        self._poll.setInterval(20)
        self._poll.timeout.connect(self._check_writer)
        document.undo_stack.indexChanged.connect(self._edited)
        document.modifiedChanged.connect(self._modified_changed)
        document.planReplaced.connect(self.discard)

    def _edited(self, index: int) -> None:
        self._quiet.start()

    # -- writing -----------------------------------------------------------------------------
    def snapshot(self) -> None:
        """Start taking a recovery copy (in slices) if there are unsaved changes."""
        if not self.document.is_modified():
            return
        doc = self.document
        self._job = _Snapshot(doc.plan, doc.undo_stack.index(), doc.path)
        self._slicer.start()

    def _next_slice(self) -> None:
        job = self._job
        doc = self.document
        if job is None or job.plan is not doc.plan or job.stamp != doc.undo_stack.index():
            self._slicer.stop()
            self._job = None
            if doc.is_modified():
                self._quiet.start()  # it changed meanwhile: try again once it is quiet
            return
        if job.step():
            self._slicer.stop()
            self._job = None
            data = job.data()
            self._write_in_background(data)

    def _write_in_background(self, data: bytes) -> None:
        self._join_writer()
        path = self.path
        outcome: list[bool] = []

        # Plain Python only in the thread (see worker.py); the GUI thread announces the result.
        def write() -> None:
            try:
                atomic_write_bytes(path, data, backup=False)
            except Exception as exc:  # a failed autosave must never disturb the user's work
                logger.warning("recovery copy not written: %s", exc)
                outcome.append(False)
                return
            outcome.append(True)

        self._outcome = outcome
        self._writer = threading.Thread(target=write, name="recovery-writer", daemon=True)
        self._writer.start()
        self._poll.start()

    def _check_writer(self) -> None:
        """Announce a finished background write (``written``); called by a GUI-thread timer."""
        if self._writer is None or self._writer.is_alive():
            return
        self._poll.stop()
        self._writer = None
        if self._outcome == [True]:
            self.written.emit(str(self.path))

    def _join_writer(self) -> None:
        if self._writer is not None:
            self._writer.join()
            self._check_writer()

    def flush(self) -> None:
        """Finish any snapshot and write now (tests, and before a risky operation)."""
        if self._job is None:
            self.snapshot()
        while self._job is not None:
            self._next_slice()
        self._join_writer()

    def _modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()

    def discard(self) -> None:
        """Forget the current copy (saved, undone to the saved state, or a new plan)."""
        self._slicer.stop()
        self._job = None
        if self._writer is not None:
            self._writer.join()
            self._poll.stop()
            self._writer = None  # a copy about to be removed is not announced
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            logger.warning("cannot remove recovery copy %s: %s", self.path, exc)

    def close(self) -> None:
        """A clean exit: remove the copy and the lock."""
        self.discard()
        self._period.stop()
        self._quiet.stop()
        self._lock.unlock()

    # -- finding copies left by a crash ------------------------------------------------------------
    def orphans(self) -> list[RecoveryCopy]:
        """Copies whose app is no longer running, newest first."""
        found = []
        for path in self.folder.glob(f"*{SUFFIX}"):
            if path == self.path:
                continue
            lock = QLockFile(str(path.with_suffix(".lock")))
            if not lock.tryLock(0):
                continue  # another running app owns it
            lock.unlock()
            try:
                found.append(read_header(path))
            except Exception as exc:  # any damage: set it aside, never stop the start
                logger.warning("unreadable recovery copy %s: %s", path, exc)
                self.damaged.append(set_aside(path))
        return sorted(found, key=lambda c: c.saved_at, reverse=True)

    @staticmethod
    def remove(copy: RecoveryCopy) -> None:
        for path in (copy.path, copy.path.with_suffix(".lock")):
            try:
                path.unlink()
            except OSError:
                pass


class _Snapshot:
    """A recovery copy being taken slice by slice."""

    def __init__(self, plan: Plan, stamp: int, source: Path | None) -> None:
        self.plan = plan
        self.stamp = stamp
        header = plan_header(plan)
        header.update(format=FORMAT, source=str(source) if source else None,
                      saved_at=_dt.datetime.now().isoformat(timespec="seconds"), task_count=len(plan.tasks))
        self.lines = [json.dumps(header, ensure_ascii=False)]
        self.done = 0

    def step(self) -> bool:
        """Serialize the next slice of tasks; True when all are done."""
        tasks = self.plan.tasks
        registry = self.plan.registry
        end = min(self.done + SLICE, len(tasks))
        year = plan_deadline_year(self.plan)
        self.lines.extend(json.dumps(_task_line(tasks[i], registry, year), ensure_ascii=False)
                          for i in range(self.done, end))
        self.done = end
        return self.done >= len(tasks)

    def data(self) -> bytes:
        return ("\n".join(self.lines) + "\n").encode("utf-8")


DAMAGED_SUFFIX = ".damaged"


def set_aside(path: Path) -> Path:
    """Rename a damaged copy so that later starts do not trip over it; its bytes are kept."""
    target = path.with_name(path.name + DAMAGED_SUFFIX)
    try:
        os.replace(path, target)
    except OSError as exc:
        logger.warning("cannot set aside damaged recovery copy %s: %s", path, exc)
        return path
    lock = path.with_suffix(".lock")
    try:
        lock.unlink()
    except OSError:
        pass
    return target


def _task_line(task: Task, registry: UnitRegistry, year: int | None) -> dict[str, Any]:
    """A task for the copy, with its reports (the round list in the header has none)."""
    line = task_to_dict(task, registry, deadline=deadline_to_json(task, year))
    if task.reports:
        line["reports"] = reports_to_json(task)
    return line


def read_header(path: Path) -> RecoveryCopy:
    with open(path, encoding="utf-8") as handle:
        header = json.loads(handle.readline())
    if header.get("format") != FORMAT:
        raise ValueError("not a recovery copy")
    source = Path(header["source"]) if header.get("source") else None
    return RecoveryCopy(path, source, _dt.datetime.fromisoformat(header["saved_at"]),
                        int(header.get("task_count", 0)))


def read_recovery(path: Path) -> Plan:
    with open(path, encoding="utf-8") as handle:
        header = json.loads(handle.readline())
        tasks = [json.loads(line) for line in handle if line.strip()]
    if header.get("format") != FORMAT:
        raise ValueError("not a recovery copy")
    doc = dict(header, format="taskmatrix/1", tasks=tasks)
    return plan_from_dict(doc, path)[0]


def offer_restore(window: Any, manager: RecoveryManager) -> bool:
    """Ask about every copy a crash left behind, newest first; True if one was restored."""
    from PySide6.QtWidgets import QMessageBox

    from taskmatrix.gui.i18n import describe
    from taskmatrix.io.errors import PlanFormatError

    translate = QCoreApplication.translate
    title = translate("Recovery", "Recover Unsaved Work")
    for copy in manager.orphans():
        box = QMessageBox(QMessageBox.Icon.Warning, title, translate(
            "Recovery", "Task Matrix did not close normally last time. A recovery copy of unsaved work was found:"),
            QMessageBox.StandardButton.NoButton, window)
        source = str(copy.source) if copy.source else translate("Recovery", "the built-in plan (never saved)")
        details = translate("Recovery", "File: {source}\nSaved: {time}\nTasks: {count}\n\nRestore it?")
        box.setInformativeText(details.format(source=source, time=f"{copy.saved_at:%Y-%m-%d %H:%M:%S}",
                                              count=copy.tasks))
        restore = box.addButton(translate("Recovery", "Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(translate("Recovery", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(translate("Recovery", "Decide Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        choice = ask(box)
        if choice is discard:
            manager.remove(copy)
        elif choice is restore:
            try:
                plan = copy.load()
            except Exception as exc:  # damaged past its header: say so, set it aside, go on
                message = describe(exc) if isinstance(exc, PlanFormatError) else str(exc)
                QMessageBox.critical(window, title, translate(
                    "Recovery", "The recovery copy is damaged and cannot be restored ({reason}). It was kept as "
                    "{path}.").format(reason=message, path=set_aside(copy.path)))
                continue
            manager.document.restore_unsaved(plan, copy.source)
            manager.remove(copy)
            manager.snapshot()
            return True
    return False


def damaged_message(manager: RecoveryManager) -> str:
    """What the status bar says about damaged copies :meth:`RecoveryManager.orphans` set aside."""
    if not manager.damaged:
        return ""
    return QCoreApplication.translate("Recovery", "A damaged recovery copy was skipped and kept as {path}").format(
        path=manager.damaged[0])


def ask(box: Any) -> Any:
    """Show ``box`` and return the clicked button (tests replace this)."""
    box.exec()
    return box.clickedButton()
