"""A task's deadline read from its text: ``2019年底前``, ``2019年6月底前``, ``2019—2020年``,
``年内``, ``每年``, ``长期坚持``.

:func:`parse_deadline` gives a :class:`Deadline`: a kind (``fixed``: finish by a date;
``span``: between two dates; ``recurring``: every year, quarter, month; ``ongoing``: no end;
``none``: no deadline), its dates, and whether they are *fuzzy* (read from a whole year, from
``年内`` relative to the plan's year, or from text the rules do not know). ``end`` is the last
day the task may finish on. The user may correct any deadline; the correction is kept with the
task (:attr:`taskmatrix.model.plan.Task.due`). Rule-based, pure Python.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

FIXED, SPAN, RECURRING, ONGOING, NONE = "fixed", "span", "recurring", "ongoing", "none"
KINDS = (FIXED, SPAN, RECURRING, ONGOING, NONE)

_DIGITS = str.maketrans("０１２３４５６７８９〇零○Ｏ", "01234567890000")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ONGOING = re.compile(r"长期|持续|常态化|久久为功|逐步推进|不断推进|常抓不懈")
_RECURRING = re.compile(r"每(?:年|季度?|月|半年|周|旬)|按年度|逐年|年度|按季|按月")
_YEAR = r"((?:19|20)\d\d)\s*年?"
_SPAN = re.compile(_YEAR + r"(?:(\d{1,2})月)?(?:(\d{1,2})日)?\s*(?:[—–\-~～至到])+\s*(?:" + _YEAR + r")?"
                   r"(?:(\d{1,2})月)?(?:(\d{1,2})日)?")
_DATE = re.compile(r"(?:((?:19|20)\d\d)\s*年)?(?:(上半年|下半年|年底|年末|年内|底|末|第(\d)季度|(\d{1,2})\s*月"
                   r"(?:\s*(\d{1,2})\s*日|(底|末|中旬|上旬|下旬|份)?)))")
_BARE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_FROM = re.compile(r"(起|开始|以来)")


@dataclass(frozen=True)
class Deadline:
    text: str
    kind: str = NONE
    start: _dt.date | None = None
    end: _dt.date | None = None
    fuzzy: bool = False

    def as_dict(self) -> dict[str, object]:
        """The JSON form: ``{"text", "kind", "start", "end", "fuzzy"}`` with ISO dates."""
        return {"text": self.text, "kind": self.kind, "start": _iso(self.start), "end": _iso(self.end),
                "fuzzy": self.fuzzy}

    @classmethod
    def from_dict(cls, doc: dict[str, object]) -> Deadline:
        """The JSON form back; raises ``ValueError`` on a kind or date it cannot be."""
        kind = str(doc.get("kind") or NONE)
        if kind not in KINDS:
            raise ValueError(f"unknown deadline kind {kind!r}")
        return cls(str(doc.get("text") or ""), kind, _date(doc.get("start")), _date(doc.get("end")),
                   bool(doc.get("fuzzy")))


def _iso(day: _dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(value: object) -> _dt.date | None:
    if value in (None, ""):
        return None
    return _dt.date.fromisoformat(str(value))


def _last_day(year: int, month: int) -> _dt.date:
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def _number(text: str | None) -> int | None:
    """``12``, ``十二``, ``二十一`` -> the number (days and months)."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN.get(tens, 1) if tens else 1) * 10 + (_CN.get(ones, 0) if ones else 0)
    return _CN.get(text)


def _normalise(text: str) -> str:
    """Full-width and Chinese digits as ASCII (``二〇一九年十二月`` -> ``2019年12月``)."""
    text = re.sub("[一二三四五六七八九〇零○]{4}(?=年)", lambda m: "".join(str(_CN.get(c, 0)) for c in m.group(0)), text)
    text = re.sub(r"[\s　]+", "", text.translate(_DIGITS))
    text = re.sub(r"第([一二三四])季度", lambda m: f"第{_CN[m.group(1)]}季度", text)
    return re.sub(r"([一二两三四五六七八九十]{1,3})(?=[月日号])",
                  lambda m: str(_number(m.group(1)) or m.group(1)), text).replace("号", "日")


