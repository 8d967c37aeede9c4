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
    if prefixes is None:
        return _shorten(iri)
    namespaces = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda i: -len(i[0]))
    for namespace, prefix in namespaces:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


_NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
_BY_TEXT: dict[str, str] = {}
for _ns, _p in _NAMESPACES:
    _BY_TEXT.setdefault(_ns, _p)
del _ns, _p
_LENGTHS = sorted({len(ns) for ns in _BY_TEXT}, reverse=True)


def _shorten(iri: str) -> str:
    """:func:`shorten` with qgraph's prefixes, by lookup: a local name is made of name characters
    only, so a namespace that shortens ``iri`` is ``iri``'s first n characters, for an n no shorter
    than what precedes its last run of name characters; longest first, as :func:`shorten` tries."""
    cut = len(iri.rstrip(_NAME_CHARS))
    for n in _LENGTHS:
        if n < cut:
            break
        prefix = _BY_TEXT.get(iri[:n])
        if prefix is not None and _LOCAL.fullmatch(iri, n):
            return f"{prefix}:{iri[n:]}"
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
    return sum(map(_CHAR_WIDTH.__getitem__, text))


def wcwidth(char: str) -> int:
    """Columns one character takes: 2 for East Asian wide and full-width ones, 0 for combining
    marks and control or format characters, else 1 (the standard library's Unicode tables: the
    ``wcwidth`` package costs 50-70 ms of start-up to import)."""
    if " " <= char < "\x7f":
        return 1
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cc", "Cf", "Mn", "Mc", "Me", "Zl", "Zp"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


class _CharWidths(dict[str, int]):
    """:func:`wcwidth` of each character met, computed once."""

    def __missing__(self, char: str) -> int:
        self[char] = w = wcwidth(char)
        return w


_CHAR_WIDTH = _CharWidths()


_LINE_BREAKS = re.compile(r"[\r\n\t]+")


def _fit(text: str, limit: int | None) -> str:
    if "\n" in text or "\r" in text or "\t" in text:
        text = _LINE_BREAKS.sub(" ", text)
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


class _Widths(dict[str, int]):
    """:func:`width` of each cell text met in one table, computed once (columns repeat their values)."""

    def __missing__(self, text: str) -> int:
        self[text] = w = width(text)
        return w


_MIN_LABEL = 8
"""Display columns a label column keeps at least when the table is fitted to the terminal."""


def _column_widths(header: Sequence[str], cells: Sequence[Sequence[tuple[str, bool]]], limit: int | None,
                   widths_of: Mapping[str, int] | None = None) -> list[int]:
    """Natural widths, narrowed to fit ``limit`` columns by wrapping labels (never IRIs) where needed."""
    wd = _Widths() if widths_of is None else widths_of
    columns = list(zip(*cells)) if cells else [() for _ in header]
    natural = [max([wd[h]] + [wd[text] for text, _ in column]) for h, column in zip(header, columns)]
    if limit is None or limit <= 0:
        return natural
    floor = [max([min(wd[h], _MIN_LABEL)] + [wd[text] if is_iri else min(wd[text], _MIN_LABEL) for text, is_iri in column])
             for h, column in zip(header, columns)]
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
    return _table(header, cells, terminal_width)


