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
        if e.kind is Kind.PLACE and dict(e.attributes).get("implicit") != "true" and any(
                n != e.name and n.startswith(e.name) and ctx.text.startswith(n, e.span.start) for n in names):
            e = replace(e, attributes=(*e.attributes, ("implicit", "true")))
        out.append(e)
    ctx.replace_entities(out)
