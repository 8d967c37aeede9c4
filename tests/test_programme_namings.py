"""Recipients of a naming verb (认定 / 命名 / 评定 / 确定 … 为 “title”): organisations before 为 with a batch or
quote after it, and several places joined by 和 / 及 / 、 named together — on our own minimal sentences."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import read, listed as _listed

DATE = dt.date(2024, 3, 12)


def test_firms_named_before_wei_and_a_batch():
    text = "经评审，认定甲食品有限公司（商标：甲园）等12家企业的字号为第二批“某州老字号”。"
    ex = read(text, date=DATE)
    assert ("甲食品有限公司", "某州老字号") in _listed(ex)
    assert not any(r.name == "甲园" for x in ex.listings for r in x.recipients)  # the aside is no winner
    assert any(o.subject is not None and o.subject.name == "某州老字号" and o.value == 12 for o in ex.observations)
    listed = _listed(read("经评审，认定甲科技有限公司、乙食品有限公司为第三批“某省知名品牌”。", date=DATE))
    assert {("甲科技有限公司", "某省知名品牌"), ("乙食品有限公司", "某省知名品牌")} <= listed


def test_naming_without_recipients_or_after_bei_lists_nothing():
    assert not _listed(read("经认定，该企业为“某省知名品牌”。", date=DATE))
    assert not _listed(read("各地要认定一批企业为“某省知名品牌”培育对象，加强指导。", date=DATE))


def test_places_joined_by_he_and_ji_are_each_named():
    listed = _listed(read("省质量强省工作领导小组命名平舆县、西平县和汝南县为“河南省质量强县”。", date=DATE))
    assert {("平舆县", "河南省质量强县"), ("西平县", "河南省质量强县"), ("汝南县", "河南省质量强县")} <= listed
    listed = _listed(read("某局同意命名驻马店市及信阳市为“全国质量强市示范城市”，示范期三年。", date=DATE))
    assert {("驻马店市", "全国质量强市示范城市"), ("信阳市", "全国质量强市示范城市")} <= listed


def test_places_that_only_qualify_the_recipients_are_not_named():
    listed = _listed(read("某局命名驻马店市和信阳市的5个街道为“某质量提升示范街道”。", date=DATE))
    assert not {("驻马店市", "某质量提升示范街道"), ("信阳市", "某质量提升示范街道")} & listed


def test_a_place_named_to_an_unquoted_title():
    listed = _listed(read("驻马店市被国家市场监管总局命名为全国质量强市示范城市。", date=DATE))
    assert ("驻马店市", "全国质量强市示范城市") in listed
    listed = _listed(read("驻马店市获得第五届全国文明城市称号。", date=DATE))
    assert ("驻马店市", "全国文明城市") in listed
    assert not _listed(read("各地要持续巩固文明城市创建成果，争创省级文明城市。", date=DATE))


def test_a_ceremony_hands_an_award_over():
    text = "市政府为驻马店天中科技有限公司、河南某某食品有限公司颁发“驻马店市市长质量奖”奖牌。"
    assert {("驻马店天中科技有限公司", "驻马店市市长质量奖"), ("河南某某食品有限公司", "驻马店市市长质量奖")} <= _listed(
        read(text, date=DATE))
    text = "会上，与会领导为获得第五届驻马店市市长质量奖的驻马店天中科技有限公司和河南某某食品有限公司颁奖。"
    assert {("驻马店天中科技有限公司", "驻马店市市长质量奖"), ("河南某某食品有限公司", "驻马店市市长质量奖")} <= _listed(
        read(text, date=DATE))
    assert not _listed(read("会上，与会领导为获得第五届驻马店市市长质量奖的企业代表颁奖。", date=DATE))
    assert not _listed(read("市政府为表彰先进颁发“驻马店市市长质量奖”。", date=DATE))


def test_an_edition_of_a_gold_medal_is_a_programme():
    ex = read("第八届“驻马店市质量强市金质奖章”颁奖典礼举行，7位企业家获此殊荣。", date=DATE)
    assert any(e.kind.is_programme and e.name == "驻马店市质量强市金质奖章" for e in ex.entities)
    ex = read("他在会上佩戴金质奖章。", date=DATE)
    assert not any(e.kind.is_programme for e in ex.entities)


def test_a_first_edition_closes_the_winners_of_a_grant():
    text = "市政府决定授予驻马店天中科技有限公司等2家单位首届驻马店市市长质量奖，各奖励50万元。"
    assert ("驻马店天中科技有限公司", "驻马店市市长质量奖") in _listed(read(text, date=DATE))
    text = "经评审，确定了驻马店天中科技有限公司等2家单位为首届驻马店市市长质量奖获奖单位。"
    assert ("驻马店天中科技有限公司", "驻马店市市长质量奖") in _listed(read(text, date=DATE))
    assert not _listed(read("市政府决定启动首届驻马店市市长质量奖评选活动。", date=DATE))


def test_places_granted_a_title_or_passing_its_check():
    listed = _listed(read("驻马店市政府授予平舆县、西平县“驻马店市质量强县”称号。", date=DATE))
    assert {("平舆县", "驻马店市质量强县"), ("西平县", "驻马店市质量强县")} <= listed
    listed = _listed(read("平舆县、西平县通过“河南省质量强县”验收。", date=DATE))
    assert {("平舆县", "河南省质量强县"), ("西平县", "河南省质量强县")} <= listed
    assert not _listed(read("驻马店天中科技有限公司通过“培训+调研”帮助企业提升质量。", date=DATE))
    listed = _listed(read("驻马店市政府授予平舆县人民医院“驻马店市质量标杆”称号。", date=DATE))
    assert ("平舆县", "驻马店市质量标杆") not in listed  # a place inside a winner's name is no winner


def test_a_demonstration_zone_of_brands_keeps_its_whole_name():
    ex = read("平舆县顺利通过全国知名品牌创建示范区验收。", date=DATE)
    assert ("平舆县", "全国知名品牌创建示范区") in _listed(ex)
    assert not any(e.name == "全国知名品牌" for e in ex.entities)


def test_winners_handed_the_award_of_the_ceremony_named_before():
    text = ("随后举行了2023年度驻马店市市长质量奖颁奖仪式。市领导为驻马店天中科技有限公司、河南某某食品有限公司和"
            "河南某某机械有限公司3家获奖企业颁奖。")
    ex = read(text, date=DATE)
    listed = _listed(ex)
    assert {("驻马店天中科技有限公司", "驻马店市市长质量奖"), ("河南某某机械有限公司", "驻马店市市长质量奖")} <= listed
    assert not any(o.value == 3 and o.subject is not None and o.subject.name == "驻马店市" for o in ex.observations)
    text = "会议传达了河南省省长质量奖评审情况，举行了驻马店市市长质量奖颁奖仪式。市领导为驻马店天中科技有限公司颁奖。"
    assert _listed(read(text, date=DATE)) == {("驻马店天中科技有限公司", "驻马店市市长质量奖")}
    text = "会议传达了河南省省长质量奖评审情况和驻马店市市长质量奖评审情况。市领导为驻马店天中科技有限公司颁奖。"
    assert not _listed(read(text, date=DATE))  # two awards, no ceremony named: which one cannot be told
    assert not _listed(read("市领导为驻马店天中科技有限公司颁奖。", date=DATE))


def test_a_candidate_building_towards_a_title_holds_none():
    for text in ("驻马店市被确定为全国质量强市示范城市创建城市。", "驻马店市被确定为“全国质量强市示范城市”创建城市。"):
        assert not _listed(read(text, date=DATE))
    assert ("驻马店市", "全国质量强市示范城市") in _listed(read("驻马店市被确定为全国质量强市示范城市。", date=DATE))
