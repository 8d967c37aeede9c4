"""A check's results listed by product category after a colon, one part of the sentence per category.

``经检验：甲类产品24批次，不合格1批次，不合格产品发现率4%；乙类产品2批次，不合格1批次…``: each part opened by
the colon or a ；, led by a category right before its count of batches, holds that category's figures of the
report's check — the category is their breakdown (the qualifier, not the subject). Without it the parts
read as one check's figure stated several times with different values. A lead that names a place, a whole
(全市), the check's own batches (``batch_non_categories.txt``: 产品, 样品 …) or a word of checking is no
category.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import INSPECTION_KINDS
from .context import Ctx

__all__ = ["list_segment_categories"]

LEAD_RE = re.compile(r"\s*(?P<cat>[\u4e00-\u9fff、（）()]{2,24}?)\d+(?:\.\d+)?(?:个)?批次")
NOT_CATEGORY_RE = re.compile(r"抽查|抽检|检验|检测|合格|共|其中|全|本|我|该|累计|总")


def _category(ctx: Ctx, start: int, end: int) -> str | None:
    m = LEAD_RE.match(ctx.text, start, end)
    if m is None:
        return None
    cat = m.group("cat")
    if NOT_CATEGORY_RE.search(cat) or cat in ctx.lex.words("batch_non_categories.txt") or cat.startswith("、") \
            or ctx.resolve_place(cat) is not None:
        return None
    return cat


def list_segment_categories(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind not in INSPECTION_KINDS or o.breakdown is not None:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None or ctx.last_of("：:", sent.span.start, o.span.start) < sent.span.start:
            continue  # only a list opened by a colon
        start = ctx.last_of("；;：:", sent.span.start, o.span.start) + 1
        cat = _category(ctx, start, o.span.end)
        if cat is not None:
            ctx.observations[i] = replace(o, breakdown=cat)
