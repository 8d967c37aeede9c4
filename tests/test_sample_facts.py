"""Every fact of the sample article (data/corpus/zaozhuang-quality-2025-09-19.txt) is in the built
graph, class by class, asked with SPARQL (rdflib) over the document's graph plus the ontology.

A fact the build misses or gets wrong is written as a test anyway, marked ``xfail(strict=True)``
with the reason; when the extractor learns it the test XPASSes (and fails), and the marker goes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from qgraph.pipeline import build_dataset
from qgraph.rdf import ONTOLOGY_GRAPH, SHARED, graph_iri
from qgraph.vocab import PREFIXES

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
DOC_ID = "zaozhuang-quality-2025-09-19"
ID = "https://w3id.org/qgraph/id/"


def place(code: str) -> str:
    """A place IRI in SPARQL (also written qgplace:CODE)."""
    return f"<{ID}place/{code}>"


ZAOZHUANG = place("370400")


@pytest.fixture(scope="module")
def g() -> Graph:
    ds, _, errors = build_dataset([CORPUS])
    assert not errors
    out = Graph()
    for t in ds.graph(graph_iri(DOC_ID)):
        out.add(t)
    for t in ds.graph(SHARED):  # the shared descriptions: classes, labels, places
        out.add(t)
    for t in ds.graph(ONTOLOGY_GRAPH):  # for rdfs:subClassOf* paths
        out.add(t)
    return out


def ask(g: Graph, where: str) -> bool:
    return bool(g.query(f"ASK {{ {where} }}", initNs=PREFIXES).askAnswer)


def values(g: Graph, var: str, where: str) -> set[str]:
    return {str(row[0]) for row in g.query(f"SELECT DISTINCT ?{var} WHERE {{ {where} }}", initNs=PREFIXES)}


def check(g: Graph, where: str, what: str) -> None:
    assert ask(g, where), f"not in the graph: {what}\n  ASK {{ {where} }}"


def named(var: str, cls: str, name: str) -> str:
    """?var is an instance of cls (or a subclass) whose Chinese preferred label is name."""
    return f'?{var} a/rdfs:subClassOf* {cls} ; skos:prefLabel "{name}"@zh .'


# --------------------------------------------------------------------------- policies

POLICIES = [
    # (words of the title, document type, level, provisional)
    ("质量强国建设纲要", "qg:Outline", "qg:National", None),
    ("山东省质量强省建设纲要", "qg:Outline", "qg:Provincial", None),
    ("关于加快推进质量基础设施助力产业链供应链质量联动提升试点工作的通知", "qg:Notice", "qg:Municipal", None),
    ("关于推进落实“首席质量官”“标杆服务员”制度的通知", "qg:Notice", "qg:Municipal", None),
    ("全市2025年深入推进小微企业质量管理体系认证提升行动方案", "qg:ImplementationPlan", "qg:Municipal", None),
    ("枣庄市医疗质量安全评价标准", "qg:Standard", "qg:Municipal", True),
]


@pytest.mark.parametrize(("title", "doc_type", "level", "provisional"), POLICIES, ids=[p[0][:12] for p in POLICIES])
def test_policy(g: Graph, title: str, doc_type: str, level: str, provisional: bool | None) -> None:
    where = (f'?p a qg:Policy ; dcterms:title ?t ; qg:documentType {doc_type} ; qg:level {level} . '
             f'FILTER(STRSTARTS(STR(?t), "{title}"))')
    if provisional:
        where += " ?p qg:provisional true ."
    check(g, where, f"《{title}》 {doc_type} {level}")


def test_exactly_six_policies(g: Graph) -> None:
    assert len(values(g, "p", "?p a qg:Policy")) == 6


def test_national_and_provincial_outlines_are_not_issued_by_city_departments(g: Graph) -> None:
    assert not ask(g, '?p a qg:Policy ; qg:documentType qg:Outline ; eli:passed_by ?d . ?d qg:place ?x . '
                      f'FILTER(?x = {ZAOZHUANG})')


# --------------------------------------------------------------------------- organisations

DEPARTMENTS = [
    ("枣庄市发展和改革委员会", "发改"),
    ("枣庄市科学技术局", "科技"),
    ("枣庄市农业农村局", "农业农村"),
    ("枣庄市文化和旅游局", "文旅"),
    ("枣庄市卫生健康委员会", "卫健"),
    ("枣庄市市场监督管理局", "市场监管"),
]


@pytest.mark.parametrize(("name", "short"), DEPARTMENTS, ids=[d[1] for d in DEPARTMENTS])
def test_abbreviated_department_is_expanded_and_issues_policies(g: Graph, name: str, short: str) -> None:
    check(g, named("d", "qg:GovernmentDepartment", name) + f' ?d skos:altLabel "{short}"@zh ; '
             f"qg:place {ZAOZHUANG} ; qg:level qg:Municipal .", f"{short} → {name}")
    check(g, named("d", "qg:GovernmentDepartment", name) + " ?p a qg:Policy ; eli:passed_by ?d .",
          f"{name} issued a policy")


def test_no_department_under_its_short_name(g: Graph) -> None:
    shorts = {s for _, s in DEPARTMENTS}
    labels = values(g, "l", "?d a/rdfs:subClassOf* qg:Organization ; skos:prefLabel ?l")
    assert not labels & shorts


@pytest.mark.parametrize(("name", "cls"), [
    ("中共枣庄市委员会", "qg:GovernmentBody"),
    ("枣庄市人民政府", "qg:GovernmentBody"),
    ("枣庄市人民政府新闻办公室", "qg:Organization"),
    ("枣庄市食品药品检验检测中心", "qg:InspectionBody"),
    ("国家机床质检中心", "qg:InspectionBody"),
    ("路域固废资源化利用技术山东省工程研究中心", "qg:ResearchCentre"),
    ("山东美果来食品有限公司", "qg:Enterprise"),
    ("中国机械科学研究院", "qg:ResearchInstitute"),
    ("上海交通大学", "qg:University"),
    ("山东威达重工股份有限公司", "qg:Enterprise"),
])
def test_organisation(g: Graph, name: str, cls: str) -> None:
    check(g, named("o", cls, name), f"{name} a {cls}")


def test_elided_city_prefixes_belong_to_the_city(g: Graph) -> None:
    check(g, named("o", "qg:GovernmentBody", "中共枣庄市委员会") + f" ?o qg:place {ZAOZHUANG} .", "市委")
    check(g, named("o", "qg:GovernmentBody", "枣庄市人民政府") + f" ?o qg:place {ZAOZHUANG} .", "市政府")
    check(g, named("o", "qg:InspectionBody", "枣庄市食品药品检验检测中心")
          + f' ?o qg:place {ZAOZHUANG} ; skos:altLabel "市食品药品检验检测中心"@zh .', "市食品药品检验检测中心")


def test_press_office_organised_the_press_conference(g: Graph) -> None:
    check(g, named("o", "qg:Organization", "枣庄市人民政府新闻办公室")
          + " ?e a qg:PressConference ; qg:organizer ?o .", "organiser")


def test_machine_tool_centre_served_three_organisations(g: Graph) -> None:
    served = values(g, "name", named("c", "qg:InspectionBody", "国家机床质检中心")
                    + " ?t a qg:TestingService ; qg:performedBy ?c ; qg:served/skos:prefLabel ?name .")
    assert served == {"中国机械科学研究院", "上海交通大学", "山东威达重工股份有限公司"}
    check(g, named("o", "qg:University", "上海交通大学") + ' ?o skos:altLabel "上海交大"@zh .', "上海交大")
    check(g, named("o", "qg:Enterprise", "山东威达重工股份有限公司") + ' ?o skos:altLabel "威达重工"@zh .', "威达重工")


def test_research_centre_lies_in_its_province(g: Graph) -> None:
    check(g, named("o", "qg:ResearchCentre", "路域固废资源化利用技术山东省工程研究中心")
          + f" ?o qg:place {place('370000')} .", "路域… in 山东省")


def test_research_centre_level_is_read_from_its_name(g: Graph) -> None:
    """路域固废资源化利用技术山东省工程研究中心: place and level embedded in the name (GUIDE §4 hard case 4)."""
    check(g, named("o", "qg:ResearchCentre", "路域固废资源化利用技术山东省工程研究中心")
          + " ?o qg:level qg:Provincial .", "路域… qg:level qg:Provincial")


def test_national_inspection_centre_level_is_read_from_its_name(g: Graph) -> None:
    check(g, named("o", "qg:InspectionBody", "国家机床质检中心") + " ?o qg:level qg:National .",
          "国家机床质检中心 qg:level qg:National")


@pytest.mark.parametrize("word", ["格局", "政府主导", "副局长"])
def test_no_false_organisation(g: Graph, word: str) -> None:
    """Suffix collisions (格局, 副局长) and slogans (政府主导) are no organisations."""
    labels = values(g, "l", "?o a/rdfs:subClassOf* qg:Organization ; rdfs:label ?l")
    assert not [label for label in labels if word in label]


def test_counted_categories_are_not_organisations(g: Graph) -> None:
    """省级企业技术中心58家、工程研究中心13家 are counts, not organisations (GUIDE §4 hard case 5)."""
    labels = values(g, "l", "?o a/rdfs:subClassOf* qg:Organization ; rdfs:label ?l")
    assert not [label for label in labels if re.fullmatch(r"(国家级|省级|市级)?(企业技术中心|工程研究中心)", label)]


def test_boilerplate_gives_no_entities(g: Graph) -> None:
    labels = values(g, "l", "?s rdfs:label ?l ; qg:mentionedIn ?d")
    assert not [label for label in labels if "网易" in label or "NetEase" in label or "特别声明" in label]


# --------------------------------------------------------------------------- people

def test_li_zhen_holds_two_posts_in_the_market_regulator_and_speaks(g: Graph) -> None:
    roles = values(g, "role", '?p a foaf:Person ; foaf:name "李震"@zh ; org:holds ?post . '
                              "?post org:role/skos:prefLabel ?role ; org:postIn ?o . "
                              '?o skos:prefLabel "枣庄市市场监督管理局"@zh .')
    assert roles == {"党组成员", "副局长"}
    check(g, '?p a foaf:Person ; foaf:name "李震"@zh . ?e a qg:PressConference ; qg:speaker ?p .', "李震 speaks")


def test_li_huanyu_is_a_reporter(g: Graph) -> None:
    check(g, '?p a foaf:Person ; foaf:name "李环宇"@zh ; org:holds ?post . '
             '?post org:role/skos:prefLabel "记者"@zh ; org:postIn/skos:altLabel "闪电新闻"@zh .', "李环宇 记者")


def test_exactly_two_people(g: Graph) -> None:
    assert values(g, "n", "?p a foaf:Person ; foaf:name ?n") == {"李震", "李环宇"}


# --------------------------------------------------------------------------- industry chains

CHAINS = [("石榴产业链", "qg:National"), ("锂电池产业链", "qg:Provincial"), ("机床产业链", "qg:Provincial"),
          ("新材料产业链", "qg:Municipal"), ("高端装备产业链", "qg:Municipal")]


@pytest.mark.parametrize(("chain", "level"), CHAINS, ids=[c[0] for c in CHAINS])
def test_chain_project(g: Graph, chain: str, level: str) -> None:
    check(g, f'?p a qg:ChainProject ; qg:level {level} ; qg:place {ZAOZHUANG} ; qg:chain ?c . '
             f'?c a qg:IndustryChain ; skos:prefLabel "{chain}"@zh ; skos:inScheme qg:IndustryChainScheme .',
          f"{chain} {level}")


def test_exactly_five_chain_projects(g: Graph) -> None:
    assert len(values(g, "p", "?p a qg:ChainProject")) == 5


@pytest.mark.parametrize(("level", "count"), [("qg:National", 1), ("qg:Provincial", 2), ("qg:Municipal", 10)])
def test_chain_projects_counted_per_level(g: Graph, level: str, count: int) -> None:
    check(g, f'?o a qg:Observation ; qg:measure/skos:prefLabel "产业链项目"@zh ; qg:level {level} ; '
             f"qg:unit qg:Tiao ; qg:value ?v ; qg:subject {ZAOZHUANG} . FILTER(?v = {count})", f"{count} {level}")


def test_work_models_are_not_counts(g: Graph) -> None:
    models = values(g, "l", "?m a qg:WorkModel ; skos:prefLabel ?l")
    assert any("1210" in m for m in models) and any("6+3" in m for m in models), models
    assert not ask(g, "?o a qg:Observation ; qg:value ?v . FILTER(?v = 1210)")


# --------------------------------------------------------------------------- honours, brands, listings

def test_haopin_shandong_fourth_batch_three_enterprises(g: Graph) -> None:
    check(g, named("h", "qg:HonourProgramme", "好品山东")
          + ' ?l a qg:Listing ; qg:programme ?h ; qg:batch 4 ; qg:recipientCount 3 ; qg:recipientType "企业"@zh .',
          "3 enterprises in batch 4 of 好品山东")


def test_provincial_quality_benchmark_2025_four_enterprises(g: Graph) -> None:
    check(g, '?h a/rdfs:subClassOf* qg:Programme ; skos:prefLabel ?n . FILTER(CONTAINS(?n, "全省质量标杆")) '
             '?l a qg:Listing ; qg:programme ?h ; qg:year "2025" ; qg:recipientCount 4 .', "4 in 全省质量标杆 2025")


def test_taishan_quality_certification_2024(g: Graph) -> None:
    check(g, named("s", "qg:CertificationScheme", "泰山品质") + named("e", "qg:Enterprise", "山东美果来食品有限公司")
          + ' ?c a qg:Certification ; qg:programme ?s ; qg:recipient ?e ; qg:year "2024" .', "泰山品质 2024")


@pytest.mark.parametrize(("brand", "cls", "count"), [("尚品本色", "qg:Trademark", 10),
                                                    ("峄城石榴", "qg:GeographicalIndication", 5)])
def test_trademark_and_gi_in_the_four_province_list(g: Graph, brand: str, cls: str, count: int) -> None:
    check(g, named("b", cls, brand) + ' ?list a qg:ProtectionList ; skos:prefLabel ?n . FILTER(CONTAINS(?n, "晋冀鲁豫")) '
             f"?l a qg:Listing ; qg:programme ?list ; qg:recipient ?b ; qg:recipientCount {count} .",
          f"{brand} and {count} listed")
    assert not ask(g, f'?p a qg:Place ; skos:prefLabel "{brand}"@zh')


def test_tengzhou_in_the_national_quality_county_pool(g: Graph) -> None:
    check(g, '?pool a qg:CultivationPool ; skos:prefLabel ?n . FILTER(CONTAINS(?n, "国家质量强县")) '
             f"?l a qg:Listing ; qg:programme ?pool ; qg:recipient {place('370481')} .", "滕州市 in the pool")


def test_zaolaijian_is_a_service_brand(g: Graph) -> None:
    check(g, named("b", "qg:ServiceBrand", "枣来检"), "枣来检")


def test_provincial_trademark_station_in_yicheng(g: Graph) -> None:
    check(g, f"?s a qg:ServiceStation ; qg:level qg:Provincial ; qg:place {place('370404')} ; skos:prefLabel ?n . "
             'FILTER(CONTAINS(?n, "石榴产业商标品牌指导站"))', "省级 station in 峄城区")


def test_six_industry_service_stations(g: Graph) -> None:
    industries = values(g, "i", f'?s a qg:ServiceStation ; qg:industry ?i ; qg:place {ZAOZHUANG} ; '
                                'skos:prefLabel ?n . FILTER(CONTAINS(?n, "产业服务站"))')
    assert industries == {"石榴", "辣子鸡", "新能源", "绿色建材", "高端装备", "高端化工"}
    check(g, f'?o a qg:Observation ; qg:unit qg:Ge ; qg:value ?v ; qg:subject {ZAOZHUANG} . FILTER(?v = 6)',
          "6 service stations")


def test_quality_systems(g: Graph) -> None:
    systems = values(g, "n", "?s a qg:QualitySystem ; skos:prefLabel ?n")
    assert any("首席质量官" in s for s in systems) and any("标杆服务员" in s for s in systems), systems


# --------------------------------------------------------------------------- supervision figures

def observation(subject: str, value: str, unit: str, measure: str | None = None, approximate: bool = False) -> str:
    where = (f"?i a {subject} . ?o a qg:Observation ; qg:subject ?i ; qg:unit {unit} ; qg:value ?v ; "
             f"qg:approximate {'true' if approximate else 'false'} . FILTER(?v = {Decimal(value)})")
    if measure:
        where += f' ?o qg:measure/skos:prefLabel "{measure}"@zh .'
    return where


SUPERVISION = [
    ("spot check 685 batches", observation("qg:ProductSpotCheck", "685", "qg:Pici", "批次")),
    ("pass rate 96.2 %", observation("qg:ProductSpotCheck", "96.2", "qg:Percent", "合格率")),
    ("testing 470+ batches", observation("qg:TestingService", "470", "qg:Pici", approximate=True)
     + ' ?o qg:qualifier "余"@zh .'),
    ("enforcement 1200+ sites", observation("qg:EnforcementInspection", "1200", "qg:Jia", approximate=True)),
    ("enforcement 108 cases", observation("qg:EnforcementInspection", "108", "qg:Jian", "案件")),
    ("fines 442,600 yuan", observation("qg:EnforcementInspection", "442600", "qg:Yuan", "罚没款")),
    ("construction 20 projects", observation("qg:ConstructionCheck", "20", "qg:Ge", "在建项目")),
    ("construction 7 agencies", observation("qg:ConstructionCheck", "7", "qg:Jia", "检测机构")),
    ("construction 14 concrete firms", observation("qg:ConstructionCheck", "14", "qg:Jia", "混凝土企业")),
    ("construction 123 hazards", observation("qg:ConstructionCheck", "123", "qg:Tiao", "隐患")),
    ("23 complaint categories", '?o a qg:Observation ; qg:unit qg:Lei ; qg:value ?v ; '
                                'qg:measure/skos:prefLabel "高频投诉"@zh . FILTER(?v = 23)'),
]


@pytest.mark.parametrize(("what", "where"), SUPERVISION, ids=[s[0] for s in SUPERVISION])
def test_supervision_figure(g: Graph, what: str, where: str) -> None:
    check(g, where, what)


def test_spot_check_categories(g: Graph) -> None:
    cats = values(g, "c", "?i a qg:ProductSpotCheck ; qg:category/skos:prefLabel ?c")
    assert cats == {"成品油", "电动自行车", "家用燃气灶", "照明光源及灯具"}
    check(g, "?i a qg:ProductSpotCheck ; qg:level qg:Municipal .", "the spot check is municipal")


def test_testing_service_categories(g: Graph) -> None:
    assert values(g, "c", "?i a qg:TestingService ; qg:category/skos:prefLabel ?c") == {"机床", "机械密封"}


def test_complaint_examples(g: Graph) -> None:
    examples = values(g, "c", '?o a qg:Observation ; qg:unit qg:Lei ; '
                              "(qg:category|qg:example)/skos:prefLabel ?c")
    assert {"渗漏", "空鼓"} <= examples


def test_inspection_centre_figures(g: Graph) -> None:
    centre = named("c", "qg:InspectionBody", "枣庄市食品药品检验检测中心")
    check(g, centre + " ?o a qg:Observation ; qg:subject ?c ; qg:unit qg:Tai ; qg:value ?v . FILTER(?v = 5)", "5 devices")
    check(g, centre + " ?o a qg:Observation ; qg:subject ?c ; qg:unit qg:Xiang ; qg:value ?v . FILTER(?v = 71)",
          "71 test items")


# --------------------------------------------------------------------------- centres and innovation counts

CENTRES = [
    ("企业技术中心", "qg:National", 2), ("企业技术中心", "qg:Provincial", 58), ("工程研究中心", "qg:Provincial", 13),
    ("企业技术中心", "qg:Municipal", 206), ("工程研究中心", "qg:Municipal", 104),
]


@pytest.mark.parametrize(("measure", "level", "count"), CENTRES, ids=[f"{c[0]}-{c[2]}" for c in CENTRES])
def test_centre_count(g: Graph, measure: str, level: str, count: int) -> None:
    check(g, f'?o a qg:Observation ; qg:measure/skos:prefLabel "{measure}"@zh ; qg:level {level} ; qg:unit qg:Jia ; '
             f"qg:subject {ZAOZHUANG} ; qg:value ?v . FILTER(?v = {count})", f"{count} {level} {measure}")


@pytest.mark.parametrize(("words", "unit", "count"), [
    ("科技型中小企业", "qg:Jia", 1295), ("高新技术企业", "qg:Jia", 218),
    ("省重大科技成果库", "qg:Xiang", 27), ("山东好成果", "qg:Xiang", 3),
])
def test_innovation_count(g: Graph, words: str, unit: str, count: int) -> None:
    check(g, f"?o a qg:Observation ; qg:measure/skos:prefLabel ?m ; qg:unit {unit} ; qg:value ?v . "
             f'FILTER(CONTAINS(?m, "{words}") && ?v = {count})', f"{count} {words}")


@pytest.mark.parametrize(("unit", "count", "what"), [
    ("qg:Tiao", 13, "13 chains mapped"), ("qg:Xiang", 64, "64 common technical shortfalls"),
    ("qg:Nian", 2, "2 years of rising satisfaction"),
])
def test_other_city_figures(g: Graph, unit: str, count: int, what: str) -> None:
    check(g, f"?o a qg:Observation ; qg:subject {ZAOZHUANG} ; qg:unit {unit} ; qg:value ?v . FILTER(?v = {count})", what)


def test_dates_and_versions_are_not_counts(g: Graph) -> None:
    """2024—2025年度, 2.0版, 9月19日 are no figures (GUIDE §4 hard case 11)."""
    assert not ask(g, "?o a qg:Observation ; qg:value ?v . FILTER(?v = 19 || ?v = 2024 || ?v = 2025)")
    quotes = values(g, "q", "?o a qg:Observation ; ^oa:hasBody/qg:exact ?q")
    assert not [q for q in quotes if q.startswith(("2.0", "9月", "19日", "2024—2025"))], quotes


# --------------------------------------------------------------------------- places

def test_places(g: Graph) -> None:
    assert values(g, "n", "?p a qg:Place ; skos:prefLabel ?n") == {
        "中华人民共和国", "山东省", "枣庄市", "滕州市", "峄城区", "山西省", "河北省", "河南省"}


@pytest.mark.parametrize(("child", "parent"), [("370481", "370400"), ("370404", "370400"), ("370400", "370000")])
def test_place_parent(g: Graph, child: str, parent: str) -> None:
    check(g, f"{place(child)} qg:parent {place(parent)} .", f"{child} under {parent}")


@pytest.mark.parametrize(("code", "abbr"), [("140000", "晋"), ("130000", "冀"), ("370000", "鲁"), ("410000", "豫")])
def test_four_provinces_of_the_region_composite(g: Graph, code: str, abbr: str) -> None:
    check(g, f'{place(code)} a qg:Place ; qg:adminLevel qg:Provincial ; '
             f'^oa:hasBody/qg:exact "{abbr}"@zh .', f"{abbr} → {code}")


# --------------------------------------------------------------------------- events

def test_press_conference_date(g: Graph) -> None:
    check(g, '?e a qg:PressConference ; dcterms:date "2025-09-19"^^xsd:date ; skos:prefLabel ?n . '
             'FILTER(CONTAINS(?n, "质量强市建设") && STRENDS(?n, "新闻发布会"))', "press conference 2025-09-19")


def test_meetings(g: Graph) -> None:
    meetings = values(g, "n", "?e a qg:Meeting ; skos:prefLabel ?n")
    assert {"枣庄市石榴产业链供应链质量联动提升工作推进会", "枣庄市锂电池产业链供应链质量联动提升项目推进会",
            "住宅工程质量投诉问题座谈会"} <= meetings, meetings
    check(g, '?m a qg:Meeting ; skos:prefLabel "枣庄市石榴产业链供应链质量联动提升工作推进会"@zh ; schema:subEvent ?e . '
             '?e a/rdfs:subClassOf* qg:Event ; skos:prefLabel ?n . FILTER(CONTAINS(?n, "中国品牌日"))',
          "the 推进会 held together with (暨) the 2025 China Brand Day event")


# --------------------------------------------------------------------------- the document itself

def test_source_document_metadata(g: Graph) -> None:
    check(g, f'<{ID}doc/{DOC_ID}> a qg:SourceDocument ; dcterms:date "2025-09-19"^^xsd:date ; '
             f"qg:place {ZAOZHUANG} ; dcterms:title ?t ; dcterms:publisher ?p . "
             '?p skos:prefLabel "齐鲁网·闪电新闻"@zh . FILTER(CONTAINS(?t, "促进质量强市建设”新闻发布会"))',
          "title, date, publisher and place of the document")
