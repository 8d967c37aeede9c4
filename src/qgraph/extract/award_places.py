"""The place of an award named by its head alone: ``县长质量奖``, ``区长质量奖``.

A county's decision (``某县人民政府关于表彰2023年度县长质量奖…的决定``) or a district's news
(``某区…区长质量奖3家``) names the award without its place; the place is the county or district whose
government decides it. When the document speaks of such an award and names exactly one county-level
place of the head's ending (县 for 县长, 区 for 区长) — one whose government it names, if it names
several — that place is the document's own when the document had none, so the award and its winners
are that place's. A document of the city or province above it keeps its place, and the award is the
county's only when the document says so firmly (it names the county's government, or the county in its
title). Two candidates and no deciding government: nothing is guessed (the award stays unplaced). Heads: ``data/lexicon/elided_award_heads.tsv``.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, PlaceInfo, per_lexicon
from .context import Ctx
from .places import county_name_alone

__all__ = ["elided_award_home"]

GOVERNMENT_AFTER = ("人民政府", "政府")


@per_lexicon
def _heads(lex: Lexicon) -> dict[str, str]:
    """Head of an elided award (``县长``) → the ending of the places it stands for (``县``)."""
    return {row[0]: row[1] for row in lex.table("elided_award_heads.tsv", columns=2)}


@per_lexicon
def _heads_re(lex: Lexicon) -> re.Pattern[str]:
    return re.compile("(" + "|".join(map(re.escape, sorted(_heads(lex), key=len, reverse=True))) + ")质量奖")


def _elided_endings(ctx: Ctx, text: str) -> set[str]:
    """The place endings of the awards ``text`` names by head alone (no place written before them)."""
    heads = _heads(ctx.lex)
    out: set[str] = set()
    for m in _heads_re(ctx.lex).finditer(text):
        before = text[max(0, m.start() - 8):m.start()]
        if any(before.endswith(p.name) for n in range(2, 9) for p in ctx.lex.place_names.get(before[-n:], ())):
            continue  # 德清县县长质量奖: named with its place
        out.add(heads[m.group(1)])
    return out


def elided_award_home(ctx: Ctx) -> tuple[PlaceInfo, bool] | None:
    """The county-level place an elided award of the document belongs to (see the module's doc), and
    whether the document says so firmly (it names the place's government, or the place in its title)."""
    title = ctx.doc.title or ""
    text = title + "\n" + ctx.text
    endings = _elided_endings(ctx, text)
    if not endings or (ctx.county is not None and ctx.county.name[-1] in endings):
        return None
    home = ctx.county or ctx.city or ctx.province
    found: dict[str, PlaceInfo] = {}
    governed: set[str] = set()
    for info in ctx.lex.places.values():
        if info.level != "county" or info.name[-1] not in endings or len(info.name) < 2:
            continue
        spots = [m for m in re.finditer(re.escape(info.name), text) if county_name_alone(ctx, text, m.start(), m.end(), info)]
        if not spots:
            continue
        if home is not None and home.code not in {a.code for a in ctx.lex.ancestors(info)}:
            continue  # a county of another city: not this document's
        found[info.code] = info
        if any(text.startswith(g, m.end()) for m in spots for g in GOVERNMENT_AFTER):
            governed.add(info.code)
    if len(governed) == 1:
        return found[next(iter(governed))], True
    if len(found) == 1 and not governed:
        info = next(iter(found.values()))
        return info, info.name in title
    return None
