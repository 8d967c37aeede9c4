"""Names and messages made safe to print: control characters shown escaped, always one line.

A file name may hold anything but ``/`` and NUL: an ANSI escape that clears the screen, a
newline that fakes a second message, a right-to-left override. Every message that names a path
goes through :func:`shown`, and the CLI passes every error and warning through :func:`one_line`.

>>> shown("reports/枣庄.txt")
'reports/枣庄.txt'
>>> shown("evil\\x1b[2J\\n.txt")
"'evil\\\\x1b[2J\\\\n.txt'"
>>> one_line("a\\nb")
'a\\\\nb'
"""

from __future__ import annotations

import os
import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not valid UTF-8 in the file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: str) -> str:
    """``text`` with control, format and line-separator characters escaped (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(_escape, text)


def shown(path: str | os.PathLike[str] | bytes) -> str:
    """A path as it should appear in a message: as is when it is harmless, else quoted and escaped
    like a Python string literal, so that ``a\\nb`` (two characters) and a real newline differ."""
    text = os.fsdecode(path) if isinstance(path, bytes) else os.fspath(path)
    if not _UNSAFE.search(text):
        return text
    return "'" + one_line(text.replace("\\", "\\\\").replace("'", "\\'")) + "'"
