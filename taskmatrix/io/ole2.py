"""The stream names inside an OLE2 compound file (old Office and WPS files, encrypted OOXML).

Only as much of the format as telling the files apart takes: an ``.xls``/``.et`` workbook has
a ``Workbook`` (or ``Book``) stream, a ``.doc``/``.wps`` document a ``WordDocument`` stream,
an encrypted ``.xlsx``/``.docx`` an ``EncryptedPackage`` and ``EncryptionInfo``. Reading is
bounded (chains longer than the file are cut), so a hostile file costs nothing.
"""

from __future__ import annotations

import struct

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_MAX_ENTRIES = 4096


def stream_names(data: bytes) -> list[str]:
    """Names of the entries of an OLE2 file's directory; [] when it cannot be read."""
    if not data.startswith(SIGNATURE) or len(data) < 512:
        return []
    try:
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            return []
        size = 1 << shift
        fat_count = struct.unpack_from("<I", data, 0x2C)[0]
        first_dir = struct.unpack_from("<I", data, 0x30)[0]
        difat = list(struct.unpack_from("<109I", data, 0x4C))[: min(fat_count, 109)]
        sectors = max(0, (len(data) - size) // size)
        fat: list[int] = []
        for sector in difat:
            offset = (sector + 1) * size
            if sector >= sectors or offset + size > len(data):
                break
            fat.extend(struct.unpack_from(f"<{size // 4}I", data, offset))
        names: list[str] = []
        sector, seen = first_dir, 0
        while sector != _END_OF_CHAIN and sector < sectors and seen <= sectors and len(names) < _MAX_ENTRIES:
            offset = (sector + 1) * size
            for entry in range(offset, offset + size, 128):
                length = struct.unpack_from("<H", data, entry + 0x40)[0]
                kind = data[entry + 0x42]
                if kind in (1, 2, 5) and 2 <= length <= 64:
                    names.append(data[entry:entry + length - 2].decode("utf-16-le", "replace"))
            seen += 1
            sector = fat[sector] if sector < len(fat) else _END_OF_CHAIN
        return names
    except (struct.error, IndexError):
        return []


def kind_of(data: bytes) -> str:
    """``workbook``, ``document``, ``encrypted``, ``presentation`` or ``unknown``."""
    names = {n.lower() for n in stream_names(data)}
    if "encryptedpackage" in names or "encryptioninfo" in names:
        return "encrypted"
    if "workbook" in names or "book" in names:
        return "workbook"
    if "worddocument" in names:
        return "document"
    if "powerpoint document" in names:
        return "presentation"
    return "unknown"
