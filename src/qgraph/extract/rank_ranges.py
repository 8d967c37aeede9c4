"""A rank range is no count: ``第四至十名企业``, ``第11—20位``, ``第三到第五名`` name places in a ranking,
so the number closing the range (十名, 20位) counts nothing. Figures read from it are dropped.
Range words: ``data/lexicon/rank_range_marks.txt``.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from .context import Ctx

__all__ = ["drop_rank_range_ends"]

NUMERAL = r"[\d零〇一二两三四五六七八九十百]+"
RANK_END_RE = re.compile(rf"{NUMERAL}[名位]$")
"""The figure read from the range's end: a numeral and a rank word (十名, 20位)."""


@per_lexicon
def _range_re(lex: Lexicon) -> re.Pattern[str]:
    marks = lex.alternation("rank_range_marks.txt")
    return re.compile(rf"第{NUMERAL}(?:{marks})第?$")


def drop_rank_range_ends(ctx: Ctx) -> None:
    pattern = _range_re(ctx.lex)
    keep = [o for o in ctx.observations
            if not RANK_END_RE.match(o.span.text)
            or pattern.search(ctx.text, max(0, o.span.start - 12), o.span.start) is None]
    if len(keep) != len(ctx.observations):
        ctx.observations[:] = keep
