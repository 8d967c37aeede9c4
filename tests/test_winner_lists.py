"""Winners' lists in the shapes award decisions and award news give them, on our own minimal sentences:
a list under a title line without a colon, numbered items no other rule names, people among the winners of a
grant, complete lists before their count, examples of a list named before the verb."""

from __future__ import annotations

import datetime as dt

from qgraph.model import Kind

from extraction_helpers import fig, read, listed as _listed

DATE = dt.date(2024, 3, 12)


def test_list_under_a_title_line_without_a_colon():
    text = ("某省人民政府发布通报，授予甲新材料股份有限公司等3家企业2023年度“某省主席质量奖”。\n"
            "2023年度“某省主席质量奖”\n获奖企业名单\n甲新材料股份有限公司\n乙环保材料有限公司\n丙牧业有限责任公司\n"
            "评选工作由省市场监管局组织实施。")
    listed = _listed(read(text, date=DATE))
    assert {("乙环保材料有限公司", "某省主席质量奖"), ("丙牧业有限责任公司", "某省主席质量奖")} <= listed
    prose = ("2023年度“某省主席质量奖”在省会揭晓，获奖名单\n乙环保材料有限公司\n丙牧业有限责任公司")
    assert not _listed(read(prose, date=DATE))  # a sentence, not a title line: no list


def test_numbered_items_no_rule_names_are_read_by_their_ending():
    text = ("决定授予乙科技股份有限公司等3家组织“全国某质量奖”。\n一、全国某质量奖（3家）\n大中型企业\n"
            "1.中国某部第七七零一工厂\n2.乙科技股份有限公司\n医疗行业\n3.某省某某人民医院")
    ex = read(text, date=DATE)
    listed = _listed(ex)
    assert ("中国某部第七七零一工厂", "全国某质量奖") in listed and ("某省某某人民医院", "全国某质量奖") in listed
    kinds = {e.name: e.kind for e in ex.entities}
    assert kinds["中国某部第七七零一工厂"] is Kind.ENTERPRISE
    measures = "一、某市质量工作要点\n1.新建污水处理厂\n2.扩建检测中心"
    assert not _listed(read(measures, date=DATE))  # no item is a known organisation: no winners


def test_people_after_the_organisations_count_of_a_grant():
    ex = read("会议决定，授予甲电动汽车股份有限公司、乙实业有限公司等2个单位和某大学附属第二医院向大雄等1名个人"
              "第六届某省省长质量奖。", place="湖南省", date=DATE)
    listed = _listed(ex)
    assert {("甲电动汽车股份有限公司", "某省省长质量奖"), ("向大雄", "某省省长质量奖")} <= listed
    assert not any(r.startswith(("单位", "某大学")) for r, _ in listed)  # the employer is the person's, no winner
    elided = read("省政府决定授予丙农业股份有限公司等3家组织和丁山华2020年某省省长质量奖，"
                  "戊咨询设计研究院有限公司等9家组织和王民2020年某省省长质量奖提名奖。", place="湖南省", date=DATE)
    listed = _listed(elided)
    assert ("丁山华", "某省省长质量奖") in listed and ("王民", "某省省长质量奖提名奖") in listed
    assert ("王民", "某省省长质量奖") not in listed
    words = read("授予丙农业股份有限公司等3家组织和相关单位2020年某省省长质量奖。", place="湖南省", date=DATE)
    assert not any(e.kind is Kind.PERSON for e in words.entities)  # 相关单位 is no person


def test_counts_without_deng_close_a_grant_s_lists_of_organisations_and_people():
    ex = read("省政府决定授予甲机车车辆有限公司、乙油气田分公司天然气研究院、某市某某中心医院3个组织和某县博物馆郭汉中同志"
              "第二届某省天府质量奖提名奖。", place="四川省", date=DATE)
    listed = _listed(ex)
    assert {("乙油气田分公司天然气研究院", "某省天府质量奖提名奖"), ("郭汉中", "某省天府质量奖提名奖"),
            ("某市某某中心医院", "某省天府质量奖提名奖")} <= listed
    assert not any(r == "某县博物馆" for r, _ in listed)  # the person's institution, no winner
    three = fig(ex, "3", "Ge")
    assert three.subject.name == "某省天府质量奖提名奖"  # the organisations' count is the award's
    cut = read("决定授予甲机械股份有限公司、燕京某某(桂林某某)股份有限公司2家单位“某省主席质量奖”。", place="广西壮族自治区",
               date=DATE)
    assert ("燕京某某(桂林某某)股份有限公司", "某省主席质量奖") in _listed(cut)
    words = read("决定授予甲机械股份有限公司、有关部门2家单位“某省主席质量奖”。", date=DATE)
    assert {r for r, _ in _listed(words)} == {"甲机械股份有限公司"}  # 有关部门 ends like no firm or institution


