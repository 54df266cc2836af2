"""Status lights: how a task stands in a round, as of a day.

From the report's status and percent, the task's deadline and the progress expected by then
(序时进度: the share of the task's time gone by):

* ``blue``: done (已完成);
* ``grey``: ongoing work without an end (长期坚持, 每年) or paused (暂缓), unless reported late;
* ``red``: past its deadline and not done, or more than ``red_behind`` points behind the
  expected progress;
* ``yellow``: due within ``soon_days``, reported late (滞后), or more than ``yellow_behind``
  points behind;
* ``green``: on track.

Printed sheets show a light as a symbol with a word (✖ 红灯, ▲ 黄灯, ● 绿灯, ✔ 完成, ○ 持续),
so it survives black-and-white printing and does not rest on colour alone. Pure Python.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from taskmatrix.model.deadlines import FIXED, ONGOING, RECURRING, SPAN, Deadline
from taskmatrix.model.rounds import DONE, LATE, PAUSED, Entry
from taskmatrix.model.translate import QT_TRANSLATE_NOOP

RED, YELLOW, GREEN, BLUE, GREY = "red", "yellow", "green", "blue", "grey"
#: The lights from the worst to the best (a task with several reports shows its worst).
LIGHTS: tuple[str, ...] = (RED, YELLOW, GREEN, GREY, BLUE)
#: A light as printed: a symbol that survives black and white, and a word.
SYMBOLS: dict[str, str] = {RED: "✖", YELLOW: "▲", GREEN: "●", BLUE: "✔", GREY: "○"}
WORDS: dict[str, str] = {RED: "红灯", YELLOW: "黄灯", GREEN: "绿灯", BLUE: "完成", GREY: "持续"}
#: How reports and statistics count the lights, in the order they are shown.
COUNT_WORDS: tuple[tuple[str, str], ...] = (
    (BLUE, "已完成"), (GREEN, "正常推进"), (YELLOW, "预警"), (RED, "逾期或严重滞后"), (GREY, "持续推进"))
#: What a light means, for the screen (translated in the ``Lights`` context).
LIGHT_NAMES: dict[str, str] = {
    RED: QT_TRANSLATE_NOOP("Lights", "Red: overdue or far behind"),
    YELLOW: QT_TRANSLATE_NOOP("Lights", "Yellow: due soon or behind"),
    GREEN: QT_TRANSLATE_NOOP("Lights", "Green: on track"),
    BLUE: QT_TRANSLATE_NOOP("Lights", "Blue: done"),
    GREY: QT_TRANSLATE_NOOP("Lights", "Grey: ongoing or paused"),
}
#: Screen colours (the table also shows the symbol and the word).
COLOURS: dict[str, str] = {RED: "#d9534f", YELLOW: "#e0a800", GREEN: "#2e8b57", BLUE: "#337ab7", GREY: "#8c8c8c"}


@dataclass(frozen=True)
class Thresholds:
    """When a light turns: points behind the expected progress, days before the deadline."""

    red_behind: float = 30.0
    yellow_behind: float = 10.0
    soon_days: int = 30


def printed(light: str) -> str:
    """``✖ 红灯``."""
    return f"{SYMBOLS[light]} {WORDS[light]}" if light in SYMBOLS else ""


def expected_percent(deadline: Deadline, as_of: _dt.date, start: _dt.date | None) -> float | None:
    """The share of the task's time gone by on ``as_of`` (0–100), from ``start`` (the
    deadline's own start, else the plan's) to its end; ``None`` without both ends."""
    begin = deadline.start or start
    end = deadline.end
    if deadline.kind not in (FIXED, SPAN) or begin is None or end is None or end <= begin:
        return None
    if as_of <= begin:
        return 0.0
    if as_of >= end:
        return 100.0
    return 100.0 * (as_of - begin).days / (end - begin).days


def light_of(entry: Entry | None, deadline: Deadline, as_of: _dt.date, start: _dt.date | None = None,
             thresholds: Thresholds = Thresholds()) -> str:
    """The light of a task whose report is ``entry`` (``None``: nothing reported yet)."""
    status = entry.status if entry is not None else ""
    if status == DONE:
        return BLUE
    if deadline.kind in (ONGOING, RECURRING) or deadline.end is None or status == PAUSED:
        return YELLOW if status == LATE else GREY
    if as_of > deadline.end:
        return RED
    expected = expected_percent(deadline, as_of, start)
    percent = entry.percent if entry is not None else None
    behind = expected - percent if expected is not None and percent is not None else None
    if behind is not None and behind > thresholds.red_behind:
        return RED
    if (status == LATE or (behind is not None and behind > thresholds.yellow_behind)
            or (deadline.end - as_of).days <= thresholds.soon_days):
        return YELLOW
    return GREEN


def worst(lights: list[str]) -> str:
    """The worst of several lights (a task with several reporting units)."""
    return min(lights, key=LIGHTS.index) if lights else ""
