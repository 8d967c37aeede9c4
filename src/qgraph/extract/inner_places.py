"""A place written as the start of another entity's name is no mention of the place.

``重庆市市长质量管理奖（上接1版）``, ``第八届某市市长质量奖获奖单位``: where the text goes on from a place into
the full name of a programme, organisation, event or policy of the same document (found elsewhere in it),
the place there is part of that name. Such a place keeps its entity (a figure may be read against it) but
is marked as named only inside a name (``implicit``), as the places of organisations' names are; a place
also mentioned on its own elsewhere keeps that mention.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Kind, PROGRAMME_KINDS
from .context import Ctx

__all__ = ["unmention_inner_places"]

NAMED_KINDS = PROGRAMME_KINDS | {Kind.EVENT, Kind.MEETING, Kind.POLICY, Kind.GOVERNMENT_BODY, Kind.DEPARTMENT}


def unmention_inner_places(ctx: Ctx) -> None:
    names = {e.name for e in ctx.entities if (e.kind in NAMED_KINDS or e.kind.is_organization) and len(e.name) >= 5}
    if not names:
        return
    out = []
    for e in ctx.entities:
        if e.kind is Kind.PLACE and dict(e.attributes).get("implicit") != "true" and (any(
                n != e.name and n.startswith(e.name) and ctx.text.startswith(n, e.span.start) for n in names)
                or _province_of_next(ctx, e)):
            e = replace(e, attributes=(*e.attributes, ("implicit", "true")))
        out.append(e)
    ctx.replace_entities(out)


def _province_of_next(ctx: Ctx, e) -> bool:
    """``四川省乐至县召开…``, ``在湖北省武汉市召开``: a province written in full right before the full name of a
    city or county inside it only says where that place is — the mention is the place's, not the province's
    (a province whose name is written again elsewhere, alone or inside a name, keeps the mention)."""
    info = ctx.lex.place(dict(e.attributes).get("code", ""))
    if info is None or info.level != "province" or ctx.text[e.span.start:e.span.end] != info.name \
            or ctx.text.count(info.name) > 1:
        return False  # a province written again, even inside a name (某省质量强县示范县), is the report's concern
    for length in range(6, 1, -1):
        word = ctx.text[e.span.end:e.span.end + length]
        if len(word) == length and any(c.name == word and c.level in ("prefecture", "county")
                                       and any(a.code == info.code for a in ctx.lex.ancestors(c))
                                       for c in ctx.lex.place_names.get(word, ())):
            return True
    return False
