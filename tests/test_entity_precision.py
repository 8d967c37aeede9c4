"""One regression test per entity-precision mechanism (and its negatives): credit lines, addressee
lines, places inside meeting names, back-references to a programme, elided county bureaus in a list,
short firm names. Every sentence is our own, of the shape real reports of the genre use.
"""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str | None = "枣庄市", publisher: str | None = None) -> Extraction:
    return extract(Document("p", "p.txt", text, place=place, date=dt.date(2025, 6, 1), publisher=publisher,
                            sentences=split_sentences(text)))


def names(ex: Extraction, *kinds: Kind) -> set[str]:
    return {e.name for e in ex.entities if not kinds or e.kind in kinds}


def posts(ex: Extraction) -> set[tuple[str, str]]:
    return {(p.person.name, p.role) for p in ex.posts}


# -- credit lines ------------------------------------------------------------------------------

def test_credit_lines_name_people_with_their_role_and_nothing_else() -> None:
    ex = read("全市质量工作稳步推进。（文 张明）【责任编辑：李华】（作者：王强 赵亮）")
    assert names(ex, Kind.PERSON) == {"张明", "李华", "王强", "赵亮"}
    assert {("张明", "作者"), ("李华", "责任编辑"), ("王强", "作者")} <= posts(ex)
    assert not names(ex, Kind.ORGANIZATION, Kind.PLACE, Kind.MEDIA)


def test_a_bracket_not_opening_with_a_credit_word_is_no_credit_line() -> None:
    ex = read("全市开展创建活动（文明城市创建）。（图为张明在现场）")
    assert not names(ex, Kind.PERSON)


# -- addressee lines ---------------------------------------------------------------------------

def test_an_addressee_line_gives_no_entities() -> None:
    text = ("某市人民政府关于表彰市长质量奖获奖企业的决定\n"
            "各县（市、区）人民政府，市政府各部门，滕州市、山亭区人民政府，枣庄高新技术产业开发区管委会：\n"
            "市政府决定授予鲁南机械股份有限公司“第五届枣庄市市长质量奖”。")
    ex = read(text)
    line = text.split("\n")[1]
    start = text.index(line)
    assert not [e for e in ex.entities if start <= e.span.start < start + len(line)]
    assert "滕州市" not in names(ex, Kind.PLACE)
    assert not any("开发区" in n for n in names(ex))


def test_a_body_of_an_addressee_line_named_again_stays() -> None:
    text = ("各县（市、区）人民政府，山亭区人民政府：\n"
            "山亭区人民政府推荐的鲁南机械股份有限公司获“第五届枣庄市市长质量奖”。")
    assert "枣庄市山亭区人民政府" in names(read(text), Kind.GOVERNMENT_BODY)


def test_a_body_line_ending_with_a_colon_is_no_addressee_line() -> None:
    ex = read("会上，滕州市人民政府副市长王强介绍了以下情况：\n全市抽查产品685批次。")
    assert "滕州市" in names(ex, Kind.PLACE)


# -- meetings: one gathering joined by 暨, places inside its name ---------------------------------

def test_a_meeting_joined_by_ji_is_one_meeting_and_its_place_no_mention() -> None:
    ex = read("滕州市召开质量强市工作推进会\n3月2日，滕州市召开2030年质量强市工作推进会暨第三届滕州市市长质量奖颁奖会。",
              place="滕州市")
    assert names(ex, Kind.MEETING, Kind.EVENT) == {"2030年质量强市工作推进会暨第三届滕州市市长质量奖颁奖会"}
    place_spans = [e.span.start for e in ex.entities if e.kind is Kind.PLACE and not dict(e.attributes).get("implicit")]
    meeting = next(e for e in ex.entities if e.kind is Kind.MEETING and e.span.end - e.span.start > 20)
    assert not any(meeting.span.start <= p < meeting.span.end for p in place_spans)


