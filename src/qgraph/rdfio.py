"""Safe RDF reading and deterministic RDF writing.

rdflib is qgraph's API, pyoxigraph does the heavy lifting: a dataset goes to
pyoxigraph as N-Quads bytes (:func:`to_oxigraph`, :func:`nquads_of`), and every
serialisation is written from canonical N-Quads sorted line by line, so the same
graph always gives byte-identical output, whatever the insertion order or
``PYTHONHASHSEED``. Exports go through ``pyoxigraph.parse``/``serialize``, not a
``Store``: a ``Store`` canonicalises numeric literals (``"685.0"^^xsd:decimal`` is
kept as ``"685"``, ``xsd:int`` as ``xsd:integer``), an export must not.

Formats (``fmt``): ``ttl``, ``nt``, ``jsonld`` hold the union of all graphs;
``nq`` and ``trig`` keep the named graphs (see ``docs/modelling.md``).

>>> from rdflib import Dataset, Literal, URIRef
>>> ds = Dataset()
>>> g = ds.graph(URIRef("https://w3id.org/qgraph/id/graph/d"))
>>> _ = g.add((URIRef("https://w3id.org/qgraph/id/org/a"),
...            URIRef("https://w3id.org/qgraph/def#name"), Literal("枣庄", lang="zh")))
>>> serialize(ds, "nt").decode()
'<https://w3id.org/qgraph/id/org/a> <https://w3id.org/qgraph/def#name> "枣庄"@zh .\\n'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Union

import pyoxigraph as ox
import rdflib
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from . import rdfcheck
from .errors import InputError
from .resources import resource_dir
from .rdfwrite import FORMATS, MEDIA_TYPES, Row, context, serialize_rows, sorted_rows

__all__ = [
    "CONTEXT_IRI", "FORMATS", "MEDIA_TYPES", "READ_FORMATS", "QuadSource", "Row", "context", "context_document",
    "context_path", "NQuads", "nquads_of", "parse_rdf", "read_nquads", "read_rdf", "read_rdf_dataset", "serialize", "serialize_rows",
    "sorted_rows", "to_oxigraph", "to_rdflib",
]

READ_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
"""File extensions :func:`read_rdf` understands."""

CONTEXT_IRI = "https://w3id.org/qgraph/context.jsonld"
"""The IRI of qgraph's JSON-LD context; a reader never fetches it, the bundled copy is used."""

_OX_LOCATION = re.compile(r"^Parser error (at line \d+ between columns \d+ and \d+|between line \d+ column \d+ and line \d+ column \d+): ")

class NQuads(bytes):
    """Canonical N-Quads bytes, as pyoxigraph writes them (see :func:`nquads_of`)."""


QuadSource = Union[rdflib.Graph, ox.Store, NQuads, bytes, Iterable[ox.Quad]]
"""What the writers accept: an rdflib ``Dataset``/``Graph``, a pyoxigraph ``Store``, N-Quads
bytes, or pyoxigraph quads."""

# --------------------------------------------------------------------------- rdflib <-> pyoxigraph


def to_oxigraph(dataset: rdflib.Graph, store: ox.Store | None = None) -> ox.Store:
    """Copy an rdflib ``Dataset`` (or ``Graph``) into a pyoxigraph store, via N-Quads bytes.

    Named graphs stay named graphs; rdflib's default graph becomes the store's default graph.
    A new in-memory store is created when ``store`` is ``None``. The store keeps numeric
    literals in canonical form (fine for SPARQL; exports use :func:`nquads_of` instead).
    """
    target = ox.Store() if store is None else store
    if isinstance(dataset, rdflib.ConjunctiveGraph):
        data = dataset.serialize(format="nquads", encoding="utf-8")
        target.load(data, format=ox.RdfFormat.N_QUADS)
    else:
        data = dataset.serialize(format="nt", encoding="utf-8")
        target.load(data, format=ox.RdfFormat.N_TRIPLES)
    return target


