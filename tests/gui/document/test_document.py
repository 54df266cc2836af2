"""The document's lifetime: freed as soon as it is let go, quietly, and its plan kept out of the
cycle collector's way once the window has painted it."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import weakref

from tests.conftest import ROOT


def _tracked(obj) -> bool:
    """True when the cycle collector still scans ``obj`` (frozen objects are not listed)."""
    return any(o is obj for o in gc.get_objects())


def test_a_document_with_edits_is_freed_without_the_cycle_collector(qapp, seed_plan):
    from taskmatrix.gui.document.document import PlanDocument

    document = PlanDocument(seed_plan)
    document.edit_field(0, "notes", "x")
    gone = weakref.ref(document)
    gc.disable()
    try:
        del document
        assert gone() is None  # no reference cycle: the model holds its edit handler weakly
    finally:
        gc.enable()


def test_a_document_freed_by_its_recovery_manager_does_not_crash(tmp_path):
    # The manager held the last reference; deleting the document's undo stack used to announce
    # the cleared stack to the half-deleted manager: a segmentation fault. Own process, so a
    # crash fails this test and not the whole run.
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from taskmatrix.gui.document.document import PlanDocument
        from taskmatrix.gui.document.recovery import RecoveryManager
        from taskmatrix.io.defaults import load_default_plan
        document = PlanDocument(load_default_plan().plan)
        manager = RecoveryManager(document, Path({str(tmp_path)!r}), quiet_ms=30)
        document.edit_field(0, "notes", "x")
        document.edit_field(1, "notes", "y")
        app.processEvents()
        manager.close()
        del document
        del manager
        print("survived")
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "survived" in run.stdout


def test_the_plan_is_frozen_once_the_event_loop_runs(qtbot, seed_plan, document):
    from taskmatrix.io.defaults import load_default_plan

    plan = load_default_plan().plan
    document.replace_plan(plan, None)
    assert _tracked(plan.tasks)  # not during the replacement: that would delay the first paint
    qtbot.waitUntil(lambda: not _tracked(plan.tasks), timeout=2000)
