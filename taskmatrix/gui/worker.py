"""Long reads, writes and print runs, with a progress dialog and Cancel.

:func:`run_with_progress` runs a function in a worker thread while the window keeps
painting; after a short delay it shows a progress dialog whose Cancel makes the function's
progress callback return False (the io layer then raises ``Cancelled`` and writes nothing).
The call returns the function's result or re-raises its exception in the GUI thread.

The worker thread runs plain Python and never touches Qt, not even to emit a signal: PySide
holds the GIL through some Qt calls, so a worker calling Qt while the GUI thread destroys a
Python-backed object (which takes a Qt lock, then waits for the GIL) can deadlock both. The
GUI thread polls the worker instead. Work that needs Qt itself (painting sheets) runs on the
GUI thread through :func:`run_here_with_progress`, whose progress callback keeps the window
painting and the dialog's Cancel working.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from taskmatrix.io.result import Progress

T = TypeVar("T")
SHOW_AFTER_MS = 200
#: How often the GUI thread looks at a running job (its progress, whether it finished).
POLL_MS = 10
#: How often the GUI-thread variant lets the window paint and take a click on Cancel.
EVENTS_EVERY_S = 0.05


class BackgroundJob:
    """What the worker thread and the GUI thread share: plain Python only.

    :meth:`start` runs it at once (say, reading the file named on the command line while the
    window is being built); :func:`run_with_progress` then waits for it with its dialog.
    """

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        self.fn = fn
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = 0
        self.total = 1
        self.cancel = threading.Event()
        self.finished = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> BackgroundJob:
        if self._thread is None:
            self._thread = threading.Thread(target=self.run, name="taskmatrix-worker", daemon=True)
            self._thread.start()
        return self

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def run(self) -> None:
        try:
            self.result = self.fn(self.progress)
        except BaseException as exc:  # handed back to the GUI thread
            self.error = exc
        self.finished.set()

    def progress(self, done: int, total: int) -> bool:
        self.done, self.total = done, total
        return not self.cancel.is_set()


def _dialog(parent: QWidget | None, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, QCoreApplication.translate("QProgressDialog", "Cancel"), 0, 100, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    return dialog


def _percent(done: int, total: int) -> int:
    return max(0, min(100, int(100 * done / max(total, 1))))


def run_with_progress(parent: QWidget | None, label: str, fn: Callable[[Progress], T] | BackgroundJob,
                      then: Callable[[T], None] | None = None) -> T:
    """Run ``fn`` (plain Python, no Qt) in a worker thread, or wait for a job already started;
    raises ``Cancelled`` if the user cancelled.

    ``then(result)`` runs on the GUI thread while the dialog still shows (showing a large
    plan takes a moment too).
    """
    job = fn if isinstance(fn, BackgroundJob) else BackgroundJob(fn)
    dialog = _dialog(parent, label)
    loop = QEventLoop()
    running = [True]

    def cancel() -> None:
        if running[0]:
            job.cancel.set()

    # No disconnect afterwards: PySide6 6.12's disconnect() corrupts a reference count.
    dialog.canceled.connect(cancel)
    dialog.rejected.connect(cancel)

    def poll() -> None:
        if job.finished.is_set():
            loop.quit()
        else:
            dialog.setValue(_percent(job.done, job.total))

    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(poll)
    job.start()
    timer.start()
    if not job.finished.is_set():
        loop.exec()
    timer.stop()
    job.join()
    running[0] = False
    try:
        if job.error is not None:
            raise job.error
        if then is not None:
            dialog.setCancelButton(None)  # nothing to cancel any more: the result is being shown
            dialog.setValue(100)
            then(job.result)
        return job.result
    finally:
        dialog.close()
        dialog.deleteLater()


def run_here_with_progress(parent: QWidget | None, label: str, fn: Callable[[Progress], T]) -> T:
    """Run ``fn`` on the GUI thread (for work that uses Qt); raises ``Cancelled`` if the user cancelled.

    ``fn`` should call its progress callback often (every page, say): the callback lets the
    window paint and the dialog take a click on Cancel every 50 ms.
    """
    dialog = _dialog(parent, label)
    last = [0.0]

    def progress(done: int, total: int) -> bool:
        now = time.monotonic()
        if now - last[0] >= EVENTS_EVERY_S:
            last[0] = now
            dialog.setValue(_percent(done, total))
            QCoreApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        return fn(progress)
    finally:
        dialog.close()
        dialog.deleteLater()