def nquads_of(source: QuadSource) -> NQuads:
    """Canonical N-Quads of an rdflib graph, a pyoxigraph store, N-Quads bytes or quads.

    Goes through bytes and ``pyoxigraph.parse`` / ``serialize`` (no ``Store`` for rdflib input,
    which would canonicalise numeric literals), so literals keep their lexical form and datatype.
    Invalid IRIs or literals in an rdflib graph raise ``SyntaxError`` here, not in a writer.
    """
    if isinstance(source, NQuads):
        return source
    if isinstance(source, ox.Store):
        return NQuads(source.dump(format=ox.RdfFormat.N_QUADS) or b"")
    quads: Iterable[ox.Quad]
    if isinstance(source, rdflib.ConjunctiveGraph):
        quads = ox.parse(source.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    elif isinstance(source, rdflib.Graph):
        quads = ox.parse(source.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    elif isinstance(source, bytes):
        quads = ox.parse(source, format=ox.RdfFormat.N_QUADS)
    else:
        quads = source
    return NQuads(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")


def to_rdflib(source: QuadSource) -> rdflib.Dataset:
    """Copy a pyoxigraph store (or N-Quads, or quads) into a new rdflib ``Dataset``.

    The quads are parsed by pyoxigraph and their terms built directly: rdflib's own N-Triples
    parser rescans its whole buffer for every 2 KB it reads, so a long line (one literal holding
    a whole report) took time quadratic in its length.
    """
    dataset = rdflib.Dataset()
    contexts: dict[str | None, rdflib.Graph] = {}
    term = _rdflib_term
    quads: Iterable[ox.Quad]
    if isinstance(source, bytes):
        quads = ox.parse(source, format=ox.RdfFormat.N_QUADS)
    elif isinstance(source, (rdflib.Graph, ox.Store)):
        quads = ox.parse(nquads_of(source), format=ox.RdfFormat.N_QUADS)
    else:
        quads = source
    for quad in quads:
        name = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graph = contexts.get(name)
        if graph is None:
            graph = contexts[name] = dataset.graph(DATASET_DEFAULT_GRAPH_ID if name is None else rdflib.URIRef(name))
        graph.add((term(quad.subject), term(quad.predicate), term(quad.object)))
    return dataset


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib_term(term: Any) -> rdflib.term.Node:
    """The rdflib term for a pyoxigraph one (a plain ``xsd:string`` literal has no datatype, as in rdflib)."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return rdflib.Literal(term.value) if datatype == _XSD_STRING else rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype))
    raise ValueError(f"RDF-star triple terms are not supported: {term}")


# --------------------------------------------------------------------------- reading


def read_rdf(path: Path) -> ox.Store:
    """Read an RDF file into a new in-memory pyoxigraph store, safely (see :func:`read_nquads`).

    Note that a pyoxigraph ``Store`` keeps numeric literals in canonical form (``"685.0"^^xsd:decimal``
    becomes ``"685"``, ``xsd:int`` becomes ``xsd:integer``); use :func:`read_nquads` for exact terms.

    :raises InputError: the file is missing, unreadable, refused or not valid RDF.
    """
    store = ox.Store()
    store.extend(read_quads(path))
    return store


def parse_rdf(path: Path) -> list[ox.Quad]:
    """The quads of an RDF file exactly as written, read safely (see :func:`read_nquads`)."""
    return list(read_quads(path))


def read_rdf_dataset(path: Path) -> rdflib.Dataset:
    """Read an RDF file safely (as :func:`read_nquads`) into an rdflib ``Dataset``, e.g. for pySHACL.

    :raises InputError: as :func:`read_nquads`, and for RDF 1.2 triple terms, which rdflib cannot hold.
    """
    try:
        return to_rdflib(read_quads(path))
    except ValueError as exc:
        raise InputError(str(path), str(exc)) from None


def read_nquads(path: Path) -> NQuads:
    """Read an RDF file safely and return its quads as canonical N-Quads, terms exactly as written.

    The format comes from the extension (see :data:`READ_FORMATS`). RDF/XML with a DOCTYPE or
    ENTITY declaration is refused; a JSON-LD ``@context`` is never fetched (qgraph's own context
    IRI is replaced by the bundled file, any other remote context is refused); JSON-LD and RDF/XML
    nested deeper than :data:`qgraph.rdfcheck.MAX_DEPTH` are refused. A syntax error is reported
    as ``FILE:LINE:COLUMN: message``. Time and memory are linear in the file's size.

    :raises InputError: the file is missing, unreadable, refused or not valid RDF.
    """
    return NQuads(ox.serialize(read_quads(path), format=ox.RdfFormat.N_QUADS) or b"")


def read_quads(path: Path) -> Iterator[ox.Quad]:
    """The quads of an RDF file, streamed, read safely (see :func:`read_nquads`).

    :raises InputError: while iterating: the file is missing, unreadable, refused or not valid RDF.
    """
    path = Path(path)
    fmt = READ_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(READ_FORMATS))
        raise InputError(str(path), f"unknown RDF file extension {path.suffix!r} (expected one of {known})")
    try:
        if fmt == ox.RdfFormat.RDF_XML:
            yield from ox.parse(rdfcheck.checked_rdfxml(str(path), path.read_bytes()), format=fmt)
        elif fmt == ox.RdfFormat.JSON_LD:
            yield from ox.parse(rdfcheck.checked_jsonld(str(path), path.read_bytes(), context(), CONTEXT_IRI), format=fmt)
        elif fmt == ox.RdfFormat.N_QUADS and path.is_dir():  # a large build's graph.nq: its segments in order
            from .segments import files, is_segmented

            if not is_segmented(path):
                raise IsADirectoryError(str(path))
            for part in files(path):
                yield from ox.parse(path=str(part), format=fmt)
        else:
            yield from ox.parse(path=str(path), format=fmt)
    except SyntaxError as exc:
        raise _syntax_error(path, exc) from None
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, not an RDF file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:  # e.g. invalid UTF-8 reported by the parser
        raise InputError(str(path), f"not valid RDF: {exc}") from None
    except MemoryError as exc:  # pyoxigraph's parsers cap one token at 16 MiB (JSON-LD: 8 MiB)
        if "buffer maximal size" not in str(exc):
            raise
        raise InputError(str(path), "a single term (a literal or an IRI) is too long for the parser "
                                    "(over 16 MiB; in JSON-LD over 8 MiB); refused") from None


def _syntax_error(path: Path, exc: SyntaxError) -> InputError:
    message = _OX_LOCATION.sub("", exc.msg or str(exc))
    if exc.lineno:
        return InputError(f"{path}:{exc.lineno}:{exc.offset or 1}", message)
    return InputError(str(path), message)


# --------------------------------------------------------------------------- JSON-LD context


def context_document() -> bytes:
    """The bytes of ``resources/context.jsonld``, generated from :data:`qgraph.vocab.PREFIXES`."""
    return (json.dumps({"@context": context()}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def context_path() -> Path:
    """The bundled JSON-LD context file."""
    return resource_dir("context.jsonld")


# --------------------------------------------------------------------------- writing


def serialize(dataset: QuadSource, fmt: str) -> bytes:
    """Serialise an rdflib ``Dataset`` (or a pyoxigraph ``Store``, or quads) as ``fmt``, deterministically.

    ``fmt`` is one of :data:`FORMATS`. Turtle and TriG use :data:`qgraph.vocab.PREFIXES` and no
    backslash-escaped local names; JSON-LD is compact with qgraph's context embedded.

    :raises ValueError: ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return serialize_rows(sorted_rows(nquads_of(dataset)), fmt)
