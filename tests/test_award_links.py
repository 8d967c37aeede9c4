"""Recipient → programme links that must be right (a false link is worse than a missing one): who the
recipient is in a clause of winning, shortlisting or handing over, each on our own minimal sentences."""

from __future__ import annotations

from decimal import Decimal

from extraction_helpers import listed, read


# shortlists (shortlist_verbs.txt)

def test_firms_shortlisted_for_an_award_are_no_winners() -> None:
    ex = read("经过材料评审，最后确定甲丰机械、乙禾食品和丙川电子3家企业入围2023年度江阴市市长质量奖。", "甲市")
    assert listed(ex) == set()
    assert not [o for o in ex.observations if o.value == Decimal(3) and o.measure == "企业"]  # no winners' count


def test_entering_a_list_that_is_no_award_is_still_a_listing() -> None:
    ex = read("甲丰机械有限公司入围第二批“好品某省”品牌名单。", "某省")
    assert ("甲丰机械有限公司", "好品某省") in listed(ex)


# the programme's name starts at its quote when marks no name has come before it

def test_masked_words_before_a_quoted_award_are_no_part_of_its_name() -> None:
    ex = read("甲丰汽车部件有限公司被评为全市**“中国质量奖”，实现零的突破。", "某省")
    assert listed(ex) == {("甲丰汽车部件有限公司", "中国质量奖")}


# 其中 … 榜上有名 after a grant: the award the grant named

def test_named_winners_among_a_grants_count_win_its_award() -> None:
    ex = read("会上为5家企业颁发了“乙市政府质量奖”，其中甲方科技有限公司、乙圆机械有限公司2家企业榜上有名！", "乙市")
    assert listed(ex) == {("甲方科技有限公司", "乙市政府质量奖"), ("乙圆机械有限公司", "乙市政府质量奖")}


def test_names_listed_without_any_award_in_the_sentence_link_nothing() -> None:
    ex = read("甲方科技有限公司、乙圆机械有限公司榜上有名。", "乙市")
    assert listed(ex) == set()


# a name's left edge: a visit's verb, a membership, 还有 (boundary_words.txt)

def test_a_visitor_handing_a_plaque_to_a_member_firm_names_the_firm_alone() -> None:
    ex = read("7月10日，某局党组成员张三一行莅临某协会团体会员单位甲丰集团有限公司，为甲丰公司颁发“某省质量诚信企业”匾牌。", "某省")
    assert listed(ex) == {("甲丰集团有限公司", "某省质量诚信企业")}


def test_more_winners_after_haiyou_are_named_without_it() -> None:
    ex = read("该局共授予30家单位“诚信示范企业”称号，甲市还有甲丰电器股份有限公司、乙禾科技股份有限公司等两家企业获此殊荣。", "甲市")
    assert ("甲丰电器股份有限公司", "诚信示范企业") in listed(ex)
    assert not any(r.startswith("甲市还有") for r, _ in listed(ex))


# a numbered section's own title (enumerations.find_numbered_lists)

LISTS = ("附件：2023年度江阴市市长质量奖获奖名单\n一、江阴市市长质量奖（共2个）\n1、甲丰环保科技有限公司\n2、乙禾复合材料有限公司\n"
         "二、{title}（共2个）\n1、丙川半导体材料有限公司\n2、丁石机械有限公司\n")


def test_a_section_titled_with_an_award_named_in_the_decision_lists_that_award() -> None:
    text = "市政府决定授予甲丰环保科技有限公司等2家企业2023年度江阴市市长质量奖、授予丙川半导体材料有限公司等2家企业2023年度江阴市质量管理优秀奖。\n"
    ex = read(text + LISTS.format(title="江阴市质量管理优秀奖"), "江阴市")
    assert ("丁石机械有限公司", "江阴市质量管理优秀奖") in listed(ex)
    assert not any(r in ("丙川半导体材料有限公司", "丁石机械有限公司") and p == "江阴市市长质量奖" for r, p in listed(ex))


