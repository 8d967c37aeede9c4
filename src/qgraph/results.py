"""Writing query results: aligned tables for people, standard formats for programs.

``SELECT`` and ``ASK`` results: ``table`` (columns aligned by the display width of CJK text,
literals shown plainly, IRIs shortened with the prefixes of :data:`qgraph.vocab.PREFIXES`),
``csv`` / ``tsv`` (SPARQL 1.1 CSV and TSV), ``json`` (SPARQL 1.1 results JSON) and ``xml``
(SPARQL results XML). ``CONSTRUCT`` and ``DESCRIBE`` results: ``ttl``, ``jsonld``, ``nt``.

>>> import pyoxigraph as ox
>>> from qgraph.query import QueryResult
>>> r = QueryResult("SELECT", ("place", "rate"),
...                 ((ox.NamedNode("https://w3id.org/qgraph/id/place/370400"), ox.Literal("96.2")),))
>>> print(format_result(r, "table"))
place           rate
--------------  ----
qgplace:370400  96.2
(1 row)
>>> format_result(r, "csv").splitlines()
['place,rate', 'https://w3id.org/qgraph/id/place/370400,96.2']
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from wcwidth import wcswidth, wcwidth

from .errors import QueryError
from .query import QueryResult, StoredQuery
from .sparql import Term, term_to_json
from .vocab import PREFIXES

SOLUTION_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("ttl", "jsonld", "nt")
FORMATS = SOLUTION_FORMATS + GRAPH_FORMATS

_NAMESPACES = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda item: -len(item[0]))


def default_format(result: QueryResult) -> str:
    """``table`` for solutions and booleans, ``ttl`` for graphs."""
    return "ttl" if result.form in ("CONSTRUCT", "DESCRIBE") else "table"


def format_result(result: QueryResult, fmt: str | None = None, *, max_width: int | None = None) -> str:
    """Write ``result`` as ``fmt`` (see :data:`FORMATS`); ``max_width`` truncates table cells
    holding literals (never IRIs).

    :raises QueryError: the format does not fit the kind of result.
    """
    fmt = fmt or default_format(result)
    if result.form == "UPDATE":
        return "update done\n" if fmt == "table" else ""
    graph = result.form in ("CONSTRUCT", "DESCRIBE")
    if graph and fmt in GRAPH_FORMATS:
        return _graph(result.triples, fmt)
    if not graph and fmt in SOLUTION_FORMATS:
        return {"table": lambda: format_table(result, max_width=max_width), "csv": lambda: _csv(result),
                "tsv": lambda: _tsv(result), "json": lambda: _json(result), "xml": lambda: _xml(result)}[fmt]()
    allowed = GRAPH_FORMATS if graph else SOLUTION_FORMATS
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    raise QueryError(f"a {result.form} result cannot be written as {fmt}; use one of {', '.join(allowed)}")


# --------------------------------------------------------------------------- display


_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_\-]*[A-Za-z0-9_])?")
"""Local names written as ``prefix:local``: valid in SPARQL 1.1 and Turtle 1.1 without escapes."""


def shorten(iri: str, prefixes: Mapping[str, str] | None = None) -> str:
    """``prefix:local`` where that is a valid SPARQL / Turtle prefixed name, else ``<iri>``: either
    can be pasted back into a query or into ``qgraph explain``.

    >>> shorten("https://w3id.org/qgraph/def#Municipal"), shorten("https://w3id.org/qgraph/id/place/370400")
    ('qg:Municipal', 'qgplace:370400')
    >>> shorten("https://w3id.org/qgraph/id/doc/d/obs/1"), shorten("http://example.org/x")
    ('<https://w3id.org/qgraph/id/doc/d/obs/1>', '<http://example.org/x>')
    """
    namespaces = _NAMESPACES if prefixes is None else sorted(((ns, p) for p, ns in prefixes.items()), key=lambda i: -len(i[0]))
    for namespace, prefix in namespaces:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def display(term: Term | None) -> str:
    """A term as people read it: literals plainly, IRIs shortened, blank nodes as ``_:id``."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (CJK characters take two).

    >>> width("枣庄市"), width("abc")
    (6, 3)
    """
    w = wcswidth(text)
    return w if w >= 0 else sum(max(wcwidth(c), 0) for c in text)


def _fit(text: str, limit: int | None) -> str:
    text = re.sub(r"[\r\n\t]+", " ", text)
    if limit is None or limit <= 0 or width(text) <= limit:
        return text
    out, used = [], 0
    for char in text:
        w = max(wcwidth(char), 0)
        if used + w > limit - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


def _pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def format_table(result: QueryResult, *, max_width: int | None = None) -> str:
    """An aligned text table, then ``(n rows)``; for ``ASK``, ``true`` or ``false``."""
    if result.form == "ASK":
        return "true" if result.boolean else "false"
    header = list(result.variables)
    # Labels may be cut to ``max_width``; IRIs never (they must paste back whole).
    cells = [[display(t) if isinstance(t, ox.NamedNode) else _fit(display(t), max_width) for t in row]
             for row in result.rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip() for row in cells]
    n = len(cells)
    lines.append(f"({n} row{'' if n == 1 else 's'})")
    return "\n".join(lines)


def format_stored_queries(queries: Sequence[StoredQuery]) -> str:
    """The table ``qgraph queries`` prints: name, title and parameters (``name=default``)."""
    rows = tuple(
        (ox.Literal(q.name), ox.Literal(q.title),
         ox.Literal(", ".join(f"{p.name}={p.default}" if p.default else p.name for p in q.params)))
        for q in queries
    )
    return format_table(QueryResult("SELECT", ("name", "title", "parameters"), rows))


# --------------------------------------------------------------------------- SPARQL 1.1 result formats


def _csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if result.form == "ASK":
        writer.writerow(["_askResult"])
        writer.writerow(["true" if result.boolean else "false"])
        return out.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value for t in row])
    return out.getvalue()


def _tsv_term(term: Term | None) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t")  # N-Triples form; a tab inside a literal is escaped


def _tsv(result: QueryResult) -> str:
    if result.form == "ASK":
        return f"?_askResult\n{'true' if result.boolean else 'false'}\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json(result: QueryResult) -> str:
    if result.form == "ASK":
        data: dict[str, object] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        data = {"head": {"vars": list(result.variables)}, "results": {"bindings": [
            {v: term_to_json(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
        ]}}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    if _XML_BAD.search(text):
        raise QueryError("a value holds a control character that XML 1.0 cannot carry; use --format json")
    return escape(text)


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{_xml_text(term.value)}</literal>"
    if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        return f"<literal datatype={quoteattr(term.datatype.value)}>{_xml_text(term.value)}</literal>"
    return f"<literal>{_xml_text(term.value)}</literal>"


def _xml(result: QueryResult) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.form == "ASK":
        lines += ["  <head/>", f"  <boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(lines) + "\n"
    lines.append("  <head>")
    lines += [f"    <variable name={quoteattr(v)}/>" for v in result.variables]
    lines += ["  </head>", "  <results>"]
    for row in result.rows:
        lines.append("    <result>")
        lines += [f"      <binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                  for v, t in zip(result.variables, row) if t is not None]
        lines.append("    </result>")
    lines += ["  </results>", "</sparql>"]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- graphs


def _graph(triples: Sequence[ox.Triple], fmt: str) -> str:
    from .rdfio import serialize

    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    return serialize(quads, fmt).decode("utf-8")
