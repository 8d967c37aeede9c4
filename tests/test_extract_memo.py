"""Per-document memos of the figures' and vouching rules: keyed by the context's versions, they give
what computing again gives, and a change of the entities or the claims makes them compute again."""

from __future__ import annotations

import datetime as dt

from qgraph.extract import stats, vouching
from qgraph.extract.context import Ctx
from qgraph.lexicon import load_lexicon
from qgraph.model import Document, Kind
from qgraph.sources import split_sentences

from tests.extraction_helpers import fig, read

LEX = load_lexicon()


def _ctx(text: str) -> Ctx:
    return Ctx(doc=Document("t", "t.txt", text, sentences=split_sentences(text)), lex=LEX)


def test_entities_version_changes_with_the_entity_list():
    ctx = _ctx("甲县新增企业12家。")
    v0 = ctx.entities_version
    ent = ctx.add(Kind.PLACE, "甲县", 0, 2)
    v1 = ctx.entities_version
    assert v1 > v0
    ctx.replace_entities([])
    assert ctx.entities_version > v1
    v2 = ctx.entities_version
    ctx.replace_entities([ent])
    assert ctx.entities_version > v2


def test_label_start_memo_is_what_reading_again_gives():
    text = "甲县市场监管局开展食品安全监督抽查，共抽检120批次。"
    ctx = _ctx(text)
    at = text.index("监督抽查")
    first = stats._label_start(ctx, at)
    assert first == stats._read_label_start(ctx, at)
    assert stats._label_start(ctx, at) == first
    # a claim over the label's words: the memo is not used, the start is read again
    ctx.claim(text.index("食品"), at)
    assert stats._label_start(ctx, at) == stats._read_label_start(ctx, at)


def test_namings_memo_gives_a_new_list_each_call():
    text = "全市新增企业12家，甲县新增企业3家。"
    ctx = _ctx(text)
    place = LEX.place_named("济宁市")
    assert place is not None
    ctx.city = place
    got = vouching._namings(ctx, place, 0, len(text))
    assert got == vouching._read_namings(ctx, place, 0, len(text)) == [2]  # 全市 of a city
    got.append(-1)  # a caller's change of its list does not reach the memo
    assert vouching._namings(ctx, place, 0, len(text)) == vouching._read_namings(ctx, place, 0, len(text))
    before = ctx.entities_version
    ctx.add(Kind.ENTERPRISE, "全市企业", 0, 4)  # an entity over 全市: the naming inside it no longer counts
    assert ctx.entities_version > before
    assert vouching._namings(ctx, place, 0, len(text)) == vouching._read_namings(ctx, place, 0, len(text)) == []


def test_readings_through_the_memos_unchanged():
    ex = read("济宁市市场监管局开展食品安全监督抽查，共抽检120批次，其中不合格3批次。", place="济宁市",
              date=dt.date(2024, 6, 1))
    assert fig(ex, "120").unit == "Pici"
