"""Stored queries rewritten for speed give the rows of their previous texts, on small graphs.

The previous texts are kept below as the reference (``REFERENCE``): each rewritten query must give
the same set of rows on the bundled sample's build, on ``tests/fixtures/mini.trig`` and on
``tests/fixtures/services.trig`` (shared descriptions repeated in several document graphs, facts
without a place, a service without figures…), on a build of the sample with an earlier report of
its city and on a build of forty generated documents. GROUP_CONCAT lists are compared as sets.

Also here: a fact without a place is never listed for a place, in the stored texts and in the
plain SPARQL 1.1 texts sent to endpoints (``queries/sparql11/``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qgraph.query import load_query, portable, run_query

LISTS = {"categories", "chains", "issuedBy", "citedIn", "posts", "spokeAt", "work", "recipients", "named",
         "industry", "factType"}


def rows(source: Path, text: str, name: str, params: dict[str, str]) -> set[tuple[object, ...]]:
    query = load_query(name)
    result = run_query(source, text, params=query.bind(params), timeout=None)
    return {tuple(sorted((k, frozenset(re.split(r"、|; | \| |, ", t.value)) if k in LISTS else str(t)) for k, t in row.items()))
            for row in result.dicts()}


def column(source: Path, text: str, name: str, params: dict[str, str], col: str) -> set[str]:
    query = load_query(name)
    return {str(row[col].value) for row in run_query(source, text, params=query.bind(params), timeout=None).dicts() if col in row}


FAC = "https://w3id.org/qgraph/id/facility/"


@pytest.mark.parametrize("text_of", [lambda q: q.text, lambda q: portable(q).text], ids=["stored", "sparql11"])
def test_a_facility_without_a_place_is_not_listed_for_every_place(services_graph: Path, text_of) -> None:
    text = text_of(load_query("facilities"))
    assert column(services_graph, text, "facilities", {}, "facility") == {FAC + "jia", FAC + "yi", FAC + "bing"}
    for place, wanted in (("枣庄市", {"jia"}), ("山东省", {"jia"}), ("安阳市", {"bing"}), ("qgplace:370481", {"jia"})):
        assert column(services_graph, text, "facilities", {"place": place}, "facility") == {FAC + f for f in wanted}, place


@pytest.mark.parametrize("text_of", [lambda q: q.text, lambda q: portable(q).text], ids=["stored", "sparql11"])
def test_a_figure_without_a_place_is_not_listed_for_a_place(services_graph: Path, text_of) -> None:
    text = text_of(load_query("statistics"))
    every = column(services_graph, text, "statistics", {}, "obs")
    placed = column(services_graph, text, "statistics", {"place": "枣庄市"}, "obs")
    unplaced = {o for o in every if o.endswith(("/o4", "/o5", "/o1"))}
    assert unplaced and placed and not placed & unplaced


PARAMS: dict[str, list[dict[str, str]]] = {
    "describe-entity": [{}, {"entity": "李震"}, {"entity": "枣庄市市场监督管理局"}, {"entity": "qgplace:370400"},
                        {"entity": "甲市产品质量检验中心"}],
    "chain-projects": [{}, {"place": "枣庄市"}, {"place": "qgplace:370400"}, {"place": "安阳市"}],
    "inspection-clients": [{}, {"centre": "国家机床质检中心"}, {"centre": "甲市产品质量检验中心"},
                           {"centre": "<https://w3id.org/qgraph/id/org/jiance-zhongxin>"}],
    "figure-over-time": [{}, {"place": ""}, {"measure": "合格率"}, {"place": "", "measure": "合格率"},
                         {"place": "qgplace:370400"}, {"minConfidence": "0.8"}, {"place": "枣庄市", "measure": "合格率"},
                         {"place": "", "measure": "产业链项目"}, {"place": "qgplace:370400", "measure": "抽查批次"},
                         {"place": "", "measure": "合格率", "minConfidence": "0.8"}],
    "selections": [{}, {"programme": "国家质量强县(区、镇)培育库"}, {"programme": "<https://w3id.org/qgraph/id/programme/guojia-zhiliang-qiangxian-peiyuku>"},
                   {"programme": "国家质量强县（区、镇）培育库"}],
    "trademarks-gi": [{}, {"programme": "晋冀鲁豫四省十九市重点保护商标和地理标志名录"}],
    "policies": [{}, {"type": "纲要"}, {"type": "通知"}, {"type": "qg:Notice"}, {"type": "方案"}, {"type": "标准"}],
    "statistics": [{}, {"place": "枣庄市", "measure": "合格率"}, {"place": "qgplace:370400", "measure": "抽查"},
                   {"place": "", "measure": "合格率"}, {"place": "山东省", "measure": "企业"},
                   {"place": "枣庄市", "measure": "合格率", "minConfidence": "0.8"}],
}


@pytest.fixture(scope="module")
def series_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample and an earlier report of the same city: figures with a previous value."""
    from qgraph.pipeline import build
    from qgraph.query import default_source

    root = Path(__file__).resolve().parent.parent
    out = tmp_path_factory.mktemp("series") / "out"
    build([root / "data" / "corpus", root / "tests" / "fixtures" / "two-reports"], out,
          formats=("nq",), validate=False, jobs=1, use_cache=False)
    return default_source(out)


