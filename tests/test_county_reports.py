"""County reports, provincial statistics and plan targets: the document's place, the subject and the unit of
their figures. Every text here is invented for the test."""

from __future__ import annotations


from extraction_helpers import fig, low, read

from qgraph.evaluate import load_lexicon
from qgraph.extract import document_place
from qgraph.model import Document
from qgraph.sources import split_sentences


def _place(text: str) -> str | None:
    doc = Document("t", "t.txt", text, title=None, date=None, place=None, sentences=split_sentences(text))
    p = document_place(doc, load_lexicon())
    return p.name if p else None


PLAN = ("为落实质量强国建设部署，统筹推进质量强省战略，结合省情实际，提出如下意见。坚持走出一条体现甘肃资源特色的发展路子。"
        "到2025年，全省工业产品质量合格率达到93%以上，制定团体标准60项以上。")


def test_a_province_s_plan_that_never_writes_wo_sheng_is_the_province_named_in_it() -> None:
    assert _place(PLAN) == "甘肃省"
    o = fig(read(PLAN), "93", "Percent")
    assert o.subject is not None and o.subject.name == "甘肃省" and o.period == "2025" and o.breakdown == "目标"


def test_two_provinces_named_in_a_province_wide_text_give_no_place() -> None:
    assert _place("全省推进质量强省建设，学习甘肃做法、借鉴宁夏经验，新增团体标准20项。") is None


def test_a_municipality_s_own_text_writes_ben_shi_and_its_short_name() -> None:
    text = "深入贯彻对天津一系列重要指示精神，着力提升本市整体质量水平。到2025年，本市新增团体标准50项。"
    assert _place(text) == "天津市"


def test_a_value_with_where_it_came_from_takes_the_noun_before_you_and_the_plan_s_last_day() -> None:
    ex = read("五年来，全省各类经营主体由“十二五”末的12.5万户增长到20.1万户，增速居前。")
    start, end = fig(ex, "125000", "Hu"), fig(ex, "201000", "Hu")
    assert start.measure == end.measure == "经营主体"
    assert start.period == "2015-12-31" and end.period != "2015-12-31"


def test_a_count_from_a_dated_start_to_now_keeps_its_noun() -> None:
    ex = read("某县注重品牌培育，有效商标注册量从2019年的800件到目前的1300件。", date=None)
    assert fig(ex, "800", "Jian").measure.endswith("商标注册量") and fig(ex, "800", "Jian").period == "2019"
    assert fig(ex, "1300", "Jian").measure.endswith("商标注册量")


def test_a_rate_written_with_jun_zai_or_li_zheng_keeps_its_own_name() -> None:
    ex = read("2024年，全县食品抽检合格率均在98%以上，建标覆盖率力争达90%以上。")
    assert fig(ex, "98", "Percent").measure.endswith("合格率")
    assert fig(ex, "90", "Percent").measure.endswith("覆盖率")


def test_gai_xian_before_an_inspection_body_is_the_report_s_county() -> None:
    text = "本报讯 记者从怀集县获悉，今年来，该县组织该县检测所检定计量器具1200台(件)。该县检测所还为企业减免检定费用3万元。"
    ex = read(text)
    assert _place(text) == "怀集县"
    assert ("InspectionBody", "怀集县检测所") in {(e.kind.value, e.name) for e in ex.entities}
    o = fig(ex, "1200", "Tai")
    assert low(o) or o.subject.name == "怀集县检测所"  # never the county's own instruments


def test_a_tax_threshold_before_a_count_of_firms_is_no_figure() -> None:
    ex = read("该县今年培育年纳税过亿元企业2家、过3000万元企业3家。该县全县推行链长制。")
    assert not [o for o in ex.observations if o.unit == "Yuan"]


def test_a_zone_holding_what_the_sentence_counts_is_no_figure_of_its_county() -> None:
    ex = read("2024年，某县大力推进品牌建设。目前，安平县产业集聚区共有授权专利60项，中国驰名商标2件，县长质量奖企业9家。")
    for value in ("60", "2", "9"):
        assert low(fig(ex, value))


