"""Regression tests for the award mechanisms found by reading real award reports (running totals of an
award's holders, a place's holdings of higher-level awards, winners' aggregate figures, winners' lists
named after the award), each on our own minimal sentences."""

from __future__ import annotations

from qgraph.model import Kind

from extraction_helpers import fig, low, read


def names(ex, kind: Kind) -> set[str]:
    return {e.name for e in ex.entities if e.kind is kind}


# running totals (running_totals.py)

def test_a_count_of_winners_after_a_running_total_word_is_the_total() -> None:
    ex = read("目前，全市共有21家企业获得甲市市长质量奖。", "温州市")
    o = fig(ex, "21")
    assert o.subject is not None and o.subject.name.endswith("市长质量奖") and o.breakdown == "累计"


def test_a_count_of_one_years_winners_is_no_total() -> None:
    ex = read("2023年，全市有4家企业获得温州市市长质量奖。", "温州市")
    assert fig(ex, "4").breakdown is None


def test_an_awards_holders_written_as_a_measure_are_the_awards() -> None:
    ex = read("全市已累计产生30家市长质量奖企业、12家市质量管理创新奖企业。", "温州市")
    mayor, innovation = fig(ex, "30"), fig(ex, "12")
    assert mayor.subject.name == "温州市市长质量奖" and mayor.measure == "企业" and mayor.breakdown == "累计"
    assert innovation.subject.name == "温州市质量管理创新奖" and innovation.breakdown == "累计"


def test_an_award_without_a_place_written_as_a_measure_stays_unsaid() -> None:
    ex = read("全市已累计产生30家质量奖企业。", "温州市")
    assert fig(ex, "30").subject.kind is not Kind.HONOUR


# the government's award written with the government elided (programmes.government_award_name)

def test_an_elided_governments_award_is_the_places_peoples_government_award() -> None:
    ex = read("其中，获省政府质量奖2家，省政府质量管理创新奖1家。", "温州市")
    assert {"浙江省人民政府质量奖", "浙江省人民政府质量管理创新奖"} <= names(ex, Kind.HONOUR)
    assert fig(ex, "2").subject.name == "浙江省人民政府质量奖"
    assert fig(ex, "1").subject.name == "浙江省人民政府质量管理创新奖"


def test_an_award_written_with_its_place_and_government_keeps_that_name() -> None:
    ex = read("甲公司获得中山市政府质量奖。此前，市政府质量奖已评选五届。", "中山市")
    assert "中山市政府质量奖" in names(ex, Kind.HONOUR)
    assert "中山市人民政府质量奖" not in names(ex, Kind.HONOUR)


def test_a_running_total_word_of_another_clause_makes_no_total() -> None:
    ex = read("今年以来，全市累计培育首席质量官90名，8家企业入选“甲省精品”。", "温州市")
    assert fig(ex, "8").breakdown is None
    ex = read("全市新增“甲省优品”企业20家，累计达到90家；甲公司等3家企业荣获温州市市长质量奖。", "温州市")
    assert fig(ex, "3").breakdown is None


def test_a_running_total_word_carries_to_a_later_item_with_no_verb() -> None:
    ex = read("某省公布山西省质量标杆和山西省质量品牌提升示范区名单。"
              "截至2024年底，全省累计培育省级质量标杆企业60家，质量品牌提升示范区9个。", "山西省")
    assert fig(ex, "9").subject.name == "山西省质量品牌提升示范区"
    assert fig(ex, "9").breakdown == "累计"


def test_now_and_a_word_of_having_make_a_total_across_clauses() -> None:
    ex = read("截至目前，温州市已评选市长质量奖5届，共有40家企业荣获温州市市长质量奖。", "温州市")
    assert fig(ex, "40").breakdown == "累计"


# a place's holdings of awards after 其中 (award_holdings.py)

def test_holdings_after_qizhong_count_each_awards_holders() -> None:
    ex = read("目前，县级以上政府质量奖获奖组织达到120家；其中，获得中国质量奖提名奖1家，获省政府质量奖2家。", "温州市")
    total, nominated, provincial = fig(ex, "120"), fig(ex, "1"), fig(ex, "2")
    assert total.subject is None or total.subject.kind is Kind.PLACE
    assert nominated.subject.name == "中国质量奖提名奖" and nominated.measure == "组织"
    assert provincial.subject.name == "浙江省人民政府质量奖" and provincial.measure == "组织"


