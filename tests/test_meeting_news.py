"""Meeting and event news: how many a ceremony honoured, a district written after its city, company
posts after a short name, the next person's posts in the organisation of the person before, a ministry's
internal bureau, and people and teams in a list of winners — one regression test per mechanism, on our own
minimal sentences."""

from __future__ import annotations

from qgraph.model import Extraction, Kind

from extraction_helpers import fig, low, read


def held(ex: Extraction) -> set[tuple[str, str, str | None]]:
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


def listed(ex: Extraction) -> dict[str, list[str]]:
    return {x.programme.name: [r.name for r in x.recipients] for x in ex.listings}


# -- how many a gathering honoured (owners.honoured_count) ---------------------------------------------

def test_count_honoured_by_a_named_meeting_is_the_meetings() -> None:
    ex = read("某省召开第三届某省政府质量奖表彰大会。大会为12个组织和个人颁奖。", place="浙江省")
    o = fig(ex, "12")
    assert o.subject is not None and o.subject.name.endswith("表彰大会") and not low(o)


def test_count_honoured_by_an_unnamed_gathering_is_left_unsure() -> None:
    ex = read("今天上午，大会为12个组织颁奖。", place="浙江省")
    assert low(fig(ex, "12"))  # whose gathering it is cannot be told: not the province's count


def test_count_of_a_place_without_a_ceremony_verb_is_unchanged() -> None:
    ex = read("全省共有质量奖获奖组织12个。", place="浙江省")
    assert fig(ex, "12").subject.name == "浙江省"


# -- a district written after its city (document_place, body_place_name) --------------------------------

def test_district_after_its_city_is_the_reports_place_and_names_its_bodies() -> None:
    ex = read("市中区副区长周某讲话，区政协副主席、区市场监管局局长吴某主持。", place="济南市市中区")
    assert {("周某", "副区长", "济南市市中区人民政府"),
            ("吴某", "副主席", "中国人民政治协商会议济南市市中区委员会"),
            ("吴某", "局长", "济南市市中区市场监督管理局")} <= held(ex)


# -- company posts after a short name, the next person's posts (firm_posts) -----------------------------

def test_short_name_before_a_company_post_is_an_enterprise() -> None:
    ex = read("会上，甲乙机械党委书记、董事长周某，党委委员、总经理吴某参加活动。", place="济南市")
    assert {("周某", "董事长", "甲乙机械"), ("吴某", "总经理", "甲乙机械")} <= held(ex)
    assert any(e.kind is Kind.ENTERPRISE and e.name == "甲乙机械" for e in ex.entities)


def test_short_name_needs_a_company_post() -> None:
    ex = read("会上，某某工作组组长周某讲话。", place="济南市")
    assert not any(e.kind is Kind.ENTERPRISE for e in ex.entities)


def test_next_person_does_not_take_a_government_head_from_a_company() -> None:
    ex = read("会上，甲乙机械董事长周某，副市长吴某出席。", place="济南市")
    assert ("吴某", "副市长", "济南市人民政府") in held(ex)
    assert not any(p[0] == "吴某" and p[2] == "甲乙机械" for p in held(ex))


# -- a ministry's internal bureau after 、 (people) ----------------------------------------------------

def test_ministry_post_then_its_internal_bureau() -> None:
    ex = read("市场监管总局总工程师、质量发展局局长周某出席。", place="广东省")
    assert ("周某", "总工程师", "国家市场监督管理总局") in held(ex)


# -- people and teams in a list of winners (listings) ---------------------------------------------------

def test_person_and_team_at_the_end_of_a_list_of_winners() -> None:
    ex = read("甲乙通讯股份有限公司、丙丁科技有限公司某某项目组和周某某获“第二届某省质量奖提名奖”。", place="浙江省")
    got = listed(ex)
    assert any(set(v) == {"甲乙通讯股份有限公司", "丙丁科技有限公司某某项目组", "周某某"} for v in got.values()), got


def test_list_of_words_is_no_list_of_winners() -> None:
    ex = read("质量和周到服务获得认可。", place="浙江省")
    assert not ex.listings


# -- the items after a programme's name, the attendance on site, a committee's short form ---------------