def test_a_rate_said_with_jun_is_each_check_s() -> None:
    ex = read("2024年，全省完成食品抽检3.2万批次，药品抽检4000批次，合格率均在98%以上。")
    rated = {o.subject.name for o in ex.observations if o.unit == "Percent" and o.subject is not None}
    assert len(rated) == 2 and all(("食品" in n or "药品" in n) for n in rated)


def test_figures_after_a_plan_s_contents_are_told_are_its_targets() -> None:
    text = ("近日，某市印发《某市质量提升行动方案(2024—2026年)》。该《行动方案》包括总体要求等六个方面，并提出具体措施，"
            "推进绿色制造;每年新增绿色工厂4家以上。")
    assert fig(read(text), "4", "Jia").breakdown == "目标"


REVIEW = ("“十三五”时期甘肃经营主体增至30万户\n"
          "甘肃省市场监管局局长某某表示，“十三五”时期，全省各类经营主体由“十二五”末的18万户增长到30万户。\n"
          "五年来，全省查处传销案件9起，收缴罚没款120万元。")


def test_five_years_in_an_undated_review_of_a_plan_are_the_plan_s_years() -> None:
    ex = read(REVIEW)
    assert fig(ex, "9", "Jian").period == "2016/2020"
    assert fig(ex, "1200000", "Yuan").period == "2016/2020"


def test_a_stock_risen_to_over_a_plan_is_the_stock_at_the_plan_s_end() -> None:
    ex = read(REVIEW)
    reached = [o for o in ex.observations if o.value == 300000 and not low(o)]
    assert reached and all(o.period == "2020-12-31" for o in reached)
    assert fig(ex, "180000", "Hu").period == "2015-12-31"


def test_a_plan_named_as_what_was_done_sets_no_targets() -> None:
    ex = read("2024年，某市印发《某市质量提升方案》，从三个方面提出十二条具体举措，全年召开质量工作联席会议三次。", place="宝鸡市")
    assert all(o.breakdown != "目标" for o in ex.observations)


def test_a_competitiveness_index_written_bare_is_an_unvouched_score() -> None:
    ex = read("到2025年，甘肃省制造业质量竞争力指数升至84，新增团体标准30项。")
    o = fig(ex, "84", "Fen")
    assert o.measure.endswith("质量竞争力指数") and o.confidence < 0.5
    assert not [x for x in ex.observations if x.unit == "Fen" and x.value == 2025]


def test_firms_put_on_an_offender_list_are_the_place_s_enforcement_count() -> None:
    ex = read("2023年，全省公示企业信息2.1亿条。全省有6.5万户企业列入经营异常名录，1.2万户企业列入严重违法失信名单。",
              place="甘肃省")
    listed = fig(ex, "65000", "Hu")
    assert listed.subject.name == "甘肃省" and "经营异常名录" in listed.measure
    assert "HonourProgramme" not in {e.kind.value for e in ex.entities}


def test_an_ellipsis_after_a_count_is_no_measure() -> None:
    ex = read("截至2024年底，天津市确定重点攻关项目60个，解决质量问题35个……")
    assert fig(ex, "35", "Ge").measure.endswith("质量问题")


def test_a_first_batch_before_a_quoted_name_counts_the_name() -> None:
    ex = read("2023年，甘肃省制定食品、交通等12个领域共40项首批“陇原标准”。", place="甘肃省")
    assert fig(ex, "40", "Xiang").measure == "陇原标准"


def test_years_joined_by_a_horizontal_bar_are_a_range() -> None:
    ex = read("2023―2024年度，全市新增团体标准12项。", place="宝鸡市")
    assert [(o.value, o.period) for o in ex.observations] == [(12, "2023/2024")]


def test_a_coverage_written_mian_keeps_its_whole_noun() -> None:
    ex = read("截至目前，全区质量强县建设覆盖面达100%。", place="西藏自治区", date=None)
    assert fig(ex, "100", "Percent").measure.endswith("覆盖面")


def test_an_offender_list_count_is_never_read_as_selected_into_it() -> None:
    ex = read("2023年，全省3家企业被列入经营异常名录，2家企业纳入黑名单。", place="甘肃省")
    assert not [o for o in ex.observations if "入选" in o.measure]
