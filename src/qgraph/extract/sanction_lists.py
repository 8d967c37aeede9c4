"""Lists of offenders (``纳入黑名单``, ``列入经营异常名录``, ``严重违法失信名单``; words in
``sanction_lists.txt``) are sanctions: no honour or programme entity, no listing of a firm as selected
into one, and no figure counting them as ``入选…`` (a count whose meaning would be false). A count of firms put
on such a list in a place's report (``全省12万户企业列入经营异常名录``) is an enforcement figure of the place:
it stays, with the list in its measure, no surer than a figure of the document's place."""

from __future__ import annotations

from dataclasses import replace

from ..model import CONFIDENCE, Kind, Observation, Ref
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
    kept = []
    for o in ctx.observations:
        if o.subject in gone or any(r.name in o.measure for r in gone):
            o = _place_count(o, gone)
            if o is None:
                continue
        kept.append(replace(o, categories=tuple(c for c in o.categories if c not in gone)))
    ctx.observations[:] = kept


def _place_count(o: Observation, gone: set[Ref]) -> Observation | None:
    """The count of firms put on an offender list, as its place's figure (None: no place, or no count of firms)."""
    if o.place is None or o.unit not in ("Hu", "Jia") or o.breakdown == "目标":
        return None
    listed = o.subject.name if o.subject in gone else next(r.name for r in gone if r.name in o.measure)
    return replace(o, subject=Ref(Kind.PLACE, o.place), measure=f"列入{listed}企业",  # never 入选…: no selection
                   confidence=min(o.confidence, CONFIDENCE["document"]))
