"""Validating only what changed (:mod:`qgraph.shacl_delta`) gives the rows of a validation of
everything, on graphs with injected errors: kept, added, removed, and made by a change in another graph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph

from qgraph.resources import ontology_path, shapes_path
from qgraph.shacl_compile import load_shapes_graph
from qgraph.shacl_delta import Reach, affected, reach, revalidate, rows_as_terms, rows_as_text
from qgraph.shacl_sparql import all_rows, qgraph_constraints

QG = "https://w3id.org/qgraph/def#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
ONTOLOGY = "https://w3id.org/qgraph/def"
BODY = "<http://www.w3.org/ns/oa#hasBody>"


def _lines(graph: str, text: str) -> list[str]:
    out = []
    for row in text.strip().splitlines():
        s, p, o = row.split(" ", 2)
        p = TYPE if p == "a" else BODY if p == "body" else f"<{QG}{p}>"
        o = o if o.startswith(("<", '"')) else f"<{QG}{o}>"
        out.append(f"{s} {p} {o} <urn:g:{graph}> .")
    return out


BASE = {
    # an organisation in two places: a violation that stays
    "old": _lines("old", """
<urn:e1> a Organization
<urn:e1> place <urn:p1>
<urn:e1> place <urn:p2>
<urn:m1> body <urn:e1>
<urn:m2> body <urn:e1>
<urn:e3> a Organization
<urn:e4> a Organization
<urn:e4> place <urn:p1>
<urn:e3> place <urn:p1>
<urn:e2> a Organization
<urn:e2> place <urn:p3>
<urn:obs1> a Observation
"""),
    "places": _lines("places", """
<urn:p1> a Place
<urn:p2> a Place
"""),
    # the only type of p3: removing this graph makes e2's place no qg:Place
    "typeholder": _lines("typeholder", """
<urn:p3> a Place
"""),
    # a document whose violations go with it
    "gone": _lines("gone", """
<urn:obs2> a Observation
<urn:obs2> value "-3"
"""),
}
NEW = _lines("new", """
<urn:obs3> a Observation
<urn:obs3> value "x"
<urn:e3> place <urn:p2>
<urn:m3> body <urn:e3>
<urn:m4> body <urn:e4>
""")


def _store(graphs: dict[str, list[str]]) -> ox.Store:
    store = ox.Store()
    store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY))
    store.load("".join(f"{line}\n" for lines in graphs.values() for line in lines).encode(), format=ox.RdfFormat.N_QUADS)
    return store


def test_reach_of_qgraphs_shapes() -> None:
    how = reach(load_shapes_graph(shapes_path()))
    assert how is not None and (how.edges, how.types, how.objects) == (0, 1, False)
    place = f"<{QG}place>"
    assert how.inverse == {BODY}  # an entity: one mention pointing to it is enough to know
    assert place in how.predicates and place in how.typed and TYPE in how.predicates


def test_only_changed_nodes_checked_and_rows_equal_a_full_validation() -> None:
    compiled = qgraph_constraints()
    before = _store(BASE)
    previous = rows_as_text(all_rows(before, compiled))
    after_graphs = {k: v for k, v in BASE.items() if k not in ("typeholder", "gone")} | {"new": NEW}
    after = _store(after_graphs)
    changed = BASE["typeholder"] + BASE["gone"] + NEW
    full = rows_as_text(all_rows(after, compiled))
    assert full != previous  # the change matters
    foci = affected(after, changed, reach(compiled[0].shapes))
    # e4 only gains a mention pointing to it: the object of a changed oa:hasBody is checked again
    assert {"<urn:e2>", "<urn:obs3>", "<urn:e3>", "<urn:e4>", "<urn:obs2>"} <= foci and "<urn:e1>" not in foci
    rows = revalidate(after, compiled, previous, changed, reach(compiled[0].shapes), jobs=2)
    assert rows == full
    provenance = [i for i, c in enumerate(compiled) if c.message and "provenance" in c.message]
    assert provenance and {"<urn:e3>", "<urn:e4>"} <= {f for i in provenance for f, _ in previous[i]}
    assert not any(f in ("<urn:e3>", "<urn:e4>", "<urn:e1>") for i in provenance for f, _ in full[i])
    flat = {f for rs in full for f, _ in rs}
    assert {"<urn:e1>", "<urn:e2>", "<urn:e3>", "<urn:obs1>", "<urn:obs3>"} <= flat and "<urn:obs2>" not in flat
    assert rows_as_text(rows_as_terms(rows)) == rows


def test_a_changed_subclass_triple_validates_everything() -> None:
    compiled = qgraph_constraints()
    store = _store(BASE)
    line = f"<{QG}Place> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <{QG}Thing> <urn:g:x> ."
    how = reach(compiled[0].shapes)
    assert affected(store, [line], how) is None
    assert revalidate(store, compiled, rows_as_text(all_rows(store, compiled)), [line], how) is None


@pytest.mark.parametrize("shapes, expected", [
    ("[] a sh:NodeShape ; sh:targetClass ex:A ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .", (0, 0, False)),
    ("[] a sh:NodeShape ; sh:targetClass ex:A ; sh:property [ sh:path ex:p ; sh:node [ sh:property "
     "[ sh:path ex:q ; sh:class ex:B ] ] ] .", (1, 2, False)),
    ("[] a sh:NodeShape ; sh:targetClass ex:A ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .", None),
    ("[] a sh:NodeShape ; sh:targetObjectsOf ex:p ; sh:class ex:B .", (0, 0, True)),
    ("[] a sh:NodeShape ; sh:targetClass ex:A ; sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ] .",
     (0, 0, False)),
    ("[] a sh:NodeShape ; sh:targetClass ex:A ; sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:maxCount 1 ] .",
     None),
])
def test_reach_follows_nesting(shapes: str, expected: tuple | None) -> None:
    g = Graph().parse(data=f"@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> . {shapes}",
                      format="turtle")
    how = reach(g)
    assert (how.edges, how.types, how.objects) == expected if how is not None else expected is None
    if how is not None and how.edges:
        assert how.predicates is None  # further than one node: every out-edge is read
