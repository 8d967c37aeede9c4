"""Lists of offenders (``纳入黑名单``, ``列入经营异常名录``, ``严重违法失信名单``; words in
``sanction_lists.txt``) are sanctions: no honour or programme entity, no listing of a firm as selected
into one, and no figure counting them as ``入选…`` (a count whose meaning would be false)."""

from __future__ import annotations

from dataclasses import replace

from .context import Ctx


def is_sanction(ctx: Ctx, name: str) -> bool:
    """True if ``name`` names a list of offenders."""
    return any(w in name for w in ctx.lex.sanction_words)


def drop_sanction_lists(ctx: Ctx) -> None:
    """Forget programmes that are lists of offenders, with their listings, links and figures."""
    gone = {e.ref for e in ctx.entities if e.kind.is_programme and is_sanction(ctx, e.name)}
    if not gone:
        return
    ctx.replace_entities([e for e in ctx.entities if e.ref not in gone])
    ctx.relations[:] = [r for r in ctx.relations if r.subject not in gone and r.object not in gone]
    ctx.listings[:] = [x for x in ctx.listings if x.programme not in gone]
    ctx.observations[:] = [replace(o, categories=tuple(c for c in o.categories if c not in gone))
                           for o in ctx.observations
                           if o.subject not in gone and not any(r.name in o.measure for r in gone)]
