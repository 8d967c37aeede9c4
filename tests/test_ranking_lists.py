"""Rankings entered (入围…百强榜): the ranking as a programme, quoted marks as its entrants."""

from __future__ import annotations

from qgraph.model import Kind

from extraction_helpers import read


def links(ex) -> set[tuple[str, str]]:
    return {(r.name, x.programme.name) for x in ex.listings for r in x.recipients}


def test_a_ranking_entered_is_a_programme_with_its_glued_year() -> None:
    ex = read("“甲乙米”等9个地理标志品牌入围2022某某区域品牌价值百强榜，入围品牌总价值达100亿元。", place="常州市")
    assert ("甲乙米", "2022某某区域品牌价值百强榜") in links(ex)


def test_quoted_marks_written_one_after_another_enter_a_ranking() -> None:
    ex = read("甲乙米、丙丁茶等2个产品成功注册为国家地理标志证明商标。其中“甲乙米”“丙丁茶”在2024年再次入围某某区域品牌百强榜。",
              place="常州市")
    assert {("甲乙米", "某某区域品牌百强榜"), ("丙丁茶", "某某区域品牌百强榜")} <= links(ex)


def test_a_country_scope_before_regional_brand_is_no_brand() -> None:
    ex = read("甲乙米再次入围中国区域品牌百强榜。", place="常州市")
    assert not any(e.kind is Kind.BRAND and "入围" in e.name for e in ex.entities)


def test_top_of_a_ranking_is_no_ranking_entered() -> None:
    ex = read("甲乙公司入选某某榜样名单。", place="常州市")
    assert all(not x.programme.name.endswith("榜") for x in ex.listings)


def test_a_list_entered_by_its_title_is_no_policy() -> None:
    ex = read("甲乙米、丙丁茶等2个产品成功注册为国家地理标志证明商标。“丙丁茶”成功入选国家知识产权局发布的"
              "《“某某”地理标志品牌推广清单》。", place="常州市")
    assert ("丙丁茶", "某某地理标志品牌推广清单") in links(ex)
    assert not any(e.kind is Kind.POLICY for e in ex.entities)
    assert "某某" not in {e.name for e in ex.entities if e.kind is Kind.GEOGRAPHICAL_INDICATION}


def test_co_recipients_named_after_the_honour() -> None:
    ex = read("省局已正式下文，命名常州市为“某某示范城市”。同时命名的还有无锡市、苏州市，示范期为三年。", place="常州市")
    assert {("常州市", "某某示范城市"), ("无锡市", "某某示范城市"), ("苏州市", "某某示范城市")} <= links(ex)


def test_co_recipients_with_an_unknown_name_are_left_alone() -> None:
    ex = read("省局已正式下文，命名常州市为“某某示范城市”。同时命名的还有无锡市、某某单位，示范期为三年。", place="常州市")
    assert ("无锡市", "某某示范城市") not in links(ex)
