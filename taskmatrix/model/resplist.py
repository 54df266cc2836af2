"""Parsing responsibility lists: who leads a task and who takes part.

Two entry points:

* :func:`parse_responsibility` reads the grouped form of the plan text and of a combined
  Excel column (``省发展改革委,省工业和信息化厅、省交通运输厅,大湾区内地各市``): groups are
  separated by ``,，;；``, units inside a group by ``、``. Who leads follows a *lead rule*:
  :data:`FIRST_GROUP` (the seed's convention: the first group's units lead, several of them
  jointly) or :data:`FIRST_UNIT` (the rule State Council documents state,
  ``列第一位者为牵头单位``: the first unit leads, all others take part). Explicit marks win
  over either rule: ``X牵头，Y、Z配合``, ``X（牵头）``, ``X、Y牵头负责``, and labelled forms
  ``牵头单位：X；配合单位：Y`` (also ``牵头责任单位：``/``协同责任单位：``/``责任单位：``).
  The verbs that close such a list are not part of a unit's name: ``负责``, ``按职责分工负责``,
  ``分别负责``, ``等负责``.
* :func:`parse_unit_list` reads a flat list (one Excel cell of leads or of participants),
  where every separator, line breaks included, separates units.

Names are cleaned and share affixes as :mod:`taskmatrix.model.unitnames` describes, then are
normalised through the registry. Nothing here raises on any input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from taskmatrix.model.unitnames import apply_shared_affixes, clean_items, join_compounds, shared_prefix_of
from taskmatrix.model.units import UnitRegistry

GROUP_SEPARATORS = ",，;；\n"
LIST_SEPARATORS = "、,，;；\n\r/／|"
_OPEN = "(（“"
_CLOSE = ")）”"

#: Lead rules: the first group leads (its units jointly), or the first unit leads.
FIRST_GROUP = "first_group"
FIRST_UNIT = "first_unit"

_LEAD_LABELS = ("牵头组织实施单位", "牵头责任单位", "责任牵头单位", "牵头单位", "牵头部门", "主责单位", "牵头")
_PART_LABELS = ("协同责任单位", "主要参加单位", "参与单位", "参加单位", "配合单位", "协办单位", "配合部门",
                "参与部门", "协同单位", "协作单位", "配合", "参与", "协办")
_RESP_LABELS = ("责任单位", "责任部门")
LABEL_RE = re.compile("(" + "|".join(_LEAD_LABELS + _PART_LABELS + _RESP_LABELS) + r")\s*[:：]")
_LEAD_MARK_RE = re.compile(r"[(（]\s*牵头\s*[)）]\s*$")
_LEAD_SUFFIX_RE = re.compile(r"(?:等单位|等部门)?(?:共同|联合)?(?:牵头|主责)$")
_PART_SUFFIX_RE = re.compile(r"(?:等单位|等部门)?(?:配合|参与|参加|协办|协助)$")
_LEAD_ENDINGS = ("牵头", "主责")
_PART_ENDINGS = ("配合", "参与", "参加", "协办", "协助")
# ``X为牵头单位``/``Y为配合单位``: a group that names its role after the units.
_ROLE_AFTER_RE = re.compile(r"^(.+?)(?:为|是)(牵头|配合|参与|参加|协办|责任)(单位|部门)$")
# ``X会同Y负责``: X leads, Y takes part.
_TOGETHER_RE = re.compile(r"^(.+?)(?:会同|协同|联合)(.+)$")
# The verb that closes a list: ``…负责``, ``…按职责分工负责``, ``…牵头负责``.
_VERB_SUFFIX_RE = re.compile(r"(?:按职责分工|按职责|分别|共同|具体)?负责(?:落实|实施|推进)?$")
#: A lead rule stated in the text: ``列第一位者为牵头单位``, ``排在第一位的部门为牵头部门``,
#: ``列在任务分工首位的为牵头单位``.
RULE_RE = re.compile(r"(?:(?:列|排)(?:在)?[^，,。；;）)]{0,8}?(?:第一位|首位|第一)|排名第一|"
                     r"(?:第一位|第一个)(?:单位|部门)?)(?:者|的)?(?:部门|单位)?(?:为|是)牵头(?:单位|部门)")
_CARRIES_RE = re.compile(r"下同")
_UNSURE_WORDS = ("负责", "牵头", "配合", "参与", "组织", "实施", "推进", "落实")


@dataclass
class Responsibility:
    """Lead and participating units read from one responsibility list.

    ``unsure``: pieces the parser kept as unit names but that do not look like one (too long,
    digits, a verb inside), for the import report.
    """

    leads: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)

    def unknown(self, registry: UnitRegistry) -> list[str]:
        return [u for u in self.leads + self.participants if not registry.is_registered(u)]


@dataclass(frozen=True)
class StatedRule:
    """A lead rule sentence found in a responsibility list."""

    text: str
    carries: bool  # ``下同``: it holds for the lists that follow too


def split_lead_rule(text: str) -> tuple[str, StatedRule | None]:
    """Take a stated lead rule off a list: ``人社部、财政部负责。列第一位者为牵头单位，下同``
    -> (``人社部、财政部负责``, the rule). Lists without one come back as they were."""
    match = RULE_RE.search(text)
    if match is None:
        if text.endswith("下同"):
            return text[:-2].rstrip("，,；;。 "), None
        return text, None
    head = text[: match.start()].rstrip("，,；;。 ")
    tail = text[match.start():]
    carries = bool(_CARRIES_RE.search(tail))
    if head.endswith("下同"):  # ``…负责，下同，列第一位者为牵头单位``
        head, carries = head[:-2].rstrip("，,；;。 "), True
    rule = StatedRule(tail.strip("，,；;。 "), carries)
    return head, rule


_SPLITTERS: dict[str, re.Pattern[str]] = {}


_PAREN = re.compile("[（()）“”]")


def _has_paren(text: str) -> bool:
    return _PAREN.search(text) is not None


def split_top_level(text: str, separators: str) -> list[str]:
    """Split ``text`` on ``separators`` outside parentheses (and “quotes”); unbalanced closers
    are kept.

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