def test_items_after_qizhong_of_a_total_that_counts_no_award_keep_their_measure() -> None:
    ex = read("全市有效注册商标达到9000件；其中，中国驰名商标12件。", "温州市")
    assert fig(ex, "12").measure != "组织"


# figures of an award's winners as a group (winner_figures.py)

def test_figures_of_the_winners_are_the_awards_not_the_places() -> None:
    ex = read("目前，全市共有21家企业获得温州市市长质量奖、9家企业获得提名奖。"
              "据统计，获奖企业年平均利润额达到3.5亿元，为社会创造就业岗位1.2万个。", "温州市")
    for value in ("350000000", "12000"):
        o = fig(ex, value)
        assert o.subject.name == "温州市市长质量奖" and not low(o)


def test_a_count_of_the_winners_a_place_holds_stays_the_places() -> None:
    ex = read("合肥市现有安徽省政府质量奖获奖组织17家。", "合肥市")
    assert fig(ex, "17").subject.name == "合肥市"


def test_applicants_of_an_award_are_the_awards() -> None:
    ex = read("第二届温州市市长质量奖申报工作从2023年5月启动，共有15家单位申报评选。", "温州市")
    assert fig(ex, "15").subject.name == "温州市市长质量奖"


# winners counted before a verb of winning (award_winners.py)

def test_winners_counted_before_huojiang_are_the_awards() -> None:
    ex = read("武城县召开第二届县长质量奖颁奖大会。会上，武城县县长质量奖揭晓，甲环境科技有限公司等5家企业，"
              "以及丙机械集团有限公司总经理张三峰等2名个人获奖。", "武城县")
    firms, people = fig(ex, "5"), fig(ex, "2")
    assert firms.subject.name == "武城县县长质量奖" and firms.measure == "企业"
    assert people.subject.name == "武城县县长质量奖" and people.measure == "个人"
    links = {(r.name, l.programme.name) for l in ex.listings for r in l.recipients}
    assert {("甲环境科技有限公司", "武城县县长质量奖"), ("张三峰", "武城县县长质量奖")} <= links


def test_winners_before_huojiang_with_no_award_named_stay_unlinked() -> None:
    ex = read("甲环境科技有限公司等5家企业获奖。", "武城县")
    assert not ex.listings


# links of winners to their award (programmes.find_announced_lists, honour_series.py, listings, published_lists.py)

def links(ex) -> set[tuple[str, str]]:
    return {(r.name, li.programme.name) for li in ex.listings for r in li.recipients}


def test_an_awards_winners_list_announced_by_name_is_the_awards() -> None:
    ex = read("近日，2023年度温州市市长质量奖获奖名单公布，甲科技股份有限公司、乙电器有限公司等2家企业上榜。", "温州市")
    assert "温州市市长质量奖获奖" not in names(ex, Kind.HONOUR)
    assert ("甲科技股份有限公司", "温州市市长质量奖") in links(ex)


def test_a_series_of_honours_before_deng_rongyu_is_one_programme_each() -> None:
    ex = read("甲乳品集团股份有限公司是一家国家高新技术企业，先后被评为某某行业优秀企业、浙江省隐形冠军企业等荣誉。", "温州市")
    assert {"某某行业优秀企业", "浙江省隐形冠军企业"} <= names(ex, Kind.HONOUR)
    assert not [n for n in names(ex, Kind.HONOUR) if "、" in n]
    assert {("甲乳品集团股份有限公司", "某某行业优秀企业"), ("甲乳品集团股份有限公司", "浙江省隐形冠军企业")} <= links(ex)


def test_a_firms_quoted_product_before_the_verb_leaves_the_firm_the_recipient() -> None:
    ex = read("2022年，甲葡萄酒有限公司“某牌干红葡萄酒”和乙牧业股份有限公司“某牌冷冻鸡产品”已成功入选第一批“好品山东”品牌名单。",
              "烟台市")
    assert {("甲葡萄酒有限公司", "好品山东"), ("乙牧业股份有限公司", "好品山东")} <= links(ex)


def test_a_cultivation_list_published_by_a_provinces_body_is_the_provinces() -> None:
    ex = read("近日，广东省市场监督管理局公布了第二批质量强县（区、镇）培育建设城市名单，东源县成功入选。", "河源市")
    pool = "广东省质量强县（区、镇）培育建设城市名单"
    assert pool in names(ex, Kind.CULTIVATION_POOL)
    assert ("东源县", pool) in links(ex)


