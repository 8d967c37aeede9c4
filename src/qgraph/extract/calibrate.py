"""Calibration: a figure whose meaning the rules cannot tell apart from another's says so.

Two figures of one document with the same subject, measure, unit, period and breakdown but different
values (``生产领域抽查…310批次…流通领域…650批次`` read with no breakdown; a place's share and the
list's total both about the programme) state two different things with one meaning — at least one of
them is false, and the rules cannot tell which. Both are kept, at a confidence below 0.5 — except a
total stated first, larger than each figure after it (its parts, read without their breakdown).

Last, :func:`calibrate_confidence` lowers below 0.5 the figures showing a feature that, measured on real
reports the rules had not seen, predicts a false figure (:data:`FEATURES`; their confidence and
thresholds in ``calibration_settings.tsv``): a holder's count read as an honour's own, a check's rate
written as a bound, a count of one far from its subject.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ..lexicon import per_lexicon
from ..model import CONFIDENCE, INSPECTION_KINDS, Kind, Observation
from .context import Ctx
from .periods import clause_start
from .shared_values import kept_apart

SHARES = "share_areas"
"""Key of ``ctx.memo``: where the figures start that count a place's share of a list (``listings.py``)."""
COLLIDING = CONFIDENCE["inferred"] + 0.05
"""The confidence of figures whose meaning collides with another's (below the 0.5 of ``--min-confidence``)."""
LOW = 0.5
"""Below this confidence a figure is inferred: not vouched for, left out by ``--min-confidence 0.5``."""


def _key(o: Observation) -> tuple:
    return (o.subject, o.measure, o.level, o.unit, o.period, o.breakdown)


def _headline(ctx: Ctx, o: Observation) -> bool:
    """The figure stands in a line with no full stop (a title or headline)."""
    start = ctx.text.rfind("\n", 0, o.span.start) + 1
    end = ctx.text.find("\n", o.span.end)
    line = ctx.text[start:end if end != -1 else len(ctx.text)]
    return "。" not in line and len(line) <= 60


def drop_headline_repeats(ctx: Ctx) -> None:
    """``赣州9个品牌入选…`` (the title) and ``…等9个品牌入选`` (the body): one figure, read once — from
    the body, where its clause says what it is (also when the headline's reading gave it another subject)."""
    body: dict[tuple, int] = {}
    for i, o in enumerate(ctx.observations):
        if not _headline(ctx, o):
            body.setdefault((o.value, o.unit), i)
    heads = [o for o in ctx.observations if _headline(ctx, o) and (o.value, o.unit) in body]
    for o in heads:  # the headline's statement stays a mention of the body's figure
        i = body[(o.value, o.unit)]
        ctx.observations[i] = ctx.observations[i].restating(o)
    ctx.observations[:] = [o for o in ctx.observations
                           if not (_headline(ctx, o) and (o.value, o.unit) in body)]


def flag_collisions(ctx: Ctx) -> None:
    groups: dict[tuple, list[int]] = defaultdict(list)
    shares = ctx.memo.get(SHARES, set())
    for i, o in enumerate(ctx.observations):
        if o.subject is not None:  # a place's share of a list (其中某省的…4家) differs from the total in area
            groups[_key(o) + ((o.place,) if o.span.start in shares else ())].append(i)
    for members in groups.values():
        if len({ctx.observations[i].value for i in members}) < 2:
            continue
        members.sort(key=lambda i: ctx.observations[i].span.start)
        first = ctx.observations[members[0]]
        if all(first.value > ctx.observations[i].value for i in members[1:]):
            members = members[1:]  # 抽检12800批次，其中…3860批次、…8940批次: the total stated first stands
        for i in members:
            o = ctx.observations[i]
            ctx.observations[i] = replace(o, confidence=min(o.confidence, COLLIDING))
    _parallel_repeats(ctx)
    _place_restating_programme(ctx)


def _place_restating_programme(ctx: Ctx) -> None:
    """``包括甲、乙在内的35个产品经多轮评审，入围“某名品”名单``: a count given to a place in a sentence naming a
    programme, of the value and unit of that programme's own count in the document, is the programme's count
    read a second time with the wrong subject — marked inferred."""
    counts = {(o.subject, o.value, o.unit) for o in ctx.observations
              if o.subject is not None and o.subject.kind.is_programme and not o.subject_inferred}
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind is not Kind.PLACE or o.subject_inferred or o.unit in ("Percent", "Yuan"):
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        named = {e.ref for e in ctx.entities_in(sent.span.start, sent.span.end) if e.kind.is_programme}
        if any((ref, o.value, o.unit) in counts for ref in named):
            ctx.observations[i] = o.with_subject_inferred()


