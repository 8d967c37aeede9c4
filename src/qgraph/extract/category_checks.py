"""Product categories and the check that samples them.

A list closed by 等 right before a check's name (``电动自行车、燃气灶具等产品质量专项抽查``) is no part of
the name: the check is ``产品质量专项抽查``, the items its categories.

A product category's share of a check: ``共抽查电吹风、电热水壶、电饭锅3类产品72批次。其中，电热水壶抽查30批次，
不合格4批次`` — ``电热水壶抽查`` is no check of its own but the part of the report's check for one of the
categories it listed.

A check named by a category and a bare check word (``抽查``, ``抽检``, ``监督抽查``, ``监督抽检``) is that part
when the report named a check of the same kind before and listed the category after it (before the
clause of the part). Its figures take the report's check as subject and the category as breakdown
(the qualifier of the sampling's figure, not its subject). The category must be an item of a list
(joined by 、 和 及 与, or closed by 等) written after the check's name: a category named in the words of
another activity (``同时开展燃气灶安全宣传进社区活动``) is not one of the check's. A category the report did not list before
(``其中食用农产品抽检8420批次``) stays a check of its own: which it is cannot be told.
"""

from __future__ import annotations

import re

from .patterns import compiled
from ..model import Entity, Kind, Sentence
from .context import Ctx
from .measures import check_fields

__all__ = ["category_part", "items_before_check", "listed_before_check"]

BARE_CHECK_WORDS = ("监督抽查", "监督抽检", "抽查", "抽检")


def category_part(ctx: Ctx, sent: Sentence, kind: Kind, label: str, trig_start: int, trig_end: int
                  ) -> tuple[Entity, str] | None:
    """(the report's check, the category) when the check ``label`` is a listed category's part of it."""
    word = ctx.text[trig_start:trig_end]
    if word not in BARE_CHECK_WORDS or not label.endswith(word) or kind is not Kind.PRODUCT_SPOT_CHECK:
        return None
    category = label[:-len(word)]
    if not 2 <= len(category) <= 10 or any(category.endswith(f) for f in check_fields(ctx.lex)):
        return None  # 食品安全监督抽检: a field, no category
    parents = [e for e in ctx.entities if e.kind is kind and e.span.end <= sent.span.start and e.name != label
               and not e.name.startswith(category)]
    if not parents:
        return None
    parent = parents[-1]
    if not any(_an_item(ctx, m.start(), m.end())
               for m in compiled(re.escape(category)).finditer(ctx.text[:sent.span.start])
               if m.start() >= parent.span.start):
        return None  # the category was not listed as one of the check's
    return parent, category


LIST_JOINS = "、和及与"


def _an_item(ctx: Ctx, start: int, end: int) -> bool:
    """The category written at ``[start, end)`` is an item of a list (``童车、玩具、童装3类产品``,
    ``电动自行车、燃气灶具等``): joined to another item, or closing a list with 等. A category named in
    another sentence's words (``燃气灶安全宣传进社区活动``) is none of the check's list."""
    if ctx.text[end:end + 2] in ("抽查", "抽检"):
        return False
    return ctx.text[start - 1:start] in LIST_JOINS or ctx.text[end:end + 1] in LIST_JOINS + "等"



ITEM_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{2,10}、$")


def listed_before_check(ctx: Ctx, lo: int, start: int) -> int | None:
    """Where a check's name starts after a list closed by 等 inside its label (``燃气灶具等产品质量专项抽查``
    → after 等), or None."""
    cut = ctx.text.rfind("等", lo, start)
    if cut == -1 or ctx.text[cut + 1:cut + 2] == "级" or cut - lo < 2 or cut + 1 >= start:
        return None  # 质量等级抽查: no list
    return cut + 1


def items_before_check(ctx: Ctx, lo: int) -> list[tuple[int, int]]:
    """The items of a list closed by 等 right before ``lo`` (a check's name), first to last; a list of
    two items at least (joined by 、), else none (where a single item starts is not told)."""
    if ctx.text[lo - 1:lo] != "等":
        return []
    end = lo - 1
    sep = ctx.text.rfind("、", max(0, end - 11), end)
    if sep == -1 or end - sep - 1 < 2 or not all("\u4e00" <= c <= "\u9fff" for c in ctx.text[sep + 1:end]):
        return []
    out = [(sep + 1, end)]
    start = sep + 1
    while (m := ITEM_BEFORE_RE.search(ctx.text, max(0, start - 11), start)) is not None and m.end() == start:
        item_start, item_end = m.start(), start - 1
        for verb in ("开展", "组织", "实施", "对", "将"):
            at = ctx.text.rfind(verb, item_start, item_end)
            if at != -1:
                item_start = max(item_start, at + len(verb))
        if item_end - item_start < 2:
            break
        out.insert(0, (item_start, item_end))
        if item_start != m.start():
            break  # the list's first item, after its verb
        start = item_start
    return out