def test_a_cultivation_list_named_with_its_place_is_left_to_the_other_rules() -> None:
    ex = read("近日，广东省市场监督管理局公布了国家质量强县（区、镇）培育库名单。", "河源市")
    assert not [n for n in names(ex, Kind.CULTIVATION_POOL) if n.startswith("广东省国家")]


def test_a_provinces_award_is_not_taken_for_the_citys_award_of_the_same_ending() -> None:
    ex = read("5家企业获温州市质量管理创新奖。目前，县级以上政府质量奖获奖组织达到120家；其中，省政府质量管理创新奖3家。",
              "温州市")
    assert fig(ex, "3").subject.name == "浙江省人民政府质量管理创新奖"


def test_a_level_after_a_field_word_is_the_figures_level() -> None:
    ex = read("据统计，获奖企业近3年荣获科技领域国家级奖项3项。", "重庆市")
    assert fig(ex, "3").level is not None and fig(ex, "3").level.value == "National"


def test_winners_counted_without_examples_before_huojiang_are_the_awards_running_total() -> None:
    ex = read("潍坊市市长质量奖是市政府设立的最高质量奖项。目前，全市共有30家企业、12名个人获奖。", "潍坊市")
    firms, people = fig(ex, "30"), fig(ex, "12")
    assert firms.subject.name == "潍坊市市长质量奖" and firms.breakdown == "累计"
    assert people.subject.name == "潍坊市市长质量奖" and people.measure == "个人"


# numbered winners' lists under heading lines that name the award (enumerations.find_numbered_lists, with
# programmes found by pattern: a 质量管理奖 is written like a 质量奖)

def test_numbered_winners_under_heading_lines_are_each_headings_awards() -> None:
    ex = read("获奖名单\n第六届邯郸市市长质量管理奖获奖单位\n1.甲精密机械有限公司\n2.乙电缆集团股份有限公司\n"
              "第六届邯郸市市长质量管理奖提名奖获奖单位\n1.丙光电科技有限公司\n2.丁服饰有限公司\n", "邯郸市")
    assert {"邯郸市市长质量管理奖", "邯郸市市长质量管理奖提名奖"} <= names(ex, Kind.HONOUR)
    assert links(ex) == {("甲精密机械有限公司", "邯郸市市长质量管理奖"), ("乙电缆集团股份有限公司", "邯郸市市长质量管理奖"),
                         ("丙光电科技有限公司", "邯郸市市长质量管理奖提名奖"), ("丁服饰有限公司", "邯郸市市长质量管理奖提名奖")}


def test_a_grade_alone_heading_a_line_is_the_grade_of_the_award_listed_before() -> None:
    ex = read("第三届邯郸市市长质量奖获奖单位\n1.甲精密机械有限公司\n2.乙电缆集团股份有限公司\n"
              "提名奖获奖单位（2家）\n1.丙光电科技有限公司\n2.丁服饰有限公司\n", "邯郸市")
    assert links(ex) == {("甲精密机械有限公司", "邯郸市市长质量奖"), ("乙电缆集团股份有限公司", "邯郸市市长质量奖"),
                         ("丙光电科技有限公司", "邯郸市市长质量奖提名奖"), ("丁服饰有限公司", "邯郸市市长质量奖提名奖")}
    assert {li.batch for li in ex.listings} == {3}


def test_a_grade_line_with_no_award_named_before_or_no_grade_links_nothing() -> None:
    ex = read("近日，全市质量工作评审结束。\n提名奖获奖单位\n1.丙光电科技有限公司\n2.丁服饰有限公司\n", "邯郸市")
    assert not links(ex)
    ex = read("第三届邯郸市市长质量奖获奖单位\n1.甲精密机械有限公司\n优秀奖获奖单位\n1.丙光电科技有限公司\n", "邯郸市")
    assert links(ex) == {("甲精密机械有限公司", "邯郸市市长质量奖")}


def test_a_quality_management_award_needs_its_place_or_its_head() -> None:
    ex = read("甲公司建立了企业质量管理奖励制度。企业质量管理奖获奖单位\n1.甲精密机械有限公司\n2.乙电缆集团股份有限公司\n",
              "邯郸市")
    assert not names(ex, Kind.HONOUR) and not links(ex)
    ex = read("近日，上海市质量管理奖评审结果揭晓。", "上海市")
    assert "上海市质量管理奖" in names(ex, Kind.HONOUR)


