"""Regression tests for mechanisms found by reading real articles of the genre fact by fact (national
reports filed from the capital, county spot-check notes, food-safety bulletins), each on our own
minimal sentences."""

from __future__ import annotations

import datetime as dt

from qgraph.model import Extraction, Kind

from extraction_helpers import fig, low, read


NATIONAL = ("全国质量基础设施建设稳步推进\n"
            "本报北京5月8日电（记者王某）记者从市场监管总局获悉：2024年，全国新建质量基础设施服务站点1500个，"
            "我国新批准发布国家标准2100项。")


def test_a_national_report_filed_from_the_capital_is_not_about_beijing() -> None:
    ex = read(NATIONAL)
    for value in ("1500", "2100"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name != "北京市"
        assert o.subject.name == "中华人民共和国" or low(o)


def test_a_capital_dateline_of_a_report_on_beijing_still_names_beijing() -> None:
    ex = read("本报北京5月8日电 北京市市场监管局发布，2024年全市完成产品质量监督抽查3200批次。")
    assert fig(ex, "3200").subject.name != "中华人民共和国"
    assert not [o for o in ex.observations if o.subject and o.subject.name == "中华人民共和国"]


def test_ge_pici_counts_batches() -> None:
    ex = read("1~6月份，某县市场监管局共抽检了320个批次的产品，合格301个批次，不合格19个批次。", "奈曼旗")
    for value in ("320", "301", "19"):
        assert fig(ex, value).unit == "Pici"


def test_a_checks_label_does_not_start_with_time_or_batch_words() -> None:
    ex = read("2023年上半年，全国完成食品安全监督抽检150万批次，监督抽检不合格率为2.30%。其中，第二季度监督抽检不合格率为2.10%。")
    assert fig(ex, "2.10").subject.name == fig(ex, "2.30").subject.name
    assert not [e for e in ex.entities if e.kind is Kind.PRODUCT_SPOT_CHECK and e.name.startswith(("第", "月", "批次"))]
    ex = read("1~9月份，某旗市场监管局共抽检产品400个批次。在对150家经销企业的210个批次产品抽查中，合格率为96.2%。", "奈曼旗")
    assert not [e for e in ex.entities if e.kind is Kind.PRODUCT_SPOT_CHECK and e.name.startswith(("第", "月", "批次"))]


def test_shares_of_a_total_in_a_colon_list_name_no_owner() -> None:
    ex = read("2024年，全省完成食品抽检9000批次。从不合格项目看，各类问题占不合格样品总量为：农药残留超标40.12%，微生物污染15.30%。",
              "江西省")
    for value in ("40.12", "15.30"):
        o = fig(ex, value)
        assert low(o) or (o.subject is not None and o.subject.kind is not Kind.PLACE)


def test_a_part_of_a_check_named_by_what_was_checked_qualifies_its_figures() -> None:
    text = ("1~9月份，某旗市场监管局共抽检产品400个批次，批次合格率为93.00%。\n"
            "其中对60家食品生产企业的120个批次的产品的抽查中，批次合格率为85.0%，对5个批次工业产品的抽查中，批次合格率为100%。"
            "在对180家经销企业的275个批次产品抽查中，批次合格率为96.40%。")
    ex = read(text, "奈曼旗")
    check = fig(ex, "400").subject
    assert check is not None and check.kind is Kind.PRODUCT_SPOT_CHECK
    for value, part in (("60", "食品生产企业"), ("120", "食品生产企业"), ("85.0", "食品生产企业"),
                        ("100", "工业产品"), ("180", "经销企业"), ("275", "经销企业"), ("96.40", "经销企业")):
        assert fig(ex, value).subject == check, value
        assert fig(ex, value).breakdown == part, value
    assert fig(ex, "93.00").breakdown is None


FOOD = ("2024年，全省完成食品安全监督抽检8000批次，监督抽检不合格率为2.50%。\n"
        "粮食加工品、肉制品等3大类食品，监督抽检不合格率均低于总体抽检不合格率。与上年相比，餐饮食品、酒类等20大类食品"
        "抽检不合格率有所降低，但特殊膳食食品、蔬菜制品等6类食品抽检不合格率有所上升。")


def test_counts_of_items_that_moved_name_no_subject() -> None:
    ex = read(FOOD, "江西省")
    for value in ("20", "6"):
        assert low(fig(ex, value))


def test_the_overall_check_and_list_words_make_no_check_of_their_own() -> None:
    ex = read(FOOD, "江西省")
    checks = {e.name for e in ex.entities if e.kind is Kind.PRODUCT_SPOT_CHECK}
    assert not [n for n in checks if n.startswith(("均", "低于", "大类", "类"))], checks
    cats = {e.name for e in ex.entities if e.kind is Kind.PRODUCT_CATEGORY}
    assert not [n for n in cats if n.startswith("但")], cats


def test_the_body_that_checks_is_no_measure_and_batches_counted_by_ge_are_batches() -> None:
    text = ("某县质量技术监督局共抽检了380个批次的产品，合格批次352个，不合格批次28个。\n"
            "其中对40家食品生产企业的90个批次的产品的抽查中，合格批次80个。")
    ex = read(text, "奈曼旗")
    assert fig(ex, "380").measure == "批次"
    assert fig(ex, "352").unit == fig(ex, "28").unit == fig(ex, "80").unit == "Pici"
    assert fig(ex, "40").measure == "企业" and fig(ex, "90").measure == "批次"


def test_a_bracketed_group_word_is_part_of_a_companys_name() -> None:
    ex = read("福建省甲钢（集团）有限责任公司、乙电子有限公司两家企业获首届福建省政府质量奖。", "福建省")
    names = {e.name for e in ex.entities if e.kind is Kind.ENTERPRISE}
    assert "福建省甲钢（集团）有限责任公司" in names
    assert {r.name for x in ex.listings for r in x.recipients} == {"福建省甲钢（集团）有限责任公司", "乙电子有限公司"}


def test_firms_named_after_an_awards_winners_are_its_recipients() -> None:
    ex = read("会上宣读了表彰通报，雅安市市长质量奖获奖企业代表甲药业有限公司、乙新材料有限公司负责人作经验交流发言。"
              "丙机械有限公司代表作了发言。", "雅安市")
    listed = {(x.programme.name, r.name) for x in ex.listings for r in x.recipients}
    assert {r for _, r in listed} == {"甲药业有限公司", "乙新材料有限公司"}


def test_the_count_of_a_category_list_in_a_checks_report_is_not_the_places() -> None:
    ex = read("2024年上半年，全省完成食品安全监督抽检50000批次。粮食加工品、肉制品、乳制品等3大类食品监督抽检不合格率"
              "分别为0.41%、0.62%、0.10%。", "吉林省")
    o = fig(ex, "3", "Lei")
    assert low(o) or o.subject.kind is not Kind.PLACE


def test_attendance_is_the_gatherings_not_the_quality_month_s() -> None:
    text = ("某市启动2024年“质量月”活动\n9月4日，晋城市2024年“质量月”活动启动仪式在泽州县举行。"
            "各县（市、区）市场监管局负责人和企业代表150余人参加活动。")
    ex = read(text, "晋城市", dt.date(2024, 9, 5), title="某市启动2024年“质量月”活动")
    assert fig(ex, "150").subject.name == "晋城市2024年“质量月”活动启动仪式"


def test_a_post_before_an_internal_units_post_keeps_its_organisation() -> None:
    ex = read("会议由市政府副秘书长、研究室主任郝某某主持。", "晋城市")
    assert ("郝某某", "副秘书长", "晋城市人民政府") in {
        (p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


def test_a_place_inside_a_company_name_is_no_place_mention() -> None:
    ex = read("首届某省政府质量奖揭晓，宁波甲乙电器设备有限公司和丙丁大学获奖。", "福建省")
    assert any(e.kind is Kind.ENTERPRISE and e.name.startswith("宁波") for e in ex.entities)
    assert not [e for e in ex.entities if e.kind is Kind.PLACE and e.name == "宁波市"]


def test_the_checks_own_name_before_its_count_is_no_product_category() -> None:
    ex = read("上半年食品安全监督抽检不合格率2.40%\n2023年上半年，全国完成食品安全监督抽检150万批次。")
    assert not [e for e in ex.entities if e.kind is Kind.PRODUCT_CATEGORY and "监督" in e.name]


def posts_of(ex: Extraction, person: str) -> set[tuple[str, str | None]]:
    return {(p.role, p.organization.name if p.organization else None) for p in ex.posts if p.person.name == person}


def test_an_internal_units_post_is_held_in_the_organisation_named_before_it() -> None:
    ex = read("启动仪式举行，市政府副秘书长、研究室主任张立华和市质量发展委员会办公室主任、市市场监管局局长刘建国出席。",
              "芜湖市")
    assert posts_of(ex, "张立华") == {("副秘书长", "芜湖市人民政府"), ("研究室主任", "芜湖市人民政府")}
    assert ("办公室主任", "芜湖市质量发展委员会") in posts_of(ex, "刘建国")
    assert ("局长", "芜湖市市场监督管理局") in posts_of(ex, "刘建国")


def test_a_level_word_elided_before_a_comma_names_its_own_award() -> None:
    ex = read("唐山市举办质量月活动，省、市政府质量奖获奖企业代表100余人参加。", "唐山市")
    honours = {e.name for e in ex.entities if e.kind is Kind.HONOUR}
    assert {"河北省人民政府质量奖", "唐山市人民政府质量奖"} <= honours  # the elided government: the place's 人民政府


def test_a_bulletins_check_named_again_with_fewer_field_words_is_one_check() -> None:
    ex = read("上半年食品安全监督抽检不合格率1.80%\n上半年，全省完成食品安全监督抽检8万批次。"
              "其中，酒类、饮料等12大类食品抽检不合格率有所降低，但糖果制品、炒货食品等4类食品抽检不合格率有所上升。"
              "各类食品监督抽检结果见附件。", "吉林省", title="上半年食品安全监督抽检不合格率1.80%")
    checks = {e.name for e in ex.entities if e.kind is Kind.PRODUCT_SPOT_CHECK}
    assert checks == {"食品安全监督抽检"}
    cats = {r.object.name for r in ex.relations if r.subject.name == "食品安全监督抽检"}
    assert {"糖果制品", "炒货食品"} <= cats


def test_a_clause_opening_with_wo_guo_names_the_country_in_a_national_report() -> None:
    ex = read("制造业质量稳步提升\n本报北京3月2日电（记者王某）记者日前从国家市场监督管理总局获悉：截至2024年底，"
              "我国制造业产品质量合格率达到94.10%。")
    o = fig(ex, "94.10")
    assert o.subject.name == "中华人民共和国" and not o.subject_inferred


def test_an_event_named_by_the_end_of_its_full_name_is_the_same_event() -> None:
    ex = read("我市举行全市“质量月”活动启动仪式\n2024年9月5日，芜湖市2024年“质量月”活动启动仪式在镜湖区举行。",
              "芜湖市", title="我市举行全市“质量月”活动启动仪式")
    events = {e.name for e in ex.entities if e.kind is Kind.EVENT}
    assert events == {"芜湖市2024年“质量月”活动启动仪式"}


def test_a_check_of_two_paired_products_keeps_both_in_its_label() -> None:
    ex = read("2024年，全国产品质量稳步提高。食品、化妆品抽检合格率达到98%。")
    checks = [e.name for e in ex.entities if e.kind is Kind.PRODUCT_SPOT_CHECK]
    assert checks == ["食品、化妆品抽检"]
    assert fig(ex, "98").subject.name == "食品、化妆品抽检"


def test_per_category_pass_rates_after_a_list_are_each_categorys_own() -> None:
    ex = read("2024年，市市场监管局开展产品质量监督抽查，共抽查产品300批次。抽查结果显示，电线电缆合格率为95.0%，"
              "电动自行车合格率为92.5%，儿童玩具合格率为98.1%。", "某市")
    for value, name in (("95.0", "电线电缆"), ("92.5", "电动自行车"), ("98.1", "儿童玩具")):
        o = fig(ex, value)
        assert (o.subject.kind, o.subject.name) == (Kind.PRODUCT_CATEGORY, name) and not low(o)
    ex = read("2024年，市市场监管局完成食品安全监督抽检5000批次。其中，食用农产品合格率98.2%，餐饮食品合格率97.6%。", "某市")
    assert [fig(ex, v).subject.name for v in ("98.2", "97.6")] == ["食用农产品", "餐饮食品"]
    ex = read("2024年，全省完成食品安全监督抽检8万批次。粮食加工品、肉制品、乳制品等3大类食品抽检不合格率分别为"
              "0.41%、0.62%、0.10%。", "某省")
    assert [fig(ex, v).subject.name for v in ("0.41", "0.62", "0.10")] == ["粮食加工品", "肉制品", "乳制品"]
    # the count after 等 disagrees with the list: no category takes a rate
    ex = read("2024年，全省完成食品安全监督抽检8万批次。粮食加工品、肉制品等3大类食品抽检不合格率分别为0.41%、0.62%。", "某省")
    assert all(fig(ex, v).subject.kind is not Kind.PRODUCT_CATEGORY for v in ("0.41", "0.62"))
    # places and fields in parallel clauses are not product categories
    ex = read("2024年，市市场监管局开展产品质量监督抽查。结果显示，生产领域合格率为95.0%，流通领域合格率为92.5%。", "某市")
    assert all(fig(ex, v).subject.kind is not Kind.PRODUCT_CATEGORY for v in ("95.0", "92.5"))
    # the categories named with their count in the clause before: 对甲、乙两类产品开展专项抽查，合格率分别为…
    ex = read("2024年，全市监督抽查产品1260批次。其中，甲区对椰子制品、热带水果罐头两类产品开展专项抽查，"
              "合格率分别为98.1%、93.8%。", "某市")
    assert [fig(ex, v).subject.name for v in ("98.1", "93.8")] == ["椰子制品", "热带水果罐头"]
    ex = read("2024年，全市监督抽查产品1260批次。其中，甲区对椰子制品、热带水果罐头三类产品开展专项抽查，"
              "合格率分别为98.1%、93.8%。", "某市")
    assert all(fig(ex, v).subject.kind is not Kind.PRODUCT_CATEGORY for v in ("98.1", "93.8"))
