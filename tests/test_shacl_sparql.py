"""The SPARQL validation engine (qgraph.shacl_sparql) against pySHACL, the reference: the same
violations (focus node, result path, constraint component, message, severity, value) on the sample
build and on graphs with injected errors, at least one per constraint component the shapes use."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, XSD

from qgraph.pipeline import build_dataset
from qgraph.resources import ontology_path
from qgraph.shacl_sparql import (UnsupportedShapeError, compile_shapes, qgraph_constraints, validate_quads_in_store,
                                 validate_store)
from qgraph.validate import ONTOLOGY_GRAPH, ValidationReport, data_graph, validate_graph
from qgraph.vocab import PREFIXES, QG

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
OA = Namespace("http://www.w3.org/ns/oa#")
X = Namespace("https://w3id.org/qgraph/id/test/")


@pytest.fixture(scope="module")
def sample() -> Graph:
    ds, _, errors = build_dataset([CORPUS])
    assert not errors
    return data_graph(ds)


def copy(g: Graph) -> Graph:
    out = Graph()
    for t in g:
        out.add(t)
    for p, ns in g.namespaces():
        out.bind(p, ns)
    return out


def sparql_report(g: Graph, shapes: Graph | None = None) -> ValidationReport:
    """The SPARQL engine on ``g`` in a named graph of a fresh store, plus the ontology graph."""
    store = ox.Store()
    store.load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
               to_graph=ox.NamedNode("https://w3id.org/qgraph/id/graph/test"))
    store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)))
    compiled = qgraph_constraints() if shapes is None else compile_shapes(shapes)
    return validate_store(store, compiled, namespaces=g)


def keys(report: ValidationReport) -> Counter[tuple[str | None, ...]]:
    return Counter((v.focus, v.path, v.component, v.message, v.severity, v.value) for v in report.violations)


def assert_same(g: Graph) -> tuple[ValidationReport, ValidationReport]:
    ref, mine = validate_graph(g), sparql_report(g)
    assert keys(ref) == keys(mine), (f"pySHACL only: {keys(ref) - keys(mine)}\n"
                                     f"SPARQL only: {keys(mine) - keys(ref)}")
    assert ref.conforms == mine.conforms
    return ref, mine


def first(g: Graph, where: str, k: int = 0) -> URIRef:
    """The k-th node (in IRI order) matching ``where``: injections use different k, so different nodes."""
    rows = sorted({r[0] for r in g.query(f"SELECT ?x WHERE {{ {where} }}", initNs=PREFIXES)})
    assert len(rows) > k, where
    return rows[k]


def zh_label(g: Graph, node: URIRef) -> Literal:
    return next(o for o in g.objects(node, RDFS.label) if isinstance(o, Literal) and o.language == "zh")


def _percent_obs(g: Graph) -> URIRef:
    return first(g, "?x a qg:Observation ; qg:unit qg:Percent")


def _count_obs(g: Graph, k: int = 0) -> URIRef:
    return first(g, "?x a qg:Observation ; qg:unit ?u FILTER(?u != qg:Percent)", k)


def _mention(g: Graph, k: int = 0) -> URIRef:
    return first(g, "?x a qg:Mention ; qg:start ?s", k)


def _org(g: Graph) -> URIRef:
    return first(g, "?x a qg:GovernmentDepartment")


# Each injection breaks (or, for the last ones, changes without breaking) one node of the sample
# and returns it with the components both engines must report on it (empty: none).
def inj_no_label(g: Graph) -> tuple[URIRef, set[str]]:
    node = _org(g)
    g.remove((node, RDFS.label, None))
    return node, {"sh:MinCountConstraintComponent", "sh:QualifiedMinCountConstraintComponent"}


def inj_two_measures(g: Graph) -> tuple[URIRef, set[str]]:
    node = _count_obs(g)
    g.add((node, QG.measure, first(g, "?x a qg:Measure")))
    g.add((node, QG.measure, X["measure"]))
    return node, {"sh:MaxCountConstraintComponent", "sh:ClassConstraintComponent"}


def inj_two_quotes(g: Graph) -> tuple[URIRef, set[str]]:
    node = _mention(g)
    g.add((node, QG.exact, Literal("另一段引文", lang="zh")))
    return node, {"sh:MaxCountConstraintComponent"}


def inj_role_not_a_role(g: Graph) -> tuple[URIRef, set[str]]:
    node = first(g, "?x a org:Post", 2)
    g.set((node, ORG.role, first(g, "?x a qg:Place")))
    return node, {"sh:ClassConstraintComponent"}


def inj_source_not_a_document(g: Graph) -> tuple[URIRef, set[str]]:
    node = _mention(g, 1)
    g.set((node, OA.hasTarget, first(g, "?x a qg:Sentence")))
    return node, {"sh:ClassConstraintComponent"}


def inj_post_in_literal(g: Graph) -> tuple[URIRef, set[str]]:
    node = first(g, "?x a org:Post ; org:postIn ?o")
    g.set((node, ORG.postIn, Literal("枣庄市某局")))
    return node, {"sh:ClassConstraintComponent"}


def inj_value_as_string(g: Graph) -> tuple[URIRef, set[str]]:
    node = _count_obs(g, 1)
    g.set((node, QG.value, Literal("12")))
    return node, {"sh:OrConstraintComponent", "sh:MinInclusiveConstraintComponent"}  # xsd:integer or xsd:decimal


def inj_ill_typed_index(g: Graph) -> tuple[URIRef, set[str]]:
    node = first(g, "?x a qg:Sentence")
    g.set((node, QG.sentenceIndex, Literal("-3", datatype=XSD.decimal)))
    return node, {"sh:DatatypeConstraintComponent", "sh:MinInclusiveConstraintComponent"}


def inj_date_as_string(g: Graph) -> tuple[URIRef, set[str]]:
    node = first(g, "?x a qg:SourceDocument")
    g.set((node, DCTERMS.date, Literal("2025-09-19")))
    return node, {"sh:DatatypeConstraintComponent"}


def inj_negative_index(g: Graph) -> tuple[URIRef, set[str]]:
    node = first(g, "?x a qg:Sentence", 1)
    g.set((node, QG.sentenceIndex, Literal(-1)))
    return node, {"sh:MinInclusiveConstraintComponent"}


def inj_negative_start(g: Graph) -> tuple[URIRef, set[str]]:
    node = _mention(g, 2)
    g.set((node, QG.start, Literal(-5)))
    return node, {"sh:MinInclusiveConstraintComponent"}


def inj_bad_admin_code(g: Graph) -> tuple[URIRef, set[str]]:
    node = first(g, "?x a qg:Place")
    g.add((node, QG.adminCode, Literal("37040")))
    return node, {"sh:PatternConstraintComponent"}


def inj_two_zh_labels(g: Graph) -> tuple[URIRef, set[str]]:
    node = first(g, "?x a qg:GovernmentBody")
    g.add((node, RDFS.label, Literal(str(zh_label(g, node)) + "（旧称）", lang="zh")))
    return node, {"sh:UniqueLangConstraintComponent"}


def inj_english_only(g: Graph) -> tuple[URIRef, set[str]]:
    node = first(g, "?x a qg:Policy")
    label = zh_label(g, node)
    g.remove((node, RDFS.label, label))
    g.add((node, RDFS.label, Literal(str(label), lang="en")))
    return node, {"sh:QualifiedMinCountConstraintComponent"}


def inj_no_provenance(g: Graph) -> tuple[URIRef, set[str]]:
    node = first(g, "?x a qg:ProductCategory")
    for m in list(g.subjects(OA.hasBody, node)):  # its mentions
        g.remove((m, None, None))
    for pred in (PROV.wasDerivedFrom, QG.mentionedIn):
        g.remove((node, pred, None))
    return node, {"sh:OrConstraintComponent"}


def inj_listing_without_recipients(g: Graph) -> tuple[URIRef, set[str]]:
    node = first(g, "?x a qg:Listing")
    g.remove((node, QG.recipient, None))
    g.remove((node, QG.recipientCount, None))
    return node, {"sh:OrConstraintComponent"}


def inj_percent_140(g: Graph) -> tuple[URIRef, set[str]]:
    node = _percent_obs(g)
    g.set((node, QG.value, Literal("140", datatype=XSD.decimal)))
    return node, {"sh:OrConstraintComponent"}


def inj_percent_as_text(g: Graph) -> tuple[URIRef, set[str]]:
    node = _count_obs(g, 3)
    g.set((node, QG.unit, QG.Percent))
    g.set((node, QG.value, Literal("九成")))
    return node, {"sh:OrConstraintComponent", "sh:MinInclusiveConstraintComponent"}  # not xsd:integer nor xsd:decimal


def inj_subclass_instance(g: Graph) -> tuple[URIRef, set[str]]:
    g.add((X["institute"], RDF.type, QG.ResearchInstitute))
    return X["institute"], {"sh:MinCountConstraintComponent", "sh:QualifiedMinCountConstraintComponent",
                            "sh:OrConstraintComponent"}


def ok_zh_hans_label(g: Graph) -> tuple[URIRef, set[str]]:
    node = first(g, "?x a qg:IndustryChain")
    label = zh_label(g, node)
    g.remove((node, RDFS.label, label))
    g.add((node, RDFS.label, Literal(str(label), lang="zh-Hans")))
    return node, set()


def ok_count_above_100(g: Graph) -> tuple[URIRef, set[str]]:
    node = _count_obs(g, 2)
    g.set((node, QG.value, Literal("140000", datatype=XSD.decimal)))
    return node, set()


def inj_confidence_over_one(g: Graph) -> tuple[URIRef, set[str]]:
    node = _count_obs(g, 4)
    g.set((node, QG.confidence, Literal("1.5", datatype=XSD.decimal)))
    return node, {"sh:MaxInclusiveConstraintComponent"}


INJECTIONS: dict[str, Callable[[Graph], tuple[URIRef, set[str]]]] = {
    f.__name__: f for f in (
        inj_no_label, inj_two_measures, inj_two_quotes, inj_role_not_a_role, inj_source_not_a_document,
        inj_post_in_literal, inj_value_as_string, inj_ill_typed_index, inj_date_as_string, inj_negative_index,
        inj_negative_start, inj_bad_admin_code, inj_two_zh_labels, inj_english_only, inj_no_provenance,
        inj_listing_without_recipients, inj_percent_140, inj_percent_as_text, inj_subclass_instance,
        inj_confidence_over_one,
        ok_zh_hans_label, ok_count_above_100)
}


def test_sample_conforms_under_both_engines(sample: Graph) -> None:
    ref, mine = assert_same(sample)
    assert ref.conforms and mine.conforms, mine.text()
    assert mine.text() == "SHACL: conforms (0 violations)"


def test_injected_errors_give_the_same_violations(sample: Graph) -> None:
    """Every injection at once (they touch different nodes): same violations; each node gets what it should."""
    g = copy(sample)
    expected: dict[str, tuple[URIRef, set[str]]] = {name: inj(g) for name, inj in INJECTIONS.items()}
    ref, mine = assert_same(g)
    components_seen = {v.component for v in mine.violations}
    for name, (node, components) in expected.items():
        focus = g.namespace_manager.normalizeUri(node)
        got = {v.component for v in mine.violations if v.focus == focus}
        assert components <= got if components else not got, f"{name}: {got}"
    used = {g.namespace_manager.normalizeUri(URIRef(c.component)) for c in qgraph_constraints()}
    assert used <= components_seen, f"no injected error exercises {used - components_seen}"
    paths = {v.path for v in mine.violations}
    assert {"qg:exact", "qg:start", "qg:value"} <= paths
    assert all(v.message != "constraint violated" for v in mine.violations)


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sets(st.sampled_from(sorted(INJECTIONS)), min_size=1, max_size=3))
def test_random_subsets_of_injections_agree(sample: Graph, names: set[str]) -> None:
    g = copy(sample)
    for name in sorted(names):
        INJECTIONS[name](g)
    assert_same(g)


# ----------------------------------------------------------------------------- other shapes

SMALL_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:S a sh:NodeShape ; sh:targetNode ex:a , ex:b ; sh:targetSubjectsOf ex:knows ;
  sh:property [ sh:path [ sh:inversePath ex:knows ] ; sh:minCount 2 ; sh:message "known twice" ] ;
  sh:property [ sh:path ex:colour ; sh:in ( "red" "green" ) ; sh:severity sh:Warning ; sh:message "a colour" ] ;
  sh:property [ sh:path ( ex:knows ex:age ) ; sh:datatype xsd:integer ; sh:maxExclusive 150 ; sh:message "age" ] ;
  sh:property [ sh:path [ sh:alternativePath ( ex:name ex:nick ) ] ; sh:maxLength 5 ; sh:nodeKind sh:Literal ;
                sh:message "short names" ] ;
  sh:property [ sh:path ex:knows ; sh:node ex:Named ; sh:maxCount 3 ; sh:message "knows named people" ] ;
  sh:xone ( [ sh:property [ sh:path ex:name ; sh:minCount 1 ] ] [ sh:property [ sh:path ex:nick ; sh:minCount 1 ] ] ) ;
  sh:message "a name or a nick, not both" .
ex:Named a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
"""
SMALL_DATA = """
@prefix ex: <http://example.org/> .
ex:a ex:knows ex:b , ex:c ; ex:colour "red" , "blue" ; ex:name "Alexander" ; ex:nick "Al" .
ex:b ex:knows ex:a ; ex:age 200 ; ex:name "Bo" .
ex:c ex:age "old" ; ex:knows ex:a ; ex:nick ex:iri .
ex:d ex:knows ex:a , ex:b .
"""


