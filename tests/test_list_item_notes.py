"""Lists of winners and listed places in the shapes award news and 公示 notices write them, on our own minimal
sentences: a bracketed note after an item, a sub-award written short after its award, places listed under a
naming notice."""

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
    ex = read("全国9个组织荣获某国质量奖、60个组织(个人)荣获某国质量奖提名奖。"
              "其中，甲电机有限公司、乙乳业有限公司、张大林(甲电机有限公司高级技师)等3个组织(个人)荣获提名奖。",
              place="黑龙江省", date=DATE)
    listed = _listed(ex)
    assert {("甲电机有限公司", "某国质量奖提名奖"), ("乙乳业有限公司", "某国质量奖提名奖"),
            ("张大林", "某国质量奖提名奖")} <= listed
    assert ("张大林", "某国质量奖") not in listed


def test_a_provincial_survey_institute_keeps_its_place_and_trade():
    ex = read("甲省建设勘察研究院有限公司、乙窗业有限公司获得2023年“某省政府质量奖”。", place="河北省", date=DATE)
    assert ("甲省建设勘察研究院有限公司", "某省政府质量奖") in _listed(ex) or \
        any(e.name.endswith("建设勘察研究院有限公司") and len(e.name) > 9 for e in ex.entities)


def test_places_listed_before_a_naming_that_points_back():
    text = ("经材料评审和现场评审，阜南县、芜湖市鸠江区、合肥高新技术产业开发区通过创建验收，当涂县通过复评，"
            "命名上述县（市、区）为“安徽省质量强县（市、区）”。")
    ex = read(text, place="安徽省", date=DATE)
    listed = _listed(ex)
    prog = "安徽省质量强县（市、区）"
    assert {("阜南县", prog), ("鸠江区", prog), ("合肥高新技术产业开发区", prog), ("当涂县", prog)} <= listed
    assert any(e.name == "合肥高新技术产业开发区" and e.kind.value == "Place" for e in ex.entities)
    proposed = read(text.replace("命名上述", "拟命名上述"), place="安徽省", date=DATE)
    assert not _listed(proposed)  # a proposal (公示) names candidates, no holders
    granted = read("阜南县、芜湖市鸠江区通过创建验收，当涂县通过复评，授予上述县（市、区）“安徽省质量强县（市、区）”称号。",
                   place="安徽省", date=DATE)
    assert {("阜南县", prog), ("鸠江区", prog), ("当涂县", prog)} <= _listed(granted)
    words = read("甲公司、乙公司通过验收，命名上述县（市、区）为“安徽省质量强县（市、区）”。", place="安徽省", date=DATE)
    assert not _listed(words)  # the items are no places


def test_a_title_written_short_after_the_scope_of_its_holders():
    ex = read("省领导小组公布了2022年度山东省质量强县(市、区)名单，烟台市芝罘区、莱山区成功入选全省首批10个质量强县(市、区)。",
              place="烟台市", date=DATE)
    listed = _listed(ex)
    assert {("芝罘区", "山东省质量强县(市、区)"), ("莱山区", "山东省质量强县(市、区)")} <= listed
    headline = read("芝罘区入选山东省质量强县\n省领导小组公布了2022年度山东省质量强县(市、区)名单。", place="烟台市", date=DATE)
    assert {e.name for e in headline.entities if e.kind.is_programme} == {"山东省质量强县(市、区)"}


def test_a_category_of_holders_written_alone_after_the_award():
    ex = read("省政府发布决定，授予8家组织和6名个人第九届河北省政府质量奖。其中，甲电子科技有限公司荣获组织奖；"
              "乙农业开发有限公司董事长王大川获个人奖。截至目前，全市拥有组织奖3家，省政府质量奖提名奖5个。", place="张家口市", date=DATE)
    listed = _listed(ex)
    assert ("甲电子科技有限公司", "河北省政府质量奖组织奖") in listed and ("王大川", "河北省政府质量奖个人奖") in listed
    progs = {e.name for e in ex.entities if e.kind.is_programme}
    assert "组织奖" not in progs and "个人奖" not in progs
    assert "河北省政府质量奖提名奖" in progs  # the government award as the report writes it, its grade too
    alone = read("甲电子科技有限公司荣获组织奖。", place="张家口市", date=DATE)
    assert not _listed(alone)  # no award named before: nothing to point back at