def join_units(names: Iterable[str], registry: UnitRegistry | None = None) -> str:
    """Names joined by ``、`` for one cell; a name that holds a separator itself
    (``省科技厅、省财政厅联合办``) is put in “quotes”, so it reads back as one unit, unless the
    registry knows it as one (``各区、县级市``)."""
    return "、".join(f"“{n}”" if _SEPARATOR_IN.search(n) and not (registry and registry.knows(n)) else n
                    for n in names)


_SEPARATOR_IN = re.compile("[" + re.escape(LIST_SEPARATORS) + "]")


def unquote_unit(name: str) -> str:
    """A name :func:`join_units` quoted, without its quotes."""
    if len(name) > 2 and name[0] == "“" and name[-1] == "”" and "”" not in name[1:-1]:
        return name[1:-1]
    return name


def parse_unit_list(text: str, registry: UnitRegistry) -> list[str]:
    """A flat list of units: every separator (and a line break) separates two units."""
    if not text:
        return []
    if "牵头" in text:  # ``省科技厅（牵头）``, ``（列第一位者为牵头单位）``: marks, not names
        text = _CELL_MARKS.sub("", text)
    return _dedupe(_names(split_top_level(text, LIST_SEPARATORS), registry))


_CELL_MARKS = re.compile(r"[（(]\s*(?:牵头(?:单位|部门)?|[^（）()]{0,20}为牵头(?:单位|部门)[^（）()]{0,10})\s*[)）]")


def _names(pieces: list[str], registry: UnitRegistry, prefix: str = "") -> list[str]:
    """Pieces of a list -> registered (or cleaned) unit names, in order; ``prefix``: a shared
    prefix an earlier group set."""
    items = clean_items(join_compounds(pieces, registry), registry)
    return [registry.canonical(i) for i in apply_shared_affixes(items, registry, prefix)]


