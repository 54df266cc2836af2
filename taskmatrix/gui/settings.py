"""Settings declared once (key, type, default) behind a small typed wrapper over QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "TaskMatrix"
APPLICATION = "TaskMatrix"
MAX_RECENT = 10


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: where it is stored, its type and its default."""

    key: str
    type: type
    default: T


LANGUAGE: Setting[str] = Setting("ui/language", str, "zh_CN")
RECENT_FILES: Setting[list[str]] = Setting("files/recent", list, [])
LAST_FOLDER: Setting[str] = Setting("files/last_folder", str, "")
GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE: Setting[QByteArray] = Setting("window/state", QByteArray, QByteArray())
HEADER_STATE: Setting[QByteArray] = Setting("table/header", QByteArray, QByteArray())
PAGE_ORIENTATION: Setting[str] = Setting("print/orientation", str, "portrait")
PAGE_MARGINS: Setting[str] = Setting("print/margins_mm", str, "25,20,20,20")
PRINT_FONT: Setting[str] = Setting("print/font", str, "")
#: When lights turn (points behind the expected progress; days before a deadline).
LIGHT_RED_BEHIND: Setting[float] = Setting("progress/red_behind", float, 30.0)
LIGHT_YELLOW_BEHIND: Setting[float] = Setting("progress/yellow_behind", float, 10.0)
LIGHT_SOON_DAYS: Setting[int] = Setting("progress/soon_days", int, 30)


class Settings:
    """Typed access to QSettings; tests pass a QSettings on a temporary file."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANIZATION, APPLICATION)

    def get(self, setting: Setting[T]) -> T:
        value: Any = self.store.value(setting.key, None)
        if value is None:
            return _copy(setting.default)
        if setting.type is list:
            if isinstance(value, str):
                return [value]  # type: ignore[return-value]
            return [str(v) for v in value]  # type: ignore[return-value]
        if setting.type is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray(value)  # type: ignore[return-value]
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return _copy(setting.default)

    def set(self, setting: Setting[T], value: T) -> None:
        self.store.setValue(setting.key, value)

    def add_recent(self, path: str) -> list[str]:
        recent = [p for p in self.get(RECENT_FILES) if p != path]
        recent.insert(0, path)
        del recent[MAX_RECENT:]
        self.set(RECENT_FILES, recent)
        return recent

    def sync(self) -> None:
        self.store.sync()


def _copy(value: T) -> T:
    if isinstance(value, list):
        return list(value)  # type: ignore[return-value]
    return value
