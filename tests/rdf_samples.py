"""Small RDF datasets for the store / export / loader tests (no blank nodes, like qgraph)."""

from __future__ import annotations

import random

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

QG = "https://w3id.org/qgraph/def#"
ID = "https://w3id.org/qgraph/id/"


def graph_iri(doc_id: str) -> URIRef:
    return URIRef(f"{ID}graph/{doc_id}")


def sample_triples(doc_id: str) -> list[tuple[URIRef, URIRef, object]]:
    """About twenty triples of one document: Chinese literals, language tags, numbers, dates."""
    doc = URIRef(f"{ID}doc/{doc_id}")
    org = URIRef(f"{ID}org/zaozhuang-shi-shichang-jianguanju")
    obs = URIRef(f"{ID}doc/{doc_id}/obs/5")
    sent = URIRef(f"{ID}doc/{doc_id}/s3")
    q = lambda name: URIRef(QG + name)  # noqa: E731
    return [
        (doc, RDF.type, q("SourceDocument")),
        (doc, URIRef("http://purl.org/dc/terms/title"), Literal("枣庄市质量强市工作新闻发布会", lang="zh")),
        (doc, URIRef("http://purl.org/dc/terms/date"), Literal("2025-09-19", datatype=XSD.date)),
        (doc, q("place"), URIRef(f"{ID}place/370400")),
        (sent, RDF.type, q("Sentence")),
        (sent, RDF.value, Literal("全年抽查产品685批次，合格率96.2%。\n第二行 \"引号\" 和 \\ 反斜杠")),
        (sent, q("sentenceIndex"), Literal(3)),
        (org, RDF.type, q("GovernmentDepartment")),
        (org, RDFS.label, Literal("枣庄市市场监督管理局", lang="zh")),
        (org, RDFS.label, Literal("Zaozhuang Market Regulation Bureau", lang="en")),
        (org, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal("市市场监管局", lang="zh")),
        (obs, RDF.type, q("Observation")),
        (obs, q("value"), Literal("96.2", datatype=XSD.decimal)),
        (obs, q("approximate"), Literal(False)),
        (obs, q("refPeriod"), Literal("2025")),
        (obs, q("subject"), org),
        (obs, q("unit"), q("Percent")),
        (obs, q("evidenceCount"), Literal(685)),
        (URIRef(f"{ID}org/a-b_c"), RDF.type, q("Enterprise")),
        (URIRef(f"{ID}org-x"), q("level"), q("Municipal")),
    ]


def make_dataset(docs: tuple[str, ...] = ("zz-2025", "jn-2024"), *, shuffle_seed: int | None = None) -> Dataset:
    """A dataset with one named graph per document plus a tiny ontology graph.

    ``shuffle_seed`` inserts the triples in a shuffled order (for determinism tests).
    """
    ds = Dataset()
    quads = []
    for doc_id in docs:
        quads += [(s, p, o, graph_iri(doc_id)) for s, p, o in sample_triples(doc_id)]
    quads.append((URIRef(QG + "SourceDocument"), RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class"), URIRef("https://w3id.org/qgraph/def")))
    quads.append((URIRef(QG + "SourceDocument"), RDFS.label, Literal("来源文件", lang="zh"), URIRef("https://w3id.org/qgraph/def")))
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(quads)
    for s, p, o, g in quads:
        ds.graph(g).add((s, p, o))
    return ds
