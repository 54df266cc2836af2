"""Sending a round's workbooks and importing the returns: the seed's 56 units, and 10,000 tasks."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any


def feedback_steps(suite: Any, size: int, paths: dict[str, Path], tmp: Path) -> None:
    from taskmatrix.io.defaults import load_default_plan
    from taskmatrix.io.feedback.receive import load_returns, return_paths
    from taskmatrix.io.feedback.send import COVER, send_round
    from taskmatrix.io.formats import read_plan
    from taskmatrix.model.feedback import expected_units
    from taskmatrix.model.rounds import Round, add_round

    if size > 10_000:
        return
    plan = load_default_plan().plan if size <= 100 else read_plan(paths["xlsx"]).plan
    add_round(plan, Round("2019年第一季度", dt.date(2019, 1, 1), dt.date(2019, 3, 31), dt.date(2019, 4, 10)))
    units = expected_units(plan)
    folder = tmp / "sent"
    ticks: list[int] = []

    def send() -> None:
        shutil.rmtree(folder, ignore_errors=True)
        send_round(plan, plan.rounds[0], folder, units, progress=lambda done, total: ticks.append(done) or True)

    label = "seed" if size <= 100 else f"{size:,} tasks"
    row = suite.time(f"send: every unit's workbook ({label})", size, send,
                     target="<3 s (seed); <20 s at 10k", repeat=1 if size >= 10_000 else None)
    row.note = f"{len(units)} workbooks; progress called {len(ticks)} times (cancellable)"
    returns = [p for p in return_paths([folder]) if p.name != COVER]

    def receive() -> None:
        files, refused = load_returns(plan, returns, None, dt.date(2019, 4, 12))
        assert not refused and len(files) == len(returns)

    suite.time(f"receive: import every unit's return ({label})", size, receive, target="<2 s (seed)",
               repeat=1 if size >= 10_000 else None)
