"""Rules that, on sentences they were not written for, stated false facts: each keeps to its own shape."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read


def test_a_word_qualifying_a_batch_count_is_no_category():
    ex = read("今年共完成产品质量监督抽查3200批次以上，合格率97.5%。", place="扬州市")
    assert fig(ex, "3200").breakdown is None
    assert fig(ex, "97.5").breakdown is None
    ex = read("今年共完成产品质量监督抽查320批次左右，合格率97.5%。", place="扬州市")
    assert fig(ex, "320").breakdown is None


def test_a_word_pointing_back_at_a_company_needs_one_company_named_alone():
    ex = read("甲科技有限公司等5家企业被评为市级知识产权示范企业。企业累计拥有有效发明专利320件。", place="扬州市")
    assert low(fig(ex, "320"))
    ex = read("甲科技有限公司荣获市长质量奖，乙电子有限公司获提名奖。该公司拥有有效发明专利86件。", place="扬州市")
    assert low(fig(ex, "86"))
    ex = read("甲科技有限公司荣获市长质量奖。该公司拥有有效发明专利86件。", place="扬州市")
    assert fig(ex, "86").subject.name == "甲科技有限公司"


def _posts(ex):
    orgs = {e.ref: e.name for e in ex.entities}
    return {(p.person.name, p.role, orgs.get(p.organization) if p.organization else None) for p in ex.posts}


def test_a_description_before_a_company_post_is_no_company():
    for text in ("会上，获奖企业董事长王强作交流发言。", "会上，民营企业董事长王强作交流发言。",
                 "会上，新任总经理王强作表态发言。", "会上，该企业董事长王强介绍经验。"):
        ex = read(text, place="扬州市")
        assert not any(e.kind.name == "ENTERPRISE" for e in ex.entities), text
        assert ("王强", "董事长" if "董事长" in text else "总经理", None) in _posts(ex), text


def test_the_next_person_keeps_posts_of_the_kind_of_the_organisation_before():
    ex = read("扬州市市场监管局局长李华，党委书记、董事长王强出席。", place="扬州市")
    assert not any(p[0] == "王强" and p[2] for p in _posts(ex)), _posts(ex)
    ex = read("扬州市市场监管局局长李华，副局长王强出席。", place="扬州市")
    assert ("王强", "副局长", "扬州市市场监督管理局") in _posts(ex)


def test_a_firm_of_a_list_is_no_measure_of_the_next():
    ex = read("不合格产品涉及甲科技有限公司2批次、乙电子有限公司1批次。", place="扬州市")
    assert all("有限公司" not in o.measure for o in ex.observations), [o.measure for o in ex.observations]
    assert low(fig(ex, "2"))  # whose 2 batches, the firm's or the city's, the rule cannot tell


def test_ranked_places_take_the_measure_their_values_name():
    ex = read("高新技术企业位居前三的分别是江都区、邗江区和仪征市，分别有规上工业企业320家、280家和150家。", place="扬州市")
    o = fig(ex, "320")
    assert (o.subject.name, o.measure) == ("江都区", "规上工业企业")
    ex = read("高新技术企业位居前三的分别是江都区、邗江区和仪征市，分别拥有320家、280家和150家。", place="扬州市")
    assert fig(ex, "280").measure == "高新技术企业"  # the ranked measure, when the values name none


def test_places_sharing_a_measure_by_share_are_no_stock():
    ex = read("江都区、邗江区有效注册商标分别占全市的23%、19%。", place="扬州市")
    o = fig(ex, "23")
    assert o.subject.name == "江都区" and "占全市" in o.measure, o.measure


def test_two_measures_changing_together_each_take_their_values():
    ex = read("全市市场主体和注册商标数量分别从2020年的30万户、5万件增长到2024年的45万户、8万件。", place="扬州市",
              date=dt.date(2025, 3, 1))
    got = {(int(o.value), o.measure, o.period) for o in ex.observations}
    assert got == {(300000, "市场主体数量", "2020"), (50000, "注册商标数量", "2020"),
                   (450000, "市场主体数量", "2024"), (80000, "注册商标数量", "2024")}, got
    ex = read("全市各类市场主体数量分别从2020年的30万户、5万件增长到2024年的45万户、8万件。", place="扬州市",
              date=dt.date(2025, 3, 1))
    assert all(low(o) for o in ex.observations)  # one measure for two kinds of value: which is which is not told
