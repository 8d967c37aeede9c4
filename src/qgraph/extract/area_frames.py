"""An area named at the head of a sentence: ``在某某乳业园区，通过…帮助企业解决技术难题，年均节省成本近万元``,
``某产业园内，300多吨的…``; or pointed back at at the head of a clause (``该产业园计划投资15亿元``).

The figures after it are the area's (or its firms'), not the document's place: a figure whose subject fell
back to the place is marked inferred (whose it is the rules cannot tell), never the place's. The area's
ending is one of ``area_heads.txt``.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Sentence
from .context import Ctx

__all__ = ["in_area_frame"]


@per_lexicon
def _frame_re(lex: Lexicon) -> re.Pattern[str]:
    heads = lex.alternation("area_heads.txt") or "(?!)"
    return re.compile(rf"\s*在[^，,。；;]{{2,16}}?(?:{heads})(?:内|里)?[，,]")


@per_lexicon
def _inside_re(lex: Lexicon) -> re.Pattern[str]:
    heads = lex.alternation("area_heads.txt") or "(?!)"
    return re.compile(rf"\s*(?:\d{{1,2}}日[，,])?[^，,。；;\d]{{2,16}}?(?:{heads})(?:内|里)[，,]")


@per_lexicon
def _this_area_re(lex: Lexicon) -> re.Pattern[str]:
    heads = lex.alternation("area_heads.txt") or "(?!)"
    return re.compile(rf"\s*(?:该|此|这个?)(?:{heads})")


def in_area_frame(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """The sentence of the figure at ``pos`` opens with an area frame before it (``在某园区，``; ``某产业园内，``),
    or the figure's clause opens with the area pointed back at (``该产业园计划投资15亿元``)."""
    if _frame_re(ctx.lex).match(ctx.text, sent.span.start, pos) or _inside_re(ctx.lex).match(ctx.text, sent.span.start, pos):
        return True
    cs = max(sent.span.start, ctx.last_of("，,；;", sent.span.start, pos) + 1)
    return _this_area_re(ctx.lex).match(ctx.text, cs, pos) is not None
