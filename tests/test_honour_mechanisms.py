"""One regression test per mechanism of award decisions, winner lists and brand lists, on our own minimal
sentences: elided county / district awards, grades and categories as programmes of their own, award
counts, winners named after 分别是 / 包括, unquoted grants, flattened tables, titles of people and teams."""

from __future__ import annotations

import datetime as dt

from qgraph.model import Kind

from extraction_helpers import fig, low, read, listed as _listed, programmes as _programmes

DATE = dt.date(2024, 3, 12)


def test_elided_county_award_takes_the_deciding_government_s_county():
    text = ("德清县人民政府关于表彰2023年度县长质量奖获奖单位的决定\n"
            "县政府决定授予甲精密机械有限公司、乙纺织股份有限公司等2家企业“2023年度县长质量奖”，各奖励20万元。")
    ex = read(text, date=DATE)
    assert ("甲精密机械有限公司", "德清县县长质量奖") in _listed(ex)
    two = read("长兴县、德清县两地企业分别获得县长质量奖，甲精密机械有限公司获县长质量奖。", date=DATE)
    assert not any(n.endswith("县县长质量奖") for n in _programmes(two))  # two counties, no government: no guess


def test_elided_district_award_in_district_news():
    ex = read("金坛区召开质量大会。区内14家企业获得区长质量奖、16家企业获得区长质量奖提名奖。", date=DATE)
    counts = {(x.programme.name, x.count) for x in ex.listings}
    assert counts == {("金坛区区长质量奖", 14), ("金坛区区长质量奖提名奖", 16)}  # no count given to both


def test_section_headed_by_a_grade_is_the_grade_s_programme():
    text = ("2023年度德清县县长质量奖获奖名单\n一、县长质量奖（2家）\n1.甲精密机械有限公司\n2.乙纺织股份有限公司\n"
            "二、提名奖（1家）\n1.丙食品有限公司")
    listed = _listed(read(text, date=DATE))
    assert ("丙食品有限公司", "德清县县长质量奖提名奖") in listed
    assert ("丙食品有限公司", "德清县县长质量奖") not in listed


def test_counts_after_an_award_and_its_grade_are_theirs_in_the_award_s_year():
    ex = read("金坛区2024年度区长质量奖揭晓。本年度共评选出区长质量奖3家、提名奖4家。", date=dt.date(2025, 2, 20))
    three, four = fig(ex, "3", "Jia"), fig(ex, "4", "Jia")
    assert three.subject.name == "金坛区区长质量奖" and four.subject.name == "金坛区区长质量奖提名奖"
    assert three.period == four.period == "2024" and not low(four)
    held = read("全市拥有中国驰名商标118件、江苏省名牌产品361个。", place="苏州市", date=DATE)
    assert fig(held, "361", "Ge").subject.name == "苏州市"  # a stock the place holds


def test_winners_named_after_the_award_and_its_category():
    ex = read("市长质量奖组织奖分别是：甲电缆有限公司、乙鼓风机股份有限公司。"
              "市长质量奖个人奖包括：丙集团有限公司副总经理张卫东、丁机械有限公司董事长李光明。", place="滕州市", date=DATE)
    listed = _listed(ex)
    assert ("乙鼓风机股份有限公司", "滕州市市长质量奖组织奖") in listed
    assert ("张卫东", "滕州市市长质量奖个人奖") in listed
    assert not any(r == "丙集团有限公司" for r, _ in listed)  # the person's employer won nothing
    unknown = read("市长质量奖获奖组织分别是：甲电缆有限公司、市里几家老字号。", place="滕州市", date=DATE)
    assert not _listed(unknown)  # an item that is no name: the list is not read


def test_names_after_a_counted_listing_and_fenbie_shi():
    ex = read("长兴县2家企业品牌入选第三批“浙江名品”，分别是甲渔业有限公司和乙船业有限公司。", date=DATE)
    assert {("甲渔业有限公司", "浙江名品"), ("乙船业有限公司", "浙江名品")} <= _listed(ex)
    assert not any(e.name.startswith("分别") for e in ex.entities)


def test_unquoted_grant_and_its_prize():
    ex = read("县政府决定授予甲食品有限公司县长质量奖提名奖，奖励10万元。", place="德清县", date=DATE)
    assert ("甲食品有限公司", "德清县县长质量奖提名奖") in _listed(ex)
    assert fig(ex, "100000", "Yuan").subject.name == "德清县县长质量奖提名奖"
    person = read("县政府决定授予甲精密机械有限公司质量总监沈立群“2023年度县长质量奖个人奖”。", place="德清县", date=DATE)
    assert _listed(person) == {("沈立群", "德清县县长质量奖个人奖")}


def test_flattened_table_of_winners():
    head = "市市场监管局公布2024年度枣庄市质量标杆企业名单，共评选出质量标杆企业2家。\n序号 企业名称 所在区县\n"
    ex = read(head + "1 甲精密机械有限公司 滕州市\n2 乙纺织股份有限公司 峄城区\n", place="枣庄市", date=DATE)
    assert ("乙纺织股份有限公司", "枣庄市质量标杆") in _listed(ex)
    odd = read(head + "1 甲精密机械有限公司 滕州市\n2 市里一家老厂 峄城区\n", place="枣庄市", date=DATE)
    assert not any(r == "甲精密机械有限公司" for r, _ in _listed(odd))  # a row that is no name: the table is not read