def test_two_meetings_in_two_sentences_stay_two() -> None:
    ex = read("3月2日，滕州市召开2030年质量强市工作推进会。3月9日，滕州市召开2030年质量品牌座谈会。", place="滕州市")
    assert names(ex, Kind.MEETING) == {"2030年质量强市工作推进会", "2030年质量品牌座谈会"}


# -- back-references to an award named earlier -------------------------------------------------

def test_a_grade_standing_alone_is_the_grade_of_the_award_named_before() -> None:
    ex = read("枣庄市第五届市长质量奖评选揭晓。本届质量奖共评出5家企业，另有3家企业获提名奖。")
    assert names(ex, Kind.HONOUR) == {"枣庄市市长质量奖", "枣庄市市长质量奖提名奖"}
    assert "提名奖" not in names(ex)
    assert {x.programme.name: x.count for x in ex.listings}.get("枣庄市市长质量奖提名奖") == 3


def test_a_back_reference_with_no_award_before_it_is_dropped() -> None:
    ex = read("另有3家企业获提名奖。")
    assert not names(ex, Kind.HONOUR)


# -- departments listed after one that names its place -----------------------------------------

def test_departments_after_a_placed_one_take_its_place() -> None:
    ex = read("县委宣传部、县委网信办、县市场监管局、县发改局、水务局、审批局等单位参加。", place="沂水县")
    assert {"沂水县市场监督管理局", "沂水县发展和改革局", "沂水县水务局", "沂水县行政审批服务局",
            "中共沂水县委员会宣传部", "中共沂水县委员会网络安全和信息化委员会办公室"} == names(ex, Kind.DEPARTMENT)
    assert not names(ex, Kind.ORGANIZATION)


def test_an_item_writing_its_own_place_or_a_city_committee_is_not_elided() -> None:
    ex = read("市市场监管局、滕州市政府等单位参加。市发改委、科技局参加。")
    assert "枣庄市发展和改革委员会" in names(ex, Kind.DEPARTMENT)
    assert "滕州市人民政府" in names(ex, Kind.GOVERNMENT_BODY)
    assert not any(n.startswith("枣庄市滕州") for n in names(ex))


# -- leading groups of a place -----------------------------------------------------------------

def test_a_leading_group_with_its_place_elided_is_the_places() -> None:
    ex = read("县质量强县工作领导小组召开全体会议。", place="沂水县")
    assert names(ex, Kind.GOVERNMENT_BODY) == {"沂水县质量强县工作领导小组"}


def test_a_leading_group_without_a_place_is_no_organisation() -> None:
    ex = read("今年成立了由市长任组长的质量强市工作领导小组。")
    assert not any("领导小组" in n for n in names(ex))


# -- a company named again by its short name ---------------------------------------------------

def test_a_short_name_after_the_full_name_is_the_same_company() -> None:
    ex = read("山东鲁南精工有限公司荣获市长质量奖。鲁南精工将继续推进质量提升。")
    assert [e.span.text for e in ex.entities if e.kind is Kind.ENTERPRISE] == ["山东鲁南精工有限公司", "鲁南精工"]


def test_a_short_name_two_companies_share_or_a_longer_name_is_left_alone() -> None:
    ex = read("鲁南精工有限公司与山东鲁南精工股份有限公司签约。鲁南精工将扩产。")
    assert all(e.span.text != "鲁南精工" for e in ex.entities)
    ex = read("山东鲁南精工有限公司获奖。鲁南精工科技公司另行申报。")
    assert "鲁南精工科技公司" in names(ex, Kind.ENTERPRISE)


# -- two organisations joined by 与 ------------------------------------------------------------

def test_two_organisations_joined_by_yu_are_not_one_name() -> None:
    ex = read("市场监管局与高新区管委会签署合作协议。")
    assert not any("与" in n for n in names(ex))
    assert "高新区管理委员会" in names(ex)


def test_a_conjunction_inside_a_name_stays() -> None:
    ex = read("中国质量与标准研究院发布报告。")
    assert "中国质量与标准研究院" in names(ex)


