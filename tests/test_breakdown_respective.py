"""Breakdowns of figures listed with 分别: a list whose last two items are joined by 和 (甲、乙和丙), and
breakdown words written once for several heads (大、中、小型企业 / 中小型企业). One regression test per
mechanism, on our own minimal sentences."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from qgraph.extract import extract
from qgraph.model import Document, Extraction
from qgraph.sources import split_sentences


def read(text: str, place: str | None = "某市") -> Extraction:
    return extract(Document("q", "q.txt", text, place=place, date=dt.date(2025, 3, 1),
                            sentences=split_sentences(text)))


def parts(ex: Extraction) -> dict[Decimal, str | None]:
    return {o.value: o.breakdown for o in ex.observations if o.unit == "Percent"}


# -- the last item joined by 和 -------------------------------------------------------------------

def test_last_item_joined_by_he_takes_its_own_rate() -> None:
    ex = read("2024年，甲县开展农产品抽检，蔬菜、菌菇、禽肉和鲜蛋合格率分别为97.1%、96.2%、99.3%和94.4%。")
    assert parts(ex) == {Decimal("97.1"): "蔬菜", Decimal("96.2"): "菌菇",
                         Decimal("99.3"): "禽肉", Decimal("94.4"): "鲜蛋"}


def test_last_item_joined_by_he_before_de() -> None:
    ex = read("2024年，甲县开展农产品抽检，抽检的肉类中，猪肉、牛肉和羊肉的合格率分别为99.1%、98.2%和97.3%。")
    assert parts(ex) == {Decimal("99.1"): "猪肉", Decimal("98.2"): "牛肉", Decimal("97.3"): "羊肉"}


def test_joined_names_with_as_many_figures_stay_one_item() -> None:
    # three names, three figures: 禽肉和鲜蛋 is one item as written, not split into a fourth
    ex = read("2024年，甲县开展农产品抽检，蔬菜、菌菇、禽肉和鲜蛋合格率分别为97.1%、96.2%、99.3%。")
    assert parts(ex)[Decimal("99.3")] == "禽肉和鲜蛋"
    assert "鲜蛋" not in parts(ex).values()


def test_a_name_holding_jiqi_is_not_split() -> None:
    ex = read("2024年，甲县开展食品抽检，乳制品、饮料及其制品合格率分别为98.1%和97.2%。")
    assert "制品" not in parts(ex).values()


# -- one breakdown word for several heads ---------------------------------------------------------

def test_heads_listed_with_dun_share_the_size_word() -> None:
    ex = read("2024年，某市开展产品质量监督抽查，大、中、小型企业的产品抽样合格率分别为98.2%、93.1%、81.8%。")
    assert parts(ex) == {Decimal("98.2"): "大型企业", Decimal("93.1"): "中型企业", Decimal("81.8"): "小型企业"}


def test_heads_run_together_share_the_size_word() -> None:
    ex = read("2024年，某市开展产品质量监督抽查，中小型企业的不合格产品检出率分别为5.6%和14.4%。")
    assert parts(ex) == {Decimal("5.6"): "中型企业", Decimal("14.4"): "小型企业"}


def test_heads_run_together_with_too_few_figures_give_no_sizes() -> None:
    ex = read("2024年，某市开展产品质量监督抽查，大中小型企业的抽查合格率分别为98.2%和93.1%。")
    confident = {o.value: o.breakdown for o in ex.observations if o.confidence >= 0.5 and not o.subject_inferred}
    assert confident.get(Decimal("98.2")) != "大型企业" and confident.get(Decimal("93.1")) != "中型企业"


def test_field_heads_share_lingyu() -> None:
    ex = read("2024年，某市开展产品质量监督抽查，生产、流通领域的合格率分别为96.1%、93.2%。")
    assert parts(ex) == {Decimal("96.1"): "生产领域", Decimal("93.2"): "流通领域"}


# -- a field heading a spot-check sentence --------------------------------------------------------

def test_field_at_the_head_of_a_check_sentence_is_its_figures_breakdown() -> None:
    ex = read("2024年，某市开展产品质量监督抽查。在电子电器领域，抽查85批次，合格率为93.2%。"
              "在建筑材料行业中，抽查60批次，合格率为98.4%。")
    got = {o.value: o.breakdown for o in ex.observations}
    assert got[Decimal(85)] == "电子电器" and got[Decimal("93.2")] == "电子电器"
    assert got[Decimal(60)] == "建筑材料" and got[Decimal("98.4")] == "建筑材料"


def test_a_breakdown_word_field_keeps_its_own_label() -> None:
    ex = read("2024年，某市开展产品质量监督抽查。在生产领域，抽查120批次，合格率为96.1%。")
    assert {o.breakdown for o in ex.observations} == {"生产领域"}


def test_a_field_lead_gives_no_breakdown_to_figures_of_no_check() -> None:
    ex = read("2024年，在质量基础设施领域，某市新增计量标准12项。")
    assert all(o.breakdown != "质量基础设施" for o in ex.observations)


# -- kinds closed by 等 and a head noun -----------------------------------------------------------

def test_kinds_closed_by_deng_and_a_head_take_their_own_figures() -> None:
    ex = read("2024年，某市新增服务商标805件。其中广告推销（第35类）、餐饮住宿（第43类）、科学技术服务（第42类）"
              "等行业分别新增注册商标262件、132件、54件。")
    got = {o.value: (o.measure, o.breakdown) for o in ex.observations}
    assert got[Decimal(262)] == ("新增注册商标", "广告推销")
    assert got[Decimal(132)] == ("新增注册商标", "餐饮住宿")
    assert got[Decimal(54)] == ("新增注册商标", "科学技术服务")


def test_places_closed_by_dengdi_are_the_subjects() -> None:
    ex = read("2024年，兰州市城关区、七里河区等地分别新增注册商标262件、132件。", place="兰州市")
    got = {o.value: o.subject.name for o in ex.observations}
    assert got == {Decimal(262): "城关区", Decimal(132): "七里河区"}


def test_kinds_with_no_measure_after_fenbie_are_left_alone() -> None:
    ex = read("2024年，甲公司、乙公司等企业分别为262件、132件。")
    assert all(o.breakdown not in ("甲公司", "乙公司") for o in ex.observations)


# -- a check's tier written short before its own count ---------------------------------------------

def test_tier_abbreviations_before_counts_are_their_breakdowns() -> None:
    ex = read("2024年，甲县完成食品抽检1200批次，其中国抽120批次、省抽300批次、市抽780批次。")
    got = {o.value: o.breakdown for o in ex.observations}
    assert got == {Decimal(1200): None, Decimal(120): "国家级", Decimal(300): "省级", Decimal(780): "市级"}


def test_quansheng_choujian_is_no_provincial_tier() -> None:
    ex = read("2024年，全省抽检食品1200批次，本市抽查300批次。")
    assert all(o.breakdown not in ("省级", "市级") for o in ex.observations)


# -- areas a check is split by ---------------------------------------------------------------------

def test_areas_opening_check_clauses_are_parts_of_the_check() -> None:
    ex = read("2024年，甲县开展食品抽检1200批次，其中城区抽检700批次，合格率98.2%；农村抽检500批次，合格率96.1%。")
    got = {o.value: (o.subject.name, o.breakdown) for o in ex.observations}
    assert got[Decimal(700)] == got[Decimal("98.2")] == ("食品抽检", "城区")
    assert got[Decimal(500)] == got[Decimal("96.1")] == ("食品抽检", "农村")


def test_an_area_word_inside_a_name_is_no_area() -> None:
    ex = read("2024年，石家庄市开展产品质量监督抽查，藁城区抽查142批次。甲县农业农村局抽检农产品500批次。",
              place="石家庄市")
    assert all(o.breakdown not in ("城区", "农村") for o in ex.observations)


# -- categories named right after the check word ----------------------------------------------------

def test_categories_checked_before_their_rates_take_them() -> None:
    ex = read("2024年，某市开展产品质量监督抽查，抽查了电动自行车、电线电缆、儿童玩具3类产品，合格率分别为91.2%、94.6%、89.7%。")
    assert parts(ex) == {Decimal("91.2"): "电动自行车", Decimal("94.6"): "电线电缆", Decimal("89.7"): "儿童玩具"}


def test_categories_joined_by_he_and_counted_after_deng_take_their_rates() -> None:
    ex = read("2024年，某市开展产品质量监督抽查，共抽查电动自行车、电线电缆和儿童玩具等3类产品，"
              "合格率分别为91.2%、94.6%和89.7%。")
    assert parts(ex) == {Decimal("91.2"): "电动自行车", Decimal("94.6"): "电线电缆", Decimal("89.7"): "儿童玩具"}


def test_categories_checked_with_a_wrong_count_take_no_rates() -> None:
    ex = read("2024年，某市开展产品质量监督抽查，抽查了电动自行车、电线电缆、儿童玩具4类产品，合格率分别为91.2%、94.6%、89.7%。")
    assert set(parts(ex).values()) == {None}


def test_products_with_de_before_a_high_rate_keep_their_names() -> None:
    ex = read("2024年，某市开展产品质量监督抽查。从产品类别看，电动自行车、电线电缆的合格率较高，分别为98.2%、97.6%。")
    assert parts(ex) == {Decimal("98.2"): "电动自行车", Decimal("97.6"): "电线电缆"}
