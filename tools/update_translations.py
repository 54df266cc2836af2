"""Refresh the Chinese catalogue from the sources and compile it.

    .venv/bin/python tools/update_translations.py [--fill translations.tsv]

1. Collects the io layer's message templates (the text of every ``PlanFormatError``,
   ``PlanSaveError`` and ``Notice``) into the context ``io``;
2. runs ``pyside6-lupdate`` over the GUI sources and those templates, updating
   ``taskmatrix/resources/i18n/taskmatrix_zh_CN.ts`` (existing translations are kept);
3. with ``--fill``, sets translations from a TSV of ``english<TAB>chinese`` lines;
4. compiles the catalogue with ``pyside6-lrelease``.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "taskmatrix" / "resources" / "i18n" / "taskmatrix_zh_CN.ts"
QM = TS.with_suffix(".qm")
MESSAGE_CLASSES = {"PlanFormatError": 1, "PlanSaveError": 1, "Notice": 0, "_warn": 0, "Phrase": 0, "Format": 1}
EXTRA_IO = ["row {row}", "line {row}", "… and {count} more"]


def _report_templates() -> list[str]:
    """The import report's group titles and example forms (module-level tables)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from taskmatrix.io.report import KIND_BRIEFS, KIND_TITLES

    return [*KIND_TITLES.values(), *KIND_BRIEFS.values()]


def io_templates() -> list[str]:
    """The English templates of every io error and notice (wherever raised), in source order."""
    found: list[str] = list(dict.fromkeys(EXTRA_IO + _report_templates()))
    for path in sorted((ROOT / "taskmatrix").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            position = MESSAGE_CLASSES.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            text = _constant_text(arg)
            if text is None and isinstance(arg, ast.Name):
                text = _module_constant(tree, arg.id)
            if text and text not in found:
                found.append(text)
    return found


def _constant_text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _constant_text(node.left), _constant_text(node.right)
        return left + right if left is not None and right is not None else None
    return None


def _module_constant(tree: ast.Module, name: str) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return _constant_text(node.value)
    # Constants imported from another io module.
    for path in (ROOT / "taskmatrix" / "io").rglob("*.py"):
        other = ast.parse(path.read_text(encoding="utf-8"))
        for node in other.body:
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                return _constant_text(node.value)
    return None


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def fill(tsv: Path) -> int:
    mapping = {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            english, chinese = line.split("\t", 1)
            mapping[english.replace("\\n", "\n")] = chinese.replace("\\n", "\n")
    tree = ET.parse(TS)
    count = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if source in mapping and translation is not None:
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
            count += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return count


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        stub = Path(tmp) / "io_messages.py"
        lines = ["def QT_TRANSLATE_NOOP(context, text):\n    return text\n"]
        lines += [f"QT_TRANSLATE_NOOP({'io'!r}, {t!r})\n" for t in io_templates()]
        stub.write_text("".join(lines), encoding="utf-8")
        # Every module but the io layer's (its messages are in the stub): the GUI, the sheets, the fields.
        io_dir = ROOT / "taskmatrix" / "io"
        sources = [str(p) for p in sorted((ROOT / "taskmatrix").rglob("*.py")) if io_dir not in p.parents]
        sources.append(str(stub))
        subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(TS)],
                       check=True)
    if "--fill" in sys.argv:
        print("filled", fill(Path(sys.argv[sys.argv.index("--fill") + 1])))
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)


if __name__ == "__main__":
    main()