@pytest.fixture(scope="module")
def generated_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty generated documents (the benchmarks' corpus generator): the same measures in several
    places and levels over several years, so many series with earlier values."""
    import sys

    from qgraph.pipeline import build
    from qgraph.query import default_source

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "benchmarks"))
    from gen_corpus import write_corpus

    base = tmp_path_factory.mktemp("generated")
    write_corpus(40, base / "docs", seed=5)
    build([base / "docs"], base / "out", formats=("nq",), validate=False, jobs=1, use_cache=False)
    return default_source(base / "out")


@pytest.fixture(scope="module")
def graphs(sample_build: Path, mini_graph: Path, services_graph: Path, series_build: Path,
           generated_build: Path) -> dict[str, Path]:
    from qgraph.query import default_source

    return {"sample": default_source(sample_build), "mini": mini_graph, "services": services_graph,
            "series": series_build, "generated": generated_build}


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_a_rewritten_query_gives_the_rows_of_its_previous_text(graphs: dict[str, Path], name: str) -> None:
    new_text, old_text = load_query(name).text, REFERENCE[name]
    assert new_text != old_text
    answered = set()
    for graph, source in graphs.items():
        for params in PARAMS[name]:
            new, old = rows(source, new_text, name, params), rows(source, old_text, name, params)
            assert new == old, f"{name} {params} on {graph}: {len(new)} rows now, {len(old)} before"
            if new and params:
                answered.add(graph)
    assert answered, f"{name}: no parameter gave any row; the comparison proves nothing"


@pytest.mark.parametrize("name", ["figure-over-time", "inspection-clients", "policies"])
def test_a_query_of_the_sixth_pass_gives_the_rows_of_its_text_before(graphs: dict[str, Path], name: str) -> None:
    """The same rows as the text before the latest rewrite, on the five graphs with every parameter
    set of PARAMS (the older reference above is compared by the test before)."""
    new_text, old_text = load_query(name).text, BEFORE_SIXTH_PASS[name]
    assert new_text != old_text
    answered = 0
    for graph, source in graphs.items():
        for params in PARAMS[name]:
            new, old = rows(source, new_text, name, params), rows(source, old_text, name, params)
            assert new == old, f"{name} {params} on {graph}: {len(new)} rows now, {len(old)} before"
            answered += bool(new and params)
    assert answered, f"{name}: no parameter gave any row; the comparison proves nothing"


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_a_page_of_a_rewritten_query_is_a_part_of_its_rows(graphs: dict[str, Path], name: str) -> None:
    from qgraph.query import limited

    text = load_query(name).text
    for source in graphs.values():
        every = rows(source, text, name, {})
        for n in (1, 3):
            page = rows(source, limited(text, n), name, {})
            assert len(page) <= n and page <= every and bool(page) == bool(every)


def test_describe_entity_rows_come_sorted_by_entity_relation_and_fact(graphs: dict[str, Path]) -> None:
    """The facts are sorted before their sentences are read, and no ORDER BY follows: the rows
    still come in the order of entity, relation and fact."""
    query = load_query("describe-entity")
    seen = 0
    for source in graphs.values():
        for params in PARAMS["describe-entity"]:
            keys = [tuple(_term_order(row.get(k)) for k in ("e", "relation", "fact"))
                    for row in run_query(source, query.text, params=query.bind(params), timeout=None).dicts()]
            seen += len(keys)
            assert keys == sorted(keys), params
    assert seen > 20


def _term_order(term: object) -> tuple[int, str]:
    """SPARQL's order of terms: unbound, blank nodes, IRIs, literals; each kind by its text."""
    import pyoxigraph as ox

    rank = 0 if term is None else 1 if isinstance(term, ox.BlankNode) else 2 if isinstance(term, ox.NamedNode) else 3
    return rank, "" if term is None else term.value  # type: ignore[attr-defined]


# The texts before this rewrite, as they were in queries/ (the reference).
REFERENCE: dict[str, str] = {}

REFERENCE["inspection-clients"] = r"""# title: Whom inspection centres served (检验检测服务对象)
# description: Organisations an inspection or testing centre served (qg:served), with the kind of each
#   client and the work reported for the service.
# param: centre — the centre: a label (国家机床质检中心) or an IRI; all centres when omitted (default: none)
#
# Plan: the centres ?centre names first, then their services and clients; names, kinds and work one
# (centre, client) at a time (LATERAL), each de-duplicated on its own.

SELECT DISTINCT ?centreName ?client ?clientType ?work ?body ?clientIri ?centre
WHERE {
  {
    SELECT DISTINCT ?body ?clientIri WHERE {
      { { BIND(0 AS ?all) FILTER(COALESCE(STR(?centre), "") = "") } LATERAL { ?service qg:performedBy ?body ; qg:served ?clientIri } }
      UNION
      {
        { SELECT DISTINCT ?cb WHERE {
            { SELECT ?cbLabel WHERE { VALUES ?lang { "zh" "en" "" }
                BIND(IF(isIRI(?centre), ?centre, IF(?lang = "", STR(?centre), STRLANG(STR(?centre), ?lang))) AS ?cbLabel)
                FILTER(BOUND(?cbLabel)) } }
            LATERAL { ?cb (rdfs:label|skos:prefLabel|skos:altLabel)? ?cbLabel }  # ? : an IRI names itself
        } }
        LATERAL { ?service qg:performedBy ?cb ; qg:served ?clientIri . BIND(?cb AS ?body) }
      }
    }
    # page
  }
  FILTER(COALESCE(STR(?centre), "") = "" || ?body = ?centre
         || EXISTS { ?body rdfs:label|skos:prefLabel|skos:altLabel ?bn FILTER(STR(?bn) = STR(?centre)) })
  LATERAL { OPTIONAL { SELECT ?body ?bl WHERE { ?body rdfs:label ?bl FILTER(LANG(?bl) = "zh" || LANG(?bl) = "") } LIMIT 1 } }
  BIND(COALESCE(?bl, STR(?body)) AS ?centreName)
  LATERAL { OPTIONAL { SELECT ?clientIri ?cl WHERE { ?clientIri rdfs:label ?cl FILTER(LANG(?cl) = "zh" || LANG(?cl) = "") } LIMIT 1 } }
  BIND(COALESCE(?cl, STR(?clientIri)) AS ?client)
  LATERAL {
    OPTIONAL { SELECT ?clientIri (SAMPLE(?kindName) AS ?clientType) WHERE {
      { SELECT DISTINCT ?clientIri ?kind WHERE { ?clientIri a ?kind . FILTER(STRSTARTS(STR(?kind), STR(qg:))) } }
      LATERAL { OPTIONAL { SELECT ?kind ?kl WHERE { ?kind rdfs:label ?kl FILTER(LANG(?kl) = "zh") } LIMIT 1 } }
      BIND(COALESCE(?kl, REPLACE(STR(?kind), "^.*[#/]", "")) AS ?kindName)
    } GROUP BY ?clientIri }
  }
  LATERAL {
    OPTIONAL { SELECT ?body ?clientIri (GROUP_CONCAT(DISTINCT ?workText; separator="; ") AS ?work) WHERE {
      { SELECT DISTINCT ?body ?clientIri ?service WHERE { ?service qg:performedBy ?body ; qg:served ?clientIri } }
      # a service without figures leaves the work unknown (GROUP_CONCAT of an unbound value), as before
      LATERAL { OPTIONAL { SELECT DISTINCT ?service ?o ?v WHERE { ?o qg:subject ?service ; qg:value ?v } } }
      BIND(COALESCE(?o, <urn:x-qgraph:none>) AS ?oNode)  # an unbound node would match every figure
      LATERAL { OPTIONAL { SELECT DISTINCT ?oNode ?ml WHERE { ?oNode qg:measure ?m0 . ?m0 skos:prefLabel ?ml } } }
      LATERAL { OPTIONAL { SELECT DISTINCT ?oNode ?q WHERE { ?oNode qg:qualifier ?q } } }
      LATERAL { OPTIONAL { SELECT DISTINCT ?oNode ?un WHERE { ?oNode qg:unit ?u0 . ?u0 skos:notation ?un } } }
      BIND(CONCAT(COALESCE(STR(?ml), ""), " ", STR(?v), COALESCE(?q, ""), COALESCE(?un, "")) AS ?workText)
    } GROUP BY ?body ?clientIri }
  }
}
ORDER BY ?centreName ?client
"""

REFERENCE["chain-projects"] = r"""# title: Industry-chain projects by level (产业链项目)
# description: For each place and level (national / provincial / municipal …): how many chain projects
#   the text states, how many it names, and the named chains. "1条国家级…、2条省级…、10条市级…" gives 1 / 2 / 10.
# param: place — a place label (枣庄市) or IRI (qgplace:370400); all places when omitted (default: none)
#
# Plan: with ?place, the places it names first (?pa), then only their projects and figures; without,
# the chain-project measures first, then their figures (not every figure tested). The counts and
# names of each (place, level) one at a time (LATERAL), labels after grouping.

SELECT DISTINCT ?area ?level ?projects ?named ?chains ?place
WHERE {
  {
    SELECT ?a ?lv WHERE {
      {
        { BIND(0 AS ?all) FILTER(COALESCE(STR(?place), "") = "") }
        LATERAL {
          { ?project a qg:ChainProject ; qg:level ?lv . OPTIONAL { ?project qg:place ?a } }
          UNION
          { { SELECT DISTINCT ?m WHERE { ?m a qg:Measure ; skos:prefLabel|rdfs:label ?ml FILTER(CONTAINS(STR(?ml), "产业链项目")) } }
            LATERAL { ?obs qg:measure ?m ; qg:level ?lv ; a qg:Observation . OPTIONAL { ?obs sdmx-dimension:refArea ?a } } }
        }
      } UNION {
        { SELECT DISTINCT ?pa WHERE {
            { SELECT ?pn WHERE { VALUES ?lang { "zh" "en" "" }
                BIND(IF(isIRI(?place), ?place, IF(?lang = "", STR(?place), STRLANG(STR(?place), ?lang))) AS ?pn)
                FILTER(BOUND(?pn)) } }
            LATERAL { ?pa (rdfs:label|skos:prefLabel|skos:altLabel)? ?pn }  # ? : an IRI names itself
        } }
        LATERAL {
          { ?project qg:place ?pa ; a qg:ChainProject ; qg:level ?lv . BIND(?pa AS ?a) }
          UNION
          { ?obs sdmx-dimension:refArea ?pa ; qg:level ?lv ; qg:measure ?m ; a qg:Observation . BIND(?pa AS ?a)
            FILTER EXISTS { ?m skos:prefLabel|rdfs:label ?ml FILTER(CONTAINS(STR(?ml), "产业链项目")) } }
        }
      }
    } GROUP BY ?a ?lv
    # page
  }
  BIND(COALESCE(?a, <urn:x-qgraph:none>) AS ?areaNode)  # an unbound node would match every label
  LATERAL { OPTIONAL { SELECT ?areaNode ?area WHERE { ?areaNode rdfs:label ?area FILTER(LANG(?area) = "zh" || LANG(?area) = "") } LIMIT 1 } }
  LATERAL { OPTIONAL { SELECT ?lv ?levelLabel WHERE { ?lv skos:prefLabel ?levelLabel FILTER(LANG(?levelLabel) = "zh") } LIMIT 1 } }
  # The named chains and the stated count of each (place, level): with ?place, looked up per row;
  # without, every row needs them, so each is one table of all chain projects (all such figures)
  # joined by hash — per row, `?project qg:place ?areaNode` reads everything located in the place.
  LATERAL {
    OPTIONAL { SELECT ?areaNode ?lv (COUNT(DISTINCT ?chain) AS ?namedOne) (GROUP_CONCAT(DISTINCT ?chainName; separator="、") AS ?chainsOne) WHERE {
      { BIND(0 AS ?withPlace) FILTER(COALESCE(STR(?place), "") != "") }
      LATERAL { SELECT DISTINCT ?areaNode ?lv ?chain WHERE { ?project qg:place ?areaNode ; qg:level ?lv ; qg:chain ?chain ; a qg:ChainProject } }
      LATERAL { OPTIONAL { SELECT DISTINCT ?chain ?cl WHERE { ?chain skos:prefLabel|rdfs:label ?cl FILTER(LANG(?cl) = "zh" || LANG(?cl) = "") } } }
      BIND(COALESCE(?cl, STR(?chain)) AS ?chainName)
    } GROUP BY ?areaNode ?lv }
  }
  OPTIONAL {
    SELECT ?areaNode ?lv (COUNT(DISTINCT ?chain) AS ?namedAll) (GROUP_CONCAT(DISTINCT ?chainName; separator="、") AS ?chainsAll) WHERE {
      { BIND(0 AS ?noPlace) FILTER(COALESCE(STR(?place), "") = "") }
      LATERAL { SELECT DISTINCT ?areaNode ?lv ?chain WHERE { ?project a qg:ChainProject ; qg:chain ?chain ; qg:place ?areaNode ; qg:level ?lv } }
      LATERAL { OPTIONAL { SELECT DISTINCT ?chain ?cl WHERE { ?chain skos:prefLabel|rdfs:label ?cl FILTER(LANG(?cl) = "zh" || LANG(?cl) = "") } } }
      BIND(COALESCE(?cl, STR(?chain)) AS ?chainName)
    } GROUP BY ?areaNode ?lv
  }
  LATERAL {
    OPTIONAL { SELECT ?areaNode ?lv (MAX(?stated) AS ?projectsOne) WHERE {
      { BIND(0 AS ?withPlace) FILTER(COALESCE(STR(?place), "") != "") }
      LATERAL { ?obs sdmx-dimension:refArea ?areaNode ; qg:level ?lv ; qg:value ?stated ; qg:measure ?m ; a qg:Observation . }
      LATERAL { SELECT ?m WHERE { ?m skos:prefLabel|rdfs:label ?ml FILTER(CONTAINS(STR(?ml), "产业链项目")) } LIMIT 1 }
    } GROUP BY ?areaNode ?lv }
  }
  OPTIONAL {
    SELECT ?areaNode ?lv (MAX(?stated) AS ?projectsAll) WHERE {
      { BIND(0 AS ?noPlace) FILTER(COALESCE(STR(?place), "") = "") }
      LATERAL { SELECT DISTINCT ?m WHERE { ?m a qg:Measure ; skos:prefLabel|rdfs:label ?ml FILTER(CONTAINS(STR(?ml), "产业链项目")) } }
      LATERAL { ?obs qg:measure ?m ; sdmx-dimension:refArea ?areaNode ; qg:level ?lv ; qg:value ?stated ; a qg:Observation }
    } GROUP BY ?areaNode ?lv
  }
  BIND(COALESCE(?namedOne, ?namedAll) AS ?named)
  BIND(COALESCE(?chainsOne, ?chainsAll) AS ?chains)
  BIND(COALESCE(?projectsOne, ?projectsAll) AS ?projects)
  BIND(COALESCE(?levelLabel, REPLACE(STR(?lv), "^.*[#/]", "")) AS ?level)
  BIND(IF(?lv = qg:National, 1, IF(?lv = qg:Provincial, 2, IF(?lv = qg:Municipal, 3, IF(?lv = qg:County, 4, 5)))) AS ?rank)
  FILTER(COALESCE(STR(?place), "") = "" || ?a = ?place
         || (BOUND(?a) && EXISTS { ?a rdfs:label|skos:prefLabel|skos:altLabel ?pn FILTER(STR(?pn) = STR(?place)) }))
}
ORDER BY ?area ?rank
"""

# (qg:evidence, no longer written since the graph keeps one direction, read as its inverse, oa:hasBody)
REFERENCE["describe-entity"] = r"""# title: Everything about one entity, with source sentences (实体详情)
# description: A DESCRIBE-like view of one entity (found by label or IRI): the entity's own mentions and
#   every fact linked to it (observations, listings, inspections, posts, projects…), each with the
#   sentence it was read from and the report title. `qgraph explain` gives a richer view.
# param: entity — a label (枣庄市市场监督管理局, 李震, 滕州市) or an IRI (default: 枣庄市市场监督管理局)
#
# Plan: the entity first (its IRI, or the nodes whose label is ?entity), then its facts, then each
# fact's label, types and sentences one fact at a time (LATERAL).

SELECT DISTINCT ?e ?relation ?fact ?factLabel ?factType ?sentence ?document ?entity
WHERE {
  {
    SELECT DISTINCT ?e WHERE {
      { SELECT ?pn WHERE { VALUES ?lang { "zh" "en" "" }
          BIND(IF(isIRI(?entity), ?entity, IF(?lang = "", STR(?entity), STRLANG(STR(?entity), ?lang))) AS ?pn)
          FILTER(BOUND(?pn)) } }
      LATERAL { ?e (rdfs:label|skos:prefLabel|skos:altLabel|foaf:name|dcterms:title)? ?pn }  # ? : an IRI names itself
      FILTER(!isLITERAL(?e) && (isLITERAL(?entity) || EXISTS { ?e ?anyP ?anyO }))
    }
  }
  LATERAL {
    SELECT DISTINCT ?e ?relation ?fact WHERE {
      {
        ?anyMention oa:hasBody ?e . BIND(?e AS ?fact) BIND("(itself)" AS ?relation)
      } UNION {
        ?fact ?relation ?e .
        FILTER(?relation != oa:hasBody && ?relation NOT IN (qg:tallyPlace, qg:tallyLevel, qg:tallyProject, qg:seriesMeasure, qg:seriesPlace, qg:seriesLevel))  # derived helpers: no facts (added with them)
        FILTER NOT EXISTS { ?fact a qg:Mention }
      } UNION {
        ?e ?relation ?fact .
        FILTER(isIRI(?fact) && ?relation NOT IN (qg:evidence, qg:mentionedIn, rdf:type))
        FILTER EXISTS {  # a FILTER, not VALUES: Oxigraph would list every node of those classes first
          ?fact a ?factClass
          FILTER(?factClass IN (org:Post, qg:Listing, qg:Certification, qg:Observation, qg:ChainProject, qg:Inspection,
                                qg:ProductSpotCheck, qg:TestingService, qg:EnforcementInspection, qg:ConstructionCheck))
        }
      }
    }
  }
  LATERAL {
    OPTIONAL { SELECT ?fact (SAMPLE(?fl) AS ?factLabel) WHERE {
      ?fact rdfs:label|skos:prefLabel|dcterms:title ?fl FILTER(LANG(?fl) = "zh" || LANG(?fl) = "")
    } GROUP BY ?fact }
  }
  LATERAL {
    OPTIONAL { SELECT ?fact (GROUP_CONCAT(DISTINCT ?typeName; separator=", ") AS ?factType) WHERE {
      { SELECT DISTINCT ?fact ?t WHERE { ?fact a ?t } }
      LATERAL { OPTIONAL { SELECT DISTINCT ?t ?tl WHERE { ?t rdfs:label ?tl FILTER(LANG(?tl) = "zh") } } }
      BIND(COALESCE(?tl, REPLACE(STR(?t), "^.*[#/]", "")) AS ?typeName)
    } GROUP BY ?fact }
  }
  LATERAL {
    OPTIONAL { SELECT ?fact ?sentence (SAMPLE(?docTitle) AS ?document) WHERE {
      ?mention oa:hasBody ?fact . ?mention qg:sentence ?s . ?s rdf:value ?sentence .
      LATERAL { OPTIONAL { ?s oa:hasSource ?source . ?source dcterms:title ?docTitle } }
    } GROUP BY ?fact ?sentence }
  }
}
ORDER BY ?e ?relation ?fact ?sentence
"""

# The text before the derived figure series (qg:FigureSeries): it reads every figure of the place.
REFERENCE["figure-over-time"] = r"""# title: How a figure changes over time for one place (指标变化)
# description: The same measure for the same place (and level) across reports of different dates, with
#   the previous value and the change. Needs at least two reports about the place.
# param: place — a place label or IRI (default: 枣庄市)
# param: measure — a measure label or part of one (合格率, 抽查批次) or an IRI; every measure when omitted (default: none)
# param: minConfidence — leave out figures whose qg:confidence is lower (0–1: 0.9 named in the clause, 0.8 carried, 0.7 the document's own, 0.4 an inferred subject); all when omitted (default: none)
#
# Plan: the parameter first — the places ?place names and their figures, else the measures ?measure
# names and theirs; each figure's own triples and labels one figure at a time (LATERAL). The
# previous figures come from the series of those places (else measures) read as a whole, twice —
# the report dates per (measure, place, level), joined by hash with the figures to give each figure
# its latest earlier date, then that date's figures — not looked up once per figure (that read the
# place's every figure again for each one: 2.9 s at 1,000 documents, now a tenth of that). The
# figures stand for their own dates (an earlier text read the series a third time for them); a
# figure without an earlier report gets a placeholder date that joins nothing. With both parameters, the
# place's measures are tested against ?measure once each (a LATERAL … LIMIT 1, not a FILTER
# EXISTS, which Oxigraph evaluates as a scan of every label), then only their figures are read.
# A figure is found by its qg:measure without testing `a qg:Observation` too: the ontology gives
# qg:measure the domain qg:Observation, and the extra lookup per figure cost a tenth of the time.

SELECT DISTINCT ?measureLabel ?level ?date ?value ?unit ?previous ?change ?period ?document ?obs ?place ?measure ?minConfidence
WHERE {
  { SELECT ?obs ?m ?a ?value ?date ?doc ?lvKey (COALESCE(MAX(?d2), <urn:x-qgraph:none>) AS ?pdate) WHERE {
  {
    SELECT DISTINCT ?obs ?mq WHERE {
      { { BIND(0 AS ?all) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") = "") }
        LATERAL { ?obs qg:measure ?mq } }
      UNION
      {
        { SELECT DISTINCT ?pa WHERE {
            { SELECT ?pn WHERE { VALUES ?lang { "zh" "en" "" }
                BIND(IF(isIRI(?place), ?place, IF(?lang = "", STR(?place), STRLANG(STR(?place), ?lang))) AS ?pn)
                FILTER(BOUND(?pn)) } }
            LATERAL { ?pa (rdfs:label|skos:prefLabel|skos:altLabel)? ?pn }  # ? : an IRI names itself
        } }
        LATERAL {
          { { BIND(0 AS ?anyMeasure) FILTER(COALESCE(STR(?measure), "") = "") }
            LATERAL { ?obs sdmx-dimension:refArea ?pa ; qg:measure ?mq } }
          UNION  # with ?measure too: the place's measures, tested once each, then their figures
          { { BIND(0 AS ?someMeasure) FILTER(COALESCE(STR(?measure), "") != "") }
            LATERAL {  # joined by hash: one measure looked up at a time reads all of its figures in every place
              { SELECT ?pa ?obs ?mq WHERE { ?obs sdmx-dimension:refArea ?pa ; qg:measure ?mq } }
              { SELECT DISTINCT ?pa ?mq WHERE {
                  { SELECT DISTINCT ?pa ?mq WHERE { ?o0 sdmx-dimension:refArea ?pa ; qg:measure ?mq } }
                  LATERAL { OPTIONAL { SELECT ?mq (1 AS ?mqNamed) WHERE { ?mq skos:prefLabel|rdfs:label ?mql
                            FILTER((LANG(?mql) = "zh" || LANG(?mql) = "") && CONTAINS(STR(?mql), STR(?measure))) } LIMIT 1 } }
                  FILTER(?measure = ?mq || (isLITERAL(?measure) && (BOUND(?mqNamed) || CONTAINS(STR(?mq), STR(?measure)))))
              } }
            } }
        }
      }
      UNION
      {
        { SELECT DISTINCT ?mc WHERE {
            { BIND(0 AS ?byMeasure) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") != "") }
            LATERAL { { SELECT DISTINCT ?mc WHERE { ?mc a qg:Measure } } }
            FILTER(?mc = ?measure || (isLITERAL(?measure) && EXISTS {
              ?mc skos:prefLabel|rdfs:label ?mcl FILTER(CONTAINS(STR(?mcl), STR(?measure))) }))
        } }
        LATERAL { ?obs qg:measure ?mc . BIND(?mc AS ?mq) }
      }
    }
    # page
  }
  # (the measure is tested exactly, on the label shown, below)
  LATERAL {
    SELECT ?obs ?m ?a ?value ?date ?doc (SAMPLE(?lvs) AS ?lvKey) WHERE {
      ?obs qg:measure ?m ; qg:value ?value ; sdmx-dimension:refArea ?a ; qg:mentionedIn ?doc .
      ?doc dcterms:date ?date .
      OPTIONAL { ?obs qg:level ?lv0 }
      BIND(COALESCE(STR(?lv0), "") AS ?lvs)
    } GROUP BY ?obs ?m ?a ?value ?date ?doc
  }
  # the latest earlier report date of the same measure, place and level: the series' dates joined by hash
  OPTIONAL {
          { SELECT DISTINCT ?m ?a ?lvKey ?d2 WHERE {
        { { SELECT DISTINCT ?a WHERE {
              { SELECT ?pn WHERE { VALUES ?lang { "zh" "en" "" }
                  BIND(IF(isIRI(?place), ?place, IF(?lang = "", STR(?place), STRLANG(STR(?place), ?lang))) AS ?pn)
                  FILTER(BOUND(?pn)) } }
              LATERAL { ?a (rdfs:label|skos:prefLabel|skos:altLabel)? ?pn }
          } }
          LATERAL {
            { { BIND(0 AS ?anyMeasure) FILTER(COALESCE(STR(?measure), "") = "") }
              LATERAL { ?x sdmx-dimension:refArea ?a ; qg:measure ?m ; qg:mentionedIn ?xdoc . ?xdoc dcterms:date ?d2 OPTIONAL { ?x qg:level ?xlv } } }
            UNION
            { { BIND(0 AS ?someMeasure) FILTER(COALESCE(STR(?measure), "") != "") }
              LATERAL {
                { SELECT ?a ?x ?m WHERE { ?x sdmx-dimension:refArea ?a ; qg:measure ?m } }
                { SELECT DISTINCT ?a ?m WHERE {
                    { SELECT DISTINCT ?a ?m WHERE { ?x0 sdmx-dimension:refArea ?a ; qg:measure ?m } }
                    LATERAL { OPTIONAL { SELECT ?m (1 AS ?mNamed) WHERE { ?m skos:prefLabel|rdfs:label ?mxl
                              FILTER((LANG(?mxl) = "zh" || LANG(?mxl) = "") && CONTAINS(STR(?mxl), STR(?measure))) } LIMIT 1 } }
                    FILTER(?measure = ?m || (isLITERAL(?measure) && (BOUND(?mNamed) || CONTAINS(STR(?m), STR(?measure)))))
                } }
              }
              LATERAL { ?x qg:mentionedIn ?xdoc . ?xdoc dcterms:date ?d2 OPTIONAL { ?x qg:level ?xlv } } }
          } }
        UNION
        { { SELECT DISTINCT ?m WHERE {
              { BIND(0 AS ?byMeasure) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") != "") }
              LATERAL { { SELECT DISTINCT ?m WHERE { ?m a qg:Measure } } }
              FILTER(?m = ?measure || (isLITERAL(?measure) && EXISTS { ?m skos:prefLabel|rdfs:label ?mcl FILTER(CONTAINS(STR(?mcl), STR(?measure))) }))
          } }
          LATERAL { ?x qg:measure ?m ; sdmx-dimension:refArea ?a ; qg:mentionedIn ?xdoc . ?xdoc dcterms:date ?d2 OPTIONAL { ?x qg:level ?xlv } } }
        UNION
        { { BIND(0 AS ?all) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") = "") }
          LATERAL { ?x sdmx-dimension:refArea ?a ; qg:measure ?m ; qg:mentionedIn ?xdoc . ?xdoc dcterms:date ?d2 OPTIONAL { ?x qg:level ?xlv } } }
        BIND(COALESCE(STR(?xlv), "") AS ?lvKey)
      } }
    FILTER(?d2 < ?date)
  }
  } GROUP BY ?obs ?m ?a ?value ?date ?doc ?lvKey }
  FILTER(COALESCE(STR(?place), "") = "" || ?a = ?place
         || EXISTS { ?a rdfs:label|skos:prefLabel|skos:altLabel ?pn FILTER(STR(?pn) = STR(?place)) })
  LATERAL { OPTIONAL { SELECT ?obs (?conf0 AS ?conf) WHERE { ?obs qg:confidence ?conf0 } LIMIT 1 } }
  FILTER(COALESCE(STR(?minConfidence), "") = "" || COALESCE(?conf, 1.0) >= xsd:decimal(STR(?minConfidence)))
  LATERAL { OPTIONAL { SELECT DISTINCT ?m ?ml WHERE { ?m skos:prefLabel|rdfs:label ?ml FILTER(LANG(?ml) = "zh" || LANG(?ml) = "") } } }
  BIND(COALESCE(?ml, STR(?m)) AS ?measureLabel)
  FILTER(COALESCE(STR(?measure), "") = "" || ?m = ?measure || (isLITERAL(?measure) && CONTAINS(?measureLabel, STR(?measure))))
  # the previous figure(s): those of that date in the series, joined by hash
  OPTIONAL {
      { SELECT DISTINCT ?m ?a ?lvKey ?pdate ?previous WHERE {
        { { SELECT DISTINCT ?a WHERE {
              { SELECT ?pn WHERE { VALUES ?lang { "zh" "en" "" }
                  BIND(IF(isIRI(?place), ?place, IF(?lang = "", STR(?place), STRLANG(STR(?place), ?lang))) AS ?pn)
                  FILTER(BOUND(?pn)) } }
              LATERAL { ?a (rdfs:label|skos:prefLabel|skos:altLabel)? ?pn }
          } }
          LATERAL {
            { { BIND(0 AS ?anyMeasure) FILTER(COALESCE(STR(?measure), "") = "") }
              LATERAL { ?x sdmx-dimension:refArea ?a ; qg:measure ?m ; qg:mentionedIn ?xdoc . ?x qg:value ?previous . ?xdoc dcterms:date ?pdate OPTIONAL { ?x qg:level ?xlv } } }
            UNION
            { { BIND(0 AS ?someMeasure) FILTER(COALESCE(STR(?measure), "") != "") }
              LATERAL {
                { SELECT ?a ?x ?m WHERE { ?x sdmx-dimension:refArea ?a ; qg:measure ?m } }
                { SELECT DISTINCT ?a ?m WHERE {
                    { SELECT DISTINCT ?a ?m WHERE { ?x0 sdmx-dimension:refArea ?a ; qg:measure ?m } }
                    LATERAL { OPTIONAL { SELECT ?m (1 AS ?mNamed) WHERE { ?m skos:prefLabel|rdfs:label ?mxl
                              FILTER((LANG(?mxl) = "zh" || LANG(?mxl) = "") && CONTAINS(STR(?mxl), STR(?measure))) } LIMIT 1 } }
                    FILTER(?measure = ?m || (isLITERAL(?measure) && (BOUND(?mNamed) || CONTAINS(STR(?m), STR(?measure)))))
                } }
              }
              LATERAL { ?x qg:mentionedIn ?xdoc . ?x qg:value ?previous . ?xdoc dcterms:date ?pdate OPTIONAL { ?x qg:level ?xlv } } }
          } }
        UNION
        { { SELECT DISTINCT ?m WHERE {
              { BIND(0 AS ?byMeasure) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") != "") }
              LATERAL { { SELECT DISTINCT ?m WHERE { ?m a qg:Measure } } }
              FILTER(?m = ?measure || (isLITERAL(?measure) && EXISTS { ?m skos:prefLabel|rdfs:label ?mcl FILTER(CONTAINS(STR(?mcl), STR(?measure))) }))
          } }
          LATERAL { ?x qg:measure ?m ; sdmx-dimension:refArea ?a ; qg:mentionedIn ?xdoc . ?x qg:value ?previous . ?xdoc dcterms:date ?pdate OPTIONAL { ?x qg:level ?xlv } } }
        UNION
        { { BIND(0 AS ?all) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") = "") }
          LATERAL { ?x sdmx-dimension:refArea ?a ; qg:measure ?m ; qg:mentionedIn ?xdoc . ?x qg:value ?previous . ?xdoc dcterms:date ?pdate OPTIONAL { ?x qg:level ?xlv } } }
        BIND(COALESCE(STR(?xlv), "") AS ?lvKey)
      } }
  }
  BIND(?value - ?previous AS ?change)
  LATERAL { OPTIONAL { SELECT ?obs ?u WHERE { ?obs qg:unit ?u } } }
  BIND(COALESCE(?u, <urn:x-qgraph:none>) AS ?unitNode)  # an unbound node would match every label
  LATERAL { OPTIONAL { SELECT ?unitNode ?unot WHERE { ?unitNode skos:notation ?unot } LIMIT 1 } }
  BIND(IF(BOUND(?u), COALESCE(?unot, REPLACE(STR(?u), "^.*[#/]", "")), ?none) AS ?unit)
  LATERAL { OPTIONAL { SELECT ?obs ?period WHERE { ?obs qg:refPeriod ?period } } }
  LATERAL { OPTIONAL { SELECT ?obs ?lv WHERE { ?obs qg:level ?lv } } }
  BIND(COALESCE(?lv, <urn:x-qgraph:none>) AS ?levelNode)
  LATERAL { OPTIONAL { SELECT ?levelNode ?lvl WHERE { ?levelNode skos:prefLabel ?lvl FILTER(LANG(?lvl) = "zh") } LIMIT 1 } }
  BIND(IF(BOUND(?lv), COALESCE(?lvl, REPLACE(STR(?lv), "^.*[#/]", "")), ?none) AS ?level)
  LATERAL { OPTIONAL { SELECT ?doc ?document WHERE { ?doc dcterms:title ?document } } }
}
ORDER BY ?measureLabel ?level ?date
"""

REFERENCE["selections"] = r"""# title: Places selected into cultivation pools and programmes (入选培育库)
# description: Which places were selected into which cultivation pool or programme (e.g. 滕州市 into
#   国家质量强县培育库), and listings of cultivation pools that give only a count.
# param: programme — a programme label or IRI; all when omitted (default: none)
#
# Plan: the programmes ?programme names first, then their listings; each listing's own figures,
# recipients and the programme's labels one at a time (LATERAL), each de-duplicated on its own.
# Without ?programme, only listings into a cultivation pool or of a place are read (not all listings).

SELECT DISTINCT ?selected ?pool ?kind ?level ?count ?recipientType ?year ?reported ?listing ?programme
WHERE {
  {
    SELECT DISTINCT ?listing ?prog WHERE {
      { { BIND(0 AS ?all) FILTER(COALESCE(STR(?programme), "") = "") }
        LATERAL { { ?prog a qg:CultivationPool . ?listing qg:programme ?prog ; a ?listingClass FILTER(?listingClass IN (qg:Listing, qg:Certification)) }
                  UNION { ?rec0 a qg:Place . ?listing qg:recipient ?rec0 ; qg:programme ?prog ; a ?listingClass FILTER(?listingClass IN (qg:Listing, qg:Certification)) } } }
      UNION
      {
        { SELECT DISTINCT ?pp WHERE {
            { SELECT ?ppLabel WHERE { VALUES ?lang { "zh" "en" "" }
                BIND(IF(isIRI(?programme), ?programme, IF(?lang = "", STR(?programme), STRLANG(STR(?programme), ?lang))) AS ?ppLabel)
                FILTER(BOUND(?ppLabel)) } }
            LATERAL { ?pp (rdfs:label|skos:prefLabel|skos:altLabel)? ?ppLabel }  # ? : an IRI names itself
        } }
        LATERAL { ?listing qg:programme ?pp ; a ?listingClass FILTER(?listingClass IN (qg:Listing, qg:Certification)) BIND(?pp AS ?prog) }
      }
    }
    # page
  }
  FILTER(COALESCE(STR(?programme), "") = "" || ?prog = ?programme
         || EXISTS { ?prog skos:prefLabel|rdfs:label|skos:altLabel ?ppn FILTER(STR(?ppn) = STR(?programme)) })
  LATERAL { OPTIONAL { SELECT DISTINCT ?listing ?rec WHERE { ?listing qg:recipient ?rec } } }
  FILTER((BOUND(?rec) && EXISTS { ?rec a qg:Place }) || EXISTS { ?prog a qg:CultivationPool })
  BIND(COALESCE(?rec, <urn:x-qgraph:none>) AS ?recNode)  # an unbound node would match every label
  LATERAL { OPTIONAL { SELECT ?recNode ?rl WHERE { ?recNode rdfs:label ?rl FILTER(LANG(?rl) = "zh" || LANG(?rl) = "") } LIMIT 1 } }
  BIND(IF(BOUND(?rec), COALESCE(?rl, STR(?rec)), ?none) AS ?selected)
  LATERAL { OPTIONAL { SELECT ?prog ?pl WHERE { ?prog skos:prefLabel|rdfs:label ?pl FILTER(LANG(?pl) = "zh" || LANG(?pl) = "") } LIMIT 1 } }
  BIND(COALESCE(?pl, STR(?prog)) AS ?pool)
  LATERAL {
    OPTIONAL { SELECT ?prog (SAMPLE(?kindName0) AS ?kindName) WHERE {
      { SELECT DISTINCT ?prog ?kindClass WHERE { ?prog a ?kindClass . FILTER(STRSTARTS(STR(?kindClass), STR(qg:))) } }
      LATERAL { OPTIONAL { SELECT ?kindClass ?kl WHERE { ?kindClass rdfs:label ?kl FILTER(LANG(?kl) = "zh") } LIMIT 1 } }
      BIND(COALESCE(?kl, REPLACE(STR(?kindClass), "^.*[#/]", "")) AS ?kindName0)
    } GROUP BY ?prog }
  }
  BIND(?kindName AS ?kind)
  # a programme's level is repeated in every report that names it: one is read (LIMIT 1), not all grouped
  LATERAL { OPTIONAL { SELECT ?prog ?lv WHERE { ?prog qg:level ?lv } LIMIT 1 } }
  BIND(COALESCE(?lv, <urn:x-qgraph:none>) AS ?levelNode)
  LATERAL { OPTIONAL { SELECT ?levelNode ?lvl WHERE { ?levelNode skos:prefLabel ?lvl FILTER(LANG(?lvl) = "zh") } LIMIT 1 } }
  BIND(IF(BOUND(?lv), COALESCE(?lvl, REPLACE(STR(?lv), "^.*[#/]", "")), ?none) AS ?level)
  LATERAL {
    SELECT ?listing (SAMPLE(?n0) AS ?count) (SAMPLE(?rt0) AS ?recipientType) (SAMPLE(?y0) AS ?year) (SAMPLE(?d0) AS ?reported) WHERE {
      ?listing qg:programme ?anyProgramme .
      OPTIONAL { ?listing qg:recipientCount ?n0 } OPTIONAL { ?listing qg:recipientType ?rt0 } OPTIONAL { ?listing qg:batch ?b0 }
      OPTIONAL { ?listing qg:year ?y0 } OPTIONAL { ?listing qg:mentionedIn ?doc . ?doc dcterms:date ?d0 }
    } GROUP BY ?listing
  }
}
ORDER BY ?pool ?selected
"""

REFERENCE["trademarks-gi"] = r"""# title: Trademarks and geographical indications listed (商标与地理标志)
# description: Listings of trademarks and geographical indications (e.g. "尚品本色等10件商标和峄城石榴等5件
#   地理标志入选…名录"): what kind, how many, the examples named, the list and the year.
# param: programme — a list label or IRI; all when omitted (default: none)
#
# Plan: the programmes ?programme names first, then their listings; each listing's own figures,
# recipients and the programme's labels one at a time (LATERAL), each de-duplicated on its own.
# Without ?programme, only listings of a trademark or indication (recipient or recipient type) are read.

SELECT DISTINCT ?kind ?count ?named ?list ?year ?reported ?listing ?programme
WHERE {
  {
    SELECT DISTINCT ?listing ?prog WHERE {
      { { BIND(0 AS ?all) FILTER(COALESCE(STR(?programme), "") = "") }
        LATERAL { { VALUES ?bc0 { qg:Trademark qg:GeographicalIndication } ?brand0 a ?bc0 .
                    ?listing qg:recipient ?brand0 ; qg:programme ?prog ; a ?listingClass FILTER(?listingClass IN (qg:Listing, qg:Certification)) }
                  UNION { ?listing qg:recipientType ?rt0 ; qg:programme ?prog ; a ?listingClass FILTER(?listingClass IN (qg:Listing, qg:Certification)) FILTER(REGEX(?rt0, "商标|地理标志")) } } }
      UNION
      {
        { SELECT DISTINCT ?pp WHERE {
            { SELECT ?ppLabel WHERE { VALUES ?lang { "zh" "en" "" }
                BIND(IF(isIRI(?programme), ?programme, IF(?lang = "", STR(?programme), STRLANG(STR(?programme), ?lang))) AS ?ppLabel)
                FILTER(BOUND(?ppLabel)) } }
            LATERAL { ?pp (rdfs:label|skos:prefLabel|skos:altLabel)? ?ppLabel }  # ? : an IRI names itself
        } }
        LATERAL { ?listing qg:programme ?pp ; a ?listingClass FILTER(?listingClass IN (qg:Listing, qg:Certification)) BIND(?pp AS ?prog) }
      }
    }
    # page
  }
  FILTER(COALESCE(STR(?programme), "") = "" || ?prog = ?programme
         || EXISTS { ?prog skos:prefLabel|rdfs:label|skos:altLabel ?ppn FILTER(STR(?ppn) = STR(?programme)) })
  LATERAL {
    SELECT ?listing (SAMPLE(?kindName) AS ?kind) (GROUP_CONCAT(DISTINCT ?bn; separator="、") AS ?named) WHERE {
      { SELECT DISTINCT ?listing ?brand ?bc WHERE {
          ?listing qg:programme ?anyProgramme .
          OPTIONAL { ?listing qg:recipient ?brand . ?brand a ?bc . FILTER(?bc IN (qg:Trademark, qg:GeographicalIndication)) }
      } }
      LATERAL { OPTIONAL { SELECT DISTINCT ?listing ?rt WHERE { ?listing qg:recipientType ?rt } } }
      FILTER(BOUND(?bc) || REGEX(COALESCE(?rt, ""), "商标|地理标志"))
      BIND(COALESCE(?rt, IF(?bc = qg:Trademark, "商标", "地理标志")) AS ?kindName)
      BIND(COALESCE(?brand, <urn:x-qgraph:none>) AS ?brandNode)  # an unbound node would match every label
      LATERAL { OPTIONAL { SELECT DISTINCT ?brandNode ?bl WHERE { ?brandNode rdfs:label ?bl FILTER(LANG(?bl) = "zh" || LANG(?bl) = "") } } }
      BIND(IF(BOUND(?brand), COALESCE(?bl, STR(?brand)), ?none) AS ?bn)
    } GROUP BY ?listing
  }
  LATERAL { OPTIONAL { SELECT ?prog ?pl WHERE { ?prog skos:prefLabel|rdfs:label ?pl FILTER(LANG(?pl) = "zh" || LANG(?pl) = "") } LIMIT 1 } }
  BIND(COALESCE(?pl, STR(?prog)) AS ?list)
  LATERAL {
    SELECT ?listing (SAMPLE(?n0) AS ?count) (SAMPLE(?rt0) AS ?recipientType) (SAMPLE(?y0) AS ?year) (SAMPLE(?d0) AS ?reported) WHERE {
      ?listing qg:programme ?anyProgramme .
      OPTIONAL { ?listing qg:recipientCount ?n0 } OPTIONAL { ?listing qg:recipientType ?rt0 } OPTIONAL { ?listing qg:batch ?b0 }
      OPTIONAL { ?listing qg:year ?y0 } OPTIONAL { ?listing qg:mentionedIn ?doc . ?doc dcterms:date ?d0 }
    } GROUP BY ?listing
  }
}
ORDER BY ?list ?kind
"""

REFERENCE["statistics"] = r"""# title: Every statistic with unit, period and source sentence (统计数据)
# description: Every figure of the reports (qg:Observation): what it is about, the measure, the value
#   scaled to its unit, whether it is approximate (余, 超, 近…), level, period, area, and the sentence
#   and report it was read from.
# param: place — a place label (枣庄市) or IRI; all places when omitted (default: none)
# param: measure — a measure label or part of one (合格率, 企业技术中心) or an IRI; all when omitted (default: none)
# param: minConfidence — leave out figures whose qg:confidence is lower (0–1: 0.9 named in the clause, 0.8 carried, 0.7 the document's own, 0.4 an inferred subject); all when omitted (default: none)
#
# Plan: the parameter first — the places ?place names and their figures, else the measures ?measure
# names and theirs — then each figure's own triples grouped, and its labels looked up one figure
# at a time (LATERAL), so repeated descriptions never multiply rows.

SELECT DISTINCT ?about ?measureLabel ?value ?unit ?approximate ?qualifier ?breakdown ?level ?period ?confidence ?area ?source
       ?document ?obs ?place ?measure ?minConfidence
WHERE {
  {
    SELECT DISTINCT ?obs WHERE {
      { { BIND(0 AS ?all) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") = "") }
        LATERAL { ?obs a qg:Observation } }
      UNION
      {
        { SELECT DISTINCT ?pa WHERE {
            { SELECT ?pn WHERE { VALUES ?lang { "zh" "en" "" }
                BIND(IF(isIRI(?place), ?place, IF(?lang = "", STR(?place), STRLANG(STR(?place), ?lang))) AS ?pn)
                FILTER(BOUND(?pn)) } }
            LATERAL { ?pa (rdfs:label|skos:prefLabel|skos:altLabel)? ?pn }  # ? : an IRI names itself
        } }
        LATERAL {
          { { BIND(0 AS ?anyMeasure) FILTER(COALESCE(STR(?measure), "") = "") }
            LATERAL { ?obs sdmx-dimension:refArea ?pa ; a qg:Observation } }
          UNION  # with ?measure too: the place's measures tested once each, joined by hash with its figures
          { { BIND(0 AS ?someMeasure) FILTER(COALESCE(STR(?measure), "") != "") }
            LATERAL {
              { SELECT ?pa ?obs ?mq WHERE { ?obs sdmx-dimension:refArea ?pa ; a qg:Observation ; qg:measure ?mq } }
              { SELECT DISTINCT ?pa ?mq WHERE {
                  { SELECT DISTINCT ?pa ?mq WHERE { ?o0 sdmx-dimension:refArea ?pa ; qg:measure ?mq } }
                  LATERAL { OPTIONAL { SELECT ?mq (1 AS ?mqNamed) WHERE { ?mq skos:prefLabel|rdfs:label ?mql
                            FILTER((LANG(?mql) = "zh" || LANG(?mql) = "") && CONTAINS(STR(?mql), STR(?measure))) } LIMIT 1 } }
                  FILTER(?measure = ?mq || (isLITERAL(?measure) && BOUND(?mqNamed)))
              } }
            } }
        }
      }
      UNION
      {
        { SELECT DISTINCT ?mc WHERE {
            { BIND(0 AS ?byMeasure) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") != "") }
            LATERAL { { SELECT DISTINCT ?mc WHERE { ?mc a qg:Measure } } }
            FILTER(?mc = ?measure || (isLITERAL(?measure) && EXISTS {
              ?mc skos:prefLabel|rdfs:label ?mcl FILTER((LANG(?mcl) = "zh" || LANG(?mcl) = "") && CONTAINS(STR(?mcl), STR(?measure))) }))
        } }
        LATERAL { ?obs qg:measure ?mc ; a qg:Observation }
      }
    }
    # page
  }
  # (the measure is tested exactly, on the label shown, below; with a place too, its measures were
  # tested above once each: a FILTER EXISTS here cost Oxigraph a scan of every label)
  LATERAL {
    SELECT ?obs ?value (SAMPLE(?subj0) AS ?subj) (SAMPLE(?m0) AS ?m) (SAMPLE(?u0) AS ?u) (SAMPLE(?approx) AS ?approximate)
           (SAMPLE(?q) AS ?qualifier) (SAMPLE(?lv0) AS ?lv) (SAMPLE(?p) AS ?period) (SAMPLE(?bd0) AS ?bd)
           (SAMPLE(?cf) AS ?confidence) (SAMPLE(?ar) AS ?a) WHERE {
      ?obs qg:value ?value .
      OPTIONAL { ?obs qg:subject ?subj0 } OPTIONAL { ?obs qg:measure ?m0 } OPTIONAL { ?obs qg:unit ?u0 }
      OPTIONAL { ?obs qg:approximate ?approx } OPTIONAL { ?obs qg:qualifier ?q } OPTIONAL { ?obs qg:level ?lv0 }
      OPTIONAL { ?obs qg:refPeriod ?p } OPTIONAL { ?obs qg:breakdown ?bd0 } OPTIONAL { ?obs qg:confidence ?cf }
      OPTIONAL { ?obs sdmx-dimension:refArea ?ar }
    } GROUP BY ?obs ?value
  }
  FILTER(COALESCE(STR(?place), "") = "" || ?a = ?place
         || (BOUND(?a) && EXISTS { ?a rdfs:label|skos:prefLabel|skos:altLabel ?pn FILTER(STR(?pn) = STR(?place)) }))
  FILTER(COALESCE(STR(?minConfidence), "") = "" || COALESCE(?confidence, 1.0) >= xsd:decimal(STR(?minConfidence)))
  BIND(COALESCE(?m, <urn:x-qgraph:none>) AS ?measureNode)  # an unbound node would match every label
  LATERAL { OPTIONAL { SELECT ?measureNode ?measureLabel WHERE { ?measureNode skos:prefLabel|rdfs:label ?measureLabel FILTER(LANG(?measureLabel) = "zh" || LANG(?measureLabel) = "") } LIMIT 1 } }
  FILTER(COALESCE(STR(?measure), "") = "" || ?m = ?measure || (isLITERAL(?measure) && CONTAINS(STR(?measureLabel), STR(?measure))))
  BIND(COALESCE(?subj, <urn:x-qgraph:none>) AS ?subjectNode)
  LATERAL { OPTIONAL { SELECT ?subjectNode ?sl WHERE { ?subjectNode rdfs:label|skos:prefLabel ?sl FILTER(LANG(?sl) = "zh" || LANG(?sl) = "") } LIMIT 1 } }
  BIND(IF(BOUND(?subj), COALESCE(?sl, STR(?subj)), ?none) AS ?about)
  BIND(COALESCE(?u, <urn:x-qgraph:none>) AS ?unitNode)
  LATERAL { OPTIONAL { SELECT ?unitNode ?unot WHERE { ?unitNode skos:notation ?unot } LIMIT 1 } }
  BIND(IF(BOUND(?u), COALESCE(?unot, REPLACE(STR(?u), "^.*[#/]", "")), ?none) AS ?unit)
  BIND(COALESCE(?lv, <urn:x-qgraph:none>) AS ?levelNode)
  LATERAL { OPTIONAL { SELECT ?levelNode ?lvl WHERE { ?levelNode skos:prefLabel ?lvl FILTER(LANG(?lvl) = "zh") } LIMIT 1 } }
  BIND(IF(BOUND(?lv), COALESCE(?lvl, REPLACE(STR(?lv), "^.*[#/]", "")), ?none) AS ?level)
  BIND(COALESCE(?bd, <urn:x-qgraph:none>) AS ?breakdownNode)
  LATERAL { OPTIONAL { SELECT ?breakdownNode ?breakdown WHERE { ?breakdownNode skos:prefLabel ?breakdown } LIMIT 1 } }
  BIND(COALESCE(?a, <urn:x-qgraph:none>) AS ?areaNode)
  LATERAL { OPTIONAL { SELECT ?areaNode ?area WHERE { ?areaNode rdfs:label ?area FILTER(LANG(?area) = "zh" || LANG(?area) = "") } LIMIT 1 } }
  LATERAL {
    OPTIONAL { SELECT ?obs (SAMPLE(?sentence) AS ?source) (SAMPLE(?docTitle) AS ?document) WHERE {
      ?mention oa:hasBody ?obs . ?mention qg:sentence ?s . ?s rdf:value ?sentence . OPTIONAL { ?s oa:hasSource ?doc . ?doc dcterms:title ?docTitle }
    } GROUP BY ?obs }
  }
}
ORDER BY ?document ?obs
"""

REFERENCE["policies"] = r"""# title: Policies cited (政策文件)
# description: Every policy document cited in 《》 brackets, with its document type, level and
#   issuing body where the text gives them, whether it is provisional (试行), and the reports citing it.
# param: type — document type: a label (通知, 纲要, 方案, 标准…) or an IRI (qg:Notice); all when omitted (default: none)
#
# Plan: the document types ?type names first, then their policies; each policy's attributes one
# policy at a time (LATERAL), each de-duplicated on its own, so that a policy cited by many reports
# is not multiplied by its issuer's labels in as many reports.

SELECT DISTINCT ?title ?documentType ?level ?issuedBy ?provisional ?citedIn ?policy ?type
WHERE {
  {
    SELECT DISTINCT ?policy WHERE {
      { { BIND(0 AS ?all) FILTER(COALESCE(STR(?type), "") = "") } LATERAL { ?policy a qg:Policy } }
      UNION
      {
        { SELECT DISTINCT ?dt WHERE {
            ?dt a qg:DocumentType .
            OPTIONAL { ?dt skos:prefLabel ?dtl0 FILTER(LANG(?dtl0) = "zh") }
            FILTER(?dt = ?type || STR(COALESCE(?dtl0, REPLACE(STR(?dt), "^.*[#/]", ""))) = STR(?type))
        } }
        LATERAL { ?policy qg:documentType ?dt . ?policy a qg:Policy }
      }
    }
    # page
  }
  LATERAL { OPTIONAL { SELECT ?policy (?dt1 AS ?typeIri) WHERE { ?policy qg:documentType ?dt1 } LIMIT 1 } }
  BIND(COALESCE(?typeIri, <urn:x-qgraph:none>) AS ?typeNode)  # an unbound node would match every label
  LATERAL { OPTIONAL { SELECT ?typeNode ?dtl WHERE { ?typeNode skos:prefLabel ?dtl FILTER(LANG(?dtl) = "zh") } LIMIT 1 } }
  BIND(COALESCE(?dtl, REPLACE(STR(?typeIri), "^.*[#/]", "")) AS ?documentType)
  FILTER(COALESCE(STR(?type), "") = "" || ?typeIri = ?type || STR(?documentType) = STR(?type))
  LATERAL { OPTIONAL { SELECT ?policy (?t0 AS ?title) WHERE { ?policy dcterms:title ?t0 } LIMIT 1 } }
  LATERAL { OPTIONAL { SELECT ?policy (?p0 AS ?provisional) WHERE { ?policy qg:provisional ?p0 } LIMIT 1 } }
  LATERAL { OPTIONAL { SELECT ?policy (?lv0 AS ?lv) WHERE { ?policy qg:level ?lv0 } LIMIT 1 } }
  BIND(COALESCE(?lv, <urn:x-qgraph:none>) AS ?levelNode)
  LATERAL { OPTIONAL { SELECT ?levelNode ?lvl WHERE { ?levelNode skos:prefLabel ?lvl FILTER(LANG(?lvl) = "zh") } LIMIT 1 } }
  BIND(COALESCE(?lvl, REPLACE(STR(?lv), "^.*[#/]", "")) AS ?level)
  LATERAL {
    OPTIONAL { SELECT ?policy (GROUP_CONCAT(DISTINCT ?issuerName; separator="、") AS ?issuedBy) WHERE {
      { SELECT DISTINCT ?policy ?issuer WHERE { ?policy eli:passed_by ?issuer } }
      LATERAL { OPTIONAL { SELECT DISTINCT ?issuer ?il WHERE { ?issuer rdfs:label ?il FILTER(LANG(?il) = "zh" || LANG(?il) = "") } } }
      BIND(COALESCE(?il, STR(?issuer)) AS ?issuerName)
    } GROUP BY ?policy }
  }
  LATERAL {
    OPTIONAL { SELECT ?policy (GROUP_CONCAT(DISTINCT ?docTitle; separator=" | ") AS ?citedIn) WHERE {
      ?policy qg:mentionedIn ?doc . ?doc dcterms:title ?docTitle
    } GROUP BY ?policy }
  }
}
ORDER BY ?title
"""


# The texts of the three queries over 100 ms at 10,000 documents, before the pass that rewrote them
# again (docs/scaling.md, "a sixth pass"): each rewritten text must give their rows as well.
BEFORE_SIXTH_PASS: dict[str, str] = {}

BEFORE_SIXTH_PASS["figure-over-time"] = r"""# title: How a figure changes over time for one place (指标变化)
# description: The same measure for the same place (and level) across reports of different dates, with
#   the previous value and the change. Needs at least two reports about the place.
# param: place — a place label or IRI (default: 枣庄市)
# param: measure — a measure label or part of one (合格率, 抽查批次) or an IRI; every measure when omitted (default: none)
# param: minConfidence — leave out figures whose qg:confidence is lower (0–1: 0.9 named in the clause, 0.8 carried, 0.7 the document's own, 0.4 an inferred subject); all when omitted (default: none)
#
# Plan: the series first — the build's derived qg:FigureSeries nodes (one per measure, place and
# level; each figure with a place points to its own with qg:series; docs/modelling.md) of the
# places ?place names, of the measures ?measure names, or of both — then their figures, and each
# figure's own triples and labels one figure at a time (LATERAL). The previous figures come from
# the same series read as a whole, twice — their report dates, joined by hash with the figures to
# give each figure its latest earlier date, then that date's figures — not looked up once per
# figure. A series holds the figures of one measure, place and level, so the place's other figures
# are never read (before the series, each of the three reads went through every figure of the
# place: 808 at 10,000 documents for 防城港市, to keep its 221 of 合格率). The figures stand for
# their own dates; a figure without an earlier report gets a placeholder date that joins nothing.
# A measure is tested once per series (a LATERAL … LIMIT 1, not a FILTER EXISTS, which Oxigraph
# evaluates as a scan of every label). The plain SPARQL 1.1 text (queries/sparql11/) reads the
# figures themselves and needs no series. A series' figures have the series' place as their area,
# so the figures are not tested against ?place again.

SELECT DISTINCT ?measureLabel ?level ?date ?value ?unit ?previous ?change ?period ?document ?obs ?place ?measure ?minConfidence
WHERE {
  { SELECT ?obs ?s ?m ?a ?value ?date ?doc ?lvKey (COALESCE(MAX(?d2), <urn:x-qgraph:none>) AS ?pdate) WHERE {
  {
    SELECT DISTINCT ?obs ?s WHERE {
      { SELECT DISTINCT ?s WHERE {
        { { BIND(0 AS ?all) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") = "") }
          LATERAL { ?s a qg:FigureSeries } }
        UNION
        { { SELECT DISTINCT ?pa WHERE {
              { SELECT ?pn WHERE { VALUES ?lang { "zh" "en" "" }
                  BIND(IF(isIRI(?place), ?place, IF(?lang = "", STR(?place), STRLANG(STR(?place), ?lang))) AS ?pn)
                  FILTER(BOUND(?pn)) } }
              LATERAL { ?pa (rdfs:label|skos:prefLabel|skos:altLabel)? ?pn }  # ? : an IRI names itself
          } }
          LATERAL {
            { { BIND(0 AS ?anyMeasure) FILTER(COALESCE(STR(?measure), "") = "") }
              LATERAL { ?s qg:seriesPlace ?pa } }
            UNION  # with ?measure too: the place's series, their measure tested once each
            { { BIND(0 AS ?someMeasure) FILTER(COALESCE(STR(?measure), "") != "") }
              LATERAL { ?s qg:seriesPlace ?pa ; qg:seriesMeasure ?mq }
              LATERAL { OPTIONAL { SELECT ?mq (1 AS ?mqNamed) WHERE { ?mq skos:prefLabel|rdfs:label ?mql
                        FILTER((LANG(?mql) = "zh" || LANG(?mql) = "") && CONTAINS(STR(?mql), STR(?measure))) } LIMIT 1 } }
              FILTER(?measure = ?mq || (isLITERAL(?measure) && (BOUND(?mqNamed) || CONTAINS(STR(?mq), STR(?measure))))) }
          } }
        UNION
        { { SELECT DISTINCT ?mc WHERE {
              { BIND(0 AS ?byMeasure) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") != "") }
              LATERAL { { SELECT DISTINCT ?mc WHERE { ?mc a qg:Measure } } }
              FILTER(?mc = ?measure || (isLITERAL(?measure) && EXISTS {
                ?mc skos:prefLabel|rdfs:label ?mcl FILTER(CONTAINS(STR(?mcl), STR(?measure))) }))
          } }
          LATERAL { ?s qg:seriesMeasure ?mc } }
      } }
      LATERAL { ?obs qg:series ?s }
    }
    # page
  }
  # (the measure is tested exactly, on the label shown, below)
  LATERAL {
    SELECT ?obs ?m ?a ?value ?date ?doc (SAMPLE(?lvs) AS ?lvKey) WHERE {
      ?obs qg:measure ?m ; qg:value ?value ; sdmx-dimension:refArea ?a ; qg:mentionedIn ?doc .
      ?doc dcterms:date ?date .
      OPTIONAL { ?obs qg:level ?lv0 }
      BIND(COALESCE(STR(?lv0), "") AS ?lvs)
    } GROUP BY ?obs ?m ?a ?value ?date ?doc
  }
  # the latest earlier report date of the same series: the series' dates joined by hash
  OPTIONAL {
    { SELECT DISTINCT ?s ?d2 WHERE {
        { SELECT DISTINCT ?s WHERE {
          { { BIND(0 AS ?all) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") = "") }
            LATERAL { ?s a qg:FigureSeries } }
          UNION
          { { SELECT DISTINCT ?pa WHERE {
                { SELECT ?pn WHERE { VALUES ?lang { "zh" "en" "" }
                    BIND(IF(isIRI(?place), ?place, IF(?lang = "", STR(?place), STRLANG(STR(?place), ?lang))) AS ?pn)
                    FILTER(BOUND(?pn)) } }
                LATERAL { ?pa (rdfs:label|skos:prefLabel|skos:altLabel)? ?pn }  # ? : an IRI names itself
            } }
            LATERAL {
              { { BIND(0 AS ?anyMeasure) FILTER(COALESCE(STR(?measure), "") = "") }
                LATERAL { ?s qg:seriesPlace ?pa } }
              UNION  # with ?measure too: the place's series, their measure tested once each
              { { BIND(0 AS ?someMeasure) FILTER(COALESCE(STR(?measure), "") != "") }
                LATERAL { ?s qg:seriesPlace ?pa ; qg:seriesMeasure ?mq }
                LATERAL { OPTIONAL { SELECT ?mq (1 AS ?mqNamed) WHERE { ?mq skos:prefLabel|rdfs:label ?mql
                          FILTER((LANG(?mql) = "zh" || LANG(?mql) = "") && CONTAINS(STR(?mql), STR(?measure))) } LIMIT 1 } }
                FILTER(?measure = ?mq || (isLITERAL(?measure) && (BOUND(?mqNamed) || CONTAINS(STR(?mq), STR(?measure))))) }
            } }
          UNION
          { { SELECT DISTINCT ?mc WHERE {
                { BIND(0 AS ?byMeasure) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") != "") }
                LATERAL { { SELECT DISTINCT ?mc WHERE { ?mc a qg:Measure } } }
                FILTER(?mc = ?measure || (isLITERAL(?measure) && EXISTS {
                  ?mc skos:prefLabel|rdfs:label ?mcl FILTER(CONTAINS(STR(?mcl), STR(?measure))) }))
            } }
            LATERAL { ?s qg:seriesMeasure ?mc } }
        } }
        LATERAL { ?x qg:series ?s ; qg:mentionedIn ?xdoc . ?xdoc dcterms:date ?d2 }
      } }
    FILTER(?d2 < ?date)
  }
  } GROUP BY ?obs ?s ?m ?a ?value ?date ?doc ?lvKey }
  LATERAL { OPTIONAL { SELECT ?obs (?conf0 AS ?conf) WHERE { ?obs qg:confidence ?conf0 } LIMIT 1 } }
  FILTER(COALESCE(STR(?minConfidence), "") = "" || COALESCE(?conf, 1.0) >= xsd:decimal(STR(?minConfidence)))
  LATERAL { OPTIONAL { SELECT DISTINCT ?m ?ml WHERE { ?m skos:prefLabel|rdfs:label ?ml FILTER(LANG(?ml) = "zh" || LANG(?ml) = "") } } }
  BIND(COALESCE(?ml, STR(?m)) AS ?measureLabel)
  FILTER(COALESCE(STR(?measure), "") = "" || ?m = ?measure || (isLITERAL(?measure) && CONTAINS(?measureLabel, STR(?measure))))
  # the previous figure(s): those of that date in the series, joined by hash
  OPTIONAL {
    { SELECT DISTINCT ?s ?pdate ?previous WHERE {
        { SELECT DISTINCT ?s WHERE {
          { { BIND(0 AS ?all) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") = "") }
            LATERAL { ?s a qg:FigureSeries } }
          UNION
          { { SELECT DISTINCT ?pa WHERE {
                { SELECT ?pn WHERE { VALUES ?lang { "zh" "en" "" }
                    BIND(IF(isIRI(?place), ?place, IF(?lang = "", STR(?place), STRLANG(STR(?place), ?lang))) AS ?pn)
                    FILTER(BOUND(?pn)) } }
                LATERAL { ?pa (rdfs:label|skos:prefLabel|skos:altLabel)? ?pn }  # ? : an IRI names itself
            } }
            LATERAL {
              { { BIND(0 AS ?anyMeasure) FILTER(COALESCE(STR(?measure), "") = "") }
                LATERAL { ?s qg:seriesPlace ?pa } }
              UNION  # with ?measure too: the place's series, their measure tested once each
              { { BIND(0 AS ?someMeasure) FILTER(COALESCE(STR(?measure), "") != "") }
                LATERAL { ?s qg:seriesPlace ?pa ; qg:seriesMeasure ?mq }
                LATERAL { OPTIONAL { SELECT ?mq (1 AS ?mqNamed) WHERE { ?mq skos:prefLabel|rdfs:label ?mql
                          FILTER((LANG(?mql) = "zh" || LANG(?mql) = "") && CONTAINS(STR(?mql), STR(?measure))) } LIMIT 1 } }
                FILTER(?measure = ?mq || (isLITERAL(?measure) && (BOUND(?mqNamed) || CONTAINS(STR(?mq), STR(?measure))))) }
            } }
          UNION
          { { SELECT DISTINCT ?mc WHERE {
                { BIND(0 AS ?byMeasure) FILTER(COALESCE(STR(?place), "") = "" && COALESCE(STR(?measure), "") != "") }
                LATERAL { { SELECT DISTINCT ?mc WHERE { ?mc a qg:Measure } } }
                FILTER(?mc = ?measure || (isLITERAL(?measure) && EXISTS {
                  ?mc skos:prefLabel|rdfs:label ?mcl FILTER(CONTAINS(STR(?mcl), STR(?measure))) }))
            } }
            LATERAL { ?s qg:seriesMeasure ?mc } }
        } }
        LATERAL { ?x qg:series ?s ; qg:mentionedIn ?xdoc ; qg:value ?previous . ?xdoc dcterms:date ?pdate }
      } }
  }
  BIND(?value - ?previous AS ?change)
  LATERAL { OPTIONAL { SELECT ?obs ?u WHERE { ?obs qg:unit ?u } } }
  BIND(COALESCE(?u, <urn:x-qgraph:none>) AS ?unitNode)  # an unbound node would match every label
  LATERAL { OPTIONAL { SELECT ?unitNode ?unot WHERE { ?unitNode skos:notation ?unot } LIMIT 1 } }
  BIND(IF(BOUND(?u), COALESCE(?unot, REPLACE(STR(?u), "^.*[#/]", "")), ?none) AS ?unit)
  LATERAL { OPTIONAL { SELECT ?obs ?period WHERE { ?obs qg:refPeriod ?period } } }
  LATERAL { OPTIONAL { SELECT ?obs ?lv WHERE { ?obs qg:level ?lv } } }
  BIND(COALESCE(?lv, <urn:x-qgraph:none>) AS ?levelNode)
  LATERAL { OPTIONAL { SELECT ?levelNode ?lvl WHERE { ?levelNode skos:prefLabel ?lvl FILTER(LANG(?lvl) = "zh") } LIMIT 1 } }
  BIND(IF(BOUND(?lv), COALESCE(?lvl, REPLACE(STR(?lv), "^.*[#/]", "")), ?none) AS ?level)
  LATERAL { OPTIONAL { SELECT ?doc ?document WHERE { ?doc dcterms:title ?document } } }
}
ORDER BY ?measureLabel ?level ?date
"""

BEFORE_SIXTH_PASS["inspection-clients"] = r"""# title: Whom inspection centres served (检验检测服务对象)
# description: Organisations an inspection or testing centre served (qg:served), with the kind of each
#   client and the work reported for the service.
# param: centre — the centre: a label (国家机床质检中心) or an IRI; all centres when omitted (default: none)
#
# Plan: the centres ?centre names first, then their services and clients; names, kinds and work one
# (centre, client) at a time (LATERAL), each de-duplicated on its own. The first stage already
# keeps only the centres ?centre names, so no filter on the centre follows it. Without ?centre the
# work is read one row at a time; with ?centre that per-row branch is not entered at all. (Reading
# a row's services from its client instead of its centre saved CPU at 1,000 documents, 68 -> 52 ms,
# and cost five times as much at 10,000, where a client is served in many reports: not kept.)

SELECT DISTINCT ?centreName ?client ?clientType ?work ?body ?clientIri ?centre
WHERE {
  {
    SELECT DISTINCT ?body ?clientIri WHERE {
      { { BIND(0 AS ?all) FILTER(COALESCE(STR(?centre), "") = "") } LATERAL { ?service qg:performedBy ?body ; qg:served ?clientIri } }
      UNION
      {
        { SELECT DISTINCT ?cb WHERE {
            { SELECT ?cbLabel WHERE { VALUES ?lang { "zh" "en" "" }
                BIND(IF(isIRI(?centre), ?centre, IF(?lang = "", STR(?centre), STRLANG(STR(?centre), ?lang))) AS ?cbLabel)
                FILTER(BOUND(?cbLabel)) } }
            LATERAL { ?cb (rdfs:label|skos:prefLabel|skos:altLabel)? ?cbLabel }  # ? : an IRI names itself
        } }
        LATERAL { ?service qg:performedBy ?cb ; qg:served ?clientIri . BIND(?cb AS ?body) }
      }
    }
    # page
  }
  LATERAL { OPTIONAL { SELECT ?body ?bl WHERE { ?body rdfs:label ?bl FILTER(LANG(?bl) = "zh" || LANG(?bl) = "") } LIMIT 1 } }
  BIND(COALESCE(?bl, STR(?body)) AS ?centreName)
  LATERAL { OPTIONAL { SELECT ?clientIri ?cl WHERE { ?clientIri rdfs:label ?cl FILTER(LANG(?cl) = "zh" || LANG(?cl) = "") } LIMIT 1 } }
  BIND(COALESCE(?cl, STR(?clientIri)) AS ?client)
  LATERAL {
    OPTIONAL { SELECT ?clientIri (SAMPLE(?kindName) AS ?clientType) WHERE {
      { SELECT DISTINCT ?clientIri ?kind WHERE { ?clientIri a ?kind . FILTER(STRSTARTS(STR(?kind), STR(qg:))) } }
      LATERAL { OPTIONAL { SELECT ?kind ?kl WHERE { ?kind rdfs:label ?kl FILTER(LANG(?kl) = "zh") } LIMIT 1 } }
      BIND(COALESCE(?kl, REPLACE(STR(?kind), "^.*[#/]", "")) AS ?kindName)
    } GROUP BY ?clientIri }
  }
  # The work of each row concatenates what every service of the centre for that client did. Without
  # ?centre, it is read one row of the page at a time; with it, once for each centre named (every
  # service of the centre read once, not once per client), and joined by hash.
  # A service without figures leaves the work unknown (GROUP_CONCAT of an unbound value), as before.
  LATERAL {
    OPTIONAL {
      { BIND(0 AS ?noCentre) FILTER(COALESCE(STR(?centre), "") = "") }
      LATERAL { SELECT ?body ?clientIri (GROUP_CONCAT(DISTINCT ?workText; separator="; ") AS ?workOne) WHERE {
        { SELECT DISTINCT ?body ?clientIri ?service WHERE { ?service qg:performedBy ?body ; qg:served ?clientIri } }
        LATERAL { OPTIONAL { SELECT DISTINCT ?service ?o ?v WHERE { ?o qg:subject ?service ; qg:value ?v } } }
        BIND(COALESCE(?o, <urn:x-qgraph:none>) AS ?oNode)  # an unbound node would match every figure
        LATERAL { OPTIONAL { SELECT DISTINCT ?oNode ?ml WHERE { ?oNode qg:measure ?m0 . ?m0 skos:prefLabel ?ml } } }
        LATERAL { OPTIONAL { SELECT DISTINCT ?oNode ?q WHERE { ?oNode qg:qualifier ?q } } }
        LATERAL { OPTIONAL { SELECT DISTINCT ?oNode ?un WHERE { ?oNode qg:unit ?u0 . ?u0 skos:notation ?un } } }
        BIND(CONCAT(COALESCE(STR(?ml), ""), " ", STR(?v), COALESCE(?q, ""), COALESCE(?un, "")) AS ?workText)
      } GROUP BY ?body ?clientIri }
    }
  }
  OPTIONAL {
    SELECT ?body ?clientIri ?workAll WHERE {
      { SELECT DISTINCT ?body WHERE {
          { SELECT ?cbLabel WHERE { VALUES ?lang { "zh" "en" "" }
              BIND(IF(isIRI(?centre), ?centre, IF(?lang = "", STR(?centre), STRLANG(STR(?centre), ?lang))) AS ?cbLabel)
              FILTER(BOUND(?cbLabel)) } }
          LATERAL { ?body (rdfs:label|skos:prefLabel|skos:altLabel)? ?cbLabel }
      } }
      LATERAL {
        SELECT ?body ?clientIri (GROUP_CONCAT(DISTINCT ?workText; separator="; ") AS ?workAll) WHERE {
          { SELECT DISTINCT ?body ?clientIri ?service WHERE { ?service qg:performedBy ?body ; qg:served ?clientIri } }
          { SELECT ?body ?service ?workText WHERE {  # each service once, its figures looked up (the centre is bound here)
              { SELECT DISTINCT ?body ?service WHERE { ?service qg:performedBy ?body } }
              OPTIONAL { ?o qg:subject ?service ; qg:value ?v .
                         OPTIONAL { ?o qg:measure ?m0 . ?m0 skos:prefLabel ?ml } OPTIONAL { ?o qg:qualifier ?q }
                         OPTIONAL { ?o qg:unit ?u0 . ?u0 skos:notation ?un } }
              BIND(CONCAT(COALESCE(STR(?ml), ""), " ", STR(?v), COALESCE(?q, ""), COALESCE(?un, "")) AS ?workText)
          } }
        } GROUP BY ?body ?clientIri
      }
    }
  }
  BIND(COALESCE(?workOne, ?workAll) AS ?work)
}
ORDER BY ?centreName ?client
"""

BEFORE_SIXTH_PASS["policies"] = r"""# title: Policies cited (政策文件)
# description: Every policy document cited in 《》 brackets, with its document type, level and
#   issuing body where the text gives them, whether it is provisional (试行), and the reports citing it.
# param: type — document type: a label (通知, 纲要, 方案, 标准…) or an IRI (qg:Notice); all when omitted (default: none)
#
# Plan: the document types ?type names first, then their policies; each policy's attributes one
# policy at a time (LATERAL), each de-duplicated on its own, so that a policy cited by many reports
# is not multiplied by its issuer's labels in as many reports. A policy's document type is written
# in every report citing it, so the policies of a type are made distinct first and their class
# tested once each, not once per report (the first stage 3.2 -> 1.9 ms at 1,000 documents).

SELECT DISTINCT ?title ?documentType ?level ?issuedBy ?provisional ?citedIn ?policy ?type
WHERE {
  {
    SELECT DISTINCT ?policy WHERE {
      { { BIND(0 AS ?all) FILTER(COALESCE(STR(?type), "") = "") } LATERAL { ?policy a qg:Policy } }
      UNION
      {
        { SELECT DISTINCT ?dt WHERE {
            ?dt a qg:DocumentType .
            OPTIONAL { ?dt skos:prefLabel ?dtl0 FILTER(LANG(?dtl0) = "zh") }
            FILTER(?dt = ?type || STR(COALESCE(?dtl0, REPLACE(STR(?dt), "^.*[#/]", ""))) = STR(?type))
        } }
        LATERAL { SELECT DISTINCT ?dt ?policy WHERE { ?policy qg:documentType ?dt } }
        LATERAL { ?policy a qg:Policy }
      }
    }
    # page
  }
  LATERAL { OPTIONAL { SELECT ?policy (?dt1 AS ?typeIri) WHERE { ?policy qg:documentType ?dt1 } LIMIT 1 } }
  BIND(COALESCE(?typeIri, <urn:x-qgraph:none>) AS ?typeNode)  # an unbound node would match every label
  LATERAL { OPTIONAL { SELECT ?typeNode ?dtl WHERE { ?typeNode skos:prefLabel ?dtl FILTER(LANG(?dtl) = "zh") } LIMIT 1 } }
  BIND(COALESCE(?dtl, REPLACE(STR(?typeIri), "^.*[#/]", "")) AS ?documentType)
  FILTER(COALESCE(STR(?type), "") = "" || ?typeIri = ?type || STR(?documentType) = STR(?type))
  LATERAL { OPTIONAL { SELECT ?policy (?t0 AS ?title) WHERE { ?policy dcterms:title ?t0 } LIMIT 1 } }
  LATERAL { OPTIONAL { SELECT ?policy (?p0 AS ?provisional) WHERE { ?policy qg:provisional ?p0 } LIMIT 1 } }
  LATERAL { OPTIONAL { SELECT ?policy (?lv0 AS ?lv) WHERE { ?policy qg:level ?lv0 } LIMIT 1 } }
  BIND(COALESCE(?lv, <urn:x-qgraph:none>) AS ?levelNode)
  LATERAL { OPTIONAL { SELECT ?levelNode ?lvl WHERE { ?levelNode skos:prefLabel ?lvl FILTER(LANG(?lvl) = "zh") } LIMIT 1 } }
  BIND(COALESCE(?lvl, REPLACE(STR(?lv), "^.*[#/]", "")) AS ?level)
  LATERAL {
    OPTIONAL { SELECT ?policy (GROUP_CONCAT(DISTINCT ?issuerName; separator="、") AS ?issuedBy) WHERE {
      { SELECT DISTINCT ?policy ?issuer WHERE { ?policy eli:passed_by ?issuer } }
      LATERAL { OPTIONAL { SELECT DISTINCT ?issuer ?il WHERE { ?issuer rdfs:label ?il FILTER(LANG(?il) = "zh" || LANG(?il) = "") } } }
      BIND(COALESCE(?il, STR(?issuer)) AS ?issuerName)
    } GROUP BY ?policy }
  }
  LATERAL {
    OPTIONAL { SELECT ?policy (GROUP_CONCAT(DISTINCT ?docTitle; separator=" | ") AS ?citedIn) WHERE {
      ?policy qg:mentionedIn ?doc . ?doc dcterms:title ?docTitle
    } GROUP BY ?policy }
  }
}
ORDER BY ?title
"""
