"""An award written with its region elided to 自治区 in a region's own report (第三届自治区主席质量奖,
获自治区人民政府质量奖) is the region's award, named in full; elsewhere it is left as written."""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction
from qgraph.sources import split_sentences


def read(text: str, place: str | None = None) -> Extraction:
    return extract(Document("g", "g.txt", text, place=place, date=dt.date(2025, 6, 1),
                            sentences=split_sentences(text)))


def programmes(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.kind.is_programme}


def test_edition_award_of_the_region():
    ex = read("去年,自治区人民政府授予甲乙机械有限公司第二届自治区主席质量奖。", "广西壮族自治区")
    assert programmes(ex) == {"广西壮族自治区主席质量奖"}
    assert {(r.name, l.programme.name) for l in ex.listings for r in l.recipients} == {
        ("甲乙机械有限公司", "广西壮族自治区主席质量奖")}


def test_government_award_of_the_region():
    ex = read("截至今年底,全区共有12家组织获自治区人民政府质量奖。", "新疆维吾尔自治区")
    assert "新疆维吾尔自治区人民政府质量奖" in programmes(ex)
    assert "自治区人民政府质量奖" not in programmes(ex)


def test_not_a_region_report():
    ex = read("截至今年底,全市共有12家组织获自治区人民政府质量奖。", "南宁市")
    assert "广西壮族自治区人民政府质量奖" not in programmes(ex)


def test_region_level_is_no_place():
    ex = read("甲乙有限公司入选第三届自治区级质量标杆。", "广西壮族自治区")
    assert not any(n.startswith("广西壮族自治区级") for n in programmes(ex))


def test_award_in_a_decision_title():
    ex = read("依据《关于授予甲乙机械有限公司等企业第二届自治区主席质量奖的决定》,兑现奖励。", "广西壮族自治区")
    assert "自治区主席质量奖" not in programmes(ex)
