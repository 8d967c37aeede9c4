"""One regression test per mechanism that gives a figure its own subject, qualifier, level, measure or
period where the text states it — on our own minimal sentences, each with a negative case."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read
from qgraph.model import Kind, Level

DATE = dt.date(2024, 9, 20)


def _read(text: str, place: str = "潍坊市", title: str | None = None):
    return read(text, place=place, date=DATE, title=title)


# measure_words: a lead word of holding or aiming is cut; a one-character level is read out


def test_a_level_written_inside_the_measure_is_the_figures_level() -> None:
    ex = _read("全市现有省名牌产品16个、市名牌产品16个。")
    assert {(o.measure, o.level) for o in ex.observations} == {("名牌产品", Level.PROVINCIAL), ("名牌产品", Level.MUNICIPAL)}


def test_a_lead_verb_is_no_part_of_the_measure_and_the_level_behind_it_is_read() -> None:
    o = fig(_read("到2025年，全市力争省级质量标杆企业达到30个。"), "30")
    assert (o.measure, o.level) == ("质量标杆企业", Level.PROVINCIAL)


def test_a_level_character_before_another_word_stays_in_the_measure() -> None:
    ex = _read("全市县域经济企业1200家，省长质量奖企业5家。")
    assert (fig(ex, "1200").measure, fig(ex, "1200").level) == ("县域经济企业", None)
    assert (fig(ex, "5").measure, fig(ex, "5").level) == ("省长质量奖企业", None)


def test_a_level_is_not_carried_past_a_comma_to_another_kind_of_count() -> None:
    ex = _read("截至去年底，全市共有省级企业技术中心87家，高新技术企业920余家。")
    assert fig(ex, "87").level is Level.PROVINCIAL
    assert fig(ex, "920").level is None


# frames: a campaign, an event or a plan named as the scope of the counts after it


def test_a_campaigns_doings_are_the_campaigns() -> None:
    ex = _read("今年以来，市市场监管局开展品牌提升行动，走访企业160余家，举办培训班12次，新增地理标志商标4件。")
    for value in ("160", "12"):
        o = fig(ex, value)
        assert o.subject is not None and (o.subject.kind, o.subject.name) == (Kind.EVENT, "品牌提升行动") and not low(o)
    assert fig(ex, "4").subject.kind is Kind.PLACE  # 新增… opens another clause: no longer the campaign's


def test_a_campaign_does_not_own_a_clause_of_another_verb() -> None:
    o = fig(_read("开展质量提升行动，全年召开质量工作联席会议三次。"), "3")
    assert o.subject is None or o.subject.kind is not Kind.EVENT


def test_counts_during_an_event_are_the_events() -> None:
    o = fig(_read("质量月期间，全市共开展质量宣传活动56场。"), "56")
    assert o.subject is not None and (o.subject.kind, o.subject.name) == (Kind.EVENT, "质量月") and not low(o)


def test_a_place_named_after_the_event_frame_keeps_its_figure() -> None:
    o = fig(_read("质量月期间，寿光市开展质量宣传活动12场。"), "12")
    assert o.subject is not None and o.subject.name == "寿光市"


def test_the_parts_of_a_plan_are_the_plans_not_targets_of_the_place() -> None:
    ex = _read("近日，市政府印发《潍坊市质量强市建设实施方案》。《实施方案》提出9个方面32项具体措施。")
    for value in ("9", "32"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.kind is Kind.POLICY and o.breakdown != "目标"


def test_the_parts_of_a_plan_the_rules_cannot_name_are_not_vouched_for() -> None:
    o = fig(_read("《实施方案》提出9个方面32项具体措施。"), "32")
    assert low(o) and o.breakdown != "目标"


def test_a_target_stated_by_a_plan_stays_the_places() -> None:
    ex = _read("近日，市政府印发《潍坊市质量强市建设实施方案》。《实施方案》提出到2026年全市质量标杆企业达到30家。")
    o = fig(ex, "30")
    assert o.subject is not None and o.subject.kind is Kind.PLACE and o.period == "2026"


# list_frame: a list's selection, its applicants and its sections


def test_a_lists_selection_and_sections_are_the_lists() -> None:
    ex = _read("首届“青州名品”共评出名品30个，其中工业品18个、农产品12个。")
    whole, parts = fig(ex, "30"), (fig(ex, "18"), fig(ex, "12"))
    assert whole.subject is not None and whole.subject.name == "青州名品" and whole.measure == "名品" and not low(whole)
    assert [(o.subject.name, o.measure, o.breakdown) for o in parts] == [("青州名品", "名品", "工业品"), ("青州名品", "名品", "农产品")]


def test_a_list_announced_in_the_sentence_before_owns_its_applicants_and_items() -> None:
    ex = _read("某市公布首批“青山名品”名单。经专家评审，从136个申报品牌中遴选出10个品牌，其中企业品牌7个、区域品牌3个。")
    assert fig(ex, "136").subject.name == "青山名品" and fig(ex, "136").measure == "申报品牌"
    assert fig(ex, "10").subject.name == "青山名品"
    assert fig(ex, "7").breakdown == "企业品牌" and fig(ex, "7").subject.name == "青山名品"


def test_a_list_does_not_own_the_next_sentences_counts() -> None:
    ex = _read("首届“青州名品”共评出名品30个。全市新增市场主体1200户。")
    o = fig(ex, "1200")
    assert o.subject is not None and o.subject.kind is Kind.PLACE


# bureaus: a bureau's own share, a bureau of another place, the bureau out of the measure


def test_a_bureaus_own_share_of_the_checks_is_the_bureaus() -> None:
    ex = _read("市市场监管局完成的4068批次抽检中，不合格样品82批次。")
    o = fig(ex, "4068")
    assert o.subject is not None and o.subject.kind is Kind.DEPARTMENT and o.measure == "批次" and not low(o)
    # a count inside the share is the bureau's too: what an organisation tests is the organisation's
    # (tests/test_real_articles_second.py::test_parts_of_a_check_by_what_or_who_completed_them)
    part = fig(ex, "82")
    assert part.subject == o.subject and part.breakdown is None


def test_a_check_by_a_bureau_of_another_place_is_counted_at_that_place() -> None:
    ex = _read("山东省烟台市蓬莱区市场监管局抽检食品210批次，合格率98.1%。")
    o = fig(ex, "210")
    assert o.measure == "批次" and [c.name for c in o.categories] == ["食品"]
    assert o.place == fig(ex, "98.1").place == "蓬莱区"
    assert o.subject is not None and o.subject.name != "潍坊市"


def test_a_place_named_after_the_bureau_keeps_its_own_figure() -> None:
    ex = _read("2024年，蓬莱区市场监督管理局共抽检食品210批次，寿光市抽检120批次。")
    assert fig(ex, "120").subject.name == "寿光市"


def test_the_documents_own_bureau_leaves_the_check_its_figures() -> None:
    ex = _read("市市场监管局抽检食品210批次，合格率98.1%。")
    o = fig(ex, "210")
    assert o.subject is not None and o.subject.kind is Kind.PRODUCT_SPOT_CHECK and o.measure == "批次"
    assert o.place == "潍坊市"


# periods: a plan's target year after a lead-in governs every clause; measure words that are no measure


def test_a_target_year_after_a_plans_lead_in_governs_every_clause() -> None:
    ex = _read("《实施方案》提出，到2025年，全市力争省级质量标杆企业达到30个，培育省长质量奖企业5家；"
               "制造业产品质量合格率稳定在95%以上。")
    assert [fig(ex, v).period for v in ("30", "5", "95")] == ["2025", "2025", "2025"]
    assert fig(ex, "95").measure == "制造业产品质量合格率"


def test_a_plans_lead_in_with_no_year_leaves_the_period_to_the_document() -> None:
    o = fig(_read("《实施方案》提出，全市质量标杆企业达到30家。"), "30")
    assert o.period == "2024" and o.period_inferred


def test_a_bare_lead_word_is_no_measure() -> None:
    ex = _read("2024年，全市新增省级质量标杆企业6家。到2025年，力争累计达到20家。")
    assert fig(ex, "20").measure != "力争"


def test_each_recipients_prize_is_no_sum_of_the_place() -> None:
    assert low(fig(_read("对获奖企业分别给予人民币50万元奖励。"), "500000"))
    assert not low(fig(_read("2024年，全市兑现质量奖励资金500万元。"), "5000000"))


def test_a_noun_after_the_number_may_open_with_a_trade_word() -> None:
    ex = _read("流通领域抽查521家经营单位的650批次产品，不合格42批次。")
    assert fig(ex, "521").measure == "经营单位"


def test_the_check_verb_is_no_part_of_a_count_of_batches() -> None:
    o = fig(_read("本次抽检共抽取食品样品347批次，不合格率为2.09%。"), "347")
    assert o.measure == "批次" and [c.name for c in o.categories] == ["食品"]
    kept = fig(_read("市市场监管局抽查企业120家。"), "120")
    assert kept.measure == "企业"  # a count of firms keeps its noun


def test_a_compound_cut_at_a_boundary_word_is_the_whole_measure() -> None:
    ex = _read("市市场监管局在甲县、乙县等地设立商标品牌指导站9处。开展特种设备安全隐患排查，检查使用单位3100余家。")
    assert (fig(ex, "9").measure, fig(ex, "3100").measure) == ("商标品牌指导站", "使用单位")
    assert fig(_read("全市新增质量标杆企业12家。"), "12").measure == "新增质量标杆企业"  # no compound: unchanged


def test_a_total_after_the_new_ones_is_the_running_total() -> None:
    ex = _read("2024年，全市新增商标品牌指导站38个，总数达到215个。")
    new, total = fig(ex, "38"), fig(ex, "215")
    assert (new.measure, new.breakdown) == ("新增商标品牌指导站", "新增")
    assert (total.measure, total.breakdown) == ("商标品牌指导站", "累计")


def test_a_count_of_main_categories_is_measured_as_such() -> None:
    o = fig(_read("全年完成食品安全监督抽检12000批次，覆盖33大类。"), "33")
    assert o.measure == "大类"


def test_goals_listed_under_a_target_year_keep_that_year() -> None:
    ex = _read("到2025年，全市质量整体水平进一步提高。\n——品牌建设成效明显。国家级专精特新企业达到30家，省级单项冠军企业达到5家。")
    assert [(fig(ex, v).period, fig(ex, v).breakdown) for v in ("30", "5")] == [("2025", "目标"), ("2025", "目标")]


def test_a_dash_line_after_a_plain_year_is_not_made_a_target() -> None:
    ex = _read("2023年，全市质量工作成效明显。\n——品牌建设：国家级专精特新企业达到30家。")
    assert fig(ex, "30").breakdown != "目标"


def test_a_named_lists_stock_reached_is_the_lists() -> None:
    ex = _read("市市场监管局公布第二批“湖南名品”名单。力争到2026年全市“湖南名品”达到60个。")
    o = fig(ex, "60")
    assert (o.subject.name, o.measure, o.period, o.breakdown) == ("湖南名品", "湖南名品", "2026", "目标") and not low(o)
    unknown = fig(_read("力争到2026年全市“某地好物”达到60个。"), "60")
    assert unknown.subject is None or unknown.subject.kind is Kind.PLACE  # no list named: not made one


def test_a_place_written_after_its_parent_at_a_clause_head_is_the_subject() -> None:
    ex = read("截至目前，湖南省张家界市拥有地理标志证明商标15件。", place="湖南省")
    assert fig(ex, "15").subject.name == "张家界市"
    ex = read("湖南省拥有地理标志证明商标80件，张家界市15件。", place="湖南省")
    assert fig(ex, "80").subject.name == "湖南省" and fig(ex, "15").subject.name == "张家界市"


# subject_owners: a named product glued to the measure is the figure's subject


def test_a_quoted_product_run_into_the_measure_owns_the_figure() -> None:
    ex = _read("全市已注册“青峰茶”“白石梨”等地理标志证明商标5件。其中“青峰茶”年产值超过12亿元，远销各地；"
               "北乡“白石梨”年产值达3亿元。")
    assert fig(ex, "300000000").subject.name == "白石梨"
    assert fig(ex, "1200000000").subject.name == "青峰茶"


def test_a_product_named_in_an_earlier_clause_does_not_take_a_plain_measure() -> None:
    ex = _read("全市已注册“青峰茶”等地理标志证明商标5件，其中“青峰茶”年产值超过12亿元；种植户年均增收2万元。")
    assert fig(ex, "20000").measure == "种植户年均增收"


def test_products_listed_before_a_count_do_not_own_it() -> None:
    ex = _read("全市地理标志证明商标8件，其中青峰茶、白石梨2件为去年新增。")
    assert fig(ex, "2").subject.kind is Kind.PLACE


# measures: a scope word after 及 opens the next count, no part of this one's noun


def test_a_scope_word_after_a_joiner_is_no_part_of_the_counted_noun() -> None:
    ex = _read("县局组织办公室、法规等5个科室及全县12个市场监管所开展了宣传活动。")
    assert fig(ex, "5").measure == "科室"
    assert fig(_read("全市现有高新技术企业及研发机构80家。"), "80").measure != "高新技术企业"


# subject_owners: a published list's count is the programme's, its measure the holders' noun


def test_a_count_of_a_published_programme_list_is_the_programmes() -> None:
    ex = _read("近日，某省政府公布获得2024年“甲省政府质量奖”的12家单位名单，省市场监管局公布86家2024年“甲省质量标杆企业”名单。")
    a, b = fig(ex, "12"), fig(ex, "86")
    assert (a.subject.name, a.measure) == ("甲省政府质量奖", "获奖单位") and not low(a)
    assert (b.subject.name, b.measure) == ("甲省质量标杆企业", "企业") and not low(b)


def test_a_count_with_no_list_after_it_keeps_its_reading() -> None:
    o = fig(_read("近日，某省政府公布了今年的工作要点，全市新增企业86家。"), "86")
    assert o.subject.kind is Kind.PLACE


# measures: 有效 before a kind of registered mark stays in the measure


def test_valid_marks_of_a_kind_keep_valid_in_the_measure() -> None:
    ex = _read("截至2023年底，全市新增农产品注册商标300件，累计有效农产品注册商标12000件。")
    assert fig(ex, "12000").measure == "有效农产品注册商标"
    assert fig(ex, "300").measure.endswith("农产品注册商标") and "有效" not in fig(ex, "300").measure
