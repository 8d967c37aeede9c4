"""Regression tests for the spot-check bulletin mechanisms: a check word after a verb phrase names no
check of its own, the check a title or a quoted notice title names, a testing word reading a named
check's results, and product categories named by numbered section headings. Our own minimal sentences."""

from __future__ import annotations

import datetime as dt

from qgraph.model import INSPECTION_KINDS

from extraction_helpers import fig, read

DATE = dt.date(2024, 6, 1)


def _checks(ex) -> list[str]:
    return [e.name for e in ex.entities if e.kind in INSPECTION_KINDS]


def test_a_verb_phrase_before_the_check_word_is_no_check_name() -> None:
    ex = read("某省质监局日前对灯具、插座等4类产品质量进行了监督抽查。共抽查产品300批次，合格270批次，合格率为90.0%。",
              "浙江省", DATE)
    assert not [n for n in _checks(ex) if "进行" in n or "日前" in n]
    assert fig(ex, "300").subject.name == fig(ex, "90.0").subject.name
    assert "进行" not in fig(ex, "90.0").subject.name


def test_a_possessive_before_a_field_only_check_is_no_check_name() -> None:
    ex = read("市局组织开展了灯具、插座等5类产品的质量监督抽查工作。本次共抽取80家企业的90批次产品。", "某市", DATE)
    assert not [n for n in _checks(ex) if "的" in n]


def test_the_check_a_quoted_notice_title_names_takes_the_unnamed_checks_figures() -> None:
    ex = read("某省局发布“关于2024年第3批省级产品质量监督抽查情况的通报”，该局对灯具等6种产品质量进行了监督抽查。"
              "共抽查产品420批次，合格率为91.0%。", "浙江省", DATE)
    assert fig(ex, "420").subject.name == "省级产品质量监督抽查"
    assert fig(ex, "91.0").subject.name == "省级产品质量监督抽查"


def test_the_check_the_header_title_names_takes_the_unnamed_checks_figures() -> None:
    ex = read("市局在全市组织开展了灯具等6类产品的质量监督抽查工作。本次监督抽查共抽取100家企业的120批次产品。", "潍坊市", DATE,
              title="潍坊市2024年第一批市级产品质量监督抽查结果")
    assert fig(ex, "120").subject.name == "市级产品质量监督抽查"


def test_upon_testing_is_no_testing_service() -> None:
    ex = read("某市开展了网店商品质量抽检，共抽取样品200个批次。经检测，160个批次合格，40个批次不合格。", "某市", DATE)
    assert "检验检测服务" not in _checks(ex)
    assert not [n for n in _checks(ex) if n.startswith("经")]


def test_a_numbered_category_heading_is_the_breakdown_of_its_paragraphs_check_figures() -> None:
    ex = read("2024年，省局组织开展省级产品质量监督抽查，共抽查产品500批次，合格率为90.0%。\n"
              "（一）电子电器。抽查电风扇、电水壶等5种产品200批次，合格180批次，合格率为90.0%。\n"
              "（二）轻工产品。抽查灯具、家具2种产品100批次，合格95批次，合格率为95.0%。\n"
              "二、存在问题。抽查中发现20批次产品标识不合格。", "浙江省", DATE)
    assert fig(ex, "200").breakdown == "电子电器"
    assert fig(ex, "180").breakdown == "电子电器"
    assert fig(ex, "95.0", "Percent").breakdown == "轻工产品"
    assert fig(ex, "200").subject.name == fig(ex, "95.0", "Percent").subject.name
    assert fig(ex, "20").breakdown != "存在问题"


def test_a_checks_later_results_take_the_window_it_was_dated_with() -> None:
    ex = read("2024年某省网店商品质量抽检结果\n今年3月至5月，省局开展了网店商品质量抽检，共抽取样品200个批次。\n"
              "经检测，抽检的样品中160个批次合格，合格率为80.0%。", "浙江省", title="2024年某省网店商品质量抽检结果")
    assert fig(ex, "200").period == "2024-03/2024-05"
    assert fig(ex, "160").period == "2024-03/2024-05"
    assert fig(ex, "80.0").period == "2024-03/2024-05"


def test_a_result_with_its_own_time_words_keeps_them() -> None:
    ex = read("今年3月至5月，省局开展了网店商品质量抽检，共抽取样品200个批次。全年抽检合格率为85.0%。",
              "浙江省", dt.date(2024, 12, 20))
    assert fig(ex, "85.0").period == "2024"