def test_other_shapes_match_pyshacl() -> None:
    """Targets, paths and components qgraph's shapes do not use yet, checked the same way."""
    shapes = Graph().parse(data=SMALL_SHAPES, format="turtle")
    data = Graph().parse(data=SMALL_DATA, format="turtle")
    ref = validate_graph(data, shapes=shapes, ontology=Graph())
    mine = sparql_report(data, shapes)
    assert keys(ref) == keys(mine), f"pySHACL only: {keys(ref) - keys(mine)}\nSPARQL only: {keys(mine) - keys(ref)}"
    assert len(mine.violations) >= 6
    assert ref.conforms == mine.conforms is False
    assert {v.severity for v in mine.violations} == {"Violation", "Warning"}


@pytest.mark.parametrize(("extra", "named"), [
    ("sh:closed true", "shape ex:S: sh:closed"),
    ("sh:equals ex:other", "shape ex:S: sh:equals"),
    ("sh:sparql [ sh:select \"SELECT $this WHERE {}\" ]", "shape ex:S: sh:sparql"),
    ("sh:property [ sh:path ex:q ; sh:lessThan ex:r ]", "shape ex:S sh:property [sh:path ex:q]: sh:lessThan"),
    ("sh:or ( [ sh:path ex:q ; sh:minCount 1 ; sh:foo 1 ] )", "shape ex:S sh:or [sh:path ex:q]: sh:foo"),
    ("sh:not [ sh:closed true ]", "shape ex:S sh:not […]: sh:closed"),
])
def test_an_unsupported_component_raises_at_compile_time(extra: str, named: str) -> None:
    shapes = Graph().parse(data=f"""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] ; {extra} .""",
                           format="turtle")
    with pytest.raises(UnsupportedShapeError) as info:
        compile_shapes(shapes)
    assert str(info.value) == f"{named} is not supported by the SPARQL engine"


