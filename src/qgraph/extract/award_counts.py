"""Counts written right after an award's name are the award's: ``共评选出区长质量奖3家、提名奖4家``.

The count of winners belongs to the programme (the place is only its area), also when the rules read the
figure with the document's place as its subject. Only a programme mention ending where the number starts
(or before 获奖组织 / 企业 … written between) counts, and only for units that count winners (``data/lexicon/award_count_units.txt``); the
programme is named in the figure's own words, so the figure is vouched for as named; so is a count of
people right before a verb of being named and the title (``2人被评为某市优秀首席质量官``). A count of
``本年度`` / ``本届`` (or with no time words) is of the award's own year when the document writes the award
with one year (``2024年度区长质量奖`` in a news of 2025): the year of the award, not of the news. Which
award a count is of is decided in ``award_of_count.py``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE
from .award_of_count import award_ending_at, award_starting_at
from .context import Ctx
from .owners import held_stock
from .sub_awards import award_years, base_name

NAMED_AFTER_RE = re.compile(r"(?:被评为|被评选为|获评|荣获|被命名为|被认定为|入选)(?:\d{4}年度?)?")
GAP_RE = re.compile(r"(?:(?:获奖|获评|入选|受表彰)?(?:组织|企业|单位|个人|品牌|产品))?$")
"""What may stand between an award and its count: ``提名奖获奖组织3家``."""
HOLDS_RE = re.compile(r"(?:拥有|现有|共有|累计有)[^，,。；;]{0,24}$")
PEOPLE_UNITS = frozenset({"Ren", "Ming", "Wei"})
OWN_YEAR_WORDS = ("本年度", "本届", "本次", "本批")

__all__ = ["find_award_counts"]


@per_lexicon
def _units(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.words("award_count_units.txt"))


def find_award_counts(ctx: Ctx) -> None:
    units = _units(ctx.lex)
    for i, o in enumerate(ctx.observations):
        if o.unit not in units:
            continue
        gap = GAP_RE.search(ctx.text, max(0, o.span.start - 8), o.span.start)
        prog = award_ending_at(ctx, o.span.start, programmes=True) \
            or award_ending_at(ctx, o.span.start - len(gap.group()), programmes=True)
        named = NAMED_AFTER_RE.match(ctx.text, o.span.end)
        if prog is None and named is not None and o.unit in PEOPLE_UNITS:
            # 甲、乙2人被评为某市优秀首席质量官: the people counted are the title's
            prog = award_starting_at(ctx, named.end())
            if prog is not None:
                o = replace(o, measure="获评人数")
        if prog is None or (o.subject is not None and o.subject != prog.ref and not o.subject_inferred
                            and o.confidence >= CONFIDENCE["named"]):
            continue  # a subject named in the figure's clause stays (全市拥有江苏省名牌产品361个: the city's)
        if HOLDS_RE.search(ctx.text, max(0, prog.span.start - 30), prog.span.start):
            continue  # a count the place holds is the place's stock
        sent = ctx.sentence_of(o.span.start)
        if ctx.home is not None and o.subject is not None and o.subject.name == ctx.home.name and sent is not None \
                and held_stock(ctx, sent, o.span.start, o.span.end, []):
            continue  # 全县现有注册商标…；省名牌产品16个: the sentence's stock of the place, past a ；
        period = o.period
        if o.period_inferred or (o.period_words or "") in OWN_YEAR_WORDS:
            years = award_years(ctx, base_name(ctx.lex, prog.name))
            if len(years) == 1:
                period = years.pop()
        ctx.observations[i] = replace(o, subject=prog.ref, subject_inferred=False, period=period,
                                      confidence=max(o.confidence, CONFIDENCE["named"]))

