"""Product-category lists holding a national food-sampling category whose name holds 、/和/及."""

from __future__ import annotations

from qgraph.model import Kind

from tests.extraction_helpers import fig, read


def _cats(text: str) -> set[str]:
    return {e.name for e in read(text, place="某市").entities if e.kind is Kind.PRODUCT_CATEGORY}


def test_lexicon_category_is_one_item():
    cats = _cats("市场监管局对粮食加工品、食用油、油脂及其制品、调味品等12大类食品开展监督抽检。")
    assert "食用油、油脂及其制品" in cats
    assert "食用油" not in cats and "油脂及其制品" not in cats
    assert {"粮食加工品", "调味品"} <= cats


def test_category_pass_rate_keeps_whole_name():
    ex = read("本次抽检覆盖粮食加工品、食用油、油脂及其制品、调味品3大类食品，其中食用油、油脂及其制品合格率为97.2%。",
              place="某市")
    o = fig(ex, "97.2")
    assert o.measure == "食用油、油脂及其制品合格率"
    assert o.subject is not None and o.subject.name == "食用油、油脂及其制品"


def test_respective_rates_after_counted_list():
    ex = read("粮食加工品、食用油、油脂及其制品等2大类食品抽检不合格率分别为1.2%、2.3%。", place="某市")
    assert fig(ex, "2.3").subject.name == "食用油、油脂及其制品"
    assert fig(ex, "1.2").subject.name == "粮食加工品"


def test_modifier_stripped_and_joined_pair_split():
    cats = _cats("市场监管局抽检较大的乳制品、食用农产品和食用油等5类食品。")
    assert {"乳制品", "食用农产品", "食用油"} <= cats
    assert not {c for c in cats if "较大" in c or "和" in c}


def test_lexicon_name_with_he_stays_whole():
    cats = _cats("市场监管局对饼干、薯类和膨化食品等2大类食品开展监督抽检。")
    assert "薯类和膨化食品" in cats and "膨化食品" not in cats


def test_ordinary_products_still_split():
    cats = _cats("市场监管局抽查电线电缆、儿童玩具、电动自行车等5类产品。")
    assert {"电线电缆", "儿童玩具", "电动自行车"} <= cats
    assert not {c for c in cats if "、" in c}


def test_modifier_stripped_from_rated_categories():
    ex = read("其中较大的乳制品、饮料抽检不合格率较高，分别为2.1%和1.5%。", place="某市")
    o = fig(ex, "2.1")
    assert o.subject.name == "乳制品" and o.measure == "乳制品不合格率"
    ex = read("主要是粮食加工品、调味品、肉制品等3大类食品抽检不合格率分别为1.1%、1.2%、1.3%。", place="某市")
    assert fig(ex, "1.1").subject.name == "粮食加工品"


def test_name_pointing_back_stays_whole():
    cats = _cats("市场监管局对饮料及其制品、糕点等2大类食品开展监督抽检。")
    assert "饮料及其制品" in cats and "其制品" not in cats


def test_a_joined_item_before_a_protected_category_keeps_the_rates_in_order() -> None:
    ex = read("消费量较大的乳制品、肉制品、食用农产品和食用油、油脂及其制品的抽检不合格率分别为0.4%、1.7%、3.2%、1.8%。",
              place="某省")
    rates = {str(o.value): o.subject.name for o in ex.observations if o.unit == "Percent" and o.subject is not None}
    assert rates == {"0.4": "乳制品", "1.7": "肉制品", "3.2": "食用农产品", "1.8": "食用油、油脂及其制品"}
