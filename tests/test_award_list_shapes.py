"""One regression test per mechanism of award decisions and brand lists, on our own minimal sentences:
a place's share of a national list, the year of a round started in the sentence's head, sums written
with a space before their scale, prize money promised to the winners of named awards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qgraph.sources import read_document

from extraction_helpers import fig, low, read, listed as _listed

DATE = dt.date(2025, 4, 15)


def test_a_place_s_share_of_a_list_is_the_programme_s_with_the_place_as_area():
    ex = read("近日，国家工信部公布首批中国消费名品名单，全国共93家企业入选，其中安徽的甲股份、乙食品、丙纺织3家企业"
              "榜上有名。", date=DATE)
    assert {("甲股份", "中国消费名品"), ("丙纺织", "中国消费名品")} <= _listed(ex)
    share, total = fig(ex, "3", "Jia"), fig(ex, "93", "Jia")
    assert share.subject.name == total.subject.name == "中国消费名品"
    assert share.place == "安徽省" and not low(share) and not low(total)  # a share, not a colliding total


def test_a_round_started_in_the_head_clause_gives_its_figures_that_year():
    ex = read("第三届德清县县长质量奖申报工作从2018年7月启动，共有12家单位申报评选。", date=dt.date(2019, 3, 1))
    assert fig(ex, "12", "Jia").period == "2018"
    since = read("德清县县长质量奖自2012年开始评选以来，累计15家企业获奖。", date=dt.date(2019, 3, 1))
    assert fig(since, "15", "Jia").period != "2012"  # a running total is not of the year it began


def test_a_space_between_a_number_and_its_scale(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text("某市对获奖企业每家奖励 100 万元，合格率达 98.5 %。", encoding="utf-8")
    assert "100万元" in read_document(f).text and "98.5%" in read_document(f).text


def test_prize_money_promised_to_the_winners_of_named_awards():
    ex = read("福州市政府印发《福州市政府质量奖管理办法》。对新获市政府质量奖的企业或组织每家奖励100万元；"
              "对新获中国质量奖、中国质量奖提名奖的企业或组织，一次性分别给予300万元、200万元的奖励。", date=DATE)
    assert fig(ex, "3000000", "Yuan").subject.name == "中国质量奖"
    assert fig(ex, "2000000", "Yuan").subject.name == "中国质量奖提名奖"
    assert fig(ex, "1000000", "Yuan").subject.name.endswith("政府质量奖")
    odd = read("对新获中国质量奖、中国质量奖提名奖的企业，给予300万元奖励。", date=DATE)
    assert fig(odd, "3000000", "Yuan").subject.name != "中国质量奖提名奖"  # two awards, one sum: no pairing


def test_a_grade_the_award_is_said_to_have_takes_the_winners_counted_after_it():
    ex = read("省政府决定授予甲生物科技股份有限公司等7家单位第八届山东省省长质量奖。"
              "第八届山东省省长质量奖还设置了提名奖，乙工业股份有限公司等9家单位和丙工程材料有限公司董事长李某某等5名个人获奖。",
              date=DATE)
    assert fig(ex, "9", "Jia").subject.name == "山东省省长质量奖提名奖"
    assert ("乙工业股份有限公司", "山东省省长质量奖提名奖") in _listed(ex)
    assert ("乙工业股份有限公司", "山东省省长质量奖") not in _listed(ex)


def test_a_winner_named_after_a_post_starts_after_the_post_and_holds_it():
    ex = read("省政府决定，授予甲生物科技股份有限公司等7家单位和乙投资控股有限公司董事局主席陈某某等3名个人第八届山东省省长质量奖。",
              date=DATE)
    people = {e.name for e in ex.entities if e.kind.name == "PERSON"}
    assert "陈某某" in people and "席陈某某" not in people
    assert any(p.person.name == "陈某某" and p.role == "董事局主席" and p.organization.name == "乙投资控股有限公司"
               for p in ex.posts)
    assert ("乙投资控股有限公司", "山东省省长质量奖") not in _listed(ex)  # the employer is no winner


def test_a_programme_quoted_after_its_place_and_sector():
    ex = read("经专家评审，确定甲科技股份有限公司等43家企业的质量管理经验为2021年山东省工业企业“质量标杆”典型经验。",
              date=DATE)
    assert "山东省工业企业质量标杆" in {e.name for e in ex.entities if e.kind.is_programme}


def test_items_designated_as_a_programme_are_its_listings_and_count():
    ex = read("经专家评审，甲集团有限公司的《某品牌培育经验》等10项经验为2016年江苏省“质量标杆”，现予公布。", date=DATE)
    o = fig(ex, "10", "Xiang")
    assert o.subject.name == "江苏省质量标杆" and o.period == "2016" and not low(o)
    assert ("甲集团有限公司", "江苏省质量标杆") in _listed(ex)
    other = read("甲集团有限公司等3家企业入选名单，其中2家为江苏省“质量标杆”。", date=DATE)
    assert ("甲集团有限公司", "江苏省质量标杆") not in _listed(other)


def test_a_count_of_a_programme_s_holders_written_around_its_name():
    ex = read("日前，某区又新增4家“浙江制造”认证企业，分别是甲装饰材料有限公司、乙五金工具有限公司。"
              "至此，今年全区已有8家企业获得9张“浙江制造”认证证书。", date=DATE)
    o = fig(ex, "4", "Jia")
    assert o.subject.name == "浙江制造" and o.breakdown == "新增" and not low(o)
    assert fig(ex, "9").subject.name == "浙江制造"
    assert ("甲装饰材料有限公司", "浙江制造") in _listed(ex)
    many = read("某区新增1家“浙江制造”认证企业，分别是甲装饰材料有限公司、乙五金工具有限公司。", date=DATE)
    assert ("甲装饰材料有限公司", "浙江制造") not in _listed(many)  # more names than the count: not read


def test_the_parts_of_a_programme_s_list():
    ex = read("5月10日，某省发布第三批“好品山东”品牌名单，99个品牌入选。其中，制造业企业品牌72个，包括甲食品股份有限公司"
              "申报的某玉米油等；地理标志11个，包括某湖大闸蟹、某冈酒等；区域品牌4个，分别为甲地瓜、乙樱桃、丙饽饽、丁罐头。", date=DATE)
    parts = {o.value: (o.subject.name, o.breakdown) for o in ex.observations}
    assert parts[72] == ("好品山东", "制造业企业") and parts[11] == ("好品山东", "地理标志")
    assert parts[4] == ("好品山东", "区域品牌")
    assert {("甲食品股份有限公司", "好品山东"), ("某湖大闸蟹", "好品山东"), ("丁罐头", "好品山东")} <= _listed(ex)
    kinds = {e.name: e.kind.name for e in ex.entities}
    assert kinds["某湖大闸蟹"] == "GEOGRAPHICAL_INDICATION" and kinds["甲地瓜"] == "BRAND"


def test_a_total_said_again_heads_a_breakdown_by_place():
    ex = read("2020-2021年度国家优质工程奖名单公布，湖北省共计有31个项目入选。湖北省此次获奖的31个工程项目中，"
              "武汉20项，宜昌5项，襄阳、荆州各1项。", date=DATE)
    assert [o.value for o in ex.observations].count(31) == 1  # the total said again is no figure of its own
    o = fig(ex, "20")
    assert o.subject.name == "国家优质工程奖" and o.breakdown == "武汉市"
    assert all(o.breakdown is None for o in ex.observations if o.value == 1)  # 各1项: each one's, no part


def test_a_space_between_a_number_and_its_classifier(tmp_path: Path):
    f = tmp_path / "b.txt"
    f.write_text("省局发布《关于发布 2023 年度某名品名单的通告》，发布了 73 家获评企业的产品。", encoding="utf-8")
    assert "发布2023年度" in read_document(f).text and "发布了73家" in read_document(f).text


def test_a_verb_opening_a_later_clause_lists_the_items_counted_in_the_first():
    ex = read("常德市甲甲鱼、乙香米、丙酒、丁菜籽油4个产品成功通过专家评议、网上公示等程序，成为首批湖南名品。", date=DATE)
    assert {("甲甲鱼", "湖南名品"), ("丁菜籽油", "湖南名品")} <= _listed(ex)
    assert fig(ex, "4", "Ge").subject.name == "湖南名品"
    partial = read("常德市甲甲鱼、乙香米等4个产品通过专家评议，成为首批湖南名品。", date=DATE)
    assert ("甲甲鱼", "湖南名品") not in _listed(partial)  # 等: not a complete list, not read this way


def test_shares_of_a_list_by_a_place_and_by_the_document_s_own_place():
    ex = read("省里发布第一批“好品山东”品牌名单，潍坊市有22个品牌上榜，我市甲花卉、乙服饰股份有限公司2个品牌榜上有名。",
              place="青州市", date=DATE)
    a, b = fig(ex, "22", "Ge"), fig(ex, "2", "Ge")
    assert a.place == "潍坊市" and b.place == "青州市"
    assert a.subject.name == b.subject.name == "好品山东" and not low(a) and not low(b)


def test_a_running_total_since_a_year_and_the_batches_counted_with_it():
    ex = read("2023年，某省印发纲要。2024年1月底，某省组织开展了第三批“好品山东”品牌遴选。经综合评价，从1589个申报主体中"
              "遴选出了99个“好品山东”品牌。2022年以来，某省先后推出三批427个“好品山东”品牌。", date=DATE)
    total = fig(ex, "427")
    assert (total.subject.name, total.breakdown, total.period, total.measure) == ("好品山东", "累计", "2025", "品牌")
    batches = fig(ex, "3", "Pi")
    assert batches.subject.name == "好品山东" and batches.breakdown == "累计"
    assert fig(ex, "1589").period == "2024"  # the later sentence-head year goes on in its paragraph


def test_winners_counted_after_a_notice_publishing_a_programme_s_list():
    ex = read("1月19日，省市场监管局印发了《关于发布2023年度湖南名品名单的通告》，发布了73家获评企业的产品或服务。"
              "常德市甲甲鱼、乙香米2个产品成为首批湖南名品。", place="常德市", date=dt.date(2024, 1, 25))
    o = fig(ex, "73", "Jia")
    assert o.subject.name == "湖南名品" and o.period == "2023" and not low(o)


def test_sessions_named_by_number_are_no_counts():
    ex = read("认真落实省委十二届二次、三次、四次全会精神，全省新增质量标杆企业12家。", date=DATE)
    assert [o.value for o in ex.observations if o.unit == "Ci"] == []


def test_a_winner_written_with_tongzhi_after_the_organisation():
    ex = read("省政府决定授予甲电器集团有限责任公司、乙科技股份有限公司2个组织和某技师学院周某某同志第二届四川省天府质量奖。",
              date=DATE)
    assert ("周某某", "四川省天府质量奖") in _listed(ex)


def test_a_prize_clause_after_the_award_s_winners_and_two_awards_named_together():
    ex = read("成都市人民政府召开颁奖大会。现场颁发“第二届成都市市长质量奖”、“第二届成都市市长质量奖提名奖”两项大奖，"
              "共计16家单位获奖。第二届成都市市长质量奖共有6家单位获奖，奖金100万元。另有10家单位获提名奖，奖金50万元。",
              date=dt.date(2018, 6, 13))
    assert fig(ex, "1000000", "Yuan").subject.name == "成都市市长质量奖"
    assert fig(ex, "500000", "Yuan").subject.name == "成都市市长质量奖提名奖"
    assert low(fig(ex, "16", "Jia"))  # both awards' winners: no one award's count
    assert not [o for o in ex.observations if o.value == 2]  # 两项大奖: how many the quoted list names


def test_applicants_counted_for_an_award():
    ex = read("2019年，共有10家组织参与义乌市政府质量奖角逐，最终甲光电有限公司获得“2019年度义乌市政府质量奖”。",
              date=dt.date(2020, 5, 14))
    o = fig(ex, "10", "Jia")
    assert o.subject.name == "义乌市政府质量奖" and o.measure == "参与组织" and not low(o)  # applicants, no winners


def test_winners_named_in_the_sentence_after_the_award_s_count_and_examples_before_zainei():
    ex = read("第二届成都市市长质量奖共有3家单位获奖，奖金100万元。获奖单位分别为：中国人民解放军第五七一九工厂、"
              "甲光通信有限公司、乙设备安装公司。另有包括丙机车车辆有限公司、丁电子有限责任公司在内的10家单位获提名奖。",
              date=dt.date(2018, 6, 13))
    listed = _listed(ex)
    assert {("中国人民解放军第五七一九工厂", "成都市市长质量奖"), ("乙设备安装公司", "成都市市长质量奖")} <= listed
    assert ("丙机车车辆有限公司", "成都市市长质量奖提名奖") in listed
    more = read("第二届成都市市长质量奖共有1家单位获奖。获奖单位分别为：甲光通信有限公司、乙设备安装公司。",
                date=dt.date(2018, 6, 13))
    assert ("甲光通信有限公司", "成都市市长质量奖") not in _listed(more)  # more names than the count: not read


def test_a_team_listed_with_its_organisation_wins_for_it():
    ex = read("省政府决定授予甲电池集团有限公司绿色质量管理攻坚团队、乙实业有限公司质量管理系统创新团队等2个团队"
              "“2017年浙江省人民政府质量奖贡献奖”。", date=dt.date(2018, 5, 4))
    winners = {r for r, p in _listed(ex) if p == "浙江省人民政府质量奖贡献奖"}
    assert not any(w.endswith("团队") for w in winners)


def test_a_person_after_an_organisation_and_a_post_before_a_verb_of_being_listed():
    ex = read("获奖个人仅有3人，其中，甲卡车股份有限公司高级技师张建国上榜。", date=DATE)
    assert any(p.person.name == "张建国" and p.role == "高级技师" and p.organization.name == "甲卡车股份有限公司"
               for p in ex.posts)


def test_a_series_of_honours_before_a_quantified_list_word():
    ex = read("张某某近年来先后荣获全国劳模、全国五一劳动奖章等多项荣誉称号。", date=DATE)
    names = {e.name for e in ex.entities if e.kind.is_programme}
    assert {"全国劳模", "全国五一劳动奖章"} <= names and not any("等多项" in n for n in names)


def test_zhici_dates_a_running_total_by_the_document():
    ex = read("至此湖北省境内累计已有140个项目获得国家优质工程奖。", date=dt.date(2021, 12, 10))
    assert fig(ex, "140").period == "2021-12-10"


def test_a_grant_s_later_part_with_the_verb_elided_and_a_grant_made_on_site():
    ex = read("市政府决定授予甲科技有限公司等1家企业“2024年度金华市人民政府质量奖”；乙医疗器械有限公司、"
              "浙江双圆建设管理有限公司等2家企业“2024年度金华市人民政府质量管理创新奖”。", date=dt.date(2025, 1, 26))
    assert {("乙医疗器械有限公司", "金华市人民政府质量管理创新奖"),
            ("浙江双圆建设管理有限公司", "金华市人民政府质量管理创新奖")} <= _listed(ex)
    assert fig(ex, "2", "Jia").subject.name == "金华市人民政府质量管理创新奖"
    site = read("近日，宣城市市场监管局负责人向安徽甲光电科技有限公司现场颁发了“2014年度市长质量奖”奖牌。", date=DATE)
    assert ("安徽甲光电科技有限公司", "宣城市市长质量奖") in _listed(site)


def test_prizes_per_winner_and_applicants_of_an_elided_award():
    ex = read("确定推荐甲非织造布有限公司、乙电力实业股份有限公司等两家企业申报市政府质量奖。湖州市政府质量奖是市政府设立的"
              "最高质量荣誉，获湖州市政府质量奖的企业或组织每家奖励30万元。", place="长兴县", date=dt.date(2012, 7, 1))
    assert fig(ex, "2", "Jia").subject.name == "湖州市政府质量奖"
    assert fig(ex, "300000", "Yuan").subject.name == "湖州市政府质量奖"
    short = read("莆田市设立了莆田市政府质量奖。市政府对本年度获得政府质量奖荣誉称号的企业一次性给予30万元奖励。",
                 place="莆田市", date=DATE)
    assert fig(short, "300000", "Yuan").subject.name == "莆田市政府质量奖"


def test_a_numbered_section_heading_with_a_count_and_one_winner_per_line():
    text = ("省人民政府决定授予中国船舶重工集团公司第七〇二研究所等2家组织和王某2020年江苏省省长质量奖，"
            "甲工具有限公司等2家组织和丁某某2020年江苏省省长质量奖提名奖。\n"
            "2020年江苏省省长质量奖获奖名单\n一、江苏省省长质量奖（共3个）\n中国船舶重工集团公司第七〇二研究所\n"
            "江苏乙药业有限公司\n王某（江苏丙机械有限公司董事长）\n二、江苏省省长质量奖提名奖（共3个）\n甲工具有限公司\n江苏丁毛纺股份有限公司\n")
    ex = read(text, date=dt.date(2020, 12, 30))
    listed = _listed(ex)
    assert {("中国船舶重工集团公司第七〇二研究所", "江苏省省长质量奖"), ("王某", "江苏省省长质量奖"),
            ("江苏丁毛纺股份有限公司", "江苏省省长质量奖提名奖")} <= listed
    assert ("中国船舶重工集团公司", "江苏省省长质量奖") not in listed  # one organisation, not two
    nominated = [o for o in ex.observations if o.subject and o.subject.name == "江苏省省长质量奖提名奖" and o.value == 2]
    assert nominated  # 甲等2家组织和某某…提名奖: the later part's count, the grant verb elided


def test_candidates_named_by_a_word_after_the_count():
    ex = read("在2020年度深圳市市长质量奖评选中，甲控股有限公司和乙精密科技有限公司2家单位获得“市长质量奖经济类金奖”拟奖资格。",
              date=dt.date(2021, 10, 18))
    assert low(fig(ex, "2", "Jia"))


def test_a_programme_and_a_meeting_written_with_their_place_elided():
    ex = read("1月15日，市质量协会年会暨质量工作会议在市政务服务中心召开，共约60人参会。会上，市工信局为5家获评市质量标杆企业授牌。",
              place="常州市", date=dt.date(2020, 1, 16))
    names = {e.name for e in ex.entities}
    assert "常州市质量协会年会暨质量工作会议" in names
    assert fig(ex, "5", "Jia").subject.name == "常州市质量标杆"


def test_applicants_and_the_selected_of_the_one_programme_a_sentence_names():
    ex = read("首届湖南名品发布大会举行。省市场监督管理局开展“湖南名品”引领行动和湖南名品评价工作，共707家企业主动申报，"
              "最终评选出73个质量过硬的名品。", place="湖南省", date=dt.date(2024, 5, 25))
    applied = fig(ex, "707")
    assert applied.subject.name == "湖南名品" and applied.measure == "申报企业"
    assert fig(ex, "73").subject.name == "湖南名品"
