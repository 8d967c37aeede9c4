"""Counts of a campaign, a grading or a check's listed category are not the place's statistics: one
regression test per mechanism, on our own minimal sentences."""

from __future__ import annotations

from tests.extraction_helpers import fig, low, read


# -- a campaign named in quotes (frames.campaign_frame) ------------------------------------------------

def test_quoted_campaign_owns_the_counts_of_what_it_did() -> None:
    ex = read("2023年，全县开展“质量护航”行动，累计帮扶企业30家，解决技术难题85个。", place="德清县")
    for value in ("30", "85"):
        o = fig(ex, value)
        assert o.subject is not None and "质量护航" in o.subject.name and not low(o)


def test_a_clause_after_the_campaign_that_reports_something_else_is_not_the_campaigns() -> None:
    ex = read("全县开展“质量护航”行动，帮扶企业30家，新增省级企业技术中心5家。", place="德清县")
    assert "质量护航" in fig(ex, "30").subject.name
    assert "质量护航" not in (fig(ex, "5").subject.name or "")


# -- gradings (gradings) --------------------------------------------------------------------------------

def test_graded_counts_belong_to_the_grading_named_before() -> None:
    ex = read("全县开展企业质量信用等级评价，共评定AAA级企业8家、AA级企业15家。", place="德清县")
    for value, measure in (("8", "AAA级企业"), ("15", "AA级企业")):
        o = fig(ex, value)
        assert o.subject.name == "企业质量信用等级评价" and o.measure == measure and not low(o)


def test_graded_counts_without_a_named_grading_are_inferred_not_the_places() -> None:
    ex = read("全区共评定A级企业12家，B级企业20家。", place="婺城区")
    assert low(fig(ex, "12")) and low(fig(ex, "20"))
    assert fig(ex, "12").measure == "A级企业"


def test_a_count_without_a_grade_is_left_to_the_other_rules() -> None:
    ex = read("全县新认定省级专精特新企业12家，现有4A级景区3家。", place="德清县")
    assert not low(fig(ex, "12")) and fig(ex, "12").subject.name == "德清县"
    assert not low(fig(ex, "3"))


# -- a check's listed category (category_checks) ---------------------------------------------------------

def test_a_listed_categorys_check_is_the_reports_check_with_the_category_as_breakdown() -> None:
    ex = read("2024年，区市场监管局组织开展儿童用品质量监督抽查，共抽查童车、玩具、童装3类产品50批次，合格率为90%。"
              "其中，童车抽查20批次，不合格3批次；玩具抽查18批次，合格率为94.4%。", place="婺城区")
    for value, part in (("20", "童车"), ("3", "童车"), ("18", "玩具"), ("94.4", "玩具")):
        o = fig(ex, value, "Pici" if value != "94.4" else "Percent")
        assert o.subject.name == "儿童用品质量监督抽查" and o.breakdown == part
    assert not any(e.name in ("童车抽查", "玩具抽查") for e in ex.entities)


def test_a_category_not_listed_before_keeps_its_own_check() -> None:
    ex = read("2024年，区市场监管局组织开展玩具产品质量监督抽查，共抽查40批次。其中，毛绒玩具抽查20批次。", place="婺城区")
    assert fig(ex, "20").breakdown is None


def test_failures_named_before_the_number_are_the_measure() -> None:
    ex = read("区市场监管局开展玩具抽查，共抽查40批次，合格36批次。对抽查不合格的4批次产品，已责令整改。", place="婺城区")
    assert fig(ex, "4").measure.startswith("不合格")


def test_eval_takes_the_category_as_breakdown_of_the_check_for_a_gold_subject_category() -> None:
    from qgraph.evaluate import _faults
    ex = read("2024年，区市场监管局组织开展儿童用品质量监督抽查，共抽查童车、玩具、童装3类产品50批次。"
              "其中，童车抽查20批次。", place="婺城区")
    o = fig(ex, "20")
    base = {"measure": "批次", "value": 20, "unit": "Pici", "period": "2024"}
    assert _faults(o, {**base, "subject": "童车"}) == []  # the category as the subject (one set's convention)
    assert _faults(o, {**base, "subject": "儿童用品质量监督抽查", "qualifier": "童车"}) == []  # as the qualifier
    assert _faults(o, {**base, "subject": "玩具"}) != []


# -- award counts (award_counts) -------------------------------------------------------------------------

def test_a_selected_awards_count_is_the_named_awards() -> None:
    ex = read("湖州市市长质量奖评审工作启动。今年共评选出湖州市市长质量奖获奖企业4家。", place="湖州市")
    o = fig(ex, "4")
    assert o.subject.name == "湖州市市长质量奖" and not low(o)


def test_an_award_named_short_or_a_nomination_award_is_inferred_not_the_places() -> None:
    ex = read("今年共评出区长质量奖3家、提名奖5家。", place="金华市")  # a city's report: which district's award?
    assert low(fig(ex, "3")) and low(fig(ex, "5"))


def test_an_award_named_short_in_a_districts_report_is_the_districts_award() -> None:
    ex = read("今年共评出区长质量奖3家、提名奖5家。", place="婺城区")
    assert fig(ex, "3").subject.name == "婺城区区长质量奖" and not low(fig(ex, "3"))
    assert fig(ex, "5").subject.name == "婺城区区长质量奖提名奖" and not low(fig(ex, "5"))


def test_an_award_named_short_is_the_documents_places_among_several_named_before() -> None:
    ex = read("湖州市市长质量奖与嘉兴市市长质量奖评审工作同步启动。今年共评选出4家市长质量奖获奖企业。", place="湖州市")
    assert fig(ex, "4").subject.name == "湖州市市长质量奖"  # the report's city's, not the award named last


def test_award_winners_the_place_holds_stay_the_places() -> None:
    ex = read("全市现有市长质量奖获奖组织17家。", place="湖州市")
    o = fig(ex, "17")
    assert o.subject.name == "湖州市" and not low(o)


def test_a_campaigns_help_to_firms_is_the_campaigns() -> None:
    ex = read("全区开展“提质强企”行动，走访企业60家，帮助企业解决质量问题120个。", place="婺城区")
    assert "提质强企" in fig(ex, "120").subject.name


def test_a_list_closed_by_deng_is_no_part_of_the_checks_name() -> None:
    ex = read("县市场监管局将组织开展电动自行车、燃气灶具等产品质量专项抽查，计划抽查60批次。", place="岳西县")
    assert fig(ex, "60").subject.name == "产品质量专项抽查"
    assert {"电动自行车", "燃气灶具"} <= {e.name for e in ex.entities if e.kind.name == "PRODUCT_CATEGORY"}
    ex = read("全县开展产品质量等级抽查，抽查50批次。", place="岳西县")
    assert fig(ex, "50").subject.name == "产品质量等级抽查"


def test_how_checks_are_done_names_no_check() -> None:
    ex = read("2024年，区市场监管局组织开展小家电产品质量监督抽查，共抽查72批次。局长邵建峰表示，"
              "2025年将扩大抽查覆盖面，计划抽查100批次。", place="婺城区")
    assert not any(e.name.endswith("扩大抽查") for e in ex.entities)
    o = fig(ex, "100")
    assert o.subject.name == "小家电产品质量监督抽查" and o.breakdown == "目标" and o.period == "2025"
