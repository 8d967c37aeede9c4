"""How far a check reaches (:mod:`qgraph.extract.check_reach`), on our own sentences: a check named in
an earlier clause does not own a clause of firms entering a list or applying for an honour; the check's
own clauses stay its."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 2, 1)


def _read(text: str):
    return read(text, place="南宁市", date=DATE)


def test_a_list_or_an_application_after_a_checks_rate_is_not_the_checks() -> None:
    ex = _read("2023年，全市产品质量监督抽查合格率97.5%，4家企业申报全国质量标杆，10家企业21个产品入列某省推荐目录。")
    assert fig(ex, "97.5").subject.name == "产品质量监督抽查"
    ctx_lists = {"全国质量标杆", "某省推荐目录"}
    for value in ("4", "10", "21"):
        o = fig(ex, value)
        assert o.subject is None or o.subject.name != "产品质量监督抽查", o
        # whose it is the text does not vouch for — unless it is the list the clause applies for or enters
        # (subject_owners: 4家企业申报全国质量标杆 is that programme's count of applicants)
        assert low(o) or (o.subject is not None and o.subject.name in ctx_lists), o


def test_a_checks_own_clauses_stay_its() -> None:
    ex = _read("本次产品质量监督抽查合格率97.5%，抽查企业40家，不合格产品3批次。")
    for value in ("40", "3"):
        assert fig(ex, value).subject.name == "产品质量监督抽查"
    o = fig(_read("本次产品质量监督抽查合格率97.5%，抽查入选某名录的企业12家。"), "12")
    assert o.subject.name == "产品质量监督抽查"  # the clause names the check: its own
