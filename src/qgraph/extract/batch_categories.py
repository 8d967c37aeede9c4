"""The product category written right after a batch count: the clause's part of the check.

District and product sub-results of a bulletin often name what was checked after the count
(``福鼎市34家生产企业39批次合成革产品，其中4批次不合格；…69家经销企业73批次车用柴油，其中7批次不合格``):
the clause's figures of the check are that category's part of it. The category (without a closing
产品) becomes the breakdown of the check's figures in its segment (up to ；), and a measure that is only
the category's name becomes 批次. A generic noun (产品, 样品; ``batch_non_categories.txt``) opening it, or
an outcome (4批次不合格, 412批次产品不合格; ``outcome_words.txt``), or only a modifier (35批次各类产品;
``sampled_category_stops.txt``) names no category, nor does a word qualifying the count
(3200批次以上, 320批次左右).
"""

from __future__ import annotations

import dataclasses
import re

from ..model import INSPECTION_KINDS, Observation
from .context import Ctx

BATCH_CATEGORY_RE = re.compile(r"\d+(?:\.\d+)?万?个?批次(?!以上|以下|左右|余|多[，,；;。])(?P<cat>[\u4e00-\u9fff]{2,10}?)(?:产品)?(?=[，,；;。])")


def batch_category(ctx: Ctx, start: int, end: int, obs: Observation) -> Observation:
    """``obs`` (a check's figure read in the segment ``start``–``end``) with the category written after a
    batch count of its segment as breakdown, when it has none."""
    if obs.subject is None or obs.subject.kind not in INSPECTION_KINDS or obs.breakdown:
        return obs
    generic = ("的",) + ctx.lex.words("batch_non_categories.txt")
    found = [m for m in BATCH_CATEGORY_RE.finditer(ctx.text, start, end)
             if not m.group("cat").startswith(generic)
             and not any(w in m.group("cat") for w in ctx.lex.words("outcome_words.txt"))
             and m.group("cat") not in ctx.lex.words("sampled_category_stops.txt")]
    if len(found) != 1:
        return obs  # none, or several categories in one segment: whose figure is which cannot be told here
    cat = found[0].group("cat")
    measure = "批次" if obs.measure in (cat, cat + "产品") else obs.measure
    return dataclasses.replace(obs, breakdown=cat, measure=measure)