def test_validate_store_refuses_a_store_without_the_ontology(sample: Graph) -> None:
    store = ox.Store()
    store.load(sample.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
               to_graph=ox.NamedNode("https://w3id.org/qgraph/id/graph/test"))
    with pytest.raises(ValueError, match="no ontology graph"):
        validate_store(store, qgraph_constraints())
    report = validate_quads_in_store(store)  # loads the bundled ontology, then validates
    assert report.conforms, report.text()
    assert len(list(store.named_graphs())) == 2
    store.add(ox.Quad(ox.NamedNode(X["institute"]), ox.NamedNode(RDF.type), ox.NamedNode(QG.ResearchInstitute),
                      ox.NamedNode("https://w3id.org/qgraph/id/graph/test")))
    one, two = (validate_store(store, qgraph_constraints(), jobs=jobs) for jobs in (1, 2))
    assert one.violations == two.violations and len(one.violations) == 3 and not one.conforms
    default = ox.Store()  # everything in the default graph instead of named graphs
    default.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in store)
    assert validate_store(default, qgraph_constraints(), union=False).violations == one.violations


# ----------------------------------------------------------------------------- command line

def test_cli_validate_engine_sparql_prints_what_pyshacl_prints(sample_build: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from qgraph.cli import main

    text = (sample_build / "graph.nq").read_text(encoding="utf-8")
    old = '"96.2"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    assert text.count(old) == 1  # the pass rate of the sample's spot check
    broken = tmp_path / "broken.nq"
    broken.write_text(text.replace(old, old.replace("96.2", "140.0")), encoding="utf-8")
    outputs = {}
    for engine in ("pyshacl", "sparql"):
        result = CliRunner().invoke(main, ["validate", str(broken), "--engine", engine, "--format", "json"])
        assert result.exit_code == 1, result.output
        outputs[engine] = result.stdout
    assert outputs["sparql"] == outputs["pyshacl"]
    assert '"component": "sh:OrConstraintComponent"' in outputs["sparql"]
    bad = tmp_path / "notes.ttl"
    bad.write_bytes(b"this is not RDF {\n")
    result = CliRunner().invoke(main, ["validate", str(bad), "--engine", "sparql"])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1, result.output
    assert str(bad) in result.stderr and "Traceback" not in result.output
