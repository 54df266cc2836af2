"""Printing from the window: preview of unit, city, filter and all units; page set-up kept."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from taskmatrix.gui.actions import ActionId
from taskmatrix.gui.settings import PAGE_ORIENTATION
from taskmatrix.model.filters import FilterSpec


@pytest.fixture
def previews(window, monkeypatch, tmp_path):
    """Instead of showing the preview, paint it into a PDF printer and record the sheets."""
    shown = []

    def fake_exec(dialog):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        path = tmp_path / f"preview{len(shown)}.pdf"
        printer.setOutputFileName(str(path))
        printer.setPageLayout(window.printing.options().page_layout())
        dialog.paintRequested.emit(printer)
        shown.append(path)
        return 1

    monkeypatch.setattr(window.printing, "exec_dialog", fake_exec)
    return shown


def test_print_the_selected_unit(window, previews):
    window.filter_bar.set_unit("省科技厅")
    window.actions_[ActionId.PRINT_UNIT].trigger()
    assert len(previews) == 1 and previews[0].read_bytes().startswith(b"%PDF")


def test_print_city_filter_and_all_units(window, previews):
    window.filter_bar.set_city("江门市")
    window.actions_[ActionId.PRINT_CITY].trigger()
    window.filter_bar.set_spec(FilterSpec(text="海洋"))
    window.actions_[ActionId.PRINT_FILTER].trigger()
    window.actions_[ActionId.PRINT_ALL_UNITS].trigger()
    window.actions_[ActionId.PRINT_ALL_CITIES].trigger()
    assert len(previews) == 4
    assert previews[2].stat().st_size > previews[1].stat().st_size


def test_nothing_chosen_says_so(window, previews, monkeypatch):
    messages = []
    monkeypatch.setattr("taskmatrix.gui.printing.dialog.QMessageBox.information",
                        lambda parent, title, text: messages.append(text))
    window.actions_[ActionId.PRINT_UNIT].trigger()
    assert previews == [] and messages


def test_no_chinese_font_is_a_message_not_boxes(window, previews, monkeypatch):
    warnings = []
    monkeypatch.setattr("taskmatrix.gui.printing.dialog.choose_fonts", lambda: None)
    monkeypatch.setattr("taskmatrix.gui.printing.dialog.QMessageBox.warning",
                        lambda parent, title, text, *a: warnings.append(text))
    window.filter_bar.set_unit("省科技厅")
    window.actions_[ActionId.PRINT_UNIT].trigger()
    assert previews == [] and "boxes" in warnings[0]


def test_page_setup_is_remembered(window, settings, monkeypatch):
    def accept(dialog):
        dialog.landscape.setChecked(True)
        dialog.margins[0].setValue(30)
        return 1

    monkeypatch.setattr(window.printing, "exec_setup", accept)
    assert window.printing.page_setup()
    assert settings.get(PAGE_ORIENTATION) == "landscape"
    layout = window.printing.printer().pageLayout()
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert round(layout.margins(QPageLayout.Unit.Millimeter).left()) == 30
    monkeypatch.setattr(window.printing, "exec_setup", lambda dialog: 0)
    assert not window.printing.page_setup()
    assert settings.get(PAGE_ORIENTATION) == "landscape"


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")
def test_save_as_pdf_from_the_app(window, tmp_path):
    import subprocess

    from taskmatrix.sheets.content import unit_sheet
    from taskmatrix.sheets.render import choose_fonts

    path = tmp_path / "sheet.pdf"
    assert window.printing.save_pdf([unit_sheet(window.document.plan, "省科技厅")], choose_fonts(), path)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "A4" in info


def test_a_cancelled_print_shows_and_prints_nothing(window, previews, monkeypatch):
    import taskmatrix.gui.printing.dialog as dialog_module

    calls = []

    def cancel_midway(parent, label, fn):
        def progress(done, total):
            calls.append(done)
            return len(calls) < 3  # the user presses Cancel after a few pages

        return fn(progress)

    monkeypatch.setattr(dialog_module, "run_here_with_progress", cancel_midway)
    assert not window.printing.print_all_units()
    assert calls and previews == []  # laid out part way, then nothing shown
    assert "cancelled" in window.statusBar().currentMessage()


def test_the_preview_fits_a_small_screen(window, monkeypatch):
    sizes = []
    monkeypatch.setattr(window.printing, "exec_dialog", lambda dialog: sizes.append(dialog.size()) or 0)
    window.filter_bar.set_unit("团省委")
    window.printing.print_unit()
    available = window.screen().availableGeometry()
    assert sizes and sizes[0].height() <= available.height() - 60 and sizes[0].width() <= available.width()
