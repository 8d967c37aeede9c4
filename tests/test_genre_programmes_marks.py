"""Programmes, marks and occasions of the genre the figures of a report belong to: the month of a
month-long occasion, a certification mark firms are authorised to use."""

from __future__ import annotations

import datetime as dt

from tests.extraction_helpers import fig, read

MONTH = ("金秋时节，吉林省市场监管局等12个部门按照部署，联合开展了全省2023年“质量月”活动，推动质量提升。\n"
         "质量提升篇。相关部门组织开展质量诊断、质量攻关等活动48次，制作企业质量经验宣传片9个。")


def test_a_figure_of_the_quality_month_itself_is_of_september() -> None:
    ex = read(MONTH, place="吉林省", date=dt.date(2023, 10, 20))
    o = fig(ex, "48")
    assert o.subject is not None and o.subject.name == "质量月"
    assert o.period == "2023-09"


def test_a_launch_ceremony_of_the_month_keeps_its_year() -> None:
    text = "9月1日，长春市2023年“质量月”活动启动仪式举行。\n启动仪式上，共有30家企业参展。"
    ex = read(text, place="长春市", date=dt.date(2023, 9, 2))
    assert fig(ex, "30").period_words != "质量月"


def test_a_figure_with_time_words_of_its_own_keeps_them() -> None:
    text = MONTH + "\n上半年，全省组织开展质量诊断活动20次。"
    ex = read(text, place="吉林省", date=dt.date(2023, 10, 20))
    assert fig(ex, "20").period == "2023-H1"


GRANT = ("据吉林省市场监管局消息，全省“甲地大米”“乙地木耳”等2个产品的9家企业获准使用地理标志专用标志。"
         "目前吉林省地理标志保护产品专用标志使用企业累计已达64家。")


def _schemes(ex) -> set[str]:
    return {e.name for e in ex.entities if e.kind.value == "CertificationScheme"}


