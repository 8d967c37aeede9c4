"""Trademark and geographical-indication reports, on our own sentences: a target year set by a place
(``某省提出，到2030年，…``), a quoted regional product's own figures (its value, its sales, the households
it carries), and a development zone spoken of bare (``新区…``) after the report names it once."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, names, read
from qgraph.model import Kind

DATE = dt.date(2024, 5, 1)


def test_a_target_year_after_a_place_that_sets_it() -> None:
    ex = read("记者从省政府获悉，全省已有地理标志产品88个。贵州省提出，到2030年，全省地理标志产品将达到120个，"
              "省级示范区达到12个。", place="贵州省", date=DATE)
    for value in ("120", "12"):
        o = fig(ex, value)
        assert o.period == "2030" and o.breakdown == "目标"
    assert fig(ex, "88").period != "2030"


def test_a_quoted_products_own_figures() -> None:
    ex = read("全省累计获批地理标志200个，其中“遵义红茶”品牌价值突破20亿元，“安顺甜桃”年销5亿元，带动农户3000户增收。",
              place="贵州省", date=DATE)
    assert fig(ex, "2000000000").subject.name == "遵义红茶"
    assert fig(ex, "500000000").subject.name == "安顺甜桃"
    assert fig(ex, "200").subject.name == "贵州省"


def test_a_listed_count_or_a_quote_of_no_place_stays_with_the_place() -> None:
    ex = read("“遵义红茶”“安顺甜桃”等12个产品年产值达30亿元。“好品贵州”品牌价值达10亿元。", place="贵州省", date=DATE)
    assert fig(ex, "3000000000").subject.name not in ("遵义红茶", "安顺甜桃")
    assert "好品贵州" not in names(ex, Kind.GEOGRAPHICAL_INDICATION)  # no place opens the name: no regional product


def test_a_zone_spoken_of_bare_after_its_name() -> None:
    ex = read("天津市滨海新区召开知识产权工作会议。截至2023年底，新区有效注册商标6.1万件、有效发明专利8000件；"
              "新区专利授权2万件。", date=DATE)
    for value in ("61000", "8000", "20000"):
        o = fig(ex, value)
        assert o.subject.name == "滨海新区" and not low(o)
    assert fig(ex, "61000").measure.startswith("有效注册商标") or "新区" not in fig(ex, "61000").measure


def test_a_zone_named_only_inside_a_title_is_not_spoken_of_bare() -> None:
    ex = read("《关于支持天津市滨海新区建设的意见》印发。截至2023年底，新区有效注册商标6.1万件。", date=DATE)
    o = fig(ex, "61000")
    assert o.subject is None or o.subject.name != "滨海新区" or low(o)


def test_a_stock_reached_at_dates_keeps_its_measure() -> None:
    ex = read("全省商标有效注册量2015年6月达到30万件，2019年6月达到60万件。", place="四川省", date=DATE)
    assert fig(ex, "300000").measure == "商标有效注册量" and fig(ex, "300000").period == "2015-06"
    assert fig(ex, "600000").measure == "商标有效注册量" and fig(ex, "600000").period == "2019-06"


def test_a_provinces_short_name_before_the_gi_words_is_no_indication() -> None:
    ex = read("据了解，贵州地理标志保护产品涵盖茶、果蔬等6大类。", place="贵州省", date=DATE)
    assert "贵州" not in names(ex, Kind.GEOGRAPHICAL_INDICATION)


def test_the_parts_of_a_stock_after_qizhong_are_parts_of_the_running_total() -> None:
    ex = read("截至2023年底，全省累计获批地理标志300个。自2005年以来，全省累计获批地理标志300个，其中，90个地理标志保护产品"
              "位居全国前列，80件地理标志商标均跻身全国前十。", place="贵州省", date=DATE)
    for value in ("90", "80"):
        o = fig(ex, value)
        assert o.breakdown == "累计" and o.period == "2023-12-31"
    assert fig(ex, "90").measure == "地理标志保护产品" and fig(ex, "80").measure == "地理标志商标"


def test_a_part_with_time_words_of_its_own_keeps_them() -> None:
    ex = read("全省累计获批地理标志300个，其中2023年新增地理标志商标12件。", place="贵州省", date=DATE)
    assert fig(ex, "12").period == "2023"


def test_a_figure_past_a_semicolon_is_no_part_of_the_whole_before_qizhong() -> None:
    ex = read("截至2023年底，全市有效认证证书3000张，其中新增500张；质量管理体系认证覆盖企业900家。", place="太原市", date=DATE)
    assert fig(ex, "900").breakdown != "有效"


def test_a_bare_count_word_after_its_sibling_takes_the_siblings_head() -> None:
    ex = read("2023年，全市植物新品种申请量800件，授权量300件。", place="北京市", date=DATE)
    assert fig(ex, "300").measure == "植物新品种授权量"


def test_the_years_a_change_took_are_no_figure() -> None:
    ex = read("园区产品销售额三年增长40%。全省通过三年的努力，地理标志产品达到90个。", place="贵州省", date=DATE)
    assert not [o for o in ex.observations if o.unit == "Nian"]


def test_a_programme_does_not_carry_past_a_list_of_its_own() -> None:
    ex = read("其中，“甲乙香米”“丙丁毛尖”等10个标志入选省级重点指导名录，“戊己白茶”等15个产品纳入中欧互认清单，"
              "构建起覆盖9个市州的产业版图。", place="贵州省", date=DATE)
    for value in ("15", "9"):
        assert fig(ex, value).subject.name == "贵州省"


def test_an_as_of_date_after_a_speakers_lead_heads_the_paragraph() -> None:
    ex = read("某局副局长张某表示，截至2023年12月，全市商标有效注册量总计30万件。每万人口发明专利拥有量60件。",
              place="北京市", date=DATE)
    assert fig(ex, "60").period == "2023-12-31"


def test_a_tally_of_awards_a_zone_won_is_the_zones() -> None:
    ex = read("天津市滨海新区召开知识产权工作会议。截至2023年底，新区专利授权2万件，获得中国专利优秀奖12项。", date=DATE)
    o = fig(ex, "12")
    assert o.subject.name == "滨海新区" and not low(o)


def test_a_place_pointed_back_at_owns_the_figure() -> None:
    ex = read("炎陵县地理标志产品达到12个。去年，该县黄桃产值20亿元。全省地理标志产品300个。", place="湖南省", date=DATE)
    o = fig(ex, "2000000000")
    assert o.subject.name == "炎陵县" and o.measure == "黄桃产值" and not low(o)
    assert fig(ex, "300").subject.name == "湖南省"


def test_a_whole_after_the_word_pointing_back_keeps_its_figure() -> None:
    ex = read("炎陵县地理标志产品达到12个。该县黄桃产值20亿元，全省地理标志产品达到300个。", place="湖南省", date=DATE)
    assert fig(ex, "2000000000").subject.name == "炎陵县"
    assert fig(ex, "300").subject.name == "湖南省"
    ex = read("炎陵县地理标志产品达到12个。在该县的带动下，全省黄桃产值达到90亿元。", place="湖南省", date=DATE)
    assert fig(ex, "9000000000").subject.name == "湖南省"


def test_a_word_pointing_back_at_no_place_named_leaves_the_province_unsure() -> None:
    o = fig(read("去年，该县黄桃产值20亿元。", place="湖南省", date=DATE), "2000000000")
    assert o.measure == "黄桃产值" and low(o)


def test_a_whole_after_the_bare_zone_word_keeps_its_figure() -> None:
    ex = read("天津市滨海新区召开知识产权工作会议。截至2023年底，新区专利授权2万件，全市专利授权10万件。", date=DATE)
    assert fig(ex, "20000").subject.name == "滨海新区"
    assert fig(ex, "100000").subject.name != "滨海新区"
    ex = read("天津市滨海新区召开知识产权工作会议。截至2023年底，新区专利授权2万件，占全市的30%。", date=DATE)
    assert fig(ex, "30").subject.name == "滨海新区"


def test_a_quoted_zone_or_body_is_no_product() -> None:
    for name in ("浏阳经开区", "浏阳市场监管局"):
        ex = read(f"全市推进品牌建设，其中“{name}”年产值达到5亿元。", place="长沙市", date=DATE)
        o = fig(ex, "500000000")
        assert o.subject.kind is not Kind.GEOGRAPHICAL_INDICATION
        assert not any(e.kind is Kind.GEOGRAPHICAL_INDICATION for e in ex.entities)
