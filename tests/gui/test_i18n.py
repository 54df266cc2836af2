"""The Chinese catalogue: complete, compiled from its source, covering every io message."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools.update_translations import QM, TS, io_templates


def messages():
    tree = ET.parse(TS)
    for context in tree.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def test_every_message_has_a_finished_translation():
    missing = [(ctx, src) for ctx, src, tr in messages()
               if tr is None or not (tr.text or "").strip() or tr.get("type") in ("unfinished", "obsolete")]
    assert missing == []


def test_placeholders_survive_translation():
    import re

    for ctx, source, translation in messages():
        wanted = sorted(re.findall(r"\{(\w*)\}", source or ""))
        assert sorted(re.findall(r"\{(\w*)\}", translation.text or "")) == wanted, (ctx, source)


def test_every_io_message_is_in_the_catalogue():
    io_sources = {src for ctx, src, _ in messages() if ctx == "io"}
    assert set(io_templates()) <= io_sources


def test_the_compiled_catalogue_matches_its_source(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists() and shutil.which("pyside6-lrelease") is None:
        pytest.skip("pyside6-lrelease not installed")
    out = tmp_path / "check.qm"
    subprocess.run([str(lrelease if lrelease.exists() else "pyside6-lrelease"), str(TS), "-qm", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run tools/update_translations.py"


def test_io_errors_show_in_chinese(qapp):
    from taskmatrix.gui.i18n import describe, install_translators
    from taskmatrix.io.errors import PlanFormatError

    translators = install_translators(qapp, "zh_CN")
    try:
        error = PlanFormatError("计划.json", "duplicate task number {number}", number=3)
        assert describe(error) == "计划.json: 任务序号 3 重复"
        error = PlanFormatError("x.json", "not valid JSON: {reason}", row=2, reason="Expecting value")
        assert describe(error) == "x.json: 第 2 行: 不是有效的 JSON：Expecting value"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_root_has_the_catalogue_files():
    assert TS.exists() and QM.exists() and TS.parent == ROOT / "taskmatrix" / "resources" / "i18n"


def test_phrases_inside_io_messages_are_translated_too(qapp):
    from taskmatrix.gui.i18n import describe, install_translators
    from taskmatrix.io.errors import Phrase, PlanFormatError

    translators = install_translators(qapp, "zh_CN")
    try:
        error = PlanFormatError("计划.doc", "this is {what}", what=Phrase(
            "an old Word document (.doc): open it in Word or WPS and save it as .docx"))
        assert describe(error) == "计划.doc: 这是旧版 Word 文档（.doc）：请用 Word 或 WPS 打开并另存为 .docx"
        assert str(error) == ("计划.doc: this is an old Word document (.doc): open it in Word or WPS and save it "
                              "as .docx")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_menu_has_distinct_accelerators(qtbot, settings, language, qapp):
    import re

    from taskmatrix.gui.document.document import PlanDocument
    from taskmatrix.gui.i18n import install_translators
    from taskmatrix.gui.mainwindow import MainWindow
    from taskmatrix.io.defaults import load_default_plan

    translators = install_translators(qapp, language)
    try:
        from taskmatrix.gui.actions import create_actions  # noqa: F401  (texts are translated on creation)

        window = MainWindow(PlanDocument(load_default_plan().plan), settings, language=language)
        qtbot.addWidget(window)
        menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
        seen = 0
        while menus:
            menu = menus.pop()
            keys = []
            for action in menu.actions():
                if action.menu():
                    menus.append(action.menu())
                found = re.search(r"&(\w)", action.text().replace("&&", ""))
                if found:
                    keys.append(found.group(1).lower())
            assert len(keys) == len(set(keys)), (menu.title(), sorted(keys))
            seen += 1
        assert seen >= 5
        checked = [a.text() for a in window.actions_.values()
                   if a.isCheckable() and a.isChecked() and a.text() in ("中文", "English")]
        assert checked == (["中文"] if language == "zh_CN" else ["English"])
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_qt_own_dialogs_speak_chinese(qapp):
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

    from taskmatrix.gui.i18n import install_translators

    translators = install_translators(qapp, "zh_CN")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Discard
                               | QDialogButtonBox.StandardButton.Cancel)
        assert sorted(b.text() for b in box.buttons()) == sorted(["保存", "丢弃", "取消"])
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"查找范围(&L)：", "文件类型(&T)："} <= labels and any("文件名" in t for t in labels)
        dialog.deleteLater()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
