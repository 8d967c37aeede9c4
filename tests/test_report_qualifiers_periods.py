"""Qualifiers and periods of report figures: a category sampled after the batch count, levels before a
count, carried periods. One regression test per mechanism, on our own minimal sentences."""

from __future__ import annotations

import datetime as dt

from tests.extraction_helpers import fig, low, read


# -- a category written after the check's batch count ------------------------------------------------

def test_category_after_the_batch_count_qualifies_its_part_of_the_check() -> None:
    ex = read("近日，某市市场监管局开展了产品质量监督抽查。其中，抽查12家生产企业的30批次电线电缆产品，2批次不合格；"
              "抽查6家生产企业的9批次插座产品，4批次不合格。", place="某市", date=dt.date(2024, 5, 1))
    for value, unit in (("12", "Jia"), ("30", "Pici"), ("2", "Pici")):
        assert fig(ex, value, unit).breakdown == "电线电缆"
    for value, unit in (("6", "Jia"), ("9", "Pici"), ("4", "Pici")):
        assert fig(ex, value, unit).breakdown == "插座"
        assert not low(fig(ex, value, unit))


def test_a_generic_word_before_products_is_no_category() -> None:
    ex = read("近日，某市开展了产品质量监督抽查，抽查35批次各类产品，3批次不合格。", date=dt.date(2024, 5, 1))
    assert fig(ex, "35", "Pici").breakdown is None
