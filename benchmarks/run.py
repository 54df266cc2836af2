"""The benchmark suite: one command, one table.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python -m benchmarks.run                  # 100, 10,000 and 100,000 tasks
    .venv/bin/python -m benchmarks.run --sizes 10000 --repeat 5 --markdown RESULTS.md

Every step runs ``--repeat`` times (after one warm-up) and reports the median and the
spread (min–max); steps with a baseline print the ratio of our median to the baseline's.
Process-level steps (start-up to window, peak memory) run in fresh subprocesses.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks import baselines
from benchmarks.suite import Row, Suite, line, write_markdown
from benchmarks.synth import write_all

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


# -- steps --------------------------------------------------------------------------------------------
def io_steps(suite: Suite, size: int, paths: dict[str, Path], tmp: Path) -> None:
    from taskmatrix.io.csvio import write_csv
    from taskmatrix.io.excel.write import write_xlsx
    from taskmatrix.io.formats import read_plan
    from taskmatrix.io.jsonio import write_json

    big = size >= 100_000
    rep = 1 if big else None
    suite.time("baseline: openpyxl load .xlsx", size, lambda: baselines.openpyxl_load(paths["xlsx"]), repeat=rep)
    # read_plan: the app's way in (format dispatch, the collector paused during the bulk read).
    suite.time("open .xlsx", size, lambda: read_plan(paths["xlsx"]), baseline="baseline: openpyxl load .xlsx",
               target="≤0.15x at 10k; ≤2.5 s at 100k")
    suite.time("open .txt", size, lambda: read_plan(paths["txt"]), repeat=rep, target="≤0.6 s at 10k")
    suite.time("open .txt (State Council style)", size, lambda: read_plan(paths["national"]), repeat=rep,
               target="≤0.6 s at 10k")
    suite.time("open .json", size, lambda: read_plan(paths["json"]), repeat=rep)
    plan = read_plan(paths["xlsx"]).plan
    data = baselines.prepare_openpyxl_write(paths["xlsx"])
    suite.time("baseline: openpyxl write (fast merges)", size,
               lambda: baselines.openpyxl_write(data, tmp / "base.xlsx", True), repeat=rep)
    if size <= 10_000:
        suite.time("baseline: openpyxl write (merge_cells)", size,
                   lambda: baselines.openpyxl_write(data, tmp / "base2.xlsx", False), repeat=1)
    suite.time("save .xlsx", size, lambda: write_xlsx(plan, tmp / "save.xlsx", backup=False),
               baseline="baseline: openpyxl write (fast merges)", target="≤1.0x (stretch 0.5x)", repeat=rep)
    if size <= 10_000:
        source = baselines.with_other_sheets(paths["xlsx"], tmp / "foreign.xlsx")
        foreign_plan = read_plan(source).plan
        suite.time("save .xlsx with two other sheets (one a chart)", size,
                   lambda: write_xlsx(foreign_plan, tmp / "save2.xlsx", backup=False),
                   baseline="save .xlsx", target="≤1.2x", repeat=rep)
    suite.time("export JSON", size, lambda: write_json(plan, tmp / "out.json", backup=False), repeat=rep)
    suite.time("export CSV", size, lambda: write_csv(plan, tmp / "out.csv", backup=False), repeat=rep)
    if size <= 10_000:  # the whole command, as a user runs it: start, read the workbook, write
        for kind, target in (("JSON", "≤0.3x"), ("CSV", "≤0.25x")):
            out = tmp / f"cli.{kind.lower()}"
            suite.time(f"export {kind} (whole process, from .xlsx)", size,
                       lambda out=out: baselines.cli_export(paths["xlsx"], out),
                       baseline="baseline: openpyxl load .xlsx", target=target, repeat=3)
    try:
        import pandas  # noqa: F401

        suite.time("baseline: pandas read_excel (openpyxl)", size,
                   lambda: baselines.pandas_read(paths["xlsx"], "openpyxl"), repeat=1 if big else None)
        suite.time("baseline: pandas read_excel (calamine)", size,
                   lambda: baselines.pandas_read(paths["xlsx"], "calamine"), repeat=1 if big else None)
    except ImportError:
        print("(pandas not installed: pip install -e '.[bench]' for the pandas baselines)")
    if baselines.soffice_available():
        profile = tmp / "lo-profile"
        suite.time("baseline: LibreOffice convert to CSV", size,
                   lambda: baselines.soffice_convert(paths["xlsx"], profile), repeat=1 if big else 3)


def memory_step(suite: Suite, size: int, paths: dict[str, Path]) -> None:
    """Peak RSS of a process that opens the workbook, minus the same process before opening."""
    # VmHWM (the peak resident set) rather than ru_maxrss, which a forked child inherits
    # from a large parent.
    code = (
        "from taskmatrix.io.formats import read_plan; import python_calamine\n"
        "def hwm():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM'): return int(line.split()[1]) / 1024\n"
        "before = hwm()\n"
        f"plan = read_plan({str(paths['xlsx'])!r}).plan\n"
        "print(before, hwm())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    before, after = map(float, out.stdout.split())
    import zipfile

    uncompressed = sum(i.file_size for i in zipfile.ZipFile(paths["xlsx"]).infolist()) / 1e6
    row = Row("peak memory of an open (RSS increase)", size, [after - before], unit="MB",
              target="<10x uncompressed at 10k; ≤500 MB at 100k",
              note=f"workbook {uncompressed:.0f} MB uncompressed: {(after - before) / uncompressed:.1f}x; "
                   f"process peak {after:.0f} MB")
    suite.add(row)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{mem}, "
            f"Python {platform.python_version()}")


def _gui(suite: Suite, size: int, paths: dict[str, Path], tmp: Path) -> None:
    from benchmarks.gui_steps import gui_steps

    gui_steps(suite, size, paths, tmp)


def _formats(suite: Suite, size: int, paths: dict[str, Path], tmp: Path) -> None:
    from benchmarks.format_steps import format_steps

    format_steps(suite, size, paths, tmp)


def _progress(suite: Suite, size: int, paths: dict[str, Path], tmp: Path) -> None:
    from benchmarks.gui_steps import progress_steps

    progress_steps(suite, size, paths, tmp)


def _feedback(suite: Suite, size: int, paths: dict[str, Path], tmp: Path) -> None:
    from benchmarks.feedback_steps import feedback_steps

    feedback_steps(suite, size, paths, tmp)


def _print(suite: Suite, size: int, paths: dict[str, Path], tmp: Path) -> None:
    from benchmarks.gui_steps import print_steps

    print_steps(suite, size, paths, tmp)


def _analysis(suite: Suite, size: int, paths: dict[str, Path], tmp: Path) -> None:
    from benchmarks.analysis_steps import analysis_steps

    analysis_steps(suite, size, paths, tmp)


STEP_GROUPS: dict[str, Callable[[Suite, int, dict[str, Path], Path], None]] = {
    "io": io_steps, "formats": _formats, "gui": _gui, "progress": _progress, "feedback": _feedback,
    "print": _print, "analysis": _analysis}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated step groups: " + ", ".join(STEP_GROUPS))
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown to this file")
    args = parser.parse_args(argv)
    suite = Suite(args.repeat, argv=list(sys.argv[1:] if argv is None else argv))
    print(machine())
    print(f"{'step':<42} {'tasks':>7} {'median':>10} {'spread (min–max)':>21} {'ratio to baseline':<40} target")
    groups = [g for g in args.only.split(",") if g] or list(STEP_GROUPS)
    for size in [int(s) for s in args.sizes.split(",")]:
        paths = {ext: OUT / f"plan{size}.{ext}" for ext in ("txt", "json", "xlsx")}
        paths["national"] = OUT / f"plan{size}-national.txt"
        if not all(p.exists() for p in paths.values()):
            paths = write_all(size, OUT / f"plan{size}")
        with tempfile.TemporaryDirectory() as tmp:
            for group in groups:
                STEP_GROUPS[group](suite, size, paths, Path(tmp))
            if "io" in groups:
                memory_step(suite, size, paths)
    print("\nsummary")
    for row in suite.rows:
        print(line(row))
    if args.markdown:
        write_markdown(suite, args.markdown, machine())
    return 0


if __name__ == "__main__":
    sys.exit(main())
