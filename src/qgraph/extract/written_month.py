"""A date line giving only the month a report was written (``2023年3月`` under the title): the year of
writing that 去年 and 今年 count from, and the time 目前 / 截至目前 stand for (``2023-03``) — not the
year its title speaks of (``2022年度市长质量奖揭晓``)."""

from __future__ import annotations

import re

from ..model import Document

MONTH_LINE_RE = re.compile(r"^\s*(?P<y>20\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*$", re.M)
HEADER_LINES = 3


def written_month(doc: Document) -> tuple[str, str] | None:
    """(year, ``YYYY-MM``) of a month-only date line among the document's first lines, or None."""
    head = "\n".join(doc.text.split("\n", HEADER_LINES)[:HEADER_LINES])
    m = MONTH_LINE_RE.search(head)
    if m is None or not 1 <= int(m.group("m")) <= 12:
        return None
    return m.group("y"), f"{m.group('y')}-{int(m.group('m')):02d}"
