"""The per-document mapping to N-Quads lines (qgraph.mapping, qgraph.ntriples)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal

from qgraph import rdfio
from qgraph.lexicon import load_lexicon
from qgraph.mapping import SHARED_GRAPH, check_minted, map_document
from qgraph.ntriples import RDF_TYPE, lang, plain, typed
from qgraph.pipeline import extract_all, read_documents
from qgraph.rdf import to_dataset
from qgraph.resolve import IriCollision

ROOT = Path(__file__).resolve().parent.parent
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def corpus():
    lex = load_lexicon()
    docs, errors = read_documents([ROOT / "data" / "corpus", *sorted((ROOT / "data").glob("eval*"))])
    assert not errors and len(docs) > 30
    return extract_all(docs, lex), lex


def test_shard_lines_are_canonical_n_quads_sorted_as_the_exports_sort_them(corpus):
    extractions, lex = corpus
    shared: set[str] = set()
    for ex in extractions:
        shard = map_document(ex, lex)
        for lines, graph in ((shard.lines, shard.graph), (shard.shared, f"<{SHARED_GRAPH}>")):
            data = "".join(f"{line}\n" for line in lines).encode()
            rows = rdfio.sorted_rows(rdfio.nquads_of(data))      # pyoxigraph parses and rewrites them
            assert [f"{s} {p} {o} {g} ." for g, s, p, o in rows] == list(lines)  # same text, same order
            assert all(line.endswith(f" {graph} .") for line in lines)
        own = f"<https://w3id.org/qgraph/id/doc/{ex.document.doc_id}"
        assert all(line.startswith(own) for line in shard.lines if f" {RDF_TYPE} " in line)
        assert not [line for line in shard.shared if line.startswith(own)]
        shared.update(shard.shared)
    assert len(shared) < sum(len(map_document(ex, lex).shared) for ex in extractions)  # documents share them


def test_to_dataset_reads_back_the_same_quads(corpus):
    extractions, lex = corpus
    some = extractions[:3]
    ds = to_dataset(some, lex, with_ontology=False)
    lines = {line for ex in some for s in [map_document(ex, lex)] for line in (*s.lines, *s.shared)}
    assert set(rdfio.nquads_of(ds).decode().splitlines()) == lines


def test_shard_counts_and_minted_keys(corpus):
    extractions, lex = corpus
    shard = map_document(extractions[0], lex)
    local = dict(shard.classes)
    assert local["<https://w3id.org/qgraph/def#SourceDocument>"] == 1
    assert local["<https://w3id.org/qgraph/def#Sentence>"] == len(extractions[0].document.sentences)
    assert local.get("<https://w3id.org/qgraph/def#Observation>", 0) == len(extractions[0].observations)
    assert any("<https://w3id.org/qgraph/def#Place>" in line for line in shard.shared)
    assert shard.minted and all(iri.startswith("https://w3id.org/qgraph/id/") for iri, _ in shard.minted)
    assert map_document(extractions[0], lex) == shard  # a function of the extraction alone


def test_the_corpus_wide_collision_check_refuses_two_keys_on_one_iri():
    table: dict[str, tuple[str, ...]] = {}
    check_minted(table, (("https://w3id.org/qgraph/id/person/x", ("person", "章伟")),))
    check_minted(table, (("https://w3id.org/qgraph/id/person/x", ("person", "章伟")),))  # same key: fine
    with pytest.raises(IriCollision, match="章伟 and 章卫"):
        check_minted(table, (("https://w3id.org/qgraph/id/person/x", ("person", "章卫")),))


TRICKY = ["", "plain 中文", 'quote " and back\\slash', "line\nbreak\rreturn\ttab\bbs\fff",
          "".join(chr(i) for i in range(32)) + "\x7f\x85\u2028\ufeff😀"]


@pytest.mark.parametrize("text", TRICKY)
def test_literals_are_escaped_as_pyoxigraph_writes_them(text):
    assert lang(text, "zh") == str(ox.Literal(text, language="zh"))
    assert plain(text) == str(ox.Literal(text))


@pytest.mark.parametrize("value", [True, False, 0, -7, 10**20, Decimal("1.50"), Decimal("1E+2"), Decimal("-0"),
                                   Decimal("0E-8"), Decimal("1E-7"), Decimal("12345678901234567890.5")])
def test_typed_literals_have_rdflibs_lexical_forms(value):
    lit = Literal(value)
    assert typed(value) == str(ox.Literal(str(lit), datatype=ox.NamedNode(str(lit.datatype))))


def test_typed_literals_with_a_named_datatype():
    assert typed("2024-01-31", "date") == f'"2024-01-31"^^<{XSD}date>'
    assert typed("x", "string") == '"x"'
    assert typed("http://a/b", f"{XSD}anyURI") == f'"http://a/b"^^<{XSD}anyURI>'


def test_a_collision_anywhere_in_the_corpus_stops_the_build_before_anything_is_written(tmp_path, monkeypatch):
    """Two documents, each fine alone, whose people would share an IRI (a hash collision forced
    here: 章伟 and 章卫 have the same pinyin slug). The resolve stage sees both shards."""
    from click.testing import CliRunner

    from qgraph import resolve
    from qgraph.cli import main
    from qgraph.pipeline import build

    docs = tmp_path / "docs"
    docs.mkdir()
    for name, person in (("a.txt", "章伟"), ("b.txt", "章卫")):
        (docs / name).write_text(f"---\ntitle: 枣庄市质量工作\ndate: 2025-01-02\nplace: 枣庄市\n---\n"
                                 f"枣庄市市场监督管理局副局长{person}介绍，全市抽查产品100批次。\n", encoding="utf-8")
    monkeypatch.setattr(resolve, "key_hash", lambda key: "samehash00")
    resolve.entity_iri.cache_clear()
    try:
        with pytest.raises(IriCollision, match="章伟 / .* and 章卫|章卫 / .* and 章伟"):
            build([docs], tmp_path / "out", jobs=1, use_cache=False)
        assert not (tmp_path / "out" / "current").exists()
        result = CliRunner().invoke(main, ["build", str(docs), "-o", str(tmp_path / "cli"), "-j", "1", "--no-cache"])
        assert result.exit_code != 0 and "Traceback" not in result.output
        assert "two entities would share the IRI" in result.output
    finally:
        resolve.entity_iri.cache_clear()


def test_a_mention_reaches_its_document_through_its_sentence_or_its_target(corpus, tmp_path):
    """Nothing derivable is written: a mention in a sentence has no oa:hasTarget (the sentence's
    oa:hasSource is the document) and nothing points to it (its body is its oa:hasBody); a mention
    outside any sentence names the document as oa:hasTarget. The Web Annotation export gives both
    the same target document."""
    import dataclasses

    from qgraph.query import load_query, run_query

    extractions, lex = corpus
    ex = extractions[0]
    doc = f"https://w3id.org/qgraph/id/doc/{ex.document.doc_id}"
    outside = dataclasses.replace(ex, document=dataclasses.replace(ex.document, sentences=()))
    oa, qg = "http://www.w3.org/ns/oa#", "https://w3id.org/qgraph/def#"
    for extraction, in_sentences in ((ex, True), (outside, False)):
        nq = tmp_path / f"{in_sentences}.nq"
        nq.write_text("".join(f"{line}\n" for line in map_document(extraction, lex).lines), encoding="utf-8")
        store = ox.Store()
        store.load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        rows = list(store.query(f"SELECT ?m (COUNT(?s) AS ?ns) (COUNT(?t) AS ?nt) WHERE {{ GRAPH ?g {{ ?m a <{qg}Mention> "
                                f"OPTIONAL {{ ?m <{qg}sentence> ?s }} OPTIONAL {{ ?m <{oa}hasTarget> ?t }} }} }} GROUP BY ?m"))
        assert len(rows) > 20
        assert {(int(r["ns"].value), int(r["nt"].value)) for r in rows} == ({(1, 0)} if in_sentences else {(0, 1)})
        assert not bool(store.query(f"ASK {{ GRAPH ?g {{ ?x ?p ?m . ?m a <{qg}Mention> }} }}"))
        sources = {}
        for t in run_query(nq, load_query("web-annotations").text).triples:
            if t.predicate.value == f"{oa}hasSource" and t.subject.value.endswith("/target"):
                sources[t.subject.value] = t.object.value
        assert len(sources) == len(rows) and set(sources.values()) == {doc}