def test_items_written_after_a_programme_name_are_the_measure() -> None:
    ex = read("去年以来，全市培育全国“质量标杆”企业3家。", place="苏州市")
    o = fig(ex, "3")
    assert o.subject.name == "质量标杆" and o.measure == "企业"


def test_attendance_on_site_is_the_meetings() -> None:
    ex = read("某市召开2024年质量强市工作推进会。各部门负责人等80余人现场参会。", place="荆门市")
    o = fig(ex, "80")
    assert o.subject.name.endswith("推进会") and o.measure == "参加人数"


def test_food_safety_committee_short_form() -> None:
    ex = read("市食安委成员单位参加会议，市食安委办主任讲话。", place="荆门市")
    names = {e.name for e in ex.entities}
    assert {"荆门市食品安全委员会", "荆门市食品安全委员会办公室"} <= names


def test_district_leading_group_and_its_office_carry_the_city() -> None:
    ex = read("区质量强区工作领导小组办公室主任吴某讲话，市中区质量强区工作领导小组成员单位参加。", place="济南市市中区")
    names = {e.name for e in ex.entities if e.kind is Kind.GOVERNMENT_BODY}
    assert {"济南市市中区质量强区工作领导小组办公室", "济南市市中区质量强区工作领导小组"} <= names


def test_title_of_a_film_is_no_policy() -> None:
    ex = read("与会人员观看了甲乙机械《质量先行 共赢未来》宣传片。", place="济南市")
    assert not any(e.kind is Kind.POLICY for e in ex.entities)
    ex = read("市政府印发《质量强市建设实施方案》。", place="济南市")
    assert any(e.kind is Kind.POLICY for e in ex.entities)


def test_meeting_named_with_a_chinese_and_a_digit_ordinal_is_one() -> None:
    ex = read("第三届某市市长质量奖颁奖大会召开\n5月9日，第3届某市市长质量奖颁奖大会在某地召开。", place="济南市")
    names = {e.name for e in ex.entities if e.kind in (Kind.MEETING, Kind.EVENT)}
    assert names == {"第3届某市市长质量奖颁奖大会"}, names


# -- a list of outlets closed by 等…媒体 (outlets.find_media_lists) --------------------------------------

def test_outlets_listed_before_media_are_media_organisations() -> None:
    ex = read("到场的新闻媒体包括某某在线、某省经济日报、某某都市报、某市电视台等多家新闻媒体。", place="德阳市")
    media = {e.name for e in ex.entities if e.kind is Kind.MEDIA}
    assert {"某某在线", "某省经济日报", "某某都市报"} <= media, media


def test_list_of_departments_before_media_is_not_read_as_outlets() -> None:
    ex = read("发改、工信、商务等部门和媒体参加。", place="德阳市")
    assert not any(e.kind is Kind.MEDIA for e in ex.entities)
    ex = read("甲公司、乙公司、某某在线等媒体参加。", place="德阳市")
    assert not {"甲公司", "乙公司"} & {e.name for e in ex.entities if e.kind is Kind.MEDIA}


# -- a bare total counts the head of the clause before (figures.total_of_head) ----------------------------

def test_bare_total_counts_the_thing_named_before() -> None:
    ex = read("2018年，济南市市场主体增长率全省第一，目前总量达12.5万户。", place="济南市")
    assert fig(ex, "125000").measure == "市场主体"
    ex = read("全市完成检定，目前总量达125个。", place="济南市")
    assert fig(ex, "125").measure != "完成检定"
    ex = read("济南市市场主体目前总量达12.5万户。", place="济南市")
    assert fig(ex, "125000").measure == "市场主体"


# -- an elided place at the head of a meeting's or a programme's name (meetings, programmes) ----------------

def test_meeting_name_with_an_elided_city_carries_the_city() -> None:
    ex = read("1月15日，市质量协会年会暨质量工作会议在某中心召开，企业代表约60人参会。", place="常州市")
    o = fig(ex, "60")
    assert o.subject.name == "常州市质量协会年会暨质量工作会议"
    ex = read("1月15日，市场监管工作座谈会在某中心召开。", place="常州市")
    assert not any(e.name.startswith("常州市场") for e in ex.entities)


