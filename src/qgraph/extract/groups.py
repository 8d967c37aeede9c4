"""Leading groups and committees of a place: ``县质量强县工作领导小组`` → 某县质量强县工作领导小组,
``某省名牌战略推进委员会``, ``市长质量奖评审委员会`` (the report's city's). A group is an organisation only with a place written or elided (县/市/省/区)
at its start; ``成立质量工作领导小组`` names none. (``…领导小组办公室`` is found by its suffix.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx
from .orgs import body_place_name, left_edge, place_starting_at
from .placed_names import name_breaks, placed_start

__all__ = ["PlacedGroup", "find_groups", "placed_groups"]

LEAD_VERBS = "经由在对向据"
FUNCTION_CHARS = "的了由任为是"
LEADER_LEVEL_RE = re.compile(r"([省市县区])(?:委|长|政府|人民政府)")
"""``以市委副书记、市长为组长的…``: the leaders' level (市委, 县长, 省政府) is the group's place."""


@per_lexicon
def _group_re(lex: Lexicon) -> re.Pattern[str]:
    """领导小组, or 委员会 after a word of ``committee_leads.txt`` (推进委员会, 质量发展委员会; not 改革委员会)."""
    leads = "|".join(f"(?<={re.escape(w)})" for w in lex.words("committee_leads.txt", longest_first=True))
    return re.compile(rf"领导小组(?!办公室|办)|(?:{leads})委员会(?!办公室|委员)")


@per_lexicon
def _leader_frame_re(lex: Lexicon) -> re.Pattern[str]:
    """``以市委副书记、市长为组长的`` / ``由县委县政府主要领导为双主任的``: the frame that says who leads a group,
    right before the group's bare name; its titles are ``group_leader_titles.txt``."""
    titles = lex.alternation("group_leader_titles.txt")
    return re.compile(rf"[以由](?P<lead>[^，,。；;：:“”]{{2,30}}?)为(?:{titles})的$")


def _framed_place(ctx: Ctx, clause_start: int, at: int):
    """The place of a group whose bare name starts at ``at`` after a leader frame naming the leaders' level."""
    frame = _leader_frame_re(ctx.lex).search(ctx.text, clause_start, at)
    if frame is None:
        return None
    level = LEADER_LEVEL_RE.search(frame.group("lead"))
    return ctx.place_for_prefix(level.group(1)) if level else None


@dataclass(frozen=True, slots=True)
class PlacedGroup:
    start: int
    end: int
    name: str
    place: str


def placed_groups(ctx: Ctx) -> list[PlacedGroup]:
    out: list[PlacedGroup] = []
    for m in _group_re(ctx.lex).finditer(ctx.text):
        lead = next((len(w) for w in ctx.lex.words("committee_leads.txt", longest_first=True)
                     if ctx.text[max(0, m.start() - len(w)):m.start()] == w), 0)
        # 推进委员会, 示范区建设领导小组: the word before is the name's, no boundary
        start = placed_start(ctx, left_edge(ctx, m.start() - lead), m.start() - lead)
        if ctx.text[start:start + 1] in LEAD_VERBS and start + 1 < m.start():
            start += 1  # 经市长质量奖评审委员会评审: 经 is no part of the name
        body = ctx.text[start:m.start()]
        cut = max(body.rfind(c) for c in FUNCTION_CHARS)
        if cut != -1 and len(body) - cut - 1 >= 3 and not ctx.overlaps_claim(start + cut + 1, m.end()):
            rest = start + cut + 1
            if place_starting_at(ctx, rest, limit=m.start()) is not None or ctx.text[rest] in "省市县区":
                start, body = rest, ctx.text[rest:m.start()]  # 听取了资中县…领导小组: the name starts at its place
            else:
                framed = _framed_place(ctx, max(0, start - 40), rest)
                if framed is not None:  # 以市委副书记、市长为组长的质量强市工作领导小组: the leaders' place's
                    name = body_place_name(ctx, framed) + ctx.text[rest:m.end()]
                    out.append(PlacedGroup(rest, m.end(), name, framed.name))
                    continue
        if len(body) < 3 or ctx.overlaps_claim(start, m.end()) or re.search(rf"[{FUNCTION_CHARS}]", body):
            continue
        found = place_starting_at(ctx, start, limit=m.start())
        if found is not None and ctx.plausible(found[1]) and name_breaks(ctx.lex).search(ctx.text, found[0], m.start()):
            continue  # 某市调整质量强市工作领导小组, 某市推动各县建立…: a sentence's lead, no name the rules can bound
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
        if "暨" in surface and any(e.span.end == g.end and g.start < e.span.start for e in ctx.entities):
            continue  # 某市质量强市暨质量发展委员会: the committee after 暨 was read already (drive_groups.py)
        ctx.add(Kind.GOVERNMENT_BODY, g.name, g.start, g.end, aliases=(surface,) if surface != g.name else (),
                place=g.place)
        ctx.claim(g.start, g.end)
