"""Lists of winners and listed places in the shapes award news and 公示 notices write them, on our own minimal
sentences: a bracketed note after an item, a sub-award written short after its award, places listed under a
naming notice, and the places, outlets and marks of such reports."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import read, listed as _listed

DATE = dt.date(2024, 3, 12)


def test_a_bracketed_note_after_an_item_keeps_the_list():
    ex = read("其中，甲新材料有限公司、乙环保科技有限公司（复评）、丙食品有限公司（复评）获得2023年“某省政府质量奖”。",
              place="河北省", date=DATE)
    listed = _listed(ex)
    assert {("甲新材料有限公司", "某省政府质量奖"), ("乙环保科技有限公司", "某省政府质量奖"),
            ("丙食品有限公司", "某省政府质量奖")} <= listed


def test_a_person_with_the_employer_in_brackets_before_the_count():
    ex = read("全国7个组织荣获某国质量奖、50个组织(个人)荣获某国质量奖提名奖。"
              "其中，甲电机有限公司、乙乳业有限公司、张大林(甲电机有限公司高级技师)等3个单位(个人)获得提名奖。",
              place="黑龙江省", date=DATE)
    listed = _listed(ex)
    assert {("甲电机有限公司", "某国质量奖提名奖"), ("乙乳业有限公司", "某国质量奖提名奖"),
            ("张大林", "某国质量奖提名奖")} <= listed
    assert ("张大林", "某国质量奖") not in listed


def test_a_provincial_survey_institute_keeps_its_place_and_trade():
    ex = read("丙省建设勘察设计院有限公司、乙窗业有限公司获得2023年“某省政府质量奖”。", place="河北省", date=DATE)
    assert ("丙省建设勘察设计院有限公司", "某省政府质量奖") in _listed(ex)


def test_places_listed_before_a_naming_that_points_back():
    text = ("经材料评审和现场评审，南康区、赣州市章贡区、赣州高新技术产业开发区通过创建验收，信丰县通过复评，"
            "命名上述县（市、区）为“江西省质量强县（市、区）”。")
    ex = read(text, place="江西省", date=DATE)
    listed = _listed(ex)
    prog = "江西省质量强县（市、区）"
    assert {("南康区", prog), ("章贡区", prog), ("赣州高新技术产业开发区", prog), ("信丰县", prog)} <= listed
    assert any(e.name == "赣州高新技术产业开发区" and e.kind.value == "Place" for e in ex.entities)
    proposed = read(text.replace("命名上述", "拟命名上述"), place="江西省", date=DATE)
    assert not _listed(proposed)  # a proposal (公示) names candidates, no holders
    granted = read("南康区、赣州市章贡区通过创建验收，信丰县通过复评，授予上述县（市、区）“江西省质量强县（市、区）”称号。",
                   place="江西省", date=DATE)
    assert {("南康区", prog), ("章贡区", prog), ("信丰县", prog)} <= _listed(granted)
    words = read("甲公司、乙公司通过验收，命名上述县（市、区）为“江西省质量强县（市、区）”。", place="江西省", date=DATE)
    assert not _listed(words)  # the items are no places


def test_a_title_written_short_after_the_scope_of_its_holders():
    ex = read("省领导小组发布了2021年度河南省质量强县(市、区)名单，郑州市金水区、二七区入选全省首批8个质量强县(市、区)。",
              place="郑州市", date=DATE)
    listed = _listed(ex)
    assert {("金水区", "河南省质量强县(市、区)"), ("二七区", "河南省质量强县(市、区)")} <= listed
    headline = read("金水区入选河南省质量强县\n省领导小组发布了2021年度河南省质量强县(市、区)名单。", place="郑州市", date=DATE)
    assert {e.name for e in headline.entities if e.kind.is_programme} == {"河南省质量强县(市、区)"}


def test_a_category_of_holders_written_alone_after_the_award():
    ex = read("省政府发布决定，授予6家组织和5名个人第八届山西省政府质量奖。其中，甲光电材料有限公司荣获组织奖；"
              "乙农机制造有限公司董事长王大川获个人奖。截至目前，全市拥有组织奖3家，省政府质量奖提名奖5个。",
              place="太原市", date=DATE)
    listed = _listed(ex)
    assert ("甲光电材料有限公司", "山西省政府质量奖组织奖") in listed and ("王大川", "山西省政府质量奖个人奖") in listed
    progs = {e.name for e in ex.entities if e.kind.is_programme}
    assert "组织奖" not in progs and "个人奖" not in progs
    assert "山西省政府质量奖提名奖" in progs  # the government award as the report writes it, its grade too
    alone = read("甲光电材料有限公司荣获组织奖。", place="太原市", date=DATE)
    assert not _listed(alone)  # no award named before: nothing to point back at


def test_quoted_marks_take_the_kind_the_clause_ends_with():
    ex = read("“甲县火腿”“乙县天麻”等农产品成功注册为地理标志商标；“丙锦鹅”“丁银”等多件商标获准注册。",
              place="贵州省", date=DATE)
    kinds = {e.name: e.kind.value for e in ex.entities}
    assert kinds["甲县火腿"] == kinds["乙县天麻"] == "GeographicalIndication"
    assert kinds["丙锦鹅"] == kinds["丁银"] == "Trademark"


def test_a_county_s_report_naming_its_province_only_in_a_title_is_the_county_s():
    text = ("县政府召开全县标准化大会。县委副书记、县长李明指出，我县要对照《浙江省标准化三年计划》涉及永嘉的任务，"
            "全面完成全县目标。我县将继续推进。")
    ex = read(text, date=DATE)
    assert any(p.person.name == "李明" and p.organization is not None and p.organization.name == "永嘉县人民政府"
               for p in ex.posts)


def test_a_district_name_many_cities_share_is_the_one_of_the_city_written_before_it():
    ex = read("9月20日，晋城市城区市场监管局组织宣传活动。全区8个市场监管所参加，推进全区质量工作。", date=DATE)
    assert any(e.name == "晋城市城区市场监督管理局" for e in ex.entities)
    assert not any(e.name.startswith("汕尾") for e in ex.entities)


def test_a_quoted_motto_ending_like_an_occasion_is_no_event():
    ex = read("全区围绕“夯实质量基础 推动高质量发展”活动主题，开展了“质量月”宣讲活动。", place="晋城市", date=DATE)
    events = {e.name for e in ex.entities if e.kind.value == "Event"}
    assert not any("推动高质量发展" in n for n in events) and any("质量月" in n for n in events)


def test_a_quoted_brand_being_built_is_no_programme():
    ex = read("全市打造“甲城制造”品牌，“甲城制造”品牌形象加速提升。", place="丹东市", date=DATE)
    assert {e.kind.value for e in ex.entities if e.name == "甲城制造"} == {"Brand"}


def test_organisations_named_to_a_title_that_follows_their_list():
    ex = read("该局今年认定甲生态食品有限公司、乙农业科技股份有限公司等专利示范企业15家。", place="贵州省", date=DATE)
    listed = _listed(ex)
    assert {("甲生态食品有限公司", "专利示范企业"), ("乙农业科技股份有限公司", "专利示范企业")} <= listed
    general = read("认定甲生态食品有限公司、乙农业科技股份有限公司等重点企业20家。", place="贵州省", date=DATE)
    assert not _listed(general)  # a kind of firm said in general: no title


def test_quoted_indications_opening_the_clauses_after_a_count_of_indications():
    ex = read("全省产值超亿元的地理标志产品已有9件。其中“甲岭芒果”产值超过50亿元；海南“乙城鸡”产值达10亿元；"
              "“丙水番茄”产值达3亿元。", place="海南省", date=DATE)
    gis = {e.name for e in ex.entities if e.kind.value == "GeographicalIndication"}
    assert {"甲岭芒果", "乙城鸡", "丙水番茄"} <= gis
    plain = read("全省地理标志产品已有9件。其中“甲岭芒果”产值最高；全省开展“质量月”活动。", place="海南省", date=DATE)
    assert "质量月" not in {e.name for e in plain.entities if e.kind.value == "GeographicalIndication"}


def test_a_governor_named_with_the_province_before_a_second_post():
    ex = read("会上，甘肃省副省长、省品牌发展领导小组组长赵大同作动员讲话。", place="甘肃省", date=DATE)
    posts = {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}
    assert ("赵大同", "副省长", "甘肃省人民政府") in posts


def test_a_source_field_s_outlet_stops_at_a_glued_date():
    ex = read("甲区入选某省质量强县\n\n来源: 某某政务网2022-05-16 14:05:11\n\n全市开展质量月活动。", date=DATE)
    assert "某某政务网" in {e.name for e in ex.entities if e.kind.value == "MediaOrganization"}


def test_places_in_a_postal_address_are_no_mentions():
    ex = read("请于4月1日前反映意见。地址:合肥市蜀山区长江西路88号，省市场监管局标准化处收。", place="安徽省", date=DATE)
    places = {e.name for e in ex.entities if e.kind.value == "Place" and dict(e.attributes).get("implicit") != "true"}
    assert not places & {"合肥市", "蜀山区"}
    assert any(e.name == "安徽省市场监督管理局" for e in ex.entities)  # the bureau after the address still read


def test_the_report_s_own_place_in_its_address_stays():
    ex = read("太原市商务局组织开展了评选。联系地址:太原市迎泽大街100号市商务局。", place="太原市", date=DATE)
    assert "太原市" in {e.name for e in ex.entities if e.kind.value == "Place"}


def test_a_zone_named_after_its_city_is_one_place():
    ex = read("信丰县、赣州市蓉江新区通过创建验收，命名上述县（市、区）为“江西省质量强县（市、区）”。",
              place="江西省", date=DATE)
    places = {e.name for e in ex.entities if e.kind.value == "Place"}
    assert "赣州市蓉江新区" in places and "赣州市" not in places


def test_a_stamp_line_naming_a_site_and_its_paper():
    ex = read("某省优化市场环境\n\n2019-06-21 08:15:02 某某质量新闻网-某某质量报\n\n本报讯 6月20日，全省开展质量宣传活动。",
              date=DATE)
    media = {e.name for e in ex.entities if e.kind.value == "MediaOrganization"}
    assert {"某某质量新闻网", "某某质量报"} <= media


def test_a_promotion_list_keeps_its_list_word():
    ex = read("3家企业的先进经验入选浙江省第二批质量管理模式推广名单，全市共5家。", place="杭州市", date=DATE)
    assert "浙江省质量管理模式推广名单" in {e.name for e in ex.entities if e.kind.is_programme}


def test_a_wire_dateline_s_place_is_no_mention():
    ex = read("某某社海口5月8日电（记者某某）7日，海南省启动品牌培育试点工作。", place="海南省", date=DATE)
    places = {e.name for e in ex.entities if e.kind.value == "Place"}
    assert "海口市" not in places and "海南省" in places


def test_winners_before_a_clause_of_their_means():
    ex = read("评选结果揭晓：甲航空发动机有限公司、乙船舶重工有限责任公司依靠出色的质量管理水平，荣获吉林省人民政府质量奖。"
              "丙农业股份有限公司、长春丁锅炉有限责任公司检测实验室（一线班组）获得吉林省人民政府质量奖提名奖，成绩喜人。",
              place="吉林省", date=DATE)
    listed = _listed(ex)
    assert {("甲航空发动机有限公司", "吉林省人民政府质量奖"), ("乙船舶重工有限责任公司", "吉林省人民政府质量奖"),
            ("丙农业股份有限公司", "吉林省人民政府质量奖提名奖"),
            ("长春丁锅炉有限责任公司检测实验室", "吉林省人民政府质量奖提名奖")} <= listed


def test_a_grade_alone_after_the_grade_named_in_full_and_a_finished_candidates_notice():
    ex = read("近日，第二届湖南省省长质量奖鼓励奖候选名单公示期满，甲机械股份有限公司、乙文旅发展股份有限公司两家湘企入选鼓励奖。",
              place="湖南省", date=DATE)
    assert {("甲机械股份有限公司", "湖南省省长质量奖鼓励奖"), ("乙文旅发展股份有限公司", "湖南省省长质量奖鼓励奖")} <= _listed(ex)
    pending = read("第二届湖南省省长质量奖鼓励奖候选名单公示，甲机械股份有限公司、乙文旅发展股份有限公司两家湘企入选鼓励奖。",
                   place="湖南省", date=DATE)
    assert not _listed(pending)  # still on notice: candidates


def test_one_person_counted_after_the_organisations_and_a_total_after_deng():
    ex = read("甲交通建设集团有限公司、乙汽车有限公司等2家组织和丙重工集团有限公司王德强1名个人获得第三届江西省人民政府质量奖。",
              place="江西省", date=DATE)
    assert ("王德强", "江西省人民政府质量奖") in _listed(ex)
    total = read("会议为获得第三届襄阳市市长质量奖的企业颁奖。此次有甲制药集团有限公司、乙重工集团有限公司等共6家单位获提名奖。",
                 place="襄阳市", date=DATE)
    assert {("甲制药集团有限公司", "襄阳市市长质量奖提名奖"), ("乙重工集团有限公司", "襄阳市市长质量奖提名奖")} <= _listed(total)


def test_places_pointed_back_at_after_a_clause_denying_them_are_not_told():
    prog = "湖南省质量强县"
    ex = read("经考核，安化县、桃江县通过验收，沅江市未通过验收，省政府授予上述县（市、区）“湖南省质量强县”称号。",
              place="湖南省", date=DATE)
    assert not any(who == "沅江市" for who, _ in _listed(ex))
    ok = read("经考核，安化县、桃江县通过验收，省政府授予上述县（市、区）“湖南省质量强县”称号。", place="湖南省", date=DATE)
    assert {("安化县", prog), ("桃江县", prog)} <= _listed(ok)
