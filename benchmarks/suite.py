"""The benchmark table: a row a step (median and spread of its runs, its ratio to a
baseline, its target) and the suite that times the steps and prints the rows."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Row:
    step: str
    size: int
    times: list[float]
    unit: str = "s"
    baseline: str = ""
    target: str = ""
    ratio: float | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def spread(self) -> str:
        if len(self.times) < 2:
            return "-"
        return f"{_fmt(min(self.times), self.unit)}–{_fmt(max(self.times), self.unit)}"


@dataclass
class Suite:
    repeat: int
    argv: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    medians: dict[tuple[str, int], float] = field(default_factory=dict)

    def time(self, step: str, size: int, fn: Callable[[], object], *, baseline: str = "", target: str = "",
             repeat: int | None = None, setup: Callable[[], object] | None = None, unit: str = "s") -> Row:
        fn_times = []
        n = repeat or self.repeat
        if setup:
            setup()
        fn()  # warm-up
        for _ in range(n):
            if setup:
                setup()
            start = time.perf_counter()
            fn()
            fn_times.append(time.perf_counter() - start)
        return self.add(Row(step, size, fn_times, unit=unit, baseline=baseline, target=target))

    def add(self, row: Row) -> Row:
        self.medians[(row.step, row.size)] = row.median
        if row.baseline and (row.baseline, row.size) in self.medians:
            row.ratio = row.median / self.medians[(row.baseline, row.size)]
        self.rows.append(row)
        print(line(row), flush=True)
        return row


def _fmt(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def line(row: Row) -> str:
    ratio = f"{row.ratio:.2f}x {row.baseline}" if row.ratio is not None else ""
    return (f"{row.step:<42} {row.size:>7} {_fmt(row.median, row.unit):>10} {row.spread():>21} "
            f"{ratio:<40} {row.target} {row.note}")



def write_markdown(suite: Suite, path: Path, machine: str) -> None:
    import datetime

    lines = [f"Machine: {machine}", "",
             f"Run on {datetime.date.today():%Y-%m-%d} with `python -m benchmarks.run {' '.join(suite.argv)}`; medians "
             "of the runs after one warm-up, spread min–max.", "",
             "| step | tasks | median | spread | ratio to baseline | target | note |",
             "|---|---:|---:|---|---|---|---|"]
    for row in suite.rows:
        ratio = f"{row.ratio:.2f}x {row.baseline}" if row.ratio is not None else ""
        lines.append(f"| {row.step} | {row.size:,} | {_fmt(row.median, row.unit)} | {row.spread()} | {ratio} | "
                     f"{row.target} | {row.note} |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
