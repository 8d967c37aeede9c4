"""Applicants counted for an award: ``2019年，共有10家组织参与某市政府质量奖角逐``, ``共有25家企业申报某奖``.

A count of organisations (``家/个/名`` + 组织 / 企业 / 单位 / 个人) followed in its clause by a verb of
competing (``applicant_verbs.txt``: 参与, 参加, 申报, 角逐 …) and an award named after it is the award's
applicants (measure: the verb and the noun, 申报企业), not a stock of the place; in a sentence naming one programme before the count,
a count followed by a verb of applying, or after a verb of selection, is that programme's (``find_round_counts``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, Kind
from .award_of_count import is_award
from .context import Ctx

__all__ = ["find_applicants", "find_round_counts"]

NOUN_RE = re.compile(r"(?P<noun>组织|企业|单位|个人)")


@per_lexicon
def _verb_re(lex: Lexicon) -> re.Pattern[str]:
    verbs = lex.words("applicant_verbs.txt", longest_first=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, verbs)) + r")了?[“\"]?(?:\d{4}年度?)?(?:第[一二三四五六七八九十\d]+届|首届)?$")


def find_applicants(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.unit not in ("Jia", "Ge", "Ming", "Ren") or (o.subject is not None and o.subject.kind is not Kind.PLACE):
            continue
        n = NOUN_RE.match(ctx.text, o.span.end)
        if n is None:
            continue
        end = ctx.first_of("，,；;。", n.end(), min(len(ctx.text), n.end() + 40))
        end = end if end != -1 else min(len(ctx.text), n.end() + 40)
        award, verb = None, None
        for e in ctx.entities_in(n.end(), end):
            if is_award(e) and (verb := _verb_re(ctx.lex).search(ctx.text, n.end(), e.span.start)) is not None:
                award = e
                break
        if award is None or verb is None:
            continue
        said = next(w for w in ctx.lex.words("applicant_verbs.txt", longest_first=True) if verb.group().startswith(w))
        # the applicants' noun keeps the verb (申报企业): a bare 企业 of an award reads as its winners
        ctx.observations[i] = replace(o, subject=award.ref, measure=said + n.group("noun"), subject_inferred=False,
                                      confidence=max(o.confidence, CONFIDENCE["named"]))


APPLIED_RE = re.compile(r"(?:主动|自愿|积极)?(?:申报|参评)")


def find_round_counts(ctx: Ctx) -> None:
    """``开展某名品评价工作，共707家企业主动申报，最终评选出73个…名品``: in a sentence naming one programme
    before, a count of organisations followed by a verb of applying is the programme's applicants (measure
    申报 + the noun), and a count after a verb of selection (``selection_verbs.txt``) is the programme's."""
    selection = tuple(ctx.lex.words("selection_verbs.txt", longest_first=True))
    for i, o in enumerate(ctx.observations):
        if o.unit not in ("Jia", "Ge", "Ming", "Ren") or o.subject is None or o.subject.kind is not Kind.PLACE:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        progs = {e.ref for e in ctx.entities_in(sent.span.start, o.span.start) if e.kind.is_programme}
        if not progs:  # 开展“某名品”引领行动和某名品评价工作: a programme of the document written again
            progs = {e.ref for e in ctx.entities if e.kind.is_programme
                     and e.name in ctx.text[sent.span.start:o.span.start]}
        if len(progs) != 1:
            continue
        cs = max(sent.span.start, ctx.last_of("，,；;", sent.span.start, o.span.start) + 1)
        n = NOUN_RE.match(ctx.text, o.span.end)
        if n is not None and APPLIED_RE.match(ctx.text, n.end()):
            ctx.observations[i] = replace(o, subject=progs.pop(), measure="申报" + n.group("noun"), subject_inferred=False,
                                          confidence=max(o.confidence, CONFIDENCE["carried"]))
        elif any(v in ctx.text[cs:o.span.start] for v in selection):
            ctx.observations[i] = replace(o, subject=progs.pop(), subject_inferred=False,
                                          confidence=max(o.confidence, CONFIDENCE["carried"]))
