"""A quoted honour the report writes once right after a place and a sector of at most four characters
(``某省“十佳名品”``, ``某省绿色食品“十强企业”“二十佳创新企业”``, ``某省“十佳名品”和绿色食品“十强企业”``) is
that place's programme wherever the report quotes it alone: it is named in full (某省十佳名品,
某省绿色食品十强企业). A quote right after another placed quote shares its place and sector; one after a
coordinator (和, 及, 与, 、) shares the place and writes its own sector. A name the lexicon knows, a name
that starts with a place or a level, or a quote placed two ways, stays as it is. Sector stop characters:
``data/lexicon/placed_quote_breaks.txt``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Entity, Kind, Ref
from .context import Ctx, is_han
from .orgs import place_ending_at

__all__ = ["place_quoted_programmes"]

QUOTE_RE = re.compile(r"“(?P<inner>[\u4e00-\u9fff\d]{2,12})”")
PLACE_LEVELS = ("province", "prefecture", "county")
COORDINATORS = "和及与、"


def _placed(ctx: Ctx, q: int, breaks: tuple[str, ...]) -> tuple[str, str] | None:
    """(place, sector) written right before the quote opening at ``q``, if any."""
    for cut in range(q, max(0, q - 4) - 1, -1):  # the shortest sector first
        sector = ctx.text[cut:q]
        if not all(is_han(c) for c in sector) or any(b in sector for b in breaks):
            continue
        found = place_ending_at(ctx, cut, max_len=8)
        if found is not None and found[1].level in PLACE_LEVELS:
            return ctx.text[found[0]:cut], sector
    return None


def _full_names(ctx: Ctx) -> dict[str, set[str]]:
    """Each placed quote's inner name → the full names the report gives it."""
    breaks = tuple(ctx.lex.words("placed_quote_breaks.txt"))
    out: dict[str, set[str]] = {}
    last: tuple[int, str, str] | None = None  # end of the last placed quote, its place and sector
    for m in QUOTE_RE.finditer(ctx.text):
        q = m.start()
        placed = _placed(ctx, q, breaks)
        if placed is None and last is not None:
            gap = ctx.text[last[0]:q]
            if gap == "":  # “甲”“乙”: the same place and sector
                placed = last[1], last[2]
            elif gap[0] in COORDINATORS and len(gap) <= 5 and all(is_han(c) for c in gap[1:]) \
                    and not any(b in gap[1:] for b in breaks):
                placed = last[1], gap[1:]  # “甲”和绿色食品“乙”: the same place, its own sector
        if placed is None:
            last = None
            continue
        last = (m.end(), *placed)
        out.setdefault(m.group("inner"), set()).add(placed[0] + placed[1] + m.group("inner"))
    return out


def place_quoted_programmes(ctx: Ctx) -> None:
    fulls = _full_names(ctx)
    if not fulls:
        return
    mapping: dict[Ref, Entity] = {}
    for e in ctx.entities:
        names = fulls.get(e.name)
        if e.kind is not Kind.HONOUR or not names or len(names) != 1 or e.name in ctx.lex.programmes:
            continue
        if any(e.name.startswith(w) for w in ctx.lex.levels) or any(
                ctx.resolve_place(e.name[:n]) is not None for n in range(2, min(8, len(e.name)) + 1)):
            continue  # named with its level or place already
        mapping[e.ref] = replace(e, name=next(iter(names)))
    if mapping:
        from .dedupe import apply_renames
        apply_renames(ctx, mapping)
