"""Names of events written around a quote.

- A named occasion quoted on its own (``借助“质量月”“品牌日”契机``, ``在“世界计量日”到来之际``) is an
  Event under the name as written (``occasions.txt``); quoted before an event's ending it is left to the
  event rules (``“质量月”宣传活动``), which with ``event_names.py`` give it the place and year written
  before it (``某市2024年“质量月”宣传活动``).
"""

from __future__ import annotations

from ..lexicon import Lexicon, per_lexicon
from .context import Ctx

__all__ = ["is_occasion"]


@per_lexicon
def _occasions(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.words("occasions.txt"))


def is_occasion(ctx: Ctx, inner: str) -> bool:
    return inner in _occasions(ctx.lex)