def test_a_clause_of_batches_with_no_owner_reads_the_paragraphs_check() -> None:
    ex = read("省局开展了网店商品质量抽检，共抽取样品200个批次，合格率为80.0%。不合格的40个批次中，标签不合格的25个批次。",
              "浙江省", dt.date(2024, 6, 1))
    assert fig(ex, "25").subject.name == fig(ex, "200").subject.name
    assert not fig(ex, "25").subject_inferred


def test_a_clause_of_batches_naming_a_place_keeps_the_place() -> None:
    ex = read("省局开展了网店商品质量抽检，共抽取样品200个批次。杭州市抽检样品50个批次，合格45个批次。",
              "浙江省", dt.date(2024, 6, 1))
    assert fig(ex, "50").subject.name == "杭州市"


def test_sampled_at_producers_is_a_breakdown_of_the_check() -> None:
    ex = read("省局组织开展省级产品质量监督抽查，共抽查产品500批次。其中，在生产企业抽样300批次，合格率为96.0%；"
              "在电商平台购样200批次，合格率为80.0%。", "浙江省", dt.date(2024, 6, 1))
    assert fig(ex, "300").breakdown == "生产企业"
    assert fig(ex, "96.0").breakdown == "生产企业"
    assert fig(ex, "500").breakdown is None


def test_firms_listed_before_their_count_are_examples_not_the_subject() -> None:
    ex = read("省市场监管局抽查了全省50家企业生产的60批次产品，产品抽查合格率为90.0%。甲乙实业有限公司、丙丁服饰有限公司等5家企业生产的6批次产品不合格，"
              "不合格产品检出率为10.0%。", "浙江省", dt.date(2024, 6, 1))
    for value in ("5", "10.0"):
        assert fig(ex, value).subject.name == fig(ex, "60").subject.name


def test_a_products_rate_in_a_check_is_that_categorys_part() -> None:
    ex = read("省局抽查了全省50家企业生产的60批次产品，不合格产品检出率为10.0%。其中，童鞋产品的不合格产品检出率为4.5%；"
              "全省的平均不合格率为8.0%。", "浙江省", dt.date(2024, 6, 1))
    assert fig(ex, "4.5").breakdown == "童鞋"
    assert fig(ex, "4.5").measure == "不合格产品检出率"
    assert fig(ex, "10.0").breakdown is None


def test_counts_in_the_object_of_an_organised_check_are_the_checks() -> None:
    ex = read("市局在全市组织开展了灯具、插座等4类产品的质量监督抽查工作。本次监督抽查共抽取80家企业的90批次产品。",
              "潍坊市", DATE, title="潍坊市2024年第一批市级产品质量监督抽查结果")
    assert fig(ex, "4").subject.name == fig(ex, "90").subject.name == "市级产品质量监督抽查"


def test_a_check_after_le_and_a_checked_partys_check_are_the_reports_check() -> None:
    ex = read("2023年9月至11月，省局对灯具、插座等5种工业产品开展了抽查，共抽查300家企业的400批次产品，"
              "其中生产领域200批次，线上电商经销企业抽查50批次。抽查发现20批次产品不合格。", "湖北省", dt.date(2024, 1, 5),
              title="湖北省2023年工业产品质量监督抽查结果")
    names = {fig(ex, v).subject.name for v in ("400", "50", "20")}
    assert names == {"工业产品质量监督抽查"}
    assert not [n for n in _checks(ex) if n.startswith("了") or "企业" in n]


def test_found_by_testing_is_no_testing_service() -> None:
    ex = read("今年，省局对化肥等3种产品开展了质量监督抽查，共抽查60批次产品，检测发现6批次产品不合格。", "湖北省", DATE)
    assert "检验检测服务" not in _checks(ex)
    assert fig(ex, "6", "Pici").subject.name == fig(ex, "60").subject.name


def test_a_checked_count_and_a_failed_count_of_the_same_value_are_two_figures() -> None:
    ex = read("今年，省局开展了质量监督抽查，共抽查100批次产品，其中电商平台抽查8批次。检测发现12批次产品不合格，其中电商平台发现8批次产品不合格。",
              "湖北省", DATE)
    eights = [o for o in ex.observations if str(o.value) == "8"]
    assert len(eights) == 2
    assert sum("不合格" in o.measure for o in eights) == 1


