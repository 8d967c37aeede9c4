"""Names of events written around a quote.

- A named occasion quoted on its own (``借助“质量月”“品牌日”契机``, ``在“世界计量日”到来之际``) is an
  Event under the name as written (``occasions.txt``); quoted before an event's ending it is left to the
  event rules (``“质量月”宣传活动``).
- An event named by a quote and its ending keeps the place and the year written right before the quote
  (``某市2024年“质量月”宣传活动``, ``2024年某市“质量月”启动仪式``): they are part of its name, and the place
  there is no mention of the place.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from .context import Ctx

__all__ = ["is_occasion", "name_prefix_start"]

YEAR_RE = re.compile(r"(?:19|20)\d{2}年(?:度)?$")


@per_lexicon
def _occasions(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.words("occasions.txt"))


def is_occasion(ctx: Ctx, inner: str) -> bool:
    return inner in _occasions(ctx.lex)


def name_prefix_start(ctx: Ctx, quote_start: int) -> int:
    """Where a year and a place written right before ``quote_start`` begin (``quote_start`` if neither)."""
    from .orgs import place_ending_at  # (orgs imports the extractor's modules: imported at call time)

    pos = quote_start
    seen_place = seen_year = False
    for _ in range(2):
        year = YEAR_RE.search(ctx.text, max(0, pos - 7), pos)
        if year is not None and not seen_year:
            pos, seen_year = year.start(), True
            continue
        found = place_ending_at(ctx, pos) if not seen_place else None
        if found is not None and ctx.plausible(found[1]) and not ctx.overlaps_claim(found[0], pos):
            pos, seen_place = found[0], True
            continue
        break
    return pos
