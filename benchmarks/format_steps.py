"""Benchmark steps for the files offices receive: Word, PDF, old Excel (issue 13's targets).

* a 100-task ``.docx`` (the seed, numbered by Word) opened by a fresh process: ≤0.5 s;
* a 60-page PDF plan (synthetic tasks drawn as an office's PDF) opened by a fresh process: ≤3 s;
* a ``.xls`` (LibreOffice's conversion of the benchmark's ``.xlsx``): ≤1.5x opening the ``.xlsx``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.synth import plan_text, synthetic_plan

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
PDF_PAGES = 60


def whole_process(path: Path) -> float:
    """Seconds for a fresh Python process to start, read ``path`` and exit."""
    code = f"from taskmatrix.io.formats import read_plan; read_plan({str(path)!r})"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True)
    return time.perf_counter() - start


def pdf_plan(path: Path, pages: int) -> None:
    """A plan PDF of about ``pages`` pages: synthetic tasks, a running header, page numbers."""
    from PySide6.QtGui import QGuiApplication

    from tests.make_documents import _Pages

    app = QGuiApplication.instance() or QGuiApplication([])
    plan = synthetic_plan(pages * 6)
    writer = _Pages(path, "某某省人民政府办公厅文件")
    writer.paragraph(plan.title, indent=False, centre=True)
    for paragraph in plan_text(plan).split("\n")[1:]:
        if paragraph.strip():
            writer.paragraph(paragraph)
        if writer.page > pages:
            break
    writer.close()
    del app


def format_steps(suite, size: int, paths: dict[str, Path], tmp: Path) -> None:  # type: ignore[no-untyped-def]
    from taskmatrix.io.formats import read_plan

    out = paths["xlsx"].parent
    if size <= 100:
        suite.time("open .docx (100 tasks), whole process", 100, lambda: whole_process(DATA / "seed.docx"),
                   target="≤0.5 s")
        pdf = out / f"plan-{PDF_PAGES}pages.pdf"
        if not pdf.exists():
            pdf_plan(pdf, PDF_PAGES)
        row = suite.time(f"open a {PDF_PAGES}-page PDF plan, whole process", 100, lambda: whole_process(pdf),
                         target="≤3 s")
        row.note = f"{len(read_plan(pdf).plan.tasks)} tasks"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if size > 10_000 or soffice is None:
        return
    xls = paths["xlsx"].with_suffix(".xls")
    if not xls.exists():
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/lo", "--convert-to", "xls",
                        "--outdir", str(out), str(paths["xlsx"])], check=True, capture_output=True, timeout=900)
    if ("open .xlsx", size) not in suite.medians:
        suite.time("open .xlsx", size, lambda: read_plan(paths["xlsx"]))
    suite.time("open .xls", size, lambda: read_plan(xls), baseline="open .xlsx", target="≤1.5x open .xlsx")