def test_a_section_titled_with_an_award_no_rule_read_links_nothing() -> None:
    ex = read(LISTS.format(title="江阴市质量管理优秀奖"), "江阴市")
    assert not any(r in ("丙川半导体材料有限公司", "丁石机械有限公司") and p == "江阴市市长质量奖" for r, p in listed(ex))


def test_a_section_of_a_part_of_the_list_keeps_the_programme_above() -> None:
    text = "第二批“好品甲省”品牌名单\n一、企业品牌（共2个）\n1、甲丰环保科技有限公司\n2、乙禾复合材料有限公司\n二、区域品牌（共2个）\n1、甲县苹果\n2、乙县茶叶\n"
    ex = read(text, "甲省")
    assert ("甲丰环保科技有限公司", "好品甲省") in listed(ex)


# 分别 before the verb: one programme each, in the order written (listings._respectively)

def test_respective_winners_of_two_grades_are_paired_in_order() -> None:
    ex = read("甲丰科技有限公司、乙禾电子有限公司分别获得泰州市市长质量奖金奖和银奖。", "泰州市")
    assert listed(ex) == {("甲丰科技有限公司", "泰州市市长质量奖金奖"), ("乙禾电子有限公司", "泰州市市长质量奖银奖")}


def test_respective_winners_not_as_many_as_the_grades_link_nothing() -> None:
    ex = read("甲丰科技有限公司、乙禾电子有限公司、丙川机械有限公司分别获得泰州市市长质量奖金奖和银奖。", "泰州市")
    assert listed(ex) == set()


def test_winners_of_one_award_each_all_win_it() -> None:
    ex = read("甲丰科技有限公司、乙禾电子有限公司分别获得泰州市市长质量奖。", "泰州市")
    assert listed(ex) == {("甲丰科技有限公司", "泰州市市长质量奖"), ("乙禾电子有限公司", "泰州市市长质量奖")}


# an award's cultivation list (candidate_tails.txt)

def test_a_firm_on_an_awards_cultivation_list_does_not_hold_the_award() -> None:
    ex = read("甲丰科技有限公司入选江苏省省长质量奖培育名单。", "江苏省")
    assert ("甲丰科技有限公司", "江苏省省长质量奖") not in listed(ex)


# handing over at a ceremony: the presenter, 为 and the award's 的 are no part of the recipient

def test_the_award_handed_to_a_firm_after_its_de_is_the_firms() -> None:
    ex = read("4月20日，泰州市质量大会在甲丰科技有限公司举行。副市长张三为获得泰州市市长质量奖的乙禾电子有限公司颁奖。", "泰州市")
    assert listed(ex) == {("乙禾电子有限公司", "泰州市市长质量奖")}  # the host firm wins nothing


def test_a_plaque_naming_its_title_is_that_titles_holding() -> None:
    ex = read("市领导为甲丰科技有限公司、乙禾电子有限公司授牌“泰州市质量标杆企业”。", "泰州市")
    assert listed(ex) == {("甲丰科技有限公司", "泰州市质量标杆企业"), ("乙禾电子有限公司", "泰州市质量标杆企业")}


def test_a_station_unveiled_at_a_firm_is_no_honour_of_the_firm() -> None:
    ex = read("泰州市市场监管局为甲丰科技有限公司揭牌“泰州市质量基础设施一站式服务站”。", "泰州市")
    assert listed(ex) == set()


# an award's category closing the clause (award_categories.txt)

def test_a_person_named_to_an_awards_person_category_is_not_folded_into_the_award() -> None:
    ex = read("甲丰食品集团有限公司董事长李四等3名同志被评为2021年度泰州市质量金奖个人。", "泰州市")
    assert listed(ex) == {("李四", "泰州市质量金奖个人")}


# the recipient before a means (以…) and a 示范企业 title

