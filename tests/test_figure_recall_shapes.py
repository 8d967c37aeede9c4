"""Figures of report shapes whose parts were missed or left incomplete (our own sentences): a value shared
by the parts of a check named again by a back reference (``上述3类产品…均为100%``)."""

from __future__ import annotations

from decimal import Decimal

from extraction_helpers import low, read

BULLETIN = ("2023年8月至9月，甲市市场监督管理局组织开展了电线电缆等5类产品市级监督抽查。"
            "5类产品抽查结果如下：电线电缆抽查10批次、钢丝绳抽查6批次、建筑用砂抽查8批次，"
            "上述3类产品批次合格率均为100%；水泥抽查12批次，合格11批次，批次合格率为91.7%。")


def _rates(text: str, value: str) -> list:
    return [o for o in read(text, place="甲市").observations if o.unit == "Percent" and o.value == Decimal(value)]


def test_a_back_referenced_shared_rate_is_each_parts() -> None:
    found = _rates(BULLETIN, "100")
    assert sorted(o.subject.name for o in found) == sorted(["电线电缆抽查", "钢丝绳抽查", "建筑用砂抽查"])
    assert all("合格率" in o.measure and not low(o) for o in found)


def test_the_back_references_count_is_no_figure() -> None:
    ex = read(BULLETIN, place="甲市")
    assert not [o for o in ex.observations if o.value == Decimal(3) and o.unit == "Lei"]


def test_a_count_that_does_not_agree_shares_nothing() -> None:
    text = BULLETIN.replace("上述3类产品", "上述4类产品")
    assert len(_rates(text, "100")) == 1
