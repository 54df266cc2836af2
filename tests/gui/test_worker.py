"""Long work: the window keeps running, progress shows and cancels; plain Python threads."""

from __future__ import annotations

import pytest


def _work(steps):
    import time

    from taskmatrix.io.errors import Cancelled

    def work(progress):
        for i in range(steps):
            time.sleep(0.005)
            if progress(i, steps) is False:
                raise Cancelled()
        return "done"

    return work


def _ticks_while(run):
    """Run ``run()`` and count how often a 10 ms GUI-thread timer fired meanwhile."""
    from PySide6.QtCore import QTimer

    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    assert run() == "done"
    timer.stop()
    return len(ticks)


def test_long_work_keeps_the_window_running(window):
    from taskmatrix.gui.worker import run_with_progress

    # About one second of work; the GUI thread's timers keep firing meanwhile.
    assert _ticks_while(lambda: run_with_progress(window, "working", _work(200))) > 40
    assert run_with_progress(window, "quick", lambda progress: 42) == 42


def test_long_work_shows_progress_and_can_be_cancelled(window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from taskmatrix.gui.worker import run_with_progress
    from taskmatrix.io.errors import Cancelled

    def cancel_when_shown():
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if dialogs:
            dialogs[0].canceled.emit()  # what its Cancel button does
        else:
            QTimer.singleShot(20, cancel_when_shown)

    QTimer.singleShot(50, cancel_when_shown)
    with pytest.raises(Cancelled):
        run_with_progress(window, "working", _work(1000))


def test_the_worker_runs_in_a_plain_python_thread(window):
    """No QThread: results, progress and errors pass through plain Python objects."""
    import threading

    from taskmatrix.gui.worker import run_with_progress

    seen = []

    def work(progress):
        seen.append(threading.current_thread())
        assert progress(1, 2) is True
        return "ok"

    before = set(threading.enumerate())
    assert run_with_progress(window, "working", work) == "ok"
    assert seen[0] is not threading.main_thread() and seen[0].name == "taskmatrix-worker"
    assert not seen[0].is_alive() and set(threading.enumerate()) == before

    def fail(progress):
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        run_with_progress(window, "failing", fail)


def test_gui_thread_work_keeps_the_window_running_and_can_be_cancelled(window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from taskmatrix.gui.worker import run_here_with_progress
    from taskmatrix.io.errors import Cancelled

    # Events are processed between the steps (every 50 ms).
    assert _ticks_while(lambda: run_here_with_progress(window, "painting", _work(200))) > 10

    def cancel_when_shown():
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if dialogs:
            dialogs[0].cancel()
        else:
            QTimer.singleShot(20, cancel_when_shown)

    QTimer.singleShot(50, cancel_when_shown)
    with pytest.raises(Cancelled):
        run_here_with_progress(window, "painting", _work(1000))
