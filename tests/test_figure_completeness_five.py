"""Complete figures, fifth round: the mechanisms that make a figure's measure, period and breakdown right
on shapes of real reports (a field leading a spot-check sentence, a bare share of the count before, a
quoted word inside a counted noun, a relative clause before it, a streak of years). Our own sentences."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, read


def test_a_field_leading_a_check_sentence_is_the_breakdown_and_the_figures_are_vouched_for() -> None:
    ex = read("2022年全年共抽查8000家企业生产的9000批次产品，产品质量国家监督抽查合格率为90.5%。"
              "在家具及建材领域，全年抽查了12种900家企业生产的950批次产品，抽查合格率为88.2%。",
              date=dt.date(2023, 1, 20))
    for value in ("12", "900", "950", "88.2"):
        o = fig(ex, value)
        assert o.breakdown == "家具及建材" and not o.subject_inferred, (value, o)


def test_a_bare_share_takes_the_measure_of_the_count_before_it() -> None:
    ex = read("全县地理标志产业分为三类。其中，种植业30件地理标志商标，占全县地理标志商标总量的50.0%；"
              "养殖业18件，占总量的30.0%；加工业12件，占比20.0%。", "某某县", dt.date(2024, 3, 1))
    assert "地理标志商标" in fig(ex, "30.0", "Percent").measure and fig(ex, "30.0", "Percent").breakdown == "养殖业"
    assert "地理标志商标" in fig(ex, "20.0", "Percent").measure


def test_a_quoted_word_inside_a_counted_noun_is_the_measure() -> None:
    ex = read("全省首批15户省级重点产业链“链主”企业参加评价，又确定了9户新的“链主”企业和40户“链核”企业。",
              "某某省", dt.date(2024, 3, 1))
    assert "链主企业" in fig(ex, "15").measure
    assert fig(ex, "9").measure == "链主企业"
    assert "链核" in fig(ex, "40").measure


def test_the_noun_after_a_relative_clause_is_the_measure() -> None:
    ex = read("计划到2028年，培育80家左右具有较强带动力的链主企业。", "某某市", dt.date(2025, 2, 1))
    o = fig(ex, "80")
    assert o.measure == "链主企业" and o.breakdown == "目标" and o.period == "2028"


def test_a_streak_of_years_is_no_figure() -> None:
    ex = read("全市特种设备安全连续五年实现零事故，工程质量监督覆盖率达100%。", "某某市", dt.date(2024, 1, 5))
    assert not [o for o in ex.observations if o.unit == "Nian"]


def test_a_year_after_a_purpose_clause_heads_the_sentence_and_its_paragraph() -> None:
    ex = read("为推动品牌建设，2023年，我市实施3项品牌培育计划。全市窗口开展18项受理业务。此外，我市处理商标纠纷210件。",
              "无锡市", dt.date(2024, 2, 1))
    assert {fig(ex, v).period for v in ("3", "18", "210")} == {"2023"}


def test_a_change_from_one_value_to_another_keeps_its_measure_and_the_since_year() -> None:
    ex = read("自2021年全面推行链长制以来，全省链主企业从15家增至33家，链上企业从300家扩容至520家。",
              "山西省", dt.date(2024, 6, 1))
    assert (fig(ex, "15").measure, fig(ex, "15").period) == ("链主企业", "2021")
    assert (fig(ex, "300").measure, fig(ex, "300").period) == ("链上企业", "2021")
    assert fig(ex, "520").measure == "链上企业" and fig(ex, "520").breakdown != "调整前"


def test_a_baseline_of_an_earlier_year_takes_that_year_and_the_measure_before() -> None:
    ex = read("2023年全省重点产业链总营收达5200亿元，较2021年8条产业链的2900亿元大幅增长。", "山西省", dt.date(2024, 6, 1))
    o = fig(ex, "290000000000")
    assert o.period == "2021" and "营收" in o.measure
    assert fig(ex, "8").period == "2021"


def test_new_units_per_mille_issues_articles_visits_and_electricity() -> None:
    ex = read("2019至2021年占比分别达到2.5‰、6‰和9‰。我市发布监测报告4期，发表论文15篇，走访企业260家（次），"
              "全年节约用电36万度，室内温度保持在26度。", "南京市", dt.date(2022, 3, 1))
    assert [(fig(ex, v).unit, fig(ex, v).period, fig(ex, v).measure) for v in ("2.5", "6", "9")] == [
        ("Permille", "2019", "占比"), ("Permille", "2020", "占比"), ("Permille", "2021", "占比")]
    assert fig(ex, "4").unit == "Qi" and fig(ex, "15").unit == "Pian" and fig(ex, "260").unit == "Ci"
    assert fig(ex, "360000").unit == "Du"
    assert not [o for o in ex.observations if o.value == 26]  # a temperature is no figure of the genre


def test_a_checks_count_of_kinds_counts_its_products_and_is_vouched_for() -> None:
    ex = read("2022年全年共抽查8000家企业生产的9000批次产品，产品质量国家监督抽查合格率为90.5%。"
              "在家具及建材领域，全年抽查了12种900家企业生产的950批次产品。", date=dt.date(2023, 1, 20))
    o = fig(ex, "12")
    assert o.measure == "产品种类" and not o.subject_inferred


def test_rates_listed_after_clauses_of_two_breakdowns_are_each_breakdowns() -> None:
    ex = read("今年上半年，全市生产领域抽查60家企业70批次，流通领域抽查40家经营户45批次，合格率分别为97.1%和93.3%。",
              "宜昌市", dt.date(2024, 7, 10))
    assert (fig(ex, "97.1").measure, fig(ex, "97.1").breakdown) == ("合格率", "生产领域")
    assert (fig(ex, "93.3").measure, fig(ex, "93.3").breakdown) == ("合格率", "流通领域")
    assert not fig(ex, "93.3").subject_inferred and fig(ex, "93.3").period == "2024-H1"


def test_a_thousands_number_and_a_saving_are_read_exactly() -> None:
    ex = read("全年发放宣传资料4千余份，为企业节约检测费用80万元。", "宜昌市", dt.date(2024, 7, 10))
    o = fig(ex, "4000")
    assert o.unit == "Copy" and o.qualifier == "余"
    saving = fig(ex, "800000")
    assert saving.qualifier is None and "节约" in saving.measure  # the 约 of 节约 is no 'about'
    assert fig(read("抽取样品3千克。", "宜昌市", dt.date(2024, 7, 10)), "3").unit == "Kilogram"


def test_recent_years_give_a_span_or_no_year_never_the_documents_year() -> None:
    ex = read("近三年，市财政安排质量专项资金300万元。近年来，全市新增省级专精特新企业28家。全市已建成服务站9个。",
              "宜昌市", dt.date(2024, 5, 10))
    assert fig(ex, "3000000").period == "2022/2024"
    assert fig(ex, "28").period is None
    assert fig(ex, "9").period == "2024"  # recent years govern no paragraph


def test_recent_years_inside_a_clause_of_their_own_or_describing_the_items_govern_nothing_else() -> None:
    ex = read("局长某某介绍，近年来我市坚持质量强市，两条产业链入选自治区级项目。", "柳州市", dt.date(2025, 9, 10))
    assert fig(ex, "2").period == "2025"
    ex = read("2019年抽查产品中，近5年抽查3次以上的产品有88种。", date=dt.date(2020, 1, 20))
    assert fig(ex, "88").period == "2019"


def test_a_round_framed_by_zai_gives_its_year() -> None:
    ex = read("截至去年底，全市有效注册商标5.1万件。在2023年度省政府质量工作考核评价中，我市有9项指标位居全省前列。",
              "宜昌市", dt.date(2024, 5, 10))
    assert fig(ex, "51000").period == "2023-12-31"
    assert fig(ex, "9").period == "2023"


def test_a_measure_cut_at_a_verb_inside_it_is_read_whole() -> None:
    ex = read("全年大中型工程一次验收合格率达100%，工程质量监督覆盖率达99%。全市窗口提供各类咨询及指导1800人次，"
              "2024年1—12月，我市国内商标新注册量达9500件。", "常州市", dt.date(2025, 2, 10))
    assert fig(ex, "99").measure == "工程质量监督覆盖率"
    assert "咨询" in fig(ex, "1800").measure
    assert "商标" in fig(ex, "9500").measure


def test_a_check_rate_keeps_its_bare_measure_and_double_digits_are_no_persons() -> None:
    ex = read("全年产品质量监督抽查合格率为95.1%。8条产业链实现两位数以上增长。", "常州市", dt.date(2025, 2, 10))
    assert fig(ex, "95.1").measure == "合格率"
    assert not [o for o in ex.observations if o.unit in ("Wei", "Ren")]


def test_whole_year_words_leave_the_measure_and_a_designation_names_what_is_counted() -> None:
    ex = read("2023年，全市新认定高新技术企业31家。全年抽检食品1900批次，兑现奖励资金300万元。"
              "首批认定甲公司等60家企业为重点产业链链主企业。", "无锡市", dt.date(2024, 3, 13))
    assert not fig(ex, "3000000").measure.startswith("全年")
    assert fig(ex, "31").period == "2023"  # a fact of another year keeps its year
    assert fig(ex, "60").measure.endswith("链主企业")


def test_restated_counts_take_the_measure_before_and_are_no_surer_than_it() -> None:
    ex = read("今年新培育省级专精特新企业14家，累计65家。全市已有国家级企业技术中心7家，今年新增1家。",
              "宜昌市", dt.date(2024, 12, 10))
    total, first = fig(ex, "65"), fig(ex, "14")
    assert (total.measure, total.breakdown) == ("专精特新企业", "累计") and total.confidence <= first.confidence
    new = fig(ex, "1")
    assert (new.measure, new.breakdown, new.level) == ("企业技术中心", "新增", fig(ex, "7").level)
    assert new.confidence <= 0.8


def test_a_part_of_a_check_opening_its_batches_is_the_breakdown_not_the_measure() -> None:
    ex = read("生产环节抽检食品340批次，合格率99.4%；流通环节抽检870批次，合格率98.1%。", "宜昌市", dt.date(2024, 12, 10))
    assert (fig(ex, "340").measure, fig(ex, "340").breakdown) == ("批次", "生产领域")
    assert fig(ex, "98.1").breakdown == "流通领域"


def test_a_count_in_chinese_numerals_before_a_selection_verb_does_not_crash_the_list_frame() -> None:
    ex = read("全市三个品牌经专家评审遴选出为首批名品。", "宜昌市", dt.date(2024, 12, 10))
    assert fig(ex, "3").unit == "Ge"


def test_stocks_in_a_half_year_report_are_of_the_year_and_new_registrations_are_new() -> None:
    ex = read("2023年上半年新登记市场主体12.5万户。\n在质量品牌方面，全市拥有中国驰名商标60个，国家地理标志保护产品9个。",
              "广州市", dt.date(2023, 7, 20), title="上半年全市新登记市场主体12.5万户")
    assert fig(ex, "125000").breakdown == "新增" and fig(ex, "125000").period == "2023-H1"
    assert fig(ex, "60").period == "2023" and fig(ex, "9").period == "2023"


def test_a_fact_of_another_year_keeps_its_year_and_last_month_ends_before_the_date() -> None:
    ex = read("全市于2021年新认定省级质量标杆企业17家。\n截至上月底，全市有效注册商标3.6万件。\n某公司成立于2015年，年产值达8亿元。",
              "宜昌市", dt.date(2023, 6, 15))
    assert fig(ex, "17").period == "2021"
    assert fig(ex, "36000").period == "2023-05-31"
    assert fig(ex, "800000000").period != "2015"  # 成立于: the founding year is no period of its figures


def test_a_bare_total_after_new_ones_counts_what_they_were_added_to() -> None:
    ex = read("2024年，全市新增有效注册商标5300件，总量达到4.9万件。", "宜昌市", dt.date(2025, 1, 20))
    o = fig(ex, "49000")
    assert o.measure == "有效注册商标" and o.breakdown in ("有效", "累计") and o.confidence <= 0.8


def test_clauses_each_checking_a_category_give_their_batches_and_rates_that_category() -> None:
    ex = read("今年以来，全市抽查儿童服装50批次，抽查电热水壶30批次，合格率分别为92.0%和86.0%。抽检食品900批次。",
              "宜昌市", dt.date(2024, 12, 10))
    assert fig(ex, "50").breakdown == "儿童服装" and fig(ex, "30").breakdown == "电热水壶"
    assert (fig(ex, "92.0").breakdown, fig(ex, "86.0").breakdown) == ("儿童服装", "电热水壶")
    assert fig(ex, "900").breakdown is None  # 食品 is the whole check's, no category of it
