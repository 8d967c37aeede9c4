"""People's congresses, political consultative conferences and Party committee departments.

``市人大常委会`` → 某市人民代表大会常务委员会, ``县政协`` → 中国人民政治协商会议某县委员会,
``市委宣传部`` → 中共某市委员会宣传部 (a department of the Party committee), with the place written
or elided as for governments; ``省局`` / ``市局`` before a post is the market-regulation bureau of
the report's province or city (see :func:`bureau_before`).
"""

from __future__ import annotations

import re

from ..lexicon import PlaceInfo
from ..model import Entity, Kind
from .context import Ctx, is_han
from .orgs import dept_name, place_ending_at, with_parent

BODY_RE = re.compile(
    r"(?P<pre>[省市县区])?(?:(?P<npc>人大常委会|人民代表大会常务委员会)|(?P<cppcc>政协)(?!委员)|"
    r"(?P<party>委)(?P<dept>宣传部|组织部|统战部))"
)
BUREAU_RE = re.compile(r"(?P<pre>[省市县区])局$")
ELIDED_AFTER = "，,。；;：:、\n 　）)的和及与在由"


def _place(ctx: Ctx, m: re.Match[str], body_start: int) -> tuple[int, PlaceInfo, str] | None:
    """Where the name starts, its place and the place as written (a parent before a district too)."""
    found = place_ending_at(ctx, body_start)
    if found is None and m.group("pre"):
        found = place_ending_at(ctx, body_start - 1)
        if found is not None and not ctx.text[found[0]:body_start].endswith(m.group("pre")):
            found = None
    if found is not None:
        return with_parent(ctx, found)
    pre = m.group("pre")
    if pre is None:
        return None
    start = m.start("pre")
    if start > 0 and is_han(ctx.text[start - 1]) and ctx.text[start - 1] not in ELIDED_AFTER:
        return None  # 某某市人大: an unknown place, not the report's own
    place = ctx.place_for_prefix(pre)
    return (start, place, place.name) if place is not None else None


def find_bodies(ctx: Ctx) -> None:
    for m in BODY_RE.finditer(ctx.text):
        body_start = m.end("pre") if m.group("pre") else m.start()
        where = _place(ctx, m, body_start)
        if where is None:
            continue
        start, place, written = where
        if ctx.text[max(0, start - 2):start] == "中共":
            start -= 2
        if ctx.overlaps_claim(start, m.end()):
            continue
        if place.level == "country":  # 全国人大常委会, 全国政协
            written = "全国"
        if m.group("npc"):
            name, kind, en = f"{written}人民代表大会常务委员会", Kind.GOVERNMENT_BODY, "Standing Committee of the People's Congress"
        elif m.group("cppcc"):
            name, kind, en = f"中国人民政治协商会议{written}委员会", Kind.GOVERNMENT_BODY, "CPPCC Committee"
        else:
            name, kind, en = f"中共{written}委员会{m.group('dept')}", Kind.DEPARTMENT, "Department of the CPC Committee"
        surface = ctx.text[start:m.end()]
        ctx.add(kind, name, start, m.end(), aliases=(surface,) if surface != name else (),
                place=place.name if place.level != "country" else None,
                level=place.admin_level, attributes=(("en_body", en),))
        ctx.claim(start, m.end())


def bureau_before(ctx: Ctx, pos: int) -> Entity | None:
    """``省局党组书记、局长某某``: 省局 / 市局 right before a post is the market-regulation bureau
    of the report's province or city."""
    m = BUREAU_RE.search(ctx.text, max(0, pos - 2), pos)
    if m is None or m.end() != pos:
        return None
    found = place_ending_at(ctx, m.end("pre"))
    if found is not None and ctx.text[found[0]:m.end("pre")].endswith(m.group("pre")):
        start, place = found
    else:
        start = m.start()
        if start > 0 and is_han(ctx.text[start - 1]) and ctx.text[start - 1] not in ELIDED_AFTER:
            return None  # 格局, 当局: no bureau
        place = ctx.place_for_prefix(m.group("pre"))
        if place is None:
            return None
    dep = ctx.lex.dept_by_name.get("市场监督管理局")
    if dep is None:
        return None
    name = dept_name(dep, place)
    ent = ctx.add(dep.kind, name, start, pos, aliases=(ctx.text[start:pos],), place=place.name,
                  level=place.admin_level, attributes=(("en_body", dep.en),))
    ctx.claim(start, pos)
    return ent
