"""An event or meeting is named with the place and year written before it: ``以…为主题的某地区2024年“质量月”
宣传活动启动`` names 某地区2024年“质量月”宣传活动. ``全市`` / ``全省`` in its name stay as written
(``某市召开全市质量大会`` names 全市质量大会, as readers name it); its node in the graph is the document's own
(``resolve.py``), so the 全市质量大会 of two cities are two meetings. Its figures (``16家单位共同举办``, ``200余人参加``) are that
event's, and a bare ``“质量月”宣传活动`` would merge events of every place and year.

Runs after the event rules and before the figures; every mention, relation and fact of the renamed
event follows it."""

from __future__ import annotations

import dataclasses
import re

from ..model import Entity, Kind, Ref
from .context import Ctx

YEAR_BEFORE_RE = re.compile(r"(?P<year>20\d{2}年度?)(?:全国|全省|全市)?$")
GATHERINGS = (Kind.EVENT, Kind.MEETING)


def place_event_names(ctx: Ctx) -> None:
    """Give every event or meeting the place and year written before it."""
    renames: dict[Ref, str] = {}
    starts: dict[int, int] = {}
    for e in ctx.entities:
        if e.kind not in GATHERINGS or e.ref in renames:
            continue
        s = e.span.start
        before = ctx.text[max(0, s - 16):s]
        year = YEAR_BEFORE_RE.search(before)
        head = before[:year.start()] if year else before
        place = _place_ending(ctx, head)
        quoted = e.name.startswith(("“", '"'))
        if place and (year or quoted):  # 某地区2024年“质量月”…, 某地区“质量月”…: the place is the name's
            lead = place + (year.group() if year else "")
        elif year and not re.search(r"\d$", head):
            lead = year.group()
        else:
            lead = ""
        name = e.name
        if lead and not name.startswith(lead):
            name = lead + name
            starts[e.span.start] = s - len(lead)
        if name != e.name:
            renames[e.ref] = name
    if renames:
        _rename(ctx, renames, starts)


def _place_ending(ctx: Ctx, text: str) -> str | None:
    """The longest place name (full or short) ``text`` ends with."""
    for n in range(min(10, len(text)), 1, -1):
        cand = text[-n:]
        if ctx.lex.place_names.get(cand) and (n == len(text) or text[-n - 1] not in "全本我该各"):
            return cand
    return None


def _rename(ctx: Ctx, renames: dict[Ref, str], starts: dict[int, int]) -> None:
    refs = {old: Ref(old.kind, new) for old, new in renames.items()}
    ents: list[Entity] = []
    for e in ctx.entities:
        new = renames.get(e.ref)
        if new is None:
            ents.append(e)
            continue
        start = starts.get(e.span.start)
        span = ctx.span(start, e.span.end) if start is not None else e.span
        ents.append(dataclasses.replace(e, name=new, span=span, aliases=tuple(dict.fromkeys((*e.aliases, e.name)))))
        if start is not None:
            ctx.claim(start, e.span.end)
    ctx.replace_entities(ents)

    def m(r: Ref | None) -> Ref | None:
        return refs.get(r, r) if r is not None else None

    ctx.listings[:] = [dataclasses.replace(x, programme=m(x.programme), recipients=tuple(m(r) for r in x.recipients))
                       for x in ctx.listings]
    ctx.posts[:] = [dataclasses.replace(p, organization=m(p.organization)) for p in ctx.posts]
    ctx.relations[:] = [dataclasses.replace(r, subject=m(r.subject), object=m(r.object)) for r in ctx.relations]
    ctx.observations[:] = [dataclasses.replace(o, subject=m(o.subject), examples=tuple(m(x) for x in o.examples))
                           for o in ctx.observations]
