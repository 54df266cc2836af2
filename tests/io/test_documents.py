"""Plans from the files offices receive: Word, PDF, old Excel, WPS and OpenDocument.

The fixtures are made by tests/make_documents.py from the seed and from texts of our own;
each is read through the same entry point as the app (``read_plan``, by content).
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.io.formats import detect, read_plan
from taskmatrix.io.plaintext import parse_plan_text
from tests.conftest import DATA, ROOT
from tests.make_documents import NATIONAL


def tasks(plan):
    return [(t.number, t.section, t.title, t.leads, t.participants) for t in plan.tasks]


def assert_seed(plan):
    expected = json.loads((DATA / "seed_expected.json").read_text(encoding="utf-8"))
    assert plan.title == "广东省推进粤港澳大湾区建设三年行动计划（2018—2020年）"
    assert plan.preamble == expected["preamble"]
    assert [[s.number, s.title] for s in plan.sections] == expected["sections"]
    assert len(plan.tasks) == len(expected["tasks"])
    for task, exp in zip(plan.tasks, expected["tasks"]):
        for name in ("number", "section", "title", "body", "leads", "participants"):
            assert getattr(task, name) == exp[name], (task.number, name)


# -- Word --------------------------------------------------------------------------------------------
def test_seed_docx_with_word_numbering_reads_as_the_seed_text(data_file):
    result = read_plan(data_file("seed.docx"))
    assert_seed(result.plan)
    assert any("automatic numbering" in str(f) for f in result.facts)


def test_national_docx_reads_as_its_text():
    result = read_plan(DATA / "national.docx")
    text = "\n\n".join(t for _, t in NATIONAL)  # what the same document says, numbered by hand below
    numbered = []
    sections = tasks_seen = 0
    for kind, line in NATIONAL:
        if kind == "section":
            sections += 1
            numbered.append(f"{'一二三四五'[sections - 1]}、{line}")
        elif kind == "task":
            tasks_seen += 1
            numbered.append(f"（{'一二三四五'[tasks_seen - 1]}）{line}")
        else:
            numbered.append(line)
    assert text  # the fixture's text is the test's own
    expected = parse_plan_text("\n\n".join(numbered)).plan
    assert tasks(result.plan) == tasks(expected)
    assert tasks(result.plan) == [
        (2, 2, "完善政策体系", ["财政部"], ["人力资源社会保障部"]),
        (3, 2, "强化金融支持", ["人民银行"], ["银保监会", "财政部"]),
        (4, 2, "优化公共服务", ["人力资源社会保障部"], ["有关部门和单位"]),
        (5, 3, "加强组织领导", ["农业农村部", "工业和信息化部"], []),
    ]
    assert result.plan.title == "国务院关于推进某某工作的若干意见"


def test_docx_with_text_and_a_task_table_takes_the_table_and_says_so():
    result = read_plan(DATA / "matrix.docx")
    plan = result.plan
    assert [(s.number, s.title) for s in plan.sections] == [(1, "科技创新"), (2, "基础设施")]
    assert tasks(plan) == [
        (1, 1, "建设实验室", ["省科技厅"], ["省发展改革委", "省教育厅"]),
        (2, 1, "加强人才", ["省科技厅"], ["省人力资源社会保障厅"]),  # the lead cell is merged over two rows
        (3, 2, "建设机场", ["省发展改革委"], ["大湾区内地各市"]),
    ]
    assert any("tasks were read from the table" in str(f) for f in result.facts)


def test_word_numbering_formats_restarts_and_levels(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from taskmatrix.io.docxnumbers import Numbering

    document = docx.Document()
    root = document.part.numbering_part.element
    root.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>'
        '</w:abstractNum>'))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="70"><w:abstractNumId w:val="70"/></w:num>'))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="71"><w:abstractNumId w:val="70"/>'
                          '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>'))
    paragraphs = []
    for num, level in ((70, 0), (70, 1), (70, 1), (70, 0), (70, 1), (70, 2), (71, 0), (0, 0)):
        p = document.add_paragraph("x")
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))
        paragraphs.append(p._p)
    numbering = Numbering.of(document)
    labels = [numbering.label(p) for p in paragraphs]
    # As Word shows them: the upper level in its own format, a bullet no number, numId 0 none.
    assert labels == ["一、", "一.1", "一.2", "二、", "二.1", "", "九、", ""]
    numbering = Numbering.of(document)
    numbering.levels["70"][1].legal = True  # <w:isLgl/> on level 2: its number shows every level in decimal
    assert [numbering.label(p) for p in paragraphs[:3]] == ["一、", "1.1", "1.2"]


# -- PDF -----------------------------------------------------------------------------------------------
def test_seed_pdf_text_layer_reads_as_the_seed_without_headers_and_page_numbers(data_file):
    result = read_plan(data_file("seed.pdf"))
    assert_seed(result.plan)
    assert any(w.kind == "page_artefacts" for w in result.warnings)


def test_pdf_ruled_table_over_three_pages_with_a_row_over_a_page_break():
    result = read_plan(DATA / "matrix.pdf")
    plan = result.plan
    assert [t.number for t in plan.tasks] == list(range(1, 31))  # the repeated headers are not tasks
    task = plan.task(12)
    assert task.body == "第一部分内容，继续的内容。"
    assert (task.leads, task.participants) == (["省委组织部"], ["省发展改革委", "省财政厅"])
    assert plan.task(13).title == "建设机场（13）" and plan.task(13).participants == ["大湾区内地各市"]
    assert plan.title == "某某行动计划重点任务分工表"


def test_a_scanned_pdf_says_it_is_an_image():
    with pytest.raises(PlanFormatError, match="scanned image with no text layer"):
        read_plan(DATA / "scanned.pdf")


def test_a_password_protected_pdf_is_refused():
    if not (DATA / "encrypted.pdf").exists():
        pytest.skip("encrypted.pdf needs soffice to be made")
    with pytest.raises(PlanFormatError, match="password-protected"):
        read_plan(DATA / "encrypted.pdf")


def _pdf(objects: list[bytes]) -> bytes:
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _bomb_pdf(megabytes: int) -> bytes:
    import zlib

    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(b" " * (1 << 20)) for _ in range(megabytes)) + packer.flush()
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                 f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream"])


def _measured(path) -> list[str]:
    """Read ``path`` in a fresh process: 'refused', seconds, peak MB, the message."""
    code = (
        "import time\n"
        "from taskmatrix.io.formats import read_plan\n"
        "from taskmatrix.io.errors import PlanFormatError\n"
        "def hwm():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM'): return int(line.split()[1]) // 1024\n"
        "start = time.perf_counter()\n"
        "try:\n"
        f"    read_plan({str(path)!r})\n"
        "    print('accepted')\n"
        "except PlanFormatError as exc:\n"
        "    print('refused', round(time.perf_counter() - start, 3), hwm(), exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    return out.stdout.split(maxsplit=3) or [out.stderr]


@pytest.mark.parametrize("name, make, message", [
    ("bomb.pdf", lambda: _bomb_pdf(1024), "PDF bomb"),
    ("pages.pdf", lambda: _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                ("<< /Type /Pages /Kids [" + " ".join(f"{i + 3} 0 R" for i in range(3000))
                                 + "] /Count 3000 >>").encode()]
                               + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * 3000), "pages"),
    ("deep.pdf", lambda: _pdf([b"<< /Type /Catalog /Pages 2 0 R /X " + b"[" * 100000 + b"]" * 100000 + b" >>",
                               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]), "no text"),
    ("truncated.pdf", lambda: (DATA / "seed.pdf").read_bytes()[:5000], "damaged"),
])
def test_hostile_pdfs_are_refused_in_bounded_time_and_memory(tmp_path, name, make, message):
    path = tmp_path / name
    path.write_bytes(make())
    words = _measured(path)
    assert words[0] == "refused", words
    seconds, peak_mb = float(words[1]), int(words[2])
    assert seconds < 2.0 and peak_mb < 300, words
    assert message in words[3]


def test_a_docx_zip_bomb_is_refused_in_bounded_time_and_memory(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        out.writestr("[Content_Types].xml", "<Types/>")
        chunk = b"\0" * (1024 * 1024)
        with out.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(500):
                member.write(chunk)
    words = _measured(bomb)
    assert words[0] == "refused" and float(words[1]) < 2.0 and int(words[2]) < 300, words
    assert "zip bomb" in words[3]


# -- old and other workbooks --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["list_basic.xls", "list_basic.ods", "really_xlsx.et"])
def test_old_and_other_workbooks_read_like_the_xlsx(name):
    if not (DATA / name).exists():
        pytest.skip(f"{name} needs soffice to be made")
    expected = read_plan(DATA / "list_basic.xlsx").plan
    result = read_plan(DATA / name)
    assert tasks(result.plan) == tasks(expected)
    assert [t.deadline for t in result.plan.tasks] == [t.deadline for t in expected.tasks]  # merged cells
    assert result.plan.extra_fields == expected.extra_fields


def test_a_binary_et_is_read_as_the_xls_it_is(tmp_path):
    if not (DATA / "list_basic.xls").exists():
        pytest.skip("list_basic.xls needs soffice to be made")
    path = tmp_path / "plan.et"
    path.write_bytes((DATA / "list_basic.xls").read_bytes())
    assert detect(path).name == "et"
    assert len(read_plan(path).plan.tasks) == 5


def test_an_et_that_is_really_xlsx_opens_by_its_content():
    assert detect(DATA / "really_xlsx.et").name == "xlsx"
    result = read_plan(DATA / "really_xlsx.et")
    assert any("whatever its name says" in str(f) for f in result.facts)


@pytest.mark.parametrize("name, message", [
    ("old_word.doc", "save it as .docx"),
    ("encrypted.xlsx", "password-protected"),
])
def test_old_word_and_encrypted_office_files_say_what_to_do(name, message):
    with pytest.raises(PlanFormatError, match=message):
        read_plan(DATA / name)


def test_a_wps_writer_file_is_refused_naming_wps(tmp_path):
    path = tmp_path / "plan.wps"
    path.write_bytes((DATA / "old_word.doc").read_bytes())
    with pytest.raises(PlanFormatError, match=r"WPS Writer document \(.wps\)"):
        read_plan(path)


def test_csv_export_reads_back(seed_plan, tmp_path):
    from taskmatrix.io.csvio import write_csv

    seed_plan.tasks[0].notes = "=HYPERLINK(\"http://x\")"
    path = tmp_path / "plan.csv"
    write_csv(seed_plan, path, backup=False)
    assert "'=HYPERLINK" in path.read_text(encoding="utf-8-sig")  # never a live formula
    plan = read_plan(path).plan
    assert tasks(plan) == tasks(seed_plan)
    assert plan.tasks[0].notes == "=HYPERLINK(\"http://x\")"
    assert plan.extra_fields == []  # the derived 涉及地市 column is not an extra field