def test_a_complete_list_before_its_count_wins_the_award_of_the_sentence_before():
    ex = read("首届三明市“政府质量奖”颁奖仪式在市会堂举行。甲环保股份有限公司、乙烟草工业有限责任公司、丙机械有限公司"
              "3家企业受到表彰，并获颁证书和奖金。", place="三明市", date=DATE)
    listed = {r for r, _ in _listed(ex)}
    assert listed == {"甲环保股份有限公司", "乙烟草工业有限责任公司", "丙机械有限公司"}
    short = read("首届三明市“政府质量奖”颁奖仪式在市会堂举行。甲环保股份有限公司、乙烟草工业有限责任公司"
                 "3家企业受到表彰。", place="三明市", date=DATE)
    assert not {r for r, _ in _listed(short)}  # two names for three: the list is not complete, no names


def test_examples_closed_by_deng_and_a_head_noun_without_a_count():
    ex = read("某部发布首批某某名品名单。在某某名品成长企业名单中，甲食品有限公司、乙科技股份有限公司等企业入选。", date=DATE)
    assert {("甲食品有限公司", "某某名品成长企业"), ("乙科技股份有限公司", "某某名品成长企业")} <= _listed(ex)
    quoted = read("在某某名品名单中，“甲香”、“乙铺子”等品牌入选。", date=DATE)
    assert ("乙铺子", "某某名品") in _listed(quoted)
    assert {e.kind for e in quoted.entities if e.name == "乙铺子"} == {Kind.BRAND}
    kinds = read("在某某名品成长企业名单中，食品、医药、纺织等企业入选。", date=DATE)
    assert not _listed(kinds)  # kinds of firms, no names


def test_a_notice_step_in_the_procedure_is_no_candidate_list():
    done = read("按照自愿申报、专家评审和公示公告的程序，经市政府常务会议研究同意，授予甲葡萄酒业有限公司"
                "第二届“某市市长质量管理奖”荣誉称号。", place="银川市", date=DATE)
    assert ("甲葡萄酒业有限公司", "某市市长质量管理奖") in _listed(done)
    pending = read("现将拟授予甲葡萄酒业有限公司第二届“某市市长质量管理奖”荣誉称号予以公示。", place="银川市", date=DATE)
    assert not _listed(pending)


def test_the_publisher_and_the_act_of_building_are_no_part_of_a_list_s_name():
    ex = read("甲火腿、乙天麻等6件地理标志产品列入国家知识产权局第一批某某运用促进重点联系指导名录。"
              "某县“丙腐乳”成功入选国家某某产品保护示范区建设名单。", place="云南省", date=DATE)
    progs = {e.name for e in ex.entities if e.kind.is_programme}
    assert "某某运用促进重点联系指导名录" in progs and "国家某某产品保护示范区" in progs
    assert not any(p.startswith("国家知识产权局") or p.endswith("建设") for p in progs)
    named = read("甲公司入选国家知识产权局专利导航服务基地。", date=DATE)
    assert not any(e.name == "专利导航服务基地" for e in named.entities)  # no batch or year after it: its own name


def test_a_grade_in_brackets_after_an_award_is_the_grade_s_programme():
    ex = read("活动现场宣读了《关于2024年度雅安质量奖(提名奖)获奖组织的通报》，雅安质量奖获奖企业代表甲药业有限公司发言。",
              place="雅安市", date=DATE)
    progs = {e.name for e in ex.entities if e.kind.is_programme}
    assert {"雅安质量奖", "雅安质量奖提名奖"} <= progs
    firm = read("会上表彰了甲药业有限公司（提名奖）等单位。", place="雅安市", date=DATE)
    assert not any(e.name.endswith("提名奖") for e in firm.entities if e.kind.is_programme)


