"""One regression test per figure mechanism, on our own minimal sentences of the genre's shapes:
clause-level subject scope, baselines, breakdown qualifiers, time normalisation, confidence and
inferred marks, their RDF form and SHACL shapes, ``--min-confidence`` and the complete / false
figure scores of ``qgraph eval``."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import XSD

from qgraph.cli import main
from qgraph.evaluate import EvalReport, score_figures
from qgraph.extract import extract
from qgraph.lexicon import load_lexicon
from qgraph.model import Document, Extraction, Kind, Observation
from qgraph.periodterms import period_bounds
from qgraph.query import load_query, run_query
from qgraph.rdf import SHARED, to_dataset
from qgraph.rdfio import serialize
from qgraph.sources import split_sentences
from qgraph.validate import validate_dataset
from qgraph.vocab import QG


def read(text: str, place: str | None = None, date: dt.date | None = None, title: str | None = None) -> Extraction:
    return extract(Document("t", "t.txt", text, title=title, date=date, place=place,
                            sentences=split_sentences(text)))


def fig(ex: Extraction, value: str) -> Observation:
    found = [o for o in ex.observations if o.value == Decimal(value)]
    assert len(found) == 1, [(o.value, o.measure) for o in ex.observations]
    return found[0]


# --------------------------------------------------------------------------- subject scope

def test_a_place_at_the_head_of_a_clause_governs_the_rest_of_the_sentence() -> None:
    ex = read("全省有效注册商标120万件，其中泰州市有效注册商标12万件，地理标志商标200件。", "江苏省")
    assert fig(ex, "1200000").subject.name == "江苏省"
    assert fig(ex, "120000").subject.name == "泰州市"
    assert fig(ex, "200").subject.name == "泰州市"  # until another subject is named


def test_places_listed_with_fenbie_take_their_own_figures() -> None:
    ex = read("截至目前，全省已建成服务站163个，其中保定市、石家庄市分别建成21个、19个。", "河北省")
    assert (fig(ex, "21").subject.name, fig(ex, "19").subject.name) == ("保定市", "石家庄市")
    assert fig(ex, "21").measure == fig(ex, "163").measure == "服务站"


def test_a_company_at_the_head_of_a_clause_owns_its_figure() -> None:
    ex = read("全市企业主导制定标准40项，山东华泰新材料股份有限公司主导制定国家标准9项。", "潍坊市")
    assert fig(ex, "9").subject.kind is Kind.ENTERPRISE
    assert fig(ex, "40").subject.name == "潍坊市"


def test_the_whole_district_in_a_city_report_is_the_district_named() -> None:
    ex = read("东西湖区建成食品产业服务站。今年以来，全区查处食品安全违法案件37件。", "武汉市",
              date=dt.date(2025, 9, 10))
    assert fig(ex, "37").subject.name == "东西湖区"


def test_a_comparison_baseline_is_no_figure_of_the_subject() -> None:
    ex = read("全市制造业产品质量合格率为96.5%，高于全国平均水平（91.2%）。", "济南市")
    assert fig(ex, "96.5").subject.name == "济南市"
    assert not [o for o in ex.observations if o.value == Decimal("91.2")]


def test_an_undecidable_subject_stays_on_the_document_but_is_marked_inferred() -> None:
    ex = read("历城区、章丘区作交流发言，新增检测项目30项。", "济南市")
    o = fig(ex, "30")
    assert o.subject.name == "济南市" and o.subject_inferred and o.confidence < 0.5
    named = fig(read("全市新增检测项目30项。", "济南市"), "30")
    assert not named.subject_inferred and named.confidence >= 0.7


def test_counts_of_listed_items_take_their_programme() -> None:
    ex = read("全市新增“荆楚优品”企业26家，累计达到118家。", "武汉市")
    assert fig(ex, "26").subject.name == fig(ex, "118").subject.name == "荆楚优品"
    assert fig(ex, "118").measure == fig(ex, "26").measure


def test_users_of_an_indication_are_its_figure() -> None:
    ex = read("“金井绿茶”成功注册地理标志证明商标，使用该地理标志专用标志的企业达到43家。", "长沙县")
    assert fig(ex, "43").subject.name == "金井绿茶"


def test_parts_after_qizhong_stay_with_the_whole() -> None:
    ex = read("第四批“好品山东”名单公布。全省共有126家企业的138个产品入选，其中制造业产品71个、农产品35个。", "山东省")
    assert {fig(ex, v).subject.name for v in ("126", "71", "35")} == {"好品山东"}


def test_a_figure_near_an_unattached_programme_or_a_bureau_is_only_inferred() -> None:
    ex = read("全市推进“浙江制造”品牌建设，新建检测平台7个。", "杭州市")
    assert fig(ex, "7").subject_inferred
    ex = read("市市场监管局联合银行开展质量融资，为132家企业提供信用贷款3.2亿元。", "佛山市")
    assert fig(ex, "132").subject_inferred and fig(ex, "132").subject.name == "佛山市"
    ex = read("市市场监管局开展农资打假专项行动，检查农资经营门店460余家。", "温州市")
    assert fig(ex, "460").subject.name == "农资打假专项行动" and not fig(ex, "460").subject_inferred


def test_a_rank_is_no_count() -> None:
    ex = read("入选企业分布在全省16个市，潍坊、青岛、烟台入选数量居前三位。", "山东省")
    assert fig(ex, "16").subject.name == "山东省"
    assert not [o for o in ex.observations if o.value == 3]


def test_a_check_named_later_does_not_take_an_earlier_figure() -> None:
    ex = read("执法人员检查农资经营门店460余家，抽检化肥188批次。", "温州市")
    assert fig(ex, "460").measure == "农资经营门店"
    assert fig(ex, "188").subject.kind is Kind.PRODUCT_SPOT_CHECK


def test_an_institute_providing_a_testing_service_owns_its_batches() -> None:
    ex = read("温州市质量技术监督检测院为鞋革产业链上的企业提供免费检测4500余批次。", "温州市")
    o = fig(ex, "4500")
    assert o.subject.kind is Kind.INSPECTION_BODY and "检测" in o.measure


def test_a_programme_named_before_its_recipients_is_their_measure() -> None:
    ex = read("合肥市现有安徽省政府质量奖获奖组织17家。", "合肥市")
    assert fig(ex, "17").measure == "安徽省政府质量奖获奖组织" and not fig(ex, "17").subject_inferred


def test_a_station_built_serves_the_clients_counted_after_it() -> None:
    ex = read("东西湖区建成食品产业质量基础设施一站式服务站，为区内210余家食品企业提供计量、标准等服务。", "武汉市")
    assert fig(ex, "210").subject.name.endswith("一站式服务站")


def test_places_a_count_comes_from_are_not_its_subject() -> None:
    ex = read("会议还为双流区、郫都区的12家首批“天府质量标杆企业”授牌。", "成都市")
    assert fig(ex, "12").subject.name != "郫都区"


def test_a_campaign_named_without_a_trigger_takes_its_figures() -> None:
    ex = read("全年开展特种设备安全隐患排查，检查使用单位3100余家，整改隐患4820条。", "郑州市")
    assert fig(ex, "3100").subject.name == fig(ex, "4820").subject.name == "特种设备安全隐患排查"
    ex = read("商标执法方面，今年以来全市查处商标侵权案件47件，罚没款63.8万元。", "临沂市")
    assert fig(ex, "47").subject.name == fig(ex, "638000").subject.name == "商标执法"
    text = "今年以来，我市开展产品质量安全专项整治。\n对检出的不合格产品，依法立案查处68件，捣毁制假窝点9处。\n全市拥有检验机构12家。"
    ex = read(text, "温州市")
    assert fig(ex, "68").subject.name == fig(ex, "9").subject.name == "产品质量安全专项整治"
    assert fig(ex, "12").subject.name == "温州市"  # no enforcement: the city's own


def test_this_check_is_the_one_the_report_opened_with() -> None:
    text = ("市场监管局通报第二批市级产品质量监督抽查结果。\n分类别看，化肥抽查80批次，合格率为97.5%。\n"
            "本次抽查由3家检验机构承担产品检验。")
    ex = read(text, "大连市")
    assert fig(ex, "3").subject.name == "市级产品质量监督抽查"


def test_quoted_names_and_action_verbs_make_measures() -> None:
    ex = read("全市累计主导制定“浙江制造”标准412项。对不合格产品依法立案查处68件。", "杭州市")
    assert (fig(ex, "412").measure, fig(ex, "68").measure) == ("浙江制造标准", "立案查处")


def test_each_figure_takes_the_check_named_last_before_it() -> None:
    ex = read("2015年，全市产品质量国家监督抽查合格率为94.3%，省级监督抽查合格率为95.6%。", "苏州市")
    assert (fig(ex, "94.3").subject.name, fig(ex, "95.6").subject.name) == ("产品质量国家监督抽查", "省级监督抽查")


def test_a_check_leading_the_sentence_keeps_the_institute_that_performs_it_out() -> None:
    ex = read("计量器具检定方面，济南市计量检定测试院全年完成强制检定计量器具12.8万台，检定合格率99.2%。", "济南市")
    assert fig(ex, "128000").subject.name == fig(ex, "99.2").subject.name == "计量器具检定"
    ex = read("计量方面：泉州市计量所完成强制检定计量器具5.2万台。", "泉州市")
    assert fig(ex, "52000").subject.name == "泉州市计量所"  # 计量 is a field, not a check


def test_meetings_held_and_policy_articles_are_their_figures() -> None:
    ex = read("联合各部门开展质量提升行动，全年召开全市质量工作联席会议三次。", "宝鸡市")
    held = fig(ex, "3")  # a meeting held many times is no entity of its own: the city held it three times
    assert "联席会议" in held.measure and held.subject.name in ("宝鸡市", "质量工作联席会议")
    ex = read("制定出台《宝鸡市加快质量提升若干措施》，从标准引领、品牌培育等方面提出十二条具体举措。", "宝鸡市")
    assert fig(ex, "12").subject.name == "宝鸡市加快质量提升若干措施"


def test_programmes_acting_at_a_clause_head_or_adopted_by_the_counted() -> None:
    ex = read("“泰山品质”认证覆盖农产品、服务四大领域，累计获证产品247个。全县已有126家企业建立首席质量官制度。", "山东省")
    assert fig(ex, "247").subject.name == "泰山品质"
    assert fig(ex, "126").subject.name == "首席质量官制度"
    ex = read("全市累计主导制定“浙江制造”标准412项，“品字标浙江制造”认证企业386家。", "杭州市")
    assert fig(ex, "386").subject.name != "浙江制造"  # the name only qualifies the measure


def test_the_whole_district_named_at_the_sentence_head_governs_its_later_clauses() -> None:
    ex = read("东西湖区建成服务站。今年以来，全区完成食品安全监督抽检1650批次；查处食品安全违法案件37件。", "武汉市")
    assert fig(ex, "37").subject.name == "东西湖区"


def test_enforcement_staff_are_no_name_of_a_check() -> None:
    ex = read("今年以来，我市开展产品质量安全专项整治。\n执法人员共检查生产企业300余家，抽检产品超1000批次。", "温州市")
    assert fig(ex, "300").subject.name == "产品质量安全专项整治"


def test_a_platform_named_after_a_service_is_no_check() -> None:
    ex = read("今年全市新建公共检验检测服务平台7个。", "杭州市")
    assert fig(ex, "7").subject.name == "杭州市" and "平台" in fig(ex, "7").measure


def test_an_award_granted_to_counted_recipients_and_each_ones_prize() -> None:
    ex = read("市人民政府决定：授予甲科技股份有限公司等5家组织“2024年常州市市长质量奖”，各奖励50万元。", "常州市")
    award = fig(ex, "5").subject
    assert award.kind is Kind.HONOUR and fig(ex, "500000").subject == award


# --------------------------------------------------------------------------- breakdowns

def test_production_and_circulation_are_breakdowns_of_one_check() -> None:
    ex = read("全市开展产品质量监督抽查，生产领域抽查企业120家、产品130批次，流通领域抽查产品90批次，总体合格率95.2%。",
              "大连市")
    assert (fig(ex, "130").breakdown, fig(ex, "90").breakdown) == ("生产领域", "流通领域")
    assert fig(ex, "95.2").breakdown is None  # a total after the breakdown
    assert fig(ex, "130").subject == fig(ex, "90").subject


def test_new_and_valid_are_breakdowns() -> None:
    ex = read("今年全市新增注册商标3200件，有效注册商标4.5万件。", "临沂市")
    assert (fig(ex, "3200").breakdown, fig(ex, "45000").breakdown) == ("新增", "有效")


def test_sectors_listed_with_fenbie_are_breakdowns() -> None:
    ex = read("全市农产品抽检合格率为98%，种植业、养殖业产品合格率分别为98.1%、97.5%。", "寿光市")
    assert (fig(ex, "98.1").breakdown, fig(ex, "97.5").breakdown) == ("种植业", "养殖业")
    assert "合格率" in fig(ex, "97.5").measure


def test_product_pass_rates_after_a_product_list_take_the_product() -> None:
    ex = read("今年以来，全市开展产品质量监督抽查1326批次，其中化工产品、陶瓷砖的合格率分别为97.2%、93.6%。", "淄博市")
    chem, tile = fig(ex, "97.2"), fig(ex, "93.6")
    assert (chem.subject.kind, chem.subject.name, chem.breakdown) == (Kind.PRODUCT_CATEGORY, "化工产品", "化工产品")
    assert tile.subject.name == "陶瓷砖"


def test_product_pass_rates_after_qizhong_are_the_products() -> None:
    ex = read("全市组织产品质量监督抽查2860批次，合格率为95.8%，其中电线电缆合格率为93.5%，儿童用品合格率为91.2%。", "武汉市")
    assert fig(ex, "95.8").subject.kind is Kind.PRODUCT_SPOT_CHECK
    assert [(fig(ex, v).subject.name, fig(ex, v).breakdown) for v in ("93.5", "91.2")] == [
        ("电线电缆", "电线电缆"), ("儿童用品", "儿童用品")]


def test_a_named_sub_check_after_qizhong_is_a_check_of_its_own() -> None:
    ex = read("食品安全监督抽检方面，全年完成食品抽检2.16万批次。其中食用农产品抽检8420批次，合格率98.1%。", "济南市")
    assert fig(ex, "21600").subject.name == "食品安全监督抽检"
    assert fig(ex, "8420").subject.name == fig(ex, "98.1").subject.name == "食用农产品抽检"


def test_a_check_without_a_name_takes_the_campaign_named_before_it() -> None:
    ex = read("农资领域，执法人员开展农资打假专项行动，抽检化肥、农药188批次，合格率96.3%。", "温州市")
    assert fig(ex, "188").subject.name == fig(ex, "96.3").subject.name == "农资打假专项行动"
    text = "市建委通报了2024年住宅工程质量专项检查情况。\n此次检查共抽查在建项目86个、预拌混凝土企业41家。"
    ex = read(text, "南京市", dt.date(2024, 10, 28))
    assert fig(ex, "86").subject.name == "住宅工程质量专项检查"


# --------------------------------------------------------------------------- periods

def test_relative_time_words_resolve_against_the_document_date() -> None:
    d = dt.date(2025, 9, 10)
    assert fig(read("上半年，全市抽查产品320批次。", "潍坊市", d), "320").period == "2025-H1"
    assert fig(read("今年1至8月，全市抽查产品2860批次。", "武汉市", d), "2860").period == "2025-01/2025-08"
    assert fig(read("截至今年4月底，全市有效注册商标达32.6万件。", "临沂市", d), "326000").period == "2025-04-30"
    assert fig(read("去年全市抽查产品126批次。", "宜宾市", d), "126").period == "2024"
    asof = fig(read("截至目前，全市共有省级企业技术中心46家。", "潍坊市", d), "46")
    assert (asof.period, asof.period_words) == ("2025-09-10", "截至目前")


def test_a_year_in_the_title_governs_the_whole_year_of_a_report_written_later() -> None:
    ex = read("全年组织产品质量监督抽查1200批次。", "宝鸡市", dt.date(2025, 1, 8), "宝鸡市2024年质量强市工作总结")
    assert fig(ex, "1200").period == "2024"


def test_a_fact_about_another_year_keeps_that_year_and_a_paragraph_head_governs() -> None:
    text = "2023年成都市质量发展大会召开。\n2022年，全市新认定市级工程研究中心28个。全市共有国家企业技术中心41家。\n共建联合体三家。"
    ex = read(text, "成都市")
    assert fig(ex, "28").period == "2022"
    assert fig(ex, "41").period == "2022"  # the paragraph's head
    assert fig(ex, "3").period == "2023" and fig(ex, "3").period_inferred  # the document's own year


def test_a_target_takes_its_year_and_is_marked() -> None:
    ex = read("力争到2027年全市有效注册商标突破40万件。今年全市将开展产品质量监督抽查不少于3000批次。", "临沂市",
              dt.date(2025, 5, 20))
    assert (fig(ex, "400000").period, fig(ex, "400000").breakdown) == ("2027", "目标")
    assert (fig(ex, "3000").period, fig(ex, "3000").breakdown) == ("2025", "目标")


def test_a_meeting_that_sums_up_last_year_reports_last_year() -> None:
    text = "3月15日，某县召开质量工作推进会，总结去年工作，部署今年任务。\n全年开展产品质量监督抽查415批次。会议要求，今年要力争新增省级企业技术中心10家以上。"
    ex = read(text, "长沙县", dt.date(2024, 3, 16))
    assert fig(ex, "415").period == "2023"
    assert (fig(ex, "10").period, fig(ex, "10").breakdown) == ("2024", "目标")


def test_whole_year_under_a_paragraph_year_and_periods_after_lead_ins_and_lists() -> None:
    ex = read("2015年，全市抽查合格率为94.3%。检验所全年新增检测参数500余项。", "苏州市", dt.date(2016, 5, 24))
    assert fig(ex, "500").period == "2015"
    ex = read("据介绍，2024年经审核，三县入选培育库，全省入库县达到9个。", "河北省", dt.date(2025, 4, 22))
    assert fig(ex, "9").period == "2024"
    ex = read("此外，全市24个项目入选2024—2025年度“金陵杯”优质工程名单。", "南京市", dt.date(2024, 10, 28))
    assert fig(ex, "24").period == "2024/2025"
    ex = read("据了解，“质量月”期间，全市将开展主题活动40余项。", "柳州市", dt.date(2025, 9, 2))
    assert (fig(ex, "40").period, fig(ex, "40").breakdown) == ("2025-09", "目标")


def test_chains_selected_into_a_project_list_count_as_its_projects() -> None:
    ex = read("推动2条产业链入选省级产业链质量提升项目。", "宜宾市")
    assert "省级产业链质量提升项目" in fig(ex, "2").measure


def test_a_part_of_a_year_in_the_title_is_the_default_period() -> None:
    text = "上半年，全市完成食品安全监督抽检1.28万批次。\n从抽检层级看，市级完成抽检3860批次，合格率为98.6%。"
    ex = read(text, "贵阳市", dt.date(2025, 7, 15), "贵阳市2025年上半年食品安全监督抽检情况通报")
    assert fig(ex, "12800").period == fig(ex, "3860").period == "2025-H1"
    assert fig(ex, "3860").subject.name == "食品安全监督抽检"  # a bare 抽检: the check the report is about


def test_what_was_done_as_a_notice_required_is_no_target() -> None:
    ex = read("根据省局《关于组织开展申报工作的通知》要求，确定某公司等9家企业为推荐名单。", "合肥市", dt.date(2025, 8, 12))
    assert fig(ex, "9").breakdown is None
    ex = read("《工作要点》明确，2025年全省新建服务站40个。", "河北省", dt.date(2025, 4, 22))
    assert fig(ex, "40").breakdown == "目标"


def test_comparisons_are_no_period() -> None:
    ex = read("全市有效注册商标达18000件，比2023年增加了1100件。", "曲靖市", dt.date(2024, 12, 1))
    assert fig(ex, "18000").period == "2024"


def test_period_bounds() -> None:
    assert period_bounds("2024-01/2024-09") == (dt.date(2024, 1, 1), dt.date(2024, 9, 30))
    assert period_bounds("2025-04-30") == (dt.date(2025, 4, 30),) * 2
    assert period_bounds("2024/2025") == (dt.date(2024, 1, 1), dt.date(2025, 12, 31))
    assert period_bounds("soon") is None


# --------------------------------------------------------------------------- graph, shapes, queries

TEXT = ("---\ntitle: 某市质量工作通报\ndate: 2025-07-10\nplace: 济南市\n---\n"
        "上半年，全市开展产品质量监督抽查320批次，合格率为95.6%，生产领域抽查企业120家。\n"
        "历城区、章丘区作交流发言，新增检测项目30项。\n")


def build(tmp_path: Path) -> tuple[Path, object]:
    from qgraph.sources import read_document

    src = tmp_path / "report.txt"
    src.write_text(TEXT, encoding="utf-8")
    ds = to_dataset([extract(read_document(src))], load_lexicon())
    out = tmp_path / "graph.nq"
    out.write_bytes(serialize(ds, "nq"))
    return out, ds


def test_observations_carry_typed_periods_confidence_and_breakdowns(tmp_path: Path) -> None:
    _, ds = build(tmp_path)
    g = ds.graph(next(c.identifier for c in ds.graphs() if "graph/report" in str(c.identifier)))
    assert "2025-H1" in {str(p) for p in g.objects(None, QG.refPeriod)}
    starts = {str(x) for x in g.objects(None, QG.periodStart)}
    assert "2025-01-01" in starts
    confidences = {o.toPython() for o in g.objects(None, QG.confidence)}
    assert confidences and all(0 <= c <= 1 for c in confidences)
    assert any(True for _ in g.triples((None, QG.subjectInferred, Literal(True))))
    shared = ds.graph(SHARED)  # a breakdown concept is described once, in the shared graph
    labels = {str(lbl) for b in g.objects(None, QG.breakdown) for lbl in shared.objects(b, None) if isinstance(lbl, Literal)}
    assert "生产领域" in labels
    report = validate_dataset(ds)
    assert report.conforms, report.text()


def test_shapes_reject_a_confidence_above_one(tmp_path: Path) -> None:
    _, ds = build(tmp_path)
    g = ds.graph(next(c.identifier for c in ds.graphs() if "graph/report" in str(c.identifier)))
    obs = next(g.subjects(QG.confidence, None))
    g.remove((obs, QG.confidence, None))
    g.add((obs, QG.confidence, Literal(Decimal("1.5"), datatype=XSD.decimal)))
    assert not validate_dataset(ds).conforms


def test_min_confidence_leaves_out_inferred_figures(tmp_path: Path) -> None:
    out, _ = build(tmp_path)
    q = load_query("statistics")
    every = run_query(out, q.text, params=q.bind({})).values()
    trusted = run_query(out, q.text, params=q.bind({"minConfidence": "0.5"})).values()
    assert any(r["value"] == "30" for r in every) and not any(r["value"] == "30" for r in trusted)
    assert len(trusted) == len(every) - 1
    result = CliRunner().invoke(main, ["query", "statistics", "--graph", str(out), "--min-confidence", "0.5",
                                       "--format", "csv"])
    assert result.exit_code == 0 and "\n30," not in result.output
    refused = CliRunner().invoke(main, ["query", "honours", "--graph", str(out), "--min-confidence", "0.5"])
    assert refused.exit_code != 0 and "minConfidence" in refused.output


# --------------------------------------------------------------------------- eval scores

def test_eval_counts_complete_and_false_figures() -> None:
    ex = read("2024年，全市抽查产品685批次。其中泰州市有效注册商标12万件。", "江苏省", dt.date(2025, 1, 10))
    gold = [{"subject": "产品质量监督抽查", "measure": "批次", "value": 685, "unit": "Pici", "period": "2024"},
            {"subject": "苏州市", "measure": "有效注册商标", "value": 120000, "unit": "Jian", "period": "2024"}]
    report = EvalReport()
    score_figures(ex, gold, report)
    assert (report.complete, report.gold_figures) == (1, 2)
    assert report.false_figures == 1 and "wrong subject (泰州市)" in report.false_list[0]
    assert "wrong subject" in report.incomplete[0]
    assert report.headline()[0].startswith("complete figures: 1/2")


def test_eval_does_not_count_a_low_confidence_figure_as_complete() -> None:
    ex = read("历城区、章丘区作交流发言，新增检测项目30项。", "济南市", dt.date(2025, 3, 1))
    gold = [{"subject": "济南市", "measure": "检测项目", "value": 30, "unit": "Xiang", "period": "2025"}]
    report = EvalReport()
    score_figures(ex, gold, report)
    assert (report.complete, report.complete_low, report.low_confidence, report.false_figures) == (0, 1, 1, 0)


def test_eval_reads_a_level_inside_a_new_measure() -> None:
    ex = read("今年全市力争新增省级企业技术中心8家。", "宜宾市", dt.date(2024, 5, 21))
    gold = [{"subject": "宜宾市", "measure": "新增省级企业技术中心", "value": 8, "unit": "Jia", "period": "2024",
             "qualifier": "目标"}]
    report = EvalReport()
    score_figures(ex, gold, report)
    assert report.complete == 1, report.incomplete


def test_gold_files_give_every_figure_a_period() -> None:
    root = Path(__file__).resolve().parent.parent / "data"
    for path in [*root.glob("eval/*.gold.json"), *root.glob("eval-holdout/*.gold.json")]:
        for fact in json.loads(path.read_text(encoding="utf-8"))["facts"]:
            assert "period" in fact, (path.name, fact)


def test_a_number_of_many_digits_is_read_not_a_crash() -> None:
    from qgraph.extract.numbers import normalise
    from decimal import Decimal

    assert normalise(Decimal("10000000000000000000000000000.00")) == Decimal(10) ** 28
    read("全市抽检10000000000000000000000000000批次。", "宝鸡市")   # found by hypothesis: InvalidOperation


# --------------------------------------------------------------------------- precision: a figure unsure of itself says so

LOW = 0.5


def test_a_generic_measure_leaves_the_figure_low_confidence() -> None:
    ex = read("今年以来，全市走访企业80家，发放宣传资料3000份，其他6个。", "济宁市")
    assert fig(ex, "80").confidence >= LOW  # 走访企业: the measure says what was counted
    assert fig(ex, "6").confidence < LOW  # 6个 with no noun: what was counted cannot be told


def test_terms_of_years_and_conditions_are_no_figures() -> None:
    ex = read("入选企业有效期为3年，示范区要在两年建设期内完成任务；对连续两次抽查不合格的8家企业实施重点监管。",
              "太原市")
    assert [o.value for o in ex.observations if o.unit in ("Nian", "Ci")] == []
    assert fig(ex, "8").unit == "Jia"


def test_two_figures_with_one_meaning_are_both_low_confidence() -> None:
    # the same subject, measure and period with two values: one of them is false and the rules cannot
    # tell which (the breakdown that tells them apart was not read)
    ex = read("2024年，全市新建服务站12个。全市新建服务站15个。", "济宁市")
    assert fig(ex, "12").confidence < LOW and fig(ex, "15").confidence < LOW


def test_a_total_stated_before_its_parts_keeps_its_confidence() -> None:
    ex = read("上半年，全市完成食品安全监督抽检3000批次，其中市级抽检1000批次，县级抽检2000批次。", "贵阳市")
    assert fig(ex, "3000").confidence >= LOW


def test_a_running_total_is_told_from_the_batch() -> None:
    ex = read("我市9个品牌入选“赣出精品”。至此，我市累计有43个品牌获评“赣出精品”。", "赣州市")
    assert fig(ex, "43").breakdown == "累计"
    assert fig(ex, "9").breakdown is None


def test_firm_sizes_listed_with_fenbie_are_breakdowns_of_the_check() -> None:
    text = ("2023年度，省市场监管局组织开展产品质量省级监督抽查2000批次。\n"
            "大型、中型、小型企业产品抽查不合格率分别为1.5%、3.5%、10.5%。")
    ex = read(text, "黑龙江省")
    small = fig(ex, "10.5")
    assert small.breakdown == "小型企业"
    assert small.subject.kind is not Kind.PRODUCT_CATEGORY and small.subject.name != "小型"
    assert fig(ex, "1.5").subject == fig(ex, "2000").subject  # the report's check


def test_a_bracketed_sub_breakdown_keeps_its_parent() -> None:
    ex = read("生产领域抽查500批次，不合格率为4.0%；流通领域（电商）抽查300批次，不合格率为12.0%。", "兰州市")
    assert fig(ex, "300").breakdown == "流通领域（电商）"
    assert fig(ex, "500").breakdown == "生产领域"


def test_a_new_verb_governs_every_item_of_its_list() -> None:
    ex = read("2024年，全市企业新增主导制定国家标准20项、行业标准30项，全市累计主导制定标准400项。", "太原市")
    assert fig(ex, "20").breakdown == fig(ex, "30").breakdown == "新增"
    assert fig(ex, "400").breakdown == "累计"


def test_a_place_fallback_in_a_paragraph_about_a_list_is_inferred() -> None:
    text = "市市场监管局公布首批“鹿城名品”名单。经专家评审，从80个申报品牌中遴选出12个品牌。"
    ex = read(text, "包头市")
    # the sentence before announces the list and this one reports its selection: the list's applicants
    # (see tests/test_figure_subjects.py); with no list announced, a place fallback stays unsure
    assert fig(ex, "80").subject.name == "鹿城名品"
    unsure = read("市市场监管局开展品牌评价。经专家评审，从80个申报品牌中遴选出12个品牌。", "包头市")
    assert fig(unsure, "80").subject is None or fig(unsure, "80").subject.name != "鹿城名品"


def test_a_programme_named_by_its_core_takes_its_lists_count() -> None:
    text = "省市场监管局公布2024年度山西省质量标杆名单。截至2024年底，全省累计培育省级质量标杆企业90家。"
    ex = read(text, "山西省")
    assert fig(ex, "90").subject.name == "山西省质量标杆"
    held = read("截至目前，全市拥有中国驰名商标20件。", "苏州市")
    assert fig(held, "20").subject.name == "苏州市"  # 拥有: a stock the place holds


def test_a_headline_figure_repeated_in_the_body_is_read_once() -> None:
    text = "赣州9个品牌入选“赣出精品”\n12月5日，省市场监管局公布名单。我市甲乙、丙丁等9个品牌入选“赣出精品”。"
    ex = read(text, "赣州市")
    assert len([o for o in ex.observations if o.value == Decimal(9)]) == 1


def test_eval_takes_the_level_as_the_qualifier() -> None:
    ex = read("2024年，全省共有省级企业技术中心30家。", "吉林省")
    gold = [{"subject": "吉林省", "measure": "企业技术中心", "value": 30, "unit": "Jia", "period": "2024",
             "qualifier": "省级"}]
    report = EvalReport()
    score_figures(ex, gold, report)
    assert report.complete == 1, report.incomplete


def test_the_follow_up_of_a_checks_failures_is_the_checks_or_unsure() -> None:
    one = read("上半年，全市完成食品安全监督抽检5000批次。\n针对不合格食品，全市立案查处40件，罚没款20万元。", "贵阳市")
    assert fig(one, "40").subject.name == fig(one, "5000").subject.name
    two = read("上半年，全市完成食品安全监督抽检5000批次，食用农产品抽检3000批次。\n"
               "针对不合格食品，全市立案查处40件。", "贵阳市")
    assert fig(two, "40").confidence < LOW  # two checks: whose follow-up it is cannot be told
    plain = read("全年立案查处质量违法案件53件。", "长沙县")
    assert fig(plain, "53").subject.name == "长沙县"  # general enforcement: the place's


def test_counts_in_the_object_of_a_check_are_the_checks() -> None:
    ex = read("2023年度，省市场监管局对电子电器、建筑材料等5大类60种产品开展省级监督抽查，共抽查2000批次。", "黑龙江省")
    assert fig(ex, "60").subject == fig(ex, "2000").subject
    assert fig(ex, "60").subject.kind is not Kind.PLACE


def test_a_planned_arrangement_is_a_target() -> None:
    ex = read("2023年，省级监督抽查完成2400批次。今年，省级监督抽查将安排2600批次。", "黑龙江省",
              date=dt.date(2024, 3, 1))
    assert fig(ex, "2600").breakdown == "目标"
    assert fig(ex, "2400").breakdown is None


def test_a_subject_carried_from_an_unsure_figure_is_as_unsure() -> None:
    text = "市市场监管局公布首批“鹿城名品”名单。经专家评审，从80个申报品牌中遴选出12个品牌，其中企业品牌8个。"
    ex = read(text, "包头市")
    # the list announced in the sentence before owns its selection (tests/test_figure_subjects.py)
    assert fig(ex, "12").confidence < LOW or fig(ex, "12").subject.name == "鹿城名品"
    assert fig(ex, "8").confidence < LOW or fig(ex, "8").subject.name == "鹿城名品"


def test_sections_of_a_list_are_the_programmes() -> None:
    text = "省市场监管局公布第五批“赣出精品”名单。\n据介绍，本批入选品牌中，企业品牌4个、区域公用品牌5个。"
    ex = read(text, "赣州市")
    assert fig(ex, "4").subject.name == fig(ex, "5").subject.name == "赣出精品"


def test_a_programme_named_again_in_the_sentence_takes_its_running_total() -> None:
    text = ("省市场监管局公布“赣出精品”名单。\n"
            "据了解，“赣出精品”是省级区域公共品牌，已发布五批，全省累计入选品牌达到500个。")
    ex = read(text, "赣州市")
    assert fig(ex, "500").subject.name == "赣出精品"


def test_a_place_named_inside_a_programme_does_not_own_its_count() -> None:
    ex = read("2025年，全市力争新培育陕西省质量标杆企业两家。", "宝鸡市")
    assert fig(ex, "2").subject.name == "陕西省质量标杆"


def test_figures_during_an_event_are_not_the_places() -> None:
    ex = read("“质量月”期间，全市将开展质量诊断、标准宣贯等活动40余项。", "柳州市")
    o = fig(ex, "40")
    assert o.subject.name == "质量月" or o.confidence < LOW


def test_places_paired_with_numbers_in_a_list_own_them_and_keep_the_measure() -> None:
    ex = read("2024年，全省实施省级质量强链项目30个，其中长春市14个、吉林市7个。", "吉林省")
    assert (fig(ex, "14").subject.name, fig(ex, "7").subject.name) == ("长春市", "吉林市")
    assert fig(ex, "7").measure == fig(ex, "30").measure
    listed = read("省局确定太谷区、清徐县、平遥县3个县（区）为示范区。", "山西省")
    assert fig(listed, "3").subject.name != "平遥县"  # a count of the list, not the last item's


def test_eval_counts_ming_and_ren_as_one_unit() -> None:
    ex = read("2024年，全市共有5名个人获得市长质量奖。", "常州市")
    gold = [{"subject": "常州市", "measure": "个人", "value": 5, "unit": "Ren", "period": "2024"}]
    report = EvalReport()
    score_figures(ex, gold, report)
    assert fig(ex, "5").unit == "Ming"
    assert report.false_figures == 0, report.false_list
    assert not any("missing" in line for line in report.incomplete)


def test_a_bureau_heading_a_clause_leaves_its_figure_inferred() -> None:
    ex = read("2015年，全市抽检合格率为95.0%；市工商局查处商标侵权案件400件。", "苏州市")
    assert fig(ex, "400").confidence < LOW


def test_an_unsure_subject_stays_unsure_along_its_sentence() -> None:
    ex = read("2015年，全市抽检合格率为95.0%；市工商局查处商标侵权案件400件，罚没款100万元。", "苏州市")
    assert fig(ex, "1000000").confidence < LOW


def test_a_campaigns_count_of_its_acts_keeps_its_confidence() -> None:
    ex = read("2024年，全省开展商标侵权执法检查4600余次，查处商标侵权案件600件。", "江西省")
    o = fig(ex, "4600")
    assert o.measure == "次数" and o.confidence >= LOW


def test_the_sentences_own_place_word_carries_over_its_clauses() -> None:
    text = ("全市29家企业入选“好品山东”。"
            "截至2022年底，全市共有国家企业技术中心41家、省级企业技术中心398家，国家级重点实验室12个。")
    ex = read(text, "成都市")
    o = fig(ex, "12")
    assert o.subject.name == "成都市" and o.confidence >= LOW


def test_enforcement_with_no_campaign_named_is_inferred() -> None:
    ex = read("2024年，全市质量工作稳步推进。检查特种设备使用单位300余家，立案查处质量违法案件60件。", "宝鸡市")
    assert fig(ex, "60").confidence < LOW
    named = read("2024年，全市开展产品质量安全专项整治，立案查处质量违法案件60件。", "温州市")
    assert fig(named, "60").confidence >= LOW and fig(named, "60").subject.kind is not Kind.PLACE


def test_eval_counts_persons_in_ren_whatever_the_classifier() -> None:
    from qgraph.evaluate import _same_unit
    assert _same_unit("Ming", "Ren") and _same_unit("Wei", "Ren") and _same_unit("Ren", "Ren")
    assert not _same_unit("Wei", "Jia")


def test_eval_takes_a_places_share_of_a_programme_written_either_way() -> None:
    from decimal import Decimal as D

    from qgraph.evaluate import _faults
    from qgraph.model import Observation, Ref, Span
    o = Observation(measure="入选某奖的组织", value=D(21), unit="Jia", span=Span(0, 3, "21家"),
                    subject=Ref(Kind.HONOUR, "上海市市长质量奖"), place="上海市", period="2024")
    gold = {"subject": "上海市", "measure": "组织", "value": 21, "unit": "Jia", "period": "2024",
            "qualifier": "上海市市长质量奖"}
    assert _faults(o, gold) == []
    assert _faults(o, {**gold, "subject": "北京市"})  # another place's share is still wrong
    assert _faults(o, {**gold, "qualifier": "上海市质量金奖"})  # and another programme's


def test_a_campaign_does_not_own_a_later_clause_group_doing_no_such_work() -> None:
    ex = read("2024年，积极开展农资打假专项行动，部署棉花公检；品牌建设成效显著，全年新增某省名牌18项。", "温州市")
    o = fig(ex, "18")
    assert o.subject is None or "打假" not in o.subject.name, (o.subject, o.confidence)


def test_a_campaign_owns_the_enforcement_of_its_later_clause_groups() -> None:
    ex = read("2024年，开展农资打假专项行动，检查门店460家；查处案件12件。", "温州市")
    assert "打假" in fig(ex, "12").subject.name, fig(ex, "12").subject
