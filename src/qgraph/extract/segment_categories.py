"""A check's results listed by product category after a colon, one part of the sentence per category.

``经检验：甲类产品24批次，不合格1批次，不合格产品发现率4%；乙类产品2批次，不合格1批次…``: each part opened by
the colon or a ；, led by a category right before its count of batches, holds that category's figures of the
report's check — the category is their breakdown (the qualifier, not the subject). Without it the parts
read as one check's figure stated several times with different values. A lead that names a place, a whole
(全市), the check's own batches (``batch_non_categories.txt``: 产品, 样品 …) or a word of checking is no
category. A total stated right before 其中 and listed by category after it (``不符合标准要求的产品共12批次，其中，
甲1批次，乙2批次``): each item is the total's measure for its category.
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
        if sent is None:
            continue
        if ctx.last_of("：:", sent.span.start, o.span.start) >= sent.span.start:  # a list opened by a colon
            start = ctx.last_of("；;：:", sent.span.start, o.span.start) + 1
            cat = _category(ctx, start, o.span.end)
            if cat is not None:
                ctx.observations[i] = replace(o, breakdown=cat)
            continue
        whole = _whole_before_among(ctx, sent.span.start, o, i)
        if whole is not None:  # 不合格产品共12批次，其中，甲1批次，乙2批次: the total's parts, each its category's
            start = ctx.last_of("，,；;", sent.span.start, o.span.start) + 1
            cat = _category(ctx, start, o.span.end)
            if cat is not None and ITEM_END_RE.match(ctx.text, o.span.end):
                ctx.observations[i] = replace(o, breakdown=cat, measure=whole.measure)


ITEM_END_RE = re.compile(r"\s*(?:[，,；;。]|$)")
AMONG_RE = re.compile(r"其中[，,]?")


def _whole_before_among(ctx: Ctx, lo: int, o, i: int):
    """The check's figure of the same unit stated right before a 其中 that opens the list ``o`` is in (None: none)."""
    among = ctx.text.rfind("其中", lo, o.span.start)
    if among == -1 or re.search(r"[；;。]", ctx.text[among:o.span.start]):
        return None
    before = [p for p in ctx.observations[:i] if lo <= p.span.start < among and p.unit == o.unit and p.subject == o.subject]
    if not before or before[-1].breakdown is not None or not re.fullmatch(r"\s*[，,]?\s*", ctx.text[before[-1].span.end:among]):
        return None
    return before[-1]
