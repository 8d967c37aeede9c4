"""Trailing categories: a check's part whose product category is written after its counts.

``其中，抽查某地12家生产企业的30批次电线电缆产品，2批次不合格；抽查…``: the category (``电线电缆``) closes
the clause after the counts, so the rules that read a category before a count miss it and the part's
figures read as the whole check's. Every figure of the check from the 抽查 to the end of its part (the
next ；or 。) takes the category as its breakdown (the qualifier that tells it from the check's total).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import INSPECTION_KINDS
from .context import Ctx

TRAILING_RE = re.compile(r"(?:抽查|抽检)[^，,；;。的]{0,12}?的[\d.]+(?:万)?批次(?P<cat>[\u4e00-\u9fff、]{2,16}?)(?:产品|样品)"
                         r"(?=[，,；;。])")


def trailing_categories(ctx: Ctx) -> None:
    """Give the figures of each check part closed by its category that category as breakdown."""
    parts: list[tuple[int, int, str]] = []
    for m in TRAILING_RE.finditer(ctx.text):
        end = ctx.first_of("；;。\n", m.end(), len(ctx.text))
        parts.append((m.start(), end if end != -1 else len(ctx.text), m.group("cat")))
    if not parts:
        return
    for i, o in enumerate(ctx.observations):
        if o.breakdown is not None or o.subject is None or o.subject.kind not in INSPECTION_KINDS:
            continue
        cat = next((c for s, e, c in parts if s <= o.span.start < e), None)
        if cat is not None:
            ctx.observations[i] = replace(o, breakdown=cat)
