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
        error = PlanFormatError("计划.xlsx", "duplicate task number {number} (rows {first} and {second})",
                                number=3, first=4, second=9)
        assert describe(error) == "计划.xlsx: 任务序号 3 重复（第 4 行和第 9 行）"
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
