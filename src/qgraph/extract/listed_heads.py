"""A name heading a clause as one item of a list is no subject of the clause's figures.

``在乐清市、瑞安市等地…`` and ``“甲县红茶”“甲县白茶”和“甲县绿茶”3件地理标志证明商标获核准注册``:
the first name is one of several the count after them counts; the figure is not that item's. A name
followed (after its closing quote, if any) by a list joiner (、 和 及 与 等) or by the opening quote of
the next quoted item is such an item.
"""

from __future__ import annotations

import re

from ..model import Entity
from .context import Ctx

JOINER_RE = re.compile(r"[”\"]?\s*(?:[、和及与等]|[“\"])")


def listed_item(ctx: Ctx, ent: Entity) -> bool:
    """``ent`` is one item of a list (``甲、乙…``, ``“甲”“乙”…``, ``“甲”等3件…``)."""
    return bool(JOINER_RE.match(ctx.text, ent.span.end))
