"""Indicators of a field: a rate that heads its own clause is not a check's.

``…农产品质量监督抽检合格率达到97%以上，竣工验收工程质量一次性合格率达100%``: the second rate names its own
field (工程质量) and no check, so the check of the clause before does not govern it. The words that make a
phrase an indicator are ``data/lexicon/indicator_words.txt``; a clause naming a check (the triggers of
``inspection_triggers.tsv``) or opened by 其中 (a part of the check) stays with the check. The lexical sibling of this rule is
``owners.indicator_of_place`` (``place_indicators.txt``: measures no check can have, wherever written); this
one reads the clause's shape, so a field's rate the list does not know is caught too.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Entity, Sentence
from .context import Ctx
from .periods import clause_start


@per_lexicon
def indicator_re(lex: Lexicon) -> re.Pattern[str]:
    """An indicator phrase up to its rate: an indicator word, then the rate (…合格率, …满意度)."""
    words = lex.alternation("indicator_words.txt")
    return re.compile(r"[^，,；;。：:\d]{0,16}(?:" + words + r")[^，,；;。：:\d]{0,12}(?:率|度)"
                      r"(?:为|达到|达|是|保持在|保持)?(?:了)?$")


def own_indicator(ctx: Ctx, sent: Sentence, check: Entity, pos: int) -> bool:
    """True when the figure at ``pos`` is an indicator heading its own clause, after the clause that named
    ``check``: the check does not govern it."""
    cs = clause_start(ctx, sent, pos)
    if check.span.start >= cs:
        return False
    clause = ctx.text[cs:pos]
    if clause.startswith("其中") or not indicator_re(ctx.lex).fullmatch(clause):
        return False
    return not any(t.word in clause for t in ctx.lex.triggers)