# -- 本市 / 我省: the document's place, never a name ---------------------------------------------

def test_ben_shi_before_a_check_is_no_part_of_its_name() -> None:
    ex = read("本市抽查产品300批次，合格率98.1%。")
    assert not any(n.startswith("本市") for n in names(ex))


def test_a_province_inside_a_programme_name_is_no_place_mention() -> None:
    ex = read("我省共有山东省名牌产品120个。", place="山东省")
    assert "山东省名牌产品" in names(ex, Kind.HONOUR)
    assert not [e for e in ex.entities if e.kind is Kind.PLACE and not dict(e.attributes).get("implicit")]


# -- people among an award's winners -----------------------------------------------------------

def _listed(ex: Extraction) -> dict[str, list[str]]:
    return {x.programme.name: [r.name for r in x.recipients] for x in ex.listings}


def test_people_counted_among_the_winners_are_people() -> None:
    ex = read("市政府决定授予鲁南机械股份有限公司等3家企业和张忠明等2名同志“2030年度枣庄市市长质量奖”。")
    assert "张忠明" in names(ex, Kind.PERSON)
    assert _listed(ex)["枣庄市市长质量奖"] == ["鲁南机械股份有限公司", "张忠明"]


def test_an_organisation_right_before_a_winner_is_the_winners_not_a_winner() -> None:
    ex = read("授予枣庄学院王立华“2030年度枣庄市市长质量奖”。")
    assert "王立华" in names(ex, Kind.PERSON)
    assert "王立华" not in names(ex, Kind.UNIVERSITY, Kind.ORGANIZATION)
    assert _listed(ex)["枣庄市市长质量奖"] == ["王立华"]


def test_a_firm_list_without_people_keeps_every_firm() -> None:
    ex = read("授予鲁南机械股份有限公司、枣庄学院“2030年度枣庄市市长质量奖”。")
    assert not names(ex, Kind.PERSON)
    assert _listed(ex)["枣庄市市长质量奖"] == ["鲁南机械股份有限公司", "枣庄学院"]


def test_a_gathering_before_ji_without_a_verb_is_one_with_the_quoted_one_after() -> None:
    ex = read("9月4日上午，枣庄市质量强市工作视频会议暨“质量月”活动启动仪式后，滕州市召开质量强市工作会议暨“质量月”启动仪式。")
    assert {"枣庄市质量强市工作视频会议暨“质量月”活动启动仪式", "质量强市工作会议暨“质量月”启动仪式"} <= names(ex, Kind.MEETING)
    assert not names(ex, Kind.EVENT) - {"质量月"}
    first = next(e for e in ex.entities if e.name.startswith("枣庄市质量强市工作视频会议"))
    assert not [e for e in ex.entities if e.kind is Kind.PLACE and first.span.start <= e.span.start < first.span.end
                and not dict(e.attributes).get("implicit")]


# -- a post's government takes the post's own span -----------------------------------------------

def test_a_deputy_heads_government_is_read_at_the_post() -> None:
    ex = read("县委常委、副县长王强出席会议。", place="沂水县")
    gov = next(e for e in ex.entities if e.name == "沂水县人民政府")
    assert gov.span.text == "副县长"


def test_a_party_office_after_a_party_department_is_the_committees() -> None:
    ex = read("县市场监督管理局、县委宣传部、网信办、县公安局等单位参加会议。", place="沂水县")
    assert "中共沂水县委员会网络安全和信息化委员会办公室" in names(ex, Kind.DEPARTMENT)


def test_a_determiner_after_he_opens_a_new_phrase_not_a_name() -> None:
    ex = read("各乡镇主要负责人和有关行业协会、企业代表参加会议。", place="沂水县")
    assert not names(ex, Kind.ASSOCIATION)


