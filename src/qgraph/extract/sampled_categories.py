"""The product category a check sampled, written after the batch count.

``抽查12家生产企业的30批次电线电缆产品，2批次不合格；抽查5家生产企业的8批次插座产品，未发现不合格`` reports
one check category by category: each part names the category after its batch count (``…批次X产品``), and
the firms counted before it, the batches and the failures after it, up to the next ``；`` or ``。``, are
that category's. The figures keep the check as subject and take the category as qualifier. Words that
name no category of their own (``各类``, ``相关``: ``sampled_category_stops.txt``) give none.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Sentence
from .context import Ctx

__all__ = ["sampled_category"]

NUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)"
SAMPLED_RE = re.compile(
    r"(?:抽查|抽检)(?:了)?(?:[^，,；;。\d]{0,8}?" + NUM + r"(?:家|个|户)[^，,；;。\d]{0,10}?的)?"
    + NUM + r"(?:个)?批次(?:的)?(?P<cat>[^，,；;。\d“”\"（）()]{2,24}?)(?:产品|样品)(?=[，,；;。])")


@per_lexicon
def _stops(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.words("sampled_category_stops.txt"))


def _parts(ctx: Ctx, sent: Sentence) -> list[tuple[int, int, str]]:
    key = ("sampled_categories", sent.span.start)
    got = ctx.memo.get(key)
    if got is None:
        got = []
        for m in SAMPLED_RE.finditer(ctx.text, sent.span.start, sent.span.end):
            cat = m.group("cat")
            if cat in _stops(ctx.lex) or cat.endswith(("等", "的")):
                continue
            stop = ctx.first_of("；;。", m.end(), sent.span.end)
            got.append((m.start(), stop if stop != -1 else sent.span.end, cat))
        ctx.memo[key] = got
    return got  # type: ignore[return-value]


def sampled_category(ctx: Ctx, sent: Sentence, pos: int) -> str | None:
    """The category a figure at ``pos`` is a part of (see the module's docstring), else None."""
    return next((cat for start, end, cat in _parts(ctx, sent) if start < pos < end), None)
