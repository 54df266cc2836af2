"""The package's shape, asserted on its import graph (read with ``ast``, nothing imported):
the window is imported only by the application, the headless parts import nothing of the GUI,
what goes on a sheet is pure Python, and no module grows past 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "taskmatrix"
MAX_LINES = 400


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth (lazy imports in functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


GRAPH = {_module(p): _imports(p) for p in PACKAGE.rglob("*.py")}


def _importers(target: str) -> set[str]:
    return {m for m, deps in GRAPH.items() if any(d == target or d.startswith(target + ".") for d in deps)}


def test_only_the_application_imports_the_main_window():
    assert _importers("taskmatrix.gui.mainwindow") == {"taskmatrix.gui.app"}


def test_the_cli_and_the_sheets_import_nothing_of_the_gui():
    headless = {m for m in GRAPH if m in ("taskmatrix.cli", "taskmatrix.launcher") or m.startswith("taskmatrix.sheets")}
    assert headless >= {"taskmatrix.cli", "taskmatrix.sheets.content", "taskmatrix.sheets.command"}
    offenders = {m: sorted(d for d in GRAPH[m] if d.startswith("taskmatrix.gui")) for m in headless}
    # The launcher starts the GUI when asked to: that one import is its job.
    offenders["taskmatrix.launcher"] = [d for d in offenders.get("taskmatrix.launcher", [])
                                        if not d.startswith("taskmatrix.gui.app")]
    assert {m: d for m, d in offenders.items() if d} == {}


def test_what_goes_on_a_sheet_and_the_model_are_pure_python():
    pure = [m for m in GRAPH if m == "taskmatrix.sheets.content" or m.startswith("taskmatrix.model")]
    assert {m: sorted(d for d in GRAPH[m] if d.startswith("PySide6")) for m in pure if
            any(d.startswith("PySide6") for d in GRAPH[m])} == {}


def test_the_io_layer_imports_no_gui():
    io = [m for m in GRAPH if m.startswith("taskmatrix.io")]
    assert {m for m in io if any(d.startswith(("taskmatrix.gui", "PySide6")) for d in GRAPH[m])} == set()


def test_no_module_is_longer_than_400_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
