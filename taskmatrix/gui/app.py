"""Application start-up: arguments, QApplication, translations, and the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from taskmatrix.fonts import chinese_ui_font
from taskmatrix.gui.settings import APPLICATION, LANGUAGE, ORGANIZATION, Settings

if TYPE_CHECKING:
    from taskmatrix.gui.mainwindow import MainWindow

logger = logging.getLogger(__name__)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="Task Matrix")
    parser.add_argument("path", nargs="?", type=Path, help="a plan file to open (.xlsx, .txt, .json)")
    parser.add_argument("--lang", choices=("zh_CN", "zh", "en"), help="interface language (default: Chinese)")
    return parser.parse_args(list(argv))


def create_app() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Task Matrix")
    font = chinese_ui_font(app.font())
    if font is not None:
        app.setFont(font)
    return app


def build_window(path: Path | None, settings: Settings, language: str | None = None, recovery: bool = True,
                 recovery_folder: Path | None = None) -> MainWindow:
    """The main window on the embedded plan, opening ``path`` once it is shown.

    ``path`` is read in the background while the window is being built.
    """
    from taskmatrix.gui.document.files import start_reading

    # First, before the other imports: the read overlaps everything below.
    reading = start_reading(path) if path is not None else None
    from taskmatrix.gui.document.document import PlanDocument
    from taskmatrix.gui.document.recovery import RecoveryManager, damaged_message, default_folder, offer_restore
    from taskmatrix.gui.i18n import install_translators
    from taskmatrix.gui.mainwindow import MainWindow
    from taskmatrix.io.defaults import load_default_plan
    from taskmatrix.io.report import build_report
    from taskmatrix.model.plan import Plan
    from taskmatrix.model.units import UnitRegistry

    app = QApplication.instance()
    assert app is not None
    lang = language or settings.get(LANGUAGE)
    # Translators must outlive the window; the application object keeps them.
    app._taskmatrix_translators = install_translators(  # type: ignore[attr-defined]
        app, "zh_CN" if lang.startswith("zh") else "en")
    if path is None:
        default = load_default_plan()
        document = PlanDocument(default.plan)
        document.report = build_report(default)
    else:  # the file comes in once the window is up; the built-in plan if it cannot be read
        document = PlanDocument(Plan(registry=UnitRegistry.default()))
    window = MainWindow(document, settings, language="zh_CN" if lang.startswith("zh") else "en")
    window.restore_layout()
    if recovery:
        try:
            window.recovery = RecoveryManager(document, recovery_folder, parent=window)
        except OSError as exc:  # the application-data folder cannot be made: work on, without autosave
            message = QCoreApplication.translate(
                "Recovery", "Autosave is off: its folder {folder} cannot be created ({reason})").format(
                folder=recovery_folder or default_folder(), reason=exc.strerror or exc)
            badge = QLabel(QCoreApplication.translate("Recovery", "Autosave off"))
            badge.setObjectName("autosaveOff")
            badge.setToolTip(message)
            window.statusBar().addPermanentWidget(badge)
            window.statusBar().showMessage(message)

    def after_show() -> None:
        if window.recovery is not None and offer_restore(window, window.recovery):
            if reading is not None:
                reading.cancel.set()
            return
        if path is not None and not window.files.open_path(path, confirmed=True, reading=reading):
            fallback = load_default_plan()
            document.replace_plan(fallback.plan, None)
            document.report = build_report(fallback)
        if window.recovery is not None and window.recovery.damaged:  # after the file's own message
            window.statusBar().showMessage(damaged_message(window.recovery))

    QTimer.singleShot(0, after_show)
    return window


NO_DISPLAY = ("error: no display found: Task Matrix is a desktop application and needs a desktop session "
              "(X11 or Wayland); without one, use the headless commands, e.g. "
              "`python main.py export PLAN OUT.xlsx` or `python main.py sheets PLAN OUT.pdf`")


def has_display() -> bool:
    """False on Linux with neither an X11 nor a Wayland display (and no platform chosen)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_app(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    app = create_app()
    settings = Settings()
    window = build_window(args.path, settings, args.lang)
    window.show()
    return app.exec()
