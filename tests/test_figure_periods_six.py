"""Complete figures on shapes of real reports: the page's publication stamp as the document's date,
stocks as of a day, a check's object frame and its breakdown, shares of a whole, per-head indicators,
entry verbs, running totals of an award, and 新增 over a list's bare items (our own sentences)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from qgraph.sources import read_document
from qgraph.sources_meta import stamp_date, text_date

from extraction_helpers import fig, read

WORDS = tuple(w for w in Path(__file__).resolve().parents[1].joinpath("data", "lexicon", "publication_stamp_words.txt")
              .read_text(encoding="utf-8").splitlines() if w and not w.startswith("#"))


@pytest.mark.parametrize("text, date", [
    ("甲市质量工作再上台阶\n2022-03-01 09:15 来源:甲市日报 编辑:王某\n目前,全市共有有效注册商标1.2万件。", dt.date(2022, 3, 1)),
    ("乙县召开质量大会\n发布时间：2024年4月8日  来源：乙县融媒体中心\n会议要求……", dt.date(2024, 4, 8)),
    ("丙区通报抽查结果\n时间:2023-6-9 10:02:33作者:李某 浏览次数:315\n本次抽查……", dt.date(2023, 6, 9)),
    ("丁市质量月启动\n网友某某 发表于 2021-9-2 16:40\n9月1日,丁市……", dt.date(2021, 9, 2)),
    ("戊省发布品牌报告\n《戊省日报》(2025年5月20日 第3版)\n日前,戊省……", dt.date(2025, 5, 20)),
    ("己市抽检情况\n正文……\n(来源：己市日报　2024-02-18)", dt.date(2024, 2, 18)),
])
def test_stamp_lines_give_the_documents_date(text: str, date: dt.date) -> None:
    assert stamp_date(text, WORDS) == date


@pytest.mark.parametrize("text", [
    "截至2023年12月31日，甲市共有有效注册商标1.2万件。",
    "甲市质量工作\n2023年12月31日，甲市共有有效注册商标1.2万件。",
    "甲县召开质量大会\n自2024年1月1日起，全县实施新的奖励办法。",
    "甲市商标统计\n数据截至时间：2024年12月31日\n全市有效注册商标1.2万件，同比增长8%，新增2000件。",
])
def test_a_facts_date_in_the_body_is_no_documents_date(text: str) -> None:
    assert stamp_date(text, WORDS) is None
    assert text_date(text) is None


def test_a_stamp_line_resolves_periods(tmp_path: Path) -> None:
    path = tmp_path / "01.txt"
    path.write_text("庚市商标工作取得新进展\n2022-02-28 17:42 来源:庚市日报 编辑:赵某\n"
                    "目前,庚市有效注册商标达到8600件。去年,庚市新增地理标志商标3件。\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.date == dt.date(2022, 2, 28)
    ex = read(doc.text, date=doc.date, title=doc.title)
    assert fig(ex, "8600").period == "2022-02-28"
    assert fig(ex, "3").period == "2021"


def test_a_stock_as_of_a_day_keeps_the_day() -> None:
    ex = read("截至3月15日，辛市共有地理标志商标12件。", date=dt.date(2024, 4, 2))
    assert fig(ex, "12").period == "2024-03-15"


def test_a_checks_object_frame_gives_its_breakdown_and_counted_nouns() -> None:
    text = ("2023年上半年，壬市市场监管局对流通领域8大类10个种类共150批次产品组织实施了市级产品质量监督抽查，"
            "其中合格140批次，合格率达93.33%。")
    ex = read(text, date=dt.date(2023, 8, 1))
    for value, measure in (("8", "大类"), ("10", "种类"), ("150", "批次"), ("140", "合格"), ("93.33", "合格率")):
        o = fig(ex, value)
        assert o.breakdown == "流通领域", (value, o.breakdown)
        assert measure in o.measure, (value, o.measure)
    assert fig(ex, "10").unit == "Zhong"


def test_shares_of_a_whole_read_as_the_counted_nouns_share() -> None:
    text = ("从产品看，甲、乙和丙等6个种类产品90批次，合格率100%，占全部抽查产品种类的60.00%，"
            "占全部抽查产品批次的45.00%。")
    ex = read(text, date=dt.date(2023, 8, 1))
    assert fig(ex, "60.00").measure.endswith("种类占比")
    assert fig(ex, "45.00").measure.endswith("批次占比")
    ex = read("癸省地理标志商标中，种植业120件，占总量的40.5%。", date=dt.date(2024, 5, 1))
    assert fig(ex, "40.5").measure == "占比"


def test_a_per_head_indicator_carries_its_qualifier() -> None:
    ex = read("2023年，某市完成食品抽检9000批次，抽检量达到4.2批次/千人。", date=dt.date(2024, 2, 1))
    o = fig(ex, "4.2")
    assert o.breakdown == "每千人" and "抽检量" in o.measure


def test_a_noun_with_its_entry_verb_reads_verb_first() -> None:
    ex = read("目前，某区共吸纳120家企业入库。", place="某区", date=dt.date(2025, 3, 1))
    assert fig(ex, "120").measure == "入库企业"


def test_an_awards_count_as_of_a_date_is_its_running_total() -> None:
    ex = read("截至2024年底，某省共有6家企业获某省省长质量奖。", date=dt.date(2025, 1, 20))
    o = fig(ex, "6")
    assert o.period == "2024-12-31"
    assert o.breakdown == "累计"


def test_new_governs_the_bare_items_after_its_first_figure() -> None:
    ex = read("去年，某市新增某省省长质量奖2个，某省名牌产品15个、某市标杆企业6个。", place="某市",
              date=dt.date(2024, 5, 1))
    assert [fig(ex, v).breakdown for v in ("2", "15", "6")] == ["新增"] * 3
    ex = read("去年，某市新增某省省长质量奖2个，累计达到18个。", place="某市", date=dt.date(2024, 5, 1))
    assert fig(ex, "18").breakdown != "新增"


def test_a_ranked_list_sharing_one_value_gives_each_category_its_figure() -> None:
    text = ("2023年上半年，某市市场监管局组织实施了市级产品质量监督抽查，共抽查120批次。"
            "从行业类别看，批次合格率最高的是儿童用品、家用电器类，均为100.00%，最低的是燃气器具类为60%。")
    ex = read(text, date=dt.date(2023, 8, 1))
    tops = [o for o in ex.observations if o.value == 100]
    assert sorted(o.breakdown for o in tops) == ["儿童用品", "家用电器"]
    assert all("合格率" in o.measure and o.confidence >= 0.5 for o in tops)


def test_categories_listed_with_ascii_commas_take_their_own_rates() -> None:
    text = ("2024年上半年,某省完成食品安全监督抽检12000批次。从抽样食品品种来看,消费量大的甲类食品,乙、丙及其制品,"
            "丁制品等3大类食品,监督抽检不合格率分别为0.41%、0.52%、0.33%。")
    ex = read(text, date=dt.date(2024, 8, 1))
    assert [fig(ex, v).breakdown for v in ("0.41", "0.52", "0.33")] == ["甲类食品", "乙、丙及其制品", "丁制品"]


def test_a_year_inside_a_measures_phrase_leaves_the_measure_whole() -> None:
    ex = read("德州市公共服务满意度2023年得分80.5分，首次进入满意区间。", place="德州市", date=dt.date(2024, 6, 1))
    o = fig(ex, "80.5")
    assert o.measure == "公共服务满意度得分" and o.period == "2023"


def test_a_holder_noun_written_once_serves_both_counts() -> None:
    ex = read("2025年，某省开展第三届某省人民政府质量奖评选工作，最终评选出4家质量奖和8家提名奖获奖组织。",
              place="某省", date=dt.date(2025, 12, 1))
    assert fig(ex, "4").measure.endswith("获奖组织")
    assert fig(ex, "8").measure.endswith("获奖组织")


def test_a_rate_before_a_run_of_years_is_the_measure() -> None:
    ex = read("去年，某市产品质量合格率连续3年达95%以上。", place="某市", date=dt.date(2024, 5, 1))
    assert fig(ex, "95").measure.endswith("合格率")


def test_a_share_keeps_the_ratio_word_the_text_writes() -> None:
    ex = read("2023年，某市高新技术产业产值占工业总产值比重达到45%。", date=dt.date(2024, 3, 1))
    assert fig(ex, "45").measure == "占工业总产值比重"


def test_a_day_first_stamp_with_its_clock_is_read() -> None:
    assert stamp_date("某省8家企业入选示范名单\n25.03.2016 09:38\n日前，……", WORDS) == dt.date(2016, 3, 25)
    assert stamp_date("某省质量工作\n版本 3.2.2016 说明\n正文……", WORDS) is None


def test_a_stamp_with_its_year_apart_and_its_clock_is_read() -> None:
    assert stamp_date("首届某地名品出炉\n\n2024 05/26 10:11:32\n来源：某日报\n", WORDS) == dt.date(2024, 5, 26)
    assert stamp_date("某省质量工作\n共2024 5/26 项说明\n正文……", WORDS) is None


def test_an_as_of_day_heads_the_stocks_listed_after_semicolons() -> None:
    ex = read("据某省市场监管局统计,截至6月底,全省地理标志驰名商标29件;全省拥有地理标志商标662件;"
              "全省拥有地理标志保护产品74件。", date=dt.date(2024, 8, 14))
    assert {fig(ex, v).period for v in ("29", "662", "74")} == {"2024-06-30"}


def test_a_repost_stamp_years_after_the_report_is_no_documents_date(tmp_path: Path) -> None:
    path = tmp_path / "02.txt"
    path.write_text("某市名牌产品再添新员\n发布时间:2021-05-06 08:10:11\n2012年省名牌产品公示中,某市30项产品榜上有名。"
                    "至此,某市省名牌产品已达60项。2013年,某市将继续推进名牌战略。\n", encoding="utf-8")
    assert read_document(path).date is None
    path.write_text("某市名牌产品再添新员\n发布时间:2014-01-06 08:10:11\n2012年省名牌产品公示中,某市30项产品榜上有名。\n",
                    encoding="utf-8")
    assert read_document(path).date == dt.date(2014, 1, 6)


def test_newly_registered_is_new_and_a_makers_noun_stays_whole() -> None:
    ex = read("2023年上半年,某市新登记市场主体12.5万户。", date=dt.date(2023, 7, 20))
    assert fig(ex, "125000").breakdown == "新增"
    ex = read("目前,某市已拥有35家定量包装商品生产企业使用“C”标志。", date=dt.date(2016, 9, 8))
    assert fig(ex, "35").measure.endswith("生产企业")


def test_a_stock_under_a_half_year_title_takes_the_year() -> None:
    text = "2024年上半年,某市新登记市场主体8.2万户。\n在质量品牌方面,某市拥有中国驰名商标40个,国家地理标志保护产品6个。"
    ex = read(text, date=dt.date(2024, 7, 20), title="上半年某市新登记市场主体8.2万户")
    assert fig(ex, "40").period == "2024" and fig(ex, "6").period == "2024"


def test_a_list_count_before_a_comma_and_respective_rates_counts_the_list() -> None:
    text = ("2024年上半年,某省完成食品安全监督抽检12000批次。从抽样食品品种来看,消费量大的甲类食品,乙、丙及其制品,"
            "丁制品等3大类食品,监督抽检不合格率分别为0.41%、0.52%、0.33%。")
    ex = read(text, date=dt.date(2024, 8, 1))
    assert fig(ex, "3", "Lei").measure == "大类"


def test_a_stamp_after_a_saved_pages_navigation_lines_is_read() -> None:
    text = ("首页\n新闻中心\n工作动态\n当前位置：首页 > 工作动态\n某市召开质量大会\n【字号：大 中 小】\n分享到：\n"
            "发布时间：2024-03-05 10:20\n3月4日，某市召开质量大会，会议总结了去年全市质量工作，部署了今年的重点任务，"
            "各区县和市直有关部门负责同志参加会议。\n")
    assert stamp_date(text, WORDS) == dt.date(2024, 3, 5)
    body_first = ("某市召开质量大会\n3月4日，某市召开质量大会，会议总结了去年全市质量工作，部署了今年的重点任务，各区县"
                  "和市直有关部门负责同志参加会议。\n2023年12月31日 时间节点\n会议要求，各地各部门要抓好落实。\n"
                  "会议强调，要持续提升产品质量。\n会议指出，要加强质量基础设施建设。\n")
    assert stamp_date(body_first, WORDS) is None


def test_last_year_heading_a_later_sentence_goes_on_in_its_paragraph() -> None:
    text = ("以质量强市建设为引领，推动质量技术创新。去年，某市新增某省省长质量奖2个。新认定高新技术企业1200家。\n"
            "下一步，某市将继续推进质量强市建设。")
    ex = read(text, place="某市", date=dt.date(2024, 5, 14))
    assert fig(ex, "1200").period == "2023"


def test_a_listings_count_takes_the_paragraphs_year() -> None:
    text = ("质量工作成效明显。2021年，某市质量工作财政投入800万元。6家工业企业首次通过国家两化融合管理体系贯标认证。\n"
            "近日，某市获得命名。")
    ex = read(text, place="某市", date=dt.date(2022, 3, 25))
    assert fig(ex, "6").period == "2021"


def test_a_per_head_measure_written_first_carries_its_qualifier() -> None:
    ex = read("2024年，德州市每万人口高价值发明专利拥有量达到15.2件。", date=dt.date(2025, 1, 10))
    assert fig(ex, "15.2").breakdown == "每万人口"
    ex = read("2024年，德州市每万人拥有注册商标1200件。", date=dt.date(2025, 1, 10))
    assert fig(ex, "1200").breakdown == "每万人"


def test_each_listed_part_of_a_check_takes_its_breakdown() -> None:
    ex = read("2024年，全市共抽检食品3200批次，其中生产环节800批次、流通环节1500批次、餐饮环节900批次。",
              date=dt.date(2025, 1, 20))
    assert [fig(ex, v).breakdown for v in ("800", "1500", "900")] == ["生产领域", "流通领域", "餐饮环节"]
