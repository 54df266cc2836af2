"""Which encoding a plan text is in, from its bytes.

UTF-8 (with or without BOM) and UTF-16 with a BOM say so themselves. UTF-16 without a BOM has
its NUL bytes (the high bytes of ASCII characters) all on one side. The legacy double-byte
encodings (GB18030/GBK, Big5, Shift-JIS) accept most of each other's bytes, so a Big5 file
decodes as GB18030 without an error, into nonsense. Each of them puts the characters texts use
most in one block of codes (GB2312 level 1, Big5's frequently used characters, JIS level 1
kanji and kana); the encoding whose block holds most of the text's characters is the one it
was written in. A text no encoding explains well is refused, not guessed.

Pure Python; nothing here raises anything but :class:`PlanFormatError`.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from taskmatrix.io.errors import PlanFormatError

#: Characters looked at to choose an encoding.
SAMPLE = 20000
#: The share of a text's double-byte characters that must lie in its encoding's common block.
SURE = 0.8


def _gb_common(code: bytes) -> bool:  # GB2312 punctuation (A1-A3) and level-1 hanzi (B0-D7)
    return len(code) == 2 and (0xA1 <= code[0] <= 0xA3 or 0xB0 <= code[0] <= 0xD7) and code[1] >= 0xA1


def _big5_common(code: bytes) -> bool:  # punctuation (A1-A3) and frequently used characters (A440-C67E)
    return len(code) == 2 and 0xA1 <= code[0] <= 0xC6 and not (code[0] == 0xC6 and code[1] > 0x7E)


def _sjis_common(code: bytes) -> bool:  # symbols, kana (81-83) and JIS level-1 kanji (889F-9872)
    return len(code) == 2 and (0x81 <= code[0] <= 0x83 or 0x88 <= code[0] <= 0x98)


CANDIDATES = (("gb18030", "gb2312", _gb_common), ("big5", "big5", _big5_common),
              ("shift_jis", "shift_jis", _sjis_common))
NAMES = {"gb18030": "GB18030", "big5": "Big5", "shift_jis": "Shift-JIS", "utf-8": "UTF-8",
         "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}


def decode_bytes(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """``data`` decoded, and the encoding it was in (a key of :data:`NAMES`)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16-le"
        except UnicodeDecodeError:
            raise PlanFormatError(path, "unreadable text: broken UTF-16") from None
    head = data[:65536]
    if b"\x00" in head:
        wide = _utf16_without_bom(data, head)
        if wide is None:
            raise PlanFormatError(path, "this is a binary file, not plan text")
        return wide
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    scored: list[tuple[float, str]] = []
    for codec, block_codec, common in CANDIDATES:  # judged on the head, decoded in full once chosen
        try:
            sample = codecs.getincrementaldecoder(codec)().decode(head, final=len(head) == len(data))
        except UnicodeDecodeError:
            continue
        scored.append((_share(sample, block_codec, common), codec))
    scored.sort(key=lambda s: -s[0])
    for share, codec in scored:
        if share < (SURE if len(scored) > 1 else SURE / 2):  # only one decodes: less evidence needed
            break
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise PlanFormatError(path, "unreadable encoding: the text is neither UTF-8 nor GB18030/GBK, Big5 or "
                                "Shift-JIS (save it as UTF-8 and open it again)")


def _share(text: str, codec: str, common: object) -> float:
    """The share of ``text``'s non-ASCII characters in ``codec``'s common block."""
    wide = [ch for ch in text[:SAMPLE] if ord(ch) > 0x7F]
    if not wide:
        return 1.0
    hits = 0
    for ch in wide:
        try:
            code = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        hits += bool(common(code))  # type: ignore[operator]
    return hits / len(wide)


def _utf16_without_bom(data: bytes, head: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: the byte order whose characters read as text (ASCII, CJK and
    its punctuation); NUL bytes then are the high bytes of ASCII characters."""
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:SAMPLE]
        if "\x00" not in sample and sum(map(_texty, sample)) >= SURE * len(sample):
            return text, codec
    return None


def _texty(ch: str) -> bool:
    code = ord(ch)
    return (0x20 <= code < 0x7F or ch in "\t\n\r\f\v" or 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF or 0x2000 <= code <= 0x206F)
