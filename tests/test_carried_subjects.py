"""Subjects carried too far across one long sentence (:mod:`qgraph.extract.carried_heads`), on our own
minimal sentences: a place that is one item of a list heads nothing, a clause opening with the
document's own words ends an earlier head, a group's size and a document's count are no figure of the place."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 9, 20)
LIST = "南昌市甲项目、九江市乙项目、赣州市丙项目等3个试点项目入选国家级名单，"


def _read(text: str, place: str) -> object:
    return read(text, place=place, date=DATE)


def _not_first_item(o) -> bool:
    return o.subject is not None and o.subject.name != "南昌市"


def test_a_clauses_after_a_list_of_places_are_not_the_first_places() -> None:
    ex = _read(LIST + "全省建成服务站点118个，培育攻关项目52个。", "江西省")
    o = fig(ex, "118")
    assert o.subject is not None and o.subject.name == "江西省"
    o = fig(ex, "52")  # no subject written: the province's, unsure — never 南昌市's
    assert _not_first_item(o) and low(o)


def test_b_a_list_count_is_not_the_first_listed_places() -> None:
    o = fig(_read(LIST + "建成服务站点118个。", "江西省"), "3")
    assert _not_first_item(o) and (low(o) or o.subject.kind.name != "PLACE")


def test_d_a_clause_of_the_documents_own_words_ends_an_earlier_topic() -> None:
    ex = _read("南宁市甲公司乙项目入选全国质量强链重点项目，全市新增绿色食品42个，获得有机产品认证证书1335张。", "南宁市")
    o = fig(ex, "42")
    assert o.subject is not None and o.subject.name == "南宁市"
    o = fig(ex, "1335")
    assert o.subject is not None and o.subject.name != "南宁市甲公司"


def test_a_place_heading_its_own_clauses_keeps_them() -> None:
    ex = _read("九江市建成站点12个，培育项目5个。", "江西省")
    for value in ("12", "5"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == "九江市" and not low(o)
    assert fig(ex, "5").measure == "项目"  # 项 opens the measure here: no classifier of a number before


def test_a_place_with_its_own_figures_in_a_list_keeps_them() -> None:
    ex = _read("九江市建成站点12个、培育企业5家，赣州市建成站点9个。", "江西省")
    assert fig(ex, "5").subject.name == "九江市" and fig(ex, "9").subject.name == "赣州市"


def test_c_the_size_of_a_group_the_place_is_one_of_is_not_its_count() -> None:
    o = fig(_read("我县被评为全省5个质量工作成效突出地方之一。", "隆安县"), "5")
    assert low(o)


def test_c_a_documents_own_count_is_not_the_places() -> None:
    o = fig(_read("党的二十大报告中16处提及质量。", "南宁市"), "16")
    assert low(o)


def test_c_a_count_of_the_place_before_zhiyi_elsewhere_stays() -> None:
    o = fig(_read("全县新增质量标杆企业6家，成为全省质量强县之一。", "隆安县"), "6")
    assert o.subject is not None and o.subject.name == "隆安县" and not low(o)


def test_d_a_programme_named_two_clauses_before_does_not_own_the_figure() -> None:
    ex = _read("全市3个项目入选全国质量强链重点项目，新建标准化基地6个，新增获证企业20家。", "南宁市")
    o = fig(ex, "20")
    assert o.subject is not None and (o.subject.kind.name == "PLACE" and low(o))


def test_d_a_programme_of_the_clause_right_before_keeps_its_count() -> None:
    o = fig(_read("全市3个项目入选全国质量强链重点项目，58家企业获得认证。", "南宁市"), "58")
    assert o.subject is not None and o.subject.name == "全国质量强链重点项目"