def _segment(ctx: Ctx, pos: int) -> tuple[int, int] | None:
    """The part of ``pos``'s sentence between semicolons that holds it."""
    sent = ctx.sentence_of(pos)
    if sent is None:
        return None
    start = max(sent.span.start, ctx.last_of("；;", sent.span.start, pos) + 1)
    end = ctx.first_of("；;", pos, sent.span.end)
    return start, end if end != -1 else sent.span.end


def _parallel_repeats(ctx: Ctx) -> None:
    """``甲类产品24批次，不合格1批次，发现率4%；乙类产品2批次，不合格1批次，发现率50%``: one value read twice
    in parallel parts of a sentence, where the figures beside each statement collide (the same meaning,
    another value — each part is an item's), is no one figure stated twice but each item's, with the item
    lost: as unsure as the figures beside it."""
    colliding = [o for o in ctx.observations if o.confidence == COLLIDING]
    for i, o in enumerate(ctx.observations):
        if o.confidence <= COLLIDING or not o.restated:
            continue
        mine = _segment(ctx, o.span.start)
        for r in o.restated:
            theirs = _segment(ctx, r.start)
            if mine is None or theirs is None or mine == theirs or ctx.sentence_of(r.start) != ctx.sentence_of(o.span.start):
                continue
            pairs = [(a, b) for a in colliding for b in colliding if a.value != b.value and _key(a) == _key(b)
                     and mine[0] <= a.span.start < mine[1] and theirs[0] <= b.span.start < theirs[1]]
            if pairs:
                ctx.observations[i] = replace(o, confidence=COLLIDING)
                break


def merge_repeats(ctx: Ctx) -> None:
    """``由6条调整为10条`` and, a sentence later, ``调整后的10条产业链``: one figure stated twice — the same
    subject, value, unit, period (or none on one of them) and breakdown, one measure part of the other. Read once: the surer
    reading, with the fuller measure."""
    out: list[Observation] = []
    for o in ctx.observations:
        j = next((j for j, p in enumerate(out) if (p.subject, p.value, p.unit, p.level)
                  == (o.subject, o.value, o.unit, o.level) and _same_period(p, o) and _same_breakdown(p, o)
                  and o.subject is not None and _same_meaning(p, o, ctx.lex)), None)
        if j is None:  # 两条省级…: one number read by two rules
            j = next((j for j, p in enumerate(out) if (p.value, p.unit, p.subject) == (o.value, o.unit, o.subject)
                      and p.span.start < o.span.end and o.span.start < p.span.end and not kept_apart(ctx, p, o)), None)
        if j is None:
            out.append(o)
            continue
        p = out[j]
        keep = p if p.confidence >= o.confidence else o
        fuller = max((p.measure, o.measure), key=len)
        told = next((x for x in (keep, p, o) if x.period is not None and not x.period_inferred), keep)
        out[j] = replace(keep, measure=fuller, breakdown=p.breakdown or o.breakdown, period=told.period or keep.period,
                         period_words=told.period_words or keep.period_words,
                         period_inferred=told.period_inferred and keep.period_inferred).restating(o if keep is p else p)
    ctx.observations[:] = out


def _same_period(p: Observation, o: Observation) -> bool:
    """The same period, or one reading has none (``确定2017年启动316个重大项目`` and, later, ``将316个重大项目的
    目标任务…分解``; or one taken from the report's date, no time words governing it): one figure stated twice,
    the period the reading that states one gives."""
    return p.period == o.period or p.period is None or o.period is None or p.period_inferred or o.period_inferred


def _same_breakdown(p: Observation, o: Observation) -> bool:
    """The same breakdown, or one figure's breakdown is only a word of its own measure that the other
    leaves out (``有效地理标志商标155件`` and, later, ``分别拥有155件`` of 地理标志商标: one figure)."""
    if p.breakdown == o.breakdown:
        return True
    told, bare = (p, o) if o.breakdown is None else (o, p) if p.breakdown is None else (None, None)
    return told is not None and bare is not None and told.breakdown in told.measure \
        and told.measure.replace(told.breakdown, "", 1) == bare.measure


def _core(o: Observation) -> str:
    """A measure without its subject's name and the listing words (入选好品山东的品牌 → 品牌)."""
    core = o.measure.replace(o.subject.name, "") if o.subject is not None else o.measure
    return re.sub(r"入选|获评|上榜|的|“|”", "", core)


def _outcome(lex, measure: str) -> str | None:
    return next((w for w in lex.words("outcome_words.txt", longest_first=True) if w in measure), None)


def _same_meaning(p: Observation, o: Observation, lex=None) -> bool:
    if lex is not None and _outcome(lex, p.measure) != _outcome(lex, o.measure):
        return False  # 电商平台抽查8批次 / 电商平台发现8批次产品不合格: checked and failed, two figures
    if p.measure in o.measure or o.measure in p.measure:
        return True
    a, b = _core(p), _core(o)
    return bool(a) and a == b  # 入选好品山东的品牌 and 好品山东品牌: 品牌 both (not 品牌 and 区域品牌)


