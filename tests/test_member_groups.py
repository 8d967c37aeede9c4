"""The member units of a leading group (:mod:`qgraph.extract.member_groups`), on our own sentences: the
count is the group's membership when the group is known, inferred when it is not; a count of departments
acting together, with no group's members, is left to the other rules."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 5, 1)


def _read(text: str):
    return read(text, place="南宁市", date=DATE)


def test_a_groups_member_units_are_its() -> None:
    o = fig(_read("南宁市质量强市工作领导小组成员单位增至37个。"), "37")
    assert o.subject is not None and o.subject.name == "南宁市质量强市工作领导小组" and o.measure == "成员单位", o
    assert low(fig(_read("全市成立质量工作领导小组，成员单位32个。"), "32"))


def test_departments_acting_together_are_no_membership() -> None:
    o = fig(_read("全市21个部门联合开展质量宣传，发放资料3000份。"), "21")
    assert o.subject is None or o.subject.kind.name != "GOVERNMENT_BODY", o
