"""One regression test per case of :mod:`qgraph.extract.certainty` — place subjects the text does not
vouch for are marked inferred — on our own minimal sentences, plus a clear figure that stays vouched."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 9, 20)


def _read(text: str, place: str = "南宁市", title: str | None = None):
    return read(text, place=place, date=DATE, title=title)


def test_a_clear_figure_of_the_place_stays_vouched() -> None:
    o = fig(_read("2024年，南宁市新增质量标杆企业12家。"), "12")
    assert o.subject is not None and o.subject.name == "南宁市" and not low(o)


def test_1_an_unknown_actor_before_a_verb_of_action_owns_the_count() -> None:
    o = fig(_read("南宁市质量工作成效明显。青禾质量联盟组织培训企业36家。"), "36")
    assert o.subject is not None and o.subject.name == "南宁市" and low(o)


def test_2_a_place_glued_to_a_company_name_is_no_subject() -> None:
    o = fig(_read("广西柳工研制新产品12项。"), "12")
    assert low(o)


def test_3_a_brand_value_is_no_figure_of_the_place() -> None:
    o = fig(_read("南宁市质量工作成效明显。横县茉莉花品牌价值达216亿元。"), "21600000000")
    assert low(o)


def test_4_a_distributive_subject_is_no_total_of_the_place() -> None:
    ex = _read("南宁市推进质量强链，各项目完成投资45亿元，每家企业新增标准3项。")
    assert low(fig(ex, "4500000000")) and low(fig(ex, "3"))


def test_5_a_national_clause_in_a_city_report_is_not_the_citys() -> None:
    ex = _read("南宁市召开质量大会。我国新增国家标准2869项，全国制造业产品质量合格率达到93.9%。")
    assert low(fig(ex, "2869")) and low(fig(ex, "93.9"))


def test_5_the_own_words_of_a_county_level_city_stay_vouched() -> None:
    o = fig(_read("2024年，全市有效注册商标达到6820件。", place="弥勒市"), "6820")
    assert o.subject is not None and o.subject.name == "弥勒市" and not low(o)


def test_6_a_part_after_qizhong_of_what_was_done_is_not_the_places_stock() -> None:
    ex = _read("全市开展质量帮扶，帮扶企业40家，其中规上企业20家。")
    part = fig(ex, "20")  # no stock of the place: unsure, or read as the kind of the helped ones
    assert not low(fig(ex, "40")) and (low(part) or (part.measure, part.breakdown) == ("帮扶企业", "规上企业"))


def test_7_a_place_of_an_earlier_sentence_is_not_carried() -> None:
    ex = _read("柳州市：新增质量标杆企业12家。\n新增地理标志产品3个。", place="广西壮族自治区")
    assert not low(fig(ex, "12"))
    o = fig(ex, "3")  # the province's, or 柳州市's still: it cannot be told
    assert o.subject is not None and o.subject.name == "广西壮族自治区" and low(o)
    o = fig(_read("在柳州市召开质量工作现场会，新增质量标杆企业12家。"), "12")
    assert low(o)


def test_8_a_count_over_a_list_of_places_is_not_the_first_places() -> None:
    o = fig(_read("青秀区、兴宁区和江南区新增质量标杆企业12家。"), "12")
    assert low(o) or o.subject is None or o.subject.name not in ("青秀区", "南宁市")


def test_8_places_with_fenbie_keep_their_own_figures() -> None:
    o = fig(_read("南宁市有效注册商标21万件；柳州市、桂林市分别为9.8万件、9.1万件。", place="广西壮族自治区"), "98000")
    assert o.subject is not None and o.subject.name == "柳州市" and not low(o)


def test_9_a_districts_result_in_a_city_bulletin_is_not_vouched_as_the_whole_checks() -> None:
    ex = _read("南宁市公布抽查结果。青秀区：抽查食品300批次，合格率98.2%。")
    assert low(fig(ex, "300")) and low(fig(ex, "98.2"))
    o = fig(_read("全市抽查食品1000批次；青秀区检查发现问题产品12批次。"), "12")
    assert o.subject is not None and o.subject.name == "青秀区"


def test_10_a_campaign_periods_count_belongs_to_the_campaign() -> None:
    ex = _read("全市确定质量提升试点15个，试点期间帮扶企业60家。质量提升行动中，全市培训企业300家。")
    assert not low(fig(ex, "15"))  # the measure names the pilot: the place's
    assert low(fig(ex, "60")) and low(fig(ex, "300"))


def test_10_a_launched_campaigns_counts_belong_to_the_campaign() -> None:
    o = fig(_read("南宁市启动“质量月”活动，累计举办质量讲座80场，培训企业1200家。"), "1200")
    assert o.subject is not None and o.subject.name == "质量月"  # the campaign is an entity: the count is its


def test_10_a_bureaus_or_a_task_forces_count_is_not_the_places() -> None:
    assert low(fig(_read("市市场监管局共受理投诉2300件。"), "2300"))
    assert low(fig(_read("南宁市质量技术帮扶专班深入企业开展服务，解决技术难题58个。"), "58"))


def test_11_a_rounded_restatement_is_kept_once() -> None:
    ex = _read("全市今年新增商标5012件，有效商标达到12万件。全市新增商标5000余件。")
    assert [o.value for o in ex.observations if o.unit == "Jian" and o.measure == "新增商标"] == [5012]


def test_a_space_inside_a_quarter_or_a_category_count_is_read() -> None:
    o = fig(_read("2024年1 季度，全市新增企业20家。"), "20")
    assert o.period == "2024-Q1"
    ex = _read("2024年，全市抽查电线电缆、插座、儿童玩具等7 类产品120批次，合格率95%。")
    assert {"电线电缆", "插座", "儿童玩具"} <= {e.name for e in ex.entities if e.kind.value == "ProductCategory"}


def test_2_a_place_glued_to_a_products_name_is_no_subject_of_its_value() -> None:
    o = fig(_read("各地理标志产品品牌价值稳步提升，横县茉莉花品牌价值为80亿元，武鸣沃柑为35亿元。"), "3500000000")
    assert low(o)


def test_3_a_count_of_brands_valued_stays_the_places() -> None:
    o = fig(_read("2024年，南宁市共有23个品牌参加全国品牌价值评价。"), "23")
    assert not low(o)


def test_10_an_events_counts_belong_to_the_event() -> None:
    ex = _read("南宁市举办“质量月”宣传活动。活动现场，工作人员向群众讲解质量知识。共发放宣传资料1500余份，"
               "现场接受群众咨询80余人次。")
    assert low(fig(ex, "1500")) and low(fig(ex, "80"))


def test_a_percentage_split_by_a_space_is_one_number() -> None:
    ex = _read("全市抽查产品合格率分别为97.5%、95.1 2%。")
    assert any(str(o.value) == "95.12" for o in ex.observations)


def test_7_a_place_of_an_earlier_clause_is_not_carried_into_a_clause_naming_another() -> None:
    ex = _read("全区共建成省级质量服务站30个，而南宁市就有8个。", place="广西壮族自治区")
    o = fig(ex, "8")
    assert low(o) or (o.subject is not None and o.subject.name == "南宁市")


def test_7_places_listed_after_zai_are_locations_not_subjects() -> None:
    o = fig(_read("全市已建成质量服务站群，在青秀区、兴宁区布局机械、食品等5个产业服务站。"), "5")
    assert o.subject is not None and o.subject.name == "南宁市" and not low(o)


def test_10_what_was_announced_at_an_event_is_no_count_of_the_event() -> None:
    ex = _read("南宁市举办质量大会。活动现场，市质量办发布了质量发展成果。品牌建设方面，全市拥有质量标杆企业72家。")
    assert not low(fig(ex, "72"))


def test_1_a_bureaus_party_group_is_an_actor() -> None:
    assert low(fig(_read("市局党组开展集中学习28次。"), "28"))


def test_10_on_the_spot_counts_after_a_sentence_naming_an_event() -> None:
    ex = _read("9月10日，市市场监管局在朝阳广场设立质量宣传展台。一个上午，共发放宣传手册300多份。")
    assert low(fig(ex, "300"))


def test_11_a_rounded_headline_figure_is_kept_once() -> None:
    ex = _read("南宁市今年新增商标超5000件\n2024年，全市新增商标5012件，同比增长12%。")
    assert [str(o.value) for o in ex.observations if o.unit == "Jian"] == ["5012"]
