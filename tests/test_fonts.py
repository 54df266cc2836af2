"""Interface fonts: Chinese rendered by one font, and item views that skip optional shaping."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from taskmatrix.fonts import chinese_families, chinese_ui_font, fast_text_font, pick_family, renders_chinese


@pytest.fixture
def western_family(qapp):
    family = next((f for f in ("DejaVu Sans", "Liberation Sans", "Arial") if QFontDatabase.hasFamily(f)), None)
    if family is None or renders_chinese(family):
        pytest.skip("no Western-only font installed")
    return family


def test_a_western_default_is_replaced_by_a_chinese_font_of_the_same_size(western_family):
    base = QFont(western_family, 11)
    font = chinese_ui_font(base)
    assert font is not None, "fonts-wqy-microhei (or another Chinese font) is needed"
    assert renders_chinese(QFontInfo(font).family())
    assert font.pointSizeF() == 11
    assert western_family in font.families()  # still there for what the Chinese font lacks


def test_a_font_that_renders_chinese_is_kept(qapp):
    family = chinese_families()[0]
    assert chinese_ui_font(QFont(family, 10)) is None


def test_pick_family_ignores_case_and_keeps_the_installed_spelling():
    assert pick_family(["microsoft yahei", "WENQUANYI MICRO HEI"], ["WenQuanYi Micro Hei"]) == "WenQuanYi Micro Hei"
    assert pick_family(["", "SimHei"], ["WenQuanYi Micro Hei"]) is None


def test_fast_text_font_only_sets_the_shaping_strategy(qapp, western_family):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    parent.setFont(QFont(western_family, 13))
    child = QWidget(parent)
    child.setFont(fast_text_font())
    assert child.font().styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    assert child.font().family() == western_family and child.font().pointSize() == 13


def test_the_app_and_its_views_use_these_fonts(window):
    from taskmatrix.gui.app import create_app

    app = create_app()
    assert renders_chinese(QFontInfo(app.font()).family())
    for view in (window.table, window.units_dock.chooser, window.cities_dock.chooser):
        assert view.font().styleStrategy() & QFont.StyleStrategy.PreferNoShaping
