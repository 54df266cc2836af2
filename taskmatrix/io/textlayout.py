"""Plan text as lines: what copying a plan out of a PDF, Word or a web page leaves behind.

Repaired here, before the plan's structure is read:

* line endings (LF, CRLF, CR) and page breaks (form feeds, as ``pdftotext`` writes them);
* page numbers on lines of their own (``3``, ``- 3 -``, ``— 3 —``, ``第3页``, ``3/12``),
  which would otherwise be glued into words;
* running headers and footers: a short line repeated at the top or bottom of the pages;
* control characters other than tabs and line breaks;
* ``- `` and other bullets before lines.

Each :class:`Line` says whether a blank line came before it (the usual paragraph break) and
whether the previous line ended a sentence; :func:`paragraph_style` tells the two common
layouts apart: blank lines between paragraphs, or one line per paragraph (a web copy).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from taskmatrix.io.errors import Notice

_PAGE_NUMBER = re.compile(
    r"^(?:[-‐‑–—－~·•\s]*\d{1,4}[-‐‑–—－~·•\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[-—–－]\s*\d{1,4}\s*[-—–－]|Page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$", re.I)
_BULLET = re.compile(r"^[-‐‑–—•·●▪◆■]\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Characters that end a sentence (or a heading's parenthesis) at the end of a line.
SENTENCE_END = ("。", "！", "？", "；", "：", "）", ")", "”", "」", "!", "?", ";", ":")
_HEADER_MAX = 40
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]"
                       r"|\d+[.．、﹒]|第[一二三四五六七八九十]+)")
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2010-\u2027\u2030-\u205e\u00b7"
_SPACE_NEAR_WIDE = re.compile(f"(?<=[{_WIDE}]) +| +(?=[{_WIDE}])")
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_DIGIT_COMMA = re.compile(r"\d,\d")
_COLON = re.compile(r"(?<!\d):(?!//)|:(?!\d|//)")
_CJK_QUESTION = re.compile(f"(?<=[{_WIDE}])\\?")
_CJK_BANG = re.compile(f"(?<=[{_WIDE}])!")
_WS = re.compile(r"\s+")
_PUNCT = ((";", "；"), ("(", "（"), (")", "）"), ("\u3000", " "), ("\xa0", " "), ("\u200b", ""))


def clean_text(text: str) -> str:
    """Repair extraction artefacts in one paragraph: punctuation width and stray spaces."""
    for old, new in _PUNCT:  # replace() beats translate() on long Chinese text
        if old in text:
            text = text.replace(old, new)
    if "," in text:
        text = _COMMA.sub("，", text) if _DIGIT_COMMA.search(text) else text.replace(",", "，")
    if ":" in text:
        text = _COLON.sub("：", text)
    if "?" in text:
        text = _CJK_QUESTION.sub("？", text)
    if "!" in text:
        text = _CJK_BANG.sub("！", text)
    text = _WS.sub(" ", text).strip()
    return _SPACE_NEAR_WIDE.sub("", text) if " " in text else text


@dataclass
class Line:
    """One line of text: its number in the file (1-based), its text without the bullet and
    surrounding white space, a blank line before it, and the previous line ending a sentence."""

    no: int
    text: str
    blank_before: bool
    after_sentence: bool


def split_lines(text: str) -> tuple[list[Line], list[Notice]]:
    """The text's non-empty lines with page artefacts and control characters removed."""
    notices: list[Notice] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x0c" not in text and "\x0b" in text:
        text = text.replace("\x0b", "\n")
    controls = len(_CONTROL.findall(text)) if _CONTROL.search(text) else 0
    if controls:
        text = _CONTROL.sub("", text)
        notices.append(Notice("{count} control characters were removed", kind="control_chars", count=controls))
    raw = text.split("\n")
    pages = _page_breaks(raw)
    drop = _page_artefacts(raw, pages)
    if drop:
        shown = "; ".join(dict.fromkeys(raw[i].strip().replace("\x0c", "") for i in sorted(drop)))
        notices.append(Notice("{count} lines of page numbers and running headers were removed: {lines}",
                              kind="page_artefacts", count=len(drop),
                              lines=shown if len(shown) <= 60 else shown[:60] + "…"))
    lines: list[Line] = []
    blank = True
    previous = ""
    for i, raw_line in enumerate(raw):
        if i in drop:
            continue  # a page number or header is not a paragraph break
        line = raw_line.replace("\x0c", "").replace("\u3000", " ").replace("\ufeff", "").strip()
        if not line:
            blank = True
            continue
        if line[:1] in "-‐‑–—•·●▪◆■":
            line = _BULLET.sub("", line)
        lines.append(Line(i + 1, line, blank, previous.endswith(SENTENCE_END)))
        previous = line
        blank = False
    return lines, notices


def paragraph_style(lines: list[Line]) -> str:
    """``"blank"`` when blank lines separate the paragraphs, ``"line"`` when each line is
    one (a text with few blank lines between many lines)."""
    if len(lines) < 4:
        return "blank"
    blanks = sum(1 for line in lines if line.blank_before)
    return "blank" if blanks * 4 >= len(lines) else "line"


def _page_breaks(raw: list[str]) -> list[int]:
    """Indexes of the lines that start a page: after a form feed, or after a page number."""
    starts = [i for i, line in enumerate(raw) if "\x0c" in line]
    if starts:
        return [i + 1 if raw[i].strip() == "\x0c" else i for i in starts]
    return [i + 1 for i, line in enumerate(raw) if _is_page_number(line)]


def _is_page_number(line: str) -> bool:
    text = line.strip().replace("\x0c", "")
    return bool(text) and len(text) <= 20 and _PAGE_NUMBER.match(text) is not None


def _page_artefacts(raw: list[str], starts: list[int]) -> set[int]:
    """Page-number lines, and short lines repeated at the top or bottom of two or more pages."""
    if not starts:
        return set()
    drop = {i for i, line in enumerate(raw) if _is_page_number(line)}
    edges: list[int] = []
    bounds = [0, *starts, len(raw)]
    for begin, end in pairwise(bounds):
        content = [i for i in range(begin, end) if raw[i].strip().replace("\x0c", "") and i not in drop]
        if content:
            edges.append(content[0])
            if content[-1] != content[0]:
                edges.append(content[-1])
    texts = Counter(raw[i].strip().replace("\x0c", "") for i in edges)
    enough = max(2, (len(bounds) - 1) // 2)
    repeated = {t for t, n in texts.items() if n >= enough and len(t) <= _HEADER_MAX and "。" not in t
                and not t.startswith(("（", "(")) and not t.endswith(("）", ")"))}
    first = next((i for i, line in enumerate(raw) if line.strip()), -1)
    drop.update(i for i in edges if raw[i].strip().replace("\x0c", "") in repeated and i != first)
    if first >= 0 and raw[first].strip().replace("\x0c", "") in repeated:
        # The first line repeats as a running header: it is one (a 文头) when a title follows it,
        # and the title itself when the text starts right after it.
        following = next((raw[i].strip() for i in range(first + 1, len(raw)) if raw[i].strip() and i not in drop), "")
        if following and "。" not in following and len(following) <= 100 and not _NUMBERED.match(following):
            drop.add(first)
    return drop