def test_programme_with_an_elided_city_is_the_reports_city() -> None:
    ex = read("会上，为5家获评市质量标杆企业授牌。", place="常州市")
    o = fig(ex, "5")
    assert o.subject.name == "常州市质量标杆"


# -- grants with 了, committee offices and 科协, a unit between a bureau and a name written first -----------

def test_grant_to_recipients_with_le() -> None:
    ex = read("大会向甲乙科技有限公司、丙丁机械有限公司等5个单位颁发了第三届某某市市长质量奖。", place="新密市")
    assert any({r.name for r in x.recipients} == {"甲乙科技有限公司", "丙丁机械有限公司"} for x in ex.listings)


def test_committee_office_and_science_association() -> None:
    ex = read("市质量发展委员会办公室主任、市市场监管局局长周某出席，市科协、市总工会负责人参加。", place="黄山市")
    assert ("周某", "办公室主任", "黄山市质量发展委员会") in held(ex)  # the office is the committee's unit
    assert any(e.kind is Kind.ASSOCIATION and e.name == "黄山市科学技术协会" for e in ex.entities)


def test_unit_between_bureau_and_a_name_written_before_the_post() -> None:
    ex = read("会上，市工信局技术创新处周某副处长介绍了有关政策。", place="常州市")
    assert ("周某", "技术创新处副处长", "常州市工业和信息化局") in held(ex)


# -- a count of a plan's parts right after as many listed items (figures.enumeration_size) -----------------

def test_count_after_as_many_listed_parts_is_no_figure_of_the_place() -> None:
    ex = read("推进高品质城市建设、高质量美丽人居、高起点品牌战略、高要求标准引领四项重点工程。", place="新密市")
    assert low(fig(ex, "4"))
    ex = read("甲乙科技有限公司、丙丁机械有限公司、戊己电子有限公司3家企业入选“某某名品”。", place="新密市")
    assert not low(fig(ex, "3"))


# -- speakers named without a post (speakers) ---------------------------------------------------------------

def test_speakers_named_by_verbs_of_speaking() -> None:
    ex = read("周海洋在讲话中指出，要提高质量。会上，吴某某作了《全市质量工作报告》，郑某宣读了表彰决定。", place="新密市")
    assert {"周海洋", "吴某某", "郑某"} <= {e.name for e in ex.entities if e.kind is Kind.PERSON}


def test_a_weak_verb_once_names_no_person() -> None:
    ex = read("会议指出，要提高质量。王府强调的是品质。", place="新密市")
    assert not any(e.kind is Kind.PERSON for e in ex.entities)


# -- a city's stock of honours, a field of ranking, a visit's verb, a CPPCC committee's unit ----------------

def test_honours_the_city_holds_are_its_stock() -> None:
    ex = read("常州市共有江苏省省长质量奖9个、江苏省省长质量奖提名奖13个，总数均列全省前列。", place="常州市")
    assert fig(ex, "9").subject.name == "常州市" and fig(ex, "13").subject.name == "常州市"


def test_a_listed_count_after_the_city_holding_stays_the_lists() -> None:
    ex = read("常州市共有26家企业的38个产品入选“某某名品”。", place="常州市")
    assert fig(ex, "26").subject.name != "常州市" or low(fig(ex, "26"))


def test_size_of_a_ranking_field_is_no_count_of_the_subject() -> None:
    ex = read("某项得分在全国120个城市中高居首位。", place="常州市")
    assert low(fig(ex, "120"))


def test_visit_verb_ends_the_text_before_a_company() -> None:
    ex = read("市质监局局长周某某到山东甲乙纸业有限公司开展调研。", place="济宁市")  # 到 alone: a place must follow
    assert "山东甲乙纸业有限公司" in {e.name for e in ex.entities if e.kind is Kind.ENTERPRISE}
    assert ("周某某", "局长", "济宁市质量技术监督局") in held(ex)
    ex = read("市质监局局长周某某走进甲乙纸业有限公司开展调研。", place="济宁市")
    assert "甲乙纸业有限公司" in {e.name for e in ex.entities if e.kind is Kind.ENTERPRISE}


