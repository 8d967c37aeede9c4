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


def test_a_word_pointing_back_at_a_company_needs_one_company_named_alone():
    ex = read("甲科技有限公司等5家企业被评为市级知识产权示范企业。企业累计拥有有效发明专利320件。", place="扬州市")
    assert low(fig(ex, "320"))
    ex = read("甲科技有限公司荣获市长质量奖，乙电子有限公司获提名奖。该公司拥有有效发明专利86件。", place="扬州市")
    assert low(fig(ex, "86"))
    ex = read("甲科技有限公司荣获市长质量奖。该公司拥有有效发明专利86件。", place="扬州市")
    assert fig(ex, "86").subject.name == "甲科技有限公司"
