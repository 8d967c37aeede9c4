"""Deference formulas: ``全面贯彻落实党中央、国务院决策部署及省委、省政府有关安排``, ``以…为核心的党中央``.

A report says which higher bodies' line it follows; the Party committees and people's governments named in
such a formula act in nothing the report records, so their mentions there are no mentions of an actor. A
formula is a run of government bodies (joined by 、和及与 or written together) after a lead
(``deference_leads.txt``, or a closing word of an earlier formula and 及) and before a closing word
(``deference_tails.txt``), optionally after ``关于…的`` (its topic may hold a comma); after ``为核心的`` (``deference_alone_leads.txt``)
no closing word is needed. A body mentioned elsewhere in the report keeps its other mentions; a body that
issues a document (``中共中央、国务院印发的《…》``) is no formula; the bodies of the report's own place
(``按照市委、市政府关于…的工作部署`` in the city's report) deploy the work it tells of and stay.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Entity, Kind
from .context import Ctx

__all__ = ["drop_deference_mentions"]

JOINERS = "、和及与"


@per_lexicon
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    leads = lex.alternation("deference_leads.txt")
    tails = lex.alternation("deference_tails.txt")
    alone = lex.alternation("deference_alone_leads.txt")
    before = re.compile(rf"(?:(?:{leads})[^，。；;,：:\n]{{0,6}}|(?:{tails})(?:以及|及|和|、))$")
    # 关于深入实施某行动，建设某强国的决策部署: a topic of two clauses still ends at 的 and the closing word
    after = re.compile(rf"(?:关于[^。；;\n]{{0,40}}?的|的)?(?:重要|有关|相关|各项)?(?:{tails})")
    alone_re = re.compile(rf"(?:{alone})$")
    return before, after, alone_re


def _runs(ctx: Ctx, bodies: list[Entity]) -> list[list[Entity]]:
    """Government bodies in text order, grouped into runs joined only by 、和及与 (or nothing)."""
    runs: list[list[Entity]] = []
    for e in bodies:
        if runs:
            gap = ctx.text[runs[-1][-1].span.end:e.span.start]
            if len(gap) <= 1 and all(c in JOINERS for c in gap):
                runs[-1].append(e)
                continue
        runs.append([e])
    return runs


def _own(ctx: Ctx, body: Entity) -> bool:
    """A body of the report's own place (``按照市委、市政府的工作部署`` in a city's report): the bodies that
    deploy the work the report tells of, actors of it — kept."""
    return ctx.home is not None and body.place == ctx.home.name


def drop_deference_mentions(ctx: Ctx) -> None:
    """Forget the government bodies' mentions inside deference formulas."""
    bodies = sorted((e for e in ctx.entities if e.kind is Kind.GOVERNMENT_BODY), key=lambda e: (e.span.start, e.span.end))
    if not bodies:
        return
    before, after, alone = _patterns(ctx.lex)
    dropped: set[int] = set()
    for run in _runs(ctx, [e for e in bodies if not any(
            o is not e and o.span.start <= e.span.start and e.span.end <= o.span.end
            and (o.span.start, o.span.end) != (e.span.start, e.span.end) for o in bodies)]):
        start, end = run[0].span.start, run[-1].span.end
        lead = ctx.text[max(0, start - 12):start]
        if alone.search(lead) or (before.search(lead) and after.match(ctx.text, end)):
            dropped |= {id(e) for e in run if not _own(ctx, e)}
    if not dropped:
        return
    spans = {(e.span.start, e.span.end) for e in ctx.entities if id(e) in dropped}
    ctx.replace_entities([e for e in ctx.entities if id(e) not in dropped])
    ctx.relations[:] = [r for r in ctx.relations if (r.span.start, r.span.end) not in spans]
