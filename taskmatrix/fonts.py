"""Fonts for Chinese text on screen and on paper: QtGui only.

The interface font must render Chinese itself. A Western default (DejaVu Sans on Linux,
Segoe UI on an English Windows) leaves every Chinese character to Qt's per-character font
fallback: glyphs from mixed fonts, and, at 10,000 tasks, a third more time to paint the
table. When the default cannot, the first installed Chinese interface font takes its place,
at the same size.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

#: Chinese interface fonts in order of preference: Windows, macOS, then Linux desktops and Debian.
UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback")


def chinese_families() -> list[str]:
    """Installed font families that cover Simplified Chinese."""
    return [f for f in QFontDatabase.families() if renders_chinese(f)]


def renders_chinese(family: str) -> bool:
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def pick_family(candidates: Sequence[str], available: Sequence[str]) -> str | None:
    """The first of ``candidates`` in ``available`` (case-insensitive), in ``available``'s spelling."""
    by_lower = {f.lower(): f for f in available}
    for name in candidates:
        if name and name.lower() in by_lower:
            return by_lower[name.lower()]
    return None


def chinese_ui_font(base: QFont) -> QFont | None:
    """``base`` in a family that renders Chinese, or ``None`` when ``base`` already does (or no
    installed font does)."""
    if renders_chinese(QFontInfo(base).family()):
        return None
    # The known names first: a scan of every installed font costs more at start-up.
    family = next((f for f in UI_FONTS if QFontDatabase.hasFamily(f) and renders_chinese(f)), None)
    if family is None:
        family = next(iter(chinese_families()), None)
    if family is None:
        return None
    font = QFont(base)
    font.setFamilies([family, *base.families()])
    return font


def fast_text_font() -> QFont:
    """A font that only turns optional shaping (kerning, ligatures) off, for views of many short
    cells; everything else still comes from the widget's parent.

    Chinese needs no shaping, and Qt then lays out each cell's text without HarfBuzz: at 10,000
    tasks a full-screen table repaints in about three quarters of the time.
    """
    font = QFont()
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font