def parse_responsibility(text: str, registry: UnitRegistry, rule: str = FIRST_GROUP) -> Responsibility:
    """Read a grouped responsibility list under ``rule`` (see the module docstring)."""
    text = (text or "").strip()
    if not text:
        return Responsibility()
    quick = _known_units_only(text, registry, rule)
    if quick is not None:
        return quick
    if "为" in text or "是" in text:
        text = _roles_after_units(text)
    if LABEL_RE.search(text):
        result = _parse_labelled(text, registry, rule)
    else:
        result = _parse_groups(text, registry, rule)
    lead_set = set(result.leads)
    result.participants = [u for u in result.participants if u not in lead_set]
    result.unsure = [u for u in result.leads + result.participants if _looks_unsure(u, registry)]
    return result


_MARKED = re.compile(r"[：:（(“牵配参协负等]")


def _known_units_only(text: str, registry: UnitRegistry, rule: str) -> Responsibility | None:
    """The usual list, fast: registered names and aliases only, no marks or labels."""
    if _MARKED.search(text):
        return None
    lookup = registry.canonical_or_none
    leads: list[str] = []
    participants: list[str] = []
    for g, group in enumerate(text.split("，") if "," not in text and ";" not in text and "；" not in text
                              and "\n" not in text else split_top_level(text, GROUP_SEPARATORS)):
        for piece in group.split("、"):
            name = lookup(piece)
            if name is None:
                return None
            if (g == 0 if rule == FIRST_GROUP else not leads):
                leads.append(name)
            else:
                participants.append(name)
    leads = list(dict.fromkeys(leads))
    lead_set = set(leads)
    return Responsibility(leads, [u for u in dict.fromkeys(participants) if u not in lead_set])


def _looks_unsure(name: str, registry: UnitRegistry) -> bool:
    if name in registry:
        return False
    return (len(name) > (80 if name.isascii() else 25) or any(ch.isdigit() for ch in name)
            or any(ch in name for ch in "。？！：") or any(word in name[1:] for word in _UNSURE_WORDS))


def _parse_labelled(text: str, registry: UnitRegistry, rule: str) -> Responsibility:
    matches = list(LABEL_RE.finditer(text))
    labels = [m.group(1) for m in matches]
    has_lead_label = any(label in _LEAD_LABELS for label in labels)
    result = Responsibility()
    prefix = text[: matches[0].start()].strip(" ,，;；")
    if prefix:
        sub = _parse_groups(prefix, registry, rule)
        result.leads += sub.leads
        result.participants += sub.participants
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        content = _VERB_SUFFIX_RE.sub("", text[match.end():end].strip(" ,，;；。\n"))
        label = match.group(1)
        if label in _LEAD_LABELS:
            result.leads += _units_of(content, registry, GROUP_SEPARATORS + "、")
        elif label in _PART_LABELS or (label in _RESP_LABELS and has_lead_label):
            result.participants += _units_of(content, registry, GROUP_SEPARATORS + "、")
        else:
            sub = _parse_groups(content, registry, rule)
            result.leads += sub.leads
            result.participants += sub.participants
    result.leads = _dedupe(result.leads)
    result.participants = _dedupe(result.participants)
    return result


def _roles_after_units(text: str) -> str:
    """``X为牵头单位，Y为配合单位`` -> ``牵头单位：X；配合单位：Y``; other groups as they are."""
    groups = split_top_level(text, "，,；;。")
    changed = False
    for i, group in enumerate(groups):
        match = _ROLE_AFTER_RE.match(group.strip())
        if match is not None and not LABEL_RE.search(group):
            groups[i] = match.group(2) + match.group(3) + "：" + match.group(1)
            changed = True
    return "；".join(g for g in groups if g.strip()) if changed else text


def _strip_verb(group: str) -> str:
    """``…按职责分工负责`` -> ``…``; ``X、Y牵头负责`` -> ``X、Y牵头`` (an explicit lead mark)."""
    if "负责" not in group or not _VERB_SUFFIX_RE.search(group):
        return group
    if group.endswith("牵头负责"):
        return group[:-2]
    return _VERB_SUFFIX_RE.sub("", group).rstrip("、，, ") or group