def test_credit_lines_of_their_own_name_people_and_keep_the_authors_unit() -> None:
    ex = read("全县开展质量宣传活动。\n作者：沂水县市场监管局 胡明\n责编：薛华\n作者：张红 刘洋", place="沂水县")
    assert {"胡明", "薛华", "张红", "刘洋"} <= names(ex, Kind.PERSON)
    assert ("薛华", "责任编辑") in posts(ex)
    assert "沂水县市场监督管理局" in names(ex, Kind.DEPARTMENT)


# -- company names: branches and utilities -----------------------------------------------------

def test_a_branch_of_a_company_is_one_name() -> None:
    ex = read("县市场监管局联合鲁南燃气有限公司滕州分公司开展宣传。", place="滕州市")
    assert "鲁南燃气有限公司滕州分公司" in names(ex, Kind.ENTERPRISE)


def test_a_utility_named_by_its_kind_is_no_company() -> None:
    ex = read("县市场监督管理局联合电力公司、自来水公司开展宣传，枣庄中燃燃气有限公司参加。", place="沂水县")
    assert names(ex, Kind.ENTERPRISE) == {"枣庄中燃燃气有限公司"}


def test_a_gathering_granting_an_award_is_no_part_of_the_winners_name() -> None:
    ex = read("会上，大会向鲁南旅游开发有限公司等5个单位颁发了第三届枣庄市市长质量奖。")
    assert "鲁南旅游开发有限公司" in names(ex, Kind.ENTERPRISE)
    assert not any(n.startswith("大会") for n in names(ex))


def test_a_placed_committee_is_a_body_and_its_place_no_mention_of_its_own() -> None:
    ex = read("山东省名牌战略推进委员会近日确认68家企业的产品为山东名牌产品。经市长质量奖评审委员会评审。")
    assert {"山东省名牌战略推进委员会", "枣庄市市长质量奖评审委员会"} <= names(ex, Kind.GOVERNMENT_BODY)
    assert not [e for e in ex.entities if e.kind is Kind.PLACE and not dict(e.attributes).get("implicit")]


def test_a_programme_named_with_its_provinces_short_name_is_the_full_ones() -> None:
    ex = read("2030年山东省名牌产品名单公布。山东名牌产品每年评选一次。", place="山东省")
    progs = {e.name for e in ex.entities if e.kind.is_programme}
    assert "山东省名牌产品" in progs
    assert "山东名牌产品" not in progs


# -- geographical indications and regional brands: no kind of product as a name ----------------

def test_a_counted_kind_of_product_or_a_verb_is_no_indication() -> None:
    ex = read("沂水县成功注册两件茶叶地理标志证明商标，对保护地理标志专用标志示范企业进行表扬。", place="沂水县")
    assert not names(ex, Kind.GEOGRAPHICAL_INDICATION)


def test_two_quoted_indications_joined_by_he_are_both_indications() -> None:
    ex = read("“沂水云雾茶”和“沂水黄金芽”地理标志证明商标获准注册。", place="沂水县")
    assert {"沂水云雾茶", "沂水黄金芽"} <= names(ex, Kind.GEOGRAPHICAL_INDICATION)


def test_a_level_word_before_a_regional_brand_is_no_brand() -> None:
    ex = read("沂水丹参作为国家地理标志保护产品、国家级农产品区域公用品牌，已成为一张名片。", place="沂水县")
    assert "国家级农产品" not in names(ex)


def test_an_award_named_by_its_edition_and_its_back_references() -> None:
    ex = read("会上表彰了第五届时珍质量奖，鲁南机械股份有限公司获得本届质量奖，鲁南精工有限公司获得提名奖。")
    assert _listed(ex) == {"时珍质量奖": ["鲁南机械股份有限公司"], "时珍质量奖提名奖": ["鲁南精工有限公司"]}


def test_an_edition_of_a_bare_quality_award_names_no_programme() -> None:
    ex = read("会上表彰了第五届质量奖获奖企业。")
    assert not names(ex, Kind.HONOUR)


def test_a_slash_credit_line_names_the_author_and_photographer() -> None:
    ex = read("全市质量工作稳步推进。\n文/张明 图/李华")
    assert {("张明", "作者"), ("李华", "摄影")} <= posts(ex)


