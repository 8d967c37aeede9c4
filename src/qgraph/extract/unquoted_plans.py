"""A plan named without 《》 right after the place that issues it: ``新春伊始，某市推出产业链供应链三年行动计划，…``
— a Policy named with the place restored (``某市产业链供应链三年行动计划``), as a quoted title would be.

Only a name with a span of years right before its ending (``三年行动计划``, ``五年行动方案``;
``unquoted_plan_heads.txt``), after one of ``plan_issue_verbs.txt`` that follows a place's full name:
``全市出台实施方案`` names no plan.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx


@per_lexicon
def _plan_re(lex: Lexicon) -> re.Pattern[str]:
    heads = "|".join(map(re.escape, lex.words("unquoted_plan_heads.txt", longest_first=True)))
    verbs = "|".join(map(re.escape, lex.words("plan_issue_verbs.txt", longest_first=True)))
    return re.compile(rf"(?:{verbs})了?(?P<n>[\u4e00-\u9fff]{{2,14}}?[一二三四五两]年(?:{heads}))(?=[，,。；;、])")


def find_unquoted_plans(ctx: Ctx) -> None:
    for m in _plan_re(ctx.lex).finditer(ctx.text):
        before = ctx.text[max(0, m.start() - 8):m.start()]
        place = next((p for n in range(len(before), 1, -1) if (p := ctx.resolve_place(before[-n:])) is not None
                      and before[-n:] == p.name), None)
        if place is None or ctx.overlaps_claim(m.start("n"), m.end("n")):
            continue
        ctx.add(Kind.POLICY, place.name + m.group("n"), m.start("n"), m.end("n"))
        ctx.claim(m.start("n"), m.end("n"))
