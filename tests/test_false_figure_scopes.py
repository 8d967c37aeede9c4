"""False figures refused by scope rules, on our own minimal sentences: a sum each winner is given is no sum
of the award as a whole."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, read

DATE = dt.date(2024, 5, 20)


def test_a_sum_each_winner_is_given_is_each_winners_share() -> None:
    ex = read("授予甲丙集团有限公司、乙丁电子有限公司等2家企业2023年度青禾市市长质量奖（组织），各给予30万元激励。"
              "授予王某明、李某海等2位个人2023年度青禾市市长质量奖（个人），各给予2万元激励。", place="青禾市", date=DATE)
    o = fig(ex, "300000")
    assert o.subject is not None and o.subject.name.startswith("青禾市市长质量奖") and o.breakdown == "每家", o
    o = fig(ex, "20000")
    assert o.breakdown == "每人", o


def test_a_sum_after_every_winner_word_names_its_own_share() -> None:
    ex = read("对获得青禾市市长质量奖的企业，每家奖励40万元。", place="青禾市", date=DATE)
    o = fig(ex, "400000")
    assert o.subject is not None and o.subject.name == "青禾市市长质量奖" and o.breakdown == "每家", o


def test_sums_paired_with_awards_in_order_are_no_shares() -> None:
    ex = read("对新获青禾市市长质量奖、青禾市质量管理奖的企业，分别给予30万元、10万元的奖励。", place="青禾市", date=DATE)
    assert fig(ex, "300000").breakdown is None