def test_a_numbered_list_with_an_item_that_is_no_name_links_nothing() -> None:
    ex = read("第六届邯郸市市长质量管理奖获奖单位\n1.甲精密机械有限公司\n2.加强质量管理\n", "邯郸市")
    assert not links(ex)


# an award named by its head alone after a word of the sentence (programmes._elided_ok, award_winners.py)

def test_a_bare_county_award_after_dui_is_the_countys_and_its_winners_are_linked() -> None:
    ex = read("武城县质量工作会议举行，会议对县长质量奖获奖企业和个人给予表彰。"
              "甲环境科技有限公司等5家企业，以及丙机械集团有限公司总经理张三峰等2名个人获奖。", "武城县")
    assert "武城县县长质量奖" in names(ex, Kind.HONOUR)
    firms, people = fig(ex, "5"), fig(ex, "2")
    assert firms.subject.name == "武城县县长质量奖" and firms.measure == "企业" and not low(firms)
    assert people.subject.name == "武城县县长质量奖" and people.measure == "个人"
    assert {("甲环境科技有限公司", "武城县县长质量奖"), ("张三峰", "武城县县长质量奖")} <= links(ex)


def test_an_award_head_after_a_character_that_may_end_a_place_stays_unplaced() -> None:
    ex = read("甲乙县长质量奖获奖单位和个人受到表扬。", "武城县")
    assert "武城县县长质量奖" not in names(ex, Kind.HONOUR)


# what an award's figures measure: its applicants, its prize money (measure_verb_tails.tsv, prize_money_after.txt)

def test_units_applying_for_an_award_are_its_applicants() -> None:
    ex = read("第二届温州市市长质量奖申报工作从2023年5月启动，共有15家单位申报评选。", "温州市")
    assert fig(ex, "15").measure == "申报单位"


def test_a_sum_before_de_jiangli_is_the_awards_prize_money() -> None:
    ex = read("温州市市长质量奖是市政府设立的最高质量奖项。获得市长质量奖的组织将获得30万元的奖励。", "温州市")
    o = fig(ex, "300000")
    assert o.measure == "奖励" and o.subject.name == "温州市市长质量奖"


def test_a_sum_before_another_noun_keeps_that_noun() -> None:
    ex = read("2024年，全市兑现质量奖励资金500万元，发放专项资金300万元用于检测设备。", "温州市")
    assert fig(ex, "3000000").measure != "奖励"


# an award quoted with its edition, its winners named after a category and a count (programmes.QUOTED_LEAD_RE,
# named_winners.py)

def test_an_award_quoted_with_its_edition_is_found_and_its_categorys_winners_linked() -> None:
    ex = read("获授“第六届邯郸市市长质量管理奖”组织奖的2家企业分别是甲精密机械有限公司、乙电缆集团股份有限公司。", "邯郸市")
    assert "邯郸市市长质量管理奖" in names(ex, Kind.HONOUR)
    assert links(ex) == {("甲精密机械有限公司", "邯郸市市长质量管理奖组织奖"),
                         ("乙电缆集团股份有限公司", "邯郸市市长质量管理奖组织奖")}


def test_more_winners_named_than_the_count_before_them_links_nothing() -> None:
    ex = read("获授“第六届邯郸市市长质量奖”组织奖的1家企业分别是甲精密机械有限公司、乙电缆集团股份有限公司。", "邯郸市")
    assert not links(ex)


# an award's place and edition written in other ways (programmes._found, listings.programme_name)

def test_the_first_edition_written_inside_a_quoted_award_is_its_batch_not_its_name() -> None:
    ex = read("县政府决定授予甲精密机械有限公司、乙电缆集团股份有限公司“德清县首届县长质量奖”。", "德清县")
    assert names(ex, Kind.HONOUR) == {"德清县县长质量奖"}
    assert {li.batch for li in ex.listings} == {1}


def test_a_places_short_name_glued_to_the_awards_head_is_the_places_award() -> None:
    ex = read("3月13日，首届德清县长质量奖颁奖仪式举行。甲公司获得江苏省长质量奖。", "德清县")
    assert {"德清县县长质量奖", "江苏省省长质量奖"} <= names(ex, Kind.HONOUR)