def format_answer_table(data: bytes, *, max_width: int | None = None, terminal_width: int | None = None,
                        hide_unbound: Sequence[str] = ()) -> str:
    """:func:`format_table` of a ``SELECT`` answer in SPARQL results JSON (as the engine writes it,
    :mod:`qgraph.answers`): the same text as ``format_table(answered(data), ...)``, without a term
    object per cell. The engine re-writes the answer as SPARQL TSV (one line per row, a term's
    kind told by its first character); each distinct cell text of a column is turned into what is
    shown once (columns repeat their values), and the columns are padded one at a time.

    >>> data = (b'{"head":{"vars":["place","rate"]},"results":{"bindings":[{"place":{"type":"uri",'
    ...         b'"value":"https://w3id.org/qgraph/id/place/370400"},"rate":{"type":"literal","value":"96.2"}}]}}')
    >>> print(format_answer_table(data))
    place           rate
    --------------  ----
    qgplace:370400  96.2
    (1 row)
    """
    parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    if isinstance(parsed, ox.QueryBoolean):
        return "true" if parsed else "false"
    lines = parsed.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8").split("\n")
    if not lines[0]:  # no variable
        from .query import answered

        return format_table(answered(data), max_width=max_width, terminal_width=terminal_width, hide_unbound=hide_unbound)
    variables = [v[1:] for v in lines[0].split("\t")]
    rows = [line.split("\t") for line in lines[1:-1]]
    raw_columns = list(zip(*rows)) if rows else [() for _ in variables]
    shown = _Shown(max_width)
    header: list[str] = []
    columns: list[list[tuple[str, bool]]] = []
    for variable, raw in zip(variables, raw_columns):
        distinct = set(raw)
        if variable in hide_unbound and distinct <= {""}:
            continue
        if any(cell.startswith("<<") for cell in distinct):  # a quoted triple: through the terms
            from .query import answered

            return format_table(answered(data), max_width=max_width, terminal_width=terminal_width,
                                hide_unbound=hide_unbound)
        header.append(variable)
        columns.append(list(map(shown.__getitem__, raw)))
    n = len(rows)
    wd = _Widths()
    widths = [max([wd[h]] + [wd[text] for text, _ in set(column)]) for h, column in zip(header, columns)]
    if terminal_width is not None and terminal_width > 0:
        cells = [list(r) for r in zip(*columns)] if columns else [[] for _ in range(n)]
        if _column_widths(header, cells, terminal_width, wd) != widths:  # fitted to a terminal: labels wrap
            return _table(header, cells, terminal_width)
    padded = []
    for column, w in zip(columns, widths):
        pads: dict[str, str] = {}
        for text, _ in set(column):
            pads[text] = text + " " * (w - wd[text])
        padded.append([pads[text] for text, _ in column])
    out = ["  ".join([_pad(h, w) for h, w in zip(header, widths)]).rstrip(), "  ".join("-" * w for w in widths)]
    if header:
        out += ["  ".join(line).rstrip() for line in zip(*padded)]
    else:
        out += [""] * n
    out.append(f"({n} row{'' if n == 1 else 's'})")
    return "\n".join(out)


class _Shown(dict[str, tuple[str, bool]]):
    """A SPARQL TSV cell -> (the text a table shows, is an IRI or blank node), computed once per cell text."""

    def __init__(self, max_width: int | None) -> None:
        super().__init__()
        self.max_width = max_width

    def __missing__(self, cell: str) -> tuple[str, bool]:
        if not cell:
            shown = ("", False)
        elif cell[0] == "<":
            shown = (_shorten(cell[1:-1]), True)
        elif cell.startswith("_:"):
            shown = (cell, True)
        elif cell[0] == '"':
            value = cell[1:cell.rindex('"')]
            if "\\" in value:  # escapes: read as the engine reads a literal
                value = next(iter(ox.parse(f"<urn:s> <urn:p> {cell} .".encode(), format=ox.RdfFormat.TURTLE))).object.value
            shown = (_fit(value, self.max_width), False)
        else:  # a number or a boolean, written bare
            shown = (_fit(cell, self.max_width), False)
        self[cell] = shown
        return shown


def _table(header: Sequence[str], cells: Sequence[Sequence[tuple[str, bool]]], terminal_width: int | None) -> str:
    """The lines of a table whose cells are (text shown, is an IRI), then ``(n rows)``."""
    wd = _Widths()
    widths = _column_widths(header, cells, terminal_width, wd)
    lines: list[str] = []
    dashed = False  # the rule under the header
    for row in [[(h, False) for h in header], *cells]:
        if all(is_iri or wd[text] <= w for (text, is_iri), w in zip(row, widths)):  # one line: nothing wrapped
            lines.append("  ".join([text + " " * (w - wd[text]) for (text, _), w in zip(row, widths)]).rstrip())
        else:
            parts = [[text] if is_iri or wd[text] <= w else _wrap(text, w) for (text, is_iri), w in zip(row, widths)]
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
