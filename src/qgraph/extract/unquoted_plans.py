"""A plan named without 《》 right after the place that issues it: ``新春伊始，某市推出产业链供应链三年行动计划，…``
— a Policy named with the place restored (``某市产业链供应链三年行动计划``), as a quoted title would be.

Only a name with a span of years right before its ending (``三年行动计划``, ``五年行动方案``;
``unquoted_plan_heads.txt``), after one of ``plan_issue_verbs.txt`` that follows a place's full name:
``全市出台实施方案`` names no plan.

A name that itself starts with a place's full name (``市政府印发某市质量强市建设实施方案``) or with 关于
(``印发关于加快建设质量强市的意见``) and ends with one of ``unquoted_policy_heads.txt`` is a Policy as written,
with or without a span of years: ``出台了质量强市建设实施方案`` (no place, no 关于) names none. Two documents
joined by 和 / 及 / 与 / 、 (``某市…实施方案和相关意见``) give the first one only.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind
from .context import Ctx


@per_lexicon
def _plan_re(lex: Lexicon) -> re.Pattern[str]:
    heads = lex.alternation("unquoted_plan_heads.txt")
    verbs = lex.alternation("plan_issue_verbs.txt")
    return re.compile(rf"(?:{verbs})了?(?P<n>[\u4e00-\u9fff]{{2,14}}?[一二三四五两]年(?:{heads}))(?=[，,。；;、])")


@per_lexicon
def _named_policy_re(lex: Lexicon) -> re.Pattern[str]:
    heads = lex.alternation("unquoted_policy_heads.txt")
    verbs = lex.alternation("plan_issue_verbs.txt")
    return re.compile(rf"(?:{verbs})了?(?P<n>(?:关于[\u4e00-\u9fff“”]{{2,24}}的|[\u4e00-\u9fff]{{4,24}}?)(?:{heads}))"
                      rf"(?=[，,。；;、）)]|$)")


def find_unquoted_plans(ctx: Ctx) -> None:
    _find_placed_plans(ctx)
    for m in _named_policy_re(ctx.lex).finditer(ctx.text):
        name, s, e = m.group("n"), m.start("n"), m.end("n")
        cut = _first_head_before_joiner(ctx, name)
        if cut is not None:  # 印发了某市质量强市建设实施方案和相关意见: the first document only
            name, e = name[:cut], s + cut
        if ctx.overlaps_claim(s, e):
            continue
        if not name.startswith("关于"):
            place = next((p for n in range(min(len(name) - 2, 9), 1, -1)
                          if (p := ctx.resolve_place(name[:n])) is not None and name[:n] == p.name), None)
            if place is None:
                continue  # 出台了质量强市建设实施方案: no name of its own
        ctx.add(Kind.POLICY, name, s, e)
        ctx.claim(s, e)


def _first_head_before_joiner(ctx: Ctx, name: str) -> int | None:
    """The end of the first document head of ``name`` (``unquoted_policy_heads.txt``) that a joining word
    (和, 及, 与, 、) follows: two documents named together, the first one ending there."""
    heads = ctx.lex.words("unquoted_policy_heads.txt", longest_first=True)
    ends = [i + len(h) for h in heads for i in [name.find(h)] if i != -1 and i + len(h) < len(name)
            and name[i + len(h)] in "和及与、"]
    return min(ends) if ends else None


def _find_placed_plans(ctx: Ctx) -> None:
    for m in _plan_re(ctx.lex).finditer(ctx.text):
        before = ctx.text[max(0, m.start() - 8):m.start()]
        place = next((p for n in range(len(before), 1, -1) if (p := ctx.resolve_place(before[-n:])) is not None
                      and before[-n:] == p.name), None)
        if place is None or ctx.overlaps_claim(m.start("n"), m.end("n")):
            continue
        ctx.add(Kind.POLICY, place.name + m.group("n"), m.start("n"), m.end("n"))
        ctx.claim(m.start("n"), m.end("n"))
