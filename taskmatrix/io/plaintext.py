"""Reading a plan from its text (``.txt``), as copied out of the official PDF or Word file.

FORMATS.md §1: optional title lines, the preamble, section headings (``一、…``), numbered
tasks (``1.…``) whose first sentence is the title and whose closing parenthesis names the
responsible units. The extraction artefacts of that family of documents are repaired here:
``- `` bullets, tasks broken across page breaks, spaces inside words, two tasks on one
line, the split unit ``(省) 科技厅``, half-width punctuation and hard-wrapped lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from taskmatrix.io.errors import Notice, PlanFormatError
from taskmatrix.io.files import read_bytes
from taskmatrix.model.plan import Plan, Section, Task, parse_chinese_numeral
from taskmatrix.model.resplist import parse_responsibility
from taskmatrix.model.units import UnitRegistry

MAX_TEXT_BYTES = 512 * 1024 * 1024

_TASK_START = re.compile(r"^(\d{1,6})\s*[.．、](?!\s*\d)\s*")
_SECTION = re.compile(r"^([一二三四五六七八九十百千万零〇两]{1,9})\s*[、．.]\s*(\S.*)$")
_BULLET = re.compile(r"^[-‐‑–—•·●▪◆■]\s+")
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2010-\u2027\u2030-\u205e\u00b7"
_SPACE_NEAR_WIDE = re.compile(f"(?<=[{_WIDE}]) +| +(?=[{_WIDE}])")
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_COLON = re.compile(r"(?<!\d):(?!//)|:(?!\d|//)")
_CJK_QUESTION = re.compile(f"(?<=[{_WIDE}])\\?")
_CJK_BANG = re.compile(f"(?<=[{_WIDE}])!")
_WS = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A task starting after the previous one's closing parenthesis on the same line.
_EMBEDDED_START = re.compile(r"[)）]\s*(?:-\s+)?(\d{1,6})\s*[.．、](?!\s*\d)")
# ``（省）科技厅，…）``: a split unit at the start of the responsibility parenthesis.
_SPLIT_UNIT = re.compile(r"^（([^（）]{1,2})）(.+）)$")


@dataclass
class ReadResult:
    """A plan read from a file, with what the reader noticed along the way."""

    plan: Plan
    warnings: list[Notice] = field(default_factory=list)
    #: What was recognised (the sheet and columns of a workbook), when there is more to say.
    info: Notice | None = None


def clean_text(text: str) -> str:
    """Repair extraction artefacts in one paragraph: punctuation width and stray spaces."""
    text = text.replace("\u3000", " ").replace("\xa0", " ").replace("\u200b", "")
    text = _COMMA.sub("，", text)
    text = text.replace(";", "；").replace("(", "（").replace(")", "）")
    text = _COLON.sub("：", text)
    text = _CJK_QUESTION.sub("？", text)
    text = _CJK_BANG.sub("！", text)
    text = _WS.sub(" ", text).strip()
    return _SPACE_NEAR_WIDE.sub("", text)


def decode_text(data: bytes, path: str | Path | None = None) -> str:
    """Decode plan text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK."""
    if not data.strip():
        raise PlanFormatError(path, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise PlanFormatError(path, "unreadable text: broken UTF-16") from None
    elif b"\x00" in data[:65536]:
        raise PlanFormatError(path, "this is a binary file, not plan text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise PlanFormatError(
                    path, "unreadable encoding: the text is neither UTF-8 nor GB18030/GBK"
                ) from None
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise PlanFormatError(path, "this is a binary file, not plan text")
    if not text.strip():
        raise PlanFormatError(path, "the file is empty")
    return text


def read_plan_text(path: str | Path, registry: UnitRegistry | None = None) -> ReadResult:
    """Read a ``.txt`` plan; raises :class:`PlanFormatError` naming the file on bad input."""
    path = Path(path)
    data = read_bytes(path, MAX_TEXT_BYTES)
    return parse_plan_text(decode_text(data, path), registry, path)


@dataclass
class _Block:
    kind: str  # "pre", "section" or "task"
    line: int
    lines: list[str] = field(default_factory=list)
    number: int = 0
    section: int | None = None


def parse_plan_text(
    text: str, registry: UnitRegistry | None = None, path: str | Path | None = None
) -> ReadResult:
    """Parse plan text into a :class:`Plan`; raises :class:`PlanFormatError` if no task is found."""
    registry = registry if registry is not None else UnitRegistry.default()
    blocks = _split_blocks(text)
    warnings: list[Notice] = []
    plan = Plan(registry=registry)

    pre = [b for b in blocks if b.kind == "pre"]
    first_structural = next((b.line for b in blocks if b.kind != "pre"), None)
    head = [b for b in pre if first_structural is None or b.line < first_structural]
    title_parts: list[str] = []
    preamble_parts: list[str] = []
    for block in head:
        para = clean_text(" ".join(block.lines))
        if not preamble_parts and "。" not in para and len(para) <= 100:
            title_parts.append(para)
        else:
            preamble_parts.append(para)
    if title_parts and not preamble_parts and first_structural is None:
        preamble_parts, title_parts = title_parts, []
    plan.title = clean_text(" ".join(title_parts))

    seen_numbers: dict[int, int] = {}
    last_number = 0
    for block in blocks:
        if block.kind == "pre":
            if block not in head:
                para = clean_text(" ".join(block.lines))
                preamble_parts.append(para)
                warnings.append(Notice(
                    "text outside any task was kept at the end of the preamble: {text}",
                    row=block.line, text=_shorten(para)))
            continue
        if block.kind == "section":
            number = block.number
            if plan.section(number) is not None:
                number = plan.next_section_number()
                warnings.append(Notice(
                    "section number repeated; numbered {number} instead", row=block.line, number=number))
            plan.sections.append(Section(number, clean_text(" ".join(block.lines))))
            continue
        task = _build_task(block, registry, warnings)
        task.section = plan.sections[-1].number if plan.sections else None
        if task.number in seen_numbers:
            raise PlanFormatError(
                path, "duplicate task number {number} (lines {first} and {second})",
                number=task.number, first=seen_numbers[task.number], second=block.line)
        if task.number < last_number:
            warnings.append(Notice(
                "task {number} comes after task {previous}", row=block.line,
                number=task.number, previous=last_number))
        seen_numbers[task.number] = block.line
        last_number = task.number
        plan.tasks.append(task)

    plan.preamble = "\n".join(p for p in preamble_parts if p)
    if not plan.tasks:
        raise PlanFormatError(path, "no recognisable tasks (numbered paragraphs such as “1.…”)")
    unknown: dict[str, list[int]] = {}
    for task in plan.tasks:
        for unit in task.leads + task.participants:
            if not registry.is_registered(unit):
                unknown.setdefault(unit, []).append(task.number)
    for unit, numbers in unknown.items():
        warnings.append(Notice(
            "unknown unit “{unit}” (tasks {tasks}) kept as written",
            unit=unit, tasks=", ".join(map(str, numbers))))
    return ReadResult(plan, warnings)


def _split_blocks(text: str) -> list[_Block]:
    """Group the lines into paragraphs-with-a-role: preamble, section heading, task."""
    blocks: list[_Block] = []
    current: _Block | None = None
    last_number = 0
    at_boundary = True
    complete = False  # the current task ended with its responsibility parenthesis
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for line_no, raw in enumerate(lines, start=1):
        line = raw.replace("\u3000", " ").replace("\ufeff", "").strip()
        if not line:
            at_boundary = True
            continue
        line = _BULLET.sub("", line)
        while line:
            task_match = _TASK_START.match(line)
            section_match = _SECTION.match(line)
            if task_match and _is_task_start(int(task_match.group(1)), last_number, at_boundary, complete):
                last_number = int(task_match.group(1))
                current = _Block("task", line_no, number=last_number)
                blocks.append(current)
                line = line[task_match.end():]
            elif (section_match and (at_boundary or complete or current is None)
                  and "。" not in line and len(line) <= 60
                  and parse_chinese_numeral(section_match.group(1)) is not None):
                number = parse_chinese_numeral(section_match.group(1)) or 0
                current = _Block("section", line_no, [section_match.group(2)], number=number)
                blocks.append(current)
                line = ""
            elif current is None or (current.kind != "task" and at_boundary):
                current = _Block("pre", line_no)
                blocks.append(current)
            # Two tasks on one line: "…大湾区内地各市) 70.完善…".
            rest = ""
            if current is not None and current.kind == "task" and line:
                split = next((m for m in _EMBEDDED_START.finditer(line)
                              if int(m.group(1)) == last_number + 1), None)
                if split:
                    rest = line[split.start() + 1:].lstrip(" -")
                    line = line[: split.start() + 1]
            if line and current is not None:
                current.lines.append(line)
            if current is not None and current.kind == "task":
                tail = (current.lines[-1] if current.lines else "").rstrip()
                complete = tail.endswith((")", "）"))
            else:
                complete = False
            at_boundary = False
            line = rest
    return blocks


def _is_task_start(number: int, last: int, at_boundary: bool, complete: bool) -> bool:
    """A numbered line starts a task when it is the next number or starts a paragraph."""
    return number == last + 1 or at_boundary or complete


def _build_task(block: _Block, registry: UnitRegistry, warnings: list[Notice]) -> Task:
    text = clean_text(" ".join(block.lines))
    task = Task(number=block.number)
    resp_text, text = _split_responsibility(text, registry)
    if resp_text is None:
        warnings.append(Notice(
            "task {number}: no responsibility parenthesis at its end; no units read",
            row=block.line, number=block.number))
    else:
        resp = parse_responsibility(resp_text, registry)
        task.leads, task.participants = resp.leads, resp.participants
        if not task.leads:
            warnings.append(Notice("task {number} has no lead unit", row=block.line,
                                        number=block.number))
    title, _, body = text.partition("。")
    task.title = title.strip()
    task.body = body.strip()
    if not task.title:
        warnings.append(Notice("task {number} has no title", row=block.line, number=block.number))
    return task


def _split_responsibility(text: str, registry: UnitRegistry) -> tuple[str | None, str]:
    """Take the closing responsibility parenthesis off a task's text."""
    stripped = text.rstrip()
    if not stripped.endswith("）"):
        return None, text
    period = stripped.rfind("。")
    tail = stripped[period + 1:].strip() if period >= 0 else ""
    if tail.startswith("（") and tail.count("（") < tail.count("）"):
        repaired = _SPLIT_UNIT.match(tail)
        if repaired:
            content = repaired.group(1) + repaired.group(2)[:-1]
            return content, stripped[: period + 1]
    depth = 0
    for i in range(len(stripped) - 1, -1, -1):
        ch = stripped[i]
        if ch == "）":
            depth += 1
        elif ch == "（":
            depth -= 1
            if depth == 0:
                content = stripped[i + 1:-1]
                before = stripped[:i].rstrip()
                if (not before or before.endswith(("。", "；", "！", "？"))
                        or _names_a_unit(content, registry)):
                    return content, before
                return None, text
    return None, text


def _names_a_unit(content: str, registry: UnitRegistry) -> bool:
    resp = parse_responsibility(content, registry)
    return any(registry.is_registered(u) for u in resp.leads + resp.participants)


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
