"""Deterministic RDF writers: N-Triples, N-Quads, Turtle, TriG and compact JSON-LD.

The writers take *rows* (:func:`sorted_rows`): quads keyed and sorted by the N-Triples form of
graph, subject, predicate (``rdf:type`` first) and object, so output never depends on insertion
order or ``PYTHONHASHSEED``. Turtle and TriG use :data:`qgraph.vocab.PREFIXES` and write a
prefixed name only where the local name needs no backslash escape (GUIDE §6: Virtuoso misreads
them); JSON-LD is compact with qgraph's context embedded. Use :func:`qgraph.rdfio.serialize`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from .vocab import PREFIXES

FORMATS: tuple[str, ...] = ("ttl", "nt", "nq", "trig", "jsonld")
"""Serialisation formats, by their usual file extension."""

MEDIA_TYPES: dict[str, str] = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "nq": "application/n-quads",
    "trig": "application/trig",
    "jsonld": "application/ld+json",
}

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# Conservative local names: readable by every Turtle parser, never a backslash escape
# (Virtuoso 7.2.5 does not unescape them, GUIDE §6).
_SAFE_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_BARE = {  # Turtle shorthand that keeps the lexical form exactly
    "<http://www.w3.org/2001/XMLSchema#integer>": re.compile(r"[+-]?[0-9]+"),
    "<http://www.w3.org/2001/XMLSchema#decimal>": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    "<http://www.w3.org/2001/XMLSchema#boolean>": re.compile(r"true|false"),
}

Row = tuple[str, str, str, str, ox.Quad]
"""A quad keyed by the N-Triples form of graph ('' for the default graph), subject, predicate, object."""


def context() -> dict[str, str]:
    """qgraph's JSON-LD context: one prefix per entry of :data:`qgraph.vocab.PREFIXES`."""
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def serialize_rows(rows: list[Row], fmt: str) -> bytes:
    """Serialise rows from :func:`sorted_rows` (to write several formats from one sort)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return b"".join(chunk.encode("utf-8") for chunk in _WRITERS[fmt](rows))


def sorted_rows(quads: Iterable[ox.Quad]) -> list[Row]:
    """Distinct quads sorted by the N-Triples form of graph, subject, predicate (``rdf:type`` first), object."""
    rows: dict[tuple[str, str, str, str], Row] = {}
    for q in quads:
        g = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        row = (g, str(q.subject), str(q.predicate), str(q.object), q)
        rows.setdefault(row[:4], row)
    return [rows[key] for key in sorted(rows, key=_order)]


def _order(key: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
    g, s, p, o = key
    return (g, s, "" if p == _RDF_TYPE else p, o)


def _union(rows: list[Row]) -> list[Row]:
    """The triples of all graphs, each once, sorted by subject, predicate (``rdf:type`` first), object."""
    seen: dict[tuple[str, str, str, str], Row] = {}
    for row in rows:
        seen.setdefault(("", *row[1:4]), row)
    return [seen[key] for key in sorted(seen, key=_order)]


def _write_nt(rows: list[Row]) -> Iterator[str]:
    for _, s, p, o, _q in _union(rows):
        yield f"{s} {p} {o} .\n"


def _write_nq(rows: list[Row]) -> Iterator[str]:
    for g, s, p, o, _q in rows:
        yield f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n"


class _Compactor:
    """Turns N-Triples terms into prefixed names where that needs no escape (memoised per call)."""

    def __init__(self) -> None:
        self._namespaces = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda t: -len(t[0]))
        self._cache: dict[str, str] = {}

    def iri(self, term: str) -> str:
        """``<iri>`` -> ``prefix:local`` if the local name is plain, else unchanged."""
        hit = self._cache.get(term)
        if hit is None:
            hit = term
            value = term[1:-1]
            for ns, prefix in self._namespaces:
                if value.startswith(ns) and _SAFE_LOCAL.fullmatch(value[len(ns):]):
                    hit = f"{prefix}:{value[len(ns):]}"
                    break
            self._cache[term] = hit
        return hit

    def term(self, term: str) -> str:
        if term.startswith("<"):
            return self.iri(term)
        if term.endswith(">") and term.startswith('"'):
            cut = term.rfind('"^^<')
            datatype = term[cut + 3 :]
            bare = _BARE.get(datatype)
            if bare is not None and bare.fullmatch(term[1:cut]):
                return term[1:cut]
            return term[: cut + 1] + "^^" + self.iri(datatype)
        return term


def _turtle_block(rows: list[Row], compactor: _Compactor, indent: str) -> Iterator[str]:
    """Turtle statements for rows sorted by subject, predicate, object."""
    subject = predicate = None
    for _, s, p, o, _q in rows:
        obj = compactor.term(o)
        if s != subject:
            if subject is not None:
                yield " .\n"
            pred = "a" if p == _RDF_TYPE else compactor.iri(p)
            yield f"{indent}{compactor.term(s)} {pred} {obj}"
            subject, predicate = s, p
        elif p != predicate:
            pred = "a" if p == _RDF_TYPE else compactor.iri(p)
            yield f" ;\n{indent}    {pred} {obj}"
            predicate = p
        else:
            yield f" ,\n{indent}        {obj}"
    if subject is not None:
        yield " .\n"


def _prefix_lines() -> Iterator[str]:
    for prefix, ns in PREFIXES.items():
        yield f"@prefix {prefix}: <{ns}> .\n"


def _write_ttl(rows: list[Row]) -> Iterator[str]:
    yield from _prefix_lines()
    yield "\n"
    yield from _turtle_block(_union(rows), _Compactor(), "")


def _write_trig(rows: list[Row]) -> Iterator[str]:
    compactor = _Compactor()
    yield from _prefix_lines()
    start = 0
    while start < len(rows):
        graph = rows[start][0]
        end = start
        while end < len(rows) and rows[end][0] == graph:
            end += 1
        yield "\n"
        if graph:
            yield f"{compactor.term(graph)} {{\n"
            yield from _turtle_block(rows[start:end], compactor, "    ")
            yield "}\n"
        else:
            yield from _turtle_block(rows[start:end], compactor, "")
        start = end


def _jsonld_term(compact: _Compactor, q_object: Any) -> Any:
    if isinstance(q_object, ox.Literal):
        datatype = q_object.datatype.value
        if q_object.language:
            return {"@value": q_object.value, "@language": q_object.language}
        if datatype == _XSD_STRING:
            return q_object.value
        return {"@value": q_object.value, "@type": _jsonld_iri(compact, datatype)}
    if isinstance(q_object, ox.BlankNode):
        return {"@id": f"_:{q_object.value}"}
    return {"@id": _jsonld_iri(compact, q_object.value)}


def _jsonld_iri(compact: _Compactor, iri: str) -> str:
    """A JSON-LD compact IRI (``prefix:suffix``, slashes allowed) or the absolute IRI."""
    hit = compact._cache.get(iri)
    if hit is None:
        hit = iri
        for ns, prefix in compact._namespaces:
            if iri.startswith(ns) and not iri[len(ns):].startswith("//"):
                hit = f"{prefix}:{iri[len(ns):]}"
                break
        compact._cache[iri] = hit
    return hit


def _write_jsonld(rows: list[Row]) -> Iterator[str]:
    compact = _Compactor()
    nodes: list[dict[str, Any]] = []
    node: dict[str, Any] = {}
    subject = None
    for _, s, p, _o, q in _union(rows):
        if s != subject:
            subject = s
            sub = q.subject
            node = {"@id": f"_:{sub.value}" if isinstance(sub, ox.BlankNode) else _jsonld_iri(compact, sub.value)}
            nodes.append(node)
        if p == _RDF_TYPE and isinstance(q.object, ox.NamedNode):
            key, value = "@type", _jsonld_iri(compact, q.object.value)
        else:
            key, value = _jsonld_iri(compact, q.predicate.value), _jsonld_term(compact, q.object)
        if key in node:
            if not isinstance(node[key], list):
                node[key] = [node[key]]
            node[key].append(value)
        else:
            node[key] = value
    document = {"@context": context(), "@graph": nodes}
    yield json.dumps(document, ensure_ascii=False, indent=1)
    yield "\n"


_WRITERS = {"ttl": _write_ttl, "nt": _write_nt, "nq": _write_nq, "trig": _write_trig, "jsonld": _write_jsonld}
