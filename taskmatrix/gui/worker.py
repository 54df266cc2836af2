"""Long reads, writes and print runs off the GUI thread, with progress and cancel.

:func:`run_with_progress` runs a function in a worker thread while the window keeps
painting; after a short delay it shows a progress dialog whose Cancel makes the function's
progress callback return False (the io layer then raises ``Cancelled`` and writes nothing).
The call returns the function's result or re-raises its exception in the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Progress = Callable[[int, int], bool]
SHOW_AFTER_MS = 200


class _Runner(QObject):
    """Runs ``fn(progress)`` in the worker thread; signals: progressed(int, int), finished()."""

    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancel = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            self.result = self.fn(self._progress)
        except BaseException as exc:  # handed back to the GUI thread
            self.error = exc
        self.finished.emit()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancel.is_set()


class _Relay(QObject):
    """Lives in the GUI thread, so the worker's signals reach the dialog queued."""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop) -> None:
        super().__init__()
        self.dialog = dialog
        self.loop = loop

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        self.dialog.setValue(int(100 * done / max(total, 1)))

    @Slot()
    def finished(self) -> None:
        self.loop.quit()


def run_with_progress(parent: QWidget | None, label: str, fn: Callable[[Progress], T],
                      then: Callable[[T], None] | None = None) -> T:
    """Run ``fn`` in a worker thread; raises ``Cancelled`` if the user cancelled.

    ``then(result)`` runs on the GUI thread while the dialog still shows (showing a large
    plan takes a moment too).
    """
    runner = _Runner(fn)
    thread = QThread()
    runner.moveToThread(thread)
    thread.started.connect(runner.run)
    loop = QEventLoop()
    dialog = QProgressDialog(label, QCoreApplication.translate("QProgressDialog", "Cancel"), 0, 100, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    running = [True]

    def cancel() -> None:
        if running[0]:
            runner.cancel.set()

    # No disconnect afterwards: PySide6 6.12's disconnect() corrupts a reference count.
    dialog.canceled.connect(cancel)
    dialog.rejected.connect(cancel)
    relay = _Relay(dialog, loop)
    runner.progressed.connect(relay.progressed)
    runner.finished.connect(relay.finished)
    thread.start()
    loop.exec()  # quits on the queued ``finished``, even if it came before exec()
    thread.quit()
    thread.wait()
    running[0] = False
    try:
        if runner.error is not None:
            raise runner.error
        if then is not None:
            dialog.setCancelButton(None)  # nothing to cancel any more: the result is being shown
            dialog.setValue(100)
            then(runner.result)
        return runner.result
    finally:
        dialog.close()
        dialog.deleteLater()
