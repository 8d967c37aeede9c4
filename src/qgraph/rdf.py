"""The graph as an rdflib :class:`~rdflib.Dataset`, for pySHACL and for code reading it in Python.

The build writes N-Quads lines (:mod:`qgraph.mapping`); :func:`to_dataset` reads the same quads
into rdflib: one named graph per source document (``qggraph:<doc_id>``) holding everything read
from it with its provenance, the shared descriptions (``qggraph:shared``) and the ontology.
No blank nodes: every node has a deterministic IRI, so output is byte-identical run to run.
See ``docs/modelling.md`` for the shape of the graph.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from .lexicon import Lexicon, load_lexicon
from .labels import measurement_units, place_en  # noqa: F401
from .mapping import SHARED_GRAPH, check_minted, map_document
from .model import Extraction
from .vocab import ID, PREFIXES

ONTOLOGY_GRAPH = URIRef("https://w3id.org/qgraph/def")
SHARED = URIRef(SHARED_GRAPH)
GAZETTEER = ID["source/gazetteer"]


def graph_iri(doc_id: str) -> URIRef:
    return ID[f"graph/{doc_id}"]


def doc_iri(doc_id: str) -> URIRef:
    return ID[f"doc/{doc_id}"]


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def value_literal(value: Decimal | str | float, unit: str, lexicon: Lexicon | None = None) -> Literal:
    """``xsd:integer`` for a whole count (家, 批次, 件, …), else ``xsd:decimal``: a figure with a
    fraction, and amounts, rates and measurements (元, %, 吨, 分, …; see ``measurement_units.txt`` of
    ``lexicon``, default the bundled one)."""
    number = Decimal(value)
    if unit not in measurement_units(lexicon or load_lexicon()) and number == number.to_integral_value():
        return Literal(int(number), datatype=XSD.integer)
    return Literal(number, datatype=XSD.decimal)


def new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def to_dataset(extractions: list[Extraction], lexicon: Lexicon, *, with_ontology: bool = True) -> Dataset:
    """The graph of ``extractions`` as an rdflib ``Dataset``: one named graph per document, the
    shared descriptions (:data:`SHARED_GRAPH`) and the ontology. The quads are the ones a build
    writes (:func:`qgraph.mapping.map_document`, read back into rdflib), for pySHACL and for code
    that reads the graph in Python.

    :raises IriCollision: two different entities would share one IRI.
    """
    from .rdfio import to_rdflib
    from .union import ontology_lines

    table: dict[str, tuple[str, ...]] = {}
    lines: list[str] = []
    shared: set[str] = set()
    for ex in extractions:
        shard = map_document(ex, lexicon)
        check_minted(table, shard.minted)
        lines += shard.lines
        shared.update(shard.shared)
    lines += sorted(shared)
    if with_ontology:
        lines += ontology_lines()
    ds = to_rdflib("".join(f"{line}\n" for line in lines).encode("utf-8"))
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds
