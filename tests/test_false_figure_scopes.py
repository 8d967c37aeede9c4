"""False figures refused by scope rules, on our own minimal sentences: a sum each winner is given is no sum
of the award as a whole."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 5, 20)


def test_a_sum_each_winner_is_given_is_each_winners_share() -> None:
    ex = read("授予甲丙集团有限公司、乙丁电子有限公司等2家企业2023年度青禾市市长质量奖（组织），各给予30万元激励。"
              "授予王某明、李某海等2位个人2023年度青禾市市长质量奖（个人），各给予2万元激励。", place="青禾市", date=DATE)
    o = fig(ex, "300000")
    assert o.subject is not None and o.subject.name.startswith("青禾市市长质量奖") and o.breakdown == "每家", o
    o = fig(ex, "20000")
    assert o.breakdown == "每人", o


def test_a_sum_after_every_winner_word_names_its_own_share() -> None:
    ex = read("对获得青禾市市长质量奖的企业，每家奖励40万元。", place="青禾市", date=DATE)
    o = fig(ex, "400000")
    assert o.subject is not None and o.subject.name == "青禾市市长质量奖" and o.breakdown == "每家", o


def test_a_sum_each_winner_named_without_a_count_is_given_is_each_firms_share() -> None:
    ex = read("第三届赣州市市长质量奖结果揭晓，甲丙材料有限公司、乙丁水泥有限公司获此殊荣，各获得20万元的奖励。",
              place="赣州市", date=DATE)
    assert fig(ex, "200000").breakdown == "每家", fig(ex, "200000")


def test_sums_paired_with_awards_in_order_are_no_shares() -> None:
    ex = read("对新获青禾市市长质量奖、青禾市质量管理奖的企业，分别给予30万元、10万元的奖励。", place="青禾市", date=DATE)
    assert fig(ex, "300000").breakdown is None


def test_the_countrys_words_heading_a_sentence_govern_its_later_clauses_and_the_next_sentence() -> None:
    ex = read("江西省召开知识产权工作会议。会上介绍，截至2024年6月底，我国累计认定某类产品2100个，"
              "核准某类商标注册6300件，相关经营主体超过2.1万家。截至2023年底，某类产品直接产值超过8000亿元。"
              "截至目前，江西省拥有某类商标35件。", place="江西省", date=DATE)
    for value in ("2100", "6300", "21000", "800000000000"):
        assert low(fig(ex, value)), fig(ex, value)
    assert not low(fig(ex, "35")), fig(ex, "35")  # the province named again: its own figure


def test_a_clause_opening_with_the_countrys_name_or_a_year_of_it_is_the_countrys() -> None:
    ex = read("据介绍，2023年度全国商标申请总量为800万件，注册总量为500万件。中国商标注册申请量2016年达300万件。"
              "江西省有效注册商标12万件。", place="江西省", date=DATE)
    for value in ("8000000", "5000000", "3000000"):
        assert low(fig(ex, value)), fig(ex, value)
    assert not low(fig(ex, "120000")), fig(ex, "120000")


def test_a_programme_named_with_the_countrys_name_heads_no_country_clause() -> None:
    ex = read("赣州市新增中国驰名商标2件。中国驰名商标企业达到15家。", place="赣州市", date=DATE)
    assert not low(fig(ex, "15")), fig(ex, "15")
    assert not low(fig(ex, "2")), fig(ex, "2")


def test_one_value_in_parallel_parts_of_a_bulletin_is_each_items_not_one_figure() -> None:
    ex = read("本次抽查了甲类等3类产品40家企业的60批次产品。经检验：甲类产品30批次，不合格产品2批次，不合格产品发现率6%；"
              "乙类产品10批次，不合格产品2批次，不合格产品发现率20%；丙类产品未发现不合格。", place="赣州市", date=DATE)
    twos = [o for o in ex.observations if o.value == 2]
    # each part's figure with its part as breakdown, or unsure: never one vouched figure of the check as a whole
    assert len(twos) == 2 and all(low(o) or o.breakdown for o in twos), twos
    assert {o.breakdown for o in twos if not low(o)} in (set(), {"甲类产品", "乙类产品"}), twos



def test_an_area_written_after_the_places_name_holds_the_figures_not_the_place() -> None:
    ex = read("西平县产业集聚区现有发明专利60项。西平县创建省级示范区3个。", place="西平县", date=DATE)
    assert low(fig(ex, "60")), fig(ex, "60")
    assert not low(fig(ex, "3")), fig(ex, "3")  # what the county created: its own figure


def test_a_count_entering_a_candidates_list_named_after_the_programme_counts_candidates() -> None:
    ex = read("经专家评审，最终20个产品入围2024年“赣州名品”公示名单。", place="赣州市", date=DATE)
    o = fig(ex, "20")
    assert o.subject is not None and o.subject.name == "赣州名品" and o.breakdown == "候选", o


def test_the_places_reading_of_a_programmes_count_in_its_sentence_is_unsure() -> None:
    ex = read("记者从赣州市市场监管局了解到，今年“赣州名品”评定已到公示环节，包括甲茶、乙酒在内的20个产品(服务)经多轮评审，"
              "入围2024年“赣州名品”公示名单。按照优中选优的原则，最终20个产品(服务)入围2024年“赣州名品”公示名单。",
              place="赣州市", date=DATE)
    vouched = [o for o in ex.observations if o.value == 20 and not low(o)]
    assert vouched and all(o.subject is not None and o.subject.name == "赣州名品" for o in vouched), ex.observations


def test_a_count_pointing_back_at_things_just_listed_is_no_figure_of_the_check() -> None:
    ex = read("本次抽查结果如下：甲类涂料抽查12批次、乙类板材抽查4批次、丙类肥料抽查50批次，上述3类产品批次合格率均为100%。",
              place="赣州市", date=DATE)
    assert all(low(o) for o in ex.observations if o.value == 3), ex.observations  # no figure, or unsure
    assert not low(fig(ex, "50")), fig(ex, "50")


def test_an_area_framing_a_sentence_or_pointed_back_at_holds_its_figures() -> None:
    ex = read("5日，甲重工赤壁产业园内，200多吨的钢箱梁正在加紧生产。该产业园计划投资12亿元。赤壁市全年新开工项目80个。",
              place="赤壁市", date=DATE)
    assert low(fig(ex, "200")), fig(ex, "200")
    assert low(fig(ex, "1200000000")), fig(ex, "1200000000")
    assert not low(fig(ex, "80")), fig(ex, "80")


def test_a_figure_restated_later_without_its_period_is_one_figure() -> None:
    ex = read("经逐一论证，最终确定2023年启动210个重大项目。赤壁市将210个重大项目的目标任务分解到责任人。",
              place="赤壁市", date=DATE)
    o = fig(ex, "210")
    assert o.period == "2023" and o.restated, o


def test_a_testing_institute_doing_the_work_holds_its_counts() -> None:
    ex = read("县局开展衡器强制检定，委托该县检测所检定各乡镇集市衡器900台(件)。封开县全年新增市场主体800户。",
              place="封开县", date=DATE)
    assert low(fig(ex, "900")), fig(ex, "900")
    assert not low(fig(ex, "800")), fig(ex, "800")


def test_a_rule_changed_from_one_value_to_another_gives_no_figure_of_the_old_value() -> None:
    ex = read("2016年，赣州市质量奖评审周期由1年变成2年。全市有效注册商标由1200件增长到1500件。", place="赣州市", date=DATE)
    assert not [o for o in ex.observations if o.value == 1], ex.observations  # the old rule: no figure
    two = fig(ex, "2")
    assert "周期" in two.measure, two  # the new value keeps the noun before 由, not the verb
    assert fig(ex, "1200").measure == fig(ex, "1500").measure  # a stock grown from a value keeps both
