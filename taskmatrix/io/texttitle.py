"""The title block of a plan text, and the title of a task (its first sentence).

Pure Python, no Qt.
"""

from __future__ import annotations

import re

_ADDRESSEE_MAX = 150
_TITLE_MAX = 100


_QUOTES = {"“": "”", "「": "」", "《": "》", "『": "』", "‘": "’"}


def first_full_stop(text: str) -> int:
    """Where the first sentence of ``text`` ends (its ``。`` outside quotes and book titles), or -1."""
    first = text.find("。")
    if first < 0 or not any(q in text[:first] for q in _QUOTES):  # no quote before it: the usual case
        return first
    closing: list[str] = []
    for i, ch in enumerate(text):
        if ch in _QUOTES:
            closing.append(_QUOTES[ch])
        elif closing and ch == closing[-1]:
            closing.pop()
        elif ch == "。" and not closing:
            return i
    return -1 if closing == [] else text.find("。")


def split_title(text: str) -> tuple[str, str]:
    """A task's text -> (its title: the first sentence without its full stop, the rest)."""
    end = first_full_stop(text)
    if end < 0:
        return text.strip(), ""
    return text[:end].strip(), text[end + 1:].strip()


def title_and_preamble(head: list[str], docno: re.Pattern[str]) -> tuple[str, list[str]]:
    """The title (short paragraphs without a full stop, up to the document number or the
    addressee line) and the rest of the head, which starts the preamble."""
    title: list[str] = []
    rest = list(head)
    labels: list[str] = []
    while rest and not title and _ATTACHMENT.match(rest[0]):
        labels.append(rest.pop(0))  # ``附件`` / ``附件2`` above the title: kept in the preamble
    while rest:
        para = rest[0]
        if (first_full_stop(para) >= 0 or len(para) > _TITLE_MAX or docno.match(para.replace(" ", ""))
                or para.endswith(("：", ":")) or _DATED_LINE.match(para)):
            break
        title.append(rest.pop(0))
    return "".join(title), labels + rest


_ATTACHMENT = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[:：]?$")
# ``（2021年3月1日）``, ``（2021年3月1日省政府常务会议审议通过）`` under a title.
_DATED_LINE = re.compile(r"^[（(]\s*(?:19|20)\d\d\s*年.*[)）]$")


def is_addressee(para: str) -> bool:
    return para.endswith(("：", ":")) and len(para) <= _ADDRESSEE_MAX and "。" not in para

