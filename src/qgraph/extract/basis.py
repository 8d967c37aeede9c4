"""Basis phrases: ``根据年度抽查计划安排，一季度共抽查80批次`` says on what grounds a done thing
was done. The clause's plan word makes no target of the figures after it, and its time words
(``年度``) are the plan's, not the figures' period (``一季度`` is).

A basis phrase is a clause holding a lead (``根据``, ``按照`` …, ``basis_leads.txt``) and ending,
right before its comma, with a plan noun (``计划``, ``安排``, ``部署`` …, ``basis_heads.txt``).
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from .context import Ctx


@per_lexicon
def _basis_re(lex: Lexicon) -> re.Pattern[str]:
    leads = lex.alternation("basis_leads.txt")
    heads = lex.alternation("basis_heads.txt")
    return re.compile(rf"(?:{leads})[^，,；;。：:！？\n]{{0,40}}?(?:{heads})(?=[，,])")


def basis_spans(ctx: Ctx) -> tuple[tuple[int, int], ...]:
    """Every basis phrase of the document, as (start, end) spans, in text order."""
    spans = ctx.memo.get(basis_spans)
    if spans is None:
        spans = ctx.memo[basis_spans] = tuple((m.start(), m.end()) for m in _basis_re(ctx.lex).finditer(ctx.text))
    return spans  # type: ignore[return-value]


def in_basis(ctx: Ctx, start: int, end: int) -> bool:
    """``[start, end)`` lies inside a basis phrase."""
    return any(s <= start and end <= e for s, e in basis_spans(ctx))
