"""Figures read with a false meaning, fixed at their cause, on our own minimal sentences: a count of winners
of two awards given to one of them, a firm's name read as the measure of its share, a relative year in a
report that gives no date of writing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 7, 20)


def test_winners_of_an_award_and_its_nomination_award_are_no_count_of_the_award() -> None:
    ex = read("甲公司获青禾市市长质量奖，乙公司获提名奖，全市共有3家企业获奖。", place="青禾市", date=DATE)
    o = fig(ex, "3")
    assert low(o), (o.subject, o.confidence)
    assert not [x for x in ex.listings if x.count == 3]


def test_winners_of_one_award_are_still_its_count() -> None:
    ex = read("甲公司、乙公司获青禾市市长质量奖，全市共有2家企业获奖。", place="青禾市", date=DATE)
    o = fig(ex, "2")
    assert not low(o) and o.subject is not None and o.subject.name == "青禾市市长质量奖", (o.subject, o.confidence)


def test_a_short_firm_name_before_a_share_is_no_measure() -> None:
    ex = read("全市主导制定标准12项，其中甲公司5项。", place="青禾市", date=DATE)
    o = fig(ex, "5")
    assert "公司" not in o.measure, o.measure
    assert low(o) or (o.subject is not None and o.subject.name == "甲公司"), (o.subject, o.confidence)
    ex = read("全市新增省级专精特新企业12家，其中甲公司5个。", place="青禾市", date=DATE)
    assert "公司" not in fig(ex, "5").measure


def test_a_kind_of_firm_before_a_share_stays_the_measure() -> None:
    ex = read("全市新增规上企业120家，其中上市公司5家。", place="赣州市", date=DATE)  # a place the lexicon knows
    o = fig(ex, "5")
    assert not low(o) and "上市公司" in o.measure + (o.subject.name if o.subject else ""), (o.measure, o.subject)


def test_this_year_heading_a_part_after_a_semicolon_is_not_the_year_heading_the_sentence() -> None:
    ex = read("2023年全市抽查产品860批次；今年以来，全市查处案件52件。", place="青禾市", date=DATE)
    assert fig(ex, "860").period == "2023"
    assert fig(ex, "52").period == "2024", fig(ex, "52").period


def test_a_part_after_a_semicolon_with_no_time_words_keeps_the_year_heading_the_sentence() -> None:
    ex = read("2023年全市抽查产品860批次；全市查处案件52件。", place="青禾市", date=DATE)
    assert fig(ex, "52").period == "2023", fig(ex, "52").period


def test_this_year_in_the_next_sentence_is_the_year_of_writing() -> None:
    ex = read("2023年全市抽查产品860批次。今年以来，全市查处案件52件。", place="青禾市", date=DATE)
    assert fig(ex, "52").period == "2024"
    ex = read("今年以来，全市查处案件52件。", place="青禾市", title="青禾市2024年上半年市场监管工作")
    assert fig(ex, "52").period is not None and fig(ex, "52").period.startswith("2024")


def test_an_adverb_written_with_a_numeral_is_no_score() -> None:
    ex = read("全年工作成果十分丰硕，全市新增企业20家，考核得分98分。", place="青禾市", date=DATE)
    assert not [o for o in ex.observations if o.value == Decimal(10)]
    assert fig(ex, "98").unit == "Fen" and fig(ex, "20")


def test_a_change_written_bi_zeng_is_no_figure() -> None:
    ex = read("全年兑现奖补资金2.3亿元，比增43.7%；合格率为96.5%。", place="青禾市", date=DATE)
    assert not [o for o in ex.observations if o.value == Decimal("43.7")]
    assert fig(ex, "96.5")


def test_a_preposition_or_verb_after_a_counted_noun_ends_the_measure() -> None:
    ex = read("根据某总局等21个部门关于开展质量月活动的通知，全市开展活动。", place="青禾市", date=DATE)
    assert fig(ex, "21").measure == "部门"
    ex = read("质量月期间，某局等12个部门还将举办系列活动。", place="青禾市", date=DATE)
    assert fig(ex, "12").measure == "部门"
    ex = read("全市共有4家银行签署合作协议。", place="青禾市", date=DATE)
    assert fig(ex, "4").measure == "银行"


def test_a_counted_noun_with_no_verb_after_it_stays_whole() -> None:
    ex = read("全市共有4家商业银行参加。", place="青禾市", date=DATE)
    assert "银行" in fig(ex, "4").measure


def test_a_round_figure_restated_exactly_is_read_once() -> None:
    ex = read("截至10月底，全市有效注册商标突破11万件，达113233件。", place="赣州市", date=DATE)
    # (a city the lexicon knows: 全市 is its own words — of a place it does not know, the report is the country's)
    assert not [o for o in ex.observations if o.value == Decimal(110000)]
    o = fig(ex, "113233")
    assert "注册商标" in o.measure and not low(o), (o.measure, o.confidence)


def test_a_round_headline_figure_restated_exactly_in_the_body_is_read_once() -> None:
    ex = read("青禾市有效注册商标超5000件\n截至6月底，全市有效注册商标达5012件。", place="青禾市", date=DATE)
    assert not [o for o in ex.observations if o.value == Decimal(5000)]
    assert fig(ex, "5012")


def test_a_round_figure_and_another_exact_figure_both_stand() -> None:
    ex = read("全市有效注册商标突破11万件，新增注册商标13000件。", place="青禾市", date=DATE)
    assert fig(ex, "110000") and fig(ex, "13000")
    ex = read("全市有效注册商标突破11万件，地理标志商标达113件。", place="青禾市", date=DATE)
    assert fig(ex, "110000") and fig(ex, "113")


def test_goals_listed_under_a_target_year_with_a_label_and_a_colon_are_targets() -> None:
    text = "到2025年，全市质量整体水平稳步提升。\n产品质量:制造业产品质量合格率达到95%以上。\n工程质量：工程抽检合格率达到97%。"
    ex = read(text, place="青禾市", date=DATE)
    for v in ("95", "97"):
        assert (fig(ex, v).breakdown, fig(ex, v).period) == ("目标", "2025"), (v, fig(ex, v).breakdown, fig(ex, v).period)


def test_two_checks_rates_under_a_target_year_stay_targets() -> None:
    text = "到2025年，全市质量整体水平进一步提高。\n——产品质量水平显著提升。食用农产品监测合格率、食品抽检合格率达到98%以上。"
    ex = read(text, place="青禾市", date=DATE)
    rates = [o for o in ex.observations if o.value == Decimal(98)]
    assert len(rates) == 2 and all(o.breakdown == "目标" for o in rates), [(o.measure, o.breakdown) for o in rates]


def test_words_said_after_a_target_year_are_no_goal() -> None:
    text = "到2025年，全市质量整体水平稳步提升。\n会议指出：全市抽查产品860批次，合格率96%。"
    ex = read(text, place="青禾市", date=DATE)
    assert fig(ex, "860").breakdown != "目标" and fig(ex, "96").breakdown != "目标"


def test_a_limit_written_after_the_number_is_no_count() -> None:
    ex = read("办法增设了提名奖，并将数量限制在3个以内；全市已有16家组织获奖。", place="青禾市", date=DATE)
    assert not [o for o in ex.observations if o.value == Decimal(3)]
    assert fig(ex, "16")


def test_how_often_an_award_is_given_is_no_count_of_years() -> None:
    ex = read("新办法将评选周期由每年评选一次改为两年评选一次，已举办3届，共有16家组织获奖。", place="青禾市", date=DATE)
    assert not [o for o in ex.observations if o.unit == "Nian"]
    ex = read("全市用两年时间建成服务站12个，有效期为3年。", place="青禾市", date=DATE)
    assert fig(ex, "12")


def test_quotas_in_an_article_of_rules_are_no_figures_of_the_award() -> None:
    text = ("第四条 青禾市市长质量奖为年度奖，包括大奖、提名奖两个等次，其中，青禾市市长质量奖大奖2名，青禾市市长质量奖提名奖3名。\n"
            "第五条 获奖组织由市政府给予表彰。")
    ex = read(text, place="青禾市", date=DATE)
    assert all(low(o) for o in ex.observations), [(o.value, o.measure, o.confidence) for o in ex.observations]


def test_the_same_quota_words_in_a_decision_stay_figures() -> None:
    # a place the lexicon knows, so that the award is read: outside an article of rules the counts are the
    # awards' (the nomination award's count, after another award's, may still be left inferred: not dropped)
    ex = read("市政府决定，授予甲公司等2家企业苏州市市长质量奖，乙公司等3家企业苏州市市长质量奖提名奖。",
              place="苏州市", date=DATE)
    two = fig(ex, "2")
    assert not low(two) and two.subject is not None and two.subject.name == "苏州市市长质量奖", two
    assert fig(ex, "3") is not None


def test_conditions_of_the_rules_are_no_counts() -> None:
    text = ("某奖每年评审1次，当年符合条件的组织未达到2个的，名额可以空缺。"
            "连续生产经营三年以上(含三年)的企业可以申报，获奖满5年的组织可再次申报。")
    ex = read(text, place="青禾市", date=DATE)
    assert not ex.observations, [(o.value, o.unit, o.measure) for o in ex.observations]


def test_counts_near_condition_words_stay_counts() -> None:
    ex = read("全年开展专项检查3次，帮扶企业25家，企业满意度达98%。", place="青禾市", date=DATE)
    assert fig(ex, "3") and fig(ex, "25") and fig(ex, "98")


def test_a_particle_after_the_verb_is_no_measure_and_each_count_keeps_its_noun() -> None:
    ex = read("在日用品领域，全年抽查了14种1630家企业生产的1712批次产品。", place="青禾市", date=DATE)
    assert fig(ex, "14").measure != "了" and fig(ex, "1630").measure == "企业", (fig(ex, "14").measure, fig(ex, "1630").measure)


def test_kinds_listed_before_the_measure_are_all_counted() -> None:
    ex = read("全年查处案件600件。其中，商标侵权、假冒专利案件41件。", place="青禾市", date=DATE)
    assert fig(ex, "41").measure == "商标侵权、假冒专利案件", fig(ex, "41").measure
    ex = read("全市抽查食品、药品、化妆品1200批次。", place="青禾市", date=DATE)
    assert "、" not in fig(ex, "1200").measure


def test_an_adverb_after_the_counted_noun_ends_it() -> None:
    ex = read("国际上有50多个国家和地区相继设立了质量奖。", place="青禾市", date=DATE)
    assert fig(ex, "50").measure == "国家和地区"


def test_a_counted_noun_ends_before_the_next_list_and_before_an_ordinal() -> None:
    ex = read("授予甲公司、乙公司等7个单位和丙医院张某等1名个人第六届青禾省省长质量奖。", place="青禾省", date=DATE)
    assert fig(ex, "7").measure == "单位" and fig(ex, "1").measure == "个人", (fig(ex, "7").measure, fig(ex, "1").measure)
    ex = read("全市有5家企业和机构参加座谈。", place="青禾市", date=DATE)
    assert "机构" in fig(ex, "5").measure


def test_an_adverb_of_manner_after_the_counted_noun_ends_it() -> None:
    ex = read("质量月期间，17台电子秤逐一检定，50份宣传材料更让村民明白质量的价值。", place="青禾县", date=DATE)
    assert (fig(ex, "17").measure, fig(ex, "50").measure) == ("电子秤", "宣传材料"), (fig(ex, "17").measure, fig(ex, "50").measure)


def test_sums_given_respectively_with_no_awards_named_together_are_no_one_awards_prize() -> None:
    ex = read("扬州市市长质量奖分组织奖和个人奖，分别奖励10万元和1万元。", place="扬州市", date=DATE)
    assert low(fig(ex, "100000")) and low(fig(ex, "10000"))


def test_a_prize_after_an_award_is_still_the_awards() -> None:
    ex = read("第二届扬州市市长质量奖共有6家单位获奖，奖金100万元。", place="扬州市", date=DATE)
    o = fig(ex, "1000000")
    assert o.subject is not None and o.subject.name == "扬州市市长质量奖" and not low(o)


def test_an_award_named_right_after_the_counted_noun_is_no_part_of_it() -> None:
    ex = read("市政府决定授予甲公司等5家单位扬州市市长质量奖，各奖励50万元。", place="扬州市", date=DATE)
    assert fig(ex, "5").measure == "单位", fig(ex, "5").measure
    ex = read("全市有5家省级质量标杆企业。", place="扬州市", date=DATE)
    assert "企业" in fig(ex, "5").measure


def test_how_many_parts_a_colon_opens_the_list_of_is_no_count_of_the_place() -> None:
    ex = read("2024年，全市将重点做好七个方面工作：以党建引领发展、以服务激发活力。", place="扬州市", date=DATE)
    assert low(fig(ex, "7"))
    ex = read("全市完成质量提升项目12个：甲项目、乙项目等。", place="扬州市", date=DATE)
    assert not low(fig(ex, "12"))


def test_the_indicator_before_a_change_or_a_per_head_phrase_is_the_measure() -> None:
    ex = read("全市产品质量合格率提升2.1个百分点至95.3%。", place="扬州市", date=DATE)
    assert fig(ex, "95.3").measure == "产品质量合格率", fig(ex, "95.3").measure
    assert not [o for o in ex.observations if o.value == Decimal("2.1")]
    ex = read("截至2024年底，全市有效发明专利拥有量达每万人口12.5件。", place="扬州市", date=DATE)
    assert fig(ex, "12.5").measure.startswith("每万人口") and "拥有量" in fig(ex, "12.5").measure
    ex = read("全市产品质量合格率达95.3%。", place="扬州市", date=DATE)
    assert fig(ex, "95.3").measure == "产品质量合格率"


def test_how_a_grading_is_divided_and_where_a_grade_starts_are_no_figures() -> None:
    ex = read("此次考核分A、B、C、D四个等级，90分以上为A级，青禾区得分95分。", place="扬州市", date=DATE)
    assert not [o for o in ex.observations if o.value in (4, 90)], [(o.value, o.measure) for o in ex.observations]
    assert fig(ex, "95")


def test_yi_shang_after_a_level_is_no_part_of_the_measure() -> None:
    ex = read("全市获评省级以上荣誉20项。", place="扬州市", date=DATE)
    assert fig(ex, "20").measure == "荣誉", fig(ex, "20").measure
    ex = read("全市规模以上工业企业达到1200家。", place="扬州市", date=DATE)
    assert "以上" in fig(ex, "1200").measure
