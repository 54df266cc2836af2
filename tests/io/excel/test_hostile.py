"""Hostile workbooks are refused quickly, in bounded memory, before any parser inflates them."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.io.excel.read import read_xlsx
from tests.conftest import DATA, ROOT

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>"""


def with_part(name: str, content: bytes) -> bytes:
    """A copy of a valid workbook with one part replaced."""
    source = zipfile.ZipFile(DATA / "list_basic.xlsx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, content if info.filename == name else source.read(info.filename))
        if name not in source.namelist():
            out.writestr(name, content)
    return buffer.getvalue()


def test_entity_bomb_in_shared_strings_is_refused(tmp_path):
    path = tmp_path / "lol.xlsx"
    path.write_bytes(with_part("xl/sharedStrings.xml", BILLION_LAUGHS))
    with pytest.raises(PlanFormatError, match="declares XML entities"):
        read_xlsx(path)


def test_entity_bomb_in_a_sheet_and_in_properties_is_refused(tmp_path):
    for part in ("xl/worksheets/sheet1.xml", "docProps/core.xml"):
        path = tmp_path / "lol.xlsx"
        path.write_bytes(with_part(part, BILLION_LAUGHS.replace(b"sst", b"worksheet")))
        with pytest.raises(PlanFormatError, match="entity"):
            read_xlsx(path)


def make_bomb(path, megabytes: int) -> None:
    """A workbook whose sheet inflates to ``megabytes`` of zeros (written in a stream)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        out.writestr("[Content_Types].xml", "<Types/>")
        out.writestr("xl/workbook.xml", "<workbook/>")
        chunk = b"\0" * (1024 * 1024)
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(chunk)


def test_a_500_mb_zip_bomb_is_refused_in_under_a_second_with_little_memory(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    make_bomb(bomb, 500)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    code = (
        "import time, sys\n"
        "from taskmatrix.io.excel.read import read_xlsx\n"
        "from taskmatrix.io.errors import PlanFormatError\n"
        "def hwm():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM'): return int(line.split()[1]) // 1024\n"
        "start = time.perf_counter()\n"
        "try:\n"
        f"    read_xlsx({str(bomb)!r})\n"
        "    print('accepted')\n"
        "except PlanFormatError as exc:\n"
        "    print('refused', round(time.perf_counter() - start, 3), hwm(), exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    words = out.stdout.split()
    assert words[0] == "refused", out.stdout + out.stderr
    seconds, peak_mb = float(words[1]), int(words[2])
    assert seconds < 1.0 and peak_mb < 200, out.stdout
    assert "zip bomb" in out.stdout
