"""A clause naming a whole or another period ends the carry of an event, meeting or topic.

A sentence opening with an event's site or day (``活动现场，…``, ``会上，…``, ``活动期间，…``) or with a firm
(the sentence's topic) carries that subject to the figures of its later clauses. A later clause that
opens with a whole (``全市``, ``全省``…; ``scope_wholes.txt``) or with another period (``今年以来``,
``全年``…; ``vouching_period_leads.txt``) speaks of the place, not of the event or the firm:
``活动现场，发放资料500份，全市受理投诉1200件`` — the 1200 complaints are the city's. The figure goes to the
place the whole word names when it is the report's place (全市 in a city's report), else to the report's
place, unsure. A whole in the clause right after an event's lead (``质量月期间，全市组织…``) still tells
the event's doings there; a period there does not (the event's day is no period of months). A firm's
figures keep their own periods (``甲公司…，全年实现产值…``): only a whole ends a firm's carry.
"""

from __future__ import annotations

from ..lexicon import PlaceInfo
from ..model import Kind, Ref, Sentence
from .context import Ctx
from .periods import clause_start

__all__ = ["carry_ended", "home_whole_after_lead"]

GATHERINGS = frozenset({Kind.MEETING, Kind.EVENT, Kind.PRESS_CONFERENCE})


def _clause_starts(ctx: Ctx, sent: Sentence, pos: int) -> list[int]:
    """The starts of the sentence's clauses up to the one of ``pos``, the first one included."""
    starts = [sent.span.start]
    for i in range(sent.span.start, clause_start(ctx, sent, pos)):
        if ctx.text[i] in "，,；;：:":
            starts.append(i + 1)
    return starts


def _whole_named(home: PlaceInfo | None, whole: str) -> bool:
    """``全市`` names the report's place when that place is a city (全省 a province, 全县 a county…)."""
    if home is None:
        return False
    if whole == "全国":
        return home.level == "country"
    return home.name.endswith(whole[1:]) and home.level != "country"


def _ending(ctx: Ctx, sent: Sentence, pos: int, gathering: bool) -> tuple[str | None, str | None] | None:
    """The whole word and the period word of the first clause after the sentence's lead, up to the one of
    ``pos``, that ends a carry (an event's when ``gathering``, else a firm's); None when none does."""
    wholes = tuple(ctx.lex.words("scope_wholes.txt", longest_first=True))
    periods = tuple(ctx.lex.words("vouching_period_leads.txt", longest_first=True))
    hearsay = tuple(ctx.lex.words("report_leads.txt", longest_first=True))
    starts = _clause_starts(ctx, sent, pos)
    if len(starts) > 1 and ctx.text[starts[0]:starts[1] - 1].strip() in hearsay:
        starts = starts[1:]  # 据了解，“质量月”期间，…: the lead is the clause after the hearsay
    for index, start in enumerate(starts):
        if index == 0:
            continue  # the lead's own clause
        at = start
        while at < pos and ctx.text[at] in " \u3000":
            at += 1
        period = next((w for w in periods if ctx.text.startswith(w, at)), None) if gathering else None
        whole = next((w for w in wholes if ctx.text.startswith(w, at + len(period or ""))), None)
        if whole is None and period is None:
            continue
        if whole is not None and period is None and index == 1 and gathering:
            continue  # 质量月期间，全市组织…: the event's doings across the whole
        return whole, period
    return None


def carry_ended(ctx: Ctx, sent: Sentence, pos: int, subject: Ref | None) -> tuple[Ref, str] | None:
    """The subject and how it was read of a figure at ``pos`` carried to ``subject`` (an event, meeting or
    firm named before its clause) when a clause before it, or its own, opens with a whole or another
    period; None when the carry holds."""
    if subject is None or ctx.home is None:
        return None
    gathering = subject.kind in GATHERINGS
    if not gathering and not subject.kind.is_organization:
        return None
    if any(e.ref == subject for e in ctx.entities_in(clause_start(ctx, sent, pos), pos)):
        return None  # the clause names the subject itself
    ending = _ending(ctx, sent, pos, gathering)
    if ending is None:
        return None
    home = Ref(Kind.PLACE, ctx.home.name)
    return (home, "named") if ending[0] is not None and _whole_named(ctx.home, ending[0]) else (home, "inferred")


def home_whole_after_lead(ctx: Ctx, sent: Sentence, pos: int) -> bool:
    """A clause after the sentence's event lead, up to the one of ``pos``, opens with the whole that is the
    report's place (``活动现场，…，全市受理…`` in a city's report): the figure is the place's, not the event's."""
    ending = _ending(ctx, sent, pos, True)
    return ending is not None and ending[0] is not None and _whole_named(ctx.home, ending[0])
