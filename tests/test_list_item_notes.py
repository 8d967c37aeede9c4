"""Lists of winners and listed places in the shapes award news and 公示 notices write them, on our own minimal
sentences: a bracketed note after an item, a sub-award written short after its award, places listed under a
naming notice."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import read, listed as _listed

DATE = dt.date(2024, 3, 12)


def test_a_bracketed_note_after_an_item_keeps_the_list():
    ex = read("其中，甲新材料有限公司、乙环保科技有限公司（复评）、丙食品有限公司（复评）获得2023年“某省政府质量奖”。",
              place="河北省", date=DATE)
    listed = _listed(ex)
    assert {("甲新材料有限公司", "某省政府质量奖"), ("乙环保科技有限公司", "某省政府质量奖"),
            ("丙食品有限公司", "某省政府质量奖")} <= listed


def test_a_person_with_the_employer_in_brackets_before_the_count():
    ex = read("全国9个组织荣获某国质量奖、60个组织(个人)荣获某国质量奖提名奖。"
              "其中，甲电机有限公司、乙乳业有限公司、张大林(甲电机有限公司高级技师)等3个组织(个人)荣获提名奖。",
              place="黑龙江省", date=DATE)
    listed = _listed(ex)
    assert {("甲电机有限公司", "某国质量奖提名奖"), ("乙乳业有限公司", "某国质量奖提名奖"),
            ("张大林", "某国质量奖提名奖")} <= listed
    assert ("张大林", "某国质量奖") not in listed


def test_a_provincial_survey_institute_keeps_its_place_and_trade():
    ex = read("甲省建设勘察研究院有限公司、乙窗业有限公司获得2023年“某省政府质量奖”。", place="河北省", date=DATE)
    assert ("甲省建设勘察研究院有限公司", "某省政府质量奖") in _listed(ex) or \
        any(e.name.endswith("建设勘察研究院有限公司") and len(e.name) > 9 for e in ex.entities)
