"""Prize money promised to the winners of named awards: whose sum it is.

``对新获某市政府质量奖的企业或组织每家奖励100万元`` — the sum is the award's prize (measure 奖励), not a
figure of the place; ``对新获甲奖、乙奖的企业，一次性分别给予300万元、200万元的奖励`` — one sum per award,
in the order written (as many sums as awards, 分别 or 各 tying them). The lead is ``对`` + a verb of
winning (``prize_winner_verbs.txt``) + the awards + ``的`` + the winners' noun; the sums are those after the
lead up to the next ``；`` or the end of the sentence, read before any other lead. When awards and sums
do not pair one to one nothing is changed; nor when what is won is no award (a certification's subsidy,
``对首次获得“某认证”的企业给予奖励``, is the payer's).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE
from .award_of_count import is_award
from .context import Ctx

__all__ = ["find_prize_money"]

WINNER_NOUN = r"(?:企业|组织|单位|个人|集体)(?:或(?:其他)?(?:企业|组织|单位|个人))?"


@per_lexicon
def _lead_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.words("prize_winner_verbs.txt", longest_first=True)
    return re.compile(r"对(?:新|首次|当年)?(?:" + "|".join(map(re.escape, verbs)) + r")(?P<who>[^，,。；;]{2,60}?)的"
                      + WINNER_NOUN)


def find_prize_money(ctx: Ctx) -> None:
    for m in _lead_re(ctx.lex).finditer(ctx.text):
        awards = [e for e in ctx.entities_in(m.start("who"), m.end("who")) if e.kind.is_programme]
        if not all(is_award(a) for a in awards):
            continue  # 对首次获得“某认证”的企业给予奖励: a certification's subsidy stays the payer's
        if not awards or any(a.span.start < m.start("who") or a.span.end > m.end("who") for a in awards):
            continue
        sent = ctx.sentence_of(m.start())
        end = sent.span.end if sent is not None else len(ctx.text)
        semi = ctx.first_of("；;", m.end(), end)
        end = semi if semi != -1 else end
        nxt = _lead_re(ctx.lex).search(ctx.text, m.end(), end)
        end = nxt.start() if nxt is not None else end
        sums = sorted((i for i, o in enumerate(ctx.observations)
                       if o.unit == "Yuan" and m.end() <= o.span.start < end), key=lambda i: ctx.observations[i].span.start)
        if not sums:
            continue
        tail = ctx.text[m.end():ctx.observations[sums[-1]].span.end]
        if len(awards) == 1 and len(sums) == 1:
            pairs = [(awards[0], sums[0])]
        elif len(awards) == len(sums) and re.search(r"分别|各", tail):
            pairs = list(zip(awards, sums))
        else:
            continue
        for award, i in pairs:
            o = ctx.observations[i]
            measure = o.measure if "奖" in (o.measure or "") else "奖励"
            ctx.observations[i] = replace(o, subject=award.ref, measure=measure, subject_inferred=False,
                                          confidence=max(o.confidence, CONFIDENCE["named"]))