def test_titles_of_people_and_teams():
    ex = read("甲环保设备有限公司副总经理钱慧敏、乙轴承有限公司总经理陆志强2人被评为2024年度湖州市优秀首席质量官。"
              "丙新材料股份有限公司的QC小组获评2024年度浙江省优秀质量管理小组。", place="湖州市", date=DATE)
    listed = _listed(ex)
    assert {("钱慧敏", "湖州市优秀首席质量官"), ("陆志强", "湖州市优秀首席质量官")} <= listed
    assert ("丙新材料股份有限公司", "浙江省优秀质量管理小组") in listed
    assert fig(ex, "2", "Ren").subject.name == "湖州市优秀首席质量官"
    assert "浙江省" not in {e.name for e in ex.entities if e.kind is Kind.PLACE}
    bare = read("甲公司张伟获评优秀首席质量官。", place="湖州市", date=DATE)
    assert not bare.listings  # no place or level: whose title it is cannot be told


def test_university_short_name_inside_a_company_name():
    ex = read("授予德清华瑞纺织股份有限公司“2023年度县长质量奖”。", place="德清县", date=DATE)
    names = {e.name for e in ex.entities}
    assert "德清华瑞纺织股份有限公司" in names and "清华大学" not in names


def test_grade_written_after_the_award_and_counts_after_winner_words():
    ex = read("县政府决定授予甲精密机械有限公司、乙纺织股份有限公司等2家企业2023年度德清县县长质量奖鼓励奖。", date=DATE)
    assert _listed(ex) == {("甲精密机械有限公司", "德清县县长质量奖鼓励奖"), ("乙纺织股份有限公司", "德清县县长质量奖鼓励奖")}
    counts = read("本届共评选出市长质量奖获奖组织5家、提名奖获奖组织3家。", place="湖州市", date=DATE)
    assert fig(counts, "3", "Jia").subject.name == "湖州市市长质量奖提名奖"
    assert fig(counts, "5", "Jia").subject.name == "湖州市市长质量奖"
    rank = read("甲公司获2024年度浙江省标准创新贡献奖二等奖。", place="湖州市", date=DATE)
    assert "浙江省标准创新贡献奖二等奖" in _programmes(rank)


def test_winners_on_lines_under_the_award():
    text = "现将获奖名单公布如下：\n县长质量奖：甲精密机械有限公司、乙纺织股份有限公司\n县长质量奖提名奖：丙食品有限公司"
    listed = _listed(read(text, place="德清县", date=DATE))
    assert ("乙纺织股份有限公司", "德清县县长质量奖") in listed and ("丙食品有限公司", "德清县县长质量奖提名奖") in listed
    assert ("丙食品有限公司", "德清县县长质量奖") not in listed


def test_quoted_brands_listed_in_a_brand_list():
    ex = read("“德清早园笋”“长兴紫笋茶”入选第二批浙江省区域公用品牌名单。", place="湖州市", date=DATE)
    assert _listed(ex) == {("德清早园笋", "浙江省区域公用品牌"), ("长兴紫笋茶", "浙江省区域公用品牌")}
    assert {e.name for e in ex.entities if e.kind is Kind.BRAND} == {"德清早园笋", "长兴紫笋茶"}
    slogans = read("“品质湖州”“湖州制造”入选2024年度全市质量工作案例。", place="湖州市", date=DATE)
    assert not any(e.kind is Kind.BRAND for e in slogans.entities)  # the programme names no kind of item


def test_counts_of_those_who_won_the_award_named_before():
    ex = read("第五届湖州市市长质量奖揭晓。自设立以来，共有16家组织和8名个人获此殊荣。", place="湖州市", date=DATE)
    assert fig(ex, "16", "Jia").subject.name == "湖州市市长质量奖"
    assert fig(ex, "8", "Ming").subject.name == "湖州市市长质量奖"
    alone = read("自设立以来，全市共有16家组织获此殊荣。", place="湖州市", date=DATE)
    assert not alone.listings  # no award named before: nothing to point back at


def test_named_list_longer_than_its_count_links_nothing():
    ex = read("湖州市2家企业入选第二批“浙江名品”，分别是甲精密机械有限公司、乙纺织股份有限公司和丙食品有限公司。",
              place="湖州市", date=DATE)
    assert not _listed(ex)


def test_table_with_an_award_column_links_each_row_to_its_own_award():
    text = ("2024年度湖州市市长质量奖获奖名单如下。\n序号 获奖单位 奖项\n1 甲精密机械有限公司 市长质量奖\n"
            "2 乙纺织股份有限公司 提名奖\n")
    listed = _listed(read(text, place="湖州市", date=DATE))
    assert listed == {("甲精密机械有限公司", "湖州市市长质量奖"), ("乙纺织股份有限公司", "湖州市市长质量奖提名奖")}


def test_city_report_keeps_its_place_and_places_a_county_award_only_firmly():
    firm = read("德清县人民政府日前作出决定，授予甲精密机械有限公司“2023年度县长质量奖”。全市新增质量标杆企业5家。",
                place="湖州市", date=DATE)
    assert ("甲精密机械有限公司", "德清县县长质量奖") in _listed(firm)
    assert fig(firm, "5", "Jia").subject.name == "湖州市"  # the city's figure stays the city's
    loose = read("德清县在全市率先开展质量提升行动，甲精密机械有限公司获县长质量奖。", place="湖州市", date=DATE)
    assert not any(n == "德清县县长质量奖" for n in _programmes(loose))  # no government, no title: no guess


def test_a_rank_alone_is_no_programme():
    ex = read("乙纺织股份有限公司QC小组成果获得一等奖。", place="湖州市", date=DATE)
    assert not _programmes(ex) and not ex.listings
