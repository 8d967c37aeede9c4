"""Provenance invariants of the RDF built from the sample (Web Annotation selectors, sentences,
evidence of every entity, one named graph per document, no blank nodes).

See docs/modelling.md, "Documents, sentences and provenance".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF

from qgraph.pipeline import build, build_dataset
from qgraph.rdf import ONTOLOGY_GRAPH, SHARED, doc_iri, graph_iri
from qgraph.vocab import OA, QG

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
SAMPLE_ID = "zaozhuang-quality-2025-09-19"

# Classes whose instances are not read from a sentence: places come from the gazetteer, measures
# and roles are vocabulary; Mention / Sentence / SourceDocument are the provenance itself.
NOT_ENTITY_CLASSES = {QG.Place, QG.Measure, QG.Breakdown, QG.Role, QG.Mention, QG.Sentence, QG.SourceDocument,
                      QG.ChainProjectTally, QG.FigureSeries}  # derived by the build: no mention of its own (the ontology says so)


@pytest.fixture(scope="module")
def sample() -> Dataset:
    ds, extractions, errors = build_dataset([CORPUS])
    assert not errors, errors
    assert [ex.document.doc_id for ex in extractions] == [SAMPLE_ID]
    return ds


@pytest.fixture(scope="module")
def doc_graph(sample: Dataset) -> Graph:
    return sample.graph(graph_iri(SAMPLE_ID))


def concept_scheme_classes(ds: Dataset) -> set[URIRef]:
    """Classes of the ontology whose instances are concepts of a scheme (levels, units, doc types)."""
    onto = ds.graph(ONTOLOGY_GRAPH)
    members = {s for s, o in onto.subject_objects(URIRef("http://www.w3.org/2004/02/skos/core#inScheme"))}
    return {c for m in members for c in onto.objects(m, RDF.type)}


def text_of(g: Graph, doc: URIRef) -> str:
    texts = list(g.objects(doc, QG.text))
    assert len(texts) == 1, f"{doc} has {len(texts)} qg:text values"
    return str(texts[0])


def offsets(g: Graph, node: URIRef) -> tuple[int, int]:
    """qg:start / qg:end of a mention or a sentence (the abbreviated text-position selector)."""
    start, end = g.value(node, QG.start), g.value(node, QG.end)
    assert isinstance(start, Literal) and isinstance(end, Literal), f"{node} lacks qg:start / qg:end"
    return int(start.toPython()), int(end.toPython())


def mention_quotes(g: Graph) -> list[tuple[str, int, int, str, str]]:
    """(mention, start, end, qg:exact, text[start:end]) for every qg:Mention of ``g``."""
    out = []
    for m in sorted(g.subjects(RDF.type, QG.Mention)):
        sentence = g.value(m, QG.sentence)
        doc = g.value(sentence, OA.hasSource) if sentence is not None else g.value(m, OA.hasTarget)
        assert doc is not None and (doc, RDF.type, QG.SourceDocument) in g, f"{m}: no source document as target"
        text = text_of(g, doc)
        assert len(list(g.objects(m, QG.exact))) == 1, f"{m}: not exactly one qg:exact"
        start, end = offsets(g, m)
        assert 0 <= start < end <= len(text), f"{m}: [{start}, {end}) outside the text"
        out.append((str(m), start, end, str(g.value(m, QG.exact)), text[start:end]))
    return out


def test_a_mention_is_one_node_of_six_statements(doc_graph: Graph) -> None:
    """The lean provenance: type, body, quote, start, end, and the sentence (the document is the
    sentence's) or, outside any sentence, the document as target. Nothing points to a mention."""
    mentions = set(doc_graph.subjects(RDF.type, QG.Mention))
    assert mentions
    for m in mentions:
        preds = [p for _, p, _ in doc_graph.triples((m, None, None))]
        assert len(preds) == 6 and set(preds) in (
            {RDF.type, OA.hasBody, QG.exact, QG.start, QG.end, QG.sentence},
            {RDF.type, OA.hasBody, QG.exact, QG.start, QG.end, OA.hasTarget}), (m, preds)
        assert not list(doc_graph.triples((None, None, m)))  # no qg:evidence: it is ^oa:hasBody
    assert not list(doc_graph.subjects(RDF.type, OA.TextQuoteSelector))


def test_every_mention_quotes_its_document_exactly(doc_graph: Graph) -> None:
    quotes = mention_quotes(doc_graph)
    assert len(quotes) > 100  # the sample is dense; a handful would mean the mapping broke
    bad = [q for q in quotes if q[3] != q[4]]
    assert not bad, "text[start:end] != qg:exact for:\n" + "\n".join(map(repr, bad[:10]))


def test_offsets_count_code_points_and_survive_the_written_files(tmp_path: Path) -> None:
    """Characters outside the BMP (𠮷, emoji) count as one: offsets are code points, not UTF-16
    units, and the invariant still holds after writing and re-reading graph.nq."""
    src = tmp_path / "non-bmp.txt"
    src.write_text("---\ntitle: 测试\ndate: 2025-03-01\nplace: 枣庄市\n---\n"
                   "𠮷𠮷😀 枣庄市市场监督管理局组织开展市级质量监督抽查120批次，合格率为98.5%。\n", encoding="utf-8")
    report = build([src], tmp_path / "out", formats=("nq",), with_store=False, validate=False)
    assert report.documents == 1 and not report.errors
    ds = Dataset()
    ds.parse(tmp_path / "out" / "graph.nq", format="nquads")
    g = ds.graph(graph_iri("non-bmp"))
    quotes = mention_quotes(g)
    assert quotes and all(q[3] == q[4] for q in quotes), quotes
    starts = {q[3]: q[1] for q in quotes}
    assert starts["枣庄市市场监督管理局"] == 4  # 𠮷 𠮷 😀 and a space: four code points (seven UTF-16 units)


def test_every_mention_lies_in_its_sentence(doc_graph: Graph) -> None:
    """qg:sentence, when given, is a sentence of the same document whose span holds the start."""
    for m in doc_graph.subjects(RDF.type, QG.Mention):
        sent = doc_graph.value(m, QG.sentence)
        if sent is None:
            continue
        assert doc_graph.value(sent, OA.hasSource) == doc_iri(SAMPLE_ID)
        s_start, s_end = offsets(doc_graph, sent)
        m_start, _ = offsets(doc_graph, m)
        assert s_start <= m_start < max(s_end, s_start + 1), f"{m} starts outside {sent}"


def test_every_sentence_value_is_its_slice_of_the_text(doc_graph: Graph) -> None:
    sentences = sorted(doc_graph.subjects(RDF.type, QG.Sentence))
    assert len(sentences) >= 10
    indexes = []
    for s in sentences:
        doc = doc_graph.value(s, OA.hasSource)
        text = text_of(doc_graph, doc)
        start, end = offsets(doc_graph, s)
        assert str(doc_graph.value(s, RDF.value)) == text[start:end], s
        indexes.append(int(doc_graph.value(s, QG.sentenceIndex).toPython()))
    assert len(set(indexes)) == len(indexes), "two sentences share an index"


def test_every_entity_has_evidence_and_source_document(sample: Dataset, doc_graph: Graph) -> None:
    skip = NOT_ENTITY_CLASSES | concept_scheme_classes(sample)
    doc = doc_iri(SAMPLE_ID)
    checked, missing = 0, []
    typed = [*doc_graph.subject_objects(RDF.type), *sample.graph(SHARED).subject_objects(RDF.type)]
    for node, cls in typed:
        in_qg = isinstance(cls, URIRef) and str(cls).startswith(str(QG))
        if not (in_qg or cls in (FOAF.Person, ORG.Post)) or cls in skip:
            continue
        checked += 1
        evidence = list(doc_graph.subjects(OA.hasBody, node))
        if not evidence or (node, QG.mentionedIn, doc) not in doc_graph:
            missing.append(f"{node} a {cls}")
        for m in evidence:
            assert (m, RDF.type, QG.Mention) in doc_graph, f"{node}: ^oa:hasBody {m} is not a qg:Mention"
    assert checked > 100
    assert not missing, "no mention (^oa:hasBody) / qg:mentionedIn:\n" + "\n".join(sorted(missing))


def test_one_named_graph_per_document_plus_the_shared_descriptions_and_the_ontology(sample: Dataset) -> None:
    names = {g.identifier for g in sample.graphs() if len(g)}
    assert names == {graph_iri(SAMPLE_ID), SHARED, ONTOLOGY_GRAPH}
    assert str(SHARED) == "https://w3id.org/qgraph/id/graph/shared"
    doc_graph, shared = sample.graph(graph_iri(SAMPLE_ID)), sample.graph(SHARED)
    own = f"https://w3id.org/qgraph/id/doc/{SAMPLE_ID}"
    # what is a function of an entity's key is in the shared graph, once; the rest is the document's
    zaozhuang = URIRef("https://w3id.org/qgraph/id/place/370400")
    assert (zaozhuang, RDF.type, QG.Place) in shared and (zaozhuang, QG.parent, None) in shared
    assert not list(doc_graph.triples((zaozhuang, RDF.type, None)))
    assert not list(doc_graph.triples((zaozhuang, QG.parent, None)))
    assert (None, OA.hasBody, zaozhuang) in doc_graph and (None, OA.hasBody, zaozhuang) not in shared
    assert all(str(s).startswith(own) for s, _ in doc_graph.subject_objects(RDF.type))
    assert not [s for s in shared.subjects() if str(s).startswith(own)]
    assert str(graph_iri(SAMPLE_ID)) == f"https://w3id.org/qgraph/id/graph/{SAMPLE_ID}"
    # the document's own triples are in its graph, not in the ontology graph or the default graph
    assert (doc_iri(SAMPLE_ID), RDF.type, QG.SourceDocument) in sample.graph(graph_iri(SAMPLE_ID))
    assert (doc_iri(SAMPLE_ID), None, None) not in sample.graph(ONTOLOGY_GRAPH)
    assert len(sample.default_graph) == 0


def test_no_blank_nodes_anywhere(sample: Dataset) -> None:
    """Neither in the document graphs nor in the ontology graph: a blank node would get a fresh
    random label in every build, and the output would no longer be byte-identical."""
    blanks = [q for q in sample.quads((None, None, None, None)) if any(isinstance(t, BNode) for t in q)]
    assert not blanks, f"{len(blanks)} quads with blank nodes, e.g. {blanks[:3]}"
