"""Saving into the source workbook: our sheets replace the old ones, every other part stays.

A plan opened from a workbook that holds other sheets (a cover, a chart, a pivot table,
pictures) is saved by splicing at the zip level: the source package's parts are copied as
they are (their content byte for byte), the sheets the app writes (:mod:`taskmatrix.io.excel.sheetxml`)
take the place of the sheets it replaces, and only the package's indexes are edited:
the workbook's sheet list and defined names, its relationships, the content types, the
styles (ours appended after the source's), the document properties. The calculation chain,
which numbers sheets by position, is dropped (the workbook recalculates on opening).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from taskmatrix.io.errors import PlanSaveError
from taskmatrix.io.excel.layout import escape
from taskmatrix.io.excel.sheetxml import MAIN, REL, XmlSheet

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_WS_TYPE = REL + "/worksheet"
_CALC_TYPE = REL + "/calcChain"
_SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_CUSTOM_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CORE_NS = {"cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            "dc": "http://purl.org/dc/elements/1.1/"}
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_STYLE_SECTIONS = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
                   "tableStyles", "colors", "extLst")


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


def _parse(data: bytes) -> Any:
    from lxml import etree

    return etree.fromstring(data, _parser())


def _dump(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


@dataclass
class Splice:
    """The source package, and what the save does to it."""

    source: zipfile.ZipFile
    replaced: list[str]
    parts: dict[str, bytes] = field(default_factory=dict)  # parts written anew (edited indexes, our sheets)
    dropped: set[str] = field(default_factory=set)


def splice_workbook(source_bytes: bytes, replaced: list[str], sheets: list[XmlSheet], style_xml: dict[str, list[str]],
                    properties: dict[str, str], title: str, description: str) -> bytes:
    """The source workbook with the sheets named in ``replaced`` replaced by ``sheets``.

    ``style_xml``: our styles' XML by section (``fonts``, ``fills``, ``borders``, ``cellXfs``),
    their ids counted from 0 (shifted here past the source's); our sheets' ``s=`` numbers
    are shifted by the same amount.
    """
    try:
        source = zipfile.ZipFile(io.BytesIO(source_bytes))
        splice = Splice(source, replaced)
        shift = _merge_styles(splice, style_xml)
        _replace_sheets(splice, sheets, shift)
        _set_properties(splice, properties, title, description)
    except (KeyError, ValueError, SyntaxError, zipfile.BadZipFile, ImportError) as exc:
        raise PlanSaveError(None, "the workbook this plan was opened from cannot be re-read to keep its other "
                                  "sheets: {reason}", reason=str(exc)[:120]) from None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        written = set()
        for info in source.infolist():
            name = info.filename
            if name in splice.dropped:
                continue
            if name in splice.parts:
                target.writestr(_info(name, info), splice.parts[name])
            else:
                target.writestr(_info(name, info), source.read(name))  # the part's content as it was
            written.add(name)
        for name, data in splice.parts.items():
            if name not in written:
                target.writestr(_info(name, None), data)
    return out.getvalue()


def _info(name: str, like: zipfile.ZipInfo | None) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=like.date_time if like is not None else (1980, 1, 1, 0, 0, 0))
    info.compress_type = like.compress_type if like is not None else zipfile.ZIP_DEFLATED
    info.external_attr = like.external_attr if like is not None else 0o600 << 16
    return info


# -- styles ------------------------------------------------------------------------------------
def _merge_styles(splice: Splice, ours: dict[str, list[str]]) -> int:
    """Append our fonts, fills, borders and cell formats to the source's styles; return the
    number our cell formats are shifted by."""
    name = _workbook_part(splice.source, REL + "/styles")
    root = _parse(splice.source.read(name))
    ns = root.nsmap.get(None, MAIN) if root.nsmap else MAIN
    offsets: dict[str, int] = {}
    for section in ("fonts", "fills", "borders", "cellXfs"):
        element = _section(root, ns, section)
        offsets[section] = len(element)
        for xml in ours[section]:
            xml = _shift_ids(xml, offsets) if section == "cellXfs" else xml
            element.append(_parse(f'<x xmlns="{ns}">{xml}</x>'.encode())[0])
        element.set("count", str(len(element)))
    if len(_section(root, ns, "cellStyleXfs")) == 0:
        _section(root, ns, "cellStyleXfs").append(_parse(f'<xf xmlns="{ns}" numFmtId="0" fontId="0" fillId="0" '
                                                         f'borderId="0"/>'.encode()))
    splice.parts[name] = _dump(root)
    return offsets["cellXfs"]


def _shift_ids(xml: str, offsets: dict[str, int]) -> str:
    for attr, section in (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders")):
        xml = _add_to_attribute(xml, attr, offsets[section])
    return xml


def _add_to_attribute(xml: str, attr: str, shift: int) -> str:
    def shifted(match: re.Match[str]) -> str:
        return f'{attr}="{int(match.group(1)) + shift}"'

    return re.sub(rf'{attr}="(\d+)"', shifted, xml)


def _section(root: Any, ns: str, section: str) -> Any:
    """The styles section ``section`` (made, in its place, when the source has none)."""
    found = root.find(f"{{{ns}}}{section}")
    if found is not None:
        return found
    from lxml import etree

    element = etree.Element(f"{{{ns}}}{section}", count="0")
    later = _STYLE_SECTIONS[_STYLE_SECTIONS.index(section) + 1:]
    for i, child in enumerate(root):
        if etree.QName(child).localname in later:
            root.insert(i, element)
            return element
    root.append(element)
    return element


# -- sheets --------------------------------------------------------------------------------------
def _replace_sheets(splice: Splice, sheets: list[XmlSheet], shift: int) -> None:
    source = splice.source
    workbook_name = _main_part(source)
    folder = posixpath.dirname(workbook_name)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(workbook_name) + ".rels")
    workbook = _parse(source.read(workbook_name))
    rels = _parse(source.read(rels_name))
    types = _parse(source.read("[Content_Types].xml"))
    ns = workbook.nsmap.get(None) or MAIN
    rel_ns = next((uri for prefix, uri in workbook.nsmap.items() if uri.endswith("/relationships")), REL)
    sheets_el = workbook.find(f"{{{ns}}}sheets")
    entries = list(sheets_el)
    names = [e.get("name") for e in entries]
    position = min((names.index(n) for n in splice.replaced if n in names), default=len(entries))
    old_index = {n: i for i, n in enumerate(names)}
    rel_by_id = {r.get("Id"): r for r in rels}
    for entry in entries:
        if entry.get("name") in splice.replaced:
            rel = rel_by_id.get(entry.get(f"{{{rel_ns}}}id"))
            if rel is not None:
                part = _resolve(folder, rel.get("Target", ""))
                _drop_part(splice, part, types)
                rels.remove(rel)
            sheets_el.remove(entry)
        elif entry.get("name") not in splice.replaced:
            _unselect(splice, folder, rel_by_id.get(entry.get(f"{{{rel_ns}}}id")))
    for rel in list(rels):  # the calculation chain numbers sheets by position
        if rel.get("Type") == _CALC_TYPE:
            _drop_part(splice, _resolve(folder, rel.get("Target", "")), types)
            rels.remove(rel)
    taken_ids = {r.get("Id") for r in rels}
    taken_parts = set(source.namelist())
    sheet_ids = [int(e.get("sheetId", "0")) for e in sheets_el]
    next_id = max(sheet_ids, default=0) + 1
    for offset, sheet in enumerate(sheets):
        part_number = 1
        while posixpath.join(folder, f"worksheets/sheet{part_number}.xml") in taken_parts | set(splice.parts):
            part_number += 1
        part = posixpath.join(folder, f"worksheets/sheet{part_number}.xml")
        rid = _free_id(taken_ids)
        taken_ids.add(rid)
        splice.parts[part] = _shift_styles(sheet.xml(), shift)
        from lxml import etree

        rel = etree.SubElement(rels, f"{{{_PKG_REL}}}Relationship")
        rel.set("Id", rid)
        rel.set("Type", _WS_TYPE)
        rel.set("Target", posixpath.relpath(part, folder))
        entry = etree.Element(f"{{{ns}}}sheet")
        entry.set("name", sheet.name)
        entry.set("sheetId", str(next_id))
        entry.set(f"{{{rel_ns}}}id", rid)
        next_id += 1
        sheets_el.insert(position + offset, entry)
        override = etree.SubElement(types, f"{{{_CT}}}Override")
        override.set("PartName", "/" + part)
        override.set("ContentType", _SHEET_CT)
    new_names = [e.get("name") for e in sheets_el]
    _renumber_defined_names(workbook, ns, names, old_index, new_names, splice.replaced, sheets)
    views = workbook.find(f"{{{ns}}}bookViews")
    if views is not None:
        for view in views:
            view.set("activeTab", str(position))
            if view.get("firstSheet") is not None:
                view.set("firstSheet", "0")
    splice.parts[workbook_name] = _dump(workbook)
    splice.parts[rels_name] = _dump(rels)
    splice.parts["[Content_Types].xml"] = _dump(types)


def _renumber_defined_names(workbook: Any, ns: str, old_names: list[str], old_index: dict[str, int],
                            new_names: list[str], replaced: list[str], sheets: list[XmlSheet]) -> None:
    """Sheet-local names follow their sheet to its new position; those of replaced sheets go;
    ours (the rows printed on every page) come in."""
    from lxml import etree

    defined = workbook.find(f"{{{ns}}}definedNames")
    if defined is None:
        defined = etree.Element(f"{{{ns}}}definedNames")
        sheets_el = workbook.find(f"{{{ns}}}sheets")
        sheets_el.addnext(defined)
    for element in list(defined):
        local = element.get("localSheetId")
        if local is None:
            continue
        index = int(local) if local.isdigit() else -1
        owner = old_names[index] if 0 <= index < len(old_names) else None
        if owner is None or owner in replaced:
            defined.remove(element)
        else:
            element.set("localSheetId", str(new_names.index(owner)))
    for ours in sheets:
        titles = ours.print_titles()
        if titles is not None:
            element = etree.SubElement(defined, f"{{{ns}}}definedName")
            element.set("name", "_xlnm.Print_Titles")
            element.set("localSheetId", str(new_names.index(ours.name)))
            element.text = titles
    if len(defined) == 0:
        defined.getparent().remove(defined)


def _unselect(splice: Splice, folder: str, rel: Any) -> None:
    """A kept sheet stops being a selected tab (two selected tabs are Excel's group editing)."""
    if rel is None or rel.get("Type") != _WS_TYPE:
        return
    part = _resolve(folder, rel.get("Target", ""))
    data = splice.source.read(part)
    if b'tabSelected="1"' in data[:4096]:
        head = data[:4096].replace(b' tabSelected="1"', b"", 1)
        splice.parts[part] = head + data[4096:]


def _drop_part(splice: Splice, part: str, types: Any) -> None:
    """A part the save replaces goes, with its relationships file."""
    splice.dropped.add(part)
    rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels in splice.source.namelist():
        splice.dropped.add(rels)
    for override in list(types):
        if override.get("PartName") == "/" + part:
            types.remove(override)


def _shift_styles(xml: bytes, shift: int) -> bytes:
    if not shift:
        return xml
    return re.sub(rb'<(c|row) r="([A-Z]*\d+)" s="(\d+)"',
                  lambda m: b'<%s r="%s" s="%d"' % (m.group(1), m.group(2), int(m.group(3)) + shift), xml)


def _free_id(taken: set[str]) -> str:
    n = 1
    while f"rId{n}" in taken:
        n += 1
    return f"rId{n}"


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def _main_part(source: zipfile.ZipFile) -> str:
    rels = _parse(source.read("_rels/.rels"))
    for rel in rels:
        if rel.get("Type", "").endswith("/officeDocument"):
            return rel.get("Target", "").lstrip("/")
    return "xl/workbook.xml"


def _workbook_part(source: zipfile.ZipFile, rel_type: str) -> str:
    workbook_name = _main_part(source)
    folder = posixpath.dirname(workbook_name)
    rels = _parse(source.read(posixpath.join(folder, "_rels", posixpath.basename(workbook_name) + ".rels")))
    for rel in rels:
        if rel.get("Type") == rel_type:
            return _resolve(folder, rel.get("Target", ""))
    raise KeyError(f"the workbook has no {rel_type.rsplit('/', 1)[-1]} part")


# -- document properties ---------------------------------------------------------------------------
def _set_properties(splice: Splice, properties: dict[str, str], title: str, description: str) -> None:
    source = splice.source
    names = source.namelist()
    from lxml import etree

    custom = "docProps/custom.xml"
    if custom in names:
        root = _parse(source.read(custom))
    else:
        root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT})
        package_rels = _parse(source.read("_rels/.rels"))
        rel = etree.SubElement(package_rels, f"{{{_PKG_REL}}}Relationship")
        rel.set("Id", _free_id({r.get("Id") for r in package_rels}))
        rel.set("Type", _CUSTOM_TYPE)
        rel.set("Target", custom)
        splice.parts["_rels/.rels"] = _dump(package_rels)
        types = _parse(splice.parts["[Content_Types].xml"])
        override = etree.SubElement(types, f"{{{_CT}}}Override")
        override.set("PartName", "/" + custom)
        override.set("ContentType", _CUSTOM_CT)
        splice.parts["[Content_Types].xml"] = _dump(types)
    for prop in list(root):
        if prop.get("name") in properties:
            root.remove(prop)
    pids = [int(p.get("pid", "1")) for p in root if (p.get("pid") or "").isdigit()]
    pid = max([1, *pids]) + 1
    for key, value in properties.items():
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property", fmtid=_FMTID, pid=str(pid), name=key)
        etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = escape(value)
        pid += 1
    splice.parts[custom] = _dump(root)
    core = "docProps/core.xml"
    if core in names:
        root = _parse(source.read(core))
        for tag, value in (("dc:title", title), ("dc:description", description)):
            prefix, local = tag.split(":")
            element = root.find(f"{{{_CORE_NS[prefix]}}}{local}")
            if element is None:
                element = etree.SubElement(root, f"{{{_CORE_NS[prefix]}}}{local}")
            element.text = escape(value)
        splice.parts[core] = _dump(root)
