"""Bodies of a place's quality drive written without the place: ``请质量强县工作委员会成员单位报送…`` in a
county's report is that county's ``质量强县工作委员会``; ``我县召开质量强县暨质量发展委员会全体会议`` names the
county's ``质量发展委员会`` (the drive joined by 暨 is no part of the committee's name), and so does
``某市质量强市暨质量发展委员会全体会议`` for the city written before it.

The drive's level (强市, 强县, 强省, 强区) must be a level of the report's own place (``Ctx.place_for_prefix``);
a drive of another level, or a report of no place, names no body. The body's ending is one of
``drive_group_heads.txt``; the name starts after punctuation or a function character, so a body written
with its place (``某县质量强县工作委员会``) is left to the placed rules.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx
from .orgs import body_place_name, place_ending_at

__all__ = ["find_drive_groups"]

LEAD_CHARS = "，,、。；;：:（(\n由和及与向送到请"  # not 的: 成立了由市长任组长的质量强市工作领导小组 founds a group, unnamed


@per_lexicon
def _drive_re(lex: Lexicon) -> re.Pattern[str]:
    heads = lex.alternation("drive_group_heads.txt")
    return re.compile(rf"(?P<drive>[\u4e00-\u9fff]{{2}}强(?P<lvl>[省市县区]))(?:(?P<ji>暨)(?P<other>[\u4e00-\u9fff]{{2,8}}?))?"
                      rf"(?P<head>{heads})")


def find_drive_groups(ctx: Ctx) -> None:
    for m in _drive_re(ctx.lex).finditer(ctx.text):
        if ctx.overlaps_claim(m.start(), m.end()) or (m.group("other") and "委员会" not in m.group("head")):
            continue
        written = ctx.place_for_prefix(m.group("lvl"))
        before = place_ending_at(ctx, m.start())
        if before is not None and before[1].name.endswith(m.group("lvl")):
            if not m.group("ji"):
                continue  # 某市质量强市工作领导小组: a placed group, read by groups.py
            start, place = before  # 某市质量强市暨质量发展委员会: the place written before the drive
        elif m.start() == 0 or ctx.text[m.start() - 1] in LEAD_CHARS or ctx.text[max(0, m.start() - 2):m.start()] in (
                "召开", "我县", "我市", "我省", "我区", "全县", "全市"):
            start, place = m.start(), written
        else:
            continue  # 某地质量强县…: a name this rule cannot bound
        if place is None:
            continue
        if m.group("ji"):  # 质量强县暨质量发展委员会: the committee is the second part's
            name = body_place_name(ctx, place) + m.group("other") + m.group("head")
            s = m.start("other")
        else:
            name = body_place_name(ctx, place) + m.group("drive") + ctx.text[m.end("drive"):m.end()]
            s = start
        surface = ctx.text[s:m.end()]
        ctx.add(Kind.GOVERNMENT_BODY, name, s, m.end(), aliases=(surface,) if surface != name else (), place=place.name)
        if not m.group("ji"):  # a committee inside a meeting's name (…暨…委员会全体会议) leaves the meeting its span
            ctx.claim(s, m.end())
