"""A check's categories ranked by a measure: ``批次合格率最低的是甲类，为50%``, ``抽查批次数最多的是乙，共43批次，
其次是丙类，共40批次``. The figure is the report's check's, with the category named after the ranking word
as its breakdown (the qualifier, not the subject: no figure of the place, and the category is no part of
the measure). The measure is the words before the ranking word (``批次合格率``), else, after 其次, the
measure of the figure ranked before it. A list of them sharing one value (``甲、乙类，均为100%``) gives one
figure per category (:func:`ranked_lists`). Words: ``data/lexicon/ranking_words.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..lexicon import Lexicon, per_lexicon
from ..model import CONFIDENCE, INSPECTION_KINDS, Entity, Observation, Sentence
from .context import Ctx

__all__ = ["RankedCategory", "ranked_category", "ranked_lists"]


@dataclass(frozen=True)
class RankedCategory:
    check: Entity
    category: str
    measure: str | None


@per_lexicon
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = lex.alternation("ranking_words.txt")
    ranked = re.compile(rf"(?P<rank>{words})的?(?:是|为)(?P<cat>[^，,。；;、：:（()）\d\s“”\"]{{2,12}}?)类?"
                        r"(?:为|是|[，,](?:共|为|计)?)$")
    field = re.compile(rf"(?P<field>[\u4e00-\u9fff]{{2,8}}?)(?:{words})(?:的|是|为)")
    return ranked, field


def ranked_category(ctx: Ctx, sent: Sentence, pos: int, prev: Observation | None) -> RankedCategory | None:
    """The ranked category of the figure at ``pos`` and the report's check, if the text ranks one."""
    ranked, field = _patterns(ctx.lex)
    m = ranked.search(ctx.text, sent.span.start, pos)
    if m is None:
        return None
    category = m.group("cat")
    if ctx.resolve_place(category) is not None or category.startswith(("全", "本", "我")):
        return None  # 其次是某市: a place's figure, read by the place rules
    check = next((e for e in ctx.entities if e.kind in INSPECTION_KINDS and e.span.end <= sent.span.start), None)
    if check is None:
        return None
    fields = list(field.finditer(ctx.text, sent.span.start, m.start() + len(m.group("rank")) + 2))
    measure = fields[-1].group("field") if fields else None  # 批次合格率最高的是…，最低的是…: the sentence's measure
    if m.group("rank") == "其次" and prev is not None and prev.span.start >= sent.span.start:
        measure = prev.measure  # …最多的是甲，共43批次，其次是乙类: the measure of the one before
    return RankedCategory(check, category, measure or None)


@per_lexicon
def _list_pattern(lex: Lexicon) -> re.Pattern[str]:
    words = lex.alternation("ranking_words.txt")
    return re.compile(rf"(?P<rank>{words})的?(?:是|为)(?P<list>[^，,。；;：:（()）\d\s“”\"]{{2,60}}?)类?[，,]?(?:均为|均是|均达到?|都为)$")


def ranked_lists(ctx: Ctx) -> None:
    """A ranked list of a check's categories sharing one value (``批次合格率最高的是甲、乙、丙类，均为100.00%``):
    one figure per category, the check's, with the category as breakdown and the measure before the ranking
    word — in place of the one figure read for the list. Only for a check named before the sentence."""
    pattern = _list_pattern(ctx.lex)
    _, field = _patterns(ctx.lex)
    out: list[Observation] = []
    for o in ctx.observations:
        sent = next((s for s in ctx.doc.sentences if s.span.start <= o.span.start < s.span.end), None)
        m = pattern.search(ctx.text, sent.span.start, o.span.start) if sent is not None and o.unit == "Percent" else None
        items = re.split(r"[、和及与]", m.group("list")) if m else []
        items = [re.sub(r"类$", "", i) for i in items if i]
        if m is None or len(items) < 2 or any(len(i) < 2 or ctx.resolve_place(i) is not None for i in items):
            out.append(o)
            continue
        check = next((e for e in ctx.entities if e.kind in INSPECTION_KINDS and e.span.end <= sent.span.start), None)
        if check is None:
            out.append(o)
            continue
        fields = list(field.finditer(ctx.text, sent.span.start, m.start() + len(m.group("rank")) + 2))
        measure = fields[-1].group("field") if fields else o.measure
        out += [replace(o, subject=check.ref, measure=measure, breakdown=item, subject_inferred=False,
                        confidence=max(o.confidence, CONFIDENCE["carried"])) for item in items]  # as one ranked category
    ctx.observations[:] = out