# -- confidence calibration ------------------------------------------------------------------------
# Each feature below was measured on real reports the rules had not seen (README, "Extraction quality"):
# derived on some sets, checked on others, it predicted a false figure on both. A vouched figure that
# shows one is kept, at the confidence ``calibration_settings.tsv`` gives the feature (below 0.5).


@per_lexicon
def _settings(lex) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in lex.words("calibration_settings.tsv") if "\t" in line)


def _floor(lex, text: str) -> bool:
    """The figure's words make it a bound (``98%以上``, ``超98%``), not a measurement."""
    for line in lex.words("calibration_floor_marks.tsv"):
        word, _, where = line.partition("\t")
        if (where == "after" and text.endswith(word)) or (where == "before" and text.startswith(word)):
            return True
    return False


def held_count(ctx: Ctx, o: Observation, settings: dict[str, str]) -> bool:
    """A count of holders written right after an honour's name, in a clause where something holds or
    wins it (``某市已有…驰名商标36件``; ``其中，获省政府质量奖4家``), or in a clause opening with the name
    right after such a clause (``…，获省政府质量奖4家，省政府质量管理创新奖3家``): most often the
    holder's share of the honour, not the honour's own count."""
    if o.subject is None or o.subject.kind is not Kind.HONOUR or o.unit not in settings.get("holder_units", "").split():
        return False
    sent = ctx.sentence_of(o.span.start)
    if sent is None:
        return False
    gap = int(settings.get("holder_gap", "1"))
    names = [e for e in ctx.entities_in(sent.span.start, o.span.start)
             if e.ref == o.subject and 0 <= o.span.start - e.span.end <= gap]
    if not names:
        return False
    verbs = ctx.lex.words("calibration_holding_verbs.txt")
    cs = clause_start(ctx, sent, names[-1].span.start)
    if any(v in ctx.text[cs:names[-1].span.start] for v in verbs):
        return True
    if cs != names[-1].span.start or cs <= sent.span.start:
        return False  # a clause opening with the honour's name continues the list of the clause before
    before = ctx.text[clause_start(ctx, sent, cs - 1):cs - 1]
    return bool(re.search(r"\d[家个件项]$", before)) and any(v in before for v in verbs)


def bound_rate(ctx: Ctx, o: Observation, settings: dict[str, str]) -> bool:
    """A check's rate written as a bound (``合格率达到98%以上``, ``超98%``) and no target: a floor over
    several checks or years, seldom the rate the one check named measured."""
    return o.subject is not None and o.subject.kind in INSPECTION_KINDS and o.unit == "Percent" \
        and o.breakdown is None and _floor(ctx.lex, o.span.text)


def lone_count(ctx: Ctx, o: Observation, settings: dict[str, str]) -> bool:
    """A count of one (``不合格1批次``, ``主持制定国际标准1项``) with no breakdown, whose subject is named
    before it but not in its clause (earlier in the sentence or in an earlier sentence): most often one
    part of a breakdown the rules did not read (one product line's failures, one kind of standard), not
    the subject's own total."""
    if o.subject is None or o.breakdown is not None or o.unit in settings.get("lone_count_not_units", "").split():
        return False
    if o.value > int(settings.get("lone_count_max", "1")):
        return False
    sent = ctx.sentence_of(o.span.start)
    if sent is None:
        return False
    mentions = [e for e in ctx.entities_in(0, o.span.start) if e.ref == o.subject]
    return bool(mentions) and mentions[-1].span.start < clause_start(ctx, sent, o.span.start)


FEATURES = {"held_count": held_count, "bound_rate": bound_rate, "lone_count": lone_count}
"""The features of a likely false figure, by the name ``calibration_settings.tsv`` gives their confidence."""


def calibration_doubt(ctx: Ctx, o: Observation) -> tuple[str, float] | None:
    """The first feature of ``o`` that predicts a false figure, with the confidence it allows; or None."""
    settings = _settings(ctx.lex)
    for name, feature in FEATURES.items():
        if name in settings and feature(ctx, o, settings):
            return name, float(settings[name])
    return None


def calibrate_confidence(ctx: Ctx) -> None:
    """Lower the confidence of vouched figures whose features predict a false figure (see
    :data:`FEATURES`); nothing is removed. Nothing to do when the settings turn every feature off."""
    if not any(name in _settings(ctx.lex) for name in FEATURES):
        return
    for i, o in enumerate(ctx.observations):
        if o.confidence >= LOW and (found := calibration_doubt(ctx, o)) is not None:
            ctx.observations[i] = replace(o, confidence=min(o.confidence, found[1]))