def test_a_granted_mark_is_a_scheme_and_its_users_are_its_figures() -> None:
    ex = read(GRANT, place="吉林省", date=dt.date(2023, 12, 11))
    assert _schemes(ex) == {"地理标志专用标志"}
    for value in ("2", "9"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == "地理标志专用标志"
    total = fig(ex, "64")
    assert total.subject is not None and total.subject.name == "地理标志专用标志"
    assert total.measure == "企业" and total.breakdown == "累计"


def test_a_quoted_product_between_the_grant_and_the_mark() -> None:
    text = "日前，甲农业科技有限公司和乙果业有限公司获批使用“丙地苹果”地理标志专用标志。"
    ex = read(text, place="吉林省", date=dt.date(2024, 7, 31))
    assert _schemes(ex) == {"地理标志专用标志"}


def test_a_mark_without_a_grant_is_no_entity_and_its_users_stay_the_places() -> None:
    text = "截至2023年底，全市核准使用地理标志专用标志的企业56家。"
    ex = read(text, place="长春市", date=dt.date(2024, 3, 1))
    assert not _schemes(ex)
    o = fig(ex, "56")
    assert o.subject is not None and o.subject.kind.value == "Place"


def test_a_running_total_reached_is_measured_by_its_noun() -> None:
    ex = read("截至目前，全市规上工业企业累计已达320家。", place="长春市", date=dt.date(2024, 3, 1))
    assert fig(ex, "320").measure.endswith("企业")


CHAINS = ("全市首批纳入行动计划的共有甲机床、乙车辆、丙食品3条产业链。\n"
          "近年来，乙车辆装备产业已形成以春车公司为龙头、丁铸造等20余户企业配套的产业体系，"
          "产品包括8个系列300多个品种。")


def test_counts_of_an_industry_named_as_a_chain_are_the_chains() -> None:
    ex = read(CHAINS, place="长春市", date=dt.date(2022, 3, 4))
    for value in ("20", "8", "300"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == "乙车辆产业链", (value, o.subject)
        assert not o.subject_inferred


def test_an_industry_that_is_no_chain_of_the_report_keeps_the_guess() -> None:
    text = CHAINS.replace("乙车辆装备产业", "丁材料产业")
    ex = read(text, place="长春市", date=dt.date(2022, 3, 4))
    o = fig(ex, "300")
    assert o.subject is None or o.subject.kind.value != "IndustryChain"


AWARD = ("12月5日，某博览会在某地开幕。“甲地蜜桃”地理标志商标荣获“2023某博览会金奖”殊荣。\n"
         "据了解，吉林省共9家获奖，长春市共2家获奖。")


def test_a_places_share_of_the_one_award_of_the_report_is_the_awards() -> None:
    ex = read(AWARD, place="长春市", date=dt.date(2023, 12, 9))
    awards = {x.programme.name for x in ex.listings}
    assert len(awards) == 1
    for value in ("9", "2"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name in awards


def test_with_two_awards_the_share_stays_unsure() -> None:
    text = AWARD.replace("“2023某博览会金奖”殊荣。", "“2023某博览会金奖”殊荣。长春乙丙机械有限公司荣获“2023某博览会创新奖”。")
    ex = read(text, place="长春市", date=dt.date(2023, 12, 9))
    assert len({x.programme.name for x in ex.listings}) == 2
    assert fig(ex, "9").subject_inferred


def _check_subjects(ex) -> set[str]:
    return {o.subject.name for o in ex.observations if o.subject is not None and o.subject.kind.value == "ProductSpotCheck"}


def test_a_check_named_again_without_its_filler_word_is_the_same_check() -> None:
    text = ("7月20日，吉林省市场监管局发出关于2023年上半年省级产品质量监督抽查情况的通报。"
            "通报指出，2023年上半年吉林省级监督抽查覆盖全省9个地市，共抽查产品800批次。")
    ex = read(text, place="吉林省", date=dt.date(2023, 7, 20))
    assert _check_subjects(ex) == {"省级产品质量监督抽查"}


def test_a_batch_of_the_check_is_not_the_years_check() -> None:
    text = ("11月20日，长春市市场监督管理局通报2023年第二批市级产品质量监督抽查结果，共抽查产品300批次。"
            "据了解，今年市级监督抽查已开展两批，累计抽查产品700批次。")
    ex = read(text, place="长春市", date=dt.date(2023, 11, 20))
    assert fig(ex, "700").subject.name == "市级监督抽查"


def test_a_joined_second_verb_is_no_counted_noun() -> None:
    ex = read("全省制作展板300个并进行了展示。", place="吉林省", date=dt.date(2023, 10, 20))
    assert fig(ex, "300").measure.endswith("展板")


def test_what_the_campaign_of_the_lead_did_in_the_places_own_words_is_the_campaigns() -> None:
    text = MONTH + "\n宣传篇。集中宣传质量发展新成就，全省制作展板300个并进行了展示。"
    ex = read(text, place="吉林省", date=dt.date(2023, 10, 20))
    o = fig(ex, "300")
    assert o.subject is not None and o.subject.name == "质量月"
    assert o.period == "2023-09"


def test_a_short_bracketed_part_of_the_counted_noun_is_kept() -> None:
    ex = read("甲市等5个市(地)政府出台了《某某纲要》实施方案。", place="吉林省", date=dt.date(2023, 10, 20))
    assert fig(ex, "5").measure == "市(地)政府"
    ex = read("确定甲区、乙县2个县（区）为第二批某省质量品牌提升示范区。", place="吉林省", date=dt.date(2023, 10, 20))
    assert fig(ex, "2").measure == "县（区）"


def test_counts_of_a_quoted_platform_opening_its_clause_are_the_platforms() -> None:
    text = ("“甲乙在线监测平台”成功采集300万条交易数据。"
            "“一网办”服务平台整合全市52个服务窗口。")
    ex = read(text, place="长春市", date=dt.date(2025, 9, 20))
    assert fig(ex, "3000000").subject.name == "甲乙在线监测平台"
    assert fig(ex, "52").subject.name == "一网办服务平台"
    assert {e.kind.value for e in ex.entities if "平台" in e.name} == {"Facility"}


def test_a_quoted_name_entered_into_a_register_is_a_pool_with_its_count() -> None:
    text = "今年上半年，走访并入库“特色优品”个体工商户85户。"
    ex = read(text, place="长春市", date=dt.date(2025, 9, 20))
    o = fig(ex, "85")
    assert o.subject.name == "特色优品" and o.subject.kind.value == "CultivationPool"


def test_a_quoted_certification_the_place_holds_stays_the_places() -> None:
    ex = read("全市拥有地理标志产品9个、“某某”认证500余个。", place="长春市", date=dt.date(2025, 9, 20))
    o = fig(ex, "500")
    assert o.subject.kind.value == "Place"


def test_the_total_after_a_notice_passes_is_the_programmes_running_total() -> None:
    text = "3月20日，某市老字号协会公布了第五批长春老字号拟认定名单，并向社会公示。公示通过后，长春老字号品牌将增至120家。"
    ex = read(text, place="长春市", date=dt.date(2024, 3, 20))
    o = fig(ex, "120")
    assert o.subject.name == "长春老字号" and o.breakdown == "累计" and not o.subject_inferred


def _honours(ex) -> set[str]:
    return {e.name for e in ex.entities if e.kind.value == "HonourProgramme"}


def test_quoted_names_beside_a_known_programme_are_programmes_too() -> None:
    text = "“甲地优品”“乙珍八品”“吉林老字号”“丙地品质”等特色品牌培育成效明显。"
    ex = read(text, place="吉林省", date=dt.date(2025, 5, 27))
    assert {"甲地优品", "乙珍八品", "吉林老字号", "丙地品质"} <= _honours(ex)


def test_quoted_products_with_no_known_programme_are_no_programmes() -> None:
    text = "“甲地大米”“乙地木耳”“丙地人参”等区域公用品牌影响力不断提升。"
    ex = read(text, place="吉林省", date=dt.date(2025, 5, 27))
    assert not ({"甲地大米", "乙地木耳", "丙地人参"} & _honours(ex))


def _places(ex) -> set[str]:
    return {e.name for e in ex.entities if e.kind.value == "Place"}


def test_a_province_and_its_city_glued_after_a_word_of_location_are_both_places() -> None:
    ex = read("12月5日，第三届某某品牌节在湖南长沙隆重开幕。", place="长春市", date=dt.date(2020, 12, 9))
    assert {"湖南省", "长沙市"} <= _places(ex)
    ex = read("代表团赴浙江杭州考察学习。", place="长春市", date=dt.date(2020, 12, 9))
    assert {"浙江省", "杭州市"} <= _places(ex)


def test_a_province_glued_to_a_product_is_no_place_pair() -> None:
    ex = read("某地蜜桔在展会上销售，湖南安化黑茶也来参展。", place="长春市", date=dt.date(2020, 12, 9))
    assert "湖南省" not in _places(ex)


def test_a_contest_of_the_month_the_lead_launches_runs_in_that_month() -> None:
    text = MONTH + "\n品牌篇。开展“吉品故事”微视频比赛，发布微视频25个。"
    ex = read(text, place="吉林省", date=dt.date(2023, 10, 20))
    o = fig(ex, "25")
    assert "微视频比赛" in o.subject.name and o.period == "2023-09"


def _policies(ex) -> set[str]:
    return {e.name for e in ex.entities if e.kind.value == "Policy"}


def test_a_plan_named_without_title_marks_after_its_place_is_a_policy() -> None:
    text = "新春伊始，长春市推出产业链供应链三年行动计划，为全市产业链建设明确了路线图。"
    ex = read(text, place="长春市", date=dt.date(2022, 3, 4))
    assert "长春市产业链供应链三年行动计划" in _policies(ex)


def test_a_plan_without_a_span_of_years_or_a_place_is_no_policy() -> None:
    ex = read("全市出台实施方案，推进质量提升。各地推出三年行动计划，明确任务。", place="长春市", date=dt.date(2022, 3, 4))
    assert not _policies(ex)
