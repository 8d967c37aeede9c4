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

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence

import pyoxigraph as ox

from .errors import QueryError
from .query import QueryResult, StoredQuery
from .sparql import Term, term_to_json
from .sparql_prefixes import SPARQL_PREFIXES as PREFIXES

SOLUTION_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("ttl", "jsonld", "nt")
FORMATS = SOLUTION_FORMATS + GRAPH_FORMATS

_NAMESPACES = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda item: -len(item[0]))


def default_format(result: QueryResult) -> str:
    """``table`` for solutions and booleans, ``ttl`` for graphs."""
    return "ttl" if result.form in ("CONSTRUCT", "DESCRIBE") else "table"


def format_result(result: QueryResult, fmt: str | None = None, *, max_width: int | None = None,
                  terminal_width: int | None = None, hide_unbound: Sequence[str] = ()) -> str:
    """Write ``result`` as ``fmt`` (see :data:`FORMATS`); for a table see :func:`format_table`.

    :raises QueryError: the format does not fit the kind of result.
    """
    fmt = fmt or default_format(result)
    if result.form == "UPDATE":
        return "update done\n" if fmt == "table" else ""
    graph = result.form in ("CONSTRUCT", "DESCRIBE")
    if graph and fmt in GRAPH_FORMATS:
        return _graph(result.triples, fmt)
    if not graph and fmt in SOLUTION_FORMATS:
        if fmt == "table":
            return format_table(result, max_width=max_width, terminal_width=terminal_width, hide_unbound=hide_unbound)
        return _solutions(result, fmt)
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

    >>> width("枣庄市"), width("abc"), width("e\u0301")
    (6, 3, 1)
    """
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(wcwidth(c) for c in text)


def wcwidth(char: str) -> int:
    """Columns one character takes: 2 for East Asian wide and full-width ones, 0 for combining
    marks and control or format characters, else 1 (the standard library's Unicode tables: the
    ``wcwidth`` package costs 50-70 ms of start-up to import)."""
    if " " <= char < "\x7f":
        return 1
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cc", "Cf", "Mn", "Mc", "Me", "Zl", "Zp"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


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


def _wrap(text: str, columns: int) -> list[str]:
    """``text`` broken into lines of at most ``columns`` display columns (CJK characters take two)."""
    lines, line, used = [], [], 0
    for char in text:
        w = max(wcwidth(char), 0)
        if used + w > columns and line:
            lines.append("".join(line).rstrip())
            line, used = ([], 0) if char == " " else ([char], w)
            continue
        line.append(char)
        used += w
    lines.append("".join(line))
    return lines


def _pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


_MIN_LABEL = 8
"""Display columns a label column keeps at least when the table is fitted to the terminal."""


def _column_widths(header: Sequence[str], cells: Sequence[Sequence[tuple[str, bool]]], limit: int | None) -> list[int]:
    """Natural widths, narrowed to fit ``limit`` columns by wrapping labels (never IRIs) where needed."""
    natural = [max([width(h)] + [width(r[i][0]) for r in cells]) for i, h in enumerate(header)]
    if limit is None or limit <= 0:
        return natural
    floor = [max([min(width(h), _MIN_LABEL)] + [width(r[i][0]) if r[i][1] else min(width(r[i][0]), _MIN_LABEL)
                                                  for r in cells]) for i, h in enumerate(header)]
    widths = list(natural)
    room = limit - 2 * (len(header) - 1)
    while sum(widths) > room:
        shrinkable = [i for i, w in enumerate(widths) if w > floor[i]]
        if not shrinkable:
            break  # IRIs are printed in full: the table is wider than the terminal
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] = max(floor[widest], widths[widest] - max(1, sum(widths) - room))
    return widths


def format_table(result: QueryResult, *, max_width: int | None = None, terminal_width: int | None = None,
                 hide_unbound: Sequence[str] = ()) -> str:
    """An aligned text table, then ``(n rows)``; for ``ASK``, ``true`` or ``false``.

    Labels (literals) are cut to ``max_width`` and wrapped to fit ``terminal_width``; IRIs are
    always printed whole, as a prefixed name that round-trips or as ``<iri>``. Columns named in
    ``hide_unbound`` (parameters left unbound) are left out when no row binds them.
    """
    if result.form == "ASK":
        return "true" if result.boolean else "false"
    keep = [i for i, v in enumerate(result.variables)
            if v not in hide_unbound or any(row[i] is not None for row in result.rows)]
    header = [result.variables[i] for i in keep]
    cells = [[(display(row[i]), True) if isinstance(row[i], (ox.NamedNode, ox.BlankNode))
              else (_fit(display(row[i]), max_width), False) for i in keep] for row in result.rows]
    widths = _column_widths(header, cells, terminal_width)
    lines: list[str] = []
    dashed = False  # the rule under the header
    for row in [[(h, False) for h in header], *cells]:
        parts = [[text] if is_iri else _wrap(text, w) for (text, is_iri), w in zip(row, widths)]
        for k in range(max(len(p) for p in parts) if parts else 1):
            lines.append("  ".join(_pad(p[k] if k < len(p) else "", w) for p, w in zip(parts, widths)).rstrip())
        if not dashed:
            lines.append("  ".join("-" * w for w in widths))
            dashed = True
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

_RESULTS_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                    "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _solutions(result: QueryResult, fmt: str) -> str:
    """SPARQL 1.1 CSV / TSV / results JSON / results XML, written by pyoxigraph's own serialisers."""
    if result.form == "ASK":
        data: dict[str, object] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        if fmt == "xml" and any(t is not None and _XML_BAD.search(t.value) for row in result.rows for t in row):
            raise QueryError("a value holds a control character that XML 1.0 cannot carry; use --format json")
        data = {"head": {"vars": list(result.variables)}, "results": {"bindings": [
            {v: term_to_json(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
        ]}}
    parsed = ox.parse_query_results(json.dumps(data).encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=_RESULTS_FORMATS[fmt]).decode("utf-8")


# --------------------------------------------------------------------------- graphs


def _graph(triples: Sequence[ox.Triple], fmt: str) -> str:
    from .rdfio import serialize

    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    return serialize(quads, fmt).decode("utf-8")
