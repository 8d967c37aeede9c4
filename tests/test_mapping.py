"""The per-document mapping to N-Quads lines (qgraph.mapping, qgraph.ntriples)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal

from qgraph import rdfio
from qgraph.lexicon import load_lexicon
from qgraph.mapping import check_minted, map_document
from qgraph.ntriples import lang, plain, typed
from qgraph.pipeline import extract_all, read_documents
from qgraph.rdf import to_dataset
from qgraph.rdfwrite import graph_key
from qgraph.resolve import IriCollision

ROOT = Path(__file__).resolve().parent.parent
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def corpus():
    lex = load_lexicon()
    docs, errors = read_documents([ROOT / "data" / "corpus", *sorted((ROOT / "data").glob("eval*"))])
    assert not errors and len(docs) > 30
    return extract_all(docs, lex), lex


def test_shards_hold_exactly_the_quads_of_the_rdflib_mapping_in_the_same_order(corpus):
    extractions, lex = corpus
    rows = rdfio.sorted_rows(rdfio.nquads_of(to_dataset(extractions, lex, with_ontology=False)))
    expected = [f"{s} {p} {o} {g} ." for g, s, p, o in rows]
    shards = sorted((map_document(ex, lex) for ex in extractions), key=lambda s: graph_key(s.graph))
    got = [line for shard in shards for line in shard.lines]
    assert set(got) == set(expected)
    assert got == expected  # shards sorted by graph, concatenated: the export's order
    for shard in shards:
        assert len(set(shard.lines)) == len(shard.lines)
        assert all(line.endswith(f" {shard.graph} .") for line in shard.lines)


def test_shard_counts_and_minted_keys(corpus):
    extractions, lex = corpus
    shard = map_document(extractions[0], lex)
    local = dict(shard.classes)
    assert local["<https://w3id.org/qgraph/def#SourceDocument>"] == 1
    assert local["<https://w3id.org/qgraph/def#Sentence>"] == len(extractions[0].document.sentences)
    assert local.get("<https://w3id.org/qgraph/def#Observation>", 0) == len(extractions[0].observations)
    assert any(cls == "<https://w3id.org/qgraph/def#Place>" for _, cls in shard.typed)
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
