"""A product category's share of a check: ``共抽查电吹风、电热水壶、电饭锅3类产品72批次。其中，电热水壶抽查30批次，
不合格4批次`` — ``电热水壶抽查`` is no check of its own but the part of the report's check for one of the
categories it listed.

A check named by a category and a bare check word (``抽查``, ``抽检``, ``监督抽查``, ``监督抽检``) is that part
when the report named a check of the same kind before and listed the category after it (before the
clause of the part). Its figures take the report's check as subject and the category as breakdown
(the qualifier of the sampling's figure, not its subject). A category the report did not list before
(``其中食用农产品抽检8420批次``) stays a check of its own: which it is cannot be told.
"""

from __future__ import annotations

from ..model import Entity, Kind, Sentence
from .context import Ctx
from .measures import check_fields

__all__ = ["category_part"]

BARE_CHECK_WORDS = ("监督抽查", "监督抽检", "抽查", "抽检")


def category_part(ctx: Ctx, sent: Sentence, kind: Kind, label: str, trig_start: int, trig_end: int
                  ) -> tuple[Entity, str] | None:
    """(the report's check, the category) when the check ``label`` is a listed category's part of it."""
    word = ctx.text[trig_start:trig_end]
    if word not in BARE_CHECK_WORDS or not label.endswith(word) or kind is not Kind.PRODUCT_SPOT_CHECK:
        return None
    category = label[:-len(word)]
    if not 2 <= len(category) <= 10 or any(category.endswith(f) for f in check_fields()):
        return None  # 食品安全监督抽检: a field, no category
    parents = [e for e in ctx.entities if e.kind is kind and e.span.end <= sent.span.start and e.name != label
               and not e.name.startswith(category)]
    if not parents:
        return None
    parent = parents[-1]
    listed = ctx.text.find(category, parent.span.start, sent.span.start)
    if listed == -1 or ctx.text[listed + len(category):listed + len(category) + 2] in ("抽查", "抽检"):
        return None  # the category was not listed as one of the check's
    return parent, category