def test_people_in_a_numbered_winner_list_are_people_and_their_school_no_winner() -> None:
    ex = read("附件：2030年度枣庄市市长质量奖获奖名单\n一、获奖组织（2个）\n1.鲁南机械股份有限公司\n2.枣庄学院\n"
              "二、获奖个人（2名）\n1.王立华 枣庄学院教授\n2.李明（鲁南机械股份有限公司）")
    lists = [[(r.kind, r.name) for r in x.recipients] for x in ex.listings]
    assert [(Kind.PERSON, "王立华"), (Kind.PERSON, "李明")] in lists
    assert "王立华" not in names(ex, Kind.UNIVERSITY)


def test_a_meeting_framed_by_zai_shang_is_a_meeting_and_its_place_no_mention() -> None:
    ex = read("在枣庄市质量工作会议上，副市长王强作讲话。会议传达了山东质量大会精神。")
    assert {"枣庄市质量工作会议", "山东质量大会"} <= names(ex, Kind.MEETING)
    assert not [e for e in ex.entities if e.kind is Kind.PLACE and not dict(e.attributes).get("implicit")]


def test_a_framed_gathering_without_a_place_or_year_is_none() -> None:
    ex = read("在会议上，王强作讲话。在全市质量大会上，李华作讲话。")
    assert not names(ex, Kind.MEETING)


def test_where_a_reporter_filed_from_is_no_person() -> None:
    ex = read("本报讯（记者 王强 通讯员 李华 滕州报道）全市质量工作稳步推进。")
    assert names(ex, Kind.PERSON) == {"王强", "李华"}


def test_this_editions_county_award_is_the_award_read_inside_it() -> None:
    ex = read("会上宣读了《关于表彰第三届沂水县县长质量奖的决定》，山东沂蒙机械有限公司获得本届县长质量奖，"
              "沂水鲁源纺织有限公司获得提名奖。", place="沂水县")
    assert _listed(ex) == {"沂水县县长质量奖": ["山东沂蒙机械有限公司"], "沂水县县长质量奖提名奖": ["沂水鲁源纺织有限公司"]}
    assert not any(n.startswith("本届") for n in names(ex))


def test_a_bureau_written_with_the_lists_place_again_is_a_department_not_a_place() -> None:
    ex = read("枣庄市市场监督管理局会同枣庄市工业和信息化局、枣庄市畜牧局公布名单。")
    assert "枣庄市畜牧局" in names(ex, Kind.DEPARTMENT)
    assert not [e for e in ex.entities if e.kind is Kind.PLACE and not dict(e.attributes).get("implicit")]


def test_indications_named_after_qizhong_are_indications() -> None:
    ex = read("全市地理标志证明商标12件，其中峄城石榴、山亭火樱桃2件为去年新增。")
    assert {"峄城石榴", "山亭火樱桃"} <= names(ex, Kind.GEOGRAPHICAL_INDICATION)


def test_a_quoted_indication_after_qizhong_is_an_indication() -> None:
    ex = read("全市地理标志商标7件，其中“峄城石榴”授权使用企业达到21家。")
    assert "峄城石榴" in names(ex, Kind.GEOGRAPHICAL_INDICATION)


def test_a_verb_word_inside_a_placed_association_name_stays_in_it() -> None:
    ex = read("现场，山东省好品山东品牌建设促进会为鲁南机械股份有限公司颁发证书。积极参与建设促进会。")
    assert names(ex, Kind.ASSOCIATION) == {"山东省好品山东品牌建设促进会"}
    assert not [e for e in ex.entities if e.kind is Kind.PLACE and not dict(e.attributes).get("implicit")]


def test_a_short_name_made_only_of_trade_words_is_no_mention() -> None:
    ex = read("山东质量检测有限公司成立。全市质量检测能力提升。")
    assert [e.span.text for e in ex.entities if e.kind is Kind.ENTERPRISE] == ["山东质量检测有限公司"]
