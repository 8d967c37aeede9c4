"""Rules of rounds merged together that undid each other's figures, each pair on our own minimal sentences:
both rules keep working (a breakdown word in a phrase vs a breakdown word before the check's verb; a share
of a whole vs the noun 占比; a quoted term counted vs a quoted list or brand; a speaker vs 向大会)."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 3, 1)


def test_a_breakdown_word_right_before_the_checks_verb_heads_its_clause() -> None:
    ex = read("2023年，某市组织产品质量监督抽查。新型农用塑料薄膜制品生产领域抽查了甲县、乙县12家生产企业共计30批次产品，"
              "其中1批次不合格。", place="金华市", date=DATE)
    assert fig(ex, "12").breakdown == "生产领域"
    assert fig(ex, "30").breakdown == "生产领域"


def test_a_breakdown_word_inside_a_phrase_still_heads_nothing() -> None:
    ex = read("全县开展“上门式、订单式”线下质量帮扶，服务企业120余家。", place="甲县", date=DATE)
    assert fig(ex, "120").breakdown is None


def test_the_noun_share_is_no_share_of_a_whole() -> None:
    ex = read("2023年，新签约亿元以上项目20个，其中工业项目占比75%。", place="金华市", date=DATE)
    assert fig(ex, "75").measure == "工业项目占比"


def test_a_share_of_a_whole_keeps_its_ratio_word() -> None:
    ex = read("《方案》提出，到2025年，重点产业链总产值占工业总产值比重达到85%以上。", place="金华市", date=DATE)
    assert fig(ex, "85").measure == "占工业总产值比重"
    ex = read("其中，种植业200件地理标志商标，占全省地理标志商标总量的40.5%。", place="柳州市", date=DATE)
    assert fig(ex, "40.5").measure == "地理标志商标占比"


def test_a_quoted_term_that_is_the_whole_measure_is_what_is_counted() -> None:
    ex = read("本年度新增小微企业100家；实现“个转企”50家，比去年同期增长10%。", place="金华市", date=DATE)
    o = fig(ex, "50")
    assert o.measure == "个转企" and not low(o) and o.subject is not None and o.subject.name == "金华市"


def test_a_quoted_name_in_a_longer_measure_is_still_a_list_or_brand() -> None:
    ex = read("该局持续优化服务；走访并入库“青禾优品”个体工商户85户。", place="柳州市", date=DATE)
    o = fig(ex, "85")  # the register's (入库 names a cultivation pool), never the city's
    assert o.subject.name == "青禾优品" and o.subject.kind.value == "CultivationPool"


def test_to_the_congress_is_no_speaker() -> None:
    ex = read("现在，我代表县人民政府，向大会作工作报告，请予审议。\n会上，吴某某作了《全县质量工作报告》。",
              place="甲县", date=DATE)
    people = {e.name for e in ex.entities if e.kind.value == "Person"}
    assert "向大会" not in people and "吴某某" in people