def test_a_category_named_after_dui_is_the_breakdown_of_the_clauses_after_it() -> None:
    ex = read("今年，省局先后抽检8种300批次产品，检测发现20批次不合格产品。其中，对儿童服装，抽查25家企业销售的60批次儿童服装，其中检测发现不合格产品5批次。",
              "湖北省", DATE)
    for value in ("25", "60", "5"):
        assert fig(ex, value).breakdown == "儿童服装"
    assert fig(ex, "300").breakdown is None
    assert "先后" not in fig(ex, "300").subject.name


def test_this_check_named_by_its_level_is_the_reports_check() -> None:
    ex = read("现将省局2024年组织开展的重点工业产品质量监督抽查情况通告如下：\n本次省级监督抽查，涵盖300家经营主体生产经营的500批次产品。",
              "湖南省", DATE)
    assert fig(ex, "500").subject.name == "重点工业产品质量监督抽查"


def test_the_months_before_a_month_are_no_month() -> None:
    ex = read("现将省局2024年5月份前组织开展的重点工业产品质量监督抽查情况通告如下：\n本次省级监督抽查，涵盖300家经营主体生产经营的500批次产品。",
              "湖南省")
    assert fig(ex, "500").period == "2024"


def test_a_categorys_check_takes_the_reports_one_window() -> None:
    ex = read("2023年9月至12月，省局对灯具等5种工业产品开展了抽查，共抽查400批次产品。\n"
              "在灯具抽查中，涉及台灯、吊灯等3种120批次产品，经检测发现12批次不合格产品。", "湖北省", dt.date(2024, 1, 5),
              title="湖北省2023年工业产品质量监督抽查结果")
    assert fig(ex, "12").period == "2023-09/2023-12"


def test_a_testing_service_beside_a_dated_check_keeps_its_year() -> None:
    ex = read("今年1至8月，全市组织产品质量监督抽查2860批次，合格率为95.8%。市质检所为高校、企业提供检测服务1.3万批次。",
              "武汉市", dt.date(2025, 9, 10))
    assert fig(ex, "13000").period == "2025"


def test_a_second_fenbie_of_a_measure_pairs_with_the_first_lists_items() -> None:
    ex = read("抽查对象中，大、中、小型企业数分别占抽查企业总数的10.5%、20.5%、69.0%，批次合格率分别为97.1%、96.3%、95.2%。",
              "四川省", DATE)
    assert [fig(ex, v).breakdown for v in ("97.1", "96.3", "95.2")] == ["大型企业", "中型企业", "小型企业"]


def test_a_titles_level_only_check_is_the_bodys_first_check_of_that_level() -> None:
    ex = read("上半年省级抽查100种产品\n省局公布上半年产品质量省级监督抽查结果，4000批次产品中合格3800批次。其中，某加油站拒绝接受车用汽油产品质量省级监督抽查。\n"
              "此次省级监督抽查，涉及日用消费品等5大类。", "四川省", DATE, title="上半年省级抽查100种产品")
    assert fig(ex, "5").subject.name == "产品质量省级监督抽查"


def test_a_nominal_maker_is_named_without_biaocheng_and_a_filling_station_is_a_firm() -> None:
    ex = read("其中，标称某某日化实业有限公司生产的皂液样品不合格；甲县乙镇加油站拒绝接受车用汽油产品质量省级监督抽查。", "四川省", DATE)
    names = {e.name for e in ex.entities if e.kind.name == "ENTERPRISE"}
    assert "某某日化实业有限公司" in names and not [n for n in names if n.startswith("标称")]
    assert any(n.endswith("加油站") for n in names)


def test_a_checked_party_heading_its_count_is_the_breakdown() -> None:
    ex = read("2023年，某市先后组织开展对灯具、插座等12种工业产品的质量监督抽查，共监督抽查300批次，其中抽查生产企业50家120批次，"
              "抽查经销企业90家180批次。抽查结果显示，生产企业3家3批次产品不合格，经销企业5家5批次产品不合格。", "宁德市", DATE)
    assert [fig(ex, v, "Jia").breakdown for v in ("50", "90", "3", "5")] == ["生产企业", "经销企业", "生产企业", "经销企业"]
    assert fig(ex, "120").breakdown == "生产企业"
    assert fig(ex, "300").breakdown is None


