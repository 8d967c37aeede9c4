"""Winners' lists in the shapes award decisions and award news give them, on our own minimal sentences:
a list under a title line without a colon, numbered items no other rule names, people among the winners of a
grant, complete lists before their count, examples of a list named before the verb."""

from __future__ import annotations

import datetime as dt

from qgraph.model import Kind

from extraction_helpers import read

DATE = dt.date(2024, 3, 12)


def _listed(ex):
    return {(r.name, x.programme.name) for x in ex.listings for r in x.recipients}


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
    cut = read("决定授予甲机械股份有限公司、燕京某某(桂林某某)股份有限公司2家单位“某省主席质量奖”。", place="广西壮族自治区",
               date=DATE)
    assert ("燕京某某(桂林某某)股份有限公司", "某省主席质量奖") in _listed(cut)
    words = read("决定授予甲机械股份有限公司、有关部门2家单位“某省主席质量奖”。", date=DATE)
    assert {r for r, _ in _listed(words)} == {"甲机械股份有限公司"}  # 有关部门 ends like no firm or institution
