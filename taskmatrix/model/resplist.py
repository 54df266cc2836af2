"""Parsing responsibility lists: who leads a task and who takes part.

Two entry points:

* :func:`parse_responsibility` reads the grouped form of the plan text and of a combined
  Excel column (``省发展改革委,省工业和信息化厅、省交通运输厅,大湾区内地各市``): groups are
  separated by ``,，;；``, units inside a group by ``、``; the first group holds the lead
  unit(s). Also ``X牵头，Y、Z配合``, ``X（牵头）``, labelled ``牵头单位：X；参与单位：Y``,
  a trailing ``等``, nested parentheses and a shared ``市`` suffix.
* :func:`parse_unit_list` reads a flat list (one Excel cell of leads or of participants),
  where every separator, line breaks included, separates units.

Both normalise names through the registry and never raise on any input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from taskmatrix.model.units import CITY_CATEGORY, UnitRegistry, clean_unit_name

GROUP_SEPARATORS = ",，;；\n"
LIST_SEPARATORS = "、,，;；\n\r/／|"
_OPEN = "(（"
_CLOSE = ")）"

_LEAD_LABELS = ("牵头组织实施单位", "牵头单位", "牵头部门")
_PART_LABELS = ("主要参加单位", "参与单位", "参加单位", "配合单位", "协办单位", "配合部门", "参与部门")
_RESP_LABELS = ("责任单位", "责任部门")
_LABEL_RE = re.compile(
    "(" + "|".join(_LEAD_LABELS + _PART_LABELS + _RESP_LABELS) + r")\s*[:：]"
)
_LEAD_MARK_RE = re.compile(r"[(（]\s*牵头\s*[)）]\s*$")
_LEAD_SUFFIX_RE = re.compile(r"(?:等单位|等部门)?牵头$")
_PART_SUFFIX_RE = re.compile(r"(?:等单位|等部门)?(?:配合|参与|参加|协办)$")
_TRAILING_ETC_RE = re.compile(r"等(?:单位|部门|有关单位|相关单位)?$")
# Endings of agency names: an item ending so never takes a shared city suffix.
_AGENCY_ENDINGS = tuple("厅局委办部院会行署处室司所站团府校队组社馆") + ("中心", "分行", "支行")
_SHARED_SUFFIXES = ("市", "区", "县")


@dataclass
class Responsibility:
    """Lead and participating units read from one responsibility list."""

    leads: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)

    def unknown(self, registry: UnitRegistry) -> list[str]:
        return [u for u in self.leads + self.participants if not registry.is_registered(u)]


_SPLITTERS: dict[str, re.Pattern[str]] = {}


def _has_paren(text: str) -> bool:
    return "（" in text or "(" in text or "）" in text or ")" in text


def split_top_level(text: str, separators: str) -> list[str]:
    """Split ``text`` on ``separators`` outside parentheses; unbalanced closers are kept.

    Splits on every separator first, then joins back the pieces that fall inside
    parentheses; only pieces with a parenthesis are looked at character by character
    (a large workbook has some 100,000 such cells).
    """
    splitter = _SPLITTERS.get(separators)
    if splitter is None:
        splitter = _SPLITTERS[separators] = re.compile("([" + re.escape(separators) + "])")
    pieces = splitter.split(text)  # text, separator, text, separator, ..., text
    if not _has_paren(text):
        return pieces[::2]
    parts: list[str] = []
    depth = 0
    current = ""
    for i in range(0, len(pieces), 2):
        piece = pieces[i]
        current = current + pieces[i - 1] + piece if depth > 0 else piece
        if _has_paren(piece):
            for ch in piece:
                if ch in _OPEN:
                    depth += 1
                elif ch in _CLOSE:
                    depth = max(0, depth - 1)
        if depth == 0:
            parts.append(current)
    if depth > 0:
        parts.append(current)
    return parts


def parse_unit_list(text: str, registry: UnitRegistry) -> list[str]:
    """A flat list of units: every separator (and a line break) separates two units."""
    if not text:
        return []
    items = _clean_items(split_top_level(text, LIST_SEPARATORS), registry)
    items = _apply_shared_suffix([i for i in items if i], registry)
    return _dedupe(registry.canonical(i) for i in items)


def _clean_items(raw: list[str], registry: UnitRegistry) -> list[str]:
    out = []
    for item in raw:
        stripped = item.strip()
        # Fast path: most lists hold registered names as they are.
        out.append(stripped if registry.is_registered(stripped) else _clean_item(item))
    return out


def parse_responsibility(text: str, registry: UnitRegistry) -> Responsibility:
    """Read a grouped responsibility list (see the module docstring)."""
    text = (text or "").strip()
    if not text:
        return Responsibility()
    if _LABEL_RE.search(text):
        result = _parse_labelled(text, registry)
    else:
        result = _parse_groups(text, registry)
    lead_set = set(result.leads)
    result.participants = [u for u in result.participants if u not in lead_set]
    return result


def _parse_labelled(text: str, registry: UnitRegistry) -> Responsibility:
    matches = list(_LABEL_RE.finditer(text))
    labels = [m.group(1) for m in matches]
    has_lead_label = any(label in _LEAD_LABELS for label in labels)
    result = Responsibility()
    prefix = text[: matches[0].start()].strip(" ,，;；")
    if prefix:
        sub = _parse_groups(prefix, registry)
        result.leads += sub.leads
        result.participants += sub.participants
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        content = text[match.end():end].strip(" ,，;；\n")
        label = match.group(1)
        if label in _LEAD_LABELS:
            result.leads += _units_of(content, registry, GROUP_SEPARATORS + "、")
        elif label in _PART_LABELS or (label in _RESP_LABELS and has_lead_label):
            result.participants += _units_of(content, registry, GROUP_SEPARATORS + "、")
        else:
            sub = _parse_groups(content, registry)
            result.leads += sub.leads
            result.participants += sub.participants
    result.leads = _dedupe(result.leads)
    result.participants = _dedupe(result.participants)
    return result


def _parse_groups(text: str, registry: UnitRegistry) -> Responsibility:
    groups = [g.strip() for g in split_top_level(text, GROUP_SEPARATORS)]
    groups = [g for g in groups if g]
    marked: list[tuple[str | None, list[str]]] = []  # (role or None, units)
    any_lead_mark = False
    for group in groups:
        role: str | None = None
        if len(group) > 2 and group.endswith("牵头") and _LEAD_SUFFIX_RE.search(group):
            role, group = "lead", _LEAD_SUFFIX_RE.sub("", group)
        elif len(group) > 2 and group.endswith(("配合", "参与", "参加", "协办")) and _PART_SUFFIX_RE.search(group):
            role, group = "part", _PART_SUFFIX_RE.sub("", group)
        raw_items = split_top_level(group, "、")
        items: list[tuple[str | None, str]] = []
        for raw in raw_items:
            item_role = role
            if "牵头" in raw and _LEAD_MARK_RE.search(raw):
                item_role, raw = "lead", _LEAD_MARK_RE.sub("", raw)
            items.append((item_role, raw))
        if any(r == "lead" for r, _ in items):
            any_lead_mark = True
        texts = _clean_items([raw for _, raw in items], registry)
        cleaned = [(r, c) for (r, _), c in zip(items, texts) if c]
        names = _apply_shared_suffix([c for _, c in cleaned], registry)
        for (r, _), name in zip(cleaned, names):
            marked.append((r, [registry.canonical(name)]))
        # Remember group boundaries for the first-group rule.
        marked.append(("|", []))
    result = Responsibility()
    if any_lead_mark:
        for role, units in marked:
            if role == "lead":
                result.leads += units
            elif role != "|":
                result.participants += units
    else:
        in_first_group = True
        for role, units in marked:
            if role == "|":
                if result.leads:
                    in_first_group = False
                continue
            if role == "part":
                result.participants += units
            elif in_first_group:
                result.leads += units
            else:
                result.participants += units
    result.leads = _dedupe(result.leads)
    result.participants = _dedupe(result.participants)
    return result


def _units_of(content: str, registry: UnitRegistry, separators: str) -> list[str]:
    items = _clean_items(split_top_level(content, separators), registry)
    items = _apply_shared_suffix([i for i in items if i], registry)
    return [registry.canonical(i) for i in items]


def _clean_item(item: str) -> str:
    item = clean_unit_name(item).strip("、,，;；:：。.")
    # Strip a stray unbalanced parenthesis left over from extraction.
    if item.count("（") < item.count("）") and item.endswith("）"):
        item = item[:-1]
    if item.count("（") > item.count("）") and item.startswith("（"):
        item = item[1:]
    if len(item) > 1:
        item = _TRAILING_ETC_RE.sub("", item) or item
    return item


def _apply_shared_suffix(items: list[str], registry: UnitRegistry) -> list[str]:
    """``广州、深圳、珠海市`` -> ``广州市、深圳市、珠海市``."""
    if len(items) < 2:
        return items
    last = items[-1]
    suffix = next((s for s in _SHARED_SUFFIXES if last.endswith(s) and len(last) > len(s)), None)
    if suffix is None:
        return items
    out = []
    for item in items[:-1]:
        candidate = item + suffix
        if (
            not item.endswith(suffix)
            and not registry.is_registered(item)
            and (
                registry.category(registry.canonical(candidate)) == CITY_CATEGORY
                or (len(item) <= 3 and _is_cjk(item) and not item.endswith(_AGENCY_ENDINGS))
            )
        ):
            out.append(candidate)
        else:
            out.append(item)
    out.append(last)
    return out


def _is_cjk(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