def test_quoted_marks_take_the_kind_the_clause_ends_with():
    ex = read("“甲县火腿”“乙县天麻”等特色产品被核准注册为地理标志商标；“丙锦鹅”“丁银”等一批商标获准注册。",
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
    ex = read("9月20日，晋城市城区市场监管局开展宣传活动。全区8个市场监管所参加，推进全区质量工作。", date=DATE)
    assert any(e.name == "晋城市城区市场监督管理局" for e in ex.entities)
    assert not any(e.name.startswith("汕尾") for e in ex.entities)


def test_a_quoted_motto_ending_like_an_occasion_is_no_event():
    ex = read("全区紧紧围绕“增强质量意识 推进高质量发展”活动主题，开展了“质量月”集中宣传活动。", place="晋城市", date=DATE)
    events = {e.name for e in ex.entities if e.kind.value == "Event"}
    assert not any("推进高质量发展" in n for n in events) and any("质量月" in n for n in events)


def test_a_quoted_brand_being_built_is_no_programme():
    ex = read("全市打造“甲城制造”品牌，“甲城制造”品牌形象加速提升。", place="丹东市", date=DATE)
    assert {e.kind.value for e in ex.entities if e.name == "甲城制造"} == {"Brand"}


def test_organisations_named_to_a_title_that_follows_their_list():
    ex = read("该局去年还培育认定甲生态食品有限公司、乙农业科技股份有限公司等知识产权优势企业20家，拨付资金400万元。",
              place="贵州省", date=DATE)
    listed = _listed(ex)
    assert {("甲生态食品有限公司", "知识产权优势企业"), ("乙农业科技股份有限公司", "知识产权优势企业")} <= listed
    general = read("认定甲生态食品有限公司、乙农业科技股份有限公司等重点企业20家。", place="贵州省", date=DATE)
    assert not _listed(general)  # a kind of firm said in general: no title


def test_quoted_indications_opening_the_clauses_after_a_count_of_indications():
    ex = read("该省年产值上亿元的地理标志产品已达12件。其中“甲岭芒果”年产值超过50亿元；海南“乙城鸡”年产值达10亿元；"
              "“丙水番茄”年产值达3亿元。", place="海南省", date=DATE)
    gis = {e.name for e in ex.entities if e.kind.value == "GeographicalIndication"}
    assert {"甲岭芒果", "乙城鸡", "丙水番茄"} <= gis
    plain = read("全省地理标志产品已达12件。其中“甲岭芒果”产值最高；全省开展“质量月”活动。", place="海南省", date=DATE)
    assert "质量月" not in {e.name for e in plain.entities if e.kind.value == "GeographicalIndication"}


def test_a_governor_named_with_the_province_before_a_second_post():
    ex = read("9月7日下午，陕西省副省长、省质量强省工作推进委员会主任赵大同出席启动仪式并讲话。", place="陕西省", date=DATE)
    posts = {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}
    assert ("赵大同", "副省长", "陕西省人民政府") in posts
    assert ("赵大同", "主任", "陕西省质量强省工作推进委员会") in posts


def test_a_source_field_s_outlet_stops_at_a_glued_date():
    ex = read("甲区入选某省质量强县\n\n来源: 某某政务网2023-01-10 09:30:27\n\n全市开展质量月活动。", date=DATE)
    assert "某某政务网" in {e.name for e in ex.entities if e.kind.value == "MediaOrganization"}


def test_places_in_a_postal_address_are_no_mentions():
    ex = read("请于3月9日前反映意见。地址:合肥市包河区延安路13号省市场监管局质量发展处邮编:230051。", place="安徽省", date=DATE)
    places = {e.name for e in ex.entities if e.kind.value == "Place" and dict(e.attributes).get("implicit") != "true"}
    assert not places & {"合肥市", "包河区"}
    assert any(e.name == "安徽省市场监督管理局" for e in ex.entities)  # the bureau after the address still read


def test_a_zone_named_after_its_city_is_one_place():
    ex = read("阜南县、宿州市宿马现代产业园区通过创建验收，命名上述县（市、区）为“安徽省质量强县（市、区）”。",
              place="安徽省", date=DATE)
    places = {e.name for e in ex.entities if e.kind.value == "Place"}
    assert "宿州市宿马现代产业园区" in places and "宿州市" not in places


def test_a_stamp_line_naming_a_site_and_its_paper():
    ex = read("某省优化市场环境\n\n2018-09-18 10:50:37 某某质量新闻网-某某质量报\n\n本报讯 9月13日，全省开展质量月活动。", date=DATE)
    media = {e.name for e in ex.entities if e.kind.value == "MediaOrganization"}
    assert {"某某质量新闻网", "某某质量报"} <= media


def test_a_promotion_list_keeps_its_list_word():
    ex = read("4家企业的特色质量管理模式纳入山东省第一批质量管理模式推广名单。", place="青岛市", date=DATE)
    assert "山东省质量管理模式推广名单" in {e.name for e in ex.entities if e.kind.is_programme}


def test_a_wire_dateline_s_place_is_no_mention():
    ex = read("某某社海口10月25日电（记者某某）24日，海南省启动地理标志改革试点工作。", place="海南省", date=DATE)
    places = {e.name for e in ex.entities if e.kind.value == "Place"}
    assert "海口市" not in places and "海南省" in places


def test_the_report_s_own_place_in_its_address_stays():
    ex = read("太原市商务局组织开展了评选。联系地址:太原市新建路69号太原市商务局。", place="太原市", date=DATE)
    assert "太原市" in {e.name for e in ex.entities if e.kind.value == "Place"}


def test_winners_before_a_clause_of_their_means():
    ex = read("评选结果揭晓，某市再结硕果：甲航空发动机有限公司、乙飞机工业集团有限责任公司凭借卓越的质量管理水平，"
              "荣获黑龙江省人民政府质量奖。丙农业股份有限公司及丁锅炉厂有限责任公司探伤技术室（一线班组）获得黑龙江省人民政府质量奖提名奖。",
              place="黑龙江省", date=DATE)
    listed = _listed(ex)
    assert {("甲航空发动机有限公司", "黑龙江省人民政府质量奖"), ("乙飞机工业集团有限责任公司", "黑龙江省人民政府质量奖"),
            ("丙农业股份有限公司", "黑龙江省人民政府质量奖提名奖")} <= listed


def test_a_grade_alone_after_the_grade_named_in_full_and_a_finished_candidates_notice():
    ex = read("日前，首届中国质量奖提名奖候选名单公示结束，甲合力股份有限公司、乙旅游发展股份有限公司两家皖企成功入选提名奖。",
              place="安徽省", date=DATE)
    assert {("甲合力股份有限公司", "中国质量奖提名奖"), ("乙旅游发展股份有限公司", "中国质量奖提名奖")} <= _listed(ex)
    pending = read("首届中国质量奖提名奖候选名单公示，甲合力股份有限公司、乙旅游发展股份有限公司两家皖企入选提名奖。",
                   place="安徽省", date=DATE)
    assert not _listed(pending)  # still on notice: candidates


def test_one_person_counted_after_the_organisations_and_a_total_after_deng():
    ex = read("甲交通控股集团有限公司、乙汽车有限公司等2家组织和丙汽车集团控股有限公司李德强1名个人荣获第六届安徽省人民政府品质奖。",
              place="安徽省", date=DATE)
    assert ("李德强", "安徽省人民政府品质奖") in _listed(ex)
    total = read("会议为获得第二届武汉市市长质量奖的企业颁奖。本次有甲中药集团有限公司、乙科工集团有限公司等共8家单位获提名奖。",
                 place="武汉市", date=DATE)
    assert {("甲中药集团有限公司", "武汉市市长质量奖提名奖"), ("乙科工集团有限公司", "武汉市市长质量奖提名奖")} <= _listed(total)
