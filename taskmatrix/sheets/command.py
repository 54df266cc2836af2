"""``main.py sheets``: assignment sheets to a PDF without a window (QtGui only)."""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

from taskmatrix.io.errors import PlanFormatError
from taskmatrix.model.plan import Plan


def ensure_gui_application() -> None:
    """A QGuiApplication for fonts and painting; offscreen when there is no display."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        QGuiApplication([sys.argv[0] if sys.argv else "taskmatrix"])


def resolve_units(plan: Plan, names: list[str], src: Path) -> list[str]:
    known = plan.all_unit_names()
    aliases = {a: u.name for u in plan.registry for a in u.aliases}
    out = []
    for name in names:
        canonical = plan.registry.canonical(name)
        if canonical not in known:
            close = difflib.get_close_matches(name.strip(), known + list(aliases), n=5, cutoff=0.3)
            suggestions = "、".join(dict.fromkeys(aliases.get(c, c) for c in close)) or "none"
            raise PlanFormatError(src, "unknown unit “{name}”; closest registered names: {names}",
                                  name=name, names=suggestions)
        out.append(canonical)
    return out


def resolve_cities(plan: Plan, names: list[str], src: Path) -> list[str]:
    cities = plan.registry.city_names()
    out = []
    for name in names:
        canonical = plan.registry.canonical(name)
        if canonical not in cities:
            close = difflib.get_close_matches(name.strip(), cities, n=5, cutoff=0.3)
            raise PlanFormatError(src, "unknown city “{name}”; closest: {names}", name=name,
                                  names="、".join(close) or "、".join(cities[:5]) + "…")
        out.append(canonical)
    return out


def print_sheets_headless(plan: Plan, src: Path, dest: Path, units: list[str], cities: list[str],
                          landscape: bool) -> int:
    """Write the sheets for ``units`` and ``cities`` (every unit when both are empty)."""
    unit_names = resolve_units(plan, units, src)
    city_names = resolve_cities(plan, cities, src)
    ensure_gui_application()
    from taskmatrix.sheets.content import city_sheet, unit_sheet, units_with_tasks
    from taskmatrix.sheets.render import Fonts, PrintOptions, choose_fonts, write_pdf

    if not unit_names and not city_names:
        unit_names = units_with_tasks(plan)
    sheets = [unit_sheet(plan, u) for u in unit_names] + [city_sheet(plan, c) for c in city_names]
    fonts = choose_fonts()
    if fonts is None:
        print("warning: no Chinese font is installed (for example fonts-wqy-microhei or fonts-noto-cjk): "
              "the Chinese text in the PDF will show as boxes", file=sys.stderr)
        fonts = Fonts("", "")
    pages = write_pdf(sheets, dest, fonts, PrintOptions(landscape=landscape), title=plan.title)
    print(f"{dest}: {len(sheets)} sheet(s), {pages} page(s)", file=sys.stderr)
    return 0
