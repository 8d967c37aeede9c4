"""A leading group's or committee's name read back to the place at the start of its clause.

The words between a place and the ending of its group (``某省质量强省及品牌战略推进工作领导小组办公室``) are
the group's topic; a verb or 及 inside them (推进, 建设) is no boundary of the name. When the boundary
words cut such a name to a generic one that starts with no place (``工作领导小组办公室``), the name starts
again at the place that opens the clause, after at most one leading function character (由, 经), provided
no word of a sentence lead lies between (``group_name_breaks.txt``: 召开, 成立, 积极 …), nor 与 or 、, nor
another organisation's ending before 和 / 及.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from .context import PUNCT, Ctx

__all__ = ["name_breaks", "placed_start"]

LEADING = "由经据在对向从为与和及将把被"
ORG_BEFORE_JOIN = r"(?:局|委|会|厅|办|室|院|所|司|中心|政府)[和及]"
"""某局和某领导小组办公室: another organisation joined before the group ends the lead's words."""
MAX_NAME = 30


@per_lexicon
def _breaks(lex: Lexicon) -> re.Pattern[str]:
    words = sorted(lex.words("group_name_breaks.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) + r"|[的了是与、]|" + ORG_BEFORE_JOIN)


def name_breaks(lex: Lexicon) -> re.Pattern[str]:
    """Words of a sentence's lead that no group's name holds (``group_name_breaks.txt``, 的, 与, 、 …)."""
    return _breaks(lex)


def placed_start(ctx: Ctx, start: int, ending: int) -> int:
    """Where the name whose ending starts at ``ending`` begins, given the boundary words' ``start``:
    ``start`` itself when the name there opens with a place (or an elided 省/市/县/区), else the start
    of a clause-opening place whose words run to ``ending`` without a sentence lead's word."""
    from .orgs import place_starting_at  # (orgs calls this module: imported at call time)

    text = ctx.text
    if place_starting_at(ctx, start, limit=ending) is not None or text[start:start + 1] in "省市县区州旗":
        return start
    lo = start
    floor = max(0, ending - MAX_NAME, ctx.claim_end_before(start, 0))
    while lo > floor and text[lo - 1] not in PUNCT and not text[lo - 1].isdigit():
        lo -= 1
    if lo == floor and lo > 0 and text[lo - 1] not in PUNCT:
        return start  # the clause starts further back than a name can: no clause-opening place
    if text[lo:lo + 1] in LEADING:
        lo += 1
    found = place_starting_at(ctx, lo, limit=start)
    if found is not None and not ctx.plausible(found[1]):
        return start
    if found is None and not (text[lo:lo + 1] in "省市县区州旗" and ctx.place_for_prefix(text[lo]) is not None):
        return start
    if _breaks(ctx.lex).search(text, lo, ending):
        return start
    return lo
