"""Unit names inside a list: cleaning one item, and the affixes items share.

Plans abbreviate lists of units the way people write them:

* a shared suffix: ``广州、深圳、珠海市`` (广州市, 深圳市, 珠海市), also a long one:
  ``广州、深圳、珠海出入境边防检查总站`` (three stations);
* a shared prefix: ``省发展改革委、科技厅、农业农村厅`` (省科技厅, 省农业农村厅), where the
  registry knows the prefixed name;
* collective names that contain ``、`` and are one unit: ``各区、县级市``, and any registered
  name or alias with ``、`` in it;
* ``X等有关部门`` (X, and 有关部门 as a unit of its own) and a trailing ``等``.

Pure Python, no Qt; nothing here raises on any input.
"""

from __future__ import annotations

import re

from taskmatrix.model.units import CITY_CATEGORY, UnitRegistry, clean_unit_name

#: Endings of agency names: an item ending so is a name of its own, never a bare head.
AGENCY_ENDINGS = tuple("厅局委办部院会行署处室司所站团府校队组社馆") + ("中心", "分行", "支行", "总台", "集团")
#: Endings a shared suffix may have (an agency's, or an administrative area's).
_SUFFIX_ENDINGS = AGENCY_ENDINGS + tuple("市区县州盟旗镇关") + ("部门", "单位", "机构")
#: Administrative levels that follow ``各X、`` in a collective name (``各区、县级市``).
_ADMIN_LEVELS = frozenset({"区", "县", "市", "县级市", "县区", "镇", "乡", "乡镇", "街道", "自治县", "旗",
                           "自治区", "直辖市", "县（市、区）", "市（县、区）", "区（县）"})
#: Prefixes a list's names share, longest first (``省委组织部、宣传部``: 省委宣传部).
_PREFIXES = ("省委", "市委", "省", "市", "区", "县")
_TRAILING_ETC = re.compile(r"等(?:单位|部门)?$")
# ``商务部等有关部门``: the collective after 等 is a unit of its own.
_ETC_COLLECTIVE = re.compile(r"^(.+?)等((?:有关|相关|其他|其它)[\u4e00-\u9fff（）]*)$")
# ``广州、深圳、珠海等市``: the list's shared ending after 等.
_ETC_ENDING = re.compile(r"^(.{2,4})等(市|地市|区|县)$")
_WEAK_HEADS = ("各", "有关", "相关", "其他", "其它", "省", "市")


def clean_item(item: str) -> str:
    """One unit name as written: no whitespace, full-width parentheses, no stray punctuation."""
    item = clean_unit_name(item).strip("、,，;；:：。.")
    if item[:1] == "“" and item[-1:] == "”" and "”" not in item[1:-1]:  # a name quoted for its 、
        return item[1:-1]
    # Strip a stray unbalanced parenthesis left over from extraction.
    if item.count("（") < item.count("）") and item.endswith("）"):
        item = item[:-1]
    if item.count("（") > item.count("）") and item.startswith("（"):
        item = item[1:]
    if len(item) > 1:
        item = _TRAILING_ETC.sub("", item) or item
    return item


def clean_items(raw: list[str], registry: UnitRegistry) -> list[str]:
    """Clean every item; ``X等有关部门`` becomes two items; empty items go."""
    out: list[str] = []
    for piece in raw:
        stripped = piece.strip()
        # Fast path: most lists hold registered names as they are.
        item = stripped if registry.is_registered(stripped) else clean_item(piece)
        if not item:
            continue
        if "等" in item and item not in registry:
            match = _ETC_COLLECTIVE.match(item)
            if match:
                out.extend(part for part in (clean_item(match.group(1)), match.group(2)) if part)
                continue
            ending = _ETC_ENDING.match(item)
            if ending:
                out.append(ending.group(1) + ending.group(2)[-1])
                continue
        if len(item) >= 4 and not registry.knows(item):
            out.extend(split_joined(item, registry))
            continue
        out.append(item)
    return out


_JOINERS = "和及与"
_JOINED_MAX = 60


def split_joined(item: str, registry: UnitRegistry) -> list[str]:
    """Registered names written together: joined by 和/及/与 (``省科技厅和省教育厅``) or glued
    without a separator (``省发展改革委省科技厅``); split only where every part is a known
    name, else ``[item]`` (``工业和信息化部`` stays whole)."""
    found = registry.memo.get(item)
    if found is None:
        found = _split_joined(item, registry) if len(item) <= _JOINED_MAX else [item]
        registry.memo[item] = found
    return found


def _split_joined(item: str, registry: UnitRegistry) -> list[str]:
    knows = registry.knows
    for i, ch in enumerate(item):
        if ch in _JOINERS and 0 < i < len(item) - 1:
            left, right = item[:i], item[i + 1:]
            if knows(left):
                rest = [right] if knows(right) else _split_joined(right, registry)
                if all(knows(part) for part in rest):
                    return [left] + rest
    # Glued names: the segmentation into known names with the fewest parts.
    if not any(knows(item[:n]) for n in range(2, len(item) - 1)):
        return [item]
    best: list[list[str] | None] = [None] * (len(item) + 1)
    best[0] = []
    for end in range(2, len(item) + 1):
        for start in range(max(0, end - 30), end - 1):
            head = best[start]
            if head is not None and knows(item[start:end]):
                if best[end] is None or len(head) + 1 < len(best[end] or ()):
                    best[end] = head + [item[start:end]]
    whole = best[len(item)]
    return whole if whole is not None and len(whole) > 1 else [item]


