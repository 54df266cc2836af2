"""Qt translations: the app's Chinese catalogue and Qt's own (standard buttons, dialogs).

English is the source language; Chinese (``zh_CN``) is the default. The catalogue's source
is ``resources/i18n/taskmatrix_zh_CN.ts``; the compiled ``.qm`` beside it is what loads.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from taskmatrix.io.errors import Notice, PlanFormatError
from taskmatrix.model.translate import QT_TRANSLATE_NOOP

logger = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
IO_CONTEXT = "io"


#: Texts of Qt's own dialogs that Qt's Chinese catalogue (qtbase_zh_CN) leaves in English; our
#: catalogue carries them (Qt looks there when its own has none).
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def catalogue_dir() -> Path:
    return Path(str(resources.files("taskmatrix.resources").joinpath("i18n")))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the catalogues for ``language`` into ``app``; returns them (keep them alive)."""
    installed: list[QTranslator] = []
    if not language.startswith("zh"):
        QLocale.setDefault(QLocale("en_US"))
        return installed
    QLocale.setDefault(QLocale("zh_CN"))
    ours = QTranslator(app)
    if ours.load(f"taskmatrix_{language}", str(catalogue_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        logger.warning("translation catalogue for %s not found", language)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase",):
        qt = QTranslator(app)
        if qt.load(f"{name}_{language}", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
    return installed


def translate_io(text: str) -> str:
    """Translate one of the io layer's message templates."""
    return QCoreApplication.translate(IO_CONTEXT, text)


def describe(error: PlanFormatError | Notice) -> str:
    """An io error or notice, in the interface's language."""
    return error.localized(translate_io)
