"""Figures of report shapes whose parts were missed or left incomplete (our own sentences): a value shared
by the parts of a check named again by a back reference (``上述3类产品…均为100%``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extraction_helpers import low, read

BULLETIN = ("2023年8月至9月，甲市市场监管局开展了电线电缆等5类产品市级监督抽查。"
            "5类产品抽查结果如下：电线电缆抽查10批次、钢丝绳抽查6批次、建筑用砂抽查8批次，"
            "上述3类产品批次合格率均为100%；水泥抽查12批次，合格11批次，批次合格率为91.7%。")


def _rates(text: str, value: str) -> list:
    return [o for o in read(text, place="甲市").observations if o.unit == "Percent" and o.value == Decimal(value)]


def test_a_back_referenced_shared_rate_is_each_parts() -> None:
    found = _rates(BULLETIN, "100")
    assert sorted(o.subject.name for o in found) == sorted(["电线电缆抽查", "钢丝绳抽查", "建筑用砂抽查"])
    assert all("合格率" in o.measure and not low(o) for o in found)


def test_the_back_references_count_is_no_figure() -> None:
    ex = read(BULLETIN, place="甲市")
    assert not [o for o in ex.observations if o.value == Decimal(3) and o.unit == "Lei"]


def test_a_count_that_does_not_agree_shares_nothing() -> None:
    text = BULLETIN.replace("上述3类产品", "上述4类产品")
    assert len(_rates(text, "100")) == 1


PLAN = ("2025年，乙县印发《重点产业链招商行动方案(2025-2027)》。\n"
        "光伏组件产业链方面，招引电池片等项目，2025年签约投资额5亿元，落地项目3个，到位资金1.2亿元；"
        "2027年末签约投资额18亿元，落地项目9个，到位资金6亿元。")


def _plan(value: str, unit: str):
    found = [o for o in read(PLAN, place="奉节县").observations if o.value == Decimal(value) and o.unit == unit]
    assert len(found) == 1, found
    return found[0]


def test_a_chain_heading_its_sentence_as_topic_owns_the_sentences_figures() -> None:
    for value, unit in (("500000000", "Yuan"), ("3", "Ge"), ("1800000000", "Yuan"), ("9", "Ge")):
        o = _plan(value, unit)
        assert o.subject is not None and o.subject.name == "光伏组件产业链" and not low(o), o


def test_a_compound_cut_at_its_first_word_is_read_whole() -> None:
    assert _plan("120000000", "Yuan").measure == "到位资金"


def test_a_years_end_written_alone_is_that_years_last_day() -> None:
    assert _plan("1800000000", "Yuan").period == "2027-12-31"
    assert _plan("500000000", "Yuan").period == "2025"


def test_figures_of_a_year_to_come_and_their_first_milestones_are_targets() -> None:
    assert _plan("1800000000", "Yuan").breakdown == "目标"
    assert _plan("500000000", "Yuan").breakdown == "目标"  # the same measure, set out with the later year
    assert _plan("120000000", "Yuan").breakdown == "目标"


def test_results_of_the_year_of_writing_stay_results() -> None:
    ex = read("2025年，丙县新签约项目12个，签约投资额30亿元。", place="奉节县")
    assert all(o.breakdown is None for o in ex.observations)


def test_a_review_heading_with_words_between_year_and_review_word_dates_the_section() -> None:
    text = ("关于印发工作总结和要点的通知\n2025年3月1日\n第一部分 2024年丁市质量工作总结\n2024年，丁市质量工作取得成效。\n"
            "产品质量方面，制造业产品质量合格率96.5%。\n一、优化工作机制\n完善工作规则。")
    o = [x for x in read(text, place="奉节县", date=dt.date(2025, 3, 1)).observations if x.value == Decimal("96.5")]
    assert len(o) == 1 and o[0].period == "2024", o


def test_a_heading_that_goes_on_after_the_review_word_is_no_review() -> None:
    from qgraph.extract.section_years import _review_heading_re
    from qgraph.lexicon import load_lexicon
    pattern = _review_heading_re(load_lexicon())
    assert pattern.search("第一部分 2024年丁市质量工作总结")
    assert not pattern.search("2023年丁市质量工作总结会议召开")


def test_a_year_inside_the_first_clause_dates_the_coordinated_figures_after_it() -> None:
    text = "据介绍，该市最终确定2019年启动120个重点项目，总投资300亿元。其中续建项目40个，新开工项目80个。"
    ex = read(text, place="奉节县")
    for value in ("30000000000", "40", "80"):
        found = [o for o in ex.observations if o.value == Decimal(value)]
        assert found and all(o.period == "2019" for o in found), [(o.value, o.period) for o in ex.observations]


def test_a_checks_window_dates_its_figures_under_a_paragraphs_year() -> None:
    text = ("2021年11月2日，戊省市场监管局公布了一期抽查结果。该局于2021年6月至9月开展了"
            "电线电缆等8类产品省级监督抽查。共抽查160批次，涉及150家企业。检验后合格产品150批次，批次合格率为93.8%。")
    ex = read(text, place="奉节县")
    for value in ("160", "150", "93.8"):
        found = [o for o in ex.observations if o.value == Decimal(value)]
        assert found and all(o.period == "2021-06/2021-09" for o in found), [(o.value, o.period) for o in ex.observations]


def test_a_head_counting_people_gives_a_scaled_number_its_unit() -> None:
    ex = read("2023年，己省特色产业惠及18个市州，总从业人员320万，年产值近900亿元。", place="奉节县")
    people = [o for o in ex.observations if o.unit == "Ren"]
    assert len(people) == 1 and people[0].value == Decimal(3200000) and "从业人员" in people[0].measure


def test_a_number_without_scale_after_such_a_head_stays_unread() -> None:
    ex = read("己省从业人员2023年底前全部完成培训。", place="奉节县")
    assert not [o for o in ex.observations if o.unit == "Ren"]


def test_an_amount_after_over_that_picks_the_counted_firms_is_no_figure() -> None:
    ex = read("今年庚县力争新增纳税过3000万元企业3家，营业收入超过2亿元企业5家。", place="奉节县")
    assert not [o for o in ex.observations if o.unit == "Yuan"], [(o.value, o.unit) for o in ex.observations]
    ex = read("今年庚县签约额超过30亿元，新增企业5家。", place="奉节县")
    assert [o for o in ex.observations if o.unit == "Yuan"]


def test_the_one_county_named_in_full_by_a_text_speaking_of_itself_is_its_place() -> None:
    ex = read("产业链招商见成效\n本报讯 今年阳谷县推行链长制。2022年，该县招引亿元以上项目40个。")
    found = [o for o in ex.observations if o.value == Decimal(40)]
    assert found and found[0].subject is not None and found[0].subject.name == "阳谷县"


def test_a_colon_list_of_categories_gives_each_part_its_category() -> None:
    text = ("辛区市场监督管理局开展了辛区建材产品等5类产品质量监督抽查。本次共抽查60家企业生产的70批次产品。"
            "经检验：建材产品30批次，不合格产品2批次，不合格产品发现率6.7%；电线电缆10批次，不合格产品2批次，"
            "不合格产品发现率20%；其他产品未发现不合格。")
    ex = read(text, place="奉节县")
    parts = {(o.breakdown, o.value) for o in ex.observations if o.breakdown}
    assert {("建材产品", Decimal(30)), ("建材产品", Decimal(2)), ("电线电缆", Decimal(10)), ("电线电缆", Decimal(2)),
            ("电线电缆", Decimal(20))} <= parts, parts
    assert not [o for o in ex.observations if o.value == Decimal(70) and o.breakdown]


def test_batches_counted_by_what_they_were_found_to_be_and_their_parts_by_category() -> None:
    text = ("2023年壬市组织的市级抽查里，检验符合标准要求的产品共210批次。壬市市级监督抽查另检出不符合标准要求的产品"
            "共9批次，其中，儿童鞋3批次，电热毯2批次，插座4批次。")
    ex = read(text, place="奉节县")
    assert [o.measure[-9:] for o in ex.observations if o.value == Decimal(210)] == ["符合标准要求的产品"]
    parts = {(o.breakdown, o.value, o.measure) for o in ex.observations if o.breakdown}
    assert parts == {("儿童鞋", Decimal(3), "不符合标准要求的产品"), ("电热毯", Decimal(2), "不符合标准要求的产品"),
                     ("插座", Decimal(4), "不符合标准要求的产品")}, parts


def test_a_count_of_chains_keeps_the_kind_written_before_them() -> None:
    ex = read("2025年，奉节县重点突破7条标志性产业链招商。", place="奉节县")
    assert [o.measure for o in ex.observations if o.unit == "Tiao"] == ["标志性产业链"]
