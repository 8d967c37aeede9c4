"""``void.ttl`` written from the counts as N-Triples lines (no rdflib graph) is the same bytes as
the description built as an rdflib graph and serialised by qgraph's Turtle writer."""

from __future__ import annotations

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

from qgraph import catalog, rdfio
from qgraph.vocab import ID, QG


def _stats() -> catalog.Stats:
    s = catalog.Stats()
    s.triples, s.subjects = 1234, 321
    s.predicates = {f"<http://example.org/p{i}>" for i in range(7)}
    s.classes = {f"{QG}Policy": 3, f"{QG}Place": 12, "http://www.w3.org/ns/oa#Annotation": 40,
                 "http://example.org/other/Thing-1.x": 2}
    s.graphs = {f"{ID}graph/doc-{i}": 10 * i for i in (1, 2, 10, 11)}
    s.graphs[catalog.ONTOLOGY_GRAPH] = 500
    s.documents = [f"{ID}doc/doc-{i}" for i in (10, 2, 1, 11)]
    return s


def _reference(stats: catalog.Stats, distributions: dict[str, int], license_iri: str, base_url: str | None) -> bytes:
    """The description as an rdflib graph, statement by statement (how it was made before)."""
    g = rdflib.Graph()
    d = catalog.DATASET
    g.add((d, RDF.type, VOID.Dataset))
    g.add((d, RDF.type, DCAT.Dataset))
    g.add((d, DCTERMS.title, Literal("qgraph knowledge graph of quality-work reports", lang="en")))
    g.add((d, DCTERMS.title, Literal("质量工作报告知识图谱", lang="zh")))
    g.add((d, DCTERMS.license, URIRef(license_iri)))
    g.add((d, VOID.uriSpace, Literal(str(ID))))
    g.add((d, VOID.vocabulary, URIRef(str(QG))))
    for p, n in ((VOID.triples, stats.triples), (VOID.distinctSubjects, stats.subjects),
                 (VOID.properties, len(stats.predicates)), (VOID.classes, len(stats.classes))):
        g.add((d, p, Literal(n)))
    for cls, members in stats.classes.items():
        part = URIRef(f"{catalog.DATASET}/class/{catalog._slug(cls)}")
        g.add((d, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(members)))
    for graph, n in stats.graphs.items():
        g.add((d, VOID.subset, URIRef(graph)))
        g.add((URIRef(graph), RDF.type, VOID.Dataset))
        g.add((URIRef(graph), VOID.triples, Literal(n)))
        if graph == catalog.ONTOLOGY_GRAPH:
            g.add((URIRef(graph), DCTERMS.title, Literal("qgraph ontology", lang="en")))
    for doc in stats.documents:
        g.add((d, DCTERMS.source, URIRef(doc)))
    for name, size in distributions.items():
        dist = URIRef(f"{catalog.DATASET}/dist/{name}")
        g.add((d, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(name)))
        g.add((dist, DCAT.byteSize, Literal(str(size), datatype=XSD.nonNegativeInteger)))
        g.add((dist, DCTERMS.license, URIRef(license_iri)))
        media = catalog._MEDIA_BY_SUFFIX.get("." + name.rsplit(".", 1)[-1])
        if media:
            g.add((dist, DCAT.mediaType, URIRef(catalog._IANA + media)))
        if base_url:
            g.add((dist, DCAT.downloadURL, URIRef(base_url.rstrip("/") + "/" + name)))
            g.add((d, VOID.dataDump, URIRef(base_url.rstrip("/") + "/" + name)))
    return rdfio.serialize(g, "ttl")


def test_void_from_counts_is_the_rdflib_description() -> None:
    stats = _stats()
    for dists, lic, base in (({"graph.nq": 2_300_000_000}, catalog.DEFAULT_LICENSE, None),
                             ({"graph.nq": 5, "graph.ttl": 7, "graph.jsonld": 0, "graph.trig": 1},
                              "https://example.org/licence", "https://example.org/kg/")):
        made = catalog.void_turtle(b"", distributions=dists, stats=stats, license_iri=lic, base_url=base)
        assert made == _reference(stats, dists, lic, base)
        graph = catalog.void_graph(b"", distributions=dists, stats=stats, license_iri=lic, base_url=base)
        assert rdfio.serialize(graph, "ttl") == made


def test_void_of_nothing() -> None:
    empty = catalog.Stats()
    assert catalog.void_turtle(b"", distributions={}, stats=empty) == _reference(empty, {}, catalog.DEFAULT_LICENSE, None)
