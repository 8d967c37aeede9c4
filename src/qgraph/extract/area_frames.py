"""An area named at the head of a sentence: ``在某某乳业园区，通过…帮助企业解决技术难题，年均节省成本近万元``,
``某产业园内，300多吨的…``; or pointed back at at the head of a clause (``该产业园计划投资15亿元``); or holding what
the sentence counts: ``目前，某县产业集聚区拥有专利79项，省名牌产品5个…``.

The figures after it are the area's (or its firms'), not the document's place: a figure whose subject fell
back to the place is marked inferred (whose it is the rules cannot tell), never the place's. The area's
ending is one of ``area_heads.txt``.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Sentence
from .context import Ctx

__all__ = ["in_area_frame", "mark_area_holdings"]


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


@per_lexicon
def _holder_re(lex: Lexicon) -> re.Pattern[str]:
    heads = lex.alternation("area_heads.txt") or "(?!)"
    leads = r"(?:目前|截至目前|当前|现在|至今|近年来)?[，,]?"
    return re.compile(rf"\s*{leads}(?P<area>[^，,。；;“”\d]{{2,16}}?(?:{heads}))(?:内|里)?(?:已|共|现)?(?:拥有|共有|现有|已有|有)")


def mark_area_holdings(ctx: Ctx) -> None:
    """A sentence that opens with an area holding what it counts (``某县产业集聚区拥有…``): its figures are the
    area's, which the graph has no entity for — neither the place inside the area's name nor a programme
    whose winners it lists; every figure after the frame is marked inferred."""
    for i, o in enumerate(ctx.observations):
        sent = ctx.sentence_of(o.span.start)
        if sent is None or o.subject_inferred:
            continue
        m = _holder_re(ctx.lex).match(ctx.text, sent.span.start, o.span.start)
        if m is not None:
            ctx.observations[i] = o.with_subject_inferred()
