"""The ontology is documented OWL, and every term the lexicon or the mapping names exists in it."""

from __future__ import annotations

import csv

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS

from qgraph.lexicon import load_lexicon
from qgraph.model import Kind, Level, Rel
from qgraph.resources import lexicon_path, ontology_path
from qgraph.vocab import QG


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def qg_terms(g: Graph) -> list:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return sorted({s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(str(QG))})


def test_ontology_has_a_version(onto: Graph) -> None:
    (ont,) = list(onto.subjects(RDF.type, OWL.Ontology))
    assert onto.value(ont, OWL.versionInfo) is not None


def test_every_class_and_property_has_chinese_and_english_label_and_comment(onto: Graph) -> None:
    missing = []
    for term in qg_terms(onto):
        for pred in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(term, pred) if isinstance(o, Literal)}
            if not {"zh", "en"} <= langs:
                missing.append(f"{term} {pred}")
    assert not missing, missing
    assert len(qg_terms(onto)) > 60


def test_every_extracted_class_exists(onto: Graph) -> None:
    classes = set(onto.subjects(RDF.type, OWL.Class))
    # people are foaf:Person (FOAF is reused as is)
    assert [k for k in Kind if k is not Kind.PERSON and QG[k.value] not in classes] == []


def test_every_level_and_qg_predicate_exists(onto: Graph) -> None:
    assert all((QG[lvl.value], RDF.type, QG.Level) in onto for lvl in Level)
    for rel in Rel:
        prefix, local = rel.value.split(":")
        if prefix == "qg":
            assert (QG[local], None, None) in onto, rel


def test_lexicon_units_and_document_types_are_ontology_concepts(onto: Graph) -> None:
    lex = load_lexicon()
    assert all((QG[u.unit], RDF.type, QG.Unit) in onto for u in lex.units)
    assert all((QG[t], RDF.type, QG.DocumentType) in onto for _, t in lex.doc_types)


def test_places_are_attributed() -> None:
    text = lexicon_path("SOURCES.md").read_text(encoding="utf-8")
    assert "CC BY" in text
    with lexicon_path("places.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) > 3000
