"""Deterministic RDF writers: N-Triples, N-Quads, Turtle, TriG and compact JSON-LD.

The writers take *rows* (:func:`sorted_rows`): quads as the N-Triples forms of graph, subject,
predicate and object, read from canonical N-Quads with one regular expression (no Python term
objects: that is where the time would go) and sorted (``rdf:type`` first), so output never
depends on insertion order or ``PYTHONHASHSEED``. Turtle and TriG use :data:`qgraph.vocab.PREFIXES` and write a
prefixed name only where the local name needs no backslash escape (GUIDE §6: Virtuoso misreads
them); JSON-LD is compact with qgraph's context embedded. Use :func:`qgraph.rdfio.serialize`.
"""

from __future__ import annotations

import functools
import json
import re
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from .resources import resource_dir
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
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_NATIVE_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,14})")  # canonical and exact in a JavaScript number
# Conservative local names: readable by every Turtle parser, never a backslash escape
# (Virtuoso 7.2.5 does not unescape them, GUIDE §6).
_SAFE_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_BARE = {  # Turtle shorthand that keeps the lexical form exactly
    "<http://www.w3.org/2001/XMLSchema#integer>": re.compile(r"[+-]?[0-9]+"),
    "<http://www.w3.org/2001/XMLSchema#decimal>": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    "<http://www.w3.org/2001/XMLSchema#boolean>": re.compile(r"true|false"),
}

Row = tuple[str, str, str, str]
"""A quad as the N-Triples forms of graph ('' for the default graph), subject, predicate, object."""

_TERM = r'<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9\-]+|\^\^<[^>]*>)?'
_LINE = re.compile(rf"(<[^>]*>|_:\S+) (<[^>]*>) ({_TERM})(?: (<[^>]*>|_:\S+))? \.")


def context() -> dict[str, Any]:
    """qgraph's JSON-LD context: one prefix per entry of :data:`qgraph.vocab.PREFIXES`, then the
    term definitions of ``resources/jsonld-terms.json`` (``"label": {"zh": "李震"}`` for labels,
    ``"place": "qgplace:370400"`` for links, ``"value": "96.2"`` for decimals)."""
    ctx: dict[str, Any] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    ctx.update(json.loads(_terms_text()))
    return ctx


@functools.cache
def _terms_text() -> str:
    return resource_dir("jsonld-terms.json").read_text(encoding="utf-8")


