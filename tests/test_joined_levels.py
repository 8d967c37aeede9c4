"""Two levels of a programme joined before its name (:mod:`qgraph.extract.joined_levels`), on our own
sentence: a count after ``国家级、省级某示范区`` read for the provincial programme alone is inferred; the same
programme written with one level keeps its figure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from qgraph.extract.context import Ctx
from qgraph.extract.joined_levels import mark_joined_level_programmes
from qgraph.lexicon import load_lexicon
from qgraph.model import Document, Kind, Observation, Ref, Span
from qgraph.sources import split_sentences


def _ctx(text: str) -> tuple[Ctx, Observation]:
    doc = Document("t", "t.txt", text, date=dt.date(2024, 3, 1), place="甘肃省", sentences=split_sentences(text))
    ctx = Ctx(doc=doc, lex=load_lexicon())
    at = text.index("12个")
    o = Observation(measure="知名品牌示范区", value=Decimal(12), unit="Ge", span=Span(at, at + 3, "12个"),
                    subject=Ref(Kind.HONOUR, "省级知名品牌示范区"), confidence=0.8)
    ctx.observations.append(o)
    return ctx, o


def test_a_count_after_two_joined_levels_is_not_one_programmes() -> None:
    ctx, _ = _ctx("截至目前，某地已命名国家级和省级知名品牌示范区共12个。")
    mark_joined_level_programmes(ctx)
    assert ctx.observations[0].confidence < 0.5


def test_one_level_keeps_the_figure() -> None:
    ctx, o = _ctx("截至目前，某地已命名省级知名品牌示范区共12个。")
    mark_joined_level_programmes(ctx)
    assert ctx.observations[0] == o