def test_a_category_written_after_a_batch_count_is_the_clauses_breakdown() -> None:
    ex = read("在2023年的质量抽检中，全市20家经销企业30批次车用柴油，其中3批次不合格；15家生产企业18批次合成革产品，其中2批次不合格。",
              "宁德市", DATE)
    assert fig(ex, "30").breakdown == "车用柴油" and fig(ex, "3", "Pici").breakdown == "车用柴油"
    assert fig(ex, "18").breakdown == "合成革" and fig(ex, "2", "Pici").breakdown == "合成革"


def test_an_outcome_after_a_batch_count_is_no_category() -> None:
    ex = read("2023年，省局开展产品质量省级监督抽查，共抽查500批次产品，发现40批次产品不合格，不合格率为8.0%。", "安徽省", DATE)
    assert fig(ex, "40").breakdown is None and fig(ex, "8.0").breakdown is None


def test_checks_of_several_tiers_have_no_name_of_their_own() -> None:
    ex = read("2023年我县省、市、县三级监督抽查共抽查了全县主要行业，40种共600批次产品，其中合格540批次，合格率为90.0%。", "苍南县", DATE)
    assert not [n for n in _checks(ex) if n.startswith(("县", "市"))]


def test_a_threshold_picking_a_list_is_no_figure_and_a_changes_baseline_keeps_its_year() -> None:
    ex = read("2023年，市级监督抽查批次合格率为85.0%，比2022年批次合格率80.0%上升了5个百分点。其中合格率达100%的有：纸巾、餐具洗涤剂等6种产品。",
              "苍南县", DATE)
    values = {float(o.value) for o in ex.observations if o.unit == "Percent"}
    assert 85.0 in values and 100.0 not in values
    assert fig(ex, "80.0").period == "2022" and fig(ex, "80.0").measure == "批次合格率"
    assert fig(ex, "85.0").period == "2023"


def test_a_products_rate_is_named_without_the_own_place_word() -> None:
    ex = read("2023年，县级监督抽查共抽查200批次产品，合格率为90.0%。抽查结果表明，我县食品产品合格率为91.5%，其中合格率较高。",
              "苍南县", DATE)
    assert not fig(ex, "91.5").subject.name.startswith("我县")


def test_a_category_heading_on_its_own_line_is_the_breakdown_of_the_next_paragraph() -> None:
    ex = read("某市市场监督管理局关于2024年2季度阀门等2种产品质量监督抽查情况的通告\n"
              "一、阀门\n"
              "本次抽查涉及甲区、乙区等2个区县5家生产企业的9批次产品，检验合格8批次，不合格1批次，抽检合格率88.9%。\n"
              "二、菜板\n"
              "本次抽查涉及大足区的4家生产企业的6批次产品;检验合格5批次,合格率为83.3%。\n"
              "三、工作要求\n"
              "各区县要加强监管，全年抽查7批次。", "某市", DATE)
    assert fig(ex, "9").breakdown == "阀门"
    assert fig(ex, "88.9", "Percent").breakdown == "阀门"
    assert fig(ex, "6").breakdown == "菜板"
    assert fig(ex, "7").breakdown is None


def test_a_place_the_check_reached_is_where_not_whose() -> None:
    ex = read("一、菜板\n本次抽查涉及大足区的4家生产企业的6批次产品;检验合格5批次,合格率为83.3%。", "某市", DATE)
    assert not fig(ex, "6").subject_inferred
    assert not fig(ex, "83.3", "Percent").subject_inferred


def test_sales_channels_and_stated_makers_are_the_breakdowns_of_a_checks_batches() -> None:
    ex = read("2025年，某市市场监督管理局对本市生产、销售的儿童玩具产品质量进行了监督抽查。本次抽查了20批次产品。"
              "其中生产领域6批次;实体销售3批次;电商销售11批次。\n"
              "本次抽查所抽样品产地涉及甲省、乙省等4个省市。其中抽查到标称某市生产企业共12批次;抽查到标称外省市生产企业共8批次。",
              "某市", DATE)
    assert [fig(ex, v).breakdown for v in ("20", "6", "3", "11")] == [None, "生产领域", "实体销售", "电商销售"]
    assert fig(ex, "12").breakdown == "标称某市生产企业"
    assert fig(ex, "8").breakdown == "标称外省市生产企业"


def test_a_count_already_risen_to_is_the_running_total_and_yi_is_no_measure() -> None:
    ex = read("2024年9月，某省举办质量月活动。截至目前，全省质量服务站点已增至25个。", "某省", DATE)
    assert fig(ex, "25").breakdown == "累计"
    assert fig(ex, "25").measure == "质量服务站点"


