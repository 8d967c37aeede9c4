"""The scorer's equivalent readings of one fact (README, "Extraction quality"): each accepted exactly, and
the near misses that lose or change a fact stay wrong. Invented figures."""

from __future__ import annotations

from decimal import Decimal

from qgraph.evaluate import _faults
from qgraph.lexicon import load_lexicon
from qgraph.model import Kind, Observation, Ref, Span


def obs(subject: Ref, measure: str, value: int | str, unit: str = "Jia", *, place: str | None = None,
        breakdown: str | None = None, period: str | None = "2024") -> Observation:
    text = f"{value}家"
    return Observation(measure=measure, value=Decimal(str(value)), unit=unit, span=Span(0, len(text), text),
                       subject=subject, place=place, breakdown=breakdown, period=period)


LEX = load_lexicon()
BRAND = Ref(Kind.HONOUR, "河北省名牌产品")
AWARD = Ref(Kind.HONOUR, "河北省人民政府质量奖")
CHECK = Ref(Kind.PRODUCT_SPOT_CHECK, "食品抽检")


def faults(o: Observation, g: dict) -> list[str]:
    return _faults(o, {"unit": o.unit, "value": int(o.value), "period": "2024", **g}, LEX)


# ---------------------------------------------------------------- the programme's or check's figure, the place its area

def test_place_count_with_the_programme_as_measure_is_the_programmes_figure_in_that_area() -> None:
    # 保定市现有省名牌产品40个 annotated as the city's stock, read as the list's count with the city as area
    assert faults(obs(BRAND, "名牌产品", 40, "Ge", place="保定市"), {"subject": "保定市", "measure": "省名牌产品"}) == []


def test_place_count_with_the_programme_as_qualifier_is_the_programmes_figure_in_that_area() -> None:
    assert faults(obs(AWARD, "组织", 6, place="保定市"),
                  {"subject": "保定市", "measure": "组织", "qualifier": "河北省人民政府质量奖"}) == []


def test_a_government_award_named_short_is_the_same_award() -> None:
    # 获省政府质量奖6家: 省政府 is the province's 人民政府
    assert faults(obs(AWARD, "组织", 6, place="保定市"), {"subject": "保定市", "measure": "省政府质量奖"}) == []


def test_place_figure_of_a_check_with_the_check_in_the_measure_is_the_checks_figure_in_that_area() -> None:
    # 全市食品抽检合格率98.5%
    assert faults(obs(CHECK, "合格率", "98.5", "Percent", place="沧州市"),
                  {"subject": "沧州市", "measure": "食品抽检合格率"}) == []


def test_place_figure_of_a_check_the_text_does_not_name_is_the_unnamed_checks_figure_in_that_area() -> None:
    # 该局上半年共抽查80家企业 annotated as the city's 80 firms, read as the unnamed check's with the city as area
    unnamed = Ref(Kind.PRODUCT_SPOT_CHECK, "产品质量监督抽查")
    assert faults(obs(unnamed, "企业", 80, place="沧州市"), {"subject": "沧州市", "measure": "企业"}) == []
    assert faults(obs(unnamed, "企业", 80, place="唐山市"), {"subject": "沧州市", "measure": "企业"}) \
        == ["wrong subject (产品质量监督抽查)"]  # another place's check
    assert faults(obs(CHECK, "批次", 80, "Pici", place="沧州市"), {"subject": "沧州市", "measure": "批次"}) \
        == ["wrong subject (食品抽检)"]  # a check the text names: the gold must name it


def test_no_area_reading_when_the_area_is_not_written() -> None:
    # a zone the lexicon does not know gets no refArea in the graph: the reading is not there
    assert faults(obs(BRAND, "名牌产品", 40, "Ge", place="某某开发区"),
                  {"subject": "某某开发区", "measure": "省名牌产品"}) == ["wrong subject (河北省名牌产品)"]


def test_no_area_reading_for_another_place() -> None:
    assert faults(obs(BRAND, "名牌产品", 40, "Ge", place="唐山市"), {"subject": "保定市", "measure": "省名牌产品"}) \
        == ["wrong subject (河北省名牌产品)"]


def test_a_generic_head_names_no_programme() -> None:
    listing = Ref(Kind.HONOUR, "中国500最具价值品牌")
    assert faults(obs(listing, "品牌", 45, "Ge", place="河北省"), {"subject": "河北省", "measure": "品牌"}) \
        == ["wrong subject (中国500最具价值品牌)"]


def test_another_programme_stays_wrong() -> None:
    nomination = Ref(Kind.HONOUR, "河北省人民政府质量奖提名奖")
    assert "wrong subject (河北省人民政府质量奖提名奖)" in faults(
        obs(nomination, "组织", 3, place="保定市"), {"subject": "保定市", "measure": "组织", "qualifier": "河北省人民政府质量奖"})
    marks = Ref(Kind.HONOUR, "中国驰名商标")
    assert faults(obs(marks, "商标", 12, "Jian", place="保定市"), {"subject": "保定市", "measure": "地理标志商标"}) \
        == ["wrong measure (商标)", "wrong subject (中国驰名商标)"]


