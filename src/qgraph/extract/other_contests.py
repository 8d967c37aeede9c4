"""A sentence that names another contest: its winners are that contest's.

``某市市长质量奖评选结果揭晓。在全国职业技能大赛中，全市共有3家企业、8名个人获奖`` — the award named in the
sentence before is not carried to the winners counted here: the sentence names a contest of its own
(``data/lexicon/contest_words.txt``: 大赛, 比赛, 竞赛, 评选 …). A contest word written right after a
back-reference (``本次评选``, ``此次评选``; ``back_references.tsv``) or right after an award's name
(``某市长质量奖评选``) is that award's contest and names no other.
"""

from __future__ import annotations

from ..lexicon import Lexicon, per_lexicon
from .context import Ctx

__all__ = ["names_other_contest"]


@per_lexicon
def _back_words(lex: Lexicon) -> tuple[str, ...]:
    rows = lex.table("back_references.tsv", columns=2, header="word")
    return tuple(sorted((r[0] for r in rows if r[1] in ("award", "both", "alone")), key=len, reverse=True))


def names_other_contest(ctx: Ctx, start: int, end: int) -> bool:
    """``[start, end)`` (a sentence up to its count) names a contest that is not the award carried into it."""
    text = ctx.text
    for word in ctx.lex.words("contest_words.txt", longest_first=True):
        at = text.find(word, start, end)
        while at != -1:
            if not any(text.endswith(b, start, at) for b in _back_words(ctx.lex)) \
                    and not any(e.kind.is_programme for e in ctx.ending_at(at)):
                return True
            at = text.find(word, at + len(word), end)
    return False
