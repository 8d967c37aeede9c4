"""The cheaper SPARQL forms of some constraints (:mod:`qgraph.shacl_compile`) report what pySHACL
reports: screened ``sh:maxCount`` (the grouped query runs only when a node has two values),
``sh:or`` of "one value on one of these paths" as anti-joins, and ``sh:datatype`` tested by a cast
that leaves a well-formed literal unchanged."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDFS, XSD
from test_shacl_sparql import OA, assert_same, copy, first, sample, sparql_report  # noqa: F401 - the fixture

from qgraph.shacl_compile import _Compiler
from qgraph.shacl_sparql import _screen_passes, all_rows, compile_shapes, qgraph_constraints
from qgraph.validate import validate_graph
from qgraph.vocab import QG


def _mention(g: Graph, k: int) -> URIRef:
    return first(g, "?x a qg:Mention ; qg:start ?s ; qg:exact ?e", k)


def _unmention(g: Graph, node: URIRef) -> None:
    """``node`` loses its mentions (the qg:Mention nodes whose oa:hasBody it is), as if never read."""
    for m in list(g.subjects(OA.hasBody, node)):
        g.remove((m, None, None))


def _components(report: object, g: Graph, node: URIRef) -> set[tuple[str | None, str]]:
    focus = g.namespace_manager.normalizeUri(node)
    return {(v.path, v.component) for v in report.violations if v.focus == focus}  # type: ignore[attr-defined]


def test_mention_errors_hit_the_fast_forms(sample: Graph) -> None:  # noqa: F811
    g = copy(sample)
    two_bodies, start_text, start_bad_int, no_exact, end_decimal = (_mention(g, k) for k in range(5))
    g.add((two_bodies, OA.hasBody, first(g, "?x a qg:Policy")))
    g.set((start_text, QG.start, Literal("12")))
    g.set((start_bad_int, QG.start, Literal("x12", datatype=XSD.integer)))
    g.remove((no_exact, QG.exact, None))
    g.set((end_decimal, QG.end, Literal("12.5", datatype=XSD.decimal)))
    sentence = first(g, "?x a qg:Sentence")
    g.add((sentence, QG.start, Literal(999999)))  # a second start: the screen of qg:start no longer passes
    obs = first(g, "?x a qg:Observation ; qg:approximate ?a")
    g.set((obs, QG.approximate, Literal("true")))  # a string, not an xsd:boolean
    listing = first(g, "?x a qg:Listing ; qg:recipient ?r")
    g.remove((listing, QG.recipient, None))
    g.remove((listing, QG.recipientCount, None))
    g.add((listing, QG.recipientCount, Literal(3)))  # still fine: one of the two paths has a value
    labelled = first(g, "?x a qg:GovernmentDepartment")
    _unmention(g, labelled)
    g.remove((labelled, QG.mentionedIn, None))
    g.add((labelled, PROV.wasDerivedFrom, URIRef("https://example.org/register")))  # the other branch of the or
    _, mine = assert_same(g)
    assert _components(mine, g, two_bodies) == {("oa:hasBody", "sh:MaxCountConstraintComponent")}
    assert ("qg:start", "sh:DatatypeConstraintComponent") in _components(mine, g, start_text)
    assert ("qg:start", "sh:DatatypeConstraintComponent") in _components(mine, g, start_bad_int)
    assert _components(mine, g, no_exact) == {("qg:exact", "sh:MinCountConstraintComponent")}
    assert ("qg:end", "sh:DatatypeConstraintComponent") in _components(mine, g, end_decimal)
    assert ("qg:start", "sh:MaxCountConstraintComponent") in _components(mine, g, sentence)
    assert ("qg:approximate", "sh:DatatypeConstraintComponent") in _components(mine, g, obs)
    assert not _components(mine, g, listing) and not _components(mine, g, labelled)


def test_a_node_with_no_provenance_and_a_listing_with_nothing_listed(sample: Graph) -> None:  # noqa: F811
    g = copy(sample)
    labelled = first(g, "?x a qg:Enterprise", 1)
    _unmention(g, labelled)
    for pred in (PROV.wasDerivedFrom, QG.mentionedIn):
        g.remove((labelled, pred, None))
    listing = first(g, "?x a qg:Listing", 1)
    g.remove((listing, QG.recipient, None))
    g.remove((listing, QG.recipientCount, None))
    _, mine = assert_same(g)
    assert (None, "sh:OrConstraintComponent") in _components(mine, g, labelled)
    assert (None, "sh:OrConstraintComponent") in _components(mine, g, listing)


FORMS = ["5", "-3", "+5", " 5", "05", "1.5", "1.", ".5", "-0", "1e3", "NaN", "INF", "-INF", "abc", "", "0x1F",
         "99999999999999999999999999", "-.5e-3", "true", "false", "TRUE", "yes", "1", "0", "2025-09-19"]
TYPES = ["integer", "decimal", "double", "float", "boolean", "int", "long", "nonNegativeInteger", "string", "date"]


@pytest.mark.parametrize("datatype", ["integer", "decimal", "double", "float"])
def test_datatype_by_cast_agrees_with_the_lexical_test(datatype: str) -> None:
    """The cast form against the string test it replaces, on the same store, for every form and type."""
    store = ox.Store()
    lines = [f'<urn:x:{i}-{t}> <urn:p> "{f}"^^<{XSD}{t}> .' for i, f in enumerate(FORMS) for t in TYPES]
    lines += ['<urn:x:lang> <urn:p> "5"@en .', "<urn:x:iri> <urn:p> <urn:o> .", "<urn:x:bn> <urn:p> _:b ."]
    store.load("\n".join(lines).encode(), format=ox.RdfFormat.N_TRIPLES)
    dt = URIRef(f"{XSD}{datatype}")
    fast = _Compiler(Graph()).value_ok(BNode(), URIRef("http://www.w3.org/ns/shacl#datatype"), dt, "?v")
    slow = (f"(isLiteral(?v) && datatype(?v) = <{dt}> && lang(?v) = \"\" && "
            f"COALESCE(isLiteral(<{dt}>(str(?v))), false))")
    assert "str(" not in fast
    rows = list(store.query(f"SELECT ?v (COALESCE({slow}, 0) AS ?a) (COALESCE({fast}, 0) AS ?b) WHERE {{ ?s ?p ?v }}"))
    assert len(rows) == len(lines)
    assert [r["v"] for r in rows if r["a"] != r["b"]] == []
    assert any(r["a"] == ox.Literal("true", datatype=ox.NamedNode(f"{XSD}boolean")) for r in rows)
    boolean = _Compiler(Graph()).value_ok(BNode(), URIRef("http://www.w3.org/ns/shacl#datatype"), XSD.boolean, "?v")
    assert "str(?v)" in boolean  # "yes"^^xsd:boolean casts to itself: the lexical test stays


SCREENED = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
  sh:property [ sh:path ex:p ; sh:maxCount 1 ; sh:message "one p" ] ;
  sh:property [ sh:path ex:q ; sh:maxCount 0 ; sh:message "no q" ] ;
  sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:maxCount 1 ; sh:message "one p in" ] .
"""