def parse_deadline(text: str, plan_year: int | None = None) -> Deadline:
    """Read a deadline; ``plan_year`` anchors ``年内``, ``年底前`` and a month without a year."""
    raw = (text or "").strip()
    if not raw:
        return Deadline("")
    norm = _normalise(raw)
    span = _SPAN.search(norm)
    if span is not None and (span.group(4) or span.group(5)):
        y1, m1, d1, y2, m2, d2 = (int(g) if g else None for g in span.groups())
        assert y1 is not None
        y2 = y2 or y1  # ``2019年1月1日至12月31日``
        start = _dt.date(y1, m1 or 1, d1 or 1) if _valid(y1, m1, d1) else None
        end = (_dt.date(y2, m2, d2) if d2 else _last_day(y2, m2)) if m2 and _valid(y2, m2, d2) else (
            _dt.date(y2, 12, 31) if not m2 else None)
        if start is not None and end is not None and start <= end:
            return Deadline(raw, SPAN, start, end, fuzzy=not (m1 and m2))
    if _ONGOING.search(norm):
        return Deadline(raw, ONGOING, _start_of(norm), None)
    if _RECURRING.search(norm) and not _DATE.search(norm.replace("年度", "")):
        return Deadline(raw, RECURRING)
    found = _fixed(norm, plan_year)
    if found is not None:
        end, fuzzy = found
        if _FROM.search(norm) and not re.search("前|底|末|完成", norm):  # ``2019年1月1日起``: from then on
            return Deadline(raw, ONGOING, end if end.day == 1 else None, None, fuzzy)
        kind = RECURRING if _RECURRING.search(norm) else FIXED
        return Deadline(raw, kind, None, None if kind == RECURRING else end, fuzzy)
    if _RECURRING.search(norm):
        return Deadline(raw, RECURRING)
    return Deadline(raw, NONE, fuzzy=True)  # text the rules do not know: the user may correct it


def _valid(year: int, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
        return False
    return True


def _start_of(norm: str) -> _dt.date | None:
    """``自2019年1月1日起长期坚持``: the day it starts."""
    match = re.search(r"((?:19|20)\d\d)年(?:(\d{1,2})月)?(?:(\d{1,2})日)?(?:起|开始)", norm)
    if match is None:
        return None
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    return _dt.date(year, month, day) if _valid(year, month, day) else None


def _fixed(norm: str, plan_year: int | None) -> tuple[_dt.date, bool] | None:
    """The last day of a ``finish by`` deadline and whether it is fuzzy."""
    best: tuple[_dt.date, bool] | None = None
    last_year: int | None = None  # ``2019年6月底前完成一期，年底前全面完成``: 年底 of 2019
    for match in _DATE.finditer(norm):
        year_text, what, quarter, month_text, day_text, part = match.groups()
        if year_text:
            last_year = int(year_text)
        year = last_year or plan_year
        fuzzy = last_year is None
        if year is None:
            continue
        if what in ("上半年",):
            end = _dt.date(year, 6, 30)
        elif what in ("下半年", "年底", "年末", "底", "末"):
            if what in ("底", "末") and not last_year:
                continue
            end = _dt.date(year, 12, 31)
        elif what == "年内":
            end, fuzzy = _dt.date(year, 12, 31), True
        elif quarter:
            q = int(quarter)
            if not 1 <= q <= 4:
                continue
            end = _last_day(year, q * 3)
        else:
            month, day = int(month_text), int(day_text) if day_text else None
            if not _valid(year, month, day):
                continue
            if day:
                end = _dt.date(year, month, day)
            elif part == "上旬":
                end = _dt.date(year, month, 10)
            elif part == "中旬":
                end = _dt.date(year, month, 20)
            else:
                end = _last_day(year, month)
        if best is None or end > best[0]:  # ``2019年6月底前完成一期，年底前完成全部``: the last one
            best = (end, fuzzy)
    if best is not None:
        return best
    bare = [int(y) for y in _BARE_YEAR.findall(norm)]
    if bare:
        return _dt.date(max(bare), 12, 31), True
    return None


def plan_year(title: str, preamble: str = "") -> int | None:
    """The year a plan is for: the first year its title names (``（2018—2020年）`` -> 2018),
    else its preamble's."""
    for text in (title, preamble[:500]):
        match = re.search(r"((?:19|20)\d\d)", _normalise(text or ""))
        if match:
            return int(match.group(1))
    return None
