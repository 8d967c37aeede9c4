"""Regression tests on our own minimal sentences: a figure's subject is an entity or a known category,
never a clause fragment; ratios, margins over a baseline and streaks are no counts of the subject."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 6, 1)


def _city(text: str):
    return read(text, place="青州市", date=DATE)


def _name(o) -> str | None:
    return o.subject.name if o.subject is not None else None


CHECK = ("青州市市场监管局发布消息，该局上半年共抽查88家企业生产的160批次产品，合格率为96.5%。"
         "其中，涂料共抽查12批次，合格率为91.7%，日用品（牙刷、毛巾）共抽查30批次，合格率为90%。")


def test_an_agent_and_time_words_before_a_check_word_are_no_part_of_its_name() -> None:
    ex = _city(CHECK)
    for value in ("88", "160", "96.5"):
        name = _name(fig(ex, value))
        assert name is not None and "局" not in name and "上半年" not in name, name


def test_a_category_checked_keeps_its_name_without_the_glue_word() -> None:
    ex = _city(CHECK)
    assert _name(fig(ex, "12")) == "涂料抽查"


def test_a_category_before_its_bracketed_items_is_not_given_the_previous_categorys_check() -> None:
    ex = _city(CHECK)
    o = fig(ex, "30")
    assert _name(o) == "日用品抽查" or low(o), (_name(o), o.confidence)


def test_the_units_of_a_ratio_are_no_counts() -> None:
    ex = _city("2023年，青州市新增市场主体2.5万户，新增注册商标1.8万件，平均每新增1个市场主体就新增1件注册商标。")
    assert not low(fig(ex, "25000"))
    for value, unit in (("1", "Ge"), ("1", "Jian")):
        assert low(fig(ex, value, unit))


def test_a_margin_over_a_bracketed_baseline_and_a_streak_are_no_figures() -> None:
    ex = _city("2023年，青州市制造业产品质量合格率为94.1%，较全省平均水平（93.6%）高出0.5个百分点，连续三年取得提升。")
    assert not low(fig(ex, "94.1"))
    assert not [o for o in ex.observations if o.unit in ("PercentagePoint", "Nian") and not low(o)]


def test_an_institute_heading_an_earlier_statement_does_not_own_a_count_after_a_new_one() -> None:
    ex = _city("2023年，中国某某研究院青州基地主体工程全面完成；此外，成功举办首届青州名品发布大会，发布青州名品73个。")
    o = fig(ex, "73")
    assert low(o) or (o.subject is not None and "研究院" not in o.subject.name), _name(o)


def test_an_organisation_goes_on_over_a_semicolon_without_a_new_statement() -> None:
    ex = _city("青州市计量所今年完成强制检定计量器具5.2万台；为陶瓷企业开展在线校准服务430余次。")
    assert _name(fig(ex, "430")) == "青州市计量所"


RATES = "产品质量上，青州市蔬菜质量抽检合格率为98.2%，出口茶叶、水果检验合格率100%，食品安全抽检合格率98.9%。"


def test_a_field_before_a_check_rate_is_no_product_category() -> None:
    o = fig(_city(RATES), "98.9")
    assert o.subject is not None and o.subject.name != "食品安全", _name(o)
    assert o.subject.kind.value != "ProductCategory"


def test_a_rate_of_listed_items_after_a_check_is_not_surely_the_checks() -> None:
    ex = _city(RATES)
    for o in ex.observations:
        if o.value == 100:
            assert low(o) or (o.subject is not None and "、" not in o.subject.name
                              and o.subject.name != "蔬菜质量抽检"), (_name(o), o.confidence)


def test_counts_under_a_quoted_action_launched_before_are_not_surely_the_places() -> None:
    ex = _city("2023年，青州市开展“百千万”质量提升行动，在全市推动1000家中小企业开展质量提升，培育10家质量提升标杆企业。")
    for o in (fig(ex, "1000"), fig(ex, "10")):  # unsure, or the campaign's targets (frames.campaign_goal_frame)
        assert low(o) or (o.subject.name, o.breakdown) == ("百千万质量提升行动", "目标")


CEREMONY = ("青禾县承办青州市“质量月”启动大会\n  9月5日，2023年青州市“质量月”启动大会在青禾县召开。\n"
            "  活动现场，青禾县县长王明致辞，随后为三家区长质量奖和四家市级诚信示范企业进行了颁奖。")


def test_winners_counted_by_their_award_at_a_ceremony_are_not_the_gatherings() -> None:
    ex = _city(CEREMONY)
    award = [o for o in ex.observations if o.value == 3 and o.span.start == ex.document.text.index("三家区长")]
    assert award and all(low(o) or (o.subject is not None and o.subject.kind.is_programme) for o in award), award


def test_a_meeting_still_honours_the_ones_it_counts() -> None:
    o = fig(_city("9月5日，青州市质量大会召开。大会为15个组织和个人颁奖。"), "15")
    assert _name(o) == "青州市质量大会" and not low(o)


def test_the_term_of_a_cultivation_list_is_no_count() -> None:
    ex = _city("2023年，青州市拟定“青州精品”三年培育名单。")
    assert not [o for o in ex.observations if o.unit == "Nian"]


def test_the_ones_counted_next_to_an_awards_winners_at_a_ceremony_are_unsure() -> None:
    ex = _city(CEREMONY)
    second = [o for o in ex.observations if o.value == 4 and o.span.start == ex.document.text.index("四家市级")]
    assert second and all(low(o) for o in second), second


def test_a_bracketed_alternative_splits_no_list_of_indicators() -> None:
    ex = read("全省96个县（市、区）城市绿地覆盖达标比例达到97.2%。", place="山东省", date=DATE)
    rates = [o for o in ex.observations if o.unit == "Percent"]
    assert len(rates) == 1 and rates[0].measure.endswith("达标比例") and "（" not in rates[0].measure, rates


def test_a_breakdown_and_a_glue_word_before_a_check_word_name_no_check_of_their_own() -> None:
    ex = _city("2023年，青州市开展各类产（商）品质量抽查工作。上半年在生产领域共抽检建材样品26组；流通领域共抽检肥料样品80组。")
    for value in ("26", "80"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == "产品质量抽查", (_name(o), o.breakdown)
        assert o.breakdown in ("生产领域", "流通领域")


def test_a_check_word_and_jianyan_after_it_name_one_check() -> None:
    ex = _city("2023年，青州市开展产品质量抽查检验工作，流通领域共抽检肥料样品80组。")
    assert _name(fig(ex, "80")) == "产品质量抽查检验"


def test_a_long_check_name_is_not_cut_inside_its_lead_verb() -> None:
    ex = _city("2023年，青州市开展城区大型商场超市散装熟食糕点食品称重计量专项监督抽查，共抽查61家摊位118个批次。")
    assert _name(fig(ex, "61")) == "城区大型商场超市散装熟食糕点食品称重计量专项监督抽查"


def test_a_code_of_digits_and_letters_stays_whole_in_a_checks_name() -> None:
    ex = _city("2019年，青州市3C产品抽查质量保持稳定，共抽查5种产品157批次。")
    assert _name(fig(ex, "157")) == "3C产品抽查"
