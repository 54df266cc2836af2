"""Quantitative targets in the task bodies (``到2020年，…新型研发机构力争达到200家``): what is
measured, the target value, its unit of measure, the year, the comparison (``>=``, ``<=``,
``=``) and the sentence it came from; with the actual value reported in each round.

The extractor is a few rules of our own: a target verb (达到, 不超过, 控制在…) then a number
(Arabic or Chinese numerals, with 万/亿), a unit of measure and a qualifier (以上, 以内, 左右).
The source sentence is kept, so the user can correct what the rules read.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from taskmatrix.model.plan import Plan, Task

GE, LE, EQ = ">=", "<=", "="
COMPARISONS: tuple[str, ...] = (GE, LE, EQ)

# The verbs that set a target, and the comparison each means (a qualifier after the number wins).
_VERBS: tuple[tuple[str, str], ...] = (
    ("不低于", GE), ("不少于", GE), ("不超过", LE), ("不高于", LE), ("控制在", LE), ("压减至", LE), ("压减到", LE),
    ("降低到", LE), ("降低至", LE), ("下降到", LE), ("降至", LE), ("低于", LE), ("稳定在", EQ), ("保持在", EQ),
    ("提高到", GE), ("提高至", GE), ("提升到", GE), ("提升至", GE), ("增加到", GE), ("增加至", GE),
    ("达到", GE), ("超过", GE), ("突破", GE), ("增长", GE), ("提高", GE), ("增加", GE), ("为", EQ), ("达", GE),
)
_COMPARISON_OF = dict(_VERBS)
_COMPARISON_WORDS = {
    ">=": GE, "≥": GE, "＞＝": GE, ">": GE, "＞": GE, "不低于": GE, "不少于": GE, "以上": GE,
    "<=": LE, "≤": LE, "＜＝": LE, "<": LE, "＜": LE, "不超过": LE, "不高于": LE, "以内": LE, "以下": LE,
    "=": EQ, "＝": EQ, "==": EQ, "左右": EQ}
_QUALIFIERS = {"以上": GE, "以内": LE, "以下": LE, "左右": EQ, "多": GE}
# Units of measure, longest first (a multiplier 万/亿 may come before any of them).
_MEASURES = sorted((
    "%", "个百分点", "个工作日", "个", "家", "件", "项", "所", "座", "条", "台", "辆", "艘", "架次", "人次", "万人次",
    "人", "元", "标准箱", "吨", "千瓦", "千瓦时", "公里", "平方公里", "米", "平方米", "亩", "公顷", "倍", "天", "次",
    "微克/立方米", "毫克/立方米", "户", "个村", "张", "套", "部", "名", "位", "场", "批", "年", "月", "小时", "分钟",
    "GB", "Gbps", "Mbps", "兆", "家次", "宗", "单", "笔", "份", "间", "床", "张床位", "所学校",
), key=len, reverse=True)
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_MULTIPLIERS = {"万亿": 10 ** 12, "亿": 10 ** 8, "万": 10 ** 4, "千万": 10 ** 7, "百万": 10 ** 6}

_NUMBER = r"(?P<number>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
_VERB = "|".join(re.escape(v) for v, _ in _VERBS)
_TARGET = re.compile(
    rf"(?P<verb>{_VERB})\s*(?P<approx>约|近|超)?\s*{_NUMBER}\s*(?P<mult>万亿|千万|百万|亿|万)?\s*"
    rf"(?P<measure>{'|'.join(re.escape(m) for m in _MEASURES)})?\s*(?P<qual>以上|以内|以下|左右|多)?")
_MORE = re.compile(
    rf"\s*(?:和|、|及)\s*{_NUMBER}\s*(?P<mult>万亿|千万|百万|亿|万)?\s*"
    rf"(?P<measure>{'|'.join(re.escape(m) for m in _MEASURES)})?\s*(?P<qual>以上|以内|以下|左右)?")
_YEAR = re.compile(r"(?:到|至)\s*((?:19|20)\d\d)\s*年|((?:19|20)\d\d)\s*年(?:底|末)?(?:前|以前)")
_ENDS = "。；;！!？?\n"  # what ends a sentence
_CLAUSE_BREAK = re.compile(r"[，,：:]")
_FILLER = re.compile(r"力争实现|力争|实现")
_LEADING = re.compile(r"^(?:力争|到\s*\d{4}\s*年(?:底|末)?|其中|全国|实现|基本|并)+")
_TRAILING = re.compile(r"(?:力争|实现|累计|年均|均|分别|总体|基本|要|将|进一步|逐步|全面|稳定)+$")
#: A target verb and then a number, in any width (``\d`` is any digit): bodies without one have
#: no target, and are passed over without the slower reading.
_MAYBE = re.compile(rf"(?:{_VERB})\s*(?:约|近|超)?\s*[\d零〇一二两三四五六七八九十百千]")
_WIDE = str.maketrans("０１２３４５６７８９．％，：；（）", "0123456789.%,:;()")


@dataclass
class Indicator:
    task: int
    text: str  # what is measured (``大湾区内地新型研发机构``)
    value: float | None
    measure: str = ""  # its unit (``家``, ``%``, ``人次``)
    year: int | None = None
    comparison: str = GE
    source: str = ""  # the sentence it was read from
    #: The value reported in each round: round name -> actual value.
    actuals: dict[str, float] = field(default_factory=dict)

    def copy(self) -> Indicator:
        return replace(self, actuals=dict(self.actuals))

    def met(self, actual: float | None) -> bool | None:
        """Whether ``actual`` meets the target (``None``: nothing to compare)."""
        if actual is None or self.value is None:
            return None
        if self.comparison == LE:
            return actual <= self.value
        if self.comparison == EQ:
            return abs(actual - self.value) <= max(abs(self.value) * 0.05, 1e-9)  # 左右: within 5 %
        return actual >= self.value

    def latest(self, round_names: list[str]) -> tuple[str, float] | None:
        """The last round (in ``round_names`` order) with an actual value, and the value."""
        for name in reversed(round_names):
            if name in self.actuals:
                return name, self.actuals[name]
        return None


def read_number(text: str) -> float | None:
    """A value as a person types it: ``200``, ``1,400``, ``2.8%``, ``1.4亿``, ``6200万``, ``约200``,
    ``二百``; ``None`` for nothing; ``ValueError`` for what is not a number."""
    text = str(text).strip().replace(",", "").replace("，", "").replace(" ", "").translate(_WIDE)
    text = text.lstrip("约近超").rstrip("%")
    if not text:
        return None
    mult = next((m for m in ("万亿", "千万", "百万", "亿", "万") if text.endswith(m) and len(text) > len(m)), None)
    if mult is not None:
        text = text[:-len(mult)]
    value = _value(text, mult, limit=math.inf)
    if value is None:
        raise ValueError(text)
    return value


def plain_number(value: float | None) -> int | float | None:
    """A value as files show it: 200 rather than 200.0 (``None``: none, or not finite)."""
    if value is None or not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2 ** 53 else value


def read_comparison(text: str) -> str:
    """``>=``, ``≥``, ``>``, ``不低于``… as one of :data:`COMPARISONS`; ``ValueError`` otherwise."""
    text = str(text).strip().replace(" ", "")
    found = _COMPARISON_WORDS.get(text)
    if found is None:
        raise ValueError(text)
    return found


def chinese_number(text: str) -> float | None:
    """``二十五`` -> 25, ``一百零八`` -> 108, ``三点五`` -> 3.5, ``两千`` -> 2000."""
    whole, _, fraction = text.partition("点")
    total = section = 0
    digit = None
    for ch in whole:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    total += section + (digit or 0)
    if fraction:
        if any(ch not in _CN_DIGITS for ch in fraction):
            return None
        return float(f"{total}." + "".join(str(_CN_DIGITS[ch]) for ch in fraction))
    return float(total)


def _value(number: str, mult: str | None, limit: float = 1e15) -> float | None:
    """``number`` (digits or Chinese numerals) times ``mult`` (万, 亿…); ``None`` when it does not
    read, is not finite, or is ``limit`` or more (a run of digits in a body is no target)."""
    try:
        value: float | None = float(number)
    except ValueError:
        value = chinese_number(number) if number else None
    if value is None:
        return None
    if mult:
        value *= _MULTIPLIERS[mult]
    if not math.isfinite(value) or abs(value) >= limit:
        return None
    return round(value, 6) if value != int(value) else float(int(value))


def extract(task: Task) -> list[Indicator]:
    """The targets ``task``'s body (else its title) states, in order."""
    original = task.body or task.title
    if _MAYBE.search(original) is None:
        return []
    text = original.translate(_WIDE)  # one character for one: offsets hold in both
    found: list[Indicator] = []
    for match in _TARGET.finditer(text):
        number = match.group("number")
        measure = match.group("measure") or ""
        if not measure and not match.group("mult"):
            continue  # a bare number (达到国际先进水平 has none; 为1 could be anything)
        if measure in ("年", "月") and not match.group("qual"):
            continue  # a date, not a target
        start, end = _sentence(text, match.start())
        head = text[start:match.start()].lstrip()
        if head.count("(") > head.count(")"):
            continue  # a condition in brackets (超过100人的企业达到15%), not the target
        year = _year(head) or _year_before(text, start) or None
        comparison = _QUALIFIERS.get(match.group("qual") or "", _COMPARISON_OF[match.group("verb")])
        subject = _subject(head)
        value = _value(number, match.group("mult"))
        if not subject or value is None:
            continue
        shown = original[start:end].strip()  # the sentence as written
        found.append(Indicator(task.number, subject, value, measure, year, comparison, shown))
        rest = text[match.end():end]
        while (more := _MORE.match(rest)) is not None and (more.group("measure") or more.group("mult")):
            extra = _QUALIFIERS.get(more.group("qual") or "", comparison)
            also = _value(more.group("number"), more.group("mult"))
            if also is not None:
                found.append(Indicator(task.number, subject, also, more.group("measure") or measure, year,
                                       extra, shown))
            rest = rest[more.end():]
    return found


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The bounds of the sentence around ``at``."""
    start = max(text.rfind(ch, 0, at) for ch in _ENDS) + 1
    ends = [i for i in (text.find(ch, at) for ch in _ENDS) if i >= 0]
    return start, min(ends) if ends else len(text)


def _subject(head: str) -> str:
    """What the clause before the verb measures."""
    clause = _CLAUSE_BREAK.split(head)[-1].strip()
    clause = _TRAILING.sub("", clause).strip()
    clause = _LEADING.sub("", clause).strip()
    clause = _FILLER.sub("", clause).strip()
    return re.sub(r"\s+", " ", clause)


def _year(text: str) -> int | None:
    years = [int(m.group(1) or m.group(2)) for m in _YEAR.finditer(text)]
    return years[-1] if years else None


def _year_before(text: str, end: int) -> int | None:
    """The last ``到2020年`` before ``end`` in the same paragraph."""
    start = text.rfind("\n", 0, end) + 1
    return _year(text[start:end])


def follow_numbers(plan: Plan, changes: dict[int, int]) -> None:
    """Kept indicators follow their tasks to new numbers (``changes``: old -> new number)."""
    if plan.indicators is None or not changes:
        return
    for indicator in plan.indicators:
        if indicator.task in changes:
            indicator.task = changes[indicator.task]


def numbers_changed(old: list[int], new: list[int]) -> dict[int, int]:
    """The number changes between two numberings of the same tasks (a number two tasks shared
    is left out: whose indicator it was cannot be told)."""
    seen: dict[int, int] = {}
    for number in old:
        seen[number] = seen.get(number, 0) + 1
    return {a: b for a, b in zip(old, new) if a != b and seen[a] == 1}


def take_indicators(plan: Plan, numbers: set[int]) -> list[tuple[int, Indicator]]:
    """Take the kept indicators of the tasks numbered ``numbers`` out (a task deleted); returns
    them with their places, for :func:`put_back_indicators`."""
    if plan.indicators is None:
        return []
    taken = [(i, ind) for i, ind in enumerate(plan.indicators) if ind.task in numbers]
    plan.indicators = [ind for ind in plan.indicators if ind.task not in numbers]
    return taken


def put_back_indicators(plan: Plan, taken: list[tuple[int, Indicator]]) -> None:
    if plan.indicators is None or not taken:
        return
    for index, indicator in taken:
        plan.indicators.insert(index, indicator)


def rename_actuals(plan: Plan, old: str, new: str) -> None:
    """A round renamed: the actual values reported in it keep their round."""
    for indicator in plan.indicators or []:
        if old in indicator.actuals:
            indicator.actuals[new] = indicator.actuals.pop(old)


#: What :func:`extract_plan` read per task last time (by the task's identity): its number, its
#: text and its indicators (not to be changed: copy one before editing it).
ExtractCache = dict[int, tuple[int, str, list[Indicator]]]


def extract_plan(plan: Plan, cache: ExtractCache | None = None) -> list[Indicator]:
    """Every task's targets; with ``cache``, a task whose number and text are unchanged since
    the last call is not read again (a pane following the edits)."""
    if cache is None:
        return [indicator for task in plan.tasks for indicator in extract(task)]
    found: list[Indicator] = []
    seen: ExtractCache = {}
    for task in plan.tasks:
        text = task.body or task.title
        hit = cache.get(id(task))
        if hit is None or hit[0] != task.number or hit[1] != text:
            hit = (task.number, text, extract(task))
        seen[id(task)] = hit
        found.extend(hit[2])
    cache.clear()
    cache.update(seen)
    return found


def indicators_of(plan: Plan, cache: ExtractCache | None = None) -> list[Indicator]:
    """The plan's indicators: as the user kept them, else as read from the bodies."""
    return plan.indicators if plan.indicators is not None else extract_plan(plan, cache)
