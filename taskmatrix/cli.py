"""Headless commands: ``export`` (any plan file to .xlsx/.json/.csv), ``sheets`` (assignment
sheets as PDF), ``report`` (a round's progress report as .xlsx/.pdf/.csv), ``send`` (a round's
workbooks for the units), ``receive`` (their returns merged), ``check`` (the consistency
findings; exit 1 when there are any) and ``stats`` (the statistics as .xlsx/.csv/.png).

On bad input a command prints one ``error:`` line naming the file and the problem and
returns 2; warnings go to stderr as ``warning:`` lines and do not fail.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.io.formats import WRITE_SUFFIXES, read_plan, write_plan
from taskmatrix.io.report import build_report
from taskmatrix.io.result import ReadResult

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Task Matrix headless commands")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    export = sub.add_parser("export", help="convert a plan file (.xlsx/.txt/.json) to .xlsx/.json/.csv")
    export.add_argument("src", type=Path)
    export.add_argument("dest", type=Path)
    sheets = sub.add_parser("sheets", help="print assignment sheets to a PDF")
    sheets.add_argument("src", type=Path)
    sheets.add_argument("dest", type=Path)
    sheets.add_argument("--unit", action="append", default=[], metavar="NAME",
                        help="a unit's sheet (repeatable); with no --unit/--city: every unit")
    sheets.add_argument("--city", action="append", default=[], metavar="NAME",
                        help="a city's sheet (repeatable)")
    sheets.add_argument("--landscape", action="store_true", help="A4 landscape instead of portrait")
    report = sub.add_parser("report", help="a round's progress report as .xlsx, .pdf or .csv")
    report.add_argument("src", type=Path)
    report.add_argument("dest", type=Path)
    report.add_argument("--round", metavar="NAME", help="the round (default: the last one)")
    report.add_argument("--unit", metavar="U", help="only this unit's tasks and reports")
    report.add_argument("--as-of", metavar="YYYY-MM-DD", dest="as_of", help="lights as of this day (default: today)")
    send = sub.add_parser("send", help="write one progress workbook per unit for a round")
    send.add_argument("src", type=Path)
    send.add_argument("--round", metavar="NAME", help="the round (default: the last one)")
    send.add_argument("outdir", type=Path)
    send.add_argument("--unit", action="append", default=[], metavar="U",
                      help="only this unit (repeatable; default: every unit with a task)")
    receive = sub.add_parser("receive", help="merge the units' returned workbooks into the plan")
    receive.add_argument("src", type=Path)
    receive.add_argument("--round", metavar="NAME", help="the round (default: the last one)")
    receive.add_argument("returns", type=Path, nargs="+", metavar="FILE_OR_DIR")
    receive.add_argument("-o", dest="out", type=Path, required=True, metavar="MERGED",
                         help="the merged plan (.json or .xlsx)")
    receive.add_argument("--accept", choices=("all", "none"), default="none",
                         help="conflicts: all = the unit's version, none = keep the office's (default)")
    check = sub.add_parser("check", help="the plan's consistency findings, one line each (exit 1 when any)")
    check.add_argument("src", type=Path)
    check.add_argument("--json", action="store_true", help='a JSON list of {"task", "kind", "message"}')
    check.add_argument("--round", metavar="NAME", help="the round whose missing reports count (default: the last)")
    stats = sub.add_parser("stats", help="the plan's statistics as .xlsx, .csv or .png")
    stats.add_argument("src", type=Path)
    stats.add_argument("dest", type=Path)
    stats.add_argument("--round", metavar="NAME", help="the round counted (default: the last one)")
    stats.add_argument("--as-of", metavar="YYYY-MM-DD", dest="as_of", help="lights as of this day (default: today)")
    return parser


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    said: list[str] = []
    try:
        if args.command == "export":
            status = _export(args.src, args.dest, said)
        elif args.command == "report":
            status = _report(args, said)
        elif args.command in ("send", "receive"):
            status = _feedback(args, said)
        elif args.command == "check":
            status = _check(args, said)
        elif args.command == "stats":
            status = _stats(args, said)
        else:
            status = _sheets(args, said)
    except PlanFormatError as exc:
        say(f"error: {' '.join(str(exc).split())}")
        return EXIT_BAD_INPUT
    for line in said:  # the import report, once the command has done its work
        say(line)
    return status


def _read(src: Path, said: list[str]) -> ReadResult:
    """Read ``src``; add its import report to ``said``: a summary line, what was recognised,
    and one ``warning:`` line per kind of warning (with a count and the first few examples)."""
    result = read_plan(src)
    report = build_report(result)
    said.append(f"{src}: {report.summary}")
    said.extend(f"{src}: {fact}" for fact in report.facts)
    said.extend(f"warning: {src}: {group.line()}" for group in report.groups)
    return result


def say(line: str) -> None:
    """One line on stderr; a closed stderr (``2>&-``, a broken pipe) is no reason to fail."""
    try:
        print(line, file=sys.stderr)
    except (OSError, ValueError):
        pass


def _export(src: Path, dest: Path, said: list[str]) -> int:
    if dest.suffix.lower() not in WRITE_SUFFIXES:
        raise PlanFormatError(dest, "cannot write “{suffix}” files: use .xlsx, .json or .csv",
                              suffix=dest.suffix or "(none)")
    result = _read(src, said)
    said.extend(f"warning: {dest}: {notice}" for notice in write_plan(result.plan, dest))
    return EXIT_OK


def _sheets(args: argparse.Namespace, said: list[str]) -> int:
    from taskmatrix.sheets.command import print_sheets_headless

    if args.dest.suffix.lower() != ".pdf":
        raise PlanFormatError(args.dest, "assignment sheets are written as .pdf")
    result = _read(args.src, said)
    return print_sheets_headless(result.plan, args.src, args.dest, args.unit, args.city, args.landscape)


def _feedback(args: argparse.Namespace, said: list[str]) -> int:
    from taskmatrix.sheets import feedback_command

    result = _read(args.src, said)
    for line in said:
        say(line)
    said.clear()
    if args.command == "send":
        return feedback_command.send(result.plan, args.src, args.round, args.outdir, args.unit)
    return feedback_command.receive(result.plan, args.src, args.round, args.returns, args.out, args.accept)


def _check(args: argparse.Namespace, said: list[str]) -> int:
    import json

    from taskmatrix.model.checks import check_plan

    result = _read(args.src, said)
    round_name = None
    if args.round is not None:
        from taskmatrix.sheets.report_command import choose_round

        round_name = choose_round(result.plan, args.round, args.src).name
    findings = check_plan(result.plan, round_name)
    if args.json:
        out = json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=1) + "\n"
    else:
        out = "".join(f"task {f.task}: {f.message()}\n" for f in findings)
    try:
        if sys.stdout is not None:  # closed (``>&-``): the exit status still says it
            sys.stdout.write(out)
            sys.stdout.flush()
    except (OSError, ValueError):
        pass
    return 1 if findings else EXIT_OK


def _not_the_plan(src: Path, dest: Path) -> None:
    """Refuse to write a report over the plan it is made from."""
    try:
        same = dest.exists() and dest.resolve() == src.resolve()
    except OSError:
        same = False
    if same:
        raise PlanFormatError(dest, "this is the plan being read: choose another file for the output")


def _stats(args: argparse.Namespace, said: list[str]) -> int:
    from taskmatrix.sheets.statistics import SUFFIXES, write_stats

    if args.dest.suffix.lower() not in SUFFIXES:
        raise PlanFormatError(args.dest, "statistics are written as .xlsx, .csv or .png")
    _not_the_plan(args.src, args.dest)
    result = _read(args.src, said)
    return write_stats(result.plan, args.src, args.dest, args.round, args.as_of)


def _report(args: argparse.Namespace, said: list[str]) -> int:
    from taskmatrix.sheets.report_command import SUFFIXES, write_report

    if args.dest.suffix.lower() not in SUFFIXES:
        raise PlanFormatError(args.dest, "a progress report is written as .xlsx, .pdf or .csv")
    _not_the_plan(args.src, args.dest)
    result = _read(args.src, said)
    return write_report(result.plan, args.src, args.dest, args.round, args.unit, args.as_of)
