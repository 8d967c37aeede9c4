"""Figures whose part is told by what they count or by what they are of, on our own minimal sentences:
a breakdown word as the counted noun (``抽查了N家大型企业的M批次产品``)."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

PROVINCE = dict(place="甘肃省", title="甘肃省二季度产品质量监督抽查情况")


# -- a breakdown word right after a count is the part of the clause's figures -------------------------

def test_a_size_class_counted_is_the_part_of_its_clause() -> None:
    ex = read("二季度，省质监局组织监督抽查。此次抽查了40家大型企业的90批次，合格率为99.1%；"
              "抽查了55家中型企业的120批次，合格率为96.0%。", **PROVINCE)
    for value, size in (("40", "大型企业"), ("90", "大型企业"), ("99.1", "大型企业"),
                        ("55", "中型企业"), ("120", "中型企业"), ("96.0", "中型企业")):
        o = fig(ex, value)
        assert o.breakdown == size, o


def test_a_breakdown_word_inside_a_phrase_still_heads_nothing() -> None:
    o = fig(read("某县市场监管局组织开展送教上门式线下精准帮扶，共惠及150余家企业。", place="榆中县", title="榆中县质量工作"), "150")
    assert o.breakdown != "线下", o


# -- an item's own output after its quoted name is the item's, not the place's -------------------------

COUNTY = dict(place="榆中县", title="榆中县地理标志工作")


def test_a_quoted_items_output_is_not_the_places() -> None:
    ex = read("全县产值过亿的地标产品共5件。“榆中山杏”年产值超过6亿元；榆中“高原菜心”年产值达2亿元，"
              "农户户均增收3万元。", **COUNTY)
    for value in ("600000000", "200000000", "30000"):
        o = fig(ex, value)
        assert low(o) or (o.subject is not None and o.subject.name != "榆中县"), o
    assert fig(ex, "600000000").measure == "年产值"
    assert not low(fig(ex, "5")) and fig(ex, "5").subject.name == "榆中县"


def test_a_quoted_kind_of_firm_counted_stays_the_places() -> None:
    o = fig(read("全县“专精特新”中小企业达到12家。", **COUNTY), "12")
    assert not low(o) and o.subject.name == "榆中县", o


# -- a count closing the object of a verb of selection is the size of the list joined -----------------

def test_the_size_of_the_list_an_item_joined_is_no_count_of_the_place() -> None:
    ex = read("近年来，本市计量惠企服务入选某部推介的15个典型案例。", place="柳州市", title="柳州市质量工作")
    assert low(fig(ex, "15"))


def test_a_count_of_the_places_own_selected_items_stays() -> None:
    o = fig(read("今年全市有12家企业入选省级专精特新企业名单。", place="柳州市", title="柳州市质量工作"), "12")
    assert not low(o), o


# -- a place's share of a programme's recipients keeps the place as its qualifier ----------------------

def test_a_places_share_of_a_national_awards_winners_is_qualified_by_the_place() -> None:
    ex = read("全国共12个组织获得中国质量奖提名奖；甘肃省的金城电机有限责任公司、陇原乳业有限公司等2个组织获得中国质量奖提名奖。", **PROVINCE)
    assert fig(ex, "2").breakdown == "甘肃省"
    assert fig(ex, "12").breakdown is None


def test_the_places_own_award_counted_is_no_share() -> None:
    ex = read("甘肃省的金城电机有限责任公司、陇原乳业有限公司等2家企业荣获甘肃省人民政府质量奖。", **PROVINCE)
    assert fig(ex, "2").breakdown != "甘肃省"


def test_a_citys_share_of_a_provincial_list_is_qualified_by_the_city() -> None:
    ex = read("天水市有3个品牌入选第二批“甘肃名品”。", place="天水市", title="天水市品牌工作")
    o = fig(ex, "3")
    assert o.breakdown == "天水市", o


# -- a number inside a basis phrase tells of the grounds cited, not of the subject ---------------------

def test_a_count_inside_a_basis_phrase_is_unsure() -> None:
    ex = read("按照某总局等18个部门关于质量月的联合通知要求，市场监管局牵头组织活动。"
              "根据年度抽查计划安排，一季度共抽查80批次。", place="柳州市", title="柳州市质量月活动")
    assert low(fig(ex, "18"))
    assert not low(fig(ex, "80"))


# -- a category word before 奖 is part of the counted award, no verb ending the phrase -------------------

def test_an_award_category_before_jiang_stays_in_the_measure() -> None:
    ex = read("到去年年底，本市共有省政府质量奖组织奖6家、省政府质量奖个人奖3名。", place="天水市", title="天水市质量工作")
    assert fig(ex, "6").measure == "省政府质量奖组织奖"
    assert fig(ex, "3").measure == "省政府质量奖个人奖"


# -- the figures of an event's day are the event's ----------------------------------------

def test_the_figures_of_an_events_day_are_the_events() -> None:
    ex = read("9月12日，某市市场监管局在某广场举办2021年度“质量月”启动仪式，副市长出席。\n活动当天，发放宣传资料1500余份，"
              "接待群众咨询80余人次。", place="天水市", title="天水市质量月", date=dt.date(2021, 9, 14))
    for value in ("1500", "80"):
        o = fig(ex, value)
        assert o.subject.kind.name == "EVENT" and "质量月" in o.subject.name, o
        assert o.period == "2021" and not low(o), o


def test_the_figures_of_an_event_pointed_at_by_name_are_the_events() -> None:
    ex = read("某区市场监管局开展了“质量月”集中宣传活动。\n此次“质量月”集中讲解活动，共发放宣传资料300余份，群众现场咨询40余人次。",
              place="天水市", title="天水市质量月", date=dt.date(2021, 9, 24))
    for value in ("300", "40"):
        o = fig(ex, value)
        assert o.subject.kind.name == "EVENT" and "宣传活动" in o.subject.name and not low(o), o  # the one named before


def test_this_year_is_no_event_pointed_at() -> None:
    o = fig(read("此次抽查，共抽查企业30家。", place="天水市", title="天水市抽查", date=dt.date(2021, 9, 24)), "30")
    assert o.subject is None or o.subject.kind.name != "EVENT"


def test_a_day_word_with_no_event_before_gives_no_event() -> None:
    o = fig(read("活动当天，发放宣传资料1500余份。", place="天水市", title="天水市质量工作", date=dt.date(2021, 9, 14)), "1500")
    assert o.subject is None or o.subject.kind.name != "EVENT"


def test_an_awards_winners_at_an_event_are_not_the_events_figure() -> None:
    ex = read("9月12日，某市市场监管局举办2021年度“质量月”启动仪式，副市长出席。\n活动现场，副市长对五家天水市市长质量奖获奖企业进行了颁奖。",
              place="天水市", title="天水市质量月", date=dt.date(2021, 9, 14))
    o = fig(ex, "5")
    assert o.subject is None or o.subject.kind.name != "EVENT" or low(o), o


# -- a sentence opening with 该局 is the bureau's named last before ------------------------------------

def test_what_the_bureau_pointed_back_at_did_is_the_bureaus() -> None:
    ex = read("近年来，甘肃省知识产权局多措并举推进商标注册。\n该局去年还培育认定陇原乳业有限公司等专利示范企业20家，"
              "下拨扶持资金300万元。", **PROVINCE)
    for value in ("20", "3000000"):
        o = fig(ex, value)
        assert o.subject.name == "甘肃省知识产权局" and not low(o), o


def test_a_place_named_after_the_back_reference_keeps_its_own_figure() -> None:
    ex = read("近年来，甘肃省知识产权局多措并举推进商标注册。\n该局指导各地开展注册，全省有效注册商标达到20万件。", **PROVINCE)
    assert fig(ex, "200000").subject.name == "甘肃省"


# -- kinds counted by the rate they reached are the check's, the rate their qualifier -------------------

def test_kinds_counted_by_their_rate_are_the_checks_with_the_rate_as_qualifier() -> None:
    ex = read("二季度，省质监局组织监督抽查，共抽查30种产品。其中，甲、乙等9种产品抽样合格率为100%；"
              "丙、丁等4种产品抽样合格率在85%以下。", **PROVINCE)
    for value, cond in (("9", "抽样合格率为100%"), ("4", "抽样合格率在85%以下")):
        o = fig(ex, value)
        assert o.measure == "产品" and o.breakdown == cond and not low(o), o
        assert o.subject.kind.name == "PRODUCT_SPOT_CHECK", o
    assert not [o for o in ex.observations if o.value in (85, 100)]  # the bounds: the counts' qualifiers only


def test_kinds_with_no_rate_after_them_keep_their_reading() -> None:
    o = fig(read("二季度，省质监局组织监督抽查，共抽查30种产品。", **PROVINCE), "30")
    assert o.breakdown is None and o.measure == "产品", o


# -- the kind of a registered mark before 注册商标 stays in the measure ---------------------------------

def test_the_kind_of_a_registered_mark_stays_in_the_measure() -> None:
    ex = read("到去年年底，全省新增工业品注册商标5120件，有效注册商标达到30万件。", **PROVINCE)
    assert fig(ex, "5120").measure == "新增工业品注册商标"
    assert fig(ex, "300000").measure == "有效注册商标"


def test_a_rate_of_the_kinds_named_before_is_kept_to_be_shared() -> None:
    ex = read("二季度，省质监局组织监督抽查。甲涂料抽查12批次、乙板材抽查4批次，上述2类产品批次合格率均为100%。",
              **PROVINCE)
    assert [o for o in ex.observations if o.value == 100]
