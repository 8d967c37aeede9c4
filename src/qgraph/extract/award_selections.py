"""Award selections: ``全区累计评选出区长质量奖获奖企业15家``, ``今年共评出县长质量奖3家、提名奖5家`` count an award's
winners, not what the place has.

A count whose measure names an award (a word ending in 奖) and whose clause reports a selection (a verb
of ``data/lexicon/selection_verbs.txt`` before the number) is the award's: the honour programme the
report names whose name ends with the award as written (``区长质量奖`` → 某区区长质量奖), else — the award
named only short, or a nomination award the report does not name in full — it is marked inferred rather
than given to the place (decided in ``award_of_count.py``). A count the place holds (``全市现有市长质量奖获奖组织17家``) names no selection
and stays the place's.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Sentence
from .award_of_count import award_of_short_name
from .context import Ctx
from .gradings import Graded

__all__ = ["award_count_frame"]

AWARD_RE = re.compile(r"(?P<award>[\u4e00-\u9fff]{2,14}?奖)(?:获奖|获得|提名)?(?:企业|组织|单位|个人|项目|者)?$")


@per_lexicon
def _lead_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.alternation("selection_verbs.txt")
    return re.compile(r"^(?:" + verbs + r"|累计|共|今年|全年)+")


def award_count_frame(ctx: Ctx, sent: Sentence, pos: int, measure: str) -> Graded | None:
    m = AWARD_RE.search(measure)
    if m is None:
        return None
    head = ctx.text[sent.span.start:pos]
    if not any(v in head for v in ctx.lex.words("selection_verbs.txt")):
        return None  # 全市现有市长质量奖获奖组织17家: a stock the place holds
    award = _lead_re(ctx.lex).sub("", m.group("award"))
    subject, how = award_of_short_name(ctx, award, pos)
    return Graded(subject, how, measure)
