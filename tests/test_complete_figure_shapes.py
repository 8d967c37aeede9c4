"""Complete figures: the measure's head, the period and the breakdown read whole (invented sentences)."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, read

DATE = dt.date(2024, 8, 20)


def test_month_end_alone_is_an_as_of_day():
    o = fig(read("2023年9月底，青禾区商标有效注册量达到5210件。", date=DATE), "5210")
    assert o.period == "2023-09-30"


def test_month_end_alone_without_year_takes_the_year_of_writing():
    o = fig(read("5月末，青禾区有效注册商标达到3300件。", date=DATE), "3300")
    assert o.period == "2024-05-31"


def test_counts_added_under_a_month_end_alone_are_a_flow():
    o = fig(read("6月末，青禾县新增注册商标210件。", date=DATE), "210")
    assert o.period == "2024-01/2024-06"


def test_month_end_deadline_stays_a_target_year():
    o = fig(read("青禾县力争2025年6月底前完成抽检300批次。", date=DATE), "300")
    assert o.period == "2025" and o.breakdown == "目标"


def test_thing_registered_before_the_verb_is_the_measure_head():
    o = fig(read("2023年，青禾区商标有效注册量达到5210件。", date=DATE), "5210")
    assert o.measure == "商标有效注册量"


def test_year_between_measure_and_verb_of_reaching_is_the_period():
    o = fig(read("青禾县专利申请量在2019年达到了1520件，比上年增长8%。", date=DATE), "1520")
    assert o.period == "2019" and o.measure.endswith("专利申请量")


def test_year_after_zai_without_reaching_verb_is_no_period():
    o = fig(read("2024年，青禾县在2019年的基础上新增注册商标120件。", date=DATE), "120")
    assert o.period == "2024"


def test_part_written_as_modifier_after_qizhong_takes_the_measure_before():
    ex = read("截至2022年底，全省登记的地理标志有88个，其中属于农产品的70个，占79.5%。", date=DATE)
    part = fig(ex, "70")
    assert part.measure == fig(ex, "88").measure and part.measure.endswith("地理标志")
    assert part.breakdown == "农产品" and part.period == "2022-12-31"
    assert fig(ex, "79.5").breakdown == "农产品"


def test_share_alone_after_a_new_part_is_that_part_s():
    ex = read("2023年，青禾县有效注册商标1200件，其中新增商标300件，占25%。", date=DATE)
    assert fig(ex, "300").breakdown == "新增"
    assert fig(ex, "25").breakdown == "新增"


def test_share_after_a_figure_without_part_gets_no_breakdown():
    ex = read("2023年，青禾县抽查食品300批次，占全年计划的60%。", date=DATE)
    assert fig(ex, "60").breakdown is None


def test_years_of_a_streak_after_jixu_are_no_figure():
    ex = read("2023年，青禾县商标注册量1.2万件，继续5年位居全市第一。", date=DATE)
    assert not [o for o in ex.observations if o.unit == "Nian"]


def test_pass_rate_alone_after_a_count_of_items_is_those_items_rate():
    ex = read("2023年，青禾市计量所共检定水表3000台件，合格率为98.5%，燃气表2000台件，合格率为97.2%。", date=DATE)
    assert fig(ex, "98.5").breakdown == "水表"
    assert fig(ex, "97.2").breakdown == "燃气表"


def test_pass_rate_of_a_check_keeps_no_item_breakdown():
    ex = read("2023年，青禾市抽查食品300批次，合格率为98%。", date=DATE)
    assert fig(ex, "98").breakdown is None


def test_time_words_opening_a_clause_are_no_part_of_the_measure():
    ex = read("2023年，青禾县全年抽检食品800批次。其中，第二季度食品抽检不合格率为2.3%。", date=DATE)
    o = fig(ex, "2.3")
    assert o.period == "2023-Q2" and not o.measure.startswith("第二季度")


def test_level_written_before_a_quoted_name_is_the_figure_s_level():
    ex = read("截至2023年底，青禾区获批省级“百优”创新企业6家，市级“百优”创新企业15家。", date=DATE)
    assert fig(ex, "6").level is not None and fig(ex, "15").level is not None
    assert fig(ex, "6").level != fig(ex, "15").level


def test_bare_net_change_after_a_total_counts_what_the_total_counts():
    ex = read("截至4月底，全区市场主体总量32000户，净增2100户，净增完成率为41.5%；企业总量5200户，净增160户。",
              date=DATE)
    assert fig(ex, "2100").breakdown == "市场主体" and fig(ex, "2100").period == "2024-01/2024-04"
    assert fig(ex, "41.5").breakdown == "市场主体"
    assert fig(ex, "160").breakdown == "企业"
    assert fig(ex, "32000").period == "2024-04-30"


def test_bracketed_note_before_the_number_is_no_end_of_the_measure():
    o = fig(read("2023年，全省培育标准创新型企业（初级）88家。", date=DATE), "88")
    assert o.measure == "标准创新型企业"


def test_adverb_before_the_verb_of_reaching_is_no_part_of_the_measure():
    o = fig(read("2023年，全县消费纠纷和解率逐年升至61%。", date=DATE), "61")
    assert o.measure.endswith("和解率")


def test_rate_cut_to_its_last_character_keeps_the_word_before():
    o = fig(read("2023年，辖区甲乙丙三类特色农品经营户张贴统一溯源标签覆盖率已达66%。", date=DATE), "66")
    assert o.measure.endswith("覆盖率")