def test_a_place_figure_without_the_check_is_not_the_checks() -> None:
    # the gold 沧州市 合格率 does not say which check: the check's figure does not read it
    assert faults(obs(CHECK, "合格率", "98.5", "Percent", place="沧州市"), {"subject": "沧州市", "measure": "合格率"}) \
        == ["wrong subject (食品抽检)"]


def test_a_programme_named_in_the_measure_does_not_stand_for_another_qualifier() -> None:
    assert faults(obs(BRAND, "名牌产品", 40, "Ge", place="保定市"),
                  {"subject": "保定市", "measure": "省名牌产品", "qualifier": "目标"}) == ["wrong qualifier (None)"]


# ---------------------------------------------------------------- the qualifier spelled into the subject or measure

def test_a_grade_spelled_into_the_awards_name_is_the_qualifier() -> None:
    silver = Ref(Kind.HONOUR, "河北省省长质量奖银奖")
    assert faults(obs(silver, "企业", 5), {"subject": "河北省省长质量奖", "measure": "企业", "qualifier": "银奖"}) == []
    assert faults(obs(silver, "企业", 5), {"subject": "河北省省长质量奖", "measure": "企业", "qualifier": "金奖"}) \
        == ["wrong qualifier (None)"]


def test_a_qualifier_spelled_into_the_measure_is_the_qualifier() -> None:
    assert faults(obs(CHECK, "每千人抽检量", "4.2", "Pici"), {"subject": "食品抽检", "measure": "抽检量", "qualifier": "每千人"}) == []


def test_a_count_as_of_a_date_is_the_running_total() -> None:
    dated = obs(AWARD, "组织", 9, period="2024-12-31")
    assert _faults(dated, {"subject": "河北省人民政府质量奖", "measure": "组织", "value": 9, "unit": "Jia",
                           "period": "2024-12-31", "qualifier": "累计"}, LEX) == []
    yearly = obs(AWARD, "组织", 9)
    assert faults(yearly, {"subject": "河北省人民政府质量奖", "measure": "组织", "qualifier": "累计"}) \
        == ["wrong qualifier (None)"]


def test_candidates_written_with_the_stage_word_are_the_candidates_breakdown() -> None:
    # 拟授予甲、乙等2家企业某奖 annotated with qualifier 拟授予 (or 公示), read with the breakdown 候选
    for word in ("拟授予", "公示", "候选"):
        assert faults(obs(AWARD, "企业", 2, breakdown="候选"), {"subject": "河北省人民政府质量奖", "measure": "企业",
                                                              "qualifier": word}) == []
    assert faults(obs(AWARD, "企业", 2), {"subject": "河北省人民政府质量奖", "measure": "企业", "qualifier": "拟授予"}) \
        == ["wrong qualifier (None)"]  # read as winners: still wrong


def test_a_categorys_rate_in_the_place_is_the_places_rate_of_that_category() -> None:
    # 某市公路工程抽检合格率93% annotated as the city's 公路工程抽检合格率, read as the category's rate in the city
    road = Ref(Kind.PRODUCT_CATEGORY, "公路工程")
    assert faults(obs(road, "公路工程抽检合格率", 93, "Percent", place="沧州市"),
                  {"subject": "沧州市", "measure": "公路工程抽检合格率"}) == []
    assert faults(obs(road, "公路工程抽检合格率", 93, "Percent", place="唐山市"),
                  {"subject": "沧州市", "measure": "公路工程抽检合格率"}) == ["wrong subject (公路工程)"]


# ---------------------------------------------------------------- a check named short

def test_a_check_named_by_the_core_of_its_gold_name_is_the_same_check() -> None:
    # 某市开展“你点我检”食品专项抽检活动…抽检10类: the check read as 食品专项抽检
    short = Ref(Kind.PRODUCT_SPOT_CHECK, "食品专项抽检")
    assert faults(obs(short, "类", 10, "Lei"), {"subject": "“你点我检”食品专项抽检活动", "measure": "类"}) == []


def test_a_check_named_by_a_word_outside_the_gold_name_or_too_short_stays_wrong() -> None:
    assert faults(obs(Ref(Kind.PRODUCT_SPOT_CHECK, "实际抽查"), "批次", 10, "PiCi"),
                  {"subject": "省级监督抽查", "measure": "批次"}) == ["wrong subject (实际抽查)"]
    assert faults(obs(Ref(Kind.PRODUCT_SPOT_CHECK, "抽查"), "批次", 10, "PiCi"),
                  {"subject": "省级监督抽查", "measure": "批次"}) == ["wrong subject (抽查)"]
    assert faults(obs(BRAND, "名牌产品", 10, "Ge"), {"subject": "2024年河北省名牌产品评价", "measure": "名牌产品"}) != []


def test_a_check_given_the_default_name_is_not_taken_for_a_named_one() -> None:
    # a check the text does not name gets 产品质量监督抽查: no reading of the gold's named check
    unnamed = Ref(Kind.PRODUCT_SPOT_CHECK, "产品质量监督抽查")
    assert faults(obs(unnamed, "批次", 10, "PiCi"), {"subject": "某省第二季度产品质量监督抽查", "measure": "批次"}) \
        == ["wrong subject (产品质量监督抽查)"]
