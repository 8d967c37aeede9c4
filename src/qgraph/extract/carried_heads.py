"""Carried heads: what keeps a subject named at a clause head from governing the clauses after it.

A place written as one item of an enumerated list is no subject of the sentence.

``甲市A项目、乙市B项目、丙市C项目等3个试点项目入选…，全省建成站点118个，培育项目52个`` opens with a
list of items, each led by a place. The first place is not the subject of the clause (the count ``3个``
is the list's) nor of the clauses after it (they are the document's place when ``全省`` is written,
else unsure). A place is an item of a list when, before any figure and within its clause, what follows
it up to a ``、`` has no number, and the list goes on with another place or is closed by ``等``.
``甲市、乙市分别为…`` (each its own figure) is no such list: :mod:`.respective` reads it.

A clause opening with the document's own place, or its own words for it (``全市`` in a city's report;
``own_place_words.tsv``), ends the scope of a subject named at an earlier clause head.
"""

from __future__ import annotations

import re

from ..model import Entity, Kind
from .context import Ctx

ITEM_TAIL_RE = re.compile(r"[^，,；;。：:、\d０-９]{0,12}[、]")
"""What follows a place up to the next ``、`` inside one item (``甲项目、``), with no figure."""
CLOSED_RE = re.compile(r"[^，,；;。：:\d０-９]{0,40}?等(?:[\d一二三四五六七八九十两]+|多)")
"""The list is closed by ``等N个`` (or ``等多个``) within the clause."""


def listed_place(ctx: Ctx, ent: Entity, clause_end: int) -> bool:
    """``ent`` (a place) is an item of an enumerated list written before ``clause_end``."""
    return ent.kind is Kind.PLACE and listed_at(ctx, ent.span.end, clause_end)


def listed_at(ctx: Ctx, end: int, clause_end: int) -> bool:
    """The place written up to ``end`` is an item of an enumerated list written before ``clause_end``."""
    text = ctx.text
    stop = ctx.first_of("，,；;。：:", end, clause_end)
    stop = clause_end if stop == -1 else stop
    if "分别" in text[end:stop]:
        return False  # 甲市、乙市分别为…: each place its own figure
    m = ITEM_TAIL_RE.match(text, end, stop)
    if m is None:
        return False
    nxt = ctx.entities_in(m.end(), stop, frozenset({Kind.PLACE}))
    if nxt and nxt[0].span.start == m.end():
        return True
    return CLOSED_RE.match(text, m.end(), stop) is not None


def opens_with_own_place(ctx: Ctx, at: int, end: int) -> bool:
    """The clause head at ``at`` is the document's place, or its own word for it (全市, 我省 …)."""
    from .certainty import own_words_of  # certainty reads list items too: imported here against a cycle
    home = ctx.home
    if home is None:
        return False
    if ctx.text.startswith(home.name, at, end):
        return True
    return ctx.text.startswith(own_words_of(ctx.lex, home), at, end)