def test_special_committee_of_a_cppcc_committee() -> None:
    ex = read("市政协经科农委主任周某参加活动。", place="常州市")
    assert ("周某", "经科农委主任", "中国人民政治协商会议常州市委员会") in held(ex)


# -- a two-character name written with a space inside, in a byline (people._byline_names) ------------------

def test_byline_name_with_a_space_inside() -> None:
    ex = read("本报讯（记者 王 越）1月9日，大会召开。", place="广东省")
    assert ("王越", "记者", None) in held(ex) or any(p[0] == "王越" and p[1] == "记者" for p in held(ex))
    ex = read("（记者 张亚男 通讯员 官静雯）", place="荆门市")
    assert {("张亚男", "记者"), ("官静雯", "通讯员")} <= {(p[0], p[1]) for p in held(ex)}


# -- a department written bare at a clause's head (orgs._bare_at_clause_head), a national award -------------

def test_bare_department_at_a_clause_head_is_the_reports_places() -> None:
    ex = read("启动仪式上，市场监管局与某某管委会共同签署了合作备忘录。", place="义乌市")
    assert "义乌市市场监督管理局" in {e.name for e in ex.entities}
    ex = read("各地市场监管局要加强监管。", place="义乌市")
    assert "义乌市市场监督管理局" not in {e.name for e in ex.entities}


def test_china_industry_award_is_a_programme() -> None:
    ex = read("全市中国工业大奖获奖数列全国首位。", place="常州市")
    assert any(e.kind is Kind.HONOUR and e.name == "中国工业大奖" for e in ex.entities)


def test_province_written_before_a_citys_bureau_is_no_place_of_its_own() -> None:
    ex = read("8月9日，山东省济宁市质监局局长周某某到企业调研。", place="济宁市")
    assert "山东省" not in {e.name for e in ex.entities if e.kind is Kind.PLACE}
    assert "济宁市质量技术监督局" in {e.name for e in ex.entities}


def test_count_of_times_honoured_reads_the_honour() -> None:
    ex = read("我市获国务院质量工作督查激励表彰1次、省政府质量工作督查激励表彰5次。", place="常州市")
    assert "国务院质量工作督查激励表彰" in fig(ex, "1").measure
    assert fig(ex, "5").measure == "省政府质量工作督查激励表彰"


def test_meeting_named_by_its_kind_after_the_place_that_holds_it() -> None:
    ex = read("5月13日，苏州市召开质量大会。", place="苏州市")
    assert {e.name for e in ex.entities if e.kind is Kind.MEETING} == {"苏州市质量大会"}
    ex = read("会议要求，召开质量大会。", place="苏州市")
    assert not any(e.kind is Kind.MEETING for e in ex.entities)


# -- organisers' and attendees' words before an event's name (meetings.trim_event_leads), roles before firms ---

def test_event_name_runs_from_after_the_organisers() -> None:
    ex = read("9月6日，由某县质监局、经信委等七部门联合主办的全县“质量月”活动启动仪式在县城举行。各单位负责同志参加了启动仪式。",
              place="石台县")
    names = {e.name for e in ex.entities if e.kind in (Kind.EVENT, Kind.MEETING)}
    assert "全县“质量月”活动启动仪式" in names
    assert not any("主办的" in n or "参加了" in n for n in names), names


def test_winner_role_before_a_company_is_no_part_of_its_name() -> None:
    ex = read("中国质量奖获奖企业甲乙集团有限公司、长江质量奖获奖企业丙丁电器有限公司展示了成果。", place="武汉市")
    firms = {e.name for e in ex.entities if e.kind is Kind.ENTERPRISE}
    assert {"甲乙集团有限公司", "丙丁电器有限公司"} <= firms, firms


def test_name_before_yingyao_and_an_exhibition_joined_by_ji() -> None:
    ex = read("石台县政协副主席周某某应邀出席启动仪式。", place="石台县")
    assert ("周某某", "副主席", "中国人民政治协商会议石台县委员会") in held(ex)
    ex = read("9月10日，某市“质量月”活动启动仪式暨质量创新成果展示会在某区举行。", place="武汉市")
    assert any(e.name.endswith("暨质量创新成果展示会") for e in ex.entities if e.kind is Kind.EVENT)