@functools.cache
def _term_index() -> dict[str, tuple[tuple[str, str | None], ...]]:
    """Full predicate IRI → its terms, each with what value it takes: ``"@id"`` (an IRI),
    ``"@language"`` (a language-tagged string), a datatype IRI, or ``None`` (anything)."""

    def expand(curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return f"{PREFIXES[prefix]}{local}" if prefix in PREFIXES else curie

    index: dict[str, list[tuple[str, str | None]]] = {}
    for name, spec in json.loads(_terms_text()).items():
        kind = "@language" if spec.get("@container") == "@language" else spec.get("@type")
        if kind not in (None, "@id", "@language"):
            kind = expand(kind)
        index.setdefault(expand(spec["@id"]), []).append((name, kind))
    return {iri: tuple(terms) for iri, terms in index.items()}


def serialize_rows(rows: list[Row], fmt: str) -> bytes:
    """Serialise rows from :func:`sorted_rows` (to write several formats from one sort)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return b"".join(chunk.encode("utf-8") for chunk in _WRITERS[fmt](rows))


def sorted_rows(nquads: bytes) -> list[Row]:
    """Distinct rows of canonical N-Quads (as ``pyoxigraph`` writes them), sorted by graph,
    subject, predicate (``rdf:type`` first) and object.

    :raises ValueError: a line is not a canonical N-Quads statement.
    """
    text = nquads.decode("utf-8")
    found = _LINE.findall(text)
    if len(found) != text.count("\n"):
        bad = next((n for n, line in enumerate(text.splitlines(), 1) if not _LINE.fullmatch(line)), 0)
        raise ValueError(f"line {bad} is not a canonical N-Quads statement")
    return _sort({(g, s, p, o) for s, p, o, g in found})


_DIGITS = re.compile(r"[0-9]+")


def _natural_run(match: re.Match[str]) -> str:
    run = match.group()
    return f"\x01{len(run.lstrip('0')):03d}{run}"


def _natural(term: str) -> str:
    """The sort key of one N-Triples term: IRIs in natural order (digit runs compared as numbers,
    ``…/listing/2`` before ``…/listing/10``) and a parent before its children (``…/m1`` before
    ``…/m1/pos``: the closing ``>`` is dropped); literals and blank nodes as they are.
    Injective: U+0001 never occurs in an IRI."""
    if term.startswith("<"):
        hit = _VOCAB_KEYS.get(term)
        if hit is None:
            hit = "<" + _DIGITS.sub(_natural_run, term[1:-1])
            if not term.startswith(_INSTANCES) and len(_VOCAB_KEYS) < 10_000:
                _VOCAB_KEYS[term] = hit  # predicates and classes: a few hundred, met in every document
        return hit
    return term


_INSTANCES = "<https://w3id.org/qgraph/id/"
_VOCAB_KEYS: dict[str, str] = {}


def row_key(triple: tuple[str, str, str], keys: dict[str, str]) -> str:
    """The sort key of a statement within one graph, as :func:`sorted_rows` orders them (subject,
    predicate with ``rdf:type`` first, object); ``keys`` memoises the key of each term."""
    return "\0".join(term_keys(triple, keys))


def term_keys(triple: tuple[str, str, str], keys: dict[str, str]) -> tuple[str, str, str]:
    """The sort keys of a statement's terms: as a tuple they sort as :func:`row_key` does."""
    s, p, o = triple
    ks = keys.get(s)
    if ks is None:
        ks = keys[s] = _natural(s)
    kp = keys.get(p)
    if kp is None:
        kp = keys[p] = "" if p == _RDF_TYPE else _natural(p)
    ko = keys.get(o)
    if ko is None:
        ko = keys[o] = _natural(o)
    return ks, kp, ko


def graph_key(graph: str) -> str:
    """The sort key of a graph name (``''`` for the default graph): graphs come in this order."""
    return _natural(graph)


def _sort(rows: set[Row]) -> list[Row]:
    # One string per row: comparing strings is much faster than comparing tuples, and "\0"
    # (escaped in N-Triples, so never inside a term) keeps the order of the tuples. The key of
    # each distinct term is computed once, before sorting.
    keys = {t: _natural(t) for t in {t for row in rows for t in row}}
    keys[_RDF_TYPE] = ""  # rdf:type first among predicates (it is never a graph or a subject)
    return sorted(rows, key=lambda r: f"{keys[r[0]]}\0{keys[r[1]]}\0{keys[r[2]]}\0{keys[r[3]]}")


def _union(rows: list[Row]) -> list[Row]:
    """The triples of all graphs, each once (graph ''), sorted by subject, predicate (``rdf:type`` first), object."""
    return _sort({("", s, p, o) for _, s, p, o in rows})


Triple = tuple[str, str, str]


def _triples(rows: list[Row]) -> Iterator[Triple]:
    return ((s, p, o) for _, s, p, o in _union(rows))


def write_triples(triples: Iterable[Triple], fmt: str) -> Iterator[str]:
    """N-Triples, Turtle or JSON-LD text of the union of all graphs, chunk by chunk, from
    ``triples`` already distinct and in the order of :func:`sorted_rows` (subject, predicate,
    object): the streaming form of :func:`serialize_rows`, which holds nothing but one subject."""
    writers = {"nt": _nt, "ttl": _ttl, "jsonld": _jsonld}
    if fmt not in writers:
        raise ValueError(f"not a format of triples: {fmt!r} (expected nt, ttl or jsonld)")
    return writers[fmt](triples)


def write_quads(rows: Iterable[Row], fmt: str) -> Iterator[str]:
    """N-Quads or TriG text, chunk by chunk, from distinct rows sorted as :func:`sorted_rows` sorts them."""
    if fmt == "nq":
        return _write_nq(rows)
    if fmt == "trig":
        return _trig(rows)
    raise ValueError(f"not a format of quads: {fmt!r} (expected nq or trig)")


def _write_nt(rows: list[Row]) -> Iterator[str]:
    return _nt(_triples(rows))


def _nt(triples: Iterable[Triple]) -> Iterator[str]:
    for s, p, o in triples:
        yield f"{s} {p} {o} .\n"


def _write_nq(rows: Iterable[Row]) -> Iterator[str]:
    for g, s, p, o in rows:
        yield f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n"


class _Compactor:
    """Turns N-Triples terms into prefixed names where that needs no escape (memoised per call)."""

    def __init__(self) -> None:
        self.namespaces = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda t: -len(t[0]))
        self._cache: dict[str, str] = {}
        self.jsonld: dict[str, str] = {}

    def trim(self) -> None:
        """Forget the memo when it grows large (a streamed corpus has millions of distinct IRIs)."""
        if len(self._cache) + len(self.jsonld) > self.MEMO:
            self._cache.clear()
            self.jsonld.clear()

    MEMO = 100_000

    def iri(self, term: str) -> str:
        """``<iri>`` -> ``prefix:local`` if the local name is plain, else unchanged."""
        hit = self._cache.get(term)
        if hit is None:
            hit = term
            value = term[1:-1]
            for ns, prefix in self.namespaces:
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


def _turtle_block(triples: Iterable[Triple], compactor: _Compactor, indent: str) -> Iterator[str]:
    """Turtle statements for triples sorted by subject, predicate, object."""
    subject = predicate = None
    for s, p, o in triples:
        obj = compactor.term(o)
        if s != subject:
            if subject is not None:
                yield " .\n"
                compactor.trim()
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
    return _ttl(_triples(rows))


def _ttl(triples: Iterable[Triple]) -> Iterator[str]:
    yield from _prefix_lines()
    yield "\n"
    yield from _turtle_block(triples, _Compactor(), "")


