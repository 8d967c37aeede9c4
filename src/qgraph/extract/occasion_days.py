"""Figures of the day of an event: ``活动当天，发放宣传资料2000余份`` / ``活动现场，20家企业进行了展示``.

A sentence opening with a word of the event's day or site (``occasion_day_leads.txt``: ``活动当天``, ``仪式现场``, ``启动仪式上``) speaks
of the event the report named last before it (an event or a meeting): its figures are that event's, not the
place's. So does a sentence opening with an event pointed at by name (``此次“质量月”集中宣讲活动，共…``): the
event named before it (此次 points back, whatever words it now uses), else the one it names. (Their period stays the year, as the annotations of such reports have it.) Not so a count in a clause
naming a programme or an award, or handing honours out (``活动现场，…对五家某奖获奖企业进行了颁奖``;
``ceremony_verbs.txt``, ``award_won_verbs.txt``): whether the winners are the event's figure or the award's
the rules of awards tell, not this frame.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, per_lexicon
from ..model import Kind, Ref, Sentence
from .context import Ctx
from .periods import clause_end, clause_start

__all__ = ["occasion_day"]


@per_lexicon
def _day_lead_re(lex: Lexicon) -> re.Pattern[str]:
    """A sentence's opening word of an event's day or site (``occasion_day_leads.txt``)."""
    return re.compile(rf"\s*(?:此次|本次)?(?:{lex.alternation('occasion_day_leads.txt') or '(?!)'})[，,：:]")


THIS_RE = re.compile(r"\s*(?:此次|本次|这次)")


def _this_event(ctx: Ctx, sent: Sentence, pos: int) -> tuple[Ref, re.Match[str]] | None:
    """The event a sentence opens with, pointed at (``此次“质量月”集中宣讲活动，共发放…``): its own name, then a
    comma; the event and the match of the lead."""
    this = THIS_RE.match(ctx.text, sent.span.start)
    if this is None:
        return None
    at = this.end() + (1 if ctx.text[this.end():this.end() + 1] in "“\"" else 0)
    event = next((e for e in ctx.starting_at(this.end(), pos) if e.kind in (Kind.EVENT, Kind.MEETING)), None) \
        or next((e for e in ctx.starting_at(at, pos) if e.kind in (Kind.EVENT, Kind.MEETING)), None)
    if event is None:
        return None
    comma = re.compile(r"[”\"]?[^，,。；;\d]{0,2}[，,]").match(ctx.text, event.span.end)
    return (event.ref, comma) if comma is not None else None


def occasion_day(ctx: Ctx, sent: Sentence, pos: int) -> Ref | None:
    """The event whose day or site the sentence of ``pos`` opens with; None when the sentence opens with no
    such word or no event is named before it."""
    lead = _day_lead_re(ctx.lex).match(ctx.text, sent.span.start)
    named = _this_event(ctx, sent, pos) if lead is None else None
    if named is not None:
        lead = named[1]
    if lead is None or lead.end() > pos:
        return None
    cs, ce = clause_start(ctx, sent, pos), clause_end(ctx, sent, pos)
    honours = (*ctx.lex.words("ceremony_verbs.txt"), *ctx.lex.words("award_won_verbs.txt"), "奖")
    if any(e.kind.is_programme for e in ctx.entities_in(cs, ce)) or any(w in ctx.text[cs:ce] for w in honours):
        return None
    before = [e for e in ctx.entities if e.kind in (Kind.EVENT, Kind.MEETING) and e.span.end <= sent.span.start]
    if before:  # (此次 points back: the event named before, whatever words the sentence calls it by)
        return max(before, key=lambda e: e.span.end).ref
    return named[0] if named is not None else None