def test_a_listed_place_written_with_another_suffix_is_still_where_the_check_reached() -> None:
    ex = read("某市市场监督管理局关于2024年木箱等2种产品质量监督抽查情况的通告\n一、木箱\n"
              "本次抽查涉及大渡口区、垫江区、涪陵区等3个区的19家生产企业,共计24批次产品;合格23批次,合格率为95.8%。",
              "重庆市", DATE)
    assert not fig(ex, "19").subject_inferred
    assert not fig(ex, "95.8", "Percent").subject_inferred


def test_a_checks_count_of_the_districts_it_reached_is_a_count_of_places() -> None:
    ex = read("一、木箱\n本次抽查涉及甲区、乙区等12个区的19家生产企业的24批次产品;合格23批次。", "某市", DATE)
    assert fig(ex, "12").measure == "区" and fig(ex, "12").confidence >= 0.5


def test_batches_of_products_counted_after_gongji_are_batches() -> None:
    ex = read("一、木箱\n本次抽查涉及甲区的3家生产企业,共计24批次产品;合格23批次。", "某市", DATE)
    assert fig(ex, "24").measure == "批次"


def test_a_check_named_with_its_counted_scope_keeps_the_scope_in_its_name() -> None:
    ex = read("某区市场监管局通报2024年第二季度灯具等5种产品质量某区监督抽查情况。共抽查60家企业的80批次产品，"
              "不合格产品4批次。", "浙江省", DATE)
    assert fig(ex, "80").subject.name == "灯具等5种产品质量某区监督抽查"
    assert fig(ex, "4", "Pici").subject.name == "灯具等5种产品质量某区监督抽查"


def test_a_quoted_notice_title_with_a_counted_scope_names_the_check() -> None:
    ex = read("某总局公布“关于2024年插座等20种产品质量某省监督抽查情况”的通报。此次共抽查300家企业生产的320批次产品，"
              "检出30批次产品不合格。", "浙江省", DATE)
    assert fig(ex, "320").subject.name == "插座等20种产品质量某省监督抽查"
    assert fig(ex, "320").breakdown is None  # one side alone (企业生产的) is the whole check


def test_a_listed_scope_names_the_checks_categories_not_its_name() -> None:
    ex = read("某市局对灯具、插座等4类产品市级监督抽查100批次，合格90批次。", "某市", DATE)
    assert "灯具" not in fig(ex, "100").subject.name


def test_the_verb_after_a_checked_party_splits_the_check_by_side_of_trade() -> None:
    ex = read("某区市场监管局通报2024年灯具等6种产品质量监督抽查情况。共抽查50家企业（销售者）生产（销售）的70批次产品。"
              "其中，抽查20家企业生产30批次产品，不合格产品2批次，不合格发现率为6.7%；"
              "抽查30家销售者销售40批次产品，不合格产品8批次，不合格发现率为20.0%。", "浙江省", DATE)
    assert fig(ex, "70").breakdown is None
    assert fig(ex, "30", "Pici").breakdown == "生产"
    assert fig(ex, "6.7").breakdown == "生产"
    assert fig(ex, "30", "Jia").breakdown == "销售"
    assert fig(ex, "20.0", "Percent").breakdown == "销售"


def test_a_check_named_again_with_its_level_moved_is_the_titled_check() -> None:
    ex = read("某市局通报2024年第1批市级产品质量监督抽查情况。本季度共对灯具、插座等5类产品市级监督抽查90批次，"
              "合格80批次。", "徐州市", DATE)
    assert fig(ex, "90").subject.name == "市级产品质量监督抽查"
    assert fig(ex, "80").subject.name == "市级产品质量监督抽查"


def test_a_count_of_kinds_is_read_once_as_the_check_named_with_it() -> None:
    ex = read("某局发布了对20种产品开展国家监督抽查的有关情况。某局组织开展了插座等20种产品质量国家监督抽查，"
              "产品抽样合格率为90.0%。", "浙江省", DATE)
    assert fig(ex, "20").subject.name == "插座等20种产品质量国家监督抽查"


def test_a_total_said_to_have_grown_to_is_the_running_total() -> None:
    ex = read("今年某省新增地理标志商标20个，全省地理标志商标总数增至150个。", "浙江省", DATE)
    assert fig(ex, "150").breakdown == "累计"
    assert fig(ex, "20").breakdown == "新增"