def join_compounds(pieces: list[str], registry: UnitRegistry) -> list[str]:
    """Put back together the pieces of a name that contains ``、`` (split on it)."""
    if len(pieces) < 2:
        return pieces
    compounds = registry.compound_names()
    if not compounds and "各" not in "".join(pieces):
        return pieces
    out: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i].strip()
        whole = compounds.get(clean_unit_name(piece)) if compounds else None
        if whole is not None:
            parts = whole.split("、")
            cleaned = [clean_unit_name(p) for p in pieces[i:i + len(parts)]]
            if cleaned == parts:
                out.append(whole)
                i += len(parts)
                continue
        if piece.startswith("各") and len(piece) <= 3 and i + 1 < len(pieces):
            j = i + 1
            while j < len(pieces) and clean_unit_name(pieces[j]) in _ADMIN_LEVELS:
                j += 1
            if j > i + 1:
                out.append("、".join(clean_unit_name(p) for p in pieces[i:j]))
                i = j
                continue
        out.append(pieces[i])
        i += 1
    return out


def apply_shared_affixes(items: list[str], registry: UnitRegistry, prefix: str = "") -> list[str]:
    """Shared prefixes and suffixes (see the module docstring); ``prefix``: the one an earlier
    group of the same list set (``省发展改革委，科技厅``)."""
    if all(item in registry for item in items) or (len(items) < 2 and not prefix):
        return items
    return _shared_suffix(_shared_prefix(items, registry, prefix), registry)


def shared_prefix_of(names: list[str], registry: UnitRegistry) -> str:
    """The prefix (省, 市…) of the last registered name in ``names`` that has one, else ""."""
    for name in reversed(names):
        if name[:1] in _PREFIXES and name in registry:
            return _prefix_of(name)
    return ""


def _prefix_of(name: str) -> str:
    return next(p for p in _PREFIXES if name.startswith(p))


def _shared_prefix(items: list[str], registry: UnitRegistry, prefix: str = "") -> list[str]:
    """``省发展改革委、科技厅`` -> ``省发展改革委、省科技厅`` when the registry knows 省科技厅."""
    out: list[str] = []
    for item in items:
        if item[:1] in _PREFIXES and item in registry:
            prefix = _prefix_of(item)
        elif prefix and not item.startswith(prefix[0]) and item not in registry:
            for head in (prefix, prefix[0]) if len(prefix) > 1 else (prefix,):
                candidate = registry.canonical(head + item)
                if candidate in registry:
                    item = candidate
                    break
        out.append(item)
    return out


def _shared_suffix(items: list[str], registry: UnitRegistry) -> list[str]:
    """``广州、深圳、珠海市`` and ``广州、深圳、珠海出入境边防检查总站``: bare heads before the
    last item take the last item's ending."""
    if len(items) < 2:
        return items
    last = items[-1]
    bare = [i for i, item in enumerate(items[:-1]) if _is_bare_head(item, registry)]
    if not bare:
        return items
    head_len = _head_length(last, [items[i] for i in bare], registry)
    if head_len is None:
        return items
    suffix = last[head_len:]
    out = list(items)
    for i in bare:
        candidate = items[i] + suffix
        canonical = registry.canonical(candidate)
        if (suffix in ("市", "区", "县") and registry.category(canonical) != CITY_CATEGORY
                and canonical not in registry and not _is_cjk(items[i])):
            continue
        out[i] = canonical if canonical in registry else candidate
    return out


def _is_bare_head(item: str, registry: UnitRegistry) -> bool:
    """A short place name waiting for the list's shared ending (广州, 东城)."""
    return (2 <= len(item) <= 3 and _is_cjk(item) and item not in registry
            and not item.endswith(AGENCY_ENDINGS) and not item.startswith(_WEAK_HEADS))


def _head_length(last: str, heads: list[str], registry: UnitRegistry) -> int | None:
    """How much of the last item is its own place name (the rest is the shared ending)."""
    if len(last) < 3 or last.startswith(_WEAK_HEADS):
        return None
    common = max({len(h) for h in heads}, key=lambda n: sum(len(h) == n for h in heads))

    def names_a_city(n: int) -> bool:
        return registry.category(registry.canonical(last[:n] + "市")) == CITY_CATEGORY

    for n in sorted((2, 3), key=lambda n: (not names_a_city(n), n != common)):
        head, suffix = last[:n], last[n:]
        if suffix and _is_cjk(head) and suffix.endswith(_SUFFIX_ENDINGS) and not head.endswith(AGENCY_ENDINGS):
            return n
    return None


def _is_cjk(text: str) -> bool:
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)
