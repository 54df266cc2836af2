"""The unit registry: registered unit names, categories, aliases and city groups.

A plan carries its own :class:`UnitRegistry` (a copy of the default one from
``resources/units.csv``, edited by the user through the unit management dialog).
Unit names written in a plan are normalised through :meth:`UnitRegistry.canonical`;
names that are not registered are kept as written and reported as unknown.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources

# Categories in the order the per-agency view shows them: the Guangdong registry's, then the
# central registry's (``resources/units_central.csv``, for national plans).
PROVINCIAL_CATEGORIES: tuple[str, ...] = (
    "省委部门",
    "省政府部门",
    "中直驻粤单位",
    "司法机关",
    "群团组织",
    "地级以上市",
    "城市组",
)
CENTRAL_CATEGORIES: tuple[str, ...] = (
    "党中央部门",
    "国务院组成部门",
    "国务院直属特设机构",
    "国务院直属机构",
    "国务院办事机构",
    "国务院直属事业单位",
    "国务院部委管理的国家局",
    "司法机关",
    "人民团体",
    "中央企业",
    "地方和统称",
)
CATEGORIES: tuple[str, ...] = PROVINCIAL_CATEGORIES + tuple(
    c for c in CENTRAL_CATEGORIES if c not in PROVINCIAL_CATEGORIES)
CITY_CATEGORY = "地级以上市"
GROUP_CATEGORY = "城市组"
#: Label used in files for units that are used by a plan but not registered.
UNREGISTERED_LABEL = "未登记"

# The 21 prefecture-level cities of Guangdong, in official order.
CITIES: tuple[str, ...] = (
    "广州市", "深圳市", "珠海市", "汕头市", "佛山市", "韶关市", "河源市",
    "梅州市", "惠州市", "汕尾市", "东莞市", "中山市", "江门市", "阳江市",
    "湛江市", "茂名市", "肇庆市", "清远市", "潮州市", "揭阳市", "云浮市",
)
PRD_NINE: tuple[str, ...] = (
    "广州市", "深圳市", "珠海市", "佛山市", "惠州市", "东莞市", "中山市", "江门市", "肇庆市",
)
#: ``广州市人民政府``, ``广州市政府``…: the city answers through its government.
GOVERNMENT_ENDINGS = ("人民政府", "政府", "党委和政府", "党委、政府", "委、市政府", "委市政府")
#: Built-in membership of the registered city groups (FORMATS.md "Cities and city groups").
DEFAULT_GROUP_MEMBERS: dict[str, tuple[str, ...]] = {
    "大湾区内地各市": PRD_NINE,
    "珠三角九市": PRD_NINE,
    "珠三角各市": PRD_NINE,
    "各地级以上市": CITIES,
}
CITY_ORDER: dict[str, int] = {name: i for i, name in enumerate(CITIES)}

_WS = re.compile(r"\s+")
_PAREN_MAP = str.maketrans({"(": "（", ")": "）"})


def _space(match: re.Match[str]) -> str:
    """Whitespace inside a name: one space between two Latin words (``Hong Kong Trade Council``),
    none next to a Chinese character (``省 科技厅``)."""
    text, start, end = match.string, match.start(), match.end()
    if 0 < start and end < len(text) and text[start - 1].isascii() and text[end].isascii():
        return " "
    return ""


def clean_unit_name(name: str) -> str:
    """Remove whitespace (but one space between Latin words) and use full-width parentheses, as
    unit names are written."""
    if _WS.search(name):
        name = _WS.sub(_space, name.strip())
    if "(" in name or ")" in name:
        name = name.translate(_PAREN_MAP)
    return name


@dataclass
class Unit:
    """One registered unit (an agency, a city or a city group)."""

    name: str
    category: str
    aliases: list[str] = field(default_factory=list)
    #: For city groups: the member cities, in official order.
    members: list[str] = field(default_factory=list)

    def copy(self) -> Unit:
        return Unit(self.name, self.category, list(self.aliases), list(self.members))


class UnitRegistry:
    """An ordered collection of units with alias resolution and city-group expansion."""

    def __init__(self, units: Iterable[Unit] = (), written: Iterable[str] = ()) -> None:
        #: Aliases that are recognised but not renamed (the central registry's: a plan that
        #: writes 国家发展改革委 keeps that name; see :func:`registry_for`).
        self._written: set[str] = set(written)
        self._units: list[Unit] = []
        self._by_name: dict[str, Unit] = {}
        self._lookup: dict[str, str] = {}
        self._pos: dict[str, int] | None = None
        self._city_map: dict[str, tuple[str, ...]] | None = None
        self._compounds: dict[str, str] | None = None
        #: Results worked out from the registry's names (cleared on every change), for the
        #: list parser's slow paths.
        self.memo: dict[str, list[str]] = {}
        for unit in units:
            self.add(unit)

    # -- construction -------------------------------------------------------------
    @classmethod
    def from_csv(cls, text: str, keep_written: bool = False) -> UnitRegistry:
        """Read ``name,category,aliases`` rows (aliases separated by ``;``); with
        ``keep_written`` the aliases are recognised but not renamed."""
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
        units = []
        for row in reader:
            name = clean_unit_name(row.get("name") or "")
            if not name:
                continue
            aliases = [clean_unit_name(a) for a in (row.get("aliases") or "").split(";")]
            category = (row.get("category") or "").strip()
            members = list(DEFAULT_GROUP_MEMBERS.get(name, ())) if category == GROUP_CATEGORY else []
            units.append(Unit(name, category, [a for a in aliases if a], members))
        return cls(units, [a for u in units for a in u.aliases] if keep_written else ())

    @classmethod
    def default(cls) -> UnitRegistry:
        """A fresh copy of the registry shipped in ``resources/units.csv`` (Guangdong)."""
        return cls.from_csv(_resource_csv(DEFAULT_RESOURCE))

    @classmethod
    def central(cls) -> UnitRegistry:
        """A fresh copy of the central registry (``resources/units_central.csv``): the State
        Council's departments and agencies under the names its documents use."""
        return cls.from_csv(_resource_csv(CENTRAL_RESOURCE), keep_written=True)

    @classmethod
    def combined(cls) -> UnitRegistry:
        """Both shipped registries in one, for reading a plan whose issuer is not known yet."""
        registry = cls.default()
        central = cls.central()
        registry._written |= central._written
        for unit in central:
            if unit.name not in registry:
                registry.add(unit)
        return registry

    def copy(self) -> UnitRegistry:
        return UnitRegistry((u.copy() for u in self._units), self._written)

    def compound_names(self) -> dict[str, str]:
        """Registered names and aliases that contain ``、`` (``各区、县级市``): their first piece
        (before the first ``、``) -> the whole, so a list splitter can keep them together."""
        if self._compounds is None:
            self._compounds = {}
            for written in self._lookup:
                if "、" in written:
                    self._compounds.setdefault(written.split("、", 1)[0], written)
        return self._compounds

    # -- queries ------------------------------------------------------------------
    def __iter__(self) -> Iterator[Unit]:
        return iter(self._units)

    def __len__(self) -> int:
        return len(self._units)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UnitRegistry):
            return NotImplemented
        return self._units == other._units

    def get(self, name: str) -> Unit | None:
        return self._by_name.get(name)

    def names(self) -> list[str]:
        return [u.name for u in self._units]

    def canonical(self, name: str) -> str:
        """The registered name for ``name`` or one of its aliases; else ``name`` cleaned."""
        found = self._lookup.get(name)
        if found is not None:
            return name if name in self._written and name not in self._by_name else found
        cleaned = clean_unit_name(name)
        found = self._lookup.get(cleaned)
        if found is None or (cleaned in self._written and cleaned not in self._by_name):
            return cleaned
        return found

    def alias_target(self, name: str) -> str | None:
        """The registered unit ``name`` is the name or an alias of (written aliases too)."""
        return self._lookup.get(name)

    def canonical_or_none(self, name: str) -> str | None:
        """:meth:`canonical` of a known ``name`` (a name or an alias, as written); else ``None``."""
        if name not in self._lookup:
            name = name.strip()
            if name not in self._lookup:
                return None
        return name if name in self._written and name not in self._by_name else self._lookup[name]

    def knows(self, name: str) -> bool:
        """``name`` is a registered name or an alias (written aliases too)."""
        return name in self._lookup

    def is_registered(self, name: str) -> bool:
        return name in self._by_name

    def category(self, name: str) -> str:
        unit = self._by_name.get(name)
        return unit.category if unit else ""

    def is_city(self, name: str) -> bool:
        return self.category(name) == CITY_CATEGORY

    def is_group(self, name: str) -> bool:
        return self.category(name) == GROUP_CATEGORY

    def city_map(self) -> dict[str, tuple[str, ...]]:
        """``unit -> cities it stands for`` for every city and city group (kept until an edit)."""
        if self._city_map is None:
            self._city_map = {u.name: tuple(self.cities_of(u.name)) for u in self._units
                              if u.category in (CITY_CATEGORY, GROUP_CATEGORY)}
            for city in self.city_names():  # a city's government answers for the city
                for ending in GOVERNMENT_ENDINGS:
                    self._city_map.setdefault(city + ending, (city,))
        return self._city_map

    def cities_of(self, name: str) -> list[str]:
        """The cities a unit stands for: itself for a city, the members of a city group."""
        unit = self._by_name.get(name)
        if unit is None:
            return []
        if unit.category == CITY_CATEGORY:
            return [unit.name]
        if unit.category == GROUP_CATEGORY:
            return list(unit.members)
        return []

    def city_names(self) -> list[str]:
        """Registered cities in registry order."""
        return [u.name for u in self._units if u.category == CITY_CATEGORY]

    def group_names(self) -> list[str]:
        return [u.name for u in self._units if u.category == GROUP_CATEGORY]

    def order_key(self, name: str) -> tuple[int, int, str]:
        """Sort key: registry order, unregistered units last by name."""
        if self._pos is None:
            self._pos = {u.name: i for i, u in enumerate(self._units)}
        pos = self._pos.get(name)
        return (1, 0, name) if pos is None else (0, pos, name)

    # -- edits --------------------------------------------------------------------
    def add(self, unit: Unit, index: int | None = None) -> None:
        unit.name = clean_unit_name(unit.name)
        if unit.name in self._by_name:
            raise ValueError(f"unit {unit.name!r} is registered already")
        if index is None:
            self._units.append(unit)
        else:
            self._units.insert(index, unit)
        self._by_name[unit.name] = unit
        self._index(unit)
        self._pos = None
        self._city_map = None
        self._compounds = None
        self.memo.clear()

    def remove(self, name: str) -> tuple[int, Unit]:
        unit = self._by_name.pop(name)
        index = self._units.index(unit)
        del self._units[index]
        self._rebuild_lookup()
        return index, unit

    def replace(self, name: str, unit: Unit) -> Unit:
        """Put ``unit`` in the place of the unit called ``name``; return the old one."""
        old = self._by_name[name]
        index = self._units.index(old)
        del self._by_name[name]
        if unit.name in self._by_name:
            self._by_name[name] = old
            raise ValueError(f"unit {unit.name!r} is registered already")
        self._units[index] = unit
        self._by_name[unit.name] = unit
        self._rebuild_lookup()
        return old

    def _index(self, unit: Unit) -> None:
        self._lookup[unit.name] = unit.name
        for alias in unit.aliases:
            # A registered name always wins over somebody else's alias.
            if alias not in self._by_name:
                self._lookup.setdefault(alias, unit.name)

    def _rebuild_lookup(self) -> None:
        self._pos = None
        self._city_map = None
        self._compounds = None
        self.memo.clear()
        self._lookup = {}
        for unit in self._units:
            self._lookup[unit.name] = unit.name
        for unit in self._units:
            self._index(unit)


