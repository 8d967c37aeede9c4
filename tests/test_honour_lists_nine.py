"""Honour lists and posts, ninth round: a table's district column glued to a firm's name (places run from
the larger to the smaller inside a name) — on our own invented sentences."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import read

from qgraph.model import Kind

DATE = dt.date(2023, 4, 23)


def firms(text: str) -> set[str]:
    return {e.name for e in read(text, place="太原市", date=DATE).entities if e.kind is Kind.ENTERPRISE}


def test_district_column_before_a_firm_named_from_its_province_is_no_part_of_the_name():
    text = "附件名单序号区县企业名称品牌行业1迎泽区山西甲乙连锁超市股份有限公司甲乙零售业2小店区山西省丙丁食品有限公司丙丁食品流通。"
    found = firms(text)
    assert {"山西甲乙连锁超市股份有限公司", "山西省丙丁食品有限公司"} <= found
    assert not any(n.startswith(("迎泽区", "小店区")) for n in found)


def test_places_from_larger_to_smaller_stay_in_the_name():
    assert "山西省太原市迎泽区甲乙商贸有限公司" in firms("山西省太原市迎泽区甲乙商贸有限公司获评示范企业。")
    assert "迎泽区甲乙商贸有限公司" in firms("迎泽区甲乙商贸有限公司获评示范企业。")  # no larger place after it


def people(text: str) -> set[str]:
    return {e.name for e in read(text, place="太原市", date=DATE).entities if e.kind is Kind.PERSON}


def test_contact_person_glued_to_the_next_field():
    assert "苗立珂" in people("异议请向市商务局反映，联系人：苗立珂联系电话：0351-1234567。")
    assert "苗立珂" in people("异议请向市商务局反映，联系人：苗立珂电话：0351-1234567。")
    assert not people("异议请向市商务局反映，联系人：苗立珂珂珂珂联系电话：0351-1234567。")  # no name of 2–4 there


def test_count_described_by_a_clause_after_the_programme():
    # 为Y年获得“甲”称号的N件产品和Z年获得“乙”称号的M件产品颁发…: each count is its own programme's
    ex = read("县领导为2014年获得“某州名牌产品”称号的3件产品和2015年获得“某州名牌农产品”称号的6件产品颁发奖牌。",
              place="忠县", date=dt.date(2015, 9, 8))
    got = {(o.subject.name, int(o.value), o.period) for o in ex.observations if o.subject is not None}
    assert ("某州名牌产品", 3, "2014") in got and ("某州名牌农产品", 6, "2015") in got
    assert ("某州名牌农产品", 3, "2014") not in got and ("某州名牌农产品", 3, "2015") not in got



def test_a_title_granted_by_the_documents_government_is_its_places():
    # 经县政府研究，决定授予…“质量管理先进单位”荣誉称号: the county's title (honour_titles.txt)
    text = ("甲县人民政府关于表彰质量工作的决定。全县质量工作成效明显，经县政府研究，决定授予甲县乙食品有限公司等2家单位"
            "“2012年度甲县县长质量奖”；授予丙皮鞋厂、丁商贸有限公司等2家单位“质量管理先进单位”荣誉称号。")
    ex = read(text, place="叶县", date=dt.date(2013, 1, 6))
    names = {e.name for e in ex.entities if e.kind.is_programme}
    assert "叶县质量管理先进单位" in names and "质量管理先进单位" not in names


def test_a_title_no_government_grants_keeps_its_name():
    text = "丙皮鞋厂、丁商贸有限公司等2家单位荣获“质量管理先进单位”荣誉称号。"
    ex = read(text, place="叶县", date=dt.date(2013, 1, 6))
    assert "叶县质量管理先进单位" not in {e.name for e in ex.entities if e.kind.is_programme}
    ex = read("经县政府研究，决定授予丙皮鞋厂等1家单位“全国质量管理先进单位”称号。", place="叶县", date=dt.date(2013, 1, 6))
    assert "叶县全国质量管理先进单位" not in {e.name for e in ex.entities if e.kind.is_programme}


def test_products_listed_with_their_makers_after_a_count():
    # 有N只，分别为甲公司的某牌X、Y；乙公司的某牌Z: the makers are the programme's recipients; N counts the products
    text = ("福建省名牌产品评定委员会公布2005年福建省名牌产品名单，我市有3家企业的4只产品入选。\n"
            "这4只产品中，工业产品类有4只，分别为甲丰实业有限公司的甲丰牌针织服装、丝绸(复评)；乙海制药有限公司的乙海牌滴剂；"
            "丙森水产有限公司的丙森牌冻虾仁。")
    ex = read(text, place="舟山市", date=dt.date(2005, 12, 1))
    got = {(r, p) for r, p in _links(ex) if p.endswith("名牌产品")}
    assert {r for r, _ in got} >= {"甲丰实业有限公司", "乙海制药有限公司", "丙森水产有限公司"}


def test_a_count_that_disagrees_with_the_products_links_nothing():
    text = ("福建省名牌产品评定委员会公布2005年福建省名牌产品名单。\n"
            "工业产品类有5只，分别为甲丰实业有限公司的甲丰牌针织服装；乙海制药有限公司的乙海牌滴剂。")
    ex = read(text, place="舟山市", date=dt.date(2005, 12, 1))
    assert not {r for r, _ in _links(ex)} & {"甲丰实业有限公司", "乙海制药有限公司"}


def _links(ex):
    return {(r.name, x.programme.name) for x in ex.listings for r in x.recipients}


def test_a_count_before_the_programmes_year_is_no_part_of_its_name():
    ex = read("全市企业获得6个2022年度甲省标准创新贡献奖，居同类城市前列。", place="南京市", date=dt.date(2023, 3, 1))
    names = {e.name for e in ex.entities if e.kind.is_programme}
    assert not any(n.startswith(("6个", "6")) for n in names)


def test_a_programme_written_inside_a_bodys_name_is_none():
    ex = read("全市有44项产品列入福建名牌产品，名单由福建省名牌产品工作委员会审定。",
              place="宁德市", date=dt.date(2011, 12, 1))
    names = {e.name for e in ex.entities if e.kind.is_programme}
    assert "福建省名牌产品" not in names and "福建名牌产品" in names


def test_persons_listed_with_their_firms_posts_are_the_recipients():
    # 甲公司董事长某某、乙集团董事长某某共2位企业家荣获“某奖章”: the persons, counted by 位企业家
    text = "今年，甲丰股份董事长王立新、乙海集团董事长周立强共2位企业家荣获第九届“南海市质量金质奖章”。"
    ex = read(text, place="深圳市", date=dt.date(2023, 4, 12))
    assert {("王立新", "南海市质量金质奖章"), ("周立强", "南海市质量金质奖章")} <= _links(ex)
    posts = {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}
    assert ("周立强", "董事长", "乙海集团") in posts  # 共 after the last name ends it
    ex = read("今年，甲丰股份董事长王立新、乙海集团董事长周立强共3位企业家荣获第九届“南海市质量金质奖章”。",
              place="深圳市", date=dt.date(2023, 4, 12))
    assert not _links(ex)  # two items for a count of three: the list is cut, nothing linked


def test_firm_names_glued_without_separators_are_cut_at_their_endings():
    text = ("市商务局确定3家企业为“第三批南海老字号”，现将名单公布如下：甲丰食品股份有限公司乙区丙丁虾蟹门店"
            "戊己贸易有限公司公布期为2022年11月19日至11月25日。")
    ex = read(text, place="荆州市", date=dt.date(2022, 11, 18))
    assert {"甲丰食品股份有限公司", "乙区丙丁虾蟹门店", "戊己贸易有限公司"} <= {
        e.name for e in ex.entities if e.kind is Kind.ENTERPRISE}
    ex = read(text.replace("确定3家", "确定4家"), place="荆州市", date=dt.date(2022, 11, 18))
    assert "戊己贸易有限公司" not in {e.name for e in ex.entities if e.kind is Kind.ENTERPRISE}


def test_steps_gone_through_after_according_to_are_no_preliminary_list():
    # 根据…、审定公示等七个环节，授予…: a notice period gone through, the award is made
    text = "市场监督管理局根据企业申报、资格审查、审定公示等七个环节，经政府认定，授予甲丰轴承股份有限公司等7家企业为市长质量奖。"
    ex = read(text, place="瓦房店市", date=dt.date(2020, 6, 1))
    assert ("甲丰轴承股份有限公司", "瓦房店市市长质量奖") in _links(ex)
    ex = read("现将拟授予甲丰轴承股份有限公司等7家企业市长质量奖的名单予以公示。", place="瓦房店市", date=dt.date(2020, 6, 1))
    assert not _links(ex)


def test_a_field_label_on_a_credit_line_is_no_name():
    ex = read("甲丰公司获奖。\n作者:佚名 来源:某省质量技术监督局 发布时间:2012年10月31日", place="大连市")
    assert "来源" not in {e.name for e in ex.entities if e.kind is Kind.PERSON}


def test_company_opening_a_sentence_is_the_company_named_before():
    text = "市政府授予甲丰轴承股份有限公司等7家企业为市长质量奖。公司常务副总经理周立瀚在会上作了发言。"
    ex = read(text, place="瓦房店市", date=dt.date(2020, 6, 1))
    posts = {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}
    assert ("周立瀚", "常务副总经理", "甲丰轴承股份有限公司") in posts
    ex = read("市政府授予甲丰轴承股份有限公司等7家企业为市长质量奖。子公司常务副总经理周立瀚发言。", place="瓦房店市")
    assert not any(p.organization is not None and p.organization.name == "甲丰轴承股份有限公司" for p in ex.posts)


def test_the_national_brand_demonstration_zone_written_with_its_level_word():
    ex = read("全省有国家级知名品牌示范区6个，甲乙茶叶园区是其中之一。", place="陕西省", date=dt.date(2019, 6, 26))
    assert "全国知名品牌示范区" in {e.name for e in ex.entities if e.kind.is_programme}  # 国家级…: an alias
    ex = read("全省命名的国家级、省级知名品牌示范区共16个。", place="陕西省", date=dt.date(2019, 6, 26))
    assert "省级知名品牌示范区" not in {e.name for e in ex.entities if e.kind.is_programme}  # two levels counted together
