"""A place named with the places above it (``湖北省宜昌市``, ``某省某市某县``) is the last, narrowest one:
``湖北省宜昌市拥有地理标志证明商标15件`` is 宜昌市's figure, not the province's."""

from __future__ import annotations

from ..model import Entity, Kind
from .context import Ctx


def narrowest_place(ctx: Ctx, ent: Entity) -> Entity:
    """The last place of a chain of places starting with ``ent``, each inside the one before it."""
    cur = ent
    while cur.kind is Kind.PLACE:
        outer = ctx.lex.place_named(cur.name)
        nxt = next((e for e in ctx.starting_at(cur.span.end, cur.span.end + 12)
                    if e.kind is Kind.PLACE and e.span.start == cur.span.end and e.name != cur.name), None)
        if outer is None or nxt is None:
            break
        inner = ctx.lex.place_named(nxt.name)
        if inner is None or outer.code not in {a.code for a in ctx.lex.ancestors(inner)}:
            break
        cur = nxt
    return cur