def test_a_firm_listed_by_its_brand_value_is_the_lists() -> None:
    ex = read("甲丰科技有限公司以125.6亿元的品牌价值入选2024年甲省品牌价值百强榜。", "甲省")
    assert listed(ex) == {("甲丰科技有限公司", "甲省品牌价值百强榜")}


def test_a_firm_recognised_as_a_demonstration_enterprise_holds_that_title() -> None:
    ex = read("乙禾电子有限公司被认定为甲省技术创新示范企业。", "甲省")
    assert listed(ex) == {("乙禾电子有限公司", "甲省技术创新示范企业")}


def test_demonstration_enterprises_in_general_are_no_title() -> None:
    ex = read("要发挥示范企业的带动作用，乙禾电子有限公司获评示范企业。", "甲省")
    assert listed(ex) == set()


# a verb describing the holders named after it (获得某奖的企业)

def test_a_place_whose_firms_hold_an_award_does_not_hold_it() -> None:
    ex = read("泰州市获得中国质量奖提名奖的企业达到3家。", "泰州市")
    assert ("泰州市", "中国质量奖提名奖") not in listed(ex)


def test_the_holders_named_after_the_relative_clause_still_win() -> None:
    ex = read("获得第二届泰州市政府质量奖的单位分别为：甲丰科技有限公司、乙禾电子有限公司。", "泰州市")
    assert listed(ex) == {("甲丰科技有限公司", "泰州市政府质量奖"), ("乙禾电子有限公司", "泰州市政府质量奖")}


def test_winners_named_among_a_grants_count_add_no_second_total() -> None:
    ex = read("会上为5家企业颁发了“乙市政府质量奖”，其中甲方科技有限公司、乙圆机械有限公司2家企业榜上有名。", "乙市")
    assert [o.value for o in ex.observations if o.subject is not None and o.subject.name == "乙市政府质量奖"] == [5]


def test_an_association_office_before_a_firm_is_no_part_of_its_name() -> None:
    ex = read("某市建材行业协会会长单位甲丰陶瓷集团有限公司同时荣获“某省政府质量奖”。", "某省")
    assert listed(ex) == {("甲丰陶瓷集团有限公司", "某省政府质量奖")}


def test_demonstration_enterprises_described_name_no_title() -> None:
    ex = read("此次入选的8家示范企业，将发挥引领作用。对通过甲类审核和乙级节能型示范企业，直接认定为三星级。", "甲省")
    assert not [e for e in ex.entities if e.name.endswith("示范企业")]


def test_a_firm_named_before_a_unit_a_post_and_a_person_is_the_persons_employer() -> None:
    ex = read("授予甲丰科技有限公司总经理张三、乙禾电子有限公司质量部部长李四“泰州市质量工匠”称号。", "泰州市")
    assert listed(ex) == {("张三", "泰州市质量工匠"), ("李四", "泰州市质量工匠")}


def test_a_quoted_title_containing_demonstration_enterprise_stays_whole() -> None:
    ex = read("为表彰先进，市政府授予甲丰科技有限公司等10家企业“泰州市质量信用示范企业”称号。", "泰州市")
    assert listed(ex) == {("甲丰科技有限公司", "泰州市质量信用示范企业")}


def test_a_presenter_before_xiang_is_no_part_of_the_recipient() -> None:
    ex = read("副省长张三向甲丰科技有限公司颁发了“江苏省省长质量奖”奖杯。", "江苏省")
    assert listed(ex) == {("甲丰科技有限公司", "江苏省省长质量奖")}


def test_a_certificate_received_names_its_title_and_the_host_wins_nothing() -> None:
    ex = read("甲丰科技有限公司承办的江苏省质量月活动启动仪式上，乙禾电子有限公司获颁“江苏精品”证书。", "江苏省")
    assert listed(ex) == {("乙禾电子有限公司", "江苏精品")}
