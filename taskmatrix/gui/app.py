"""Application start-up: arguments, QApplication, and the main window on a plan."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

from taskmatrix.gui.tablemodel import TaskTableModel


def run_app(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py", description="Task Matrix")
    parser.add_argument("path", nargs="?", help="a plan file to open (.xlsx, .txt, .json)")
    args = parser.parse_args(list(argv))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from taskmatrix.io.defaults import load_default_plan
    from taskmatrix.io.formats import read_plan

    plan = (read_plan(args.path) if args.path else load_default_plan()).plan
    window = QMainWindow()
    view = QTableView(window)
    view.setModel(TaskTableModel(plan, view))
    window.setCentralWidget(view)
    window.setWindowTitle(plan.title or "Task Matrix")
    window.resize(1280, 800)
    window.show()
    return app.exec()
