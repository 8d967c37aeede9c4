"""The 15 competency questions (GUIDE §5): each stored query answers its question.

First on the hand-made fixture (``tests/fixtures/mini.trig``, two documents), then on a real
``qgraph build`` of the sample corpus, with answers read from the text of
``data/corpus/zaozhuang-quality-2025-09-19.txt``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from qgraph.query import list_queries, load_query, run_query

QUESTIONS = {
    "policies", "chain-projects", "spot-checks", "inspection-clients", "honours", "innovation-centres", "speakers",
    "facilities", "selections", "trademarks-gi", "enforcement", "construction-checks", "statistics",
    "describe-entity", "figure-over-time", "web-annotations",
}


def ask(source: Path, name: str, **params: str) -> list[dict[str, str]]:
    query = load_query(name)
    return run_query(source, query.text, params=query.bind(params)).values()


def num(value: str) -> Decimal:
    return Decimal(value)


def split(value: str) -> set[str]:
    return set(filter(None, re.split(r"[、;|]\s*|\s\|\s", value)))


# --------------------------------------------------------------------------- the queries themselves


def test_there_is_one_stored_query_per_question() -> None:
    assert {q.name for q in list_queries()} == QUESTIONS


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_header_and_parameters_are_declared(name: str) -> None:
    q = load_query(name)
    assert q.title and q.title != name
    assert len(q.description) > 30
    assert not q.adhoc
    select = q.text[q.text.index("CONSTRUCT" if "CONSTRUCT" in q.text else "SELECT"):q.text.index("WHERE")]
    for p in q.params:
        assert p.description
        # a parameter is written into the text as a term (qgraph.sparql.substitute): the outer
        # SELECT projects it, so its column stays, and the query never assigns it
        assert re.search(rf"\?{p.name}\b", select), f"?{p.name} is not projected"
        assert not re.search(rf"AS \?{p.name}\b", q.text)
        assert not re.search(rf"VALUES\s*\??\(?[^{{]*\?{p.name}\b", q.text)


# --------------------------------------------------------------------------- on the fixture


def test_q1_policies_with_type_level_and_issuer(mini_graph: Path) -> None:
    rows = {r["title"]: r for r in ask(mini_graph, "policies")}
    assert set(rows) == {"质量强国建设纲要", "山东省质量强省建设纲要", "全市2025年深入推进小微企业质量管理体系认证提升行动方案",
                         "枣庄市医疗质量安全评价标准(试行)"}
    assert rows["质量强国建设纲要"]["documentType"] == "纲要" and rows["质量强国建设纲要"]["level"] == "国家级"
    plan = rows["全市2025年深入推进小微企业质量管理体系认证提升行动方案"]
    assert plan["issuedBy"] == "枣庄市市场监督管理局" and plan["level"] == "市级"
    assert rows["枣庄市医疗质量安全评价标准(试行)"]["provisional"] == "true"
    assert {r["title"] for r in ask(mini_graph, "policies", type="纲要")} == {"质量强国建设纲要", "山东省质量强省建设纲要"}
    assert [r["title"] for r in ask(mini_graph, "policies", type="qg:Standard")] == ["枣庄市医疗质量安全评价标准(试行)"]


def test_q2_chain_projects_per_level(mini_graph: Path) -> None:
    rows = ask(mini_graph, "chain-projects")
    assert [(r["level"], num(r["projects"]), int(r["named"])) for r in rows] == [
        ("国家级", 1, 1), ("省级", 2, 2), ("市级", 10, 2)]
    assert split(rows[1]["chains"]) == {"锂电池产业链", "机床产业链"}
    assert len(ask(mini_graph, "chain-projects", place="qgplace:370400")) == 3
    assert ask(mini_graph, "chain-projects", place="滕州市") == []


def test_q3_spot_checks_categories_batches_pass_rate(mini_graph: Path) -> None:
    rows = ask(mini_graph, "spot-checks", place="枣庄市")
    latest = rows[0]
    assert (num(latest["batches"]), num(latest["passRate"])) == (685, Decimal("96.2"))
    assert split(latest["categories"]) == {"成品油", "电动自行车"}
    assert latest["area"] == "枣庄市" and latest["level"] == "市级" and latest["reported"] == "2025-09-19"
    assert (num(rows[1]["batches"]), num(rows[1]["passRate"])) == (600, Decimal("95.8"))
    assert len(ask(mini_graph, "spot-checks", place="Zaozhuang")) == 2  # any label, any language
    assert ask(mini_graph, "spot-checks", place="滕州市") == []


def test_q4_organisations_an_inspection_centre_served(mini_graph: Path) -> None:
    rows = ask(mini_graph, "inspection-clients", centre="国家机床质检中心")
    assert {(r["client"], r["clientType"]) for r in rows} == {
        ("中国机械科学研究院", "科研院所"), ("上海交通大学", "高等院校"), ("威达重工", "企业")}
    assert all("470余" in r["work"] for r in rows)
    assert ask(mini_graph, "inspection-clients", centre="枣庄市市场监督管理局") == []


def test_q5_honours_certifications_and_listings(mini_graph: Path) -> None:
    rows = {r["honour"]: r for r in ask(mini_graph, "honours") if r["honour"] != "晋冀鲁豫四省十九市重点保护商标和地理标志名录"}
    assert rows["好品山东"]["count"] == "3" and rows["好品山东"]["batch"] == "4" and rows["好品山东"]["recipientType"] == "企业"
    assert rows["泰山品质"]["recipients"] == "山东美果来食品有限公司" and rows["泰山品质"]["year"] == "2024"
    assert rows["泰山品质"]["reported"] == "2025-09-19"
    assert [r["honour"] for r in ask(mini_graph, "honours", programme="泰山品质")] == ["泰山品质"]


def test_q6_innovation_centres_per_level(mini_graph: Path) -> None:
    rows = [r for r in ask(mini_graph, "innovation-centres", place="枣庄市") if r["reported"] == "2025-09-19"]
    assert [(r["level"], r["kind"], num(r["count"])) for r in rows] == [
        ("国家级", "企业技术中心", 2), ("省级", "企业技术中心", 58), ("省级", "工程研究中心", 13),
        ("市级", "企业技术中心", 206), ("市级", "工程研究中心", 104)]


def test_q7_speakers_organisation_and_post(mini_graph: Path) -> None:
    [row] = ask(mini_graph, "speakers", organization="枣庄市市场监督管理局")
    assert row["name"] == "李震" and row["org"] == "枣庄市市场监督管理局"
    assert split(row["posts"]) == {"副局长", "党组成员"}
    assert "新闻发布会" in row["spokeAt"]
    assert ask(mini_graph, "speakers", organization="qgorg:zaozhuang-shi-shichang-jiandu-guanli-ju")[0]["name"] == "李震"
    assert ask(mini_graph, "speakers", organization="国家机床质检中心") == []


def test_q8_facilities_and_their_industry(mini_graph: Path) -> None:
    rows = ask(mini_graph, "facilities")
    assert {(r["facilityName"], r["industry"]) for r in rows} == {
        ("石榴产业服务站", "石榴"), ("辣子鸡产业服务站", "辣子鸡"), ("省级枣庄石榴产业商标品牌指导站", "石榴")}
    [station] = ask(mini_graph, "facilities", place="峄城")  # an alias of 峄城区
    assert station["level"] == "省级" and station["area"] == "峄城区"
    assert len(ask(mini_graph, "facilities", place="枣庄市")) == 3  # 峄城区 is in 枣庄市
    assert ask(mini_graph, "facilities", place="滕州市") == []


def test_q9_places_selected_into_pools(mini_graph: Path) -> None:
    [row] = ask(mini_graph, "selections")
    assert (row["selected"], row["pool"], row["kind"]) == ("滕州市", "国家质量强县(区、镇)培育库", "培育库")


def test_q10_trademarks_and_geographical_indications(mini_graph: Path) -> None:
    rows = ask(mini_graph, "trademarks-gi")
    assert {(r["kind"], r["count"], r["named"], r["year"]) for r in rows} == {
        ("商标", "10", "尚品本色", "2024—2025"), ("地理标志", "5", "峄城石榴", "2024—2025")}
    assert {r["list"] for r in rows} == {"晋冀鲁豫四省十九市重点保护商标和地理标志名录"}


def test_q11_enforcement_figures_in_yuan(mini_graph: Path) -> None:
    rows = {r["measure"]: r for r in ask(mini_graph, "enforcement", place="枣庄市")}
    assert (num(rows["检查农资生产经营场所"]["value"]), rows["检查农资生产经营场所"]["qualifier"]) == (1200, "余")
    assert num(rows["办理案件"]["value"]) == 108
    assert (num(rows["罚没款"]["value"]), rows["罚没款"]["unit"]) == (442600, "元")
    assert "44.26万元" in rows["罚没款"]["source"]


def test_q12_construction_checks(mini_graph: Path) -> None:
    rows = {r["measure"]: num(r["value"]) for r in ask(mini_graph, "construction-checks")}
    assert rows == {"抽查在建项目": 20, "抽查检测机构": 7, "抽查混凝土企业": 14, "整改隐患": 123}


def test_q13_every_statistic_with_unit_period_and_sentence(mini_graph: Path) -> None:
    rows = ask(mini_graph, "statistics")
    assert len(rows) == 22
    assert all(r["source"] and r["document"] and r["unit"] for r in rows)
    rates = ask(mini_graph, "statistics", measure="合格率")
    assert sorted((num(r["value"]), r["unit"], r["period"]) for r in rates) == [
        (Decimal("95.8"), "%", "2024"), (Decimal("96.2"), "%", "2025")]
    assert any("合格率为96.2%" in r["source"] for r in rates)
    assert len(ask(mini_graph, "statistics", measure="企业技术中心", place="枣庄市")) == 4
    assert ask(mini_graph, "statistics", place="滕州市") == []


def test_q14_describe_an_entity_with_sentences(mini_graph: Path) -> None:
    rows = ask(mini_graph, "describe-entity")  # default: 枣庄市市场监督管理局
    relations = {r["relation"] for r in rows}
    assert {"(itself)", "http://www.w3.org/ns/org#postIn", "http://data.europa.eu/eli/ontology#passed_by"} <= relations
    assert all(r["sentence"] for r in rows)
    person = ask(mini_graph, "describe-entity", entity="李震")
    assert {r["factLabel"] for r in person if r["relation"] == "http://www.w3.org/ns/org#holds"} == {
        "枣庄市市场监督管理局副局长", "枣庄市市场监督管理局党组成员"}
    by_iri = ask(mini_graph, "describe-entity", entity="<https://w3id.org/qgraph/id/person/li-zhen>")
    assert [{k: v for k, v in r.items() if k != "entity"} for r in by_iri] == [
        {k: v for k, v in r.items() if k != "entity"} for r in person]


def test_q15_a_figure_over_time(mini_graph: Path) -> None:
    rows = ask(mini_graph, "figure-over-time", measure="合格率")
    assert [(r["date"], num(r["value"])) for r in rows] == [("2024-09-20", Decimal("95.8")), ("2025-09-19", Decimal("96.2"))]
    assert "previous" not in rows[0]
    assert (num(rows[1]["previous"]), num(rows[1]["change"])) == (Decimal("95.8"), Decimal("0.4"))
    series = {(r["measureLabel"], r["date"]): r for r in ask(mini_graph, "figure-over-time")}
    assert num(series[("抽查批次", "2025-09-19")]["change"]) == 85
    assert num(series[("省级企业技术中心", "2025-09-19")]["change"]) == 6
    assert ask(mini_graph, "figure-over-time", place="滕州市") == []


# --------------------------------------------------------------------------- on the real sample build

pytestmark_real = pytest.mark.slow


@pytest.fixture(scope="module")
def real(sample_build: Path) -> Path:
    return sample_build / "graph.nq"


@pytestmark_real
def test_real_spot_check_685_batches_96_2_percent(real: Path, sample_build: Path) -> None:
    for source in (real, sample_build / "store"):
        [row] = ask(source, "spot-checks", place="枣庄市")
        assert (num(row["batches"]), num(row["passRate"])) == (685, Decimal("96.2"))
        assert {"成品油", "电动自行车", "家用燃气灶"} <= split(row["categories"])


@pytestmark_real
def test_real_chain_projects_1_2_10(real: Path) -> None:
    rows = ask(real, "chain-projects", place="枣庄市")
    assert [(r["level"], num(r["projects"])) for r in rows] == [("国家级", 1), ("省级", 2), ("市级", 10)]
    assert "石榴产业链" in rows[0]["chains"]


@pytestmark_real
def test_real_58_provincial_enterprise_technology_centres(real: Path) -> None:
    rows = {(r["level"], r["kind"]): num(r["count"]) for r in ask(real, "innovation-centres")}
    assert rows == {("国家级", "企业技术中心"): 2, ("省级", "企业技术中心"): 58, ("省级", "工程研究中心"): 13,
                    ("市级", "企业技术中心"): 206, ("市级", "工程研究中心"): 104}


@pytestmark_real
def test_real_li_zhen_is_deputy_director(real: Path) -> None:
    rows = {r["name"]: r for r in ask(real, "speakers")}
    assert rows["李震"]["org"] == "枣庄市市场监督管理局"
    assert {"副局长", "党组成员"} <= split(rows["李震"]["posts"])


@pytestmark_real
def test_real_policies_honours_and_listings(real: Path) -> None:
    policies = {r["title"]: r for r in ask(real, "policies")}
    assert policies["质量强国建设纲要"]["documentType"] == "纲要"
    assert policies["枣庄市医疗质量安全评价标准(试行)"]["provisional"] == "true"
    honours = {r["honour"]: r for r in ask(real, "honours")}
    assert (honours["好品山东"]["count"], honours["好品山东"]["batch"]) == ("3", "4")
    assert honours["泰山品质"]["recipients"] == "山东美果来食品有限公司"
    marks = {r["kind"]: num(r["count"]) for r in ask(real, "trademarks-gi")}
    assert marks == {"商标": 10, "地理标志": 5}
    assert "滕州市" in {r.get("selected") for r in ask(real, "selections")}


@pytestmark_real
def test_real_inspections_enforcement_and_construction(real: Path) -> None:
    clients = {r["client"] for r in ask(real, "inspection-clients", centre="国家机床质检中心")}
    assert {"中国机械科学研究院", "上海交通大学"} <= clients and len(clients) == 3
    enforcement = sorted(num(r["value"]) for r in ask(real, "enforcement"))
    assert enforcement == [108, 1200, 442600]
    construction = sorted(num(r["value"]) for r in ask(real, "construction-checks"))
    assert construction == [7, 14, 20, 123]
    industries = set().union(*(split(r["industry"]) for r in ask(real, "facilities")))
    assert {"石榴", "辣子鸡", "新能源", "绿色建材", "高端装备", "高端化工"} <= industries


@pytestmark_real
def test_real_statistics_keep_their_sentence(real: Path) -> None:
    [rate] = ask(real, "statistics", measure="合格率")
    assert num(rate["value"]) == Decimal("96.2") and "合格率为96.2%" in rate["source"]
    assert any(r["relation"] == "(itself)" for r in ask(real, "describe-entity", entity="李震"))
    assert {num(r["value"]) for r in ask(real, "figure-over-time", measure="合格率")} == {Decimal("96.2")}
