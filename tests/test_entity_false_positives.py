"""Entity false positives: lists of offenders, bracket leftovers in names, generic phrases."""

from __future__ import annotations

from qgraph.model import Kind

from tests.extraction_helpers import read


def test_sanction_lists_are_no_honour():
    ex = read("对列入严重违法失信名单的企业实施联合惩戒，3家企业被列入经营异常名录，2家企业纳入黑名单。", place="某市")
    assert not [e for e in ex.entities if e.kind.is_programme]
    assert not ex.listings
    assert not [o for o in ex.observations if "入选" in o.measure]


def test_honour_list_still_read():
    ex = read("5家企业入选“好品某省”名单。", place="某市")
    assert [e.name for e in ex.entities if e.kind is Kind.HONOUR] == ["好品某省"]
    assert len(ex.listings) == 1


def test_blank_brackets_left_out_of_a_name():
    ex = read("某某有限公司荣获（）某县县长质量奖。", place="某市")
    honours = [e for e in ex.entities if e.kind is Kind.HONOUR]
    assert [e.name for e in honours] == ["某县县长质量奖"]
    assert honours[0].span.text == "某县县长质量奖"
    assert [x.programme.name for x in ex.listings] == ["某县县长质量奖"]


def test_generic_phrase_is_no_association():
    ex = read("加强与有关行业主管部门及行业协会的沟通协作。", place="某市")
    assert not [e for e in ex.entities if e.kind is Kind.ASSOCIATION]


def test_named_association_with_he_kept():
    ex = read("某省质量和品牌协会、某市食品行业协会参加会议。", place="某市")
    names = {e.name for e in ex.entities if e.kind is Kind.ASSOCIATION}
    assert {"某省质量和品牌协会", "某市食品行业协会"} <= names
