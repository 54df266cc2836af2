"""Plan text lines -> paragraphs with a role: heading, numbered item, labelled units, text.

The numbered items of plans come at two levels, ``（一）…`` and ``1.…`` (also ``1．``,
``1﹒``, ``1、``); which of them are the tasks is decided later, from which carry units
(:mod:`taskmatrix.io.textplan`). Here a numbered line starts an item when it is the next
number, or when it starts a paragraph (a blank line before it, the previous line ending a
sentence in a one-line-per-paragraph text, or the previous item closing with its
parenthesis); otherwise it is a wrapped line of text (``1.4亿人次`` at the start of a line).
A number followed by a digit (``11.121人才梯队项目``) starts an item only as the next number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from taskmatrix.io.textlayout import Line
from taskmatrix.model.plan import parse_chinese_numeral
from taskmatrix.model.resplist import LABEL_RE

_NUMERALS = "一二三四五六七八九十百千万零〇两"
_NUM = re.compile(r"^(\d{1,6})\s*[.．、﹒]\s*")
_PAREN = re.compile(r"^[（(]\s*([一二三四五六七八九十百]{1,5})\s*[）)]\s*")
_SECTION = re.compile(rf"^([{_NUMERALS}]{{1,9}})\s*[、．.]\s*(\S.*)$")
_PART = re.compile(rf"^第([{_NUMERALS}]{{1,5}})(?:部分|章|篇)[、：:\s]*(\S.*)$")
#: The document number under a title: ``国发〔2019〕3号``, ``粤府办〔2018〕12号``.
DOCNO = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔［\[【(（]\s*\d{4}\s*[〕］\]】)）]\s*第?\s*\d{1,5}\s*号$")
# A task starting after the previous one's closing parenthesis on the same line.
_EMBEDDED_START = re.compile(r"[)）]\s*(?:-\s+)?(\d{1,6})\s*[.．、](?!\s*\d)")
_HEADING_MAX = 60


@dataclass
class Para:
    """A paragraph: ``kind`` is ``section``, ``paren`` (``（一）``), ``num`` (``1.``),
    ``label`` (``责任单位：…`` on its own line), ``docno`` or ``text``; ``number`` is the
    heading's or item's number; ``lines`` its text after the number."""

    kind: str
    line: int
    lines: list[str] = field(default_factory=list)
    number: int = 0
    title: str = ""  # a section's title
    marker: str = ""  # the number as written (``（二）``, ``3.``)

    def text(self) -> str:
        return " ".join(self.lines)

    def full_text(self) -> str:
        """The paragraph as written, its number included."""
        return self.marker + self.text()


def paragraphs(lines: list[Line], style: str) -> list[Para]:
    """Group the lines into paragraphs (``style``: see :func:`~taskmatrix.io.textlayout.paragraph_style`)."""
    paras: list[Para] = []
    current: Para | None = None
    last = {"num": 0, "paren": 0, "section": 0}
    closed = True  # the current paragraph cannot take more lines (a heading, a closed item)
    for line in lines:
        text = line.text
        soft = line.after_sentence
        new_paragraph = line.blank_before or (style == "line" and soft)
        complete = current is not None and _ends_closed(current)
        boundary = new_paragraph or complete or current is None or closed
        # A heading may follow a title line or a finished item without a blank line between.
        open_item = current is not None and current.kind in ("num", "paren") and not complete
        while text:
            started = _start(text, last, boundary, soft or boundary, line.no, open_item)
            if started is not None:
                para, text = started
                paras.append(para)
                current = para
                closed = para.kind in ("section", "docno")
                if para.kind in last:
                    last[para.kind] = para.number
                if closed:
                    break
            elif LABEL_RE.match(text.lstrip("（(")) is not None:
                current = Para("label", line.no, [text])
                paras.append(current)
                closed = False
                break
            elif DOCNO.match(text.replace(" ", "")) and (current is None or current.kind == "text"):
                paras.append(Para("docno", line.no, [text]))
                current, closed = paras[-1], True
                break
            elif current is None or boundary:
                current = Para("text", line.no, [])
                paras.append(current)
                closed = False
            # Two tasks on one line: "…大湾区内地各市) 70.完善…".
            rest = ""
            if current.kind == "num" and text:
                split = next((m for m in _EMBEDDED_START.finditer(text)
                              if int(m.group(1)) == last["num"] + 1), None)
                if split is not None:
                    rest = text[split.start() + 1:].lstrip(" -")
                    text = text[: split.start() + 1]
            if text:
                current.lines.append(text)
            text = rest
            boundary = True
    return paras


def _start(text: str, last: dict[str, int], boundary: bool, sentence: bool,
           line_no: int, open_item: bool = False) -> tuple[Para, str] | None:
    """The heading or item ``text`` starts with, and the text after its number; or None."""
    head = text[:1]
    if head.isdigit():
        match = _NUM.match(text)
        if match is None:
            return None
        number = int(match.group(1))
        rest = text[match.end():]
        digit_follows = rest[:1].isdigit()
        sequential = number == last["num"] + 1
        if (sequential and (not digit_follows or sentence)) or (boundary and not digit_follows):
            return Para("num", line_no, number=number, marker=text[: match.end()]), rest
        return None
    if head in "（(":
        match = _PAREN.match(text)
        if match is None:
            return None
        number = parse_chinese_numeral(match.group(1)) or 0
        if number and (boundary or sentence or number == last["paren"] + 1):
            return Para("paren", line_no, number=number, marker=text[: match.end()]), text[match.end():]
        return None
    if head in _NUMERALS or head == "第":
        if "。" in text.rstrip("。") or len(text) > _HEADING_MAX:
            return None
        match = _SECTION.match(text) or _PART.match(text)
        if match is None:
            return None
        number = parse_chinese_numeral(match.group(1)) or 0
        if not number or not (boundary or sentence or (number == last["section"] + 1 and not open_item)):
            return None
        title = match.group(2).rstrip("。")
        return Para("section", line_no, [title], number, title, text[: match.start(2)]), ""
    return None


def _ends_closed(para: Para) -> bool:
    """The item's last line ends with a closing parenthesis (most likely its units)."""
    return bool(para.lines) and para.lines[-1].rstrip().endswith(("）", ")"))