def test_programmes_listed_after_the_verb_are_won_by_the_same_recipients():
    ex = read("全省质量标杆引领，甲科技股份有限公司获评江西省省长质量奖、江西省标准创新贡献奖。", place="江西省", date=DATE)
    assert {("甲科技股份有限公司", "江西省省长质量奖"), ("甲科技股份有限公司", "江西省标准创新贡献奖")} <= _listed(ex)
    two = read("甲科技股份有限公司获评江西省省长质量奖、乙电子有限公司获评江西省标准创新贡献奖。", place="江西省", date=DATE)
    assert ("甲科技股份有限公司", "江西省标准创新贡献奖") not in _listed(two)  # the second has its own winner


def test_a_place_before_a_quoted_title_and_an_award_in_brackets_after_it():
    ex = read("此外，甲生物科技有限公司荣获叶县“2017年度质量管理先进单位”。", place="平顶山市", date=DATE)
    assert ("甲生物科技有限公司", "叶县质量管理先进单位") in _listed(ex)
    aside = read("甲公司总经理王某某等10人荣膺2016年“中国某某质量人（全国某质量奖个人奖）”。", date=DATE)
    assert "中国某某质量人" in {e.name for e in aside.entities if e.kind.is_programme}
    word = read("甲生物科技有限公司荣获全县“质量管理先进单位”。", place="叶县", date=DATE)
    assert not any(e.name.startswith("全县") for e in word.entities if e.kind.is_programme)


def test_a_grand_prize_is_a_grade_of_its_award():
    ex = read("市长质量奖为年度奖，包括大奖、提名奖两个等次，其中，市长质量奖大奖2名，市长质量奖提名奖3名。",
              place="深圳市", date=DATE)
    assert "深圳市市长质量奖大奖" in {e.name for e in ex.entities if e.kind.is_programme}
    hall = read("市长质量奖颁奖大会在市民中心举行。", place="深圳市", date=DATE)
    assert not any(e.name.endswith("大奖") for e in hall.entities if e.kind.is_programme)


def test_a_quoted_project_opening_a_grant_s_winners():
    ex = read("决定授予甲科技股份有限公司等17家组织“全国某质量奖”；授予“8挡某变速器研发及产业化”等3个项目"
              "“全国某质量奖卓越项目奖”。", date=DATE)
    assert "全国某质量奖卓越项目奖" in {e.name for e in ex.entities if e.kind.is_programme}
    assert fig(ex, "3", "Ge").subject.name == "全国某质量奖卓越项目奖"
    assert not any(p == "全国某质量奖卓越项目奖" for _, p in _listed(ex))  # a project is no organisation


def test_a_chain_written_after_its_place_s_short_name_is_listed():
    ex = read("会议通报了质量强链工作情况，抚顺精细化工产业链成功入围全国质量强链百个重点项目。", place="抚顺市", date=DATE)
    assert ("精细化工产业链", "全国质量强链百个重点项目") in _listed(ex)
    counted = read("抚顺一产业链入围全国质量强链百个重点项目", place="抚顺市", date=DATE)
    assert not _listed(counted)  # one chain counted, none named
    topic = read("围绕新能源汽车产业链开展攻关，甲机械有限公司入选全国质量强链百个重点项目。", place="抚顺市", date=DATE)
    assert ("新能源汽车产业链", "全国质量强链百个重点项目") not in _listed(topic)


def test_titles_of_firms_after_a_verb_of_being_named():
    ex = read("甲机械有限公司、乙电子有限公司获评2023年度江苏省绿色工厂。丙科技有限公司被认定为2024年度浙江省企业标准领跑者。",
              date=DATE)
    listed = _listed(ex)
    assert {("乙电子有限公司", "江苏省绿色工厂"), ("丙科技有限公司", "浙江省企业标准领跑者")} <= listed
    assert not _listed(read("我市将培育一批企业标准领跑者。", place="常州市", date=DATE))  # no verb of being named
    assert not _listed(read("常州市荣获江苏省绿色工厂。", date=DATE))  # a firm's title is no place's


def test_a_team_or_its_result_wins_for_its_organisation_and_a_title_drops_its_word():
    ex = read("甲机械有限公司QC小组成果荣获2024年度江苏省质量管理小组活动成果一等奖。"
              "乙电子有限公司的QC小组荣获2024年度江苏省优秀质量管理小组称号。", date=DATE)
    listed = _listed(ex)
    assert {("甲机械有限公司", "江苏省质量管理小组活动成果一等奖"), ("乙电子有限公司", "江苏省优秀质量管理小组")} <= listed
    alone = read("全市QC小组成果荣获2024年度江苏省质量管理小组活动成果一等奖。", place="常州市", date=DATE)
    assert not _listed(alone)  # no organisation before the team