def _parse_groups(text: str, registry: UnitRegistry, rule: str) -> Responsibility:
    groups = [_strip_verb(g.strip()) for g in split_top_level(text, GROUP_SEPARATORS)]
    groups = [g for g in groups if g]
    marked: list[tuple[str | None, str]] = []  # (role or None, unit); ("|", "") ends a group
    any_lead_mark = False
    prefix = ""
    groups = [part for g in groups for part in _together(g, registry)]
    for group in groups:
        role: str | None = None
        if len(group) > 2 and group.endswith(_LEAD_ENDINGS) and _LEAD_SUFFIX_RE.search(group):
            role, group = "lead", _LEAD_SUFFIX_RE.sub("", group)
        elif len(group) > 2 and group.endswith(_PART_ENDINGS) and _PART_SUFFIX_RE.search(group):
            role, group = "part", _PART_SUFFIX_RE.sub("", group)
        pieces = split_top_level(group, "、")
        roles: list[str | None] = []
        for i, raw in enumerate(pieces):
            item_role = role
            if "牵头" in raw and _LEAD_MARK_RE.search(raw):
                item_role, pieces[i] = "lead", _LEAD_MARK_RE.sub("", raw)
            elif len(pieces) > 1 and len(raw) > 3 and raw.endswith(_LEAD_ENDINGS) and raw not in registry:
                item_role, pieces[i] = "lead", _LEAD_SUFFIX_RE.sub("", raw)  # ``X牵头、Y配合``
            elif (len(pieces) > 1 and i < len(pieces) - 1 and len(raw) > 3 and raw.endswith(_PART_ENDINGS)
                  and raw not in registry):
                item_role, pieces[i] = "part", _PART_SUFFIX_RE.sub("", raw)
            roles.append(item_role)
        if "lead" in roles:
            any_lead_mark = True
        if any(r != role for r in roles):  # marks on single items: keep them with their item
            names: list[str] = []
            for r, piece in zip(roles, pieces):
                found = _names([piece], registry, prefix)
                names += found
                marked.extend((r, name) for name in found)
        else:
            names = _names(pieces, registry, prefix)
            marked.extend((role, name) for name in names)
        prefix = shared_prefix_of(names, registry) or prefix
        marked.append(("|", ""))
    result = Responsibility()
    if any_lead_mark:
        for role, unit in marked:
            if role == "lead":
                result.leads.append(unit)
            elif role != "|":
                result.participants.append(unit)
    elif rule == FIRST_UNIT:
        for role, unit in marked:
            if role == "|":
                continue
            if role != "part" and not result.leads:
                result.leads.append(unit)
            else:
                result.participants.append(unit)
    else:
        in_first_group = True
        for role, unit in marked:
            if role == "|":
                if result.leads:
                    in_first_group = False
                continue
            if role == "part" or not in_first_group:
                result.participants.append(unit)
            else:
                result.leads.append(unit)
    result.leads = _dedupe(result.leads)
    result.participants = _dedupe(result.participants)
    return result


def _together(group: str, registry: UnitRegistry) -> list[str]:
    """``X会同Y`` -> [``X牵头``, ``Y配合``] when X names a unit; other groups as they are."""
    if "会同" not in group and "协同" not in group and "联合" not in group:
        return [group]
    match = _TOGETHER_RE.match(group)
    if match is None or registry.canonical(group) in registry:
        return [group]
    lead, rest = match.group(1), _PART_SUFFIX_RE.sub("", match.group(2))
    if not lead or not rest or lead.endswith(("共同", "等")):
        return [group]
    return [lead + "牵头", rest + "配合"]


def _units_of(content: str, registry: UnitRegistry, separators: str) -> list[str]:
    return _names(split_top_level(content, separators), registry)


def has_group_separator(text: str) -> bool:
    """True when a list separates groups (``,，;；``) at its top level, not only units."""
    return len(split_top_level(text, GROUP_SEPARATORS)) > 1


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
