"""The numbers Word generates for numbered paragraphs (automatic numbering), as text.

A paragraph numbered by Word carries ``<w:numPr>`` (its list, ``numId``, and level,
``ilvl``), directly or through its style; the list's abstract definition gives each level a
start value, a number format (``decimal``, ``chineseCounting``…) and a text pattern such as
``%1.``, ``（%1）`` or ``%1、``. Counting runs through the document: a level counts on, the
levels below it restart, and ``<w:lvlOverride><w:startOverride>`` restarts a list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from taskmatrix.model.plan import chinese_numeral

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
_CHINESE = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
            "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographLegalTraditional",
            "koreanCounting", "chineseLegal"}
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (0-based) level; None = the level above
    legal: bool = False  # isLgl: every level's number shown as a decimal


@dataclass
class Numbering:
    """Counters over a document's lists; :meth:`label` gives each paragraph its number."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> level
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    style_numbers: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId -> ilvl -> value
    started: set[str] = field(default_factory=set)  # numIds whose overrides were applied
    used: int = 0

    @classmethod
    def of(cls, document: Any) -> Numbering:
        numbering = cls()
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            part = None
        if part is not None:
            numbering._read_definitions(part.element)
        try:
            styles = document.part.styles.element
        except (KeyError, AttributeError):
            styles = None
        if styles is not None:
            numbering._read_styles(styles)
        return numbering

    def _read_definitions(self, root: Any) -> None:
        for abstract in root.iterchildren(_W + "abstractNum"):
            aid = abstract.get(_W + "abstractNumId")
            levels: dict[int, _Level] = {}
            for lvl in abstract.iterchildren(_W + "lvl"):
                level = _Level()
                for child in lvl.iterchildren():
                    tag, value = child.tag, child.get(_VAL)
                    if tag == _W + "start" and value is not None and value.lstrip("-").isdigit():
                        level.start = int(value)
                    elif tag == _W + "numFmt" and value:
                        level.fmt = value
                    elif tag == _W + "lvlText" and value is not None:
                        level.text = value
                    elif tag == _W + "lvlRestart" and value is not None and value.isdigit():
                        level.restart = int(value) - 1
                    elif tag == _W + "isLgl":
                        level.legal = value not in ("0", "false")
                levels[_int(lvl.get(_W + "ilvl"))] = level
            if aid is not None:
                self.levels[aid] = levels
        for num in root.iterchildren(_W + "num"):
            nid = num.get(_W + "numId")
            ref = num.find(_W + "abstractNumId")
            if nid is None or ref is None:
                continue
            self.abstract_of[nid] = ref.get(_VAL) or ""
            for override in num.iterchildren(_W + "lvlOverride"):
                start = override.find(_W + "startOverride")
                if start is not None and (start.get(_VAL) or "").isdigit():
                    self.overrides.setdefault(nid, {})[_int(override.get(_W + "ilvl"))] = int(start.get(_VAL))

    def _read_styles(self, root: Any) -> None:
        based_on: dict[str, str] = {}
        for style in root.iterchildren(_W + "style"):
            sid = style.get(_W + "styleId")
            if sid is None:
                continue
            parent = style.find(_W + "basedOn")
            if parent is not None and parent.get(_VAL):
                based_on[sid] = parent.get(_VAL) or ""
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                nid = num_pr.find(_W + "numId")
                lvl = num_pr.find(_W + "ilvl")
                if nid is not None and nid.get(_VAL):
                    self.style_numbers[sid] = (nid.get(_VAL) or "", _int(lvl.get(_VAL) if lvl is not None else "0"))
        for sid in list(based_on):  # styles inherit their parent's numbering
            seen, current = set(), sid
            while current not in self.style_numbers and current in based_on and current not in seen:
                seen.add(current)
                current = based_on[current]
            if current in self.style_numbers and sid not in self.style_numbers:
                self.style_numbers[sid] = self.style_numbers[current]

    def label(self, p: Any) -> str:
        """The number Word shows before paragraph ``p`` (``""`` when it has none); counts it."""
        found = self._num_pr(p)
        if found is None:
            return ""
        nid, ilvl = found
        aid = self.abstract_of.get(nid)
        levels = self.levels.get(aid or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(aid or "", {})
        if nid not in self.started:
            self.started.add(nid)
            for overridden, start in self.overrides.get(nid, {}).items():
                counters[overridden] = start - 1
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""  # a bullet is no number
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or restart >= ilvl:
                del counters[deeper]
        text = level.text
        for k in range(9):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                lv = levels.get(k, _Level())
                fmt = "decimal" if level.legal and lv.fmt != "none" else lv.fmt
                text = text.replace(placeholder, _format(counters.get(k, lv.start), fmt))
        if not text.strip():
            return ""
        self.used += 1
        return text

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        ppr = p.find(_W + "pPr")
        if ppr is None:
            return None
        num_pr = ppr.find(_W + "numPr")
        if num_pr is not None:
            nid = num_pr.find(_W + "numId")
            lvl = num_pr.find(_W + "ilvl")
            if nid is not None and nid.get(_VAL) not in (None, "0"):
                return nid.get(_VAL) or "", _int(lvl.get(_VAL) if lvl is not None else "0")
            if nid is not None:
                return None  # numId 0: numbering switched off for this paragraph
        style = ppr.find(_W + "pStyle")
        if style is not None and style.get(_VAL) in self.style_numbers:
            return self.style_numbers[style.get(_VAL) or ""]
        return None


def _format(value: int, fmt: str) -> str:
    if fmt in _CHINESE:
        return chinese_numeral(value)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(value).translate(_FULLWIDTH)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt.startswith("decimalEnclosed"):
        return str(value)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "ideographZodiac" or fmt == "ideographEnclosedCircle":
        return _HEAVENLY_STEMS[(value - 1) % 10]
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out


def _int(text: str | None) -> int:
    return int(text) if text is not None and text.isdigit() else 0
