"""Figures of an award's winners as a group: ``据统计，获奖企业年平均利润额达到3.5亿元，近3年累计新增发明
专利120项，为社会创造就业岗位1.2万个``; of its round of applications: ``第二届某县县长质量奖申报工作从5月
启动，共有15家单位申报评选``.

A figure written after a group word of its sentence (``data/lexicon/award_group_words.txt``), with no place
or organisation named between them, is the award's (its measure says what of the award it counts): the
award named right before the word, else — for words of winners — the award the document named last before
the sentence (a grade of it, such as its 提名奖, stands for the award itself; decided in ``award_of_count.py``).
The document's place is not the subject.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon
from ..model import CONFIDENCE, Kind, Ref
from .award_of_count import award_ending_at, carried_award
from .context import Ctx

__all__ = ["find_winner_figures"]


def _words(lex: Lexicon) -> tuple[tuple[str, ...], ...]:
    return lex.table("award_group_words.txt", columns=2)


def _award_of_group(ctx: Ctx, sent_start: int, pos: int) -> tuple[Ref, float] | None:
    """The award whose group is named in ``[sent_start, pos)``, and how surely."""
    text = ctx.text[sent_start:pos]
    for word, how in _words(ctx.lex):
        at = text.rfind(word)
        if at == -1:
            continue
        start = sent_start + at
        if not re.search(r"[^，,；;：:\s]", ctx.text[start + len(word):pos]):
            return None  # …获奖组织17家: a count of the group itself, the holder's stock
        clause = ctx.last_of("，,；;：:", sent_start, start) + 1
        named = ctx.entities_in(max(clause, sent_start), start) + ctx.entities_in(start + len(word), pos)
        if any(e.kind is Kind.PLACE or e.kind.is_organization for e in named):
            return None  # a subject named around the group (合肥市现有某奖获奖组织…): that one's figure
        named = award_ending_at(ctx, start)
        if named is not None:
            return named.ref, CONFIDENCE["named"]
        if how != "carried" or ctx.text[start - 1:start] not in ("", "，", ",", "：", ":", "\n", "。") and start > sent_start:
            return None  # 各级政府质量奖获奖企业: a class of awards' winners
        carried = carried_award(ctx, sent_start, pos)  # none when the sentence names another contest
        return (carried, CONFIDENCE["carried"]) if carried is not None else None
    return None


def find_winner_figures(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.subject is not None and o.subject.kind is not Kind.PLACE:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        found = _award_of_group(ctx, sent.span.start, o.span.start)
        if found is None:
            continue
        ref, confidence = found
        ctx.observations[i] = replace(o, subject=ref, subject_inferred=False, confidence=confidence)
