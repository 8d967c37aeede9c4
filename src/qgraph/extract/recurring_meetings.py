"""A meeting held in each of several places is a kind of meeting, no named event: ``在各乡镇召开质量提升推进会``,
``各县区分别召开动员会``. A meeting whose name has nothing of its own (no place, year, ordinal or quoted title)
and whose clause holds it in many places (``each_place_words.txt`` before the name) is dropped with the
relations about it (who held it) — unless a figure is about it."""

from __future__ import annotations

import re

from ..model import Kind
from .context import Ctx

__all__ = ["drop_meetings_held_everywhere"]

OWN_NAME_RE = re.compile(r"\d{4}年|第[一二三四五六七八九十\d]+[届次]|[“《]")
CLAUSE_MARKS = "，,。；;：:\n"


def drop_meetings_held_everywhere(ctx: Ctx) -> None:
    words = tuple(ctx.lex.words("each_place_words.txt"))
    if not words:
        return
    used = {o.subject for o in ctx.observations} | {x for o in ctx.observations for x in o.examples}
    drop = set()
    for e in ctx.entities:
        if e.kind is not Kind.MEETING or e.ref in used or OWN_NAME_RE.search(e.name) \
                or ctx.resolve_place(e.name[:2]) is not None or ctx.resolve_place(e.name[:3]) is not None:
            continue
        start = e.span.start
        clause = max(ctx.text.rfind(c, 0, start) for c in CLAUSE_MARKS) + 1
        before = ctx.text[clause:start]
        if any(w in before for w in words):
            drop.add(e.ref)
    if drop:
        ctx.relations[:] = [r for r in ctx.relations if r.subject not in drop and r.object not in drop]
        ctx.replace_entities([e for e in ctx.entities if e.ref not in drop])
