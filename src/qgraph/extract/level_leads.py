"""A level written before a count in a list of counts by level.

``省级30个部门、市级210个部门、县级900个部门实现归集`` counts departments at three levels: the level word
right before each number (a word of ``levels.tsv`` ending in 级), opening its clause or an item of the
list (after 、), is the level of that count. One such count alone (``省级30个部门实现归集``) is read the same.
"""

from __future__ import annotations

from ..lexicon import Lexicon, per_lexicon
from ..model import Level
from .context import Ctx

__all__ = ["lead_level"]


OPENERS = "，,、；;：:。！？\n "


@per_lexicon
def _lead_words(lex: Lexicon) -> tuple[str, ...]:
    return tuple(sorted((w for w in lex.levels if w.endswith("级")), key=len, reverse=True))


def lead_level(ctx: Ctx, pos: int) -> Level | None:
    """The level word written right before the number at ``pos`` (see the module's docstring), else None."""
    text = ctx.text
    for w in _lead_words(ctx.lex):
        at = pos - len(w)
        if at >= 0 and text.startswith(w, at) and (at == 0 or text[at - 1] in OPENERS):
            return ctx.lex.levels[w]
    return None
