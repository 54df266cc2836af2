"""Screenshots of the main window on the seed plan, for looking at it as a user would.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py [OUT_DIR] [--lang en]

Writes, at 1366×768 and 1920×1080: the window as opened, with a unit chosen (省科技厅),
with a city chosen (江门市), and with a task open in the editor.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from taskmatrix.gui.app import build_window, create_app
from taskmatrix.gui.settings import Settings


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "shots")
    out.mkdir(parents=True, exist_ok=True)
    language = "en" if "--lang" in sys.argv and sys.argv[-1] == "en" else "zh_CN"
    create_app()
    store = QSettings(str(Path(tempfile.mkdtemp()) / "shots.ini"), QSettings.Format.IniFormat)
    for width, height in ((1366, 768), (1920, 1080)):
        window = build_window(None, Settings(store), language, recovery=False)
        window.resize(width, height)
        window.show()
        settle()
        tag = f"{width}x{height}"
        window.grab().save(str(out / f"{tag}-opened.png"))
        window.units_dock.raise_()
        window.filter_bar.set_unit("省科技厅")
        settle()
        window.grab().save(str(out / f"{tag}-unit.png"))
        window.filter_bar.clear_all()
        window.cities_dock.raise_()
        window.filter_bar.set_city("江门市")
        settle()
        window.grab().save(str(out / f"{tag}-city.png"))
        window.filter_bar.clear_all()
        task = window.document.plan.task(7)
        assert task is not None
        window.show_task(task)
        settle()
        window.grab().save(str(out / f"{tag}-editor.png"))
        window.document.undo_stack.setClean()
        window.close()
    print(f"screenshots in {out}/")


if __name__ == "__main__":
    main()
