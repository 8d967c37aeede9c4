"""A count of kinds of one named category inside a check (:mod:`qgraph.extract.kind_counts`), on our own
sentences: ``12种日用消费品300批次`` is not vouched as the whole check's; the plain ``15种产品`` and the
check's own object (``食品抽检`` … ``15种食品``) stay."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 3, 1)


def test_the_kinds_of_a_named_category_and_its_batches_are_inferred() -> None:
    ex = read("2023年，南宁市开展产品质量监督抽查，全年抽查12种日用消费品300批次，合格290批次。",
              place="南宁市", date=DATE)
    assert low(fig(ex, "12")) and low(fig(ex, "300")) and low(fig(ex, "290"))
    ex = read("2023年，某区开展产品质量监督抽查。8种儿童用品共96批次，全部合格。", place="南宁市", date=DATE)
    for value in ("8", "96"):
        o = fig(ex, value)
        assert low(o) or o.subject is None or o.subject.kind.value != "ProductSpotCheck", o


def test_plain_products_and_the_checks_own_object_stay() -> None:
    ex = read("2023年，南宁市开展产品质量监督抽查，共抽查15种产品300批次。", place="南宁市", date=DATE)
    assert not low(fig(ex, "15")) and not low(fig(ex, "300"))
    ex = read("2023年，南宁市开展食品抽检，共抽检15种食品300批次。", place="南宁市", date=DATE)
    assert not low(fig(ex, "15")) and not low(fig(ex, "300"))


def test_the_classes_and_firms_making_a_named_category_are_inferred_too() -> None:
    ex = read("上半年，某省开展产品质量国家监督抽查，其中共抽查了20类300家企业生产的500种日用消费品。",
              place="南宁市", date=DATE)
    assert low(fig(ex, "20")) and low(fig(ex, "300")) and low(fig(ex, "500"))
    ex = read("上半年，某省开展产品质量监督抽查，共抽查了20类300家企业生产的500种产品。", place="南宁市", date=DATE)
    assert not low(fig(ex, "20")) and not low(fig(ex, "300")) and not low(fig(ex, "500"))


def test_a_value_shared_by_listed_rates_is_no_reading_of_its_own() -> None:
    ex = read("2023年，全省蔬菜合格率、水产品抽检合格率逐年提升，均稳定在97%以上。", place="山东省", date=DATE)
    o = fig(ex, "97")
    assert low(o) or not o.measure.startswith("均"), o