def test_the_award_named_inside_a_meetings_name_is_a_programme_too() -> None:
    ex = read("9月29日，德清县召开第三届县长质量奖颁奖大会。", "德清县")
    assert "德清县县长质量奖" in names(ex, Kind.HONOUR)
    assert any(e.kind is Kind.MEETING and e.name == "第三届县长质量奖颁奖大会" for e in ex.entities)


def test_a_quoted_award_after_a_particle_or_a_clause_is_the_county_award_not_the_words_before() -> None:
    ex = read("县政府将对通过评审的企业授予“县长质量奖”奖牌、证书。甲乙机械制造有限公司、丙丁贸易有限公司"
                     "等18家企业获得了“县长质量奖”。", place="安吉县")
    honours = {e.name for e in ex.entities if e.kind is Kind.HONOUR}
    assert honours == {"安吉县县长质量奖"}
    assert {x.programme.name: [r.name for r in x.recipients] for x in ex.listings} == {
        "安吉县县长质量奖": ["甲乙机械制造有限公司", "丙丁贸易有限公司"]}


def test_a_winner_written_without_its_liability_form_and_an_association_named_in_brackets() -> None:
    text = ("甲正达电子科技公司被授予“安吉县首届县长质量奖提名奖”\n"
            "授予湖南省甲正达电子科技有限公司（粤港澳·深圳乙江商会常务副会长单位）、湖南丙润油茶科技发展有限公司"
            "“安吉县首届县长质量奖提名奖”。")
    ex = read(text, place="安吉县")
    firms = {e.name for e in ex.entities if e.kind is Kind.ENTERPRISE}
    assert firms == {"湖南省甲正达电子科技有限公司", "湖南丙润油茶科技发展有限公司"}
    assert {e.name for e in ex.entities if e.kind is Kind.ASSOCIATION} == {"粤港澳·深圳乙江商会"}
    winners = {r.name for x in ex.listings for r in x.recipients}
    assert winners == firms  # the association in brackets is the first winner's aside, no winner


def test_two_winners_joined_by_he_before_a_back_reference_and_no_winner_from_an_application() -> None:
    ex = read("湖州市政府质量奖是市政府设立的最高质量荣誉。自2010开展首届市政府质量奖以来，安吉县共有甲乙电池集团有限公司"
              "和浙江丙丁机械股份有限公司两家企业获得此荣誉。最后确定推荐浙江戊己非织造布有限公司、"
              "浙江庚辛电力实业股份有限公司等两家企业申报市政府质量奖。", place="安吉县")
    winners = {r.name for x in ex.listings for r in x.recipients}
    assert winners == {"甲乙电池集团有限公司", "浙江丙丁机械股份有限公司"}


def test_winners_counted_since_the_award_began_are_a_running_total_and_a_name_with_wan_jia_stays_whole() -> None:
    ex = read("据了解，自2010年设立首届县长质量奖以来，全县共有甲乙装修工程有限公司、河南喜万家机械制造有限公司、"
              "戊己贸易有限公司等18家企业获得了“县长质量奖”。", place="安吉县")
    o = fig(ex, "18")
    assert (o.subject.name, o.breakdown) == ("安吉县县长质量奖", "累计")
    assert {r.name for x in ex.listings for r in x.recipients} == {
        "甲乙装修工程有限公司", "河南喜万家机械制造有限公司", "戊己贸易有限公司"}


def test_an_elided_government_award_and_a_mayor_award_grade_after_a_verb_are_the_citys() -> None:
    ex = read("将“获得市政府质量奖的企业由市政府一次性奖励60万元”修订为“获得市长质量奖金奖的组织由市政府给予一次性"
              "奖励100万元”。", place="合肥市")
    honours = {e.name for e in ex.entities if e.kind is Kind.HONOUR}
    assert honours == {"合肥市人民政府质量奖", "合肥市市长质量奖金奖"}


def test_a_person_in_charge_of_a_company_granted_an_award_is_the_winner_not_the_company() -> None:
    ex = read("授予新兴管件有限责任公司和湖南庚辛水泥有限责任公司负责人董某某“安吉县县长质量奖”荣誉称号。", place="安吉县")
    assert {r.name for x in ex.listings for r in x.recipients} == {"新兴管件有限责任公司", "董某某"}
    assert {(p.person.name, p.role, p.organization.name) for p in ex.posts} == {
        ("董某某", "负责人", "湖南庚辛水泥有限责任公司")}
