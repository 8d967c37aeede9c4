"""Decoding the bytes of a source document (used by :mod:`qgraph.sources`).

A byte-order mark decides the encoding (UTF-8, UTF-16, UTF-32); without one, UTF-8 is tried and
then GB18030, which covers GBK and GB2312. Data with NUL bytes, with many control or private-use
characters, or that decodes in neither encoding is refused as binary.
"""

from __future__ import annotations

import re

from qgraph.display import shown
from qgraph.errors import InputError

__all__ = ["decode"]

_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"), (b"\xef\xbb\xbf", "utf-8-sig"))
_TRUNCATED = frozenset({"unexpected end of data", "truncated data", "incomplete multibyte sequence"})
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f\ue000-\uf8ff\ufffe\uffff]")
_BINARY = "binary file, not text"


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode ``data`` (the bytes of file ``source``) and return the text and any warnings.

    A BOM decides the encoding; otherwise UTF-8 is tried, then GB18030. Incomplete bytes at the
    very end are dropped with a warning. Raise :class:`InputError` for binary data.
    """
    notes: list[str] = []
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data:
        raise InputError(source, _BINARY)
    candidates = [encoding] if encoding else ["utf-8", "gb18030"]
    text = None
    for enc in candidates:
        text = _decode_tolerant(data, enc, source, notes)
        if text is not None:
            break
        if enc == "utf-8" and _mostly_utf8(data):
            raise InputError(source, "not valid UTF-8 (damaged bytes inside the text)")
    if text is None:
        raise InputError(source, _BINARY)
    if encoding in ("utf-16", "utf-32") and text.startswith("\ufeff"):
        text = text[1:]
    if len(_NOT_TEXT.findall(text)) * 100 > len(text):
        raise InputError(source, _BINARY)
    return text, notes


def _decode_tolerant(data: bytes, encoding: str, source: str, notes: list[str]) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.reason in _TRUNCATED and exc.end >= len(data) and len(data) - exc.start <= 3:
            notes.append(f"{shown(source)}: incomplete {encoding} character at the end dropped "
                         f"({len(data) - exc.start} bytes)")
            try:
                return data[:exc.start].decode(encoding)
            except UnicodeDecodeError:
                return None
        return None


def _mostly_utf8(data: bytes) -> bool:
    """True if ``data`` is UTF-8 with a few damaged bytes rather than another encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return multibyte >= 4 * bad
