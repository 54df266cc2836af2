"""The units of a numbered item in a plan text: its closing responsibility parenthesis (or
``【…】``, or a ``牵头单位：…`` label after its last sentence), and a deadline written among them.

Pure Python, no Qt.
"""

from __future__ import annotations

import re

from taskmatrix.model.resplist import LABEL_RE, parse_responsibility, split_lead_rule, split_top_level
from taskmatrix.model.units import UnitRegistry

_DEADLINE_LABEL = re.compile(r"[；;，,]?\s*(?:完成时限|完成时间|时间节点|时限要求|时限)\s*[:：]\s*(.*?)\s*$")
_SPLIT_UNIT = re.compile(r"^（([^（）]{1,2})）(.+）)$")
_PIECES = re.compile(r"[、，,；;]")
# What may follow the closing parenthesis: a full stop, a footnote mark.
_TRAILER = re.compile(r"）[。；;，,.\s]*(?:[0-9¹²³⁰-⁹]{1,2}|\[\d{1,2}\]|［\d{1,2}］)?[。；;，,.\s]*$")
#: A clause of a units parenthesis that is a deadline: ``2023年底前完成``, ``持续推进``.
_DEADLINE_PIECE = re.compile(r"^\s*(?:(?:19|20)\d\d\s*年.{0,20}|(?:\d{1,2}月底?前.*)|持续推进|长期坚持|"
                             r"持续实施|长期推进|常态化推进|持续开展|长期实施|逐年推进|分年度推进|\d{4}[-—–~至]\d{4}年.*)\s*$")


def inline_label(text: str) -> tuple[str | None, str]:
    """``…。牵头单位：X；配合单位：Y`` at the end of an item's text."""
    period = text.rfind("。")
    match = LABEL_RE.search(text, period + 1 if period >= 0 else 0)
    if match is None or (period < 0 and match.start() > 0 and text[match.start() - 1] not in "；;，, "):
        return None, text
    return text[match.start():].rstrip("。"), text[: match.start()].rstrip("；;，, ")


def split_responsibility(text: str, registry: UnitRegistry) -> tuple[str | None, str]:
    """Take the closing responsibility parenthesis off a task's text: (its content, the rest);
    (None, text) when the text does not end with one. A parenthesis just before it that holds
    a deadline (``（2023年底前完成）（X负责）``) or more units joins it."""
    content, before = _closing_parenthesis(text, registry)
    if content is None or not before.endswith("）"):
        return content, before
    inner, rest = _closing_parenthesis(before, registry)
    if inner is not None:
        return inner + "；" + content, rest
    last_open = before.rfind("（")
    if last_open >= 0 and _DEADLINE_PIECE.match(before[last_open + 1:-1]):
        return content + "；完成时限：" + before[last_open + 1:-1], before[:last_open].rstrip()
    return content, before


def _closing_parenthesis(text: str, registry: UnitRegistry) -> tuple[str | None, str]:
    stripped = _TRAILER.sub("）", text.rstrip()) if not text.endswith("）") else text.rstrip()
    if stripped.endswith("】") and "【" in stripped:  # ``【牵头单位：X】``
        open_at = stripped.rfind("【")
        content = stripped[open_at + 1:-1]
        before = stripped[:open_at].rstrip()
        if _names_units(content, registry, True):
            return content, before
        return None, text
    if not stripped.endswith("）"):
        return None, text
    period = stripped.rfind("。")
    tail = stripped[period + 1:].strip() if period >= 0 else ""
    if tail.startswith("（") and tail.count("（") < tail.count("）"):
        repaired = _SPLIT_UNIT.match(tail)  # ``（省）科技厅，…）``: a unit split at the start
        if repaired:
            return repaired.group(1) + repaired.group(2)[:-1], stripped[: period + 1]
    last_open = stripped.rfind("（")
    if last_open >= 0 and "）" not in stripped[last_open + 1:-1]:  # no parenthesis inside: the usual case
        content = stripped[last_open + 1:-1]
        before = stripped[:last_open].rstrip()
        if _names_units(content, registry, not before or before.endswith(("。", "；", "！", "？"))):
            return content, before
        return None, text
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
                if _names_units(content, registry, not before or before.endswith(("。", "；", "！", "？"))):
                    return content, before
                return None, text
    return None, text


def _names_units(content: str, registry: UnitRegistry, after_sentence: bool) -> bool:
    """A closing parenthesis names units when one of them is registered, or when it follows a
    sentence and reads as a list of names (not ``（2020年底前完成）``)."""
    units, _ = split_lead_rule(content)
    if any(registry.canonical(piece) in registry for piece in _PIECES.split(units)):
        return True  # the usual case, without parsing the list
    resp = parse_responsibility(units, registry)
    names = resp.leads + resp.participants
    if any(registry.is_registered(u) for u in names):
        return True
    return after_sentence and bool(names) and not resp.unsure


def deadline_label(units: str) -> tuple[str, str]:
    """``牵头单位：X；完成时限：2020年底前`` -> (``牵头单位：X``, ``2020年底前``); also a
    deadline clause without a label at either end (``X负责，2023年底前完成``)."""
    deadline = ""
    match = _DEADLINE_LABEL.search(units)
    if match is not None:
        units, deadline = units[: match.start()], match.group(1).rstrip("）)。")
    if not _MAY_BE_DEADLINE.search(units):  # the usual list: names only
        return units, deadline
    pieces = split_top_level(units, "，,；;。")
    found: list[str] = []
    while len(pieces) > 1 and _DEADLINE_PIECE.match(pieces[-1]) and not _LABEL_START.match(pieces[-1]):
        found.insert(0, pieces.pop().strip())
    while len(pieces) > 1 and _DEADLINE_PIECE.match(pieces[0]):
        found.append(pieces.pop(0).strip())
    if found:
        units = "；".join(pieces)
        deadline = "；".join(found + ([deadline] if deadline else []))
    return units, deadline


_MAY_BE_DEADLINE = re.compile(r"\d|持续|长期|常态|逐年|分年")
_LABEL_START = re.compile(r"^\s*(?:牵头|配合|参与|责任)")

