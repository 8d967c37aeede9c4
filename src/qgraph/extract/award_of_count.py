"""Which award a count of winners (or a figure of its winners) belongs to: the one place that decides it.

The award mechanisms (``award_counts.py``, ``award_selections.py``, ``running_totals.py``,
``winner_figures.py``, ``award_winners.py``) each find where a count stands; whose it is they ask here,
in one of three ways:

- **named in full**: an award's mention ends where the count (or the group word) starts
  (``区长质量奖3家``, ``某奖获奖企业…``), starts right after the verb of being named that follows a count
  of people (``2人被评为某市优秀首席质量官``), or the sentence names it before the verb of winning;
- **named short**: the award written inside the figure's measure without its place (``30家市长质量奖企业``,
  ``评选出区长质量奖获奖企业15家``) is the programme the report names with a name ending in it, or the
  place's award its elided head stands for (``programmes.placed_name``, with the county
  ``award_places.py`` found for a city's report of a county's award, or ``市质量管理创新奖`` → the
  document's city's);
- **inferred**: no award named in the figure's words — the award named last before the sentence (a grade
  of it, such as its 提名奖, stands for the award), or the one award the report names, is carried, unless
  the sentence names another contest (``other_contests.py``: 大赛, 评选 …, whose winners it counts); when
  none can be told the figure is the document's place's, marked inferred.
"""

from __future__ import annotations

from ..model import CONFIDENCE, Entity, Kind, Ref
from .context import Ctx
from .other_contests import names_other_contest
from .programmes import government_award_name, placed_name
from .sub_awards import SET_UP

__all__ = ["award_before", "award_ending_at", "award_named_in", "award_of_measure", "award_of_short_name",
           "award_starting_at", "base_award", "carried_award", "is_award", "several_awards_before"]


def is_award(e: Entity) -> bool:
    """An honour that is an award (某市市长质量奖, its 提名奖), not a list or a title."""
    return e.kind is Kind.HONOUR and e.name.endswith("奖")


def base_award(ctx: Ctx, prog: Entity) -> Ref:
    """A grade of an award (某市长质量奖提名奖) stands for the award (某市长质量奖) when that is named too."""
    bases = [e for e in ctx.entities if is_award(e) and e.name != prog.name and prog.name.startswith(e.name)]
    return max(bases, key=lambda e: len(e.name)).ref if bases else prog.ref


def award_ending_at(ctx: Ctx, pos: int, *, programmes: bool = False) -> Entity | None:
    """Named in full: the award whose mention ends at ``pos`` (any programme with ``programmes``)."""
    return next((e for e in ctx.ending_at(pos) if (e.kind.is_programme if programmes else is_award(e))), None)


def award_starting_at(ctx: Ctx, pos: int) -> Entity | None:
    """Named in full after a verb of being named (``2人被评为某市优秀首席质量官``): the programme written at ``pos``."""
    return next((e for e in ctx.entities if e.kind.is_programme and e.span.start == pos), None)


def carried_award(ctx: Ctx, before: int, upto: int | None = None) -> Ref | None:
    """Inferred: the award named last before ``before`` (a grade of it standing for the award) — none when
    ``[before, upto)`` (the sentence up to the count) names another contest (``other_contests.py``:
    在全国职业技能大赛中，全市共有3家企业获奖 counts that contest's winners)."""
    if upto is not None and names_other_contest(ctx, before, upto):
        return None
    earlier = [e for e in ctx.entities if is_award(e) and e.span.end <= before]
    return base_award(ctx, max(earlier, key=lambda e: e.span.end)) if earlier else None


def several_awards_before(ctx: Ctx, sent_start: int, pos: int) -> bool:
    """``甲公司获某奖，乙公司获提名奖，全市共有3家企业获奖``: the sentence names two or more awards (or grades
    of one) before ``pos``, so a count of winners after them sums their winners — no count of one award
    (unless the award set up the grade just named: ``某奖还设置了提名奖，…9家单位获奖``)."""
    named = [e for e in ctx.entities_in(sent_start, pos) if is_award(e)]
    if not named or named[-1].span.start in ctx.memo.get(SET_UP, ()):
        return False
    return len({e.name for e in named}) > 1


def award_before(ctx: Ctx, sent_start: int, pos: int) -> tuple[Ref, float] | None:
    """The award of winners counted before ``pos``: the one named last in ``[sent_start, pos)`` (named),
    else the one named before the sentence, else the one award of the report (carried)."""
    named = [e for e in ctx.entities_in(sent_start, pos) if is_award(e)]
    if named and named[-1].span.start in ctx.memo.get(SET_UP, ()):
        return named[-1].ref, CONFIDENCE["named"]  # 某奖还设置了提名奖，甲等9家单位获奖: the grade's winners
    if named:
        return base_award(ctx, named[-1]), CONFIDENCE["named"]
    if names_other_contest(ctx, sent_start, pos):
        return None  # 在全国职业技能大赛中，…获奖: that contest's winners, not the report's award
    carried = carried_award(ctx, sent_start)
    if carried is not None:
        return carried, CONFIDENCE["carried"]
    awards = {base_award(ctx, e) for e in ctx.entities if is_award(e)}
    return (awards.pop(), CONFIDENCE["carried"]) if len(awards) == 1 else None


def award_named_in(ctx: Ctx, written: str) -> Ref | None:
    """Named short in a measure (``市长质量奖`` of ``30家市长质量奖企业``): the programme of that name once its
    elided place is put back, else ``None`` (an award with no place: whose it is stays unsaid)."""
    name = placed_name(ctx, written)
    if name == written and written[0] in "省市县区" and written[1] != "长":
        place = ctx.place_for_prefix(written[0])  # 市质量管理创新奖: the document's city's
        if place is None:
            return None
        name = government_award_name(ctx, place.name, written[1:]) if written[1:].startswith("政府") \
            else place.name + written[1:]
    known = next((e for e in ctx.entities if e.kind.is_programme and e.name == name), None)
    if known is None and name == written:
        return None
    return known.ref if known is not None else Ref(Kind.HONOUR, name)


def award_of_short_name(ctx: Ctx, award: str, before: int) -> tuple[Ref | None, str]:
    """Named short after a verb of selection (``评选出区长质量奖获奖企业15家``): of the programmes named before
    ``before`` whose names end with ``award`` (a nomination award only for 提名奖), the one the award's
    elided place makes it (:func:`award_named_in`), else the last, carried; with none, the document's
    place, inferred (the award named short, or another one: whose, unsure)."""
    nomination = award.endswith("提名奖")
    programmes = [e for e in ctx.entities if e.kind.is_programme and e.span.start < before
                  and e.name.endswith(award) and e.name.endswith("提名奖") == nomination]
    placed = award_named_in(ctx, award)
    if any(e.ref == placed for e in programmes):  # 区长质量奖 in a district's report: that district's
        return placed, "carried"
    if programmes:
        return programmes[-1].ref, "carried"
    return (Ref(Kind.PLACE, ctx.home.name) if ctx.home is not None else None), "inferred"


def award_of_measure(ctx: Ctx, measure: str, holder_nouns: tuple[str, ...]) -> tuple[Ref, str, str] | None:
    """``市长质量奖企业``: (the award named short in the measure, as written, the holder noun)."""
    noun = next((n for n in holder_nouns if measure.endswith(n)), None)
    if noun is None:
        return None
    written = measure[:-len(noun)]
    if not written.endswith("奖") or len(written) < 4:
        return None
    ref = award_named_in(ctx, written)
    return (ref, written, noun) if ref is not None else None
