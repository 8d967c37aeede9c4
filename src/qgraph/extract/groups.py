"""Leading groups and committees of a place: ``县质量强县工作领导小组`` → 某县质量强县工作领导小组,
``某省名牌战略推进委员会``, ``市长质量奖评审委员会`` (the report's city's). A group is an organisation only with a place written or elided (县/市/省/区)
at its start; ``成立质量工作领导小组`` names none. (``…领导小组办公室`` is found by its suffix.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Kind
from .context import Ctx
from .orgs import body_place_name, left_edge, place_starting_at
from .placed_names import placed_start

__all__ = ["PlacedGroup", "find_groups", "placed_groups"]

LEAD_VERBS = "经由在对向据"
GROUP_RE = re.compile(r"领导小组(?!办公室|办)|(?<=推进|协调|指导|评审|评定|建设)委员会(?!办公室|委员)")


@dataclass(frozen=True, slots=True)
class PlacedGroup:
    start: int
    end: int
    name: str
    place: str


def placed_groups(ctx: Ctx) -> list[PlacedGroup]:
    out: list[PlacedGroup] = []
    for m in GROUP_RE.finditer(ctx.text):
        lead = 2 if m.group() == "委员会" else 0  # 推进委员会: the word before is the name's, no boundary
        start = placed_start(ctx, left_edge(ctx, m.start() - lead), m.start() - lead)
        if ctx.text[start:start + 1] in LEAD_VERBS and start + 1 < m.start():
            start += 1  # 经市长质量奖评审委员会评审: 经 is no part of the name
        body = ctx.text[start:m.start()]
        if len(body) < 3 or ctx.overlaps_claim(start, m.end()) or re.search(r"[的了由任为是]", body):
            continue
        found = place_starting_at(ctx, start, limit=m.start())
        if found is not None and ctx.plausible(found[1]):
            written = ctx.text[start:m.end()]
            full = body_place_name(ctx, found[1])
            if full != found[1].name and written.startswith(found[1].name):
                written = full + written[len(found[1].name):]  # 市中区质量强区…领导小组: a district's carries the city
            out.append(PlacedGroup(start, m.end(), written, found[1].name))
            continue
        place = ctx.place_for_prefix(body[0]) if body[0] in "省市县区州旗" else None
        if place is not None and place_starting_at(ctx, start + 1, limit=m.start()) is None:
            keep = 0 if body[1:2] == "长" else 1  # 市长质量奖评审委员会: 市 is the mayor's, not an elided 市
            out.append(PlacedGroup(start, m.end(), body_place_name(ctx, place) + ctx.text[start + keep:m.end()], place.name))
    return out


def find_groups(ctx: Ctx) -> None:
    for g in placed_groups(ctx):
        surface = ctx.text[g.start:g.end]
        ctx.add(Kind.GOVERNMENT_BODY, g.name, g.start, g.end, aliases=(surface,) if surface != g.name else (),
                place=g.place)
        ctx.claim(g.start, g.end)