def registry_for(names: Iterable[str], combined: UnitRegistry | None = None) -> UnitRegistry:
    """The registry a plan naming ``names`` (read through :meth:`UnitRegistry.combined`) gets:
    the shipped registry that knows more of them (Guangdong's on a tie), plus the units of the
    other one that the plan names, so every unit either knows is categorised."""
    names = list(dict.fromkeys(names))
    provincial, central = UnitRegistry.default(), UnitRegistry.central()
    known_p = sum(1 for n in names if provincial.alias_target(n) is not None)
    known_c = sum(1 for n in names if central.alias_target(n) is not None)
    base, other = (central, provincial) if known_c > known_p else (provincial, central)
    for name in names:
        if name in base:
            continue
        unit = other.get(name)
        if unit is not None:
            base.add(unit.copy())
            continue
        # A name the plan writes its own way (国家发展改革委 for 发展改革委): a unit of its own,
        # in the category of the unit it names.
        for registry in (base, other):
            target = registry.alias_target(name)
            if target is not None and name in registry._written:
                base.add(Unit(name, registry.category(target)))
                break
    return base


DEFAULT_RESOURCE = "units.csv"
CENTRAL_RESOURCE = "units_central.csv"
_CSV_TEXT: dict[str, str] = {}


def _resource_csv(name: str) -> str:
    text = _CSV_TEXT.get(name)
    if text is None:
        text = _CSV_TEXT[name] = resources.files("taskmatrix.resources").joinpath(name).read_text(encoding="utf-8")
    return text