def _write_trig(rows: list[Row]) -> Iterator[str]:
    return _trig(rows)


def _trig(rows: Iterable[Row]) -> Iterator[str]:
    compactor = _Compactor()
    yield from _prefix_lines()
    for graph, group in itertools.groupby(rows, key=lambda r: r[0]):
        yield "\n"
        triples = ((s, p, o) for _, s, p, o in group)
        if graph:
            yield f"{compactor.term(graph)} {{\n"
            yield from _turtle_block(triples, compactor, "    ")
            yield "}\n"
        else:
            yield from _turtle_block(triples, compactor, "")


def _jsonld_term(compact: _Compactor, term: str) -> Any:
    """A JSON-LD value for an N-Triples term: a node reference, a plain string, a JSON number or
    boolean (canonical ``xsd:integer`` and ``xsd:boolean``), or a value object."""
    if term.startswith("<"):
        return {"@id": _jsonld_iri(compact, term[1:-1])}
    if term.startswith("_:"):
        return {"@id": term}
    value, suffix = _lexical(term)
    if suffix.startswith("@"):
        return {"@value": value, "@language": suffix[1:]}
    if not suffix or suffix == f"^^<{_XSD_STRING}>":
        return value
    if suffix == f"^^<{_XSD}integer>" and _NATIVE_INT.fullmatch(value):
        return int(value)
    if suffix == f"^^<{_XSD}boolean>" and value in ("true", "false"):
        return value == "true"
    return {"@value": value, "@type": _jsonld_iri(compact, suffix[3:-1])}


def _lexical(term: str) -> tuple[str, str]:
    """A literal's lexical form (unescaped) and what follows it (``@lang``, ``^^<dt>`` or '')."""
    end = term.rfind('"')
    lexical, suffix = term[1:end], term[end + 1:]
    return (json.loads(f'"{lexical}"') if "\\" in lexical else lexical), suffix  # canonical escapes are JSON's


def _jsonld_entry(compact: _Compactor, p: str, o: str) -> tuple[str, Any, str | None]:
    """The key, value and (for a language map) language of one statement about a node: the first
    term of :func:`context` that fits the value, else the compact IRI of the predicate."""
    for name, kind in _term_index().get(p[1:-1], ()):
        if kind is None:
            return name, _jsonld_term(compact, o), None
        if kind == "@id":
            if o.startswith("<"):
                return name, _jsonld_iri(compact, o[1:-1]), None
            if o.startswith("_:"):
                return name, o, None
        elif o.startswith('"'):
            value, suffix = _lexical(o)
            if kind == "@language" and suffix.startswith("@"):
                return name, value, suffix[1:]
            if suffix == f"^^<{kind}>":
                return name, value, None
    return _jsonld_iri(compact, p[1:-1]), _jsonld_term(compact, o), None


def _add(container: dict[str, Any], key: str, value: Any) -> None:
    if key in container:
        if not isinstance(container[key], list):
            container[key] = [container[key]]
        container[key].append(value)
    else:
        container[key] = value


def _jsonld_iri(compact: _Compactor, iri: str) -> str:
    """A JSON-LD compact IRI (``prefix:suffix``, slashes allowed) or the absolute IRI."""
    hit = compact.jsonld.get(iri)
    if hit is None:
        hit = iri
        for ns, prefix in compact.namespaces:
            if iri.startswith(ns) and not iri[len(ns):].startswith("//"):
                hit = f"{prefix}:{iri[len(ns):]}"
                break
        compact.jsonld[iri] = hit
    return hit


def _write_jsonld(rows: list[Row]) -> Iterator[str]:
    return _jsonld(_triples(rows))


def _jsonld(triples: Iterable[Triple]) -> Iterator[str]:
    # One node per line: readable, diff-friendly, and json's C encoder (``indent`` would
    # switch to the pure-Python one, several times slower).
    yield '{\n"@context": ' + json.dumps(context(), ensure_ascii=False) + ',\n"@graph": ['
    first, compact = True, _Compactor()
    for _, group in itertools.groupby(triples, key=lambda t: t[0]):
        yield ("\n" if first else ",\n") + json.dumps(_jsonld_node(group, compact), ensure_ascii=False)
        first = False
        compact.trim()
    yield "\n]}\n"


def _jsonld_node(triples: Iterable[Triple], compact: _Compactor) -> dict[str, Any]:
    node: dict[str, Any] = {}
    for s, p, o in triples:
        if not node:
            node = {"@id": s if s.startswith("_:") else _jsonld_iri(compact, s[1:-1])}
        if p == _RDF_TYPE and o.startswith("<"):
            _add(node, "@type", _jsonld_iri(compact, o[1:-1]))
            continue
        key, value, language = _jsonld_entry(compact, p, o)
        if language is None:
            _add(node, key, value)
        else:
            _add(node.setdefault(key, {}), language, value)
    return node


_WRITERS = {"ttl": _write_ttl, "nt": _write_nt, "nq": _write_nq, "trig": _write_trig, "jsonld": _write_jsonld}