@pytest.mark.parametrize("data", [
    "ex:a a ex:C ; ex:p 1 . ex:b a ex:C ; ex:p 2 .",                       # the screen passes: no query runs
    "ex:a a ex:C ; ex:p 1 , 2 . ex:b a ex:C ; ex:p 2 ; ex:q 3 .",           # two values: the query runs
    "ex:a a ex:C ; ex:p ex:b . ex:c ex:p ex:b . ex:b a ex:C . ex:z ex:p 1 , 2 .",  # not a target, inverse path
])
def test_screened_max_count_matches_pyshacl(data: str) -> None:
    shapes = Graph().parse(data=SCREENED, format="turtle")
    g = Graph().parse(data=f"@prefix ex: <http://example.org/> . {data}", format="turtle")
    ref = validate_graph(g, shapes=shapes, ontology=Graph())
    mine = sparql_report(g, shapes)
    key = lambda r: sorted((v.focus, v.path, v.component, v.message, v.value) for v in r.violations)  # noqa: E731
    assert key(ref) == key(mine)


def test_screens_skip_only_what_cannot_fail() -> None:
    compiled = compile_shapes(Graph().parse(data=SCREENED, format="turtle"))
    screens = [c.screen for c in compiled]
    assert sum(s is not None for s in screens) == 1  # maxCount 0 and the inverse path are not screened
    store = ox.Store()
    store.load(b"<urn:a> <http://example.org/p> <urn:b> .\n<urn:a> <http://example.org/p> <urn:b> <urn:g> .",
               format=ox.RdfFormat.N_QUADS)
    screen = next(s for s in screens if s)
    assert not _screen_passes(store, screen)  # the same triple in two graphs: the query decides (no rows)
    assert all_rows(store, compiled) == [[], [], []]


def test_qgraph_mention_max_counts_are_screened() -> None:
    screened = {c.shape for c in qgraph_constraints() if c.screen}
    assert {"qgs:Mention sh:property [sh:path qg:start]", "qgs:Mention sh:property [sh:path oa:hasBody]"} <= screened
