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
