"""A VoID + DCAT description of a built dataset (``out/void.ttl``).

The description is computed from the graph itself with SPARQL on pyoxigraph and holds no
wall-clock time, so a rebuild of the same input gives a byte-identical file::

    qgid:dataset a void:Dataset , dcat:Dataset ;
        void:triples 1234 ; void:classes 17 ; void:classPartition qgid:dataset/class/qg_Policy , … ;
        void:subset <https://w3id.org/qgraph/id/graph/D> ;       # one per named graph, with void:triples
        dcat:distribution qgid:dataset/dist/graph.ttl , … ;     # dcat:mediaType, dcat:byteSize
        dcterms:license <…> ; dcterms:source qgid:doc/D .
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

from . import rdfio
from .vocab import ID, PREFIXES, QG

DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
"""Licence stated for the data unless the caller gives another (``license_iri``)."""

DATASET = ID["dataset"]
ONTOLOGY_GRAPH = "https://w3id.org/qgraph/def"
_IANA = "https://www.iana.org/assignments/media-types/"
_MEDIA_BY_SUFFIX = {f".{fmt}": media for fmt, media in rdfio.MEDIA_TYPES.items()}
_SAFE = re.compile(r"[A-Za-z0-9_\-]+")
_RDF_TYPE = f"<{RDF.type}>"
_SOURCE_DOCUMENT = f"<{QG.SourceDocument}>"


def void_graph(
    dataset: rdfio.QuadSource,
    *,
    distributions: Mapping[str, int],
    license_iri: str = DEFAULT_LICENSE,
    base_url: str | None = None,
    rows: list[rdfio.Row] | None = None,
    stats: Stats | None = None,
) -> rdflib.Graph:
    """Describe ``dataset`` (an rdflib ``Dataset``, a pyoxigraph ``Store`` or quads) in VoID and DCAT.

    ``distributions`` maps each export's file name (``graph.ttl``) to its size in bytes. With
    ``base_url`` (``https://example.org/qgraph/``) each distribution gets a ``dcat:downloadURL``
    and the dataset a ``void:dataDump``; without it, only the file name (``dcterms:title``).
    ``rows`` (:func:`qgraph.rdfio.sorted_rows` of ``dataset``) saves parsing it again; ``stats``
    (counted while the build streamed its triples) saves reading it at all.
    """
    if stats is None:
        stats = Stats.of_rows(rows if rows is not None else rdfio.sorted_rows(rdfio.nquads_of(dataset)))
    g = rdflib.Graph()
    d = DATASET
    g.add((d, RDF.type, VOID.Dataset))
    g.add((d, RDF.type, DCAT.Dataset))
    g.add((d, DCTERMS.title, Literal("qgraph knowledge graph of quality-work reports", lang="en")))
    g.add((d, DCTERMS.title, Literal("质量工作报告知识图谱", lang="zh")))
    g.add((d, DCTERMS.license, URIRef(license_iri)))
    g.add((d, VOID.uriSpace, Literal(str(ID))))
    g.add((d, VOID.vocabulary, URIRef(str(QG))))
    g.add((d, VOID.triples, Literal(stats.triples)))
    g.add((d, VOID.distinctSubjects, Literal(stats.subjects)))
    g.add((d, VOID.properties, Literal(len(stats.predicates))))
    g.add((d, VOID.classes, Literal(len(stats.classes))))
    for cls, members in sorted(stats.classes.items()):
        part = URIRef(f"{DATASET}/class/{_slug(cls)}")
        g.add((d, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(members)))
    for graph, n in sorted(stats.graphs.items()):
        sub = URIRef(graph)
        g.add((d, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, VOID.triples, Literal(n)))
        if graph == ONTOLOGY_GRAPH:
            g.add((sub, DCTERMS.title, Literal("qgraph ontology", lang="en")))
    for doc in sorted(stats.documents):
        g.add((d, DCTERMS.source, URIRef(doc)))
    for name, size in sorted(distributions.items()):
        dist = URIRef(f"{DATASET}/dist/{name}")
        g.add((d, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(name)))
        g.add((dist, DCAT.byteSize, Literal(str(size), datatype=XSD.nonNegativeInteger)))
        g.add((dist, DCTERMS.license, URIRef(license_iri)))
        media = _MEDIA_BY_SUFFIX.get("." + name.rsplit(".", 1)[-1])
        if media:
            g.add((dist, DCAT.mediaType, URIRef(_IANA + media)))
        if base_url:
            url = URIRef(base_url.rstrip("/") + "/" + name)
            g.add((dist, DCAT.downloadURL, url))
            g.add((d, VOID.dataDump, url))
    return g


def void_turtle(
    dataset: rdfio.QuadSource,
    *,
    distributions: Mapping[str, int],
    license_iri: str = DEFAULT_LICENSE,
    base_url: str | None = None,
    rows: list[rdfio.Row] | None = None,
    stats: Stats | None = None,
) -> bytes:
    """:func:`void_graph` as deterministic Turtle (the content of ``void.ttl``)."""
    graph = void_graph(dataset, distributions=distributions, license_iri=license_iri, base_url=base_url, rows=rows,
                       stats=stats)
    return rdfio.serialize(graph, "ttl")


class Stats:
    """Counts over the union of all graphs: fed the union's distinct triples sorted by subject
    (:meth:`add`, one at a time, as a build streams them) and the size of each named graph."""

    def __init__(self) -> None:
        self.triples = 0
        self.subjects = 0
        self.predicates: set[str] = set()
        self.classes: dict[str, int] = {}
        self.graphs: dict[str, int] = {}
        self.documents: list[str] = []
        self._subject: str | None = None

    def add(self, s: str, p: str, o: str) -> None:
        """One distinct triple; triples come grouped by subject."""
        if s != self._subject:
            self.subjects += 1
            self._subject = s
        self._tally(s, p, o)

    def _tally(self, s: str, p: str, o: str) -> None:
        """One distinct triple counted, but for its subject."""
        self.triples += 1
        self.predicates.add(p)
        if p == _RDF_TYPE and o.startswith("<"):
            self.classes[o[1:-1]] = self.classes.get(o[1:-1], 0) + 1
            if o == _SOURCE_DOCUMENT and s.startswith("<"):
                self.documents.append(s[1:-1])

    @classmethod
    def of_rows(cls, rows: Iterable[rdfio.Row]) -> Stats:
        """The counts of sorted rows held in memory (the whole graph)."""
        stats = cls()
        rows = list(rows)
        for g, *_ in rows:
            if g:
                stats.graphs[g[1:-1]] = stats.graphs.get(g[1:-1], 0) + 1
        for s, p, o in sorted({(s, p, o) for _, s, p, o in rows}):
            stats.add(s, p, o)
        return stats


    @classmethod
    def of_graphs(cls, rows: Callable[[], Iterable[rdfio.Row]], work_dir: Path, *, run: int | None = None) -> Stats:
        """The counts of the union without sorting it all: ``rows()`` gives the rows graph by graph
        (each graph's statements together, as ``graph.nq`` holds them) and is read twice.

        A triple can be in two graphs only if its subject is: the first reading finds the subjects
        of more than one graph (by hash, so a collision only sends a few more statements the exact
        way), the second counts every other statement as it comes (its graph holds it once) and
        sorts only the statements of those subjects (the shared graph's entities and what documents
        say about them; an external sort in ``work_dir``, :func:`qgraph.extsort.sorted_triples`).
        Memory grows with the distinct subjects (one hash each) and the subjects of the largest
        graph; the sort holds one run at most.
        """
        from .extsort import sorted_triples

        seen: set[int] = set()
        multi: set[int] = set()
        here: set[int] = set()
        graph = None
        for g, s, _, _ in rows():
            if g != graph:
                multi.update(here & seen)
                seen |= here
                here, graph = set(), g
            here.add(hash(s))
        multi.update(here & seen)
        del seen, here
        stats = cls()

        def single() -> Iterator[rdfio.Row]:
            """Counts the statements of subjects of one graph, passes on the others."""
            subjects: set[str] = set()
            graph = last = None
            for row in rows():
                g, s, p, o = row
                if hash(s) in multi:
                    yield row
                    continue
                if g != graph:
                    stats.subjects += len(subjects)
                    subjects, graph = set(), g
                elif row == last:  # the same statement twice in a graph: counted once
                    continue
                last = row
                subjects.add(s)
                stats._tally(s, p, o)
            stats.subjects += len(subjects)

        for s, p, o in sorted_triples(single(), work_dir, **({} if run is None else {"run": run})):
            stats.add(s, p, o)
        return stats


def _slug(iri: str) -> str:
    """A readable, stable local name for a class: ``qg_Policy``, else a short hash."""
    for prefix, ns in PREFIXES.items():
        local = iri[len(str(ns)):]
        if iri.startswith(str(ns)) and _SAFE.fullmatch(local):
            return f"{prefix}_{local}"
    return "h" + hashlib.sha256(iri.encode("utf-8")).hexdigest()[:16]
